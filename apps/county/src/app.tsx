import { AppLayout, DesktopTheme, LoginPage, type NavItem } from '@huanjie/desktop';
import { AppProviders, lazyPage } from '@huanjie/ui';
import { Navigate, Route, Routes } from 'react-router';

const NAV: NavItem[] = [
  { to: '/overview', label: 'campaign.nav.overview', testId: 'nav-overview' },
  { to: '/campaigns', label: 'campaign.nav.setup', testId: 'nav-campaigns' },
  { to: '/guidance', label: 'guidance.nav.boardCounty', testId: 'nav-guidance' },
  { to: '/results', label: 'elections.nav.results', testId: 'nav-results' },
  { to: '/statistics', label: 'elections.nav.statistics', testId: 'nav-statistics' },
  { to: '/audit', label: 'campaign.nav.audit', testId: 'nav-audit' },
  { to: '/regions', label: 'campaign.nav.regions', testId: 'nav-regions' },
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
const RegionsAdminPage = lazyPage(
  () => import('./pages/regions/regions-admin-page.js'),
  'RegionsAdminPage',
);
const CountyGuidancePage = lazyPage(
  () => import('./pages/guidance/county-page.js'),
  'CountyGuidancePage',
);

export function App() {
  return (
    <AppProviders app="county">
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
            <Route path="matrix/:campaignId/:townshipId" element={<TownshipMatrixPage />} />
            <Route path="campaigns" element={<CampaignsPage />} />
            <Route path="campaigns/:id" element={<CampaignPage />} />
            <Route path="rules" element={<RuleSetsPage />} />
            <Route path="audit" element={<AuditLogPage />} />
            <Route path="regions" element={<RegionsAdminPage />} />
            <Route path="results" element={<ResultsQueuePage />} />
            <Route path="results/:id" element={<ResultReviewPage />} />
            <Route path="statistics" element={<ElectionStatisticsPage />} />
            <Route path="statistics/:id" element={<ElectionStatisticsPage />} />
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
