import { Alert, Button, Form, Input, theme } from 'antd';
import { useAppTitle, useLoginFlow, useSession, useT } from '@huanjie/ui';
import { LanguageSwitch } from '../layout/language-switch.js';
import { PlainCard } from '../layout/plain-card.js';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { submit, fetching, error } = useLoginFlow();
  const { token } = theme.useToken();

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <PlainCard style={{ width: 380 }}>
        {/* plain elements drawn as antd's Typography: it would bring tooltips and editing to the first load */}
        <h3
          style={{
            textAlign: 'center',
            margin: '0 0 0.5em',
            fontSize: token.fontSizeHeading3,
            fontWeight: token.fontWeightStrong,
            color: token.colorTextHeading,
          }}
        >
          {title}
        </h3>
        <p style={{ textAlign: 'center', margin: '0 0 1em', color: token.colorTextDescription }}>
          {t('login.heading')}
        </p>
        <Form<LoginForm>
          layout="vertical"
          requiredMark={false}
          onFinish={({ username, password }) => void submit(username, password)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && (
            <div data-testid="login-error" style={{ marginBottom: 16 }}>
              <Alert
                type="error"
                showIcon
                title={error.message}
                description={
                  error.useApp
                    ? t('login.useApp', { app: t(`app.title.${error.useApp}`) })
                    : undefined
                }
              />
            </div>
          )}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={fetching}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </PlainCard>
    </div>
  );
}
