import {
  AppLayout,
  ChangePasswordPage,
  DesktopTheme,
  LoginPage,
  PageLoading,
  SetPasswordPage,
  type NavItem,
} from '@huanjie/desktop';
import { AppProviders, lazyPage } from '@huanjie/ui';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';

const NAV: NavItem[] = [
  { to: '/overview', label: 'campaign.nav.overview', testId: 'nav-overview' },
  { to: '/matrix', label: 'campaign.nav.matrix', testId: 'nav-matrix' },
  { to: '/review', label: 'campaign.nav.review', testId: 'nav-review' },
  { to: '/guidance', label: 'guidance.nav.board', testId: 'nav-guidance' },
  { to: '/results', label: 'elections.nav.results', testId: 'nav-results' },
  { to: '/statistics', label: 'elections.nav.statistics', testId: 'nav-statistics' },
  { to: '/summary', label: 'elections.nav.summary', testId: 'nav-summary' },
  { to: '/previous-term', label: 'elections.nav.previousTerm', testId: 'nav-previous-term' },
  {
    to: '/supervision',
    label: 'campaign.nav.corrections',
    testId: 'nav-supervision',
    action: 'correction.answer',
  },
  {
    to: '/cases',
    label: 'campaign.nav.cases',
    testId: 'nav-cases',
    action: 'campaign.read',
  },
  { to: '/accounts', label: 'layout.accounts', testId: 'nav-accounts', action: 'user.manage' },
  { to: '/zones', label: 'campaign.nav.zones', testId: 'nav-zones', action: 'zone.manage' },
];

// Both desktop apps' screens, then the township's own; each loads when its route is first opened.
const HomePage = lazyPage(() => import('@huanjie/desktop/pages/region/home-page'), 'HomePage');
const RegionPage = lazyPage(
  () => import('@huanjie/desktop/pages/region/region-page'),
  'RegionPage',
);
const CampaignOverviewPage = lazyPage(
  () => import('@huanjie/desktop/pages/campaign/overview-page'),
  'CampaignOverviewPage',
);
const CampaignVillagePage = lazyPage(
  () => import('@huanjie/desktop/pages/campaign/village-page'),
  'CampaignVillagePage',
);
const TownshipMatrixPage = lazyPage(
  () => import('@huanjie/desktop/pages/campaign/matrix-page'),
  'TownshipMatrixPage',
);
const ResultsQueuePage = lazyPage(
  () => import('@huanjie/desktop/pages/elections/results-queue-page'),
  'ResultsQueuePage',
);
const ResultReviewPage = lazyPage(
  () => import('@huanjie/desktop/pages/elections/result-review-page'),
  'ResultReviewPage',
);
const ElectionStatisticsPage = lazyPage(
  () => import('@huanjie/desktop/pages/elections/statistics-page'),
  'ElectionStatisticsPage',
);
const WorkSummaryPage = lazyPage(
  () => import('@huanjie/desktop/pages/summary/summary-page'),
  'WorkSummaryPage',
);
const GuidanceBoardPage = lazyPage(
  () => import('@huanjie/desktop/pages/guidance/board-page'),
  'GuidanceBoardPage',
);
const RosterPage = lazyPage(
  () => import('@huanjie/desktop/pages/guidance/roster-page'),
  'RosterPage',
);
const StageReviewQueuePage = lazyPage(
  () => import('./pages/campaign/review-queue-page.js'),
  'StageReviewQueuePage',
);
const DailyReportsPage = lazyPage(
  () => import('./pages/guidance/daily-reports-page.js'),
  'DailyReportsPage',
);
const SupervisionPage = lazyPage(
  () => import('@huanjie/desktop/pages/supervision/supervision-page'),
  'SupervisionPage',
);
const PreviousTermPage = lazyPage(
  () => import('./pages/elections/previous-term-page.js'),
  'PreviousTermPage',
);
const CasesPage = lazyPage(() => import('@huanjie/desktop/pages/cases/cases-page'), 'CasesPage');
const CasePage = lazyPage(() => import('@huanjie/desktop/pages/cases/case-page'), 'CasePage');
const AccountsPage = lazyPage(
  () => import('@huanjie/desktop/pages/accounts/accounts-page'),
  'AccountsPage',
);
const PasswordSlipsPage = lazyPage(
  () => import('@huanjie/desktop/pages/accounts/slips-page'),
  'PasswordSlipsPage',
);
const ZonesPage = lazyPage(() => import('./pages/zones/zones-page.js'), 'ZonesPage');

export function App() {
  return (
    <AppProviders app="township">
      <DesktopTheme>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/set-password" element={<SetPasswordPage />} />
          <Route
            path="/accounts/slips"
            element={
              <Suspense fallback={<PageLoading />}>
                <PasswordSlipsPage />
              </Suspense>
            }
          />
          <Route element={<AppLayout nav={NAV} />}>
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="password" element={<ChangePasswordPage />} />
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
            <Route path="summary" element={<WorkSummaryPage />} />
            <Route path="summary/:regionId" element={<WorkSummaryPage />} />
            <Route path="previous-term" element={<PreviousTermPage />} />
            <Route path="supervision" element={<SupervisionPage />} />
            <Route path="cases" element={<CasesPage />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="zones" element={<ZonesPage />} />
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
