export * from './login-attempts.js';
export * from './regions.js';
export * from './sessions.js';
export * from './users.js';
export * from './zones.js';
