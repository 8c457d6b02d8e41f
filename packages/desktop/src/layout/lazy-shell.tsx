import { lazyPage } from '@huanjie/ui';
import { lazy, Suspense } from 'react';
import type { NavItem } from './app-layout.js';
import { PageLoading } from './page-loading.js';

// The first load is the sign-in screen: the signed-in shell and the password screens load after it.
const LazyAppLayout = lazy(() =>
  import('./app-layout.js').then((module) => ({ default: module.AppLayout })),
);
const LazySetPasswordPage = lazyPage(() => import('../pages/password-page.js'), 'SetPasswordPage');
const LazyChangePasswordPage = lazyPage(
  () => import('../pages/password-page.js'),
  'ChangePasswordPage',
);

/** Header with the app title, the app's sections, the signed-in user, language and logout. */
export function AppLayout({ nav }: { nav?: readonly NavItem[] }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyAppLayout nav={nav} />
    </Suspense>
  );
}

export function SetPasswordPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazySetPasswordPage />
    </Suspense>
  );
}

export function ChangePasswordPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyChangePasswordPage />
    </Suspense>
  );
}
