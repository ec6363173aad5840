/**
 * `aead_multipart_state_test` of the main `psa_crypto` suite: calls out of
 * order must give BAD_STATE (or INVALID_ARGUMENT for declared lengths a
 * mode cannot take), and valid orders must succeed. Transliterated step by
 * step; every block starts from an aborted operation, as upstream.
 */
import * as psa from '../../../src/c/index.js';
import { checkStatus, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';
import { importAeadKey, operationAlg } from './psa-crypto-aead.js';

export const suite = 'psa_crypto';

const UINT32_MAX = 0xffffffff;
const SIZE_MAX = (1n << 64n) - 1n;

export const functions: SuiteFunctions = {
  aead_multipart_state_test: {
    params: ['int', 'data', 'int', 'data', 'data', 'data'],
    run(keyType: number, keyData: Uint8Array, algArg: number, nonce: Uint8Array, ad: Uint8Array, input: Uint8Array) {
      const alg = algArg >>> 0;
      const op = psa.psa_aead_operation_init();
      const { key, bits } = importAeadKey(keyType, keyData, psa.PSA_KEY_USAGE_ENCRYPT | psa.PSA_KEY_USAGE_DECRYPT, alg);
      const tagLength = psa.PSA_AEAD_TAG_LENGTH(keyType, bits, alg);
      const output = new Uint8Array(psa.PSA_AEAD_UPDATE_OUTPUT_SIZE(keyType, alg, input.length));
      const finalData = new Uint8Array(psa.PSA_AEAD_FINISH_OUTPUT_SIZE(keyType, alg));
      const nonceBuffer = new Uint8Array(psa.PSA_AEAD_NONCE_MAX_SIZE);
      const tag = new Uint8Array(psa.PSA_AEAD_TAG_MAX_SIZE);
      const len = { value: 0 };
      const tagSize = { value: 0 };
      const BAD = psa.PSA_ERROR_BAD_STATE;
      const INVALID = psa.PSA_ERROR_INVALID_ARGUMENT;

      const encSetup = (): void => checkSuccess(psa.psa_aead_encrypt_setup(op, key, alg), 'psa_aead_encrypt_setup');
      const decSetup = (): void => checkSuccess(psa.psa_aead_decrypt_setup(op, key, alg), 'psa_aead_decrypt_setup');
      const setNonce = (): number => psa.psa_aead_set_nonce(op, nonce);
      const genNonce = (): number => psa.psa_aead_generate_nonce(op, nonceBuffer, len);
      const setLengths = (a: number | bigint = ad.length, p: number | bigint = input.length): number =>
        psa.psa_aead_set_lengths(op, a, p);
      const updateAd = (data: Uint8Array = ad): number => psa.psa_aead_update_ad(op, data);
      const update = (data: Uint8Array = input): number => psa.psa_aead_update(op, data, output, len);
      const finish = (): number => psa.psa_aead_finish(op, finalData, len, tag.subarray(0, tagLength), tagSize);
      const verify = (): number => psa.psa_aead_verify(op, finalData, len, tag.subarray(0, tagLength));
      const abort = (): void => void psa.psa_aead_abort(op);
      const isCcm = (): boolean => operationAlg(op) === psa.PSA_ALG_CCM;
      const isGcm = (): boolean => operationAlg(op) === psa.PSA_ALG_GCM;

      try {
        // Nothing works before setup.
        for (const [what, call] of [['psa_aead_set_nonce', setNonce], ['psa_aead_generate_nonce', genNonce],
          ['psa_aead_set_lengths', () => setLengths()], ['psa_aead_update_ad', () => updateAd()],
          ['psa_aead_update', () => update()], ['psa_aead_finish', finish], ['psa_aead_verify', verify]] as const) {
          checkStatus(call(), BAD, `${what} before setup`);
          abort();
        }

        // Double setups.
        const setups = [
          [psa.psa_aead_encrypt_setup, psa.psa_aead_encrypt_setup], [psa.psa_aead_decrypt_setup, psa.psa_aead_decrypt_setup],
          [psa.psa_aead_encrypt_setup, psa.psa_aead_decrypt_setup], [psa.psa_aead_decrypt_setup, psa.psa_aead_encrypt_setup],
        ] as const;
        for (const [first, second] of setups) {
          checkSuccess(first(op, key, alg), 'first setup');
          checkStatus(second(op, key, alg), BAD, 'second setup');
          abort();
        }

        // No nonce.
        encSetup(); checkStatus(updateAd(), BAD, 'psa_aead_update_ad without a nonce'); abort();
        encSetup(); checkStatus(update(), BAD, 'psa_aead_update without a nonce'); abort();
        encSetup(); checkStatus(finish(), BAD, 'psa_aead_finish without a nonce'); abort();
        decSetup(); checkStatus(verify(), BAD, 'psa_aead_verify without a nonce'); abort();

        // Nonce twice, generated twice, generated then set.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkStatus(setNonce(), BAD, 'second psa_aead_set_nonce'); abort();
        encSetup(); checkSuccess(genNonce(), 'psa_aead_generate_nonce');
        checkStatus(genNonce(), BAD, 'second psa_aead_generate_nonce'); abort();
        encSetup(); checkSuccess(genNonce(), 'psa_aead_generate_nonce');
        checkStatus(setNonce(), BAD, 'psa_aead_set_nonce after generate'); abort();

        // Lengths, then a generated nonce.
        encSetup(); checkSuccess(setLengths(), 'psa_aead_set_lengths'); checkSuccess(genNonce(), 'psa_aead_generate_nonce'); abort();
        encSetup();
        if (isCcm()) {
          checkStatus(setLengths(UINT32_MAX), INVALID, 'psa_aead_set_lengths(UINT32_MAX) on CCM');
          checkStatus(genNonce(), BAD, 'psa_aead_generate_nonce after a failure');
        } else {
          checkSuccess(setLengths(UINT32_MAX), 'psa_aead_set_lengths(UINT32_MAX)');
          checkSuccess(genNonce(), 'psa_aead_generate_nonce');
        }
        abort();
        encSetup();
        if (isCcm() || isGcm()) {
          checkStatus(setLengths(SIZE_MAX), INVALID, 'psa_aead_set_lengths(SIZE_MAX)');
          checkStatus(genNonce(), BAD, 'psa_aead_generate_nonce after a failure');
        } else {
          checkSuccess(setLengths(SIZE_MAX), 'psa_aead_set_lengths(SIZE_MAX)');
          checkSuccess(genNonce(), 'psa_aead_generate_nonce');
        }
        abort();
        encSetup(); checkSuccess(genNonce(), 'psa_aead_generate_nonce');
        if (isCcm()) checkStatus(setLengths(UINT32_MAX), INVALID, 'psa_aead_set_lengths(UINT32_MAX) on CCM');
        else checkSuccess(setLengths(UINT32_MAX), 'psa_aead_set_lengths(UINT32_MAX)');
        abort();

        // Lengths, then a given nonce.
        encSetup(); checkSuccess(setLengths(), 'psa_aead_set_lengths'); checkSuccess(setNonce(), 'psa_aead_set_nonce'); abort();
        encSetup();
        if (isCcm()) {
          checkStatus(setLengths(UINT32_MAX), INVALID, 'psa_aead_set_lengths(UINT32_MAX) on CCM');
          checkStatus(setNonce(), BAD, 'psa_aead_set_nonce after a failure');
        } else {
          checkSuccess(setLengths(UINT32_MAX), 'psa_aead_set_lengths(UINT32_MAX)');
          checkSuccess(setNonce(), 'psa_aead_set_nonce');
        }
        abort();
        encSetup();
        if (isCcm() || isGcm()) {
          checkStatus(setLengths(SIZE_MAX), INVALID, 'psa_aead_set_lengths(SIZE_MAX)');
          checkStatus(setNonce(), BAD, 'psa_aead_set_nonce after a failure');
        } else {
          checkSuccess(setLengths(SIZE_MAX), 'psa_aead_set_lengths(SIZE_MAX)');
          checkSuccess(setNonce(), 'psa_aead_set_nonce');
        }
        abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce');
        if (isCcm()) checkStatus(setLengths(UINT32_MAX), INVALID, 'psa_aead_set_lengths(UINT32_MAX) on CCM');
        else checkSuccess(setLengths(UINT32_MAX), 'psa_aead_set_lengths(UINT32_MAX)');
        abort();
        encSetup();
        if (isGcm()) {
          checkStatus(setLengths(ad.length, SIZE_MAX), INVALID, 'psa_aead_set_lengths(plaintext SIZE_MAX) on GCM');
          checkStatus(setNonce(), BAD, 'psa_aead_set_nonce after a failure');
        } else if (!isCcm()) {
          checkSuccess(setLengths(ad.length, SIZE_MAX), 'psa_aead_set_lengths(plaintext SIZE_MAX)');
          checkSuccess(setNonce(), 'psa_aead_set_nonce');
        }
        abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce');
        if (isGcm()) checkStatus(setLengths(ad.length, SIZE_MAX), INVALID, 'psa_aead_set_lengths(plaintext SIZE_MAX) on GCM');
        else if (!isCcm()) checkSuccess(setLengths(ad.length, SIZE_MAX), 'psa_aead_set_lengths(plaintext SIZE_MAX)');
        abort();

        // Generate after set, generate on decryption.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkStatus(genNonce(), BAD, 'generate after set'); abort();
        decSetup(); checkStatus(genNonce(), BAD, 'psa_aead_generate_nonce on a decryption'); abort();

        // Lengths twice.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkStatus(setLengths(), BAD, 'second psa_aead_set_lengths'); abort();

        // Lengths after data has started (given and generated nonce).
        for (const nonceStep of [setNonce, genNonce]) {
          encSetup(); checkSuccess(nonceStep(), 'nonce');
          if (isCcm()) checkStatus(updateAd(), BAD, 'psa_aead_update_ad on CCM without lengths');
          else { checkSuccess(updateAd(), 'psa_aead_update_ad'); checkStatus(setLengths(), BAD, 'psa_aead_set_lengths after update_ad'); }
          abort();
          encSetup(); checkSuccess(nonceStep(), 'nonce');
          if (isCcm()) checkStatus(update(), BAD, 'psa_aead_update on CCM without lengths');
          else { checkSuccess(update(), 'psa_aead_update'); checkStatus(setLengths(), BAD, 'psa_aead_set_lengths after update'); }
          abort();
          encSetup(); checkSuccess(nonceStep(), 'nonce');
          checkSuccess(finish(), 'psa_aead_finish');
          if (!isCcm()) checkStatus(setLengths(), BAD, 'psa_aead_set_lengths after finish');
          abort();
        }

        // Declared lengths not supplied.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkStatus(finish(), INVALID, 'psa_aead_finish before the declared input'); abort();
        decSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkStatus(verify(), INVALID, 'psa_aead_verify before the declared input'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkStatus(update(), INVALID, 'psa_aead_update before the declared additional data'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkSuccess(updateAd(), 'psa_aead_update_ad');
        checkStatus(finish(), INVALID, 'psa_aead_finish before the declared data'); abort();

        // More than declared.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(0, 0), 'psa_aead_set_lengths(0, 0)');
        checkStatus(updateAd(), INVALID, 'psa_aead_update_ad beyond the declared length'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkSuccess(updateAd(), 'psa_aead_update_ad');
        checkStatus(updateAd(ad.subarray(0, 1)), INVALID, 'one more byte of additional data'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(0, 0), 'psa_aead_set_lengths(0, 0)');
        checkStatus(update(), INVALID, 'psa_aead_update beyond the declared length'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkSuccess(setLengths(), 'psa_aead_set_lengths');
        checkSuccess(updateAd(), 'psa_aead_update_ad'); checkSuccess(update(), 'psa_aead_update');
        checkStatus(update(input.subarray(0, 1)), INVALID, 'one more byte of data'); abort();

        // Additional data after data.
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce');
        if (!isCcm()) { checkSuccess(update(), 'psa_aead_update'); checkStatus(updateAd(), BAD, 'psa_aead_update_ad after update'); }
        abort();

        // Finish on a decryption, verify on an encryption.
        decSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkStatus(finish(), BAD, 'psa_aead_finish on a decryption'); abort();
        encSetup(); checkSuccess(setNonce(), 'psa_aead_set_nonce'); checkStatus(verify(), BAD, 'psa_aead_verify on an encryption'); abort();
      } finally {
        abort();
        psa.psa_destroy_key(key);
      }
    },
  },
};
