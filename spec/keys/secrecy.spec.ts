// Secrecy of non-exportable and opaque keys: no public path yields their
// material. Export, copy to an exportable key, derive then output, wrap
// without WRAP usage, error texts, util.inspect and JSON.stringify of every
// public object, and a walk over every property reachable from the TS face,
// its operation objects, its errors and the C facade's objects (own and
// inherited, string and Symbol keys, getters, Map/Set entries, WeakRef
// targets) find no copy of the key bytes. Key buffers handed to drivers are
// zero after destroy, purge and close, and abort releases driver contexts.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as C from '../../src/c/index.js';
import { softwareDriver } from '../../src/drivers/software/index.js';
import type { KeyBuffer, TransparentDriver } from '../../src/drivers/driver.js';
import type { MacContext } from '../../src/drivers/mac.js';
import { memoryStorage } from '../../src/storage/memory.js';
import { PsaError } from '../../src/values/error.js';
import * as V from '../../src/values/index.js';
import { testOpaqueDriver } from '../drivers/test-drivers.js';
import { expectStatus, hex } from './helpers.js';

const LOCATION = 0x7fff01;
const OPAQUE_LIFETIME = V.PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(0, LOCATION);

// Distinctive secrets (no run of 8 equal or counting bytes that could occur by chance).
const AES_KEY = hex('8c1f4e7a2bd95036e1a4c7f2095d3b68');
const HMAC_KEY = hex('5b0ad2e9147fc3868e21b7d44a9f60c3d7152e8ab06f94c1728e3d5fa1b64c09');
const DERIVE_KEY = hex('e37d1098bb4c62f5a0d81e3c96274fb5');
const OPAQUE_KEY = hex('c4a1f7306e9b25d8173ec5a8f2406db9');
// A P-256 private key (RFC 6979 A.2.5).
const ECC_KEY = hex('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
const SECRETS = [AES_KEY, HMAC_KEY, DERIVE_KEY, OPAQUE_KEY, ECC_KEY];

/** Every 8-byte window of every secret, also with each 4-byte word reversed (key schedules in 32-bit words). */
const WINDOWS: string[] = SECRETS.flatMap((s) => {
  const out: string[] = [];
  for (let i = 0; i + 8 <= s.length; i++) out.push(Buffer.from(s.subarray(i, i + 8)).toString('hex'));
  const swapped = Buffer.from(s);
  swapped.swap32();
  for (let i = 0; i + 8 <= swapped.length; i += 4) out.push(swapped.subarray(i, i + 8).toString('hex'));
  return out;
});

/** Whether `bytes` hold a window of a secret. */
const holdsSecret = (bytes: Uint8Array): boolean => {
  const h = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return WINDOWS.some((w) => { for (let i = h.indexOf(w); i >= 0; i = h.indexOf(w, i + 1)) if (i % 2 === 0) return true; return false; });
};
/** Whether a text shows a secret in hex, base64 or as a list of decimal bytes. */
const textHoldsSecret = (text: string): boolean => {
  const lower = text.toLowerCase();
  return SECRETS.some((s) => {
    const part = s.subarray(0, 8);
    return lower.includes(Buffer.from(part).toString('hex')) || text.includes(Buffer.from(s).toString('base64').slice(0, 10)) ||
      text.replace(/\s/g, '').includes(Array.from(part).join(','));
  });
};

/** Intrinsic objects the walk does not enter (their contents are the platform's). */
const INTRINSICS = new Set<unknown>();
for (const name of Object.getOwnPropertyNames(globalThis)) {
  const v = (globalThis as Record<string, unknown>)[name];
  if (typeof v === 'function') {
    INTRINSICS.add(v);
    INTRINSICS.add((v as { prototype?: unknown }).prototype);
  }
}
INTRINSICS.add(Object.getPrototypeOf(Uint8Array)).add(Object.getPrototypeOf(Uint8Array.prototype));
INTRINSICS.add(Object.getPrototypeOf(function* () {})).add(Object.getPrototypeOf(async () => {}));

/**
 * Walk everything reachable from `roots` by property access; return the
 * paths of the buffers and strings holding a secret, and how many objects
 * were visited.
 */
function walk(roots: Record<string, unknown>): { found: string[]; visited: number } {
  const seen = new Set<unknown>();
  const found: string[] = [];
  const queue: [unknown, string][] = Object.entries(roots).map(([path, value]) => [value, path]);
  while (queue.length > 0) {
    const [value, path] = queue.shift()!;
    if (typeof value === 'string') {
      if (textHoldsSecret(value)) found.push(path);
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue;
    if (seen.has(value) || INTRINSICS.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      if (holdsSecret(new Uint8Array(value.buffer))) found.push(path);
      continue;
    }
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
      if (holdsSecret(new Uint8Array(value))) found.push(path);
      continue;
    }
    if (value instanceof Map) for (const [k, v] of value) queue.push([k, `${path}<key>`], [v, `${path}<${String(k)}>`]);
    if (value instanceof Set) for (const v of value) queue.push([v, `${path}<item>`]);
    if (value instanceof WeakRef) queue.push([value.deref(), `${path}.deref()`]);
    queue.push([Object.getPrototypeOf(value), `${path}.__proto__`]);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && 'value' in d) queue.push([d.value, `${path}.${String(key)}`]);
    }
    // Getters, own and inherited, called on the object itself.
    for (let p: object | null = value; p !== null && !INTRINSICS.has(p); p = Object.getPrototypeOf(p) as object | null) {
      for (const key of Reflect.ownKeys(p)) {
        const get = Object.getOwnPropertyDescriptor(p, key)?.get;
        if (!get) continue;
        try {
          queue.push([get.call(value), `${path}.${String(key)}(get)`]);
        } catch {
          // A getter refusing this receiver has nothing to give.
        }
      }
    }
  }
  return { found, visited: seen.size };
}

/** A transparent driver that imports keys itself (keeping a reference to each key buffer) and records MAC contexts. */
function capturingDriver(): TransparentDriver & { buffers: Uint8Array[]; destroyed: number; setups: number } {
  const driver = {
    kind: 'transparent' as const,
    name: 'capturing',
    buffers: [] as Uint8Array[],
    destroyed: 0,
    setups: 0,
    importKey(attributes: { type: number }, data: Uint8Array): KeyBuffer {
      if (attributes.type !== V.PSA_KEY_TYPE_AES && attributes.type !== V.PSA_KEY_TYPE_HMAC) {
        throw new PsaError(V.PSA_ERROR_NOT_SUPPORTED, 'not this driver');
      }
      const keyBuffer = data.slice();
      driver.buffers.push(keyBuffer, data);
      return { keyBuffer, bits: data.length * 8 };
    },
    macSetup(): MacContext {
      driver.setups++;
      let open = true;
      return {
        update: () => undefined,
        finish: () => new Uint8Array(32),
        destroy: () => { if (open) driver.destroyed++; open = false; },
      };
    },
  };
  return driver;
}

function instance() {
  const its = memoryStorage();
  const opaque = testOpaqueDriver(LOCATION);
  const capture = capturingDriver();
  const psa = createPsa({ storage: its, drivers: [capture, softwareDriver(), opaque] });
  const aes = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT | V.PSA_KEY_USAGE_COPY, alg: V.PSA_ALG_CTR }, AES_KEY);
  const hmac = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_SIGN_MESSAGE | V.PSA_KEY_USAGE_VERIFY_MESSAGE, alg: V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256), id: 5 }, HMAC_KEY);
  const derive = psa.importKey({ type: V.PSA_KEY_TYPE_DERIVE, usage: V.PSA_KEY_USAGE_DERIVE, alg: V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256) }, DERIVE_KEY);
  const ecdsa = V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256);
  const ecc = psa.importKey({ type: V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_SECP_R1), usage: V.PSA_KEY_USAGE_SIGN_HASH | V.PSA_KEY_USAGE_SIGN_MESSAGE, alg: ecdsa }, ECC_KEY);
  const opq = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_COPY, alg: V.PSA_ALG_CTR, lifetime: OPAQUE_LIFETIME }, OPAQUE_KEY);
  return { psa, its, opaque, capture, aes, hmac, derive, ecc, opq, ecdsa };
}

/** The status name of what `body` throws, with its message checked for secrets. */
const errors: PsaError[] = [];
function statusOf(body: () => unknown): string {
  try {
    body();
    return 'SUCCESS';
  } catch (err) {
    expect(err).toBeInstanceOf(PsaError);
    errors.push(err as PsaError);
    return (err as PsaError).code;
  }
}

describe('no path yields the material of a non-exportable or opaque key', () => {
  it('export, copy to an exportable key, wrap without WRAP usage', () => {
    const { psa, aes, hmac, ecc, opq, derive } = instance();
    for (const key of [aes, hmac, ecc, opq, derive]) expect(statusOf(() => psa.exportKey(key))).toBe('PSA_ERROR_NOT_PERMITTED');
    // A copy's policy is the intersection: EXPORT cannot be added.
    for (const key of [aes, opq]) {
      const copy = psa.copyKey(key, { usage: V.PSA_KEY_USAGE_EXPORT | V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_CTR, lifetime: psa.getKeyAttributes(key).lifetime });
      expect(psa.getKeyAttributes(copy).usage & V.PSA_KEY_USAGE_EXPORT).toBe(0);
      expect(statusOf(() => psa.exportKey(copy))).toBe('PSA_ERROR_NOT_PERMITTED');
    }
    expect(statusOf(() => psa.copyKey(hmac, { usage: V.PSA_KEY_USAGE_EXPORT }))).toBe('PSA_ERROR_NOT_PERMITTED');
    // A wrapping key without WRAP usage, and a key to wrap without EXPORT usage.
    const kwNoWrap = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_UNWRAP, alg: V.PSA_ALG_KW }, new Uint8Array(16).fill(7));
    const kw = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_WRAP, alg: V.PSA_ALG_KW }, new Uint8Array(16).fill(9));
    for (const key of [aes, hmac, ecc, opq]) {
      expect(statusOf(() => psa.wrapKey(kwNoWrap, V.PSA_ALG_KW, key))).toBe('PSA_ERROR_NOT_PERMITTED');
      expect(statusOf(() => psa.wrapKey(kw, V.PSA_ALG_KW, key))).toBe('PSA_ERROR_NOT_PERMITTED');
    }
    // The driver refuses even when the policy would allow export.
    const opqExportable = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT, lifetime: OPAQUE_LIFETIME }, OPAQUE_KEY);
    expect(statusOf(() => psa.exportKey(opqExportable))).toBe('PSA_ERROR_NOT_SUPPORTED');
  });

  it('destroying an opaque key asks its driver to destroy the material', () => {
    const { psa, opaque, opq } = instance();
    const held = (): number => [...opaque.secrets.values()].filter((v) => holdsSecret(v)).length;
    expect(held()).toBe(1);
    psa.destroyKey(opq);
    expect(held()).toBe(0);
  });

  it('derive then output: only derived bytes, and only from a key with DERIVE usage', () => {
    const { psa, derive, aes, hmac } = instance();
    const op = psa.keyDerivationSetup(V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256));
    op.inputKey(V.PSA_KEY_DERIVATION_INPUT_SECRET, derive);
    op.inputBytes(V.PSA_KEY_DERIVATION_INPUT_INFO, new Uint8Array(0));
    const out = op.outputBytes(255 * 32);
    expect(holdsSecret(out)).toBe(false);
    for (const key of [aes, hmac]) {
      const other = psa.keyDerivationSetup(V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256));
      expect(statusOf(() => other.inputKey(V.PSA_KEY_DERIVATION_INPUT_SECRET, key))).toBe('PSA_ERROR_NOT_PERMITTED');
    }
  });

  it('error texts, util.inspect, JSON.stringify and a property walk find no key bytes', () => {
    const k = instance();
    const { psa, aes, hmac, ecc, opq, derive, ecdsa } = k;
    // Errors from every key, through both faces.
    for (const key of [aes, hmac, ecc, opq, derive]) {
      statusOf(() => psa.exportKey(key));
      statusOf(() => psa.macCompute(key, V.PSA_ALG_CMAC, new Uint8Array(3)));
      statusOf(() => psa.signHash(key, V.PSA_ALG_RSA_PSS(V.PSA_ALG_SHA_256), new Uint8Array(32)));
      statusOf(() => psa.cipherEncrypt(key, V.PSA_ALG_CBC_NO_PADDING, new Uint8Array(15)));
      statusOf(() => psa.copyKey(key, { type: V.PSA_KEY_TYPE_DES }));
    }
    // Operation objects of every kind, set up with the keys.
    const mac = psa.macSignSetup(hmac, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256));
    mac.update(new Uint8Array(5));
    const cipher = psa.cipherEncryptSetup(aes, V.PSA_ALG_CTR);
    cipher.generateIv();
    const sign = psa.signSetup(ecc, ecdsa);
    sign.update(new Uint8Array(5));
    const iop = psa.signHashInterruptible();
    iop.start(ecc, ecdsa, new Uint8Array(32));
    const kdf = psa.keyDerivationSetup(V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256));
    kdf.inputKey(V.PSA_KEY_DERIVATION_INPUT_SECRET, derive);
    const gcmKey = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_ENCRYPT, alg: V.PSA_ALG_GCM }, AES_KEY);
    const aeadActive = psa.aeadEncryptSetup(gcmKey, V.PSA_ALG_GCM);
    aeadActive.generateNonce();
    const objects: Record<string, unknown> = {
      psa, mac, cipher, sign, iop, kdf, aeadActive,
      hash: psa.hashSetup(V.PSA_ALG_SHA_256), xof: psa.xofOperation(), aead: psa.aeadOperation(), verify: psa.verifyOperation(),
      pake: psa.pakeOperation(), attributes: psa.getKeyAttributes(ecc), errors: [...errors],
      cModule: C, cMac: C.psa_mac_operation_init(), cCipher: C.psa_cipher_operation_init(), cKdf: C.psa_key_derivation_operation_init(),
      cAttributes: C.psa_key_attributes_init(), cSign: C.psa_sign_hash_interruptible_operation_init(),
    };
    expect(C.psa_crypto_init({ storage: memoryStorage() })).toBe(V.PSA_SUCCESS);
    const cKey = { value: 0 };
    const attrs = C.psa_key_attributes_init();
    C.psa_set_key_type(attrs, V.PSA_KEY_TYPE_HMAC);
    C.psa_set_key_usage_flags(attrs, V.PSA_KEY_USAGE_SIGN_MESSAGE);
    C.psa_set_key_algorithm(attrs, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256));
    expect(C.psa_import_key(attrs, HMAC_KEY, cKey)).toBe(V.PSA_SUCCESS);
    expect(C.psa_mac_sign_setup(objects['cMac'] as C.psa_mac_operation_t, cKey.value, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256))).toBe(V.PSA_SUCCESS);
    expect(C.psa_export_key(cKey.value, new Uint8Array(64), { value: 0 })).toBe(V.PSA_ERROR_NOT_PERMITTED);
    objects['cKey'] = cKey;
    objects['cAttrsUsed'] = attrs;
    try {
      const { found, visited } = walk(objects);
      expect(found).toEqual([]);
      // The walk really went through the objects (instances, prototypes, the C module's functions).
      expect(visited).toBeGreaterThan(1000);
      for (const e of errors) expect(textHoldsSecret(`${e.message} ${String(e)} ${e.stack ?? ''}`), e.message).toBe(false);
      for (const [name, o] of Object.entries(objects)) {
        expect(textHoldsSecret(inspect(o, { showHidden: true, depth: 8, getters: true })), `inspect(${name})`).toBe(false);
        let json = '';
        try {
          json = JSON.stringify(o, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
        } catch {
          // A cycle: nothing was printed.
        }
        expect(textHoldsSecret(json), `JSON.stringify(${name})`).toBe(false);
      }
      // And it does find key bytes where they are public: the test's own arrays, the opaque driver's table.
      expect(walk({ mine: { keys: [AES_KEY] } }).found).toEqual(['mine.keys.0']);
      expect(walk({ driver: k.opaque }).found.length).toBeGreaterThan(0);
    } finally {
      C.mbedtls_psa_crypto_free();
    }
  });
});

describe('key buffers are wiped where a caller can observe them', () => {
  it('destroy, purge and close zero the buffers the drivers were given; abort releases the driver context', () => {
    const { psa, capture, aes, hmac, its } = instance();
    const aesBuffers = capture.buffers.filter((b) => b.length === 16 && holdsSecret(b));
    expect(aesBuffers.length).toBeGreaterThan(0);
    psa.destroyKey(aes);
    for (const b of aesBuffers) if (b !== AES_KEY) expect(b.every((x) => x === 0)).toBe(true);

    // Persistent HMAC key 5: purge drops the loaded copy, which the load check handed to the driver.
    const again = createPsa({ storage: its, drivers: [capture, softwareDriver(), testOpaqueDriver(LOCATION)] });
    const before = capture.buffers.length;
    const op = again.macSignSetup(hmac, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256));
    const loaded = capture.buffers.slice(before).filter((b) => b.length === 32);
    expect(loaded.some(holdsSecret)).toBe(true);
    op.abort();
    expect(capture.destroyed).toBe(capture.setups);
    again.purgeKey(hmac);
    for (const b of loaded) expect(b.every((x) => x === 0)).toBe(true);

    const third = createPsa({ storage: its, drivers: [capture, softwareDriver()] });
    const mark = capture.buffers.length;
    third.macCompute(hmac, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256), new Uint8Array(3));
    const cached = capture.buffers.slice(mark).filter((b) => b.length === 32 && holdsSecret(b));
    expect(cached.length).toBeGreaterThan(0);
    third.close();
    for (const b of cached) expect(b.every((x) => x === 0)).toBe(true);
    expectStatus(() => third.exportKey(hmac), V.PSA_ERROR_BAD_STATE);
  });
});
