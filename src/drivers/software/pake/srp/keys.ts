/**
 * SRP keys in the software driver (Oberon PSA Crypto's key types): a key
 * pair holds the password hash x (1 to 64 bytes; its size in bits is the
 * group's, given at creation), a public key the verifier v = g^x mod N (the
 * length of N, 0 < v < N). The public key of a pair is computed. Groups: the
 * RFC 3526 family, 2048 to 8192 bits (`pake/srp/math.ts`); others NOT_SUPPORTED.
 * @module
 */
import type { KeyFamily } from '../../key-family.js';
import { fail } from '../../../../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT, PSA_ERROR_NOT_SUPPORTED } from '../../../../values/status.js';
import { describe } from '../../../../values/index.js';
import { PSA_KEY_TYPE_IS_SRP, PSA_KEY_TYPE_IS_SRP_KEY_PAIR, PSA_KEY_TYPE_SRP_GET_FAMILY } from '../../../../values/srp.js';
import { copyBytes } from '../../../../bytes.js';
import { bigIntFromBytes } from '../../dh/math.js';
import { pad, srpGroup, verifier, type SrpGroup } from './math.js';

function groupOf(type: number, bits: number, fn: string): SrpGroup {
  return srpGroup(PSA_KEY_TYPE_SRP_GET_FAMILY(type), bits)
    ?? fail(PSA_ERROR_NOT_SUPPORTED, `${fn}: ${bits}-bit ${describe(type, 'keyType')} keys are not supported`);
}

/** The SRP key family. */
export const srpKeys: KeyFamily = {
  handles: (type) => PSA_KEY_TYPE_IS_SRP(type),
  importKey(attributes, data) {
    const fn = 'psa_import_key';
    const { type } = attributes;
    if (PSA_KEY_TYPE_IS_SRP_KEY_PAIR(type)) {
      if (attributes.bits === 0) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an SRP key pair needs its group size in bits`);
      groupOf(type, attributes.bits, fn);
      if (data.length === 0 || data.length > 64) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an SRP password hash has 1 to 64 bytes`);
      return { keyBuffer: copyBytes(data), bits: attributes.bits };
    }
    const bits = attributes.bits === 0 ? data.length * 8 : attributes.bits;
    const group = groupOf(type, bits, fn);
    if (data.length !== group.bytes) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: an SRP verifier has the length of the group's prime`);
    const v = bigIntFromBytes(data);
    if (v === 0n || v >= group.N) fail(PSA_ERROR_INVALID_ARGUMENT, `${fn}: the SRP verifier is out of range`);
    return { keyBuffer: copyBytes(data), bits };
  },
  exportPublicKey(attributes, keyBuffer) {
    if (!PSA_KEY_TYPE_IS_SRP_KEY_PAIR(attributes.type)) return copyBytes(keyBuffer);
    const group = groupOf(attributes.type, attributes.bits, 'psa_export_public_key');
    return pad(group, verifier(group, keyBuffer));
  },
};
