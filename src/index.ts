/**
 * psa-crypto: the PSA Certified Crypto API 1.5 in TypeScript.
 *
 * ```ts
 * import { createPsa, PSA_KEY_TYPE_AES, PSA_KEY_USAGE_EXPORT } from 'psa-crypto';
 * const psa = createPsa();
 * const id = psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128, usage: PSA_KEY_USAGE_EXPORT });
 * ```
 *
 * Every export is named: the public surface is the list in
 * `spec/exports/surface.txt`, which a test compares with these files.
 * @module
 */

export * from './values/index.js';
export { PsaError } from './values/error.js';
export type { PsaStatusName } from './values/status.js';
export { ecpGroupToPsa } from './values/ecp-groups.js';

// --- The instance and its options ---
export { Psa } from './core/psa.js';
export { createPsa } from './create.js';
export type { PsaOptions } from './core/options.js';
export type { KeyAttributes, ResolvedKeyAttributes } from './core/keys/attributes.js';
export type { CustomKeyParameters } from './core/keys/management.js';
export type { KeyStoreStats } from './core/keys/store.js';

// --- Operation objects (what `psa.hashSetup()` and the other setup methods return) ---
export { HashOperation } from './core/hash.js';
export { MacOperation } from './core/mac.js';
export { CipherOperation } from './core/cipher.js';
export { AeadOperation, type AeadFinishOutput } from './core/aead/index.js';
export { XofOperation, type XofState } from './core/xof.js';
export { SignOperation, VerifyOperation } from './core/sign/operation.js';
export { SignHashInterruptible, VerifyHashInterruptible } from './core/sign/interruptible.js';
export type { EncapsulateResult } from './core/encapsulation.js';
export { KeyDerivationOperation } from './core/key-derivation/index.js';
export { PakeOperation, type PakeCipherSuite } from './core/pake/index.js';
export { GenerateKeyIop, ExportPublicKeyIop, KeyAgreementIop } from './core/iop.js';

// --- Entropy sources (`createPsa({ entropy })`) ---
export { systemEntropy, failingEntropy, type EntropySource } from './core/random/entropy.js';
// (the deterministic `seededEntropy` is for tests only: `psa-crypto/testing`)

// --- Storage: the ITS interface, its creation flags, the backends (`createPsa({ storage })`) ---
export {
  memoryStorage, fileStorage,
  PSA_STORAGE_FLAG_NONE, PSA_STORAGE_FLAG_WRITE_ONCE, PSA_STORAGE_FLAG_NO_CONFIDENTIALITY, PSA_STORAGE_FLAG_NO_REPLAY_PROTECTION,
} from './storage/index.js';
export type { Its, StorageInfo, StorageUid, FileStorageOptions } from './storage/index.js';

// --- Drivers: the software driver and the driver interface a driver author implements ---
export { softwareDriver } from './drivers/software/index.js';
export type {
  AttachedKey,
  Driver,
  DriverEntryPoints,
  DriverKeyAttributes,
  GenerateKeyOptions,
  HashContext,
  HashSuspendParts,
  KeyBuffer,
  KeyGenerationProgress,
  OpaqueDriver,
  TransparentDriver,
} from './drivers/driver.js';
export type { MacContext, MacEntryPoints } from './drivers/mac.js';
export type { CipherContext, CipherEntryPoints } from './drivers/cipher.js';
export type { AeadContext, AeadEntryPoints, AeadFinishResult } from './drivers/aead.js';
export type { XofContext, XofEntryPoints } from './drivers/xof.js';
export type { KeyWrapEntryPoints } from './drivers/wrap.js';
export type { RandomSource, SignEntryPoints } from './drivers/sign.js';
export type { AsymmetricEncryptionEntryPoints } from './drivers/asymmetric-encryption.js';
export type { KeyAgreementEntryPoints } from './drivers/key-agreement.js';
export type { KdfState, KeyDerivationEntryPoints } from './drivers/key-derivation.js';
export type { Encapsulated, EncapsulationEntryPoints } from './drivers/encapsulation.js';
export type { PakeContext, PakeEntryPoints, PakeInputs } from './drivers/pake.js';
export type { InterruptibleKeyEntryPoints } from './drivers/interruptible-keys.js';
