/**
 * SPAKE2+ cipher suites of the software driver (RFC 9383 §4, PSA 1.5
 * §10.13.10): the group (P-256, P-384 or P-521 with the RFC's fixed points
 * M and N), the transcript hash, and the key-confirmation MAC (HMAC with the
 * suite's hash, or CMAC-AES-128). `PSA_ALG_SPAKE2P_MATTER` is the Matter
 * suite P256-SHA256-HKDF-HMAC-SHA256 with the draft-02 key schedule.
 * The Edwards groups of the RFC table are not supported (NOT_SUPPORTED).
 * @module
 */
import type { WeierstrassPoint } from '@noble/curves/abstract/weierstrass.js';
import type { CHash } from '@noble/hashes/utils.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { PSA_ALG_GET_HASH, PSA_ALG_IS_SPAKE2P_CMAC, PSA_ALG_IS_SPAKE2P_HMAC } from '../../../../values/alg-predicates.js';
import { PSA_ALG_SPAKE2P_MATTER } from '../../../../values/algorithms-pk.js';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_512 } from '../../../../values/algorithms.js';
import { PSA_ECC_FAMILY_SECP_R1 } from '../../../../values/key-types.js';
import { PSA_PAKE_PRIMITIVE_GET_BITS, PSA_PAKE_PRIMITIVE_GET_FAMILY, PSA_PAKE_PRIMITIVE_GET_TYPE, PSA_PAKE_PRIMITIVE_TYPE_ECC } from '../../../../values/pake.js';
import { describe } from '../../../../values/describe.js';
import { eccCurve, type WeierstrassCurve } from '../../ecc/curves.js';
import { NOBLE_HMAC_HASHES } from '../../hash/noble.js';

/** RFC 9383 §4: the compressed SEC 1 encodings of M and N per curve size. */
const FIXED_POINTS: ReadonlyMap<number, { readonly M: string; readonly N: string }> = new Map([
  [256, {
    M: '02886e2f97ace46e55ba9dd7242579f2993b64e16ef3dcab95afd497333d8fa12f',
    N: '03d8bbd6c639c62937b04d997f38c3770719c629d7014d49a24b4f98baa1292b49',
  }],
  [384, {
    M: '030ff0895ae5ebf6187080a82d82b42e2765e3b2f8749c7e05eba366434b363d3dc36f15314739074d2eb8613fceec2853',
    N: '02c72cf2e390853a1c1c4ad816a62fd15824f56078918f43f922ca21518f9c543bb252c5490214cf9aa3f0baab4b665c10',
  }],
  [521, {
    M: '02003f06f38131b2ba2600791e82488e8d20ab889af753a41806c5db18d37d85608cfae06b82e4a72cd744c719193562a653ea1f119eef9356907edc9b56979962d7aa',
    N: '0200c7924b9ec017f3094562894336a53c50167ba8c5963876880542bc669e494b2532d76c5b53dfb349fdf69154b9e0048c58a42e8ed04cef052a3bc349d95575cd25',
  }],
]);

/** The group of a SPAKE2+ suite: a NIST curve and its points M and N. */
export interface Spake2pGroup {
  readonly curve: WeierstrassCurve;
  readonly M: WeierstrassPoint<bigint>;
  readonly N: WeierstrassPoint<bigint>;
}

const groups = new Map<number, Spake2pGroup>();

/** The SPAKE2+ group over secp`bits`r1, or undefined when there is none. */
export function spake2pGroup(family: number, bits: number): Spake2pGroup | undefined {
  if (family !== PSA_ECC_FAMILY_SECP_R1) return undefined;
  const points = FIXED_POINTS.get(bits);
  if (!points) return undefined;
  let group = groups.get(bits);
  if (!group) {
    const curve = eccCurve(family, bits);
    if (!curve || curve.kind !== 'weierstrass') return undefined;
    group = { curve, M: curve.Point.fromHex(points.M), N: curve.Point.fromHex(points.N) };
    groups.set(bits, group);
  }
  return group;
}

/** Everything the exchange needs to know about its cipher suite. */
export interface Spake2pSuite {
  readonly group: Spake2pGroup;
  /** The PSA hash identifier of the transcript hash and of HKDF. */
  readonly hashAlg: number;
  readonly hash: CHash;
  /** 'hmac' (HMAC with `hashAlg`) or 'cmac' (CMAC-AES-128). */
  readonly mac: 'hmac' | 'cmac';
  /** Whether the Matter (draft-02) key schedule applies. */
  readonly matter: boolean;
  /** Length of each confirmation key. */
  readonly confirmKeyLength: number;
  /** Length of a confirmation value (the MAC output). */
  readonly confirmLength: number;
  /** Length of K_shared. */
  readonly sharedLength: number;
}

/** The hashes RFC 9383 pairs with SPAKE2+ (SHA-256 and SHA-512). */
const SUITE_HASHES: readonly number[] = [PSA_ALG_SHA_256, PSA_ALG_SHA_512];

/** The suite of `alg` over `primitive`; NOT_SUPPORTED for anything the driver does not implement. */
export function spake2pSuite(alg: number, primitive: number): Spake2pSuite {
  const a = alg >>> 0;
  const matter = a === PSA_ALG_SPAKE2P_MATTER;
  if (!matter && !PSA_ALG_IS_SPAKE2P_HMAC(a) && !PSA_ALG_IS_SPAKE2P_CMAC(a)) {
    fail(PSA_ERROR_NOT_SUPPORTED, `SPAKE2+: ${describe(a, 'alg')} is not supported`);
  }
  const bits = PSA_PAKE_PRIMITIVE_GET_BITS(primitive);
  const group =
    PSA_PAKE_PRIMITIVE_GET_TYPE(primitive) === PSA_PAKE_PRIMITIVE_TYPE_ECC
      ? spake2pGroup(PSA_PAKE_PRIMITIVE_GET_FAMILY(primitive), bits)
      : undefined;
  if (!group || (matter && bits !== 256)) fail(PSA_ERROR_NOT_SUPPORTED, 'SPAKE2+: the PAKE primitive is not supported');
  const hashAlg = PSA_ALG_GET_HASH(a);
  const hash = NOBLE_HMAC_HASHES.get(hashAlg);
  if (!hash || !SUITE_HASHES.includes(hashAlg)) fail(PSA_ERROR_NOT_SUPPORTED, 'SPAKE2+: the hash of the cipher suite is not supported');
  const cmac = PSA_ALG_IS_SPAKE2P_CMAC(a);
  const h = hash.outputLen;
  return {
    group,
    hashAlg,
    hash,
    mac: cmac ? 'cmac' : 'hmac',
    matter,
    confirmKeyLength: matter ? h / 2 : cmac ? 16 : h,
    confirmLength: cmac ? 16 : h,
    sharedLength: matter ? h / 2 : h,
  };
}
