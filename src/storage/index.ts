/**
 * Persistent storage: the PSA Internal Trusted Storage interface, its
 * in-memory and file backends, and the persistent key record codec.
 * @module
 */
export * from './its.js';
export * from './memory.js';
export * from './file.js';
export * from './key-file.js';
