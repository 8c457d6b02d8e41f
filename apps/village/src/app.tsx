import { AppProviders } from '@huanjie/ui';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { MobileLayout } from './layout/mobile-layout.js';
import { MobileTheme } from './layout/mobile-theme.js';
import { PageLoading } from './layout/page-state.js';
import { LoginPage } from './pages/login-page.js';

// Every page after sign-in loads on demand: the first load on a weak connection is the login page.
const HomePage = lazy(() =>
  import('./pages/region/home-page.js').then((m) => ({ default: m.HomePage })),
);
const RegionPage = lazy(() =>
  import('./pages/region/region-page.js').then((m) => ({ default: m.RegionPage })),
);
const ChecklistPage = lazy(() =>
  import('./pages/campaign/checklist-page.js').then((m) => ({ default: m.ChecklistPage })),
);
const StagePage = lazy(() =>
  import('./pages/campaign/stage-page.js').then((m) => ({ default: m.StagePage })),
);
const VillageGuidancePage = lazy(() =>
  import('./pages/guidance/village-guidance-page.js').then((m) => ({
    default: m.VillageGuidancePage,
  })),
);
const ElectionUnitPage = lazy(() =>
  import('./pages/elections/unit-page.js').then((m) => ({ default: m.ElectionUnitPage })),
);
const ResultEntryPage = lazy(() =>
  import('./pages/elections/result-page.js').then((m) => ({ default: m.ResultEntryPage })),
);
const CandidateListPrintPage = lazy(() =>
  import('./pages/elections/print-page.js').then((m) => ({ default: m.CandidateListPrintPage })),
);

export function App() {
  return (
    <AppProviders app="village">
      <MobileTheme>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/elections/:id/print" element={<CandidateListPrintPage />} />
            <Route element={<MobileLayout />}>
              <Route index element={<HomePage />} />
              <Route path="regions/:id" element={<RegionPage />} />
              <Route path="campaigns/:campaignId/villages/:villageId" element={<ChecklistPage />} />
              <Route
                path="campaigns/:campaignId/villages/:villageId/stages/:unitElectionId/:stageCode"
                element={<StagePage />}
              />
              <Route path="guidance/:id" element={<VillageGuidancePage />} />
              <Route path="elections/:id" element={<ElectionUnitPage />} />
              <Route path="elections/:id/result" element={<ResultEntryPage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </MobileTheme>
    </AppProviders>
  );
}
