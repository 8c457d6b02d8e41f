export * from './unit-election-days.js';
