/**
 * The cases of issue 13, items 4–7 and 13, each as it was reported: bare
 * TypeErrors out of the faces, PsaErrors thrown out of C functions,
 * `undefined` where a number is due, operation objects of the wrong kind
 * accepted, GENERIC_ERROR for bad input, and the deterministic entropy
 * source exported from the package root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '../../src/c/index.js';
import * as root from '../../src/index.js';
import { createPsa, PsaError } from '../../src/index.js';
import { ecdsaDerToRaw, psaFromSpki, psaFromPem, readDer, DerReader } from '../../src/formats/index.js';
import { seededEntropy } from '../../src/testing.js';

const H = c.PSA_ALG_SHA_256;
const HMAC = c.PSA_ALG_HMAC(H);
const INVALID = c.PSA_ERROR_INVALID_ARGUMENT;
const BAD_STATE = c.PSA_ERROR_BAD_STATE;

/** A Uint8Array whose buffer has been transferred away. */
function detached(n = 64): Uint8Array {
  const u = new Uint8Array(n);
  structuredClone(u.buffer, { transfer: [u.buffer] });
  return u;
}
/** A Proxy around a Uint8Array (typed-array methods refuse it as a receiver). */
const proxied = (n = 64): Uint8Array => new Proxy(new Uint8Array(n), {});

/** The status a TS-face call throws (fails the test if it throws anything but a PsaError). */
function tsStatus(body: () => unknown): number {
  try {
    body();
  } catch (err) {
    expect(err).toBeInstanceOf(PsaError);
    return (err as PsaError).status;
  }
  return 0;
}

let hmacKey = 0;
let eccKey = 0;
beforeAll(() => {
  c.mbedtls_psa_crypto_free();
  expect(c.psa_crypto_init({})).toBe(0);
  const a = c.psa_key_attributes_init();
  c.psa_set_key_type(a, c.PSA_KEY_TYPE_HMAC);
  c.psa_set_key_bits(a, 256);
  c.psa_set_key_usage_flags(a, c.PSA_KEY_USAGE_SIGN_MESSAGE | c.PSA_KEY_USAGE_VERIFY_MESSAGE);
  c.psa_set_key_algorithm(a, HMAC);
  const id = { value: 0 };
  expect(c.psa_generate_key(a, id)).toBe(0);
  hmacKey = id.value;
  const e = c.psa_key_attributes_init();
  c.psa_set_key_type(e, c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_SECP_R1));
  c.psa_set_key_bits(e, 256);
  c.psa_set_key_usage_flags(e, c.PSA_KEY_USAGE_SIGN_HASH | c.PSA_KEY_USAGE_EXPORT);
  c.psa_set_key_algorithm(e, c.PSA_ALG_ECDSA(H));
  expect(c.psa_generate_key(e, id)).toBe(0);
  eccKey = id.value;
});
afterAll(() => c.mbedtls_psa_crypto_free());

describe('item 4: detached, Proxy and frozen arguments give a status, not a TypeError', () => {
  it('output buffers that cannot be written (the wipe after the call)', () => {
    for (const out of [detached(), proxied()]) {
      expect(c.psa_mac_compute(hmacKey, HMAC, new Uint8Array(3), out, { value: 0 })).toBeLessThan(0);
      expect(c.psa_sign_hash(eccKey, c.PSA_ALG_ECDSA(H), new Uint8Array(32), out, { value: 0 })).toBeLessThan(0);
      expect(c.psa_sign_message(eccKey, c.PSA_ALG_ECDSA(H), new Uint8Array(3), out, { value: 0 })).toBeLessThan(0);
      expect(c.psa_aead_decrypt(hmacKey, c.PSA_ALG_GCM, new Uint8Array(12), new Uint8Array(0), new Uint8Array(32), out, { value: 0 })).toBeLessThan(0);
      const kdf = c.psa_key_derivation_operation_init();
      expect(c.psa_key_derivation_output_bytes(kdf, out)).toBeLessThan(0);
      const mac = c.psa_mac_operation_init();
      expect(c.psa_mac_sign_setup(mac, hmacKey, HMAC)).toBe(0);
      expect(c.psa_mac_sign_finish(mac, out, { value: 0 })).toBeLessThan(0);
      const sign = c.psa_sign_operation_init();
      expect(c.psa_sign_finish(sign, out, { value: 0 })).toBeLessThan(0);
    }
    expect(c.psa_mac_compute(hmacKey, HMAC, new Uint8Array(3), proxied(), { value: 0 })).toBe(INVALID);
  });

  it('frozen and getter-only out-parameter holders: INVALID_ARGUMENT', () => {
    for (const holder of [Object.freeze({ value: 0 }), { get value(): number { return 0; } }]) {
      expect(c.psa_hash_compute(H, new Uint8Array(3), new Uint8Array(32), holder as c.Out)).toBe(INVALID);
      expect(c.psa_mac_compute(hmacKey, HMAC, new Uint8Array(3), new Uint8Array(32), holder as c.Out)).toBe(INVALID);
      expect(c.psa_generate_key(c.psa_key_attributes_init(), holder as c.Out)).toBeLessThan(0);
    }
  });

  it('attribute and cipher-suite accessors given values of the wrong type', () => {
    expect(() => c.psa_set_key_type(null as unknown as c.psa_key_attributes_t, 1)).not.toThrow();
    const a = c.psa_key_attributes_init();
    c.psa_set_key_algorithm(a, Symbol('alg') as unknown as number);
    expect(c.psa_get_key_algorithm(a)).toBe(0);
    c.psa_set_key_algorithm(a, -1);
    expect(c.psa_get_key_algorithm(a)).toBe(0xffffffff);
    const cs = c.psa_pake_cipher_suite_init();
    c.psa_pake_cs_set_algorithm(cs, 1n as unknown as number);
    expect(c.psa_pake_cs_get_algorithm(cs)).toBe(1);
    expect(c.psa_get_key_type(undefined as unknown as c.psa_key_attributes_t)).toBe(0);
    const frozen = Object.freeze(c.psa_key_attributes_init());
    expect(() => c.psa_set_key_bits(frozen, 128)).not.toThrow();
    expect(c.psa_get_key_bits(frozen)).toBe(0);
  });

  it('psa-crypto/formats decoders given arguments of the wrong type throw PsaError', () => {
    expect(tsStatus(() => ecdsaDerToRaw(256, undefined as unknown as Uint8Array))).toBe(INVALID);
    expect(tsStatus(() => psaFromSpki(undefined as unknown as Uint8Array))).toBe(INVALID);
    expect(tsStatus(() => psaFromPem(5 as unknown as string))).toBe(INVALID);
    expect(tsStatus(() => readDer(null as unknown as Uint8Array))).toBe(INVALID);
    expect(tsStatus(() => new DerReader(undefined as never).next())).toBe(INVALID);
  });

  it('TS operation methods: kdfOp.outputKey(attrs, null) and verifyOperation().setup with a Proxy', () => {
    const psa = createPsa();
    const kdf = psa.keyDerivationSetup(c.PSA_ALG_HKDF(H));
    expect(tsStatus(() => kdf.outputKey({ type: c.PSA_KEY_TYPE_RAW_DATA, bits: 128 } as never, null as never))).toBeLessThan(0);
    const key = psa.generateKey({ type: c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_SECP_R1), bits: 256,
      usage: c.PSA_KEY_USAGE_VERIFY_MESSAGE, alg: c.PSA_ALG_ECDSA(H) });
    expect(tsStatus(() => psa.verifyOperation().setup(key, c.PSA_ALG_ECDSA(H), proxied()))).toBe(INVALID);
    expect(tsStatus(() => psa.hashCompute(H, proxied()))).toBe(INVALID);
    psa.close();
  });
});

describe('item 5: C functions return numbers, never throw', () => {
  it('psa_interruptible_set_max_ops(-1) is C\'s conversion to uint32_t (unlimited)', () => {
    expect(() => c.psa_interruptible_set_max_ops(-1)).not.toThrow();
    expect(c.psa_interruptible_get_max_ops()).toBe(c.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
    c.psa_interruptible_set_max_ops('x' as unknown as number);
    expect(c.psa_interruptible_get_max_ops()).toBe(c.PSA_INTERRUPTIBLE_MAX_OPS_UNLIMITED);
  });

  it('_get_num_ops of anything that is not an operation object is 0', () => {
    const getters = [c.psa_sign_hash_get_num_ops, c.psa_verify_hash_get_num_ops, c.psa_generate_key_iop_get_num_ops,
      c.psa_export_public_key_iop_get_num_ops, c.psa_key_agreement_iop_get_num_ops];
    for (const get of getters) {
      for (const v of [null, undefined, 5, 'x', c.psa_hash_operation_init()]) expect(get(v as never)).toBe(0);
    }
  });

  it('getters given a non-attributes object answer the initialised value 0, never undefined', () => {
    for (const v of [5, 'x', null, {}, [], Symbol('a')]) {
      for (const get of [c.psa_get_key_type, c.psa_get_key_bits, c.psa_get_key_id, c.psa_get_key_lifetime,
        c.psa_get_key_usage_flags, c.psa_get_key_algorithm, c.psa_get_key_enrollment_algorithm]) {
        expect(get(v as unknown as c.psa_key_attributes_t)).toBe(0);
      }
    }
  });
});

describe('item 6: an operation of the wrong kind is BAD_STATE on both faces', () => {
  it('C face: hash_update(macOp), xof_update(hashOp), aead_set_nonce(hashOp) change nothing', () => {
    const mac = c.psa_mac_operation_init();
    expect(c.psa_mac_sign_setup(mac, hmacKey, HMAC)).toBe(0);
    expect(c.psa_hash_update(mac as never, new Uint8Array(3))).toBe(BAD_STATE);
    expect(c.psa_hash_setup(mac as never, H)).toBe(BAD_STATE);
    expect(c.psa_hash_abort(mac as never)).toBe(0);
    // the MAC operation is untouched by all of that
    const out = new Uint8Array(32);
    const len = { value: 0 };
    expect(c.psa_mac_sign_finish(mac, out, len)).toBe(0);
    expect(len.value).toBe(32);
    const hash = c.psa_hash_operation_init();
    expect(c.psa_hash_setup(hash, H)).toBe(0);
    expect(c.psa_xof_update(hash as never, new Uint8Array(3))).toBe(BAD_STATE);
    expect(c.psa_aead_set_nonce(hash as never, new Uint8Array(12))).toBe(BAD_STATE);
    expect(c.psa_hash_clone(hash, c.psa_mac_operation_init() as never)).toBe(BAD_STATE);
    expect(c.psa_hash_update(hash, new Uint8Array(3))).toBe(0);
    expect(c.psa_hash_update(5 as never, new Uint8Array(3))).toBe(INVALID);
  });

  it('TS face: a method of another operation class, and a Psa method given another kind', () => {
    const psa = createPsa();
    const hash = psa.hashSetup(H);
    const mac = psa.macOperation();
    expect(tsStatus(() => hash.update.call(mac as never, new Uint8Array(1)))).toBe(BAD_STATE);
    expect(tsStatus(() => psa.generateKeyIopSetup(hash as never, { type: c.PSA_KEY_TYPE_AES, bits: 128 }))).toBe(BAD_STATE);
    expect(tsStatus(() => psa.keyDerivationOutputKey({ type: c.PSA_KEY_TYPE_AES, bits: 128 }, hash as never))).toBe(BAD_STATE);
    expect(tsStatus(() => psa.generateKeyIopSetup(null as never, { type: c.PSA_KEY_TYPE_AES, bits: 128 }))).toBe(INVALID);
    psa.close();
  });
});

describe('item 7: bad input is INVALID_ARGUMENT, not GENERIC_ERROR', () => {
  it('the reported calls', () => {
    expect(c.psa_sign_hash_start(c.psa_sign_hash_interruptible_operation_init(), eccKey, -1n as never, new Uint8Array(32))).toBe(INVALID);
    expect(c.psa_export_public_key_iop_setup(c.psa_export_public_key_iop_init(), Symbol('k') as never)).toBe(INVALID);
    expect(c.psa_generate_random(detached())).toBe(INVALID);
    expect(c.psa_its_set(1, detached(), 0)).toBe(INVALID);
    expect(c.psa_hash_compute(H, proxied(), new Uint8Array(32), { value: 0 })).toBe(INVALID);
    const a = c.psa_key_attributes_init();
    c.psa_set_key_type(a, c.PSA_KEY_TYPE_AES);
    expect(c.psa_import_key(a, proxied(16), { value: 0 })).toBe(INVALID);
  });
});

describe('item 13: the deterministic entropy source lives in psa-crypto/testing only', () => {
  it('is not exported from the package root', () => {
    expect('seededEntropy' in root).toBe(false);
    const a = createPsa({ entropy: seededEntropy(Uint8Array.of(1)) }).generateRandom(16);
    const b = createPsa({ entropy: seededEntropy(Uint8Array.of(1)) }).generateRandom(16);
    expect(a).toEqual(b);
  });
});
