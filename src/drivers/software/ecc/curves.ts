/**
 * The elliptic curves of the software driver, by PSA family and key size:
 * the curve set of Mbed TLS / TF-PSA-Crypto (SECP_R1 192–521, SECP_K1 192
 * and 256, plus secp224k1 with PSA's key size 225, Brainpool P256r1/P384r1/P512r1, Curve25519, Curve448), the
 * twisted Edwards curves Ed25519 and Ed448, and Brainpool P160r1, P192r1,
 * P224r1, P320r1 and ANSSI FRP256v1. Curves noble does not ship (P-192,
 * P-224, secp192k1, secp224k1, the smaller Brainpool curves, FRP256v1) are defined
 * here from their domain parameters (SEC 2, RFC 5639, ANSSI). Points are noble points; nothing here checks key data.
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
  PSA_ECC_FAMILY_FRP,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
} from '../../../values/key-types.js';

/** A short Weierstrass curve: keys are big-endian scalars in [1, n-1] and uncompressed points. */
export interface WeierstrassCurve {
  readonly kind: 'weierstrass';
  readonly family: number;
  /** The PSA key size: the bit length of p, except secp224k1 (225, the bit length of its order n). */
  readonly bits: number;
  /** ceil(bits / 8): the length of a private key, and of r and of s in a signature. */
  readonly bytes: number;
  /**
   * ceil(bit length of p / 8): the length of one point coordinate and of an
   * ECDH secret. Equal to `bytes` except for secp224k1 (28, where `bytes` is 29).
   */
  readonly coordinateBytes: number;
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

/** SEC 2 (version 2) §2.3.1: secp224k1 (its order n has 225 bits, its field 224). */
const SECP224K1 = {
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffeffffe56dn,
  a: 0n,
  b: 5n,
  Gx: 0xa1455b334df099df30fc28a169a467e9e47075a90f7e650eb6b7a45cn,
  Gy: 0x7e089fed7fba344282cafbd6f7e319f7c0b0bd59e2ca4bdb556d61a5n,
  n: 0x010000000000000000000000000001dce8d2ec6184caf0a971769fb1f7n,
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

/** RFC 5639 §3.1: brainpoolP160r1. */
const BRAINPOOLP160R1 = {
  p: 0xe95e4a5f737059dc60dfc7ad95b3d8139515620fn,
  a: 0x340e7be2a280eb74e2be61bada745d97e8f7c300n,
  b: 0x1e589a8595423412134faa2dbdec95c8d8675e58n,
  Gx: 0xbed5af16ea3f6a4f62938c4631eb5af7bdbcdbc3n,
  Gy: 0x1667cb477a1a8ec338f94741669c976316da6321n,
  n: 0xe95e4a5f737059dc60df5991d45029409e60fc09n,
  h: 1n,
};

/** RFC 5639 §3.2: brainpoolP192r1. */
const BRAINPOOLP192R1 = {
  p: 0xc302f41d932a36cda7a3463093d18db78fce476de1a86297n,
  a: 0x6a91174076b1e0e19c39c031fe8685c1cae040e5c69a28efn,
  b: 0x469a28ef7c28cca3dc721d044f4496bcca7ef4146fbf25c9n,
  Gx: 0xc0a0647eaab6a48753b033c56cb0f0900a2f5c4853375fd6n,
  Gy: 0x14b690866abd5bb88b5f4828c1490002e6773fa2fa299b8fn,
  n: 0xc302f41d932a36cda7a3462f9e9e916b5be8f1029ac4acc1n,
  h: 1n,
};

/** RFC 5639 §3.3: brainpoolP224r1. */
const BRAINPOOLP224R1 = {
  p: 0xd7c134aa264366862a18302575d1d787b09f075797da89f57ec8c0ffn,
  a: 0x68a5e62ca9ce6c1c299803a6c1530b514e182ad8b0042a59cad29f43n,
  b: 0x2580f63ccfe44138870713b1a92369e33e2135d266dbb372386c400bn,
  Gx: 0x0d9029ad2c7e5cf4340823b2a87dc68c9e4ce3174c1e6efdee12c07dn,
  Gy: 0x58aa56f772c0726f24c6b89e4ecdac24354b9e99caa3f6d3761402cdn,
  n: 0xd7c134aa264366862a18302575d0fb98d116bc4b6ddebca3a5a7939fn,
  h: 1n,
};

/** RFC 5639 §3.5: brainpoolP320r1. */
const BRAINPOOLP320R1 = {
  p: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa6f6f40def4f92b9ec7893ec28fcd412b1f1b32e27n,
  a: 0x3ee30b568fbab0f883ccebd46d3f3bb8a2a73513f5eb79da66190eb085ffa9f492f375a97d860eb4n,
  b: 0x520883949dfdbc42d3ad198640688a6fe13f41349554b49acc31dccd884539816f5eb4ac8fb1f1a6n,
  Gx: 0x43bd7e9afb53d8b85289bcc48ee5bfe6f20137d10a087eb6e7871e2a10a599c710af8d0d39e20611n,
  Gy: 0x14fdd05545ec1cc8ab4093247f77275e0743ffed117182eaa9c77877aaac6ac7d35245d1692e8ee1n,
  n: 0xd35e472036bc4fb7e13c785ed201e065f98fcfa5b68f12a32d482ec7ee8658e98691555b44c59311n,
  h: 1n,
};

/** ANSSI FRP256v1 (the French State's curve, published in the Journal officiel, October 2011). */
const FRP256V1 = {
  p: 0xf1fd178c0b3ad58f10126de8ce42435b3961adbcabc8ca6de8fcf353d86e9c03n,
  a: 0xf1fd178c0b3ad58f10126de8ce42435b3961adbcabc8ca6de8fcf353d86e9c00n,
  b: 0xee353fca5428a9300d4aba754a44c00fdfec0c9ae4b1a1803075ed967b7bb73fn,
  Gx: 0xb6b3d4c356c139eb31183d4749d423958c27d2dcaf98b70164c97a2dd98f5cffn,
  Gy: 0x6142e0f7c8b204911f9271f0f3ecef8c2701c307e8e4c9e183115a1554062cfbn,
  n: 0xf1fd178c0b3ad58f10126de8ce42435b53dc67e140d2bf941ffdd459c6d655e1n,
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
  [PSA_ECC_FAMILY_SECP_K1, 225, () => weierstrass(SECP224K1)],
  [PSA_ECC_FAMILY_SECP_K1, 256, () => secp256k1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160, () => weierstrass(BRAINPOOLP160R1)],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192, () => weierstrass(BRAINPOOLP192R1)],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224, () => weierstrass(BRAINPOOLP224R1)],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 256, () => brainpoolP256r1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320, () => weierstrass(BRAINPOOLP320R1)],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 384, () => brainpoolP384r1.Point],
  [PSA_ECC_FAMILY_BRAINPOOL_P_R1, 512, () => brainpoolP512r1.Point],
  [PSA_ECC_FAMILY_FRP, 256, () => weierstrass(FRP256V1)],
];

const built = new Map<string, EccCurve>();

function buildCurve(family: number, bits: number): EccCurve | undefined {
  for (const [f, b, source] of WEIERSTRASS) {
    if (f !== family || b !== bits) continue;
    const Point = source();
    const p = Point.Fp.ORDER;
    const coordinateBytes = Math.ceil(p.toString(2).length / 8);
    return { kind: 'weierstrass', family, bits, bytes: Math.ceil(bits / 8), coordinateBytes, p, n: Point.Fn.ORDER, Point };
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

/**
 * The length in bytes of a key of `curve` in the PSA import and export
 * format: a private key has `bytes` (a Weierstrass scalar, an RFC 7748
 * string, an RFC 8032 seed: 57 bytes for Ed448, whose PSA key size is 448),
 * a Weierstrass public key is 0x04 ‖ X ‖ Y, a Montgomery or Edwards public
 * key has `bytes` as well.
 */
export function eccKeyDataLength(curve: EccCurve, isPublic: boolean): number {
  return curve.kind === 'weierstrass' && isPublic ? 2 * curve.coordinateBytes + 1 : curve.bytes;
}

/** The families this driver knows (some of their sizes may still be unsupported). */
export const ECC_FAMILIES: readonly number[] = [
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_FRP,
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
