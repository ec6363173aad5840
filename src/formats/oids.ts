/**
 * Object identifiers of the key containers: algorithm OIDs (rsaEncryption,
 * id-ecPublicKey, the RFC 8410 curve algorithms) and the named curves of
 * RFC 5480 / SEC 2 / RFC 5639 with their PSA ECC family and key size.
 * @module
 */
import {
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_FRP, PSA_ECC_FAMILY_MONTGOMERY, PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
} from '../values/key-types.js';

/** OIDs by name (dotted form). */
export const OID = {
  /** PKCS #1 rsaEncryption (RFC 8017). */
  rsaEncryption: '1.2.840.113549.1.1.1',
  /** id-ecPublicKey (RFC 5480). */
  ecPublicKey: '1.2.840.10045.2.1',
  /** secp192r1 / prime192v1. */
  secp192r1: '1.2.840.10045.3.1.1',
  /** secp224r1. */
  secp224r1: '1.3.132.0.33',
  /** secp256r1 / prime256v1 (P-256). */
  secp256r1: '1.2.840.10045.3.1.7',
  /** secp384r1 (P-384). */
  secp384r1: '1.3.132.0.34',
  /** secp521r1 (P-521). */
  secp521r1: '1.3.132.0.35',
  /** secp192k1. */
  secp192k1: '1.3.132.0.31',
  /** secp224k1. */
  secp224k1: '1.3.132.0.32',
  /** secp256k1. */
  secp256k1: '1.3.132.0.10',
  /** brainpoolP160r1 (RFC 5639). */
  brainpoolP160r1: '1.3.36.3.3.2.8.1.1.1',
  /** brainpoolP192r1. */
  brainpoolP192r1: '1.3.36.3.3.2.8.1.1.3',
  /** brainpoolP224r1. */
  brainpoolP224r1: '1.3.36.3.3.2.8.1.1.5',
  /** brainpoolP256r1. */
  brainpoolP256r1: '1.3.36.3.3.2.8.1.1.7',
  /** brainpoolP320r1. */
  brainpoolP320r1: '1.3.36.3.3.2.8.1.1.9',
  /** brainpoolP384r1. */
  brainpoolP384r1: '1.3.36.3.3.2.8.1.1.11',
  /** brainpoolP512r1. */
  brainpoolP512r1: '1.3.36.3.3.2.8.1.1.13',
  /** FRP256v1 (ANSSI, JORF 2011-10-24). */
  FRP256v1: '1.2.250.1.223.101.256.1',
  /** id-X25519 (RFC 8410). */
  X25519: '1.3.101.110',
  /** id-X448 (RFC 8410). */
  X448: '1.3.101.111',
  /** id-Ed25519 (RFC 8410). */
  Ed25519: '1.3.101.112',
  /** id-Ed448 (RFC 8410). */
  Ed448: '1.3.101.113',
} as const;

/** A name of `OID`. */
export type OidName = keyof typeof OID;

const NAMES = new Map<string, OidName>(Object.entries(OID).map(([name, oid]) => [oid, name as OidName]));

/** The name of a dotted OID, or `undefined` when it is not one of `OID`. */
export function oidName(oid: string): OidName | undefined {
  return NAMES.get(oid);
}

/** A curve as PSA names it: an ECC family and a key size in bits. */
export interface PsaCurve {
  /** The `psa_ecc_family_t`. */
  readonly family: number;
  /** The key size in bits (`psa_set_key_bits`). */
  readonly bits: number;
}

/** Named curves of id-ecPublicKey keys (Weierstrass), by OID name. */
const WEIERSTRASS: ReadonlyArray<readonly [OidName, number, number]> = [
  ['secp192r1', PSA_ECC_FAMILY_SECP_R1, 192],
  ['secp224r1', PSA_ECC_FAMILY_SECP_R1, 224],
  ['secp256r1', PSA_ECC_FAMILY_SECP_R1, 256],
  ['secp384r1', PSA_ECC_FAMILY_SECP_R1, 384],
  ['secp521r1', PSA_ECC_FAMILY_SECP_R1, 521],
  ['secp192k1', PSA_ECC_FAMILY_SECP_K1, 192],
  ['secp224k1', PSA_ECC_FAMILY_SECP_K1, 225],
  ['secp256k1', PSA_ECC_FAMILY_SECP_K1, 256],
  ['brainpoolP160r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160],
  ['brainpoolP192r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192],
  ['brainpoolP224r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224],
  ['brainpoolP256r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256],
  ['brainpoolP320r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320],
  ['brainpoolP384r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384],
  ['brainpoolP512r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512],
  ['FRP256v1', PSA_ECC_FAMILY_FRP, 256],
];

/** Curves whose OID is the algorithm itself (RFC 8410), by OID name. */
const RFC8410: ReadonlyArray<readonly [OidName, number, number]> = [
  ['X25519', PSA_ECC_FAMILY_MONTGOMERY, 255],
  ['X448', PSA_ECC_FAMILY_MONTGOMERY, 448],
  ['Ed25519', PSA_ECC_FAMILY_TWISTED_EDWARDS, 255],
  ['Ed448', PSA_ECC_FAMILY_TWISTED_EDWARDS, 448],
];

function find(table: ReadonlyArray<readonly [OidName, number, number]>, oid: string): PsaCurve | undefined {
  const row = table.find(([name]) => OID[name] === oid);
  return row && { family: row[1], bits: row[2] };
}

/** The PSA curve of a namedCurve OID (id-ecPublicKey parameters), or `undefined`. */
export function curveOfNamedCurveOid(oid: string): PsaCurve | undefined {
  return find(WEIERSTRASS, oid);
}

/** The namedCurve OID of a Weierstrass PSA curve, or `undefined`. */
export function namedCurveOidOf(family: number, bits: number): string | undefined {
  const row = WEIERSTRASS.find(([, f, b]) => f === family && b === bits);
  return row && OID[row[0]];
}

/** The PSA curve of an RFC 8410 algorithm OID (X25519, X448, Ed25519, Ed448), or `undefined`. */
export function curveOfRfc8410Oid(oid: string): PsaCurve | undefined {
  return find(RFC8410, oid);
}

/** The RFC 8410 algorithm OID of a Montgomery or Edwards PSA curve, or `undefined`. */
export function rfc8410OidOf(family: number, bits: number): string | undefined {
  const row = RFC8410.find(([, f, b]) => f === family && b === bits);
  return row && OID[row[0]];
}
