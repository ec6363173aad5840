/**
 * Size macros of the public-key operations: signatures, asymmetric
 * encryption, key agreement, key encapsulation and PAKE. RSA, ECDSA and
 * FFDH follow TF-PSA-Crypto's formulas; EdDSA and the 1.5 post-quantum
 * schemes get their exact sizes (Ed448 signatures are 114 bytes).
 * Maxima assume a build with RSA-4096, P-521, Ed448 and FFDH-8192.
 * @module
 */
import { PSA_ALG_IS_JPAKE, PSA_ALG_IS_RSA_OAEP, PSA_ALG_IS_SPAKE2P_CMAC, PSA_ALG_IS_SPAKE2P_HMAC, PSA_ALG_IS_WPA3_SAE } from './alg-predicates.js';
import { PSA_ALG_IS_SRP_6 } from './srp.js';
import {
  PSA_KEY_TYPE_IS_DH_KEY_PAIR,
  PSA_KEY_TYPE_IS_ECC,
  PSA_KEY_TYPE_IS_ECC_KEY_PAIR,
  PSA_KEY_TYPE_IS_ML_DSA,
  PSA_KEY_TYPE_IS_ML_KEM,
  PSA_KEY_TYPE_IS_RSA,
  PSA_KEY_TYPE_IS_SLH_DSA,
} from './key-type-predicates.js';
import { PSA_BITS_TO_BYTES, PSA_HASH_LENGTH } from './sizes.js';

/** Mbed TLS: size of a raw (r ‖ s) ECDSA signature on a `curveBits`-bit curve. */
export function PSA_ECDSA_SIGNATURE_SIZE(curveBits: number): number {
  return PSA_BITS_TO_BYTES(curveBits) * 2;
}
/** Mbed TLS: largest ECDSA signature of a supported curve (P-521: 132). */
export const PSA_VENDOR_ECDSA_SIGNATURE_MAX_SIZE = PSA_ECDSA_SIGNATURE_SIZE(521);

/** ML-DSA-44/65/87 signature sizes by key_bits (FIPS 204). */
const ML_DSA_SIG = new Map([[128, 2420], [192, 3309], [256, 4627]]);
/** SLH-DSA signature sizes by key_bits for the "s" and "f" sets (FIPS 205). */
const SLH_DSA_SIG_S = new Map([[128, 7856], [192, 16224], [256, 29792]]);
const SLH_DSA_SIG_F = new Map([[128, 17088], [192, 35664], [256, 49856]]);

/**
 * Signature size for a key of type `keyType` and `keyBits` bits: RSA the
 * modulus size, ECDSA 2·ceil(bits/8), EdDSA 64 (Ed25519) or 114 (Ed448),
 * ML-DSA and SLH-DSA per FIPS 204/205; 0 for keys that cannot sign.
 */
export function PSA_SIGN_OUTPUT_SIZE(keyType: number, keyBits: number, alg: number): number {
  if (PSA_KEY_TYPE_IS_RSA(keyType)) return PSA_BITS_TO_BYTES(keyBits);
  if (PSA_KEY_TYPE_IS_ECC(keyType)) {
    const family = keyType & 0x7f;
    if (family === 0x41) return 0; // Montgomery curves do not sign
    if (family === 0x42) return 2 * PSA_BITS_TO_BYTES(keyBits + 1);
    return PSA_ECDSA_SIGNATURE_SIZE(keyBits);
  }
  if (PSA_KEY_TYPE_IS_ML_DSA(keyType)) return ML_DSA_SIG.get(keyBits) ?? 0;
  if (PSA_KEY_TYPE_IS_SLH_DSA(keyType)) {
    const family = keyType & 0x7f;
    if (family === 0x02 || family === 0x0b) return SLH_DSA_SIG_S.get(keyBits) ?? 0;
    if (family === 0x04 || family === 0x0d) return SLH_DSA_SIG_F.get(keyBits) ?? 0;
  }
  return 0;
}
/** Largest signature of a supported algorithm (RSA-4096: 512). */
export const PSA_SIGNATURE_MAX_SIZE = PSA_BITS_TO_BYTES(4096);

/** Mbed TLS: RSA encryption padding overhead: OAEP 2·hLen + 1, PKCS#1 v1.5 11. */
export function PSA_RSA_MINIMUM_PADDING_SIZE(alg: number): number {
  return PSA_ALG_IS_RSA_OAEP(alg) ? 2 * PSA_HASH_LENGTH(alg) + 1 : 11;
}
/** Output size of `psa_asymmetric_encrypt`: the RSA modulus size; 0 for other keys. */
export function PSA_ASYMMETRIC_ENCRYPT_OUTPUT_SIZE(keyType: number, keyBits: number, alg: number): number {
  return PSA_KEY_TYPE_IS_RSA(keyType) ? PSA_BITS_TO_BYTES(keyBits) : 0;
}
/** Output size of `psa_asymmetric_encrypt` for any supported key (RSA-4096). */
export const PSA_ASYMMETRIC_ENCRYPT_OUTPUT_MAX_SIZE = PSA_BITS_TO_BYTES(4096);
/** Output size of `psa_asymmetric_decrypt`: modulus size minus padding overhead (0 if negative). */
export function PSA_ASYMMETRIC_DECRYPT_OUTPUT_SIZE(keyType: number, keyBits: number, alg: number): number {
  if (!PSA_KEY_TYPE_IS_RSA(keyType)) return 0;
  return Math.max(0, PSA_BITS_TO_BYTES(keyBits) - PSA_RSA_MINIMUM_PADDING_SIZE(alg));
}
/** Output size of `psa_asymmetric_decrypt` for any supported key (RSA-4096). */
export const PSA_ASYMMETRIC_DECRYPT_OUTPUT_MAX_SIZE = PSA_BITS_TO_BYTES(4096);

/** Output size of `psa_raw_key_agreement` with an ECC or FFDH key pair; 0 otherwise. */
export function PSA_RAW_KEY_AGREEMENT_OUTPUT_SIZE(keyType: number, keyBits: number): number {
  return PSA_KEY_TYPE_IS_ECC_KEY_PAIR(keyType) || PSA_KEY_TYPE_IS_DH_KEY_PAIR(keyType) ? PSA_BITS_TO_BYTES(keyBits) : 0;
}
/** Output size of `psa_raw_key_agreement` for any supported key (FFDH-8192: 1024). */
export const PSA_RAW_KEY_AGREEMENT_OUTPUT_MAX_SIZE = PSA_BITS_TO_BYTES(8192);

/** ML-KEM-512/768/1024 ciphertext sizes by key_bits (FIPS 203). */
const ML_KEM_CT = new Map([[512, 768], [768, 1088], [1024, 1568]]);

/**
 * Ciphertext size of `psa_encapsulate`: for ECIES-SEC1 the ephemeral public
 * key (uncompressed point, or the u-coordinate on Montgomery curves); for
 * ML-KEM per FIPS 203; 0 otherwise.
 */
export function PSA_ENCAPSULATE_CIPHERTEXT_SIZE(keyType: number, keyBits: number, alg: number): number {
  const a = alg >>> 0;
  if (a === 0x0c000100 && PSA_KEY_TYPE_IS_ECC(keyType)) {
    const family = keyType & 0x7f;
    if (family === 0x42) return 0; // Edwards keys do not do key agreement
    return family === 0x41 ? PSA_BITS_TO_BYTES(keyBits) : 2 * PSA_BITS_TO_BYTES(keyBits) + 1;
  }
  if (a === 0x0c000200 && PSA_KEY_TYPE_IS_ML_KEM(keyType)) return ML_KEM_CT.get(keyBits) ?? 0;
  return 0;
}
/** Ciphertext size of `psa_encapsulate` for any supported key (ECIES on P-521: 133). */
export const PSA_ENCAPSULATE_CIPHERTEXT_MAX_SIZE = 2 * PSA_BITS_TO_BYTES(521) + 1;

/** The P-256 ECC PAKE primitive: the only one J-PAKE supports. */
const P256 = 0x01120100;
/** SPAKE2+ primitives: secp256r1, secp384r1, secp521r1 (RFC 9383 §4 NIST groups). */
const SPAKE2P_PRIMITIVES: readonly number[] = [P256, 0x01120180, 0x01120209];
/** WPA3-SAE ECC primitives: secp256r1/384r1/521r1 and brainpoolP256r1/384r1/512r1 (IEEE groups 19–21, 28–30). */
const WPA3_SAE_PRIMITIVES: readonly number[] = [...SPAKE2P_PRIMITIVES, 0x01300100, 0x01300180, 0x01300200];
/** WPA3-SAE finite-field primitives: RFC 3526 3072, 4096, 6144, 8192 bits (IEEE groups 15–18). */
const WPA3_SAE_FFC_PRIMITIVES: readonly number[] = [0x02050c00, 0x02051000, 0x02051800, 0x02052000];

/** PAKE step sizes shared by output and input. */
function pakeSize(alg: number, primitive: number, step: number): number {
  const prim = primitive >>> 0;
  if (PSA_ALG_IS_JPAKE(alg)) {
    if (prim !== P256) return 0;
    // Mbed TLS: key share and ZK public are points, anything else a scalar.
    return step === 0x01 || step === 0x02 ? 65 : 32;
  }
  const a = alg >>> 0;
  if (PSA_ALG_IS_SPAKE2P_HMAC(alg) || PSA_ALG_IS_SPAKE2P_CMAC(alg) || a === 0x0a000609) {
    if (!SPAKE2P_PRIMITIVES.includes(prim) || (a === 0x0a000609 && prim !== P256)) return 0;
    // Key share: an uncompressed point; confirmation: the MAC output.
    if (step === 0x01) return 2 * PSA_BITS_TO_BYTES(prim & 0xffff) + 1;
    if (step !== 0x04) return 0;
    return PSA_ALG_IS_SPAKE2P_CMAC(alg) ? 16 : PSA_HASH_LENGTH(alg);
  }
  if (PSA_ALG_IS_SRP_6(alg)) {
    // Oberon's SRP-6 over the RFC 3526 groups: key shares are padded to the prime, proofs one hash.
    const bits = prim & 0xffff;
    if (prim >>> 16 !== 0x0205 || ![2048, 3072, 4096, 6144, 8192].includes(bits)) return 0;
    if (step === 0x01) return bits / 8;
    if (step === 0x04) return PSA_HASH_LENGTH(alg);
    return step === 0x05 ? 64 : 0;
  }
  if (PSA_ALG_IS_WPA3_SAE(alg)) {
    // Groups 19-21 and 28-30: commit = scalar ‖ x ‖ y (each the size of p); groups 15-18:
    // commit = scalar ‖ element (each the size of p); confirm = 2-byte counter ‖ the suite
    // hash's output; PMKID 16; salt: the rejected-groups list (2 bytes per group, up to 32 groups).
    const ffc = WPA3_SAE_FFC_PRIMITIVES.includes(prim);
    if ((!ffc && !WPA3_SAE_PRIMITIVES.includes(prim)) || PSA_HASH_LENGTH(alg) === 0) return 0;
    switch (step) {
      case 0x06: return (ffc ? 2 : 3) * PSA_BITS_TO_BYTES(prim & 0xffff);
      case 0x04: return 2 + PSA_HASH_LENGTH(alg);
      case 0x07: return 2;
      case 0x08: return 16;
      case 0x05: return 64;
      default: return 0;
    }
  }
  return 0;
}
/** Output size of `psa_pake_output` for `step` (J-PAKE over P-256, SPAKE2+ over P-256/384/521, SRP-6, WPA3-SAE groups 15–21, 28–30); 0 otherwise. */
export function PSA_PAKE_OUTPUT_SIZE(alg: number, primitive: number, outputStep: number): number {
  return pakeSize(alg, primitive, outputStep);
}
/** Largest output of `psa_pake_output` for any supported PAKE (a WPA3-SAE commit in the 8192-bit group 18: 2048). */
export const PSA_PAKE_OUTPUT_MAX_SIZE = 2048;
/** Input size accepted by `psa_pake_input` for `step` (J-PAKE over P-256, SPAKE2+ over P-256/384/521, SRP-6, WPA3-SAE groups 15–21, 28–30); 0 otherwise. */
export function PSA_PAKE_INPUT_SIZE(alg: number, primitive: number, inputStep: number): number {
  return pakeSize(alg, primitive, inputStep);
}
/** Largest input of `psa_pake_input` for any supported PAKE (a WPA3-SAE commit in the 8192-bit group 18: 2048). */
export const PSA_PAKE_INPUT_MAX_SIZE = 2048;
