import { PASSWORD_MIN_LENGTH } from '@huanjie/domain';
import { Button, List } from 'antd-mobile';
import { useState, type SyntheticEvent } from 'react';
import {
  useAppTitle,
  useChangePasswordFlow,
  useLogoutFlow,
  useSession,
  useT,
  type ChangePasswordForm,
} from '@huanjie/ui';
import { LanguageToggle } from '../layout/language-toggle.js';

const FIELDS = [
  { key: 'currentPassword', testId: 'password-current', autoComplete: 'current-password' },
  { key: 'newPassword', testId: 'password-new', autoComplete: 'new-password' },
  { key: 'repeat', testId: 'password-repeat', autoComplete: 'new-password' },
] as const;

// Native inputs, as on the login page: antd-mobile's Input puts data-* on its wrapper.
function PasswordForm({ firstTime }: { firstTime: boolean }) {
  const t = useT();
  const { submit, fetching, problems } = useChangePasswordFlow();
  const [values, setValues] = useState<ChangePasswordForm>({
    currentPassword: '',
    newPassword: '',
    repeat: '',
  });
  const [missing, setMissing] = useState(false);
  const label = {
    currentPassword: t(firstTime ? 'password.oneTime' : 'password.current'),
    newPassword: t('password.new'),
    repeat: t('password.repeat'),
  };
  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const empty = FIELDS.some((f) => values[f.key] === '');
    setMissing(empty);
    if (!empty) void submit(values);
  };
  const shown = missing ? [t('password.required')] : problems;
  return (
    <form onSubmit={onSubmit} noValidate>
      <List mode="card">
        {FIELDS.map((f) => (
          <List.Item
            key={f.key}
            prefix={
              <label className="hj-m-label" htmlFor={f.testId}>
                {label[f.key]}
              </label>
            }
          >
            <input
              id={f.testId}
              type="password"
              className="hj-m-input"
              data-testid={f.testId}
              autoComplete={f.autoComplete}
              value={values[f.key]}
              onChange={(e) => {
                setValues((v) => ({ ...v, [f.key]: e.target.value }));
              }}
            />
          </List.Item>
        ))}
      </List>
      <p className="hj-m-subtitle">{t('password.rules', { min: PASSWORD_MIN_LENGTH })}</p>
      {shown.length > 0 && (
        <div className="hj-m-error" role="alert" data-testid="password-error">
          {shown.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      <div className="hj-m-actions">
        <Button
          block
          color="primary"
          size="large"
          type="submit"
          loading={fetching}
          data-testid="password-submit"
        >
          {t('password.submit')}
        </Button>
      </div>
    </form>
  );
}

/** `/set-password`: after a sign-in with a one-time password, before anything else. */
export function SetPasswordPage() {
  const t = useT();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { logout } = useLogoutFlow();
  return (
    <div className="hj-m-login" data-testid="set-password-page">
      <div style={{ textAlign: 'right' }}>
        <LanguageToggle />
      </div>
      <h1>{title}</h1>
      <p className="hj-m-subtitle">{t('password.setHeading')}</p>
      <p className="hj-m-subtitle">{t('password.setIntro')}</p>
      <PasswordForm firstTime />
      <div className="hj-m-actions">
        <Button block fill="none" onClick={() => void logout()}>
          {t('layout.logout')}
        </Button>
      </div>
    </div>
  );
}

/** `/password`: the signed-in user changes their own password. */
export function ChangePasswordPage() {
  const t = useT();
  return (
    <div data-testid="change-password-page">
      <p className="hj-m-subtitle" style={{ paddingInline: 16 }}>
        {t('password.changeHeading')}
      </p>
      <PasswordForm firstTime={false} />
    </div>
  );
}
