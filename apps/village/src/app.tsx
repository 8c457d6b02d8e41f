import { AppProviders } from '@huanjie/ui';
import {
  CandidateListPrintPage,
  ChecklistPage,
  StagePage,
  ElectionUnitPage,
  HomePage,
  LoginPage,
  MobileLayout,
  MobileTheme,
  RegionPage,
  ResultEntryPage,
  VillageGuidancePage,
} from '@huanjie/ui/mobile';
import { Navigate, Route, Routes } from 'react-router';

export function App() {
  return (
    <AppProviders app="village">
      <MobileTheme>
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
      </MobileTheme>
    </AppProviders>
  );
}
