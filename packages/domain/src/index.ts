export * from './errors.js';
export * from './policy.js';
export * from './regions.js';
export * from './roles.js';
