/**
 * `src/values`: every PSA Crypto API 1.5 number and macro under its C name,
 * with exactly the C values, plus the name registry and `describe` /
 * `parse`. This layer imports nothing outside itself.
 * @module
 */
export * from './status.js';
export * from './error.js';
export * from './algorithms.js';
export * from './algorithms-pk.js';
export * from './alg-predicates.js';
export * from './key-types.js';
export * from './key-type-predicates.js';
export * from './usage.js';
export * from './lifetimes.js';
export * from './derivation.js';
export * from './pake.js';
export * from './limits.js';
export * from './sizes.js';
export * from './sizes-cipher.js';
export * from './sizes-export.js';
export * from './sizes-asym.js';
export * from './ecp-groups.js';
export * from './srp.js';
export * from './registry.js';
export * from './describe.js';
export * from './parse.js';
