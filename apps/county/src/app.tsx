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
import { LandingPage } from './pages/landing-page.js';

// Each entry is shown to whom the domain's policy gives it across the county. A county supervisor
// reads only the townships assigned to them (PRODUCT.md §1), so the county-wide screens (overview,
// setup, the county's guidance board, results, statistics) are not theirs: their screen is 督导检查,
// whose townships link to their own overviews. The audit log is the admin's and the leader's.
//
// A province's or city's user reads the rollup of the counties below them instead of these
// county-shaped screens (unless: 'rollup.read'); each county's overview opens from the rollup.
const NAV: NavItem[] = [
  { to: '/rollup', label: 'campaign.nav.rollup', testId: 'nav-rollup', action: 'rollup.read' },
  {
    to: '/overview',
    label: 'campaign.nav.overview',
    testId: 'nav-overview',
    action: 'campaign.read',
    unless: 'rollup.read',
  },
  {
    to: '/campaigns',
    label: 'campaign.nav.setup',
    testId: 'nav-campaigns',
    action: 'campaign.read',
    unless: 'rollup.read',
  },
  {
    to: '/guidance',
    label: 'guidance.nav.boardCounty',
    testId: 'nav-guidance',
    action: 'guidance.read',
  },
  {
    to: '/results',
    label: 'elections.nav.results',
    testId: 'nav-results',
    action: 'election.read',
    unless: 'rollup.read',
  },
  {
    to: '/statistics',
    label: 'elections.nav.statistics',
    testId: 'nav-statistics',
    action: 'election.read',
    unless: 'rollup.read',
  },
  {
    to: '/summary',
    label: 'elections.nav.summary',
    testId: 'nav-summary',
    action: 'election.read',
    unless: 'rollup.read',
  },
  {
    to: '/supervision',
    label: 'campaign.nav.supervision',
    testId: 'nav-supervision',
    action: 'campaign.read',
    anywhere: true,
    unless: 'rollup.read',
  },
  {
    to: '/cases',
    label: 'campaign.nav.cases',
    testId: 'nav-cases',
    action: 'campaign.read',
    unless: 'rollup.read',
  },
  {
    to: '/risk-plans',
    label: 'campaign.nav.riskPlans',
    testId: 'nav-risk-plans',
    action: 'risk.answer',
  },
  { to: '/audit', label: 'campaign.nav.audit', testId: 'nav-audit', action: 'audit.read' },
  { to: '/accounts', label: 'layout.accounts', testId: 'nav-accounts', action: 'user.manage' },
  { to: '/regions', label: 'campaign.nav.regions', testId: 'nav-regions', action: 'region.manage' },
  {
    to: '/counties',
    label: 'campaign.nav.counties',
    testId: 'nav-counties',
    action: 'county.create',
  },
];

// Both desktop apps' screens, then the county's own; each loads when its route is first opened.
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
const CampaignsPage = lazyPage(() => import('./pages/campaign/campaigns-page.js'), 'CampaignsPage');
const CampaignPage = lazyPage(() => import('./pages/campaign/campaign-page.js'), 'CampaignPage');
const RuleSetsPage = lazyPage(() => import('./pages/campaign/rule-sets-page.js'), 'RuleSetsPage');
const AuditLogPage = lazyPage(() => import('./pages/campaign/audit-page.js'), 'AuditLogPage');
const SupervisionPage = lazyPage(
  () => import('@huanjie/desktop/pages/supervision/supervision-page'),
  'SupervisionPage',
);
const RegionsAdminPage = lazyPage(
  () => import('./pages/regions/regions-admin-page.js'),
  'RegionsAdminPage',
);
const RollupPage = lazyPage(() => import('./pages/rollup/rollup-page.js'), 'RollupPage');
const CountiesPage = lazyPage(() => import('./pages/regions/counties-page.js'), 'CountiesPage');
const CountyGuidancePage = lazyPage(
  () => import('./pages/guidance/county-page.js'),
  'CountyGuidancePage',
);
const CasesPage = lazyPage(() => import('@huanjie/desktop/pages/cases/cases-page'), 'CasesPage');
const CasePage = lazyPage(() => import('@huanjie/desktop/pages/cases/case-page'), 'CasePage');
const RiskPlansPage = lazyPage(
  () => import('@huanjie/desktop/pages/campaign/risk-plans-page'),
  'RiskPlansPage',
);
const AccountsPage = lazyPage(
  () => import('@huanjie/desktop/pages/accounts/accounts-page'),
  'AccountsPage',
);
const PasswordSlipsPage = lazyPage(
  () => import('@huanjie/desktop/pages/accounts/slips-page'),
  'PasswordSlipsPage',
);

export function App() {
  return (
    <AppProviders app="county">
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
            <Route index element={<LandingPage regions={<HomePage />} />} />
            <Route path="regions/:id" element={<RegionPage />} />
            <Route path="overview" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId/:regionId" element={<CampaignOverviewPage />} />
            <Route path="villages/:campaignId/:villageId" element={<CampaignVillagePage />} />
            <Route path="matrix/:campaignId/:townshipId" element={<TownshipMatrixPage />} />
            <Route path="campaigns" element={<CampaignsPage />} />
            <Route path="campaigns/:id" element={<CampaignPage />} />
            <Route path="rules" element={<RuleSetsPage />} />
            <Route path="audit" element={<AuditLogPage />} />
            <Route path="risk-plans" element={<RiskPlansPage />} />
            <Route path="regions" element={<RegionsAdminPage />} />
            <Route path="rollup" element={<RollupPage />} />
            <Route path="counties" element={<CountiesPage />} />
            <Route path="results" element={<ResultsQueuePage />} />
            <Route path="results/:id" element={<ResultReviewPage />} />
            <Route path="statistics" element={<ElectionStatisticsPage />} />
            <Route path="statistics/:id" element={<ElectionStatisticsPage />} />
            <Route path="summary" element={<WorkSummaryPage />} />
            <Route path="summary/:regionId" element={<WorkSummaryPage />} />
            <Route path="supervision" element={<SupervisionPage />} />
            <Route path="cases" element={<CasesPage />} />
            <Route path="cases/:id" element={<CasePage />} />
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
