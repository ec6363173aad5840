/**
 * Cipher calls go through driver dispatch: a transparent driver listed first
 * gets the call, and NOT_SUPPORTED from it passes the call to the software
 * driver; any other failure is final.
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { TransparentDriver } from '../../src/drivers/driver.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import { fail, PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ERROR_HARDWARE_FAILURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_AES,
  PSA_KEY_USAGE_DECRYPT,
  PSA_KEY_USAGE_ENCRYPT,
} from '../../src/values/index.js';

function accelerator(calls: string[]): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'accelerator',
    cipherSetup(_a, _k, alg) {
      calls.push(`setup 0x${alg.toString(16)}`);
      return fail(alg === PSA_ALG_CTR ? PSA_ERROR_NOT_SUPPORTED : PSA_ERROR_HARDWARE_FAILURE);
    },
    cipherEncrypt(_a, _k, alg) {
      calls.push(`encrypt 0x${alg.toString(16)}`);
      return fail(PSA_ERROR_NOT_SUPPORTED);
    },
  };
}

describe('cipher dispatch', () => {
  it('falls back to software on NOT_SUPPORTED and stops on other failures', () => {
    const calls: string[] = [];
    const psa = createPsa({ drivers: [accelerator(calls), softwareDriver()] });
    const usage = PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT;
    const ctrKey = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_CTR }, new Uint8Array(16));
    const op = psa.cipherEncryptSetup(ctrKey, PSA_ALG_CTR);
    op.setIv(new Uint8Array(16));
    expect(op.update(new Uint8Array(3)).length).toBe(3);
    const ct = psa.cipherEncrypt(ctrKey, PSA_ALG_CTR, new Uint8Array(5));
    expect(psa.cipherDecrypt(ctrKey, PSA_ALG_CTR, ct)).toEqual(new Uint8Array(5));
    // Without a single-part decrypt entry point, the accelerator is asked through its multipart one.
    expect(calls).toEqual(['setup 0x4c01000', 'encrypt 0x4c01000', 'setup 0x4c01000']);

    const ecbKey = psa.importKey({ type: PSA_KEY_TYPE_AES, usage, alg: PSA_ALG_ECB_NO_PADDING }, new Uint8Array(16));
    let status = 0;
    try {
      psa.cipherDecryptSetup(ecbKey, PSA_ALG_ECB_NO_PADDING);
    } catch (e) {
      status = e instanceof PsaError ? e.status : 0;
    }
    expect(status).toBe(PSA_ERROR_HARDWARE_FAILURE);
    psa.close();
  });
});
