/**
 * Published known answers for the key derivation algorithms, run through
 * the Psa API (and a few through psa-crypto/c):
 * - RFC 5869 Appendix A (HKDF, HKDF-Extract, HKDF-Expand), test-vectors/rfc5869-hkdf.json;
 * - RFC 6070 §2 and RFC 7914 §11 (PBKDF2-HMAC), test-vectors/pbkdf2-rfc6070-rfc7914.json;
 * - TLS 1.2 PRF (IETF TLS WG vectors), test-vectors/tls12-prf.json, plus
 *   OpenSSL's TLS1-PRF as a second implementation;
 * - RFC 8448 §3: the TLS 1.3 key schedule through HKDF-Extract / HKDF-Expand,
 *   with HKDF-Expand-Label built here from RFC 8446 §7.1,
 *   test-vectors/rfc8448-tls13-key-schedule.json.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import * as C from '../../src/c/index.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_HKDF_EXPAND,
  PSA_ALG_HKDF_EXTRACT,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_1,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_TLS12_PRF,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_LABEL,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_DERIVATION_INPUT_SEED,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_USAGE_DERIVE,
} from '../../src/values/index.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../test-vectors/${name}`, import.meta.url), 'utf8')) as T;
const HASH: Readonly<Record<string, number>> = { 'SHA-1': PSA_ALG_SHA_1, 'SHA-256': PSA_ALG_SHA_256, 'SHA-384': PSA_ALG_SHA_384 };
const HASH_LEN: Readonly<Record<string, number>> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48 };

const psa = createPsa();

/** One derivation: `steps` are [step, bytes] inputs (or [COST, bigint]); returns `length` bytes. */
function derive(alg: number, steps: readonly (readonly [number, Uint8Array | bigint])[], length: number): string {
  const op = psa.keyDerivationSetup(alg);
  try {
    for (const [step, value] of steps) {
      if (typeof value === 'bigint') op.inputInteger(step, value);
      else op.inputBytes(step, value);
    }
    return hex(op.outputBytes(length));
  } finally {
    op.abort();
  }
}

interface HkdfCase { section: string; testCase: number; hash: string; IKM: string; salt: string | null; info: string; L: number; PRK: string; OKM: string }
const hkdf = load<{ cases: HkdfCase[] }>('rfc5869-hkdf.json');

describe('RFC 5869 Appendix A through the Psa API', () => {
  for (const c of hkdf.cases) {
    const hash = HASH[c.hash]!;
    it(`Test Case ${c.testCase} (${c.hash}): HKDF gives the OKM`, () => {
      const steps: [number, Uint8Array][] = [];
      if (c.salt !== null) steps.push([PSA_KEY_DERIVATION_INPUT_SALT, bytes(c.salt)]);
      steps.push([PSA_KEY_DERIVATION_INPUT_SECRET, bytes(c.IKM)], [PSA_KEY_DERIVATION_INPUT_INFO, bytes(c.info)]);
      expect(derive(PSA_ALG_HKDF(hash), steps, c.L)).toBe(c.OKM);
    });
    it(`Test Case ${c.testCase} (${c.hash}): HKDF-Extract gives the PRK, HKDF-Expand the OKM`, () => {
      // HKDF-Extract takes a salt; "not provided" is HashLen zero octets (RFC 5869 §2.2).
      const salt = c.salt === null ? new Uint8Array(HASH_LEN[c.hash]!) : bytes(c.salt);
      expect(derive(PSA_ALG_HKDF_EXTRACT(hash), [[PSA_KEY_DERIVATION_INPUT_SALT, salt], [PSA_KEY_DERIVATION_INPUT_SECRET, bytes(c.IKM)]], HASH_LEN[c.hash]!)).toBe(c.PRK);
      expect(derive(PSA_ALG_HKDF_EXPAND(hash), [[PSA_KEY_DERIVATION_INPUT_SECRET, bytes(c.PRK)], [PSA_KEY_DERIVATION_INPUT_INFO, bytes(c.info)]], c.L)).toBe(c.OKM);
    });
  }

  it('Test Case 1 with the IKM as a DERIVE key', () => {
    const c = hkdf.cases[0]!;
    const alg = PSA_ALG_HKDF(PSA_ALG_SHA_256);
    const key = psa.importKey({ type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE, alg }, bytes(c.IKM));
    try {
      const op = psa.keyDerivationSetup(alg);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, bytes(c.salt!));
      op.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, key);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, bytes(c.info));
      expect(hex(op.outputBytes(c.L))).toBe(c.OKM);
      op.abort();
    } finally {
      psa.destroyKey(key);
    }
  });
});

interface Pbkdf2Case { source: string; hash: string; P: string; S: string; PText: string; SText: string; c: number; dkLen: number; DK: string }
const pbkdf2 = load<{ cases: Pbkdf2Case[] }>('pbkdf2-rfc6070-rfc7914.json');

describe('RFC 6070 / RFC 7914 PBKDF2-HMAC through the Psa API', () => {
  // The 16,777,216-iteration case (about 20 s) runs in `npm run test:slow` (spec/kdf/slow-pbkdf2.spec.ts).
  for (const v of pbkdf2.cases.filter((c) => c.c <= 100_000)) {
    const name = `${v.source}: ${v.hash} P="${v.PText}" S="${v.SText}" c=${v.c} dkLen=${v.dkLen}`;
    it(name, () => {
      const steps: [number, Uint8Array | bigint][] = [
        [PSA_KEY_DERIVATION_INPUT_COST, BigInt(v.c)], [PSA_KEY_DERIVATION_INPUT_SALT, bytes(v.S)], [PSA_KEY_DERIVATION_INPUT_PASSWORD, bytes(v.P)],
      ];
      expect(derive(PSA_ALG_PBKDF2_HMAC(HASH[v.hash]!), steps, v.dkLen)).toBe(v.DK);
    });
  }

  it('RFC 7914 §11 c=1 with the password as a PASSWORD key, salt given in two parts', () => {
    const v = pbkdf2.cases.find((x) => x.source.startsWith('RFC 7914') && x.c === 1)!;
    const alg = PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256);
    const key = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg }, bytes(v.P));
    try {
      const op = psa.keyDerivationSetup(alg);
      op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, v.c);
      const salt = bytes(v.S);
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt.subarray(0, 2));
      op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt.subarray(2));
      op.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, key);
      expect(hex(op.outputBytes(v.dkLen))).toBe(v.DK);
      op.abort();
    } finally {
      psa.destroyKey(key);
    }
  });
});

interface PrfCase { hash: string; secret: string; label: string; labelText: string; seed: string; output: string }
const tls12 = load<{ cases: PrfCase[] }>('tls12-prf.json');

function hasOpenssl(): boolean {
  try {
    return /OpenSSL 3\./.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
// Without OpenSSL 3 the second implementation is missing; on CI it must be there.
const OPENSSL = hasOpenssl() || process.env['CI'] !== undefined;

/** OpenSSL's TLS1-PRF: its "seed" is the PRF's label ‖ seed. */
function opensslTls1Prf(digest: string, secret: Uint8Array, label: Uint8Array, seed: Uint8Array, length: number): string {
  return hex(execFileSync('openssl', [
    'kdf', '-binary', '-keylen', String(length), '-kdfopt', `digest:${digest}`, '-kdfopt', `hexsecret:${hex(secret)}`,
    '-kdfopt', `hexseed:${hex(label)}${hex(seed)}`, 'TLS1-PRF',
  ]));
}

describe('TLS 1.2 PRF through the Psa API', () => {
  for (const v of tls12.cases) {
    it(`${v.hash}: the published known answer (${v.output.length / 2} bytes)`, () => {
      const steps: [number, Uint8Array][] = [
        [PSA_KEY_DERIVATION_INPUT_SEED, bytes(v.seed)], [PSA_KEY_DERIVATION_INPUT_SECRET, bytes(v.secret)], [PSA_KEY_DERIVATION_INPUT_LABEL, bytes(v.label)],
      ];
      expect(derive(PSA_ALG_TLS12_PRF(HASH[v.hash]!), steps, v.output.length / 2)).toBe(v.output);
    });
  }

  describe.skipIf(!OPENSSL)('against OpenSSL TLS1-PRF', () => {
    const shapes: readonly (readonly [number, string, number, number, number, number])[] = [
      // hash, digest, secret, label, seed, output lengths
      [PSA_ALG_SHA_256, 'SHA256', 48, 13, 64, 104], [PSA_ALG_SHA_256, 'SHA256', 1, 1, 1, 1], [PSA_ALG_SHA_256, 'SHA256', 100, 15, 32, 12],
      [PSA_ALG_SHA_384, 'SHA384', 48, 13, 64, 200], [PSA_ALG_SHA_384, 'SHA384', 16, 22, 7, 49],
    ];
    for (const [hash, digest, sl, ll, el, n] of shapes) {
      it(`${digest}: secret ${sl}, label ${ll}, seed ${el} bytes → ${n} bytes`, () => {
        const secret = Uint8Array.from({ length: sl }, (_, i) => (i * 13 + 5) & 0xff);
        const label = Uint8Array.from({ length: ll }, (_, i) => 0x61 + (i % 26));
        const seed = Uint8Array.from({ length: el }, (_, i) => (i * 31 + 7) & 0xff);
        const steps: [number, Uint8Array][] = [[PSA_KEY_DERIVATION_INPUT_SEED, seed], [PSA_KEY_DERIVATION_INPUT_SECRET, secret], [PSA_KEY_DERIVATION_INPUT_LABEL, label]];
        expect(derive(PSA_ALG_TLS12_PRF(hash), steps, n)).toBe(opensslTls1Prf(digest, secret, label, seed, n));
      });
    }
  });
});

interface Rfc8448 { inputs: Record<string, string>; expected: Record<string, string> }
const tls13 = load<Rfc8448>('rfc8448-tls13-key-schedule.json');

/** HKDF-Extract(salt, IKM) through PSA_ALG_HKDF_EXTRACT(SHA-256). */
function extract(salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return bytes(derive(PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256), [[PSA_KEY_DERIVATION_INPUT_SALT, salt], [PSA_KEY_DERIVATION_INPUT_SECRET, ikm]], 32));
}

/**
 * RFC 8446 §7.1 HKDF-Expand-Label(Secret, Label, Context, Length) =
 * HKDF-Expand(Secret, HkdfLabel, Length) with HkdfLabel = uint16 length ‖
 * opaque label<7..255> = "tls13 " ‖ Label ‖ opaque context<0..255>,
 * through PSA_ALG_HKDF_EXPAND(SHA-256).
 */
function expandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  const full = Buffer.from(`tls13 ${label}`, 'ascii');
  const info = Buffer.concat([Buffer.of(length >> 8, length & 0xff, full.length), full, Buffer.of(context.length), context]);
  return bytes(derive(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256), [[PSA_KEY_DERIVATION_INPUT_SECRET, secret], [PSA_KEY_DERIVATION_INPUT_INFO, info]], length));
}

describe('RFC 8448 §3 Simple 1-RTT Handshake: TLS 1.3 key schedule through HKDF-Extract / HKDF-Expand', () => {
  const input = (k: string): Uint8Array => bytes(tls13.inputs[k]!);
  const want = (k: string): string => tls13.expected[k]!;
  const zeros = new Uint8Array(32);
  // Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length);
  // the transcript hashes are those RFC 8448 prints.
  const deriveSecret = (secret: Uint8Array, label: string, hash: Uint8Array): Uint8Array => expandLabel(secret, label, hash, 32);

  it('early, handshake and master secrets; traffic secrets; write keys and IVs; finished keys', () => {
    const early = extract(zeros, zeros);
    expect(hex(early)).toBe(want('earlySecret'));
    const derivedHs = deriveSecret(early, 'derived', input('emptyHash'));
    expect(hex(derivedHs)).toBe(want('derivedForHandshake'));
    const handshake = extract(derivedHs, input('ecdhe'));
    expect(hex(handshake)).toBe(want('handshakeSecret'));

    const chSh = input('hashClientHelloToServerHello');
    const cHs = deriveSecret(handshake, 'c hs traffic', chSh);
    const sHs = deriveSecret(handshake, 's hs traffic', chSh);
    expect(hex(cHs)).toBe(want('clientHandshakeTrafficSecret'));
    expect(hex(sHs)).toBe(want('serverHandshakeTrafficSecret'));

    const derivedMs = deriveSecret(handshake, 'derived', input('emptyHash'));
    expect(hex(derivedMs)).toBe(want('derivedForMaster'));
    const master = extract(derivedMs, zeros);
    expect(hex(master)).toBe(want('masterSecret'));

    const chSf = input('hashClientHelloToServerFinished');
    const cAp = deriveSecret(master, 'c ap traffic', chSf);
    const sAp = deriveSecret(master, 's ap traffic', chSf);
    expect(hex(cAp)).toBe(want('clientApplicationTrafficSecret'));
    expect(hex(sAp)).toBe(want('serverApplicationTrafficSecret'));
    expect(hex(deriveSecret(master, 'exp master', chSf))).toBe(want('exporterMasterSecret'));

    // RFC 8446 §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length), IV likewise with "iv".
    const empty = new Uint8Array(0);
    for (const [name, secret] of [['clientHandshake', cHs], ['serverHandshake', sHs], ['clientApplication', cAp], ['serverApplication', sAp]] as const) {
      expect(hex(expandLabel(secret, 'key', empty, 16)), `${name} key`).toBe(want(`${name}Key`));
      expect(hex(expandLabel(secret, 'iv', empty, 12)), `${name} iv`).toBe(want(`${name}Iv`));
    }
    // RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length).
    expect(hex(expandLabel(cHs, 'finished', empty, 32))).toBe(want('clientFinishedKey'));
    expect(hex(expandLabel(sHs, 'finished', empty, 32))).toBe(want('serverFinishedKey'));
  });
});

describe('known answers through psa-crypto/c', () => {
  afterEach(() => C.mbedtls_psa_crypto_free());

  function run(alg: number, feed: (op: C.psa_key_derivation_operation_t) => void, length: number): string {
    const op = C.psa_key_derivation_operation_init();
    expect(C.psa_key_derivation_setup(op, alg)).toBe(C.PSA_SUCCESS);
    feed(op);
    const out = new Uint8Array(length);
    expect(C.psa_key_derivation_output_bytes(op, out)).toBe(C.PSA_SUCCESS);
    expect(C.psa_key_derivation_abort(op)).toBe(C.PSA_SUCCESS);
    return hex(out);
  }

  it('RFC 5869 Test Case 2, RFC 7914 §11 c=1 and the TLS 1.2 PRF SHA-384 vector', () => {
    expect(C.psa_crypto_init()).toBe(C.PSA_SUCCESS);
    const h = hkdf.cases[1]!;
    expect(run(C.PSA_ALG_HKDF(C.PSA_ALG_SHA_256), (op) => {
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_SALT, bytes(h.salt!))).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_SECRET, bytes(h.IKM))).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_INFO, bytes(h.info))).toBe(C.PSA_SUCCESS);
    }, h.L)).toBe(h.OKM);

    const p = pbkdf2.cases.find((x) => x.source.startsWith('RFC 7914') && x.c === 1)!;
    expect(run(C.PSA_ALG_PBKDF2_HMAC(C.PSA_ALG_SHA_256), (op) => {
      expect(C.psa_key_derivation_input_integer(op, C.PSA_KEY_DERIVATION_INPUT_COST, p.c)).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_SALT, bytes(p.S))).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_PASSWORD, bytes(p.P))).toBe(C.PSA_SUCCESS);
    }, p.dkLen)).toBe(p.DK);

    const t = tls12.cases.find((x) => x.hash === 'SHA-384')!;
    expect(run(C.PSA_ALG_TLS12_PRF(C.PSA_ALG_SHA_384), (op) => {
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_SEED, bytes(t.seed))).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_SECRET, bytes(t.secret))).toBe(C.PSA_SUCCESS);
      expect(C.psa_key_derivation_input_bytes(op, C.PSA_KEY_DERIVATION_INPUT_LABEL, bytes(t.label))).toBe(C.PSA_SUCCESS);
    }, t.output.length / 2)).toBe(t.output);
  });
});
