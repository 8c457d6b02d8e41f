import { useMe } from '@huanjie/client';
import { Button, Layout, Space, Tag } from 'antd';
import { Link, Outlet } from 'react-router';
import { useAppTitle } from '../app-providers.js';
import { roleLabel } from '../i18n/labels.js';
import { useLanguage, useT } from '../i18n/language.js';
import { useSession } from '../session/session-provider.js';
import { useLogoutFlow } from '../session/use-logout-flow.js';
import { LanguageSwitch } from './language-switch.js';

/** Header with the app title, the signed-in user, language and logout; pages render below. */
export function AppLayout() {
  const t = useT();
  const { language } = useLanguage();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { me } = useMe();
  const { logout, fetching } = useLogoutFlow();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {title}
        </Link>
        <div style={{ flex: 1 }} />
        <Space size="middle">
          {me && (
            <span style={{ color: '#fff' }}>
              <span data-testid="current-user">{me.displayName}</span>
              <Tag style={{ marginInlineStart: 8 }}>
                {language === 'zh' ? me.roleLabel : roleLabel(me.role, language)}
              </Tag>
            </span>
          )}
          <LanguageSwitch />
          <Button
            size="small"
            loading={fetching}
            onClick={() => void logout()}
            data-testid="logout"
          >
            {t('layout.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, width: '100%', maxWidth: 1200, marginInline: 'auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
