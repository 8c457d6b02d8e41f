export * from './generate.js';
export * from './insert.js';
export * from './seed.js';
export * from './campaign.js';
