// The shell both desktop apps load first, and the pieces their own pages build on. The screens
// both apps route to are modules of their own, `@huanjie/desktop/pages/…`, so each loads lazily.
export { type NavItem } from './layout/app-layout.js';
export { AppLayout, ChangePasswordPage, SetPasswordPage } from './layout/lazy-shell.js';
export { DesktopTheme } from './layout/desktop-theme.js';
export { PageError } from './layout/page-state.js';
export { PageLoading } from './layout/page-loading.js';
export { LoginPage } from './pages/login-page.js';
export { overviewPath, percent } from './pages/campaign/presentation.js';
export { keepIssuedSlips } from './pages/accounts/issued-slips.js';
export { StageDrawer } from './pages/campaign/stage-drawer.js';
export { useCampaignChoice } from './pages/campaign/use-campaign.js';
export { FindingFieldsFragment, FindingsList } from './pages/guidance/findings-list.js';
export { GuidanceNav } from './pages/guidance/guidance-nav.js';
export { CadreFieldsFragment, TeamFieldsFragment } from './pages/guidance/teams-panel.graphql.js';
export { TeamsPanel } from './pages/guidance/teams-panel.js';
export { desktopCatalogue, useT } from './i18n.js';
export { ImportReportView } from './sheets/import-report.js';
export { XLSX_TYPE, downloadBase64 } from './sheets/sheet-files.js';
export { ExportButton } from './sheets/export-button.js';
export { SheetUploadButton } from './sheets/sheet-upload-button.js';
