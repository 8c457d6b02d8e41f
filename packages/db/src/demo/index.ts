export * from './generate.js';
export * from './insert.js';
