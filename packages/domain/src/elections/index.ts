export * from './candidates.js';
export * from './composition.js';
export { ageOn } from './calendar.js';
export * from './election-rules.js';
export * from './posts.js';
export * from './rule-values.js';
export * from './statistics.js';
export * from './stroke-order.js';
export * from './previous-term.js';
