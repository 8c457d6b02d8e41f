import { Button, List } from 'antd-mobile';
import { useState, type SyntheticEvent } from 'react';
import { useAppTitle, useLoginFlow, useSession, useT } from '@huanjie/ui';
import { LanguageToggle } from '../layout/language-toggle.js';

// Native inputs: antd-mobile's Input puts data-* attributes on its wrapper, not on the <input>.
export function LoginPage() {
  const t = useT();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { submit, fetching, error } = useLoginFlow();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | null>(null);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const empty = !username.trim()
      ? 'login.usernameRequired'
      : !password
        ? 'login.passwordRequired'
        : null;
    setMissing(empty && t(empty));
    if (!empty) void submit(username, password);
  };
  const message = missing ?? error?.message;

  return (
    <div className="hj-m-login">
      <div style={{ textAlign: 'right' }}>
        <LanguageToggle />
      </div>
      <h1>{title}</h1>
      <p className="hj-m-subtitle">{t('login.heading')}</p>
      <form onSubmit={onSubmit} noValidate>
        <List mode="card">
          <List.Item
            prefix={
              <label className="hj-m-label" htmlFor="login-username">
                {t('login.username')}
              </label>
            }
          >
            <input
              id="login-username"
              className="hj-m-input"
              data-testid="login-username"
              autoComplete="username"
              autoCapitalize="none"
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
              }}
            />
          </List.Item>
          <List.Item
            prefix={
              <label className="hj-m-label" htmlFor="login-password">
                {t('login.password')}
              </label>
            }
          >
            <input
              id="login-password"
              type="password"
              className="hj-m-input"
              data-testid="login-password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
            />
          </List.Item>
        </List>
        {message && (
          <div className="hj-m-error" role="alert" data-testid="login-error">
            <div>{message}</div>
            {!missing && error?.useApp && (
              <div>{t('login.useApp', { app: t(`app.title.${error.useApp}`) })}</div>
            )}
          </div>
        )}
        <div className="hj-m-actions">
          <Button
            block
            color="primary"
            size="large"
            type="submit"
            loading={fetching}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
