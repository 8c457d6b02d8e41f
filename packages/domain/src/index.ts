export * from './errors.js';
export * from './policy.js';
export * from './regions.js';
export * from './roles.js';
export * from './campaign.js';
export * from './canonical-json.js';
export * from './findings.js';
