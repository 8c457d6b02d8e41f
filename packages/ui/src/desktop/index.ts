export { AppLayout } from './app-layout.js';
export { DesktopTheme } from './desktop-theme.js';
export { HomePage } from './home-page.js';
export { LanguageSwitch } from './language-switch.js';
export { LoginPage } from './login-page.js';
export { PageError, PageLoading } from './page-state.js';
export { RegionPage } from './region-page.js';
export { RegionView } from './region-view.js';
