import { AppProviders } from '@huanjie/ui';
import {
  HomePage,
  LoginPage,
  MobileLayout,
  MobileTheme,
  PageLoading,
  RegionPage,
} from '@huanjie/ui/mobile';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';

// Pages after sign-in load on demand: the first load on a weak connection is the login page only.
const pages = () => import('@huanjie/ui/mobile/pages');
const ChecklistPage = lazy(() => pages().then((m) => ({ default: m.ChecklistPage })));
const StagePage = lazy(() => pages().then((m) => ({ default: m.StagePage })));
const VillageGuidancePage = lazy(() => pages().then((m) => ({ default: m.VillageGuidancePage })));
const ElectionUnitPage = lazy(() => pages().then((m) => ({ default: m.ElectionUnitPage })));
const ResultEntryPage = lazy(() => pages().then((m) => ({ default: m.ResultEntryPage })));
const CandidateListPrintPage = lazy(() => pages().then((m) => ({ default: m.CandidateListPrintPage })));

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
