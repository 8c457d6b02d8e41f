export * from './client.js';
export * from './migrate.js';
export * from './passwords.js';
export * from './relations.js';
export * from './schema/index.js';
export * from './raw.js';
export * from './national-rule-set.js';
export * from './views/index.js';
