import { AppProviders } from '@huanjie/ui';
import {
  AppLayout,
  DailyReportsPage,
  DesktopTheme,
  GuidanceBoardPage,
  HomePage,
  LoginPage,
  RegionPage,
  RosterPage,
  type NavItem,
} from '@huanjie/ui/desktop';
import { Navigate, Route, Routes } from 'react-router';

const NAV: NavItem[] = [
  { to: '/guidance', label: 'guidance.nav.board', testId: 'nav-guidance' },
];

export function App() {
  return (
    <AppProviders app="township">
      <DesktopTheme>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<AppLayout nav={NAV} />}>
            <Route index element={<HomePage />} />
            <Route path="regions/:id" element={<RegionPage />} />
            <Route path="guidance" element={<GuidanceBoardPage />} />
            <Route path="guidance/roster" element={<RosterPage />} />
            <Route path="guidance/daily" element={<DailyReportsPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </DesktopTheme>
    </AppProviders>
  );
}
