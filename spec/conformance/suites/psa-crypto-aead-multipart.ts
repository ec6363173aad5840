/**
 * `aead_multipart_encrypt` and `aead_multipart_decrypt` of the main
 * `psa_crypto` suite: the whole message through the multipart API, once for
 * every chunk size of the additional data and then of the data, with and
 * without empty chunks in between, the lengths declared before or after the
 * nonce (`aead_multipart_internal_func` upstream).
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, checkBytes, checkEqual, checkLessOrEqual, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importAeadKey } from './psa-crypto-aead.js';

export const suite = 'psa_crypto';

const DO_NOT_SET_LENGTHS = 0;
const SET_LENGTHS_BEFORE_NONCE = 1;
const SET_LENGTHS_AFTER_NONCE = 2;

/** The upstream step number of a failing run, for the failure message. */
function atStep<T>(step: number, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof CheckFailure) throw new CheckFailure(`step ${step}: ${err.message}`);
    throw err;
  }
}

/** Chunk lengths: `partLength` each (the rest at the end), alternating with empty chunks when `zeroParts`. */
function chunks(total: number, partLength: number, zeroParts: boolean): number[] {
  const out: number[] = [];
  for (let offset = 0, count = 0; offset < total; count++) {
    const length = zeroParts && (count & 1) !== 0 ? 0 : Math.min(partLength, total - offset);
    out.push(length);
    offset += length;
  }
  return out;
}

interface Case {
  keyType: number;
  keyData: Uint8Array;
  alg: number;
  nonce: Uint8Array;
  ad: Uint8Array;
  input: Uint8Array;
  expected: Uint8Array;
  encrypt: boolean;
}

/** `aead_multipart_internal_func`: one run; -1 as a part length means "all at once". */
function runOnce(c: Case, adPart: number, dataPart: number, setLengths: number, zeroParts: boolean): void {
  const { keyType, alg, nonce, ad, input, encrypt } = c;
  const operation = psa.psa_aead_operation_init();
  const { key, bits } = importAeadKey(keyType, c.keyData, encrypt ? psa.PSA_KEY_USAGE_ENCRYPT : psa.PSA_KEY_USAGE_DECRYPT, alg);
  try {
    const tagLength = psa.PSA_AEAD_TAG_LENGTH(keyType, bits, alg);
    const dataLength = encrypt ? input.length : input.length - tagLength;
    const output = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, encrypt ? input.length + tagLength : dataLength));
    const finalSize = encrypt ? psa.PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg) : psa.PSA_AEAD_VERIFY_OUTPUT_SIZE(keyType, alg);
    checkLessOrEqual(finalSize, encrypt ? psa.PSA_AEAD_FINISH_OUTPUT_MAX_SIZE : psa.PSA_AEAD_VERIFY_OUTPUT_MAX_SIZE,
      'final output size');
    const finalData = new Uint8Array(finalSize);
    let outputLength = 0;
    const partLength = { value: 0 };

    checkSuccess(encrypt ? psa.psa_aead_encrypt_setup(operation, key, alg) : psa.psa_aead_decrypt_setup(operation, key, alg),
      'setup');
    if (setLengths === SET_LENGTHS_BEFORE_NONCE) {
      checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, dataLength), 'psa_aead_set_lengths');
    }
    checkSuccess(psa.psa_aead_set_nonce(operation, nonce), 'psa_aead_set_nonce');
    if (setLengths === SET_LENGTHS_AFTER_NONCE) {
      checkSuccess(psa.psa_aead_set_lengths(operation, ad.length, dataLength), 'psa_aead_set_lengths');
    }

    if (adPart === -1) {
      checkSuccess(psa.psa_aead_update_ad(operation, ad), 'psa_aead_update_ad');
    } else {
      let offset = 0;
      for (const length of chunks(ad.length, adPart, zeroParts)) {
        checkSuccess(psa.psa_aead_update_ad(operation, ad.subarray(offset, offset + length)), 'psa_aead_update_ad (part)');
        offset += length;
      }
    }

    if (dataPart === -1) {
      checkSuccess(psa.psa_aead_update(operation, input.subarray(0, dataLength), output, partLength), 'psa_aead_update');
      outputLength = partLength.value;
    } else {
      const part = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, dataPart));
      let offset = 0;
      for (const length of chunks(dataLength, dataPart, zeroParts)) {
        checkSuccess(psa.psa_aead_update(operation, input.subarray(offset, offset + length), part, partLength),
          'psa_aead_update (part)');
        output.set(part.subarray(0, partLength.value), outputLength);
        outputLength += partLength.value;
        offset += length;
      }
    }

    const tag = new Uint8Array(psa.PSA_AEAD_TAG_MAX_SIZE);
    const tagSize = { value: 0 };
    if (encrypt) {
      checkSuccess(psa.psa_aead_finish(operation, finalData, partLength, tag.subarray(0, tagLength), tagSize), 'psa_aead_finish');
    } else {
      checkSuccess(psa.psa_aead_verify(operation, finalData, partLength, input.subarray(dataLength)), 'psa_aead_verify');
    }
    output.set(finalData.subarray(0, partLength.value), outputLength);
    outputLength += partLength.value;

    if (encrypt) {
      checkEqual(tagSize.value, tagLength, 'tag length');
      output.set(tag.subarray(0, tagLength), outputLength);
      outputLength += tagLength;
      checkEqual(outputLength, psa.PSA_AEAD_ENCRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_SIZE');
      checkLessOrEqual(outputLength, psa.PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE(input.length), 'PSA_AEAD_ENCRYPT_OUTPUT_MAX_SIZE');
    } else {
      checkEqual(outputLength, psa.PSA_AEAD_DECRYPT_OUTPUT_SIZE(keyType, alg, input.length), 'PSA_AEAD_DECRYPT_OUTPUT_SIZE');
      checkLessOrEqual(outputLength, psa.PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE(input.length), 'PSA_AEAD_DECRYPT_OUTPUT_MAX_SIZE');
    }
    checkBytes(output.subarray(0, outputLength), c.expected, 'output');
  } finally {
    psa.psa_aead_abort(operation);
    psa.psa_destroy_key(key);
  }
}

/** Every chunking of `aead_multipart_encrypt` / `aead_multipart_decrypt`. */
function runAll(c: Case, doSetLengths: number): void {
  const method = (n: number): number =>
    doSetLengths ? ((n & 1) !== 0 ? SET_LENGTHS_AFTER_NONCE : SET_LENGTHS_BEFORE_NONCE) : DO_NOT_SET_LENGTHS;
  for (let adPart = 1; adPart <= c.ad.length; adPart++) {
    atStep(adPart, () => runOnce(c, adPart, -1, method(adPart), false));
    atStep(1000 + adPart, () => runOnce(c, adPart, -1, method(adPart), true));
  }
  for (let dataPart = 1; dataPart <= c.input.length; dataPart++) {
    atStep(2000 + dataPart, () => runOnce(c, -1, dataPart, method(dataPart), false));
    atStep(3000 + dataPart, () => runOnce(c, -1, dataPart, method(dataPart), true));
  }
}

const PARAMS = ['int', 'data', 'int', 'data', 'data', 'data', 'int', 'data'] as const;

export const functions: SuiteFunctions = {
  aead_multipart_encrypt: {
    params: PARAMS,
    run(keyType: number, keyData: Uint8Array, alg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array,
      doSetLengths: number, expected: Uint8Array) {
      runAll({ keyType, keyData, alg: alg >>> 0, nonce, ad, input, expected, encrypt: true }, doSetLengths);
    },
  },

  aead_multipart_decrypt: {
    params: PARAMS,
    run(keyType: number, keyData: Uint8Array, alg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array,
      doSetLengths: number, expected: Uint8Array) {
      runAll({ keyType, keyData, alg: alg >>> 0, nonce, ad, input, expected, encrypt: false }, doSetLengths);
    },
  },
};
