/**
 * The software driver's key derivation entry points: `keyDerivationSetup`
 * starts the state of a KDF (HKDF and its extract/expand halves, the TLS 1.2
 * PRF and PSK-to-MS, EC J-PAKE to PMS, PBKDF2 with HMAC or AES-CMAC-PRF-128,
 * the SP 800-108 counter KDFs, WPA3-SAE H2E, SRP password hashing), and
 * `deriveKey` makes the structured keys (ECC and SPAKE2+ key pairs, DES keys with their parity) of
 * `psa_key_derivation_output_key`. The core's rules (`core/key-derivation`)
 * have already accepted the algorithm; what is answered here is whether this
 * driver implements it (an HMAC-based KDF over a hash without HMAC here is
 * NOT_SUPPORTED, as in Mbed TLS's setup).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_GET_HASH,
  PSA_ALG_IS_HKDF,
  PSA_ALG_IS_HKDF_EXPAND,
  PSA_ALG_IS_HKDF_EXTRACT,
  PSA_ALG_IS_SP800_108_COUNTER_HMAC,
  PSA_ALG_IS_TLS12_PRF,
  PSA_ALG_IS_TLS12_PSK_TO_MS,
  PSA_ALG_PBKDF2_AES_CMAC_PRF_128,
  PSA_ALG_SP800_108_COUNTER_CMAC,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS,
  PSA_KEY_TYPE_DES,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  describe,
} from '../../../values/index.js';
import { PSA_ALG_IS_WPA3_SAE_H2E } from '../../../values/alg-predicates.js';
import { PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR } from '../../../values/key-type-predicates.js';
import { PSA_ALG_IS_SRP_PASSWORD_HASH } from '../../../values/srp.js';
import type { KdfState, KeyDerivationEntryPoints } from '../../key-derivation.js';
import { derivedDesKey } from '../cipher/des-key.js';
import { deriveEccKeyPair } from '../ecc/derive.js';
import { SOFTWARE_HMAC_HASHES } from '../mac/hmac.js';
import { derivedSpake2pKeyPair } from '../pake/spake2p/keys.js';
import { SrpPasswordHashState } from '../pake/srp/password-hash.js';
import { SaeH2eState } from '../pake/wpa3-sae/h2e-kdf.js';
import { EcjpakeToPmsState } from './ecjpake-to-pms.js';
import { HkdfState } from './hkdf.js';
import { Pbkdf2State } from './pbkdf2.js';
import { Sp800108CounterState } from './sp800-108.js';
import { Tls12PrfState } from './tls12.js';

/** Whether `kdf` runs over a block cipher or a fixed hash rather than HMAC with the hash it names. */
function hashFree(kdf: number): boolean {
  return kdf === PSA_ALG_TLS12_ECJPAKE_TO_PMS || kdf === PSA_ALG_PBKDF2_AES_CMAC_PRF_128 || kdf === PSA_ALG_SP800_108_COUNTER_CMAC;
}

/** A fresh state for `kdf`; NOT_SUPPORTED when its hash has no HMAC here. */
function keyDerivationSetup(kdf: number): KdfState {
  if (!hashFree(kdf) && !SOFTWARE_HMAC_HASHES.includes(PSA_ALG_GET_HASH(kdf))) {
    fail(PSA_ERROR_NOT_SUPPORTED, `psa_key_derivation_setup: ${describe(kdf, 'alg')} is not supported`);
  }
  if (PSA_ALG_IS_HKDF(kdf) || PSA_ALG_IS_HKDF_EXTRACT(kdf) || PSA_ALG_IS_HKDF_EXPAND(kdf)) return new HkdfState(kdf);
  if (PSA_ALG_IS_TLS12_PRF(kdf) || PSA_ALG_IS_TLS12_PSK_TO_MS(kdf)) return new Tls12PrfState(kdf);
  if (kdf === PSA_ALG_TLS12_ECJPAKE_TO_PMS) return new EcjpakeToPmsState();
  if (PSA_ALG_IS_SP800_108_COUNTER_HMAC(kdf) || kdf === PSA_ALG_SP800_108_COUNTER_CMAC) return new Sp800108CounterState(kdf);
  if (PSA_ALG_IS_WPA3_SAE_H2E(kdf)) return new SaeH2eState(kdf);
  if (PSA_ALG_IS_SRP_PASSWORD_HASH(kdf)) return new SrpPasswordHashState(kdf);
  return new Pbkdf2State(kdf);
}

/** The software driver's key derivation entry points. */
export const softwareKeyDerivation: KeyDerivationEntryPoints = {
  keyDerivationSetup,
  deriveKey(attributes, read, fn) {
    if (PSA_KEY_TYPE_IS_ECC_KEY_PAIR(attributes.type)) return deriveEccKeyPair(attributes, read, fn);
    if (attributes.type === PSA_KEY_TYPE_DES) return derivedDesKey(attributes.bits, read, fn);
    // SPAKE2+ registration (PSA 1.5 §9.5.9, RFC 9383 §3.2): w0s, w1s reduced mod n.
    if (PSA_KEY_TYPE_IS_SPAKE2P_KEY_PAIR(attributes.type)) return derivedSpake2pKeyPair(attributes.type, attributes.bits, read, fn);
    return fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${describe(attributes.type, 'keyType')} keys cannot be derived`);
  },
};
