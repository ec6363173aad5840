/**
 * RSA signature encodings (RFC 8017 §9): EMSA-PKCS1-v1_5 with the DigestInfo
 * of every hash that has an OID (or the bare input for
 * `PSA_ALG_RSA_PKCS1V15_SIGN_RAW`), and EMSA-PSS encoding and verification
 * with MGF1 over the same hash.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_INVALID_SIGNATURE, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_ALG_MD5,
  PSA_ALG_RIPEMD160,
  PSA_ALG_SHA3_224,
  PSA_ALG_SHA3_256,
  PSA_ALG_SHA3_384,
  PSA_ALG_SHA3_512,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_224,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ALG_SHA_512_224,
  PSA_ALG_SHA_512_256,
  PSA_HASH_LENGTH,
} from '../../../values/index.js';
import { softwareHashCompute } from '../hash/index.js';
import { mgf1 } from './padding.js';
import type { RandomBytes } from './math.js';

const NIST_HASH_ARC = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02];

/** DER contents of the hash algorithm OIDs (RFC 8017 §9.2 note 1, NIST CSOR). */
const HASH_OIDS: ReadonlyMap<number, readonly number[]> = new Map([
  [PSA_ALG_MD5, [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05]],
  [PSA_ALG_RIPEMD160, [0x2b, 0x24, 0x03, 0x02, 0x01]],
  [PSA_ALG_SHA_1, [0x2b, 0x0e, 0x03, 0x02, 0x1a]],
  [PSA_ALG_SHA_256, [...NIST_HASH_ARC, 0x01]],
  [PSA_ALG_SHA_384, [...NIST_HASH_ARC, 0x02]],
  [PSA_ALG_SHA_512, [...NIST_HASH_ARC, 0x03]],
  [PSA_ALG_SHA_224, [...NIST_HASH_ARC, 0x04]],
  [PSA_ALG_SHA_512_224, [...NIST_HASH_ARC, 0x05]],
  [PSA_ALG_SHA_512_256, [...NIST_HASH_ARC, 0x06]],
  [PSA_ALG_SHA3_224, [...NIST_HASH_ARC, 0x07]],
  [PSA_ALG_SHA3_256, [...NIST_HASH_ARC, 0x08]],
  [PSA_ALG_SHA3_384, [...NIST_HASH_ARC, 0x09]],
  [PSA_ALG_SHA3_512, [...NIST_HASH_ARC, 0x0a]],
]);

/** Whether `hashAlg` has a DigestInfo encoding here. */
export function hasDigestInfo(hashAlg: number): boolean {
  return HASH_OIDS.has(hashAlg);
}

/** DigestInfo ::= SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING digest }. */
function digestInfo(hashAlg: number, digest: Uint8Array): Uint8Array {
  const oid = HASH_OIDS.get(hashAlg);
  if (!oid) return fail(PSA_ERROR_NOT_SUPPORTED, 'RSA PKCS#1 v1.5: no DigestInfo for this hash');
  const algId = [0x30, oid.length + 4, 0x06, oid.length, ...oid, 0x05, 0x00];
  const inner = [...algId, 0x04, digest.length];
  const out = new Uint8Array(2 + inner.length + digest.length);
  out.set([0x30, inner.length + digest.length, ...inner], 0);
  out.set(digest, 2 + inner.length);
  return out;
}

/** EMSA-PKCS1-v1_5 for a `k`-byte modulus; `hashAlg` 0 means raw (the input is placed as is). */
export function pkcs1v15SignEncode(hashAlg: number, hash: Uint8Array, k: number): Uint8Array {
  const t = hashAlg === 0 ? hash : digestInfo(hashAlg, hash);
  if (k < t.length + 11) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA PKCS#1 v1.5: the key is too short for this hash');
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[k - t.length - 1] = 0x00;
  em.set(t, k - t.length);
  return em;
}

/** The `modBits − 1` bit mask of the first byte of an EMSA-PSS encoding. */
function topMask(modBits: number): number {
  const emBits = modBits - 1;
  const unused = 8 * Math.ceil(emBits / 8) - emBits;
  return 0xff >>> unused;
}

function pssHash(hashAlg: number, mHash: Uint8Array, salt: Uint8Array): Uint8Array {
  const m = new Uint8Array(8 + mHash.length + salt.length);
  m.set(mHash, 8);
  m.set(salt, 8 + mHash.length);
  return softwareHashCompute(hashAlg, m);
}

/**
 * EMSA-PSS encoding (RFC 8017 §9.1.1) of `mHash` for a `modBits`-bit modulus,
 * with a salt of the hash length or, when the key is too short for that,
 * the longest that fits (at least hLen − 2), as Mbed TLS does.
 */
export function pssEncode(hashAlg: number, mHash: Uint8Array, modBits: number, random: RandomBytes): Uint8Array {
  const hLen = PSA_HASH_LENGTH(hashAlg);
  const emLen = Math.ceil((modBits - 1) / 8);
  const minSalt = Math.max(0, hLen - 2);
  if (emLen < hLen + minSalt + 2) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA-PSS: the key is too short for this hash');
  const sLen = Math.min(hLen, emLen - hLen - 2);
  const salt = random(sLen);
  const h = pssHash(hashAlg, mHash, salt);
  const dbLen = emLen - hLen - 1;
  const em = new Uint8Array(emLen);
  const db = em.subarray(0, dbLen);
  db[dbLen - sLen - 1] = 0x01;
  db.set(salt, dbLen - sLen);
  const mask = mgf1(hashAlg, h, dbLen);
  for (let i = 0; i < dbLen; i++) db[i]! ^= mask[i]!;
  em[0]! &= topMask(modBits);
  em.set(h, dbLen);
  em[emLen - 1] = 0xbc;
  salt.fill(0);
  return em;
}

/**
 * EMSA-PSS verification (RFC 8017 §9.1.2). `em` is the `emLen`-byte
 * encoding; `saltLength` is the required salt length, or `undefined` for
 * any. Throws INVALID_SIGNATURE on any mismatch, INVALID_ARGUMENT (as Mbed TLS)
 * when the top bits are set or the key is too short for the hash.
 */
export function pssVerify(hashAlg: number, mHash: Uint8Array, em: Uint8Array, modBits: number, saltLength: number | undefined): void {
  const hLen = PSA_HASH_LENGTH(hashAlg);
  const emLen = em.length;
  const invalid = (): never => fail(PSA_ERROR_INVALID_SIGNATURE, 'RSA-PSS: invalid signature');
  // Checks and statuses in the order of mbedtls_rsa_rsassa_pss_verify_ext.
  if (em[emLen - 1] !== 0xbc) invalid();
  const mask8 = topMask(modBits);
  if ((em[0]! & ~mask8 & 0xff) !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA-PSS: the encoded message is larger than the modulus allows');
  if (emLen < hLen + 2) fail(PSA_ERROR_INVALID_ARGUMENT, 'RSA-PSS: the key is too short for this hash');
  const dbLen = emLen - hLen - 1;
  const h = em.subarray(dbLen, dbLen + hLen);
  const db = em.slice(0, dbLen);
  const mask = mgf1(hashAlg, h, dbLen);
  for (let i = 0; i < dbLen; i++) db[i]! ^= mask[i]!;
  db[0]! &= mask8;
  let i = 0;
  while (i < dbLen && db[i] === 0) i++;
  if (i === dbLen || db[i] !== 0x01) invalid();
  const salt = db.subarray(i + 1);
  if (saltLength !== undefined && salt.length !== saltLength) invalid();
  const expected = pssHash(hashAlg, mHash, salt);
  let diff = 0;
  for (let j = 0; j < hLen; j++) diff |= expected[j]! ^ h[j]!;
  if (diff !== 0) invalid();
}
