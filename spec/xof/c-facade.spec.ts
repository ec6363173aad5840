/**
 * `psa_xof_*` in C shape: output into caller buffers (checked against
 * node:crypto SHAKE), statuses, the error state and recovery by abort.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import { toHex } from '../keys/helpers.js';

afterEach(() => psa.mbedtls_psa_crypto_free());

const shake = (name: string, input: Uint8Array, n: number): string =>
  createHash(name, { outputLength: n }).update(input).digest('hex');

describe('psa_xof_* (C shape)', () => {
  it('streams SHAKE256 output into caller buffers', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const op = psa.psa_xof_operation_init();
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE256)).toBe(psa.PSA_SUCCESS);
    const input = new TextEncoder().encode('The quick brown fox');
    expect(psa.psa_xof_update(op, input.subarray(0, 4))).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_update(op, input.subarray(4))).toBe(psa.PSA_SUCCESS);
    const a = new Uint8Array(7);
    const b = new Uint8Array(100);
    expect(psa.psa_xof_output(op, a)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_output(op, b)).toBe(psa.PSA_SUCCESS);
    expect(toHex(a) + toHex(b)).toBe(shake('shake256', input, 107));
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
  });

  it('follows the state machine: BAD_STATE, error state, abort', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const op = psa.psa_xof_operation_init();
    expect(psa.psa_xof_update(op, new Uint8Array(1))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHA_256)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_xof_setup(op, 0x0d000400)).toBe(psa.PSA_ERROR_NOT_SUPPORTED);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_set_context(op, new Uint8Array(0))).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_xof_output(op, new Uint8Array(4))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_output(op, 'x' as unknown as Uint8Array)).toBe(psa.PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.psa_xof_output(op, new Uint8Array(4))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_SUCCESS);
    const out = new Uint8Array(32);
    expect(psa.psa_xof_output(op, out)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_update(op, new Uint8Array(1))).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(toHex(out)).toBe(shake('shake128', new Uint8Array(0), 32));
  });

  it('allows init and abort before psa_crypto_init; other calls are BAD_STATE', () => {
    const op = psa.psa_xof_operation_init();
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_ERROR_BAD_STATE);
    expect(psa.psa_xof_update(op, new Uint8Array(1))).toBe(psa.PSA_ERROR_BAD_STATE);
  });

  it('starts afresh after mbedtls_psa_crypto_free and a new psa_crypto_init', () => {
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    const op = psa.psa_xof_operation_init();
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_abort(op)).toBe(psa.PSA_SUCCESS);
    psa.mbedtls_psa_crypto_free();
    expect(psa.psa_crypto_init()).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_setup(op, psa.PSA_ALG_SHAKE128)).toBe(psa.PSA_SUCCESS);
    expect(psa.psa_xof_output(op, new Uint8Array(1))).toBe(psa.PSA_SUCCESS);
  });
});
