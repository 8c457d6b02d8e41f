export * from './generate.js';
export * from './insert.js';
export * from './seed.js';
export { openElectionToday, openElectionVillageKey } from './results.js';
export * from './campaign.js';
