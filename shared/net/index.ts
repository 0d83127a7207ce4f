export * from './address.js';
export * from './cidr.js';
export * from './classify.js';
export * from './errors.js';
export * from './interval-index.js';
export type { IPRange } from './range.js';
export * from './range-set.js';
export * from './ranges.js';
export * from './syntax.js';
