export { HomePage } from './home-page.js';
export { LanguageToggle } from './language-toggle.js';
export { LoginPage } from './login-page.js';
export { MobileLayout } from './mobile-layout.js';
export { MobileTheme } from './mobile-theme.js';
export { PageError, PageLoading } from './page-state.js';
export { RegionPage } from './region-page.js';
export { RegionView } from './region-view.js';
