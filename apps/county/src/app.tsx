import { AppProviders } from '@huanjie/ui';
import {
  AppLayout,
  AuditLogPage,
  CampaignOverviewPage,
  CampaignPage,
  CampaignsPage,
  CampaignVillagePage,
  RuleSetsPage,
  TownshipMatrixPage,
  CountyGuidancePage,
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
  { to: '/overview', label: 'campaign.nav.overview', testId: 'nav-overview' },
  { to: '/campaigns', label: 'campaign.nav.setup', testId: 'nav-campaigns' },
  { to: '/guidance', label: 'guidance.nav.boardCounty', testId: 'nav-guidance' },
  { to: '/results', label: 'elections.nav.results', testId: 'nav-results' },
  { to: '/statistics', label: 'elections.nav.statistics', testId: 'nav-statistics' },
  { to: '/audit', label: 'campaign.nav.audit', testId: 'nav-audit' },
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
            <Route path="overview" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId" element={<CampaignOverviewPage />} />
            <Route path="overview/:campaignId/:regionId" element={<CampaignOverviewPage />} />
            <Route path="villages/:campaignId/:villageId" element={<CampaignVillagePage />} />
            <Route path="matrix/:campaignId/:townshipId" element={<TownshipMatrixPage />} />
            <Route path="campaigns" element={<CampaignsPage />} />
            <Route path="campaigns/:id" element={<CampaignPage />} />
            <Route path="rules" element={<RuleSetsPage />} />
            <Route path="audit" element={<AuditLogPage />} />
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
