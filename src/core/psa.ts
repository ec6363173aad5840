/**
 * `Psa`: the TypeScript face of the PSA Crypto API. Methods are the C
 * functions in camelCase with the same argument order; outputs are
 * returned, failures thrown as `PsaError`. Several instances can coexist;
 * nothing is global.
 *
 * The whole surface is listed here: one interface per function group
 * (`face/<group>.ts` holds its signatures, doc comments and bodies), all
 * merged into `Psa` and put on its prototype in one statement. Adding a
 * function group is one new file and one entry in each list below. The
 * class itself only builds the instance (`psa_crypto_init`) and frees it
 * (`mbedtls_psa_crypto_free`). Its core context is kept in `face/instance.ts`,
 * out of the instance's reach. The defaults (software driver, memory
 * storage) are filled by `createPsa` in `src/create.ts`, outside the core.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';
import { PSA_KEY_ID_VOLATILE_MAX, PSA_KEY_ID_VOLATILE_MIN } from '../values/index.js';
import type { Its } from '../storage/its.js';
import { Dispatcher } from './dispatch.js';
import { systemEntropy } from './random/entropy.js';
import { KeyStore } from './keys/store.js';
import { PersistentKeys } from './keys/persistent.js';
import { DEFAULT_KEY_SLOT_COUNT, DEFAULT_KEY_STORE, type PsaOptions } from './options.js';
import { Rng } from './random/index.js';
import { checkObject, checkUint } from './validate.js';
import { api } from './face/api.js';
import { bindCore, defineMethods, storageOf, unbindCore } from './face/instance.js';
import { keyMethods, type KeyMethods } from './face/keys.js';
import { hashMethods, type HashMethods } from './face/hash.js';
import { macMethods, type MacMethods } from './face/mac.js';
import { cipherMethods, type CipherMethods } from './face/cipher.js';
import { aeadMethods, type AeadMethods } from './face/aead.js';
import { wrapMethods, type WrapMethods } from './face/wrap.js';
import { xofMethods, type XofMethods } from './face/xof.js';
import { keyDerivationMethods, type KeyDerivationMethods } from './face/key-derivation.js';
import { signMethods, type SignMethods } from './face/sign.js';
import { asymmetricEncryptionMethods, type AsymmetricEncryptionMethods } from './face/asymmetric-encryption.js';
import { keyAgreementMethods, type KeyAgreementMethods } from './face/key-agreement.js';
import { encapsulationMethods, type EncapsulationMethods } from './face/encapsulation.js';
import { pakeMethods, type PakeMethods } from './face/pake.js';
import { randomMethods, type RandomMethods } from './face/random.js';
import { iopMethods, type IopMethods } from './face/iop.js';

/** The methods of a PSA Crypto instance, one interface per function group (the bodies are on the prototype). */
export interface Psa extends
  KeyMethods,
  HashMethods,
  MacMethods,
  CipherMethods,
  AeadMethods,
  WrapMethods,
  XofMethods,
  KeyDerivationMethods,
  SignMethods,
  AsymmetricEncryptionMethods,
  KeyAgreementMethods,
  EncapsulationMethods,
  PakeMethods,
  RandomMethods,
  IopMethods {}

/** One PSA Crypto instance: a key store, its storage, its drivers and its random generator. */
export class Psa {
  /**
   * Build an instance from complete options; `createPsa(options)` fills
   * the default drivers and storage first, and is the usual way in.
   * @throws {PsaError} `PSA_ERROR_INVALID_ARGUMENT`: `options` not an object, `keySlotCount` out of range, `keyStore` neither `'static'` nor `'dynamic'`, `drivers` or `storage` missing, two opaque drivers for one location
   */
  constructor(options: PsaOptions) {
    api('createPsa', () => {
      const o = checkObject(options, 'createPsa', 'options') as PsaOptions;
      const slotCount = o.keySlotCount === undefined
        ? DEFAULT_KEY_SLOT_COUNT
        : checkUint(o.keySlotCount, 'createPsa', 'keySlotCount');
      if (slotCount < 1 || slotCount > PSA_KEY_ID_VOLATILE_MAX - PSA_KEY_ID_VOLATILE_MIN + 1) {
        fail(PSA_ERROR_INVALID_ARGUMENT, 'createPsa: keySlotCount out of range');
      }
      const model = o.keyStore ?? DEFAULT_KEY_STORE;
      if (model !== 'static' && model !== 'dynamic') {
        fail(PSA_ERROR_INVALID_ARGUMENT, "createPsa: keyStore must be 'static' or 'dynamic'");
      }
      const drivers = o.drivers ?? fail(PSA_ERROR_INVALID_ARGUMENT, 'createPsa: options.drivers is required');
      const storage = o.storage ?? fail(PSA_ERROR_INVALID_ARGUMENT, 'createPsa: options.storage is required');
      const dispatch = new Dispatcher(drivers);
      const persistent = new PersistentKeys(storage);
      const store = new KeyStore(slotCount, persistent, (id) => dispatch.builtinKey(id), model);
      bindCore(this, { store, persistent, dispatch, rng: new Rng(o.entropy ?? systemEntropy()) });
    });
  }

  /** The ITS backend holding this instance's persistent keys. */
  get storage(): Its {
    return storageOf(this);
  }

  /**
   * `mbedtls_psa_crypto_free`: wipe every key from memory and refuse further
   * calls (BAD_STATE). Persistent keys stay in storage.
   */
  close(): void {
    unbindCore(this)?.store.close();
  }
}

defineMethods(Psa.prototype, [
  keyMethods,
  hashMethods,
  macMethods,
  cipherMethods,
  aeadMethods,
  wrapMethods,
  xofMethods,
  keyDerivationMethods,
  signMethods,
  asymmetricEncryptionMethods,
  keyAgreementMethods,
  encapsulationMethods,
  pakeMethods,
  randomMethods,
  iopMethods,
]);
