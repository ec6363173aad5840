/**
 * PAKE argument checks, through `psa-crypto/c` and the TypeScript face.
 *
 * C's NULL with a length (the spelling in src/c/pake.ts: `null` and an
 * optional length argument): `psa_pake_set_user` / `set_peer` /
 * `set_context` with NULL and a non-zero length are INVALID_ARGUMENT (PSA
 * Crypto API 1.2+, `psa_pake_set_user`: "user_id is not valid"; the rows
 * "invalid user_id" of a published PSA API test suite expect the same), after
 * the state check, and the operation is aborted (Mbed TLS's `psa_pake_set_*`
 * abort on any failure).
 *
 * Where Mbed TLS 3.6 / TF-PSA-Crypto 1.0 answer later than `psa_pake_setup`
 * or `psa_pake_set_user`, this package does too (their `psa_pake_setup` and
 * `psa_pake_set_user` accept the values; `mbedtls_psa_pake_setup`, run at
 * the first output or input, refuses them):
 * - a J-PAKE primitive other than ECC secp256r1 256, e.g.
 *   `PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_ECC_FAMILY_SECP_R1, 256)`:
 *   setup SUCCESS, first output NOT_SUPPORTED (upstream vector
 *   "PSA PAKE: invalid primitive type", ERR_IN_OUTPUT_KEY_SHARE);
 * - a J-PAKE identity other than "client" / "server" (any length, e.g. 18
 *   bytes): set_user SUCCESS, first output NOT_SUPPORTED (upstream vectors
 *   with "something", ERR_IN_OUTPUT_KEY_SHARE);
 * - the key confirmation of a J-PAKE suite: both values are accepted (the
 *   upstream J-PAKE vectors use the default, PSA_PAKE_CONFIRMED_KEY; the
 *   spec's J-PAKE example uses PSA_PAKE_UNCONFIRMED_KEY); a value that is
 *   neither is INVALID_ARGUMENT (the spec allows only these two).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as C from '../../src/c/index.js';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_JPAKE,
  PSA_ALG_SHA_256,
  PSA_ALG_SPAKE2P_HMAC,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
  PSA_PAKE_CONFIRMED_KEY,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_UNCONFIRMED_KEY,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const JPAKE = PSA_ALG_JPAKE(PSA_ALG_SHA_256);
const SPAKE2P = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
const P256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
const DH_WITH_ECC_FAMILY = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_ECC_FAMILY_SECP_R1, 256);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The published test suite's 18-byte identity: "abcdefghijklmnopq" and its NUL. */
const ID_18 = Uint8Array.of(...text('abcdefghijklmnopq'), 0);
/** w0 = 1, w1 = 2: a SPAKE2+ P-256 key pair (both in [1, n − 1]). */
const SPAKE2P_PAIR = Uint8Array.from({ length: 64 }, (_, i) => (i === 31 ? 1 : i === 63 ? 2 : 0));

function importKey(type: number, alg: number, data: Uint8Array, bits = 0): number {
  const attributes = C.psa_key_attributes_init();
  C.psa_set_key_type(attributes, type);
  C.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_DERIVE);
  C.psa_set_key_algorithm(attributes, alg);
  if (bits !== 0) C.psa_set_key_bits(attributes, bits);
  const key = { value: 0 };
  expect(C.psa_import_key(attributes, data, key)).toBe(PSA_SUCCESS);
  return key.value;
}

function suite(alg: number, primitive: number, confirmation?: number): C.psa_pake_cipher_suite_t {
  const cs = C.psa_pake_cipher_suite_init();
  C.psa_pake_cs_set_algorithm(cs, alg);
  C.psa_pake_cs_set_primitive(cs, primitive);
  if (confirmation !== undefined) C.psa_pake_cs_set_key_confirmation(cs, confirmation);
  return cs;
}

describe('psa-crypto/c PAKE arguments', () => {
  let password = 0;
  beforeEach(() => {
    expect(C.psa_crypto_init()).toBe(PSA_SUCCESS);
    password = importKey(PSA_KEY_TYPE_PASSWORD, JPAKE, text('abcd'));
  });
  afterEach(() => {
    C.mbedtls_psa_crypto_free();
  });

  function jpake(primitive = P256, confirmation?: number): C.psa_pake_operation_t {
    const op = C.psa_pake_operation_init();
    expect(C.psa_pake_setup(op, password, suite(JPAKE, primitive, confirmation))).toBe(PSA_SUCCESS);
    return op;
  }

  it('psa_pake_set_user / set_peer (J-PAKE) with NULL and a non-zero length → INVALID_ARGUMENT; the operation is aborted', () => {
    const op = jpake(P256, PSA_PAKE_UNCONFIRMED_KEY);
    expect(C.psa_pake_set_user(op, null, 6)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(C.psa_pake_set_peer(op, text('server'))).toBe(PSA_ERROR_BAD_STATE);
    const op2 = jpake(P256, PSA_PAKE_UNCONFIRMED_KEY);
    expect(C.psa_pake_set_user(op2, text('client'))).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_peer(op2, null, 6)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(C.psa_pake_abort(op2)).toBe(PSA_SUCCESS);
  });

  it('NULL with no length or length 0 is the empty identity: INVALID_ARGUMENT for J-PAKE (Mbed TLS: user_id_len 0)', () => {
    expect(C.psa_pake_set_user(jpake(), null)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(C.psa_pake_set_peer(jpake(), null, 0)).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('the state check comes first: NULL with a length on an inactive operation is BAD_STATE', () => {
    const op = C.psa_pake_operation_init();
    expect(C.psa_pake_set_user(op, null, 6)).toBe(PSA_ERROR_BAD_STATE);
    expect(C.psa_pake_set_context(op, null, 4)).toBe(PSA_ERROR_BAD_STATE);
  });

  it('a length shorter than the array takes its first bytes; a longer one is INVALID_ARGUMENT', () => {
    const op = jpake();
    expect(C.psa_pake_set_user(op, text('client-and-more'), 6)).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_peer(op, text('server'), 7)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const op2 = jpake();
    expect(C.psa_pake_set_user(op2, text('client!'), 6)).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_peer(op2, text('server'))).toBe(PSA_SUCCESS);
    const out = new Uint8Array(C.PSA_PAKE_OUTPUT_MAX_SIZE);
    expect(C.psa_pake_output(op2, PSA_PAKE_STEP_KEY_SHARE, out, { value: 0 })).toBe(PSA_SUCCESS);
    expect(C.psa_pake_abort(op2)).toBe(PSA_SUCCESS);
  });

  it('psa_pake_set_context (SPAKE2+) with NULL and a non-zero length → INVALID_ARGUMENT; NULL with 0 sets an empty context', () => {
    const pair = importKey(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), SPAKE2P, SPAKE2P_PAIR, 256);
    const op = C.psa_pake_operation_init();
    expect(C.psa_pake_setup(op, pair, suite(SPAKE2P, P256))).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_role(op, PSA_PAKE_ROLE_CLIENT)).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_context(op, null, 16)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(C.psa_pake_set_context(op, text('x'))).toBe(PSA_ERROR_BAD_STATE);
    const op2 = C.psa_pake_operation_init();
    expect(C.psa_pake_setup(op2, pair, suite(SPAKE2P, P256))).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_context(op2, null, 0)).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_context(op2, null)).toBe(PSA_ERROR_BAD_STATE);
    expect(C.psa_pake_abort(op2)).toBe(PSA_SUCCESS);
  });

  it('SPAKE2+ set_user / set_peer with NULL and a non-zero length → INVALID_ARGUMENT', () => {
    const pair = importKey(PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), SPAKE2P, SPAKE2P_PAIR, 256);
    for (const call of [C.psa_pake_set_user, C.psa_pake_set_peer]) {
      const op = C.psa_pake_operation_init();
      expect(C.psa_pake_setup(op, pair, suite(SPAKE2P, P256))).toBe(PSA_SUCCESS);
      expect(call(op, null, 6)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
  });

  it('J-PAKE with the DH primitive: psa_pake_setup SUCCESS, the first output NOT_SUPPORTED (mbedtls_psa_pake_setup)', () => {
    for (const confirmation of [PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_UNCONFIRMED_KEY]) {
      const op = jpake(DH_WITH_ECC_FAMILY, confirmation);
      expect(C.psa_pake_set_user(op, text('client'))).toBe(PSA_SUCCESS);
      expect(C.psa_pake_set_peer(op, text('server'))).toBe(PSA_SUCCESS);
      expect(C.psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(C.PSA_PAKE_OUTPUT_MAX_SIZE), { value: 0 })).toBe(PSA_ERROR_NOT_SUPPORTED);
    }
  });

  it('an 18-byte J-PAKE user id: psa_pake_set_user SUCCESS (Mbed TLS stores any non-empty id), the first output NOT_SUPPORTED', () => {
    const op = jpake(P256, PSA_PAKE_UNCONFIRMED_KEY);
    expect(C.psa_pake_set_user(op, ID_18)).toBe(PSA_SUCCESS);
    expect(C.psa_pake_set_peer(op, text('server'))).toBe(PSA_SUCCESS);
    expect(C.psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(C.PSA_PAKE_OUTPUT_MAX_SIZE), { value: 0 })).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('J-PAKE accepts both key confirmation values and refuses any other with INVALID_ARGUMENT', () => {
    for (const confirmation of [PSA_PAKE_CONFIRMED_KEY, PSA_PAKE_UNCONFIRMED_KEY]) {
      const op = jpake(P256, confirmation);
      expect(C.psa_pake_set_user(op, text('client'))).toBe(PSA_SUCCESS);
      expect(C.psa_pake_set_peer(op, text('server'))).toBe(PSA_SUCCESS);
      expect(C.psa_pake_output(op, PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(C.PSA_PAKE_OUTPUT_MAX_SIZE), { value: 0 })).toBe(PSA_SUCCESS);
      expect(C.psa_pake_abort(op)).toBe(PSA_SUCCESS);
    }
    const op = C.psa_pake_operation_init();
    expect(C.psa_pake_setup(op, password, suite(JPAKE, P256, 2))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});

describe('psa_pake_setup: the key policy with Mbed TLS\'s wildcard test (psa_key_policy_permits)', () => {
  it('J-PAKE(ANY_HASH) as the suite\'s algorithm is a specific value there: NOT_PERMITTED for a J-PAKE(SHA-256) key', () => {
    const psa = createPsa();
    const key = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: JPAKE }, text('abcd'));
    const anyHash = PSA_ALG_JPAKE(0x020000ff);
    expect(statusOfCall(() => psa.pakeSetup(key, { algorithm: anyHash, primitive: P256 }))).toBe(PSA_ERROR_NOT_PERMITTED);
  });
});

describe('the TypeScript face keeps one array per buffer', () => {
  it('PakeOperation.setUser(bytes) is unchanged; a non-array is INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const key = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: JPAKE }, text('abcd'));
    const op = psa.pakeSetup(key, { algorithm: JPAKE, primitive: P256 });
    op.setUser(text('client'));
    expect(statusOfCall(() => op.setPeer('server' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
