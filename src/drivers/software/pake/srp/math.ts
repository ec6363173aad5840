/**
 * SRP-6a arithmetic (RFC 2945, RFC 5054; the variant Apple HomeKit and
 * Oberon PSA Crypto use) over the RFC 3526 / RFC 5054 groups:
 * x = H(s ‖ H(I ‖ ":" ‖ P)), v = g^x, k = H(N ‖ PAD(g)), u = H(PAD(A) ‖ PAD(B)),
 * client S = (B − k·g^x)^(a + u·x), server S = (A·v^u)^b, K = H(S),
 * M1 = H(H(N) ⊕ H(g) ‖ H(I) ‖ s ‖ A ‖ B ‖ K), M2 = H(A ‖ M1 ‖ K).
 * Integers enter hashes as minimal big-endian byte strings unless PAD()
 * (left-padded to the length of N). The generators are RFC 5054's: 2 for
 * 2048 bits, 5 for 3072, 4096 and 6144, 19 for 8192.
 * @module
 */
import type { CHash } from '@noble/hashes/utils.js';
import { PSA_DH_FAMILY_RFC3526 } from '../../../../values/key-types.js';
import { bigIntFromBytes, bigIntToBytes, modPow } from '../../dh/math.js';
import { dhGroup } from '../../dh/groups.js';
import { concatBytes } from '../../../../bytes.js';

/** An SRP group: N, g and the byte length of N. */
export interface SrpGroup {
  readonly N: bigint;
  readonly g: bigint;
  readonly bytes: number;
}

const GENERATORS: ReadonlyMap<number, bigint> = new Map([[2048, 2n], [3072, 5n], [4096, 5n], [6144, 5n], [8192, 19n]]);

/** The SRP group of a `psa_dh_family_t` and size (RFC 3526 primes, RFC 5054 generators), or `undefined`. */
export function srpGroup(family: number, bits: number): SrpGroup | undefined {
  const g = GENERATORS.get(bits);
  const group = family === PSA_DH_FAMILY_RFC3526 && g !== undefined ? dhGroup(family, bits) : undefined;
  return group && g !== undefined ? { N: group.p, g, bytes: group.bytes } : undefined;
}

/** The minimal big-endian bytes of `x` (one zero byte for 0). */
export function minimal(x: bigint): Uint8Array {
  const hex = x.toString(16);
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'));
}

/** `x` left-padded to the length of N. */
export const pad = (group: SrpGroup, x: bigint): Uint8Array => bigIntToBytes(x, group.bytes);

/** The password hash x = H(salt ‖ H(user ‖ ":" ‖ password)). */
export function passwordHash(hash: CHash, user: Uint8Array, password: Uint8Array, salt: Uint8Array): Uint8Array {
  const inner = hash(concatBytes(user, Uint8Array.of(0x3a), password));
  const x = hash(concatBytes(salt, inner));
  inner.fill(0);
  return x;
}

/** The verifier v = g^x mod N. */
export const verifier = (group: SrpGroup, x: Uint8Array): bigint => modPow(group.g, bigIntFromBytes(x), group.N);

/** k = H(N ‖ PAD(g)). */
const multiplier = (hash: CHash, group: SrpGroup): bigint => bigIntFromBytes(hash(concatBytes(pad(group, group.N), pad(group, group.g))));

/** u = H(PAD(A) ‖ PAD(B)). */
const scrambler = (hash: CHash, group: SrpGroup, A: bigint, B: bigint): bigint => bigIntFromBytes(hash(concatBytes(pad(group, A), pad(group, B))));

/** The client's public value A = g^a mod N. */
export const clientPublic = (group: SrpGroup, a: bigint): bigint => modPow(group.g, a, group.N);

/** The server's public value B = (k·v + g^b) mod N. */
export const serverPublic = (hash: CHash, group: SrpGroup, v: bigint, b: bigint): bigint =>
  (multiplier(hash, group) * v + modPow(group.g, b, group.N)) % group.N;

/** The client's shared secret S = (B − k·g^x)^(a + u·x) mod N. */
export function clientSecret(hash: CHash, group: SrpGroup, x: Uint8Array, a: bigint, A: bigint, B: bigint): bigint {
  const { N, g } = group;
  const xi = bigIntFromBytes(x);
  const base = (((B - ((multiplier(hash, group) * modPow(g, xi, N)) % N)) % N) + N) % N;
  return modPow(base, a + scrambler(hash, group, A, B) * xi, N);
}

/** The server's shared secret S = (A·v^u)^b mod N. */
export function serverSecret(hash: CHash, group: SrpGroup, v: bigint, b: bigint, A: bigint, B: bigint): bigint {
  const { N } = group;
  return modPow((A * modPow(v, scrambler(hash, group, A, B), N)) % N, b, N);
}

/** The session key K = H(S). */
export const sessionKey = (hash: CHash, S: bigint): Uint8Array => hash(minimal(S));

/** The client proof M1 = H(H(N) ⊕ H(g) ‖ H(I) ‖ s ‖ A ‖ B ‖ K). */
export function clientProof(hash: CHash, group: SrpGroup, user: Uint8Array, salt: Uint8Array, A: bigint, B: bigint, K: Uint8Array): Uint8Array {
  const hN = hash(minimal(group.N));
  const hg = hash(minimal(group.g));
  for (let i = 0; i < hN.length; i++) hN[i]! ^= hg[i]!;
  return hash(concatBytes(hN, hash(user), salt, minimal(A), minimal(B), K));
}

/** The server proof M2 = H(A ‖ M1 ‖ K). */
export const serverProof = (hash: CHash, A: bigint, M1: Uint8Array, K: Uint8Array): Uint8Array => hash(concatBytes(minimal(A), M1, K));
