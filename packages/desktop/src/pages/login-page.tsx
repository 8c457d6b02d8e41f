import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useAppTitle, useLoginFlow, useSession, useT } from '@huanjie/ui';
import { LanguageSwitch } from '../layout/language-switch.js';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const t = useT();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { submit, fetching, error } = useLoginFlow();

  return (
    <div
      style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.heading')}
        </Typography.Paragraph>
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
      </Card>
    </div>
  );
}
