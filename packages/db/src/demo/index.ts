export * from './generate.js';
export * from './insert.js';
export * from './seed.js';
