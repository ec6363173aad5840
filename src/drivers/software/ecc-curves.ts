/**
 * The elliptic curves of the software driver, by PSA family and key size:
 * the curve set of Mbed TLS / TF-PSA-Crypto (SECP_R1 192–521, SECP_K1 192
 * and 256, Brainpool P256r1/P384r1/P512r1, Curve25519, Curve448) plus the
 * twisted Edwards curves Ed25519 and Ed448. Curves noble does not ship
 * (P-192, P-224, secp192k1) are defined here from their SEC 2 domain
 * parameters. Points are noble points; nothing here checks key data.
 * @module
 */
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { ed448, x448 } from '@noble/curves/ed448.js';
import { weierstrass, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';
import type { EdDSA } from '@noble/curves/abstract/edwards.js';
import type { MontgomeryECDH } from '@noble/curves/abstract/montgomery.js';
import {
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
} from '../../values/key-types.js';

/** A short Weierstrass curve: keys are big-endian scalars in [1, n-1] and uncompressed points. */
export interface WeierstrassCurve {
  readonly kind: 'weierstrass';
  readonly family: number;
  /** The PSA key size (bit length of p). */
  readonly bits: number;
  /** ceil(bits / 8): the length of a scalar or of one coordinate. */
  readonly bytes: number;
  /** The field prime. */
  readonly p: bigint;
  /** The order of the base point (every curve here has cofactor 1). */
  readonly n: bigint;
  /** noble's point constructor for the curve. */
  readonly Point: WeierstrassPointCons<bigint>;
}

/** A Montgomery curve (X25519, X448): keys are RFC 7748 little-endian strings. */
export interface MontgomeryCurve {
  readonly kind: 'montgomery';
  readonly family: number;
  readonly bits: 255 | 448;
  readonly bytes: 32 | 56;
  /** The field prime. */
  readonly p: bigint;
  /** noble's RFC 7748 functions. */
  readonly ecdh: MontgomeryECDH;
}

/** A twisted Edwards curve (Ed25519, Ed448): private keys are RFC 8032 seeds. */
export interface EdwardsCurve {
  readonly kind: 'edwards';
  readonly family: number;
  readonly bits: 255 | 448;
  readonly bytes: 32 | 57;
  /** noble's RFC 8032 implementation. */
  readonly eddsa: EdDSA;
}

/** Any curve of the table. */
export type EccCurve = WeierstrassCurve | MontgomeryCurve | EdwardsCurve;

/** SEC 2 (version 2) §2.2.2: secp192r1 (NIST P-192). */
const SECP192R1 = {
  p: 0xfffffffffffffffffffffffffffffffeffffffffffffffffn,
  a: 0xfffffffffffffffffffffffffffffffefffffffffffffffcn,
  b: 0x64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1n,
  Gx: 0x188da80eb03090f67cbf20eb43a18800f4ff0afd82ff1012n,
  Gy: 0x07192b95ffc8da78631011ed6b24cdd573f977a11e794811n,
  n: 0xffffffffffffffffffffffff99def836146bc9b1b4d22831n,
  h: 1n,
};

/** SEC 2 (version 2) §2.3.2: secp224r1 (NIST P-224). */
const SECP224R1 = {
  p: 0xffffffffffffffffffffffffffffffff000000000000000000000001n,
  a: 0xfffffffffffffffffffffffffffffffefffffffffffffffffffffffen,
  b: 0xb4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4n,
  Gx: 0xb70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21n,
  Gy: 0xbd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34n,
  n: 0xffffffffffffffffffffffffffff16a2e0b8f03e13dd29455c5c2a3dn,
  h: 1n,
};

/** SEC 2 (version 2) §2.2.1: secp192k1. */
const SECP192K1 = {
  p: 0xfffffffffffffffffffffffffffffffffffffffeffffee37n,
  a: 0n,
  b: 3n,
  Gx: 0xdb4ff10ec057e9ae26b07d0280b7f4341da5d1b1eae06c7dn,
  Gy: 0x9b2f2f6d9c5628a7844163d015be86344082aa88d95e2f9dn,
  n: 0xfffffffffffffffffffffffe26f2fc170f69466a74defd8dn,
  h: 1n,
};

type PointSource = () => WeierstrassPointCons<bigint>;

/** Weierstrass curves: family, bits, and how to get the point constructor (built on first use). */
const WEIERSTRASS: readonly (readonly [number, number, PointSource])[] = [
  [PSA_ECC_FAMILY_SECP_R1, 192, () => weierstrass(SECP192R1)],
  [PSA_ECC_FAMILY_SECP_R1, 224, () => weierstrass(SECP224R1)],
  [PSA_ECC_FAMILY_SECP_R1, 256, () => p256.Point],
  [PSA_ECC_FAMILY_SECP_R1, 384, () => p384.Point],
  [PSA_ECC_FAMILY_SECP_R1, 521, () => p521.Point],
  [PSA_ECC_FAMILY_SECP_K1, 192, () => weierstrass(SECP192K1)],
  [PSA_ECC_FAMILY_SECP_K1, 256, () => secp256k1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, () => brainpoolP256r1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, () => brainpoolP384r1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, () => brainpoolP512r1.Point],
];

const built = new Map<string, EccCurve>();

function buildCurve(family: number, bits: number): EccCurve | undefined {
  for (const [f, b, source] of WEIERSTRASS) {
    if (f !== family || b !== bits) continue;
    const Point = source();
    return { kind: 'weierstrass', family, bits, bytes: Math.ceil(bits / 8), p: Point.Fp.ORDER, n: Point.Fn.ORDER, Point };
  }
  if (family === PSA_ECC_FAMILY_MONTGOMERY) {
    if (bits === 255) return { kind: 'montgomery', family, bits, bytes: 32, p: 2n ** 255n - 19n, ecdh: x25519 };
    if (bits === 448) return { kind: 'montgomery', family, bits, bytes: 56, p: 2n ** 448n - 2n ** 224n - 1n, ecdh: x448 };
  }
  if (family === PSA_ECC_FAMILY_TWISTED_EDWARDS) {
    if (bits === 255) return { kind: 'edwards', family, bits, bytes: 32, eddsa: ed25519 };
    if (bits === 448) return { kind: 'edwards', family, bits, bytes: 57, eddsa: ed448 };
  }
  return undefined;
}

/** The curve of `family` with key size `bits`, or `undefined` when this driver does not support it. */
export function eccCurve(family: number, bits: number): EccCurve | undefined {
  const key = `${family}:${bits}`;
  let curve = built.get(key);
  if (!curve) {
    curve = buildCurve(family, bits);
    if (curve) built.set(key, curve);
  }
  return curve;
}

/** The families this driver knows (some of their sizes may still be unsupported). */
export const ECC_FAMILIES: readonly number[] = [
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
];

/** Every supported (family, bits) pair, for tests and capability lists. */
export const ECC_CURVES: readonly (readonly [number, number])[] = [
  ...WEIERSTRASS.map(([f, b]) => [f, b] as const),
  [PSA_ECC_FAMILY_MONTGOMERY, 255],
  [PSA_ECC_FAMILY_MONTGOMERY, 448],
  [PSA_ECC_FAMILY_TWISTED_EDWARDS, 255],
  [PSA_ECC_FAMILY_TWISTED_EDWARDS, 448],
];
