import { AppProviders } from '@huanjie/ui';
import { AppLayout, DesktopTheme, HomePage, LoginPage, RegionPage } from '@huanjie/ui/desktop';
import { Navigate, Route, Routes } from 'react-router';

export function App() {
  return (
    <AppProviders app="county">
      <DesktopTheme>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="regions/:id" element={<RegionPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </DesktopTheme>
    </AppProviders>
  );
}
