/**
 * `cipher_bad_order` of the main `psa_crypto` suite: every call out of
 * order gives BAD_STATE and leaves the operation inactive (Mbed TLS aborts
 * an operation on any failure).
 *
 * Upstream checks `operation.id` (the driver id) to tell an active operation
 * from an inactive one; the C facade's counterpart is the `active` flag of
 * the operation's implementation.
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importCipherKey } from './psa-crypto-cipher.js';

export const suite = 'psa_crypto';

type Operation = psa.psa_cipher_operation_t;

/** `ASSERT_OPERATION_IS_ACTIVE` / `_INACTIVE`. */
function checkActive(operation: Operation, expected: boolean, when: string): void {
  if ((operation.impl?.active === true) !== expected) {
    throw new CheckFailure(`the operation is ${expected ? 'inactive' : 'still active'} ${when}`);
  }
}

export const functions: SuiteFunctions = {
  cipher_bad_order: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_CBC_PKCS7;
      const iv = new Uint8Array(16);
      const keyData = new Uint8Array(16).fill(0xaa);
      const text = new Uint8Array(16).fill(0xbb);
      const buffer = new Uint8Array(16);
      const length = { value: 0 };
      const op = psa.psa_cipher_operation_init();
      const key = importCipherKey(psa.PSA_KEY_TYPE_AES, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg, keyData);
      const bad = (status: number, what: string): void => checkStatus(status, psa.PSA_ERROR_BAD_STATE, what);
      const abort = (): void => checkSuccess(psa.psa_cipher_abort(op), 'psa_cipher_abort');
      try {
        for (const [name, setup] of [['encrypt', psa.psa_cipher_encrypt_setup], ['decrypt', psa.psa_cipher_decrypt_setup]] as const) {
          checkSuccess(setup(op, key, alg), `${name} setup`);
          checkActive(op, true, `after ${name} setup`);
          bad(setup(op, key, alg), `${name} setup twice`);
          checkActive(op, false, `after a second ${name} setup`);
          abort();
          checkActive(op, false, 'after abort');
        }

        bad(psa.psa_cipher_generate_iv(op, buffer, length), 'generate IV without setup');
        abort();

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_generate_iv(op, buffer, length), 'generate IV');
        checkActive(op, true, 'after generating an IV');
        bad(psa.psa_cipher_generate_iv(op, buffer, length), 'generate IV twice');
        checkActive(op, false, 'after generating an IV twice');
        abort();
        checkActive(op, false, 'after abort');

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_set_iv(op, iv), 'set IV');
        bad(psa.psa_cipher_generate_iv(op, buffer, length), 'generate IV after set IV');
        abort();

        bad(psa.psa_cipher_set_iv(op, iv), 'set IV without setup');
        abort();

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_set_iv(op, iv), 'set IV');
        checkActive(op, true, 'after setting the IV');
        bad(psa.psa_cipher_set_iv(op, iv), 'set IV twice');
        checkActive(op, false, 'after setting the IV twice');
        abort();
        checkActive(op, false, 'after abort');

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_generate_iv(op, buffer, length), 'generate IV');
        bad(psa.psa_cipher_set_iv(op, iv), 'set IV after generate IV');
        abort();

        bad(psa.psa_cipher_update(op, text, buffer, length), 'update without setup');
        abort();

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkActive(op, true, 'after setup');
        bad(psa.psa_cipher_update(op, text, buffer, length), 'update without IV');
        checkActive(op, false, 'after update without IV');
        abort();
        checkActive(op, false, 'after abort');

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_set_iv(op, iv), 'set IV');
        checkSuccess(psa.psa_cipher_finish(op, buffer, length), 'finish');
        bad(psa.psa_cipher_update(op, text, buffer, length), 'update after finish');
        abort();

        bad(psa.psa_cipher_finish(op, buffer, length), 'finish without setup');
        abort();

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkActive(op, true, 'after setup');
        bad(psa.psa_cipher_finish(op, buffer, length), 'finish without IV');
        checkActive(op, false, 'after finish without IV');
        abort();
        checkActive(op, false, 'after abort');

        checkSuccess(psa.psa_cipher_encrypt_setup(op, key, alg), 'encrypt setup');
        checkSuccess(psa.psa_cipher_set_iv(op, iv), 'set IV');
        checkSuccess(psa.psa_cipher_finish(op, buffer, length), 'finish');
        bad(psa.psa_cipher_finish(op, buffer, length), 'finish twice');
        abort();

        checkSuccess(psa.psa_destroy_key(key), 'psa_destroy_key');
      } finally {
        psa.psa_cipher_abort(op);
        psa.psa_destroy_key(key);
      }
    },
  },
};
