/**
 * Node-only helpers: `fileStorage(dir)`, the PSA ITS file backend in the Mbed
 * TLS on-disk layout. Also exported from the package root (it loads `node:fs`
 * lazily, so the root stays browser-safe); this entry point exists for code
 * that wants to make the Node dependency explicit.
 * @module
 */

// The file backend of the ITS interface (`createPsa({ storage: fileStorage(dir) })`)
export { fileStorage, type FileStorageOptions } from './storage/file.js';
