import { useMe } from '@huanjie/client';
import { Button, Layout, Space, Tag } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import {
  type MessageKey,
  roleLabel,
  useAppTitle,
  useLanguage,
  useLogoutFlow,
  useSession,
  useCan,
  useT,
} from '@huanjie/ui';
import type { Action } from '@huanjie/domain';
import { LanguageSwitch } from './language-switch.js';
import { PageLoading } from './page-loading.js';

/** A link in the header to one of the app's sections. */
export interface NavItem {
  to: string;
  label: MessageKey;
  testId: string;
  /**
   * Shown only to a user who may take this action across their home region (the domain's can()),
   * or, with `anywhere`, somewhere in their scope (a supervisor's assigned townships).
   */
  action?: Action;
  anywhere?: boolean;
  /**
   * Hidden from a user who may take this action (at home): the county-shaped screens from the
   * province's and city's users, whose screen is the rollup ('rollup.read').
   */
  unless?: Action;
}

/** Header with the app title, the app's sections, the signed-in user, language and logout. */
export function AppLayout({ nav = [] }: { nav?: readonly NavItem[] }) {
  const t = useT();
  const { language } = useLanguage();
  const { app } = useSession();
  const title = useAppTitle(app);
  const { me } = useMe();
  const { logout, fetching } = useLogoutFlow();
  const { can } = useCan();
  const shown = nav.filter(
    (item) =>
      (!item.action || can(item.action, item.anywhere)) && !(item.unless && can(item.unless)),
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24 }}>
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {title}
        </Link>
        {shown.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            style={{ color: '#fff', whiteSpace: 'nowrap' }}
            data-testid={item.testId}
          >
            {t(item.label)}
          </Link>
        ))}
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
          <Link to="/password" style={{ color: '#fff' }} data-testid="change-password">
            {t('layout.changePassword')}
          </Link>
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
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
