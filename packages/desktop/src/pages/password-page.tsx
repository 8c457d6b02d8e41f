import { Alert, Button, Form, Input, Typography } from 'antd';
import { PASSWORD_MIN_LENGTH } from '@huanjie/domain';
import {
  useAppTitle,
  useChangePasswordFlow,
  useLogoutFlow,
  useSession,
  useT,
  type ChangePasswordForm,
} from '@huanjie/ui';
import { LanguageSwitch } from '../layout/language-switch.js';
import { PlainCard } from '../layout/plain-card.js';

/** The form of both screens: current (or one-time) password, the new one twice. */
function PasswordForm({ firstTime }: { firstTime: boolean }) {
  const t = useT();
  const { submit, fetching, problems } = useChangePasswordFlow();
  const required = [{ required: true, message: t('password.required') }];
  return (
    <Form<ChangePasswordForm>
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="currentPassword"
        label={t(firstTime ? 'password.oneTime' : 'password.current')}
        rules={required}
      >
        <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rules', { min: PASSWORD_MIN_LENGTH })}
        rules={required}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item name="repeat" label={t('password.repeat')} rules={required}>
        <Input.Password autoComplete="new-password" data-testid="password-repeat" />
      </Form.Item>
      {problems.length > 0 && (
        <div data-testid="password-error" style={{ marginBottom: 16 }}>
          <Alert
            type="error"
            showIcon
            title={problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          />
        </div>
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={fetching}
        data-testid="password-submit"
      >
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/**
 * `/set-password`: after a sign-in with a one-time password, the only screen that works until a
 * new password is set (the API answers everything else with PASSWORD_CHANGE_REQUIRED).
 */
export function SetPasswordPage() {
  const t = useT();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { logout } = useLogoutFlow();
  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <PlainCard style={{ width: 420 }} testId="set-password-page">
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {title}
        </Typography.Title>
        <Typography.Title level={5}>{t('password.setHeading')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('password.setIntro')}</Typography.Paragraph>
        <PasswordForm firstTime />
        <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
          {t('layout.logout')}
        </Button>
      </PlainCard>
    </div>
  );
}

/** `/password`: a signed-in user changes their own password. */
export function ChangePasswordPage() {
  const t = useT();
  return (
    <PlainCard style={{ maxWidth: 460 }} testId="change-password-page">
      <Typography.Title level={4}>{t('password.changeHeading')}</Typography.Title>
      <PasswordForm firstTime={false} />
    </PlainCard>
  );
}
