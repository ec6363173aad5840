/**
 * SPAKE2+ keys through the Psa API: import validation, export, the public
 * key w0 ‖ L (checked against RFC 9383 Appendix C's L and node:crypto's
 * w1·G), and registration with `psa_key_derivation_output_key` (Oberon PSA
 * Crypto's PBKDF2 known answers for P-256; node:crypto's PBKDF2 with the
 * reduction mod n for P-384 and P-521).
 */
import { createECDH, pbkdf2Sync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa, memoryStorage } from '../../../src/index.js';
import {
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SHA_256,
  PSA_ALG_SPAKE2P_HMAC,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_EXPORT_KEY_OUTPUT_SIZE,
  PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR,
  PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY,
  PSA_KEY_USAGE_COPY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
} from '../../../src/values/index.js';
import { statusOf } from '../../../src/values/error.js';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const rfc = JSON.parse(readFileSync(new URL('../../../test-vectors/spake2p-rfc9383.json', import.meta.url), 'utf8')) as {
  vectors: { name: string; curve: string; w0: string; w1: string; L: string }[];
};
const registration = JSON.parse(readFileSync(new URL('../../../test-vectors/spake2p-registration.json', import.meta.url), 'utf8')) as {
  vectors: { password: string; salt: string; cost: number; keyPair: string; publicKey: string }[];
};

const PAIR = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
const PUBLIC = PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1);
const ALG = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
const usage = PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_DERIVE;
/** Group orders as OpenSSL prints them (`openssl ecparam -param_enc explicit`). */
const CURVES: Record<string, { bits: number; openssl: string; n: bigint; bytes: number }> = {
  P256: { bits: 256, openssl: 'prime256v1', n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n, bytes: 32 },
  P384: {
    bits: 384, openssl: 'secp384r1', bytes: 48,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  },
  P521: {
    bits: 521, openssl: 'secp521r1', bytes: 66,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
  },
};
const big = (b: Uint8Array): bigint => BigInt('0x' + (toHex(b) || '0'));
const be = (v: bigint, length: number): string => v.toString(16).padStart(2 * length, '0');

function status(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    return statusOf(e);
  }
  return 0;
}

describe('SPAKE2+ key import and export', () => {
  for (const v of rfc.vectors) {
    it(`${v.name}: w0 ‖ w1 imports, exports, and gives w0 ‖ L`, () => {
      const c = CURVES[v.curve]!;
      const psa = createPsa();
      const id = psa.importKey({ type: PAIR, usage, alg: ALG }, hex(v.w0 + v.w1));
      expect(psa.getKeyAttributes(id).bits).toBe(c.bits);
      expect(toHex(psa.exportKey(id))).toBe(v.w0 + v.w1);
      const pub = psa.exportPublicKey(id);
      expect(toHex(pub)).toBe(v.w0 + v.L);
      expect(pub.length).toBe(PSA_EXPORT_PUBLIC_KEY_OUTPUT_SIZE(PAIR, c.bits));
      expect(2 * c.bytes).toBe(PSA_EXPORT_KEY_OUTPUT_SIZE(PAIR, c.bits));
      const pubId = psa.importKey({ type: PUBLIC, usage, alg: ALG }, pub);
      expect(psa.getKeyAttributes(pubId).bits).toBe(c.bits);
      expect(toHex(psa.exportKey(pubId))).toBe(v.w0 + v.L);
      expect(toHex(psa.exportPublicKey(pubId))).toBe(v.w0 + v.L);
    });
  }

  it('values outside [1, n-1], points off the curve and wrong lengths are INVALID_ARGUMENT', () => {
    const psa = createPsa();
    const v = rfc.vectors[0]!;
    const n = be(CURVES.P256!.n, 32);
    const zero = '00'.repeat(32);
    for (const data of [zero + v.w1, n + v.w1, v.w0 + zero, v.w0 + n, v.w0, v.w0 + v.w1 + '00']) {
      expect(status(() => psa.importKey({ type: PAIR, usage }, hex(data)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    const offCurve = v.L.slice(0, -2) + (v.L.endsWith('00') ? '01' : '00');
    for (const data of [zero + v.L, v.w0 + offCurve, v.w0 + '02' + v.L.slice(2, 66), v.w0 + v.w1]) {
      expect(status(() => psa.importKey({ type: PUBLIC, usage }, hex(data)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    }
    // Declared size that does not match the data.
    expect(status(() => psa.importKey({ type: PAIR, bits: 384, usage }, hex(v.w0 + v.w1)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('psa_generate_key has no SPAKE2+ rule (NOT_SUPPORTED): pairs are derived or imported (PSA 1.5 §9.5.9)', () => {
    const psa = createPsa();
    expect(status(() => psa.generateKey({ type: PAIR, bits: 256, usage }))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('a copied key keeps w0 ‖ w1', () => {
    const psa = createPsa();
    const v = rfc.vectors[0]!;
    const id = psa.importKey({ type: PAIR, usage: usage | PSA_KEY_USAGE_COPY, alg: ALG }, hex(v.w0 + v.w1));
    const copy = psa.copyKey(id, { usage, alg: ALG });
    expect(toHex(psa.exportKey(copy))).toBe(v.w0 + v.w1);
  });

  it('a persistent SPAKE2+ key survives a restart', () => {
    const storage = memoryStorage();
    const v = rfc.vectors[2]!;
    let psa = createPsa({ storage });
    psa.importKey({ type: PAIR, id: 7, usage, alg: ALG }, hex(v.w0 + v.w1));
    psa.close();
    psa = createPsa({ storage });
    expect(psa.getKeyAttributes(7).bits).toBe(384);
    expect(toHex(psa.exportKey(7))).toBe(v.w0 + v.w1);
    expect(toHex(psa.exportPublicKey(7))).toBe(v.w0 + v.L);
  });

  it('curves without a SPAKE2+ group here are NOT_SUPPORTED', () => {
    const psa = createPsa();
    const ed = PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS);
    expect(status(() => psa.importKey({ type: ed, usage }, new Uint8Array(64).fill(1)))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });
});

describe('SPAKE2+ registration (psa_key_derivation_output_key)', () => {
  function derive(psa: ReturnType<typeof createPsa>, password: Uint8Array, salt: Uint8Array, cost: number, bits: number): number {
    const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256) }, password);
    const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, cost);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, salt);
    op.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
    try {
      return psa.keyDerivationOutputKey({ type: PAIR, bits, usage, alg: ALG }, op);
    } finally {
      op.abort();
      psa.destroyKey(pw);
    }
  }

  for (const [i, v] of registration.vectors.entries()) {
    it(`P-256 known answer ${i + 1} (PBKDF2-HMAC-SHA-256, cost ${v.cost})`, () => {
      const psa = createPsa();
      const id = derive(psa, hex(v.password), hex(v.salt), v.cost, 256);
      expect(toHex(psa.exportKey(id))).toBe(v.keyPair);
      expect(toHex(psa.exportPublicKey(id))).toBe(v.publicKey);
    });
  }

  for (const name of ['P256', 'P384', 'P521']) {
    it(`${name}: w0s, w1s of ceil(log2(n)/8) + 8 bytes each, reduced mod n (node:crypto PBKDF2 and ECDH)`, () => {
      const c = CURVES[name]!;
      const psa = createPsa();
      const password = Buffer.from('registration password');
      const salt = Buffer.from('salt for ' + name);
      const id = derive(psa, password, salt, 1000, c.bits);
      const draw = c.bytes + 8;
      const stream = pbkdf2Sync(password, salt, 1000, 2 * draw, 'sha256');
      const w0 = big(stream.subarray(0, draw)) % c.n;
      const w1 = big(stream.subarray(draw)) % c.n;
      expect(toHex(psa.exportKey(id))).toBe(be(w0, c.bytes) + be(w1, c.bytes));
      const ecdh = createECDH(c.openssl);
      ecdh.setPrivateKey(hex(be(w1, c.bytes)));
      expect(toHex(psa.exportPublicKey(id))).toBe(be(w0, c.bytes) + toHex(ecdh.getPublicKey()));
    });
  }

  it('a SPAKE2+ public key cannot be derived (INVALID_ARGUMENT)', () => {
    const psa = createPsa();
    const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256) }, Buffer.from('pw'));
    const op = psa.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
    op.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, 1);
    op.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, Buffer.from('s'));
    op.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
    expect(status(() => psa.keyDerivationOutputKey({ type: PUBLIC, bits: 256, usage, alg: ALG }, op))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });
});
