// The village app's pages after sign-in that carry most of the code (forms, rules, printing):
// a separate entry so the app loads them lazily and the login page stays small on a slow phone.
export { VillageGuidancePage } from './guidance/village-guidance-page.js';
export { ElectionUnitPage } from './elections/unit-page.js';
export { ResultEntryPage } from './elections/result-page.js';
export { CandidateListPrintPage } from './elections/print-page.js';
export { ChecklistPage } from './campaign/checklist-page.js';
export { StagePage } from './campaign/stage-page.js';
