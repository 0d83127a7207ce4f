export * from './allocator.js';
export * from './claims.js';
export * from './format.js';
export * from './kubeovn-subnet.js';
export * from './metallb-pool.js';
export * from './results.js';
export * from './transaction.js';
export * from './usable.js';
