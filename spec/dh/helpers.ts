/**
 * Shared helpers of the FFDH specs: driver attributes for DH key types and
 * node:crypto reference computations (`createDiffieHellman(p, 2)`).
 */
import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import type { DriverKeyAttributes } from '../../src/drivers/driver.js';
import { PSA_KEY_TYPE_DH_KEY_PAIR, PSA_KEY_TYPE_DH_PUBLIC_KEY } from '../../src/values/key-types.js';
import type { DhGroup } from '../../src/drivers/software/dh/groups.js';

/** Driver attributes of a DH key of `family`, key pair or public key. */
export function dhAttributes(family: number, bits: number, pair = true): DriverKeyAttributes {
  const type = pair ? PSA_KEY_TYPE_DH_KEY_PAIR(family) : PSA_KEY_TYPE_DH_PUBLIC_KEY(family);
  return { type, bits, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
}

/** `bytes` as lower-case hex. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** The unsigned big-endian `value` left-padded to `length` bytes. */
export function padded(value: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set(value, length - value.length);
  return out;
}

/** A node:crypto DH object over `group` with private value `x` (big-endian bytes). */
export function nodeDh(group: DhGroup, x: Uint8Array): DiffieHellman {
  const dh = createDiffieHellman(group.p.toString(16).padStart(group.bytes * 2, '0'), 'hex', Buffer.from([2]));
  dh.setPrivateKey(Buffer.from(x));
  return dh;
}

/** The public value node:crypto computes for `x`, padded to the group's length. */
export function nodePublic(group: DhGroup, x: Uint8Array): Uint8Array {
  const dh = nodeDh(group, x);
  dh.generateKeys();
  return padded(dh.getPublicKey(), group.bytes);
}
