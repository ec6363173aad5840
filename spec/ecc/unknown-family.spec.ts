/**
 * ECC key types whose family this build does not implement: family 0
 * (`PSA_KEY_TYPE_ECC_KEY_PAIR(0)`, no defined family), the families Mbed TLS
 * names in its tests without implementing them (SECP_R2, SECT_K1, SECT_R1,
 * SECT_R2: test_suite_psa_crypto.data `derive_key`,
 * test_suite_psa_crypto_not_supported.generated.data) and values no
 * specification defines. Mbed TLS 3.6, checked on a 3.6.6 build:
 *
 * - `psa_import_key` → INVALID_ARGUMENT, whatever the data and declared size:
 *   `mbedtls_psa_ecp_load_representation` calls `check_ecc_parameters`
 *   (`library/psa_crypto_ecp.c`), which answers INVALID_ARGUMENT for every
 *   family other than SECP_R1, SECP_K1, BRAINPOOL_P_R1 and MONTGOMERY (and a
 *   Weierstrass public key of even length is INVALID_ARGUMENT before that);
 * - `psa_generate_key` of a key pair with a size → NOT_SUPPORTED:
 *   `psa_validate_key_type_and_size_for_key_generation` accepts any ECC key
 *   pair and `mbedtls_psa_ecp_generate_key` finds no group
 *   (`mbedtls_ecc_group_from_psa` → MBEDTLS_ECP_DP_NONE);
 * - `psa_generate_key` with bits = 0, or of a public key type →
 *   INVALID_ARGUMENT (`psa_generate_key_custom`, before anything else).
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import * as C from '../../src/c/index.js';
import {
  PSA_ECC_FAMILY_SECP_R2,
  PSA_ECC_FAMILY_SECT_K1,
  PSA_ECC_FAMILY_SECT_R1,
  PSA_ECC_FAMILY_SECT_R2,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
} from '../../src/values/index.js';
import { expectStatus } from '../keys/helpers.js';

const FAMILIES: readonly (readonly [string, number])[] = [
  ['0', 0],
  ['SECP_R2', PSA_ECC_FAMILY_SECP_R2],
  ['SECT_K1', PSA_ECC_FAMILY_SECT_K1],
  ['SECT_R1', PSA_ECC_FAMILY_SECT_R1],
  ['SECT_R2', PSA_ECC_FAMILY_SECT_R2],
  ['0x01', 0x01],
  ['0xff', 0xff],
];

/** A 32-byte scalar and a 65-byte "point": well-formed for a 256-bit curve, which none of these families has here. */
const scalar = new Uint8Array(32).fill(0x11);
const point = Uint8Array.from([0x04, ...new Uint8Array(64).fill(0x22)]);

describe('ECC families this build does not implement', () => {
  for (const [name, family] of FAMILIES) {
    const pair = PSA_KEY_TYPE_ECC_KEY_PAIR(family);
    const pub = PSA_KEY_TYPE_ECC_PUBLIC_KEY(family);

    it(`family ${name}: psa_import_key is INVALID_ARGUMENT (check_ecc_parameters)`, () => {
      const psa = createPsa();
      for (const bits of [0, 256]) {
        expectStatus(() => psa.importKey({ type: pair, bits }, scalar), PSA_ERROR_INVALID_ARGUMENT);
        expectStatus(() => psa.importKey({ type: pub, bits }, point), PSA_ERROR_INVALID_ARGUMENT);
      }
      expectStatus(() => psa.importKey({ type: pub }, point.subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.importKey({ type: pair }, new Uint8Array(21).fill(1)), PSA_ERROR_INVALID_ARGUMENT);
      expect(psa.stats().volatile_slots).toBe(0);
    });

    it(`family ${name}: psa_generate_key is NOT_SUPPORTED (mbedtls_psa_ecp_generate_key), INVALID_ARGUMENT without a size or for a public key`, () => {
      const psa = createPsa();
      expectStatus(() => psa.generateKey({ type: pair, bits: 256 }), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.generateKey({ type: pair, bits: 163 }), PSA_ERROR_NOT_SUPPORTED);
      expectStatus(() => psa.generateKey({ type: pair, bits: 0 }), PSA_ERROR_INVALID_ARGUMENT);
      expectStatus(() => psa.generateKey({ type: pub, bits: 256 }), PSA_ERROR_INVALID_ARGUMENT);
    });
  }

  it('through the C facade: psa_import_key of PSA_KEY_TYPE_ECC_KEY_PAIR(0) returns PSA_ERROR_INVALID_ARGUMENT (-135) and no key', () => {
    expect(C.psa_crypto_init()).toBe(C.PSA_SUCCESS);
    const attributes = C.psa_key_attributes_init();
    C.psa_set_key_type(attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(0));
    C.psa_set_key_bits(attributes, 256);
    const key = { value: 0x12345678 };
    expect(C.psa_import_key(attributes, scalar, key)).toBe(-135);
    expect(key.value).toBe(0);
    C.psa_set_key_type(attributes, PSA_KEY_TYPE_ECC_PUBLIC_KEY(0));
    expect(C.psa_import_key(attributes, point, key)).toBe(PSA_ERROR_INVALID_ARGUMENT);
    C.psa_set_key_type(attributes, PSA_KEY_TYPE_ECC_KEY_PAIR(0));
    expect(C.psa_generate_key(attributes, key)).toBe(PSA_ERROR_NOT_SUPPORTED);
    C.mbedtls_psa_crypto_free();
  });
});
