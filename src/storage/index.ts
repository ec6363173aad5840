/**
 * Persistent storage, as users see it: the PSA Internal Trusted Storage
 * interface (`Its`, for a backend of one's own), its creation flags, and the
 * in-memory and file backends `createPsa({ storage })` takes.
 *
 * The argument checks shared by the backends (`its.ts`), the file layout
 * (`file.ts`: file names, header, lock file) and the persistent key record
 * codec (`key-file.ts`) are internal: the key store and the specs import
 * them from their own modules.
 * @module
 */

// The ITS interface and its creation flags (`psa/internal_trusted_storage.h`)
export {
  PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION,
} from './its.js';
export type { Its, StorageInfo, StorageUid } from './its.js';

// Backends
export { memoryStorage } from './memory.js';
export { fileStorage } from './file.js';
export type { FileStorageOptions } from './file.js';
