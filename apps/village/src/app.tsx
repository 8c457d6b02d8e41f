import { AppProviders, lazyPage } from '@huanjie/ui';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { MobileLayout } from './layout/mobile-layout.js';
import { MobileTheme } from './layout/mobile-theme.js';
import { PageLoading } from './layout/page-state.js';
import { ScrollToTop } from './layout/scroll-to-top.js';
import { LoginPage } from './pages/login-page.js';
import { ChangePasswordPage, SetPasswordPage } from './pages/password-page.js';

// Every page after sign-in loads on demand: the first load on a weak connection is the login page.
const HomePage = lazyPage(() => import('./pages/region/home-page.js'), 'HomePage');
const RegionPage = lazyPage(() => import('./pages/region/region-page.js'), 'RegionPage');
const ChecklistPage = lazyPage(() => import('./pages/campaign/checklist-page.js'), 'ChecklistPage');
const FollowUpPage = lazyPage(() => import('./pages/campaign/follow-up-page.js'), 'FollowUpPage');
const StagePage = lazyPage(() => import('./pages/campaign/stage-page.js'), 'StagePage');
const VillageGuidancePage = lazyPage(
  () => import('./pages/guidance/village-guidance-page.js'),
  'VillageGuidancePage',
);
const ElectionUnitPage = lazyPage(
  () => import('./pages/elections/unit-page.js'),
  'ElectionUnitPage',
);
const ResultEntryPage = lazyPage(
  () => import('./pages/elections/result-page.js'),
  'ResultEntryPage',
);
const VillageCasesPage = lazyPage(() => import('./pages/cases/cases-page.js'), 'VillageCasesPage');
const OpenCasePage = lazyPage(() => import('./pages/cases/open-case-page.js'), 'OpenCasePage');
const RepresentativesPage = lazyPage(
  () => import('./pages/representatives/representatives-page.js'),
  'RepresentativesPage',
);
const NoticePrintPage = lazyPage(
  () => import('./pages/elections/print-page.js'),
  'NoticePrintPage',
);

export function App() {
  return (
    <AppProviders app="village">
      <MobileTheme>
        <ScrollToTop />
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/set-password" element={<SetPasswordPage />} />
            <Route path="/elections/:id/print" element={<NoticePrintPage />} />
            <Route path="/elections/:id/print/:notice" element={<NoticePrintPage />} />
            <Route element={<MobileLayout />}>
              <Route index element={<HomePage />} />
              <Route path="password" element={<ChangePasswordPage />} />
              <Route path="regions/:id" element={<RegionPage />} />
              <Route path="campaigns/:campaignId/villages/:villageId" element={<ChecklistPage />} />
              <Route
                path="campaigns/:campaignId/villages/:villageId/follow-up"
                element={<FollowUpPage />}
              />
              <Route
                path="campaigns/:campaignId/villages/:villageId/stages/:unitElectionId/:stageCode"
                element={<StagePage />}
              />
              <Route
                path="campaigns/:campaignId/villages/:villageId/representatives"
                element={<RepresentativesPage />}
              />
              <Route path="guidance/:id" element={<VillageGuidancePage />} />
              <Route path="elections/:id" element={<ElectionUnitPage />} />
              <Route path="elections/:id/result" element={<ResultEntryPage />} />
              <Route path="villages/:villageId/cases" element={<VillageCasesPage />} />
              <Route path="villages/:villageId/cases/new" element={<OpenCasePage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </MobileTheme>
    </AppProviders>
  );
}
