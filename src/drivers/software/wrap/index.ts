/**
 * The software driver's key-wrapping entry points: PSA_ALG_KW and
 * PSA_ALG_KWP with AES wrapping keys (`wrap/kw.ts`). ARIA, CAMELLIA and SM4
 * wrapping keys are valid for these algorithms but not built in.
 * @module
 */
import { fail } from '../../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../../values/status.js';
import { PSA_ALG_KW, PSA_ALG_KWP, PSA_KEY_TYPE_AES, describe } from '../../../values/index.js';
import type { DriverKeyAttributes } from '../../driver.js';
import type { KeyWrapEntryPoints } from '../../wrap.js';
import { kwpUnwrap, kwpWrap, kwUnwrap, kwWrap } from './kw.js';

type WrapFunction = (kek: Uint8Array, data: Uint8Array) => Uint8Array;

function pick(attributes: DriverKeyAttributes, alg: number, forWrap: boolean): WrapFunction {
  if (attributes.type !== PSA_KEY_TYPE_AES) {
    fail(PSA_ERROR_NOT_SUPPORTED, `key wrapping with ${describe(attributes.type, 'keyType')} keys is not built in`);
  }
  if (alg === PSA_ALG_KW) return forWrap ? kwWrap : kwUnwrap;
  if (alg === PSA_ALG_KWP) return forWrap ? kwpWrap : kwpUnwrap;
  return fail(PSA_ERROR_NOT_SUPPORTED, `key-wrapping algorithm ${describe(alg, 'alg')} is not built in`);
}

/** Key-wrapping entry points of the software driver. */
export const softwareKeyWrap: KeyWrapEntryPoints = {
  wrapKey(attributes, keyBuffer, alg, keyData) {
    return pick(attributes, alg >>> 0, true)(keyBuffer, keyData);
  },
  unwrapKey(attributes, keyBuffer, alg, data) {
    return pick(attributes, alg >>> 0, false)(keyBuffer, data);
  },
};
