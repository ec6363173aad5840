/**
 * DH keys in the software driver (import validation, generation, public key)
 * for the families `PSA_DH_FAMILY_RFC7919` and `PSA_DH_FAMILY_RFC3526`.
 *
 * As in Mbed TLS (`psa_crypto_ffdh.c`): a key is as long as the group's
 * prime; any other length is NOT_SUPPORTED; an imported value is stored as
 * given (Mbed TLS makes no range check at import); a generated private value
 * is uniform in [2, p−2]; the public value is g^x mod p left-padded to the
 * group's length. Mbed TLS uses the RFC 7919 primes for every DH family; here
 * each family has its own groups (the RFC 3526 MODP primes for RFC3526 keys).
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import {
  PSA_KEY_TYPE_DH_GET_FAMILY, PSA_KEY_TYPE_IS_DH, PSA_KEY_TYPE_IS_DH_KEY_PAIR, PSA_KEY_TYPE_IS_DH_PUBLIC_KEY,
} from '../../../values/key-type-predicates.js';
import { copyBytes } from '../../../bytes.js';
import type { DriverKeyAttributes, KeyBuffer } from '../../driver.js';
import type { KeyFamily } from '../key-family.js';
import { dhGroup, type DhGroup } from './groups.js';
import { bigIntFromBytes, bigIntToBytes, modPow } from './math.js';

/** The group of a DH key type with a `bits`-bit prime; NOT_SUPPORTED when there is none. */
export function dhGroupOf(type: number, bits: number): DhGroup {
  const group = dhGroup(PSA_KEY_TYPE_DH_GET_FAMILY(type), bits);
  if (!group) fail(PSA_ERROR_NOT_SUPPORTED, `DH: no ${bits}-bit group in this family`);
  return group;
}

/** Random integer in [2, p−2]: draw k of bitlen(p) bits until 3 ≤ k < p, then x = k − 1 (as Mbed TLS). */
function randomPrivate(group: DhGroup, random: (length: number) => Uint8Array): bigint {
  for (let attempt = 0; attempt < 256; attempt++) {
    const k = bigIntFromBytes(random(group.bytes));
    if (k >= 3n && k < group.p) return k - 1n;
  }
  return fail(PSA_ERROR_INVALID_ARGUMENT, 'DH: the random source produced no usable value');
}

/** The DH key family (RFC 7919 and RFC 3526 groups, 2048 to 8192 bits). */
export const dhKeys: KeyFamily = {
  handles(type: number): boolean {
    return PSA_KEY_TYPE_IS_DH(type);
  },

  importKey(attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer {
    const group = dhGroupOf(attributes.type, data.length * 8);
    return { keyBuffer: copyBytes(data), bits: group.bits };
  },

  generateKey(attributes: DriverKeyAttributes, random: (length: number) => Uint8Array): KeyBuffer {
    if (!PSA_KEY_TYPE_IS_DH_KEY_PAIR(attributes.type)) fail(PSA_ERROR_NOT_SUPPORTED, 'DH: only key pairs can be generated');
    if (attributes.bits % 8 !== 0) fail(PSA_ERROR_NOT_SUPPORTED, `DH: no ${attributes.bits}-bit group`);
    const group = dhGroupOf(attributes.type, attributes.bits);
    return { keyBuffer: bigIntToBytes(randomPrivate(group, random), group.bytes), bits: group.bits };
  },

  exportPublicKey(attributes: DriverKeyAttributes, keyBuffer: Uint8Array): Uint8Array {
    if (PSA_KEY_TYPE_IS_DH_PUBLIC_KEY(attributes.type)) return copyBytes(keyBuffer);
    const group = dhGroupOf(attributes.type, keyBuffer.length * 8);
    return bigIntToBytes(modPow(group.g, bigIntFromBytes(keyBuffer), group.p), group.bytes);
  },
};
