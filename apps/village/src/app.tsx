import { AppProviders } from '@huanjie/ui';
import {
  HomePage,
  LoginPage,
  MobileLayout,
  MobileTheme,
  RegionPage,
  VillageGuidancePage,
} from '@huanjie/ui/mobile';
import { Navigate, Route, Routes } from 'react-router';

export function App() {
  return (
    <AppProviders app="village">
      <MobileTheme>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<MobileLayout />}>
            <Route index element={<HomePage />} />
            <Route path="regions/:id" element={<RegionPage />} />
            <Route path="guidance/:id" element={<VillageGuidancePage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </MobileTheme>
    </AppProviders>
  );
}
