export { AppProviders, useAppTitle } from './app-providers.js';
export { lazyPage } from './lazy-page.js';
export { useCampaignEvents } from './campaign/live.js';
export {
  DISPLAY_COLOR,
  StageItemFragment,
  StageRecordFragment,
  dateOnlyFromRecords,
  daysLeftText,
  heldFactPath,
} from './campaign/stage.js';
export { submissionKey } from './elections/submission-key.js';
export { formatCount, levelLabel, roleLabel } from './i18n/labels.js';
export {
  combineMessages,
  defineMessages,
  LanguageProvider,
  translator,
  translatorHook,
  useLanguage,
  useT,
  type Catalogue,
  type Translate,
  type Translator,
} from './i18n/language.js';
export {
  CATALOGUE,
  LANGUAGE_NAME,
  LANGUAGES,
  type Language,
  type MessageKey,
} from './i18n/messages.js';
export {
  RegionBreadcrumbFragment,
  RegionChildrenFragment,
  RegionFactsFragment,
  RegionViewFragment,
} from './region/region-fragments.js';
export {
  ErrorFieldsFragment,
  RuleFindingFragment,
  RuleFindingsFragment,
  ValidationIssuesFragment,
  outcomeMessage,
} from './outcome/outcome.js';
export { emptyHomeKey, pageErrorKey } from './region/page-error.js';
export { regionPath, scopedCrumbs, type Crumb } from './region/region-path.js';
export {
  HomeQuery,
  RegionQuery,
  useHomeRegions,
  useRegion,
  type HomeData,
  type Loadable,
  type RegionData,
} from './region/region-queries.js';
export { SET_PASSWORD_PATH, SessionProvider, useSession } from './session/session-provider.js';
export {
  useChangePasswordFlow,
  type ChangePasswordForm,
} from './session/use-change-password-flow.js';
export { loginErrorView, useLoginFlow, type LoginErrorView } from './session/use-login-flow.js';
export { useLogoutFlow } from './session/use-logout-flow.js';
export { mayAtHome, useCan } from './session/permissions.js';
