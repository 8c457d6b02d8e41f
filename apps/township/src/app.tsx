import { AppProviders } from '@huanjie/ui';
import {
  AppLayout,
  DailyReportsPage,
  DesktopTheme,
  ElectionStatisticsPage,
  GuidanceBoardPage,
  HomePage,
  LoginPage,
  RegionPage,
  ResultReviewPage,
  ResultsQueuePage,
  RosterPage,
  type NavItem,
} from '@huanjie/ui/desktop';
import { Navigate, Route, Routes } from 'react-router';

const NAV: NavItem[] = [
  { to: '/guidance', label: 'guidance.nav.board', testId: 'nav-guidance' },
  { to: '/results', label: 'elections.nav.results', testId: 'nav-results' },
  { to: '/statistics', label: 'elections.nav.statistics', testId: 'nav-statistics' },
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
            <Route path="results" element={<ResultsQueuePage />} />
            <Route path="results/:id" element={<ResultReviewPage />} />
            <Route path="statistics" element={<ElectionStatisticsPage />} />
            <Route path="statistics/:id" element={<ElectionStatisticsPage />} />
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
