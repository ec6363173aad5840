/**
 * The two faces never disagree: random sequences of operations (valid and
 * invalid keys, algorithms, lengths and ids) run once through the TypeScript
 * face and once through the C facade, each on a fresh instance seeded with
 * the same entropy, and every call must give the same status, and on
 * success the same output bytes (random outputs included: the two instances
 * draw the same DRBG stream when they make the same calls).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa, PsaError } from '../../src/index.js';
import { seededEntropy } from '../../src/testing.js';
import * as c from '../../src/c/index.js';
import {
  PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_CCM, PSA_ALG_CTR, PSA_ALG_ECB_NO_PADDING, PSA_ALG_ECDSA,
  PSA_ALG_DETERMINISTIC_ECDSA, PSA_ALG_GCM, PSA_ALG_HMAC, PSA_ALG_SHA_1, PSA_ALG_SHA_256, PSA_ALG_SHA_384,
  PSA_ALG_CMAC, PSA_ALG_ANY_HASH, PSA_ECC_FAMILY_SECP_R1, PSA_KEY_TYPE_AES, PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_RAW_DATA, PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_ENCRYPT, PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH, PSA_KEY_USAGE_SIGN_MESSAGE, PSA_KEY_USAGE_VERIFY_HASH, PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../src/values/index.js';

type Psa = ReturnType<typeof createPsa>;
/** What a call gave: its status, and its output on success. */
type Outcome = { status: number; out?: string };
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** An algorithm, or `'policy'`: the algorithm the referenced key was created with. */
type Alg = number | 'policy';

/** One operation of a sequence; `key` indexes the keys created so far (or names none). */
type Op =
  | { kind: 'import'; type: number; bits: number; usage: number; alg: number; data: Uint8Array }
  | { kind: 'generate'; type: number; bits: number; usage: number; alg: number }
  | { kind: 'export' | 'destroy' | 'attributes'; key: number }
  | { kind: 'hash'; alg: number; input: Uint8Array }
  | { kind: 'mac' | 'sign' | 'cipherEncrypt' | 'cipherDecrypt'; key: number; alg: Alg; input: Uint8Array }
  | { kind: 'aeadEncrypt' | 'aeadDecrypt'; key: number; alg: Alg; nonce: Uint8Array; ad: Uint8Array; input: Uint8Array }
  | { kind: 'random'; length: number };

const TYPES = [PSA_KEY_TYPE_AES, PSA_KEY_TYPE_HMAC, PSA_KEY_TYPE_DERIVE, PSA_KEY_TYPE_RAW_DATA, PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), 0x7fff];
const BITS = [0, 128, 192, 256, 255, 384, 7];
const USAGES = [0, PSA_KEY_USAGE_EXPORT, PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, 0xffffffff];
const ALGS = [0, PSA_ALG_GCM, PSA_ALG_CCM, PSA_ALG_CTR, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_ECB_NO_PADDING, PSA_ALG_CMAC,
  PSA_ALG_HMAC(PSA_ALG_SHA_256), PSA_ALG_HMAC(PSA_ALG_ANY_HASH), PSA_ALG_ECDSA(PSA_ALG_SHA_256), PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256),
  PSA_ALG_ECDSA(PSA_ALG_ANY_HASH), PSA_ALG_SHA_256, PSA_ALG_SHA_1, PSA_ALG_SHA_384, 0x7fffffff];

/** Coherent key profiles (type, bits, usage, alg), so that the sequences also reach successes. */
const PROFILES = [
  { type: PSA_KEY_TYPE_AES, bits: 128, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_GCM },
  { type: PSA_KEY_TYPE_AES, bits: 256, usage: PSA_KEY_USAGE_ENCRYPT | PSA_KEY_USAGE_DECRYPT, alg: PSA_ALG_CTR },
  { type: PSA_KEY_TYPE_AES, bits: 128, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg: PSA_ALG_CMAC },
  { type: PSA_KEY_TYPE_HMAC, bits: 256, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HMAC(PSA_ALG_SHA_256) },
  { type: PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_DETERMINISTIC_ECDSA(PSA_ALG_SHA_256) },
];
const PROFILE_ALGS = PROFILES.map((p) => p.alg);

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const algorithm: fc.Arbitrary<Alg> = fc.oneof({ weight: 3, arbitrary: fc.constant('policy' as const) },
  { weight: 1, arbitrary: pick(PROFILE_ALGS) }, { weight: 1, arbitrary: pick(ALGS) });
const data = fc.uint8Array({ maxLength: 40 });
const keyRef = fc.integer({ min: 0, max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('import' as const), type: pick(TYPES), bits: pick(BITS), usage: pick(USAGES), alg: pick(ALGS),
    data: fc.oneof(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), data) }),
  fc.record({ kind: fc.constant('generate' as const), type: pick(TYPES), bits: pick(BITS), usage: pick(USAGES), alg: pick(ALGS) }),
  { weight: 3, arbitrary: pick(PROFILES).map((p) => ({ kind: 'generate' as const, ...p })) },
  { weight: 2, arbitrary: fc.tuple(pick(PROFILES.slice(0, 4)), fc.uint8Array({ minLength: 32, maxLength: 32 }))
    .map(([p, d]) => ({ kind: 'import' as const, ...p, data: d.subarray(0, p.bits / 8) })) },
  fc.record({ kind: pick(['export', 'destroy', 'attributes'] as const), key: keyRef }),
  fc.record({ kind: fc.constant('hash' as const), alg: pick(ALGS), input: data }),
  fc.record({ kind: pick(['mac', 'sign', 'cipherEncrypt', 'cipherDecrypt'] as const), key: keyRef, alg: algorithm,
    input: fc.oneof(data, fc.uint8Array({ minLength: 32, maxLength: 32 })) }),
  fc.record({ kind: pick(['aeadEncrypt', 'aeadDecrypt'] as const), key: keyRef, alg: algorithm,
    nonce: fc.oneof(fc.uint8Array({ minLength: 12, maxLength: 12 }), data), ad: data, input: data }),
  fc.record({ kind: fc.constant('random' as const), length: fc.integer({ min: 0, max: 64 }) }),
);

/** The TS face's outcome of `body`. */
function ts(body: () => Uint8Array | number | object | void): Outcome {
  try {
    const r = body();
    return { status: 0, out: r instanceof Uint8Array ? hex(r) : typeof r === 'number' ? String(r) : JSON.stringify(r ?? null) };
  } catch (e) {
    if (!(e instanceof PsaError)) throw e;
    return { status: e.status };
  }
}

/** The C facade's outcome of a call with an output buffer. */
function cOut(call: (out: Uint8Array, length: { value: number }) => number): Outcome {
  const out = new Uint8Array(512);
  const length = { value: 0 };
  const status = call(out, length);
  return status === 0 ? { status, out: hex(out.subarray(0, length.value)) } : { status };
}

function attributesOf(o: { type: number; bits: number; usage: number; alg: number }): c.psa_key_attributes_t {
  const a = c.psa_key_attributes_init();
  c.psa_set_key_type(a, o.type);
  c.psa_set_key_bits(a, o.bits);
  c.psa_set_key_usage_flags(a, o.usage);
  c.psa_set_key_algorithm(a, o.alg);
  return a;
}

/** Run `ops` through the TS face on `psa`; `keys` collects the ids created. */
function runTs(psa: Psa, ops: readonly Op[]): Outcome[] {
  const keys: number[] = [];
  const policies: number[] = [];
  const id = (k: number): number => keys[k] ?? 0x3ffffff0 + k;
  const alg = (o: { key: number; alg: Alg }): number => (o.alg === 'policy' ? policies[o.key] ?? 0 : o.alg);
  return ops.map((o) => {
    switch (o.kind) {
      case 'import': case 'generate': {
        const attrs = { type: o.type, bits: o.bits, usage: o.usage, alg: o.alg };
        const r = ts(() => (o.kind === 'import' ? psa.importKey(attrs, o.data) : psa.generateKey(attrs)));
        if (r.status === 0) { keys.push(Number(r.out)); policies.push(o.alg); }
        return r;
      }
      case 'export': return ts(() => psa.exportKey(id(o.key)));
      case 'destroy': return ts(() => psa.destroyKey(id(o.key)));
      case 'attributes': return ts(() => { const a = psa.getKeyAttributes(id(o.key)); return [a.type, a.bits, a.usage, a.alg, a.lifetime]; });
      case 'hash': return ts(() => psa.hashCompute(o.alg, o.input));
      case 'mac': return ts(() => psa.macCompute(id(o.key), alg(o), o.input));
      case 'sign': return ts(() => psa.signHash(id(o.key), alg(o), o.input));
      case 'cipherEncrypt': return ts(() => psa.cipherEncrypt(id(o.key), alg(o), o.input));
      case 'cipherDecrypt': return ts(() => psa.cipherDecrypt(id(o.key), alg(o), o.input));
      case 'aeadEncrypt': return ts(() => psa.aeadEncrypt(id(o.key), alg(o), o.nonce, o.ad, o.input));
      case 'aeadDecrypt': return ts(() => psa.aeadDecrypt(id(o.key), alg(o), o.nonce, o.ad, o.input));
      case 'random': return ts(() => psa.generateRandom(o.length));
    }
  });
}

/** Run `ops` through the C facade's process-wide instance. */
function runC(ops: readonly Op[]): Outcome[] {
  const keys: number[] = [];
  const policies: number[] = [];
  const id = (k: number): number => keys[k] ?? 0x3ffffff0 + k;
  const alg = (o: { key: number; alg: Alg }): number => (o.alg === 'policy' ? policies[o.key] ?? 0 : o.alg);
  return ops.map((o) => {
    switch (o.kind) {
      case 'import': case 'generate': {
        const key = { value: 0 };
        const a = attributesOf(o);
        const status = o.kind === 'import' ? c.psa_import_key(a, o.data, key) : c.psa_generate_key(a, key);
        if (status === 0) { keys.push(key.value); policies.push(o.alg); }
        return status === 0 ? { status, out: String(key.value) } : { status };
      }
      case 'export': return cOut((b, l) => c.psa_export_key(id(o.key), b, l));
      case 'destroy': { const status = c.psa_destroy_key(id(o.key)); return status === 0 ? { status, out: 'null' } : { status }; }
      case 'attributes': {
        const a = c.psa_key_attributes_init();
        const status = c.psa_get_key_attributes(id(o.key), a);
        if (status !== 0) return { status };
        return { status, out: JSON.stringify([c.psa_get_key_type(a), c.psa_get_key_bits(a), c.psa_get_key_usage_flags(a), c.psa_get_key_algorithm(a), c.psa_get_key_lifetime(a)]) };
      }
      case 'hash': return cOut((b, l) => c.psa_hash_compute(o.alg, o.input, b, l));
      case 'mac': return cOut((b, l) => c.psa_mac_compute(id(o.key), alg(o), o.input, b, l));
      case 'sign': return cOut((b, l) => c.psa_sign_hash(id(o.key), alg(o), o.input, b, l));
      case 'cipherEncrypt': return cOut((b, l) => c.psa_cipher_encrypt(id(o.key), alg(o), o.input, b, l));
      case 'cipherDecrypt': return cOut((b, l) => c.psa_cipher_decrypt(id(o.key), alg(o), o.input, b, l));
      case 'aeadEncrypt': return cOut((b, l) => c.psa_aead_encrypt(id(o.key), alg(o), o.nonce, o.ad, o.input, b, l));
      case 'aeadDecrypt': return cOut((b, l) => c.psa_aead_decrypt(id(o.key), alg(o), o.nonce, o.ad, o.input, b, l));
      case 'random': {
        const b = new Uint8Array(o.length);
        const status = c.psa_generate_random(b);
        return status === 0 ? { status, out: hex(b) } : { status };
      }
    }
  });
}

describe('the TypeScript face and the C facade', () => {
  it('give the same statuses and outputs for the same random operation sequences', () => {
    let failures = 0;
    const seen = new Map<string, Set<number>>();
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.array(op, { minLength: 1, maxLength: 32 }), (seed, ops) => {
      const psa = createPsa({ entropy: seededEntropy(seed) });
      const viaTs = runTs(psa, ops);
      psa.close();
      expect(c.psa_crypto_init({ entropy: seededEntropy(seed) })).toBe(0);
      try {
        const viaC = runC(ops);
        expect(viaC).toEqual(viaTs);
      } catch (err) {
        failures++;
        throw err;
      } finally {
        c.mbedtls_psa_crypto_free();
      }
      ops.forEach((o, i) => { if (!seen.has(o.kind)) seen.set(o.kind, new Set()); seen.get(o.kind)!.add(viaTs[i]!.status); });
    }), { numRuns: 300, seed: 20261207 });
    expect(failures).toBe(0);
    // The sequences reached both successes and failures of the key and computation calls.
    for (const kind of ['import', 'generate', 'export', 'destroy', 'hash', 'mac', 'sign', 'cipherEncrypt', 'aeadEncrypt', 'random']) {
      expect(seen.get(kind)?.has(0), `${kind} succeeded somewhere`).toBe(true);
      if (kind !== 'random') expect([...(seen.get(kind) ?? [])].some((s) => s < 0), `${kind} failed somewhere`).toBe(true);
    }
  });
});
