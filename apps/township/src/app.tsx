import { AppProviders } from '@huanjie/ui';
import {
  AppLayout,
  CampaignOverviewPage,
  CampaignVillagePage,
  StageReviewQueuePage,
  TownshipMatrixPage,
  DailyReportsPage,
  DesktopTheme,
  ElectionStatisticsPage,
  GuidanceBoardPage,
  HomePage,
  LoginPage,
  PreviousTermPage,
  RegionPage,
  ResultReviewPage,
  ResultsQueuePage,
  RosterPage,
  type NavItem,
} from '@huanjie/ui/desktop';
import { Navigate, Route, Routes } from 'react-router';

const NAV: NavItem[] = [
  { to: '/overview', label: 'campaign.nav.overview', testId: 'nav-overview' },
  { to: '/matrix', label: 'campaign.nav.matrix', testId: 'nav-matrix' },
  { to: '/review', label: 'campaign.nav.review', testId: 'nav-review' },
  { to: '/guidance', label: 'guidance.nav.board', testId: 'nav-guidance' },
  { to: '/results', label: 'elections.nav.results', testId: 'nav-results' },
  { to: '/statistics', label: 'elections.nav.statistics', testId: 'nav-statistics' },
  { to: '/previous-term', label: 'elections.nav.previousTerm', testId: 'nav-previous-term' },
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
            <Route path="overview" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId/:regionId" element={<CampaignOverviewPage />} />
            <Route path="villages/:campaignId/:villageId" element={<CampaignVillagePage />} />
            <Route path="matrix" element={<TownshipMatrixPage />} />
            <Route path="matrix/:campaignId/:townshipId" element={<TownshipMatrixPage />} />
            <Route path="review" element={<StageReviewQueuePage />} />
            <Route path="results" element={<ResultsQueuePage />} />
            <Route path="results/:id" element={<ResultReviewPage />} />
            <Route path="statistics" element={<ElectionStatisticsPage />} />
            <Route path="statistics/:id" element={<ElectionStatisticsPage />} />
            <Route path="previous-term" element={<PreviousTermPage />} />
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
