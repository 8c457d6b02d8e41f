import { AppProviders } from '@huanjie/ui';
import {
  AppLayout,
  CountyGuidancePage,
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
  { to: '/guidance', label: 'guidance.nav.boardCounty', testId: 'nav-guidance' },
];

export function App() {
  return (
    <AppProviders app="county">
      <DesktopTheme>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<AppLayout nav={NAV} />}>
            <Route index element={<HomePage />} />
            <Route path="regions/:id" element={<RegionPage />} />
            <Route path="guidance" element={<CountyGuidancePage />} />
            <Route path="guidance/roster" element={<RosterPage />} />
            <Route path="guidance/townships/:id" element={<GuidanceBoardPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </DesktopTheme>
    </AppProviders>
  );
}
