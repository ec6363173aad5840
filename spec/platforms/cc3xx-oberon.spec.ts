/**
 * The CC3XX and Oberon driver models (src/drivers/nordic): the capability
 * tables of reference/nordic.md §2 and §3 row by row (a supported pair
 * works on CC3XX alone; an unsupported one is NOT_SUPPORTED there and works
 * once Oberon follows it, as dispatch falls through), outputs equal to
 * node:crypto (OpenSSL) where it has the mechanism and to the plain software
 * driver otherwise, and the user-reported problems of §7 that these two
 * drivers alone reproduce.
 */
import { createCipheriv, createHash, createHmac, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import type { Psa } from '../../src/core/psa.js';
import type { Driver } from '../../src/drivers/driver.js';
import { CC3XX_ROWS, OBERON_ROWS, cc3xx, cc3xxRows, oberon, oberonRows, type Cc3xxVariant } from '../../src/drivers/nordic/index.js';
import * as V from '../../src/values/index.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

const U = V.PSA_KEY_USAGE_ENCRYPT | V.PSA_KEY_USAGE_DECRYPT;
const SIGN = V.PSA_KEY_USAGE_SIGN_HASH | V.PSA_KEY_USAGE_VERIFY_HASH | V.PSA_KEY_USAGE_SIGN_MESSAGE | V.PSA_KEY_USAGE_VERIFY_MESSAGE;
const KEY16 = hex('2b7e151628aed2a6abf7158809cf4f3c');
const KEY24 = hex('8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b');
const KEY32 = hex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
const MSG = new TextEncoder().encode('The quick brown fox jumps over the lazy dog, twice!!');
const BLOCKS = MSG.subarray(0, 48);
const IV16 = hex('000102030405060708090a0b0c0d0e0f');
const NONCE12 = hex('cafebabefacedbaddecaf888');
// RFC 6979 A.2.5 (P-256) and A.2.6 (P-384) private keys; RFC 8032 §7.1 test 1 Ed25519 secret; RFC 7748 §6.1 Alice.
const P256 = hex('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
const P384 = hex('6b9d3dad2e1b8c1c05b19875b6659f4de23c3b667bf297ba9aa47740787137d896d5724e4c70a825f872c9ea60d2edf5');
const ED25519 = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const X25519 = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const X25519_PEER = hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
const rsaKey = (bits: number): Uint8Array => new Uint8Array(generateKeyPairSync('rsa', {
  modulusLength: bits, publicKeyEncoding: { type: 'pkcs1', format: 'der' }, privateKeyEncoding: { type: 'pkcs1', format: 'der' },
}).privateKey);
const RSA2048 = rsaKey(2048);
const RSA3072 = rsaKey(3072);

const ecdsaDet = V.PSA_ALG_DETERMINISTIC_ECDSA(V.PSA_ALG_SHA_256);
const r1 = V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_SECP_R1);

type Outcome = 'ok' | 'ns';
interface Case {
  readonly name: string;
  /** What CC310 and CC312 answer alone. */
  readonly cc310: Outcome;
  readonly cc312: Outcome;
  /** What CC3XX followed by Oberon answers where CC3XX alone does not (default ok). */
  readonly withOberon?: Outcome;
  /** Deterministic output, compared across configurations (and to `expected` when given). */
  run(psa: Psa): Uint8Array;
  /** The value from outside (node:crypto / OpenSSL), when it has the mechanism. */
  readonly expected?: () => Uint8Array;
}

const cipherMulti = (psa: Psa, type: number, key: Uint8Array, alg: number, iv: Uint8Array, input: Uint8Array): Uint8Array => {
  const k = psa.importKey({ type, usage: U, alg }, key);
  const op = psa.cipherEncryptSetup(k, alg);
  if (iv.length) op.setIv(iv);
  const head = op.update(input);
  return Uint8Array.from([...head, ...op.finish()]);
};
const node = (name: string, key: Uint8Array, iv: Uint8Array | null, input: Uint8Array, pad = false): Uint8Array => {
  const c = createCipheriv(name, key, iv);
  c.setAutoPadding(pad);
  return new Uint8Array(Buffer.concat([c.update(input), c.final()]));
};
const nodeAead = (name: 'aes-128-gcm' | 'aes-128-ccm' | 'chacha20-poly1305', key: Uint8Array, nonce: Uint8Array, input: Uint8Array): Uint8Array => {
  const c = createCipheriv(name as 'aes-128-gcm', key, nonce, { authTagLength: 16 });
  if (name === 'aes-128-ccm') (c as unknown as { setAAD(b: Buffer, o: object): void }).setAAD(Buffer.alloc(0), { plaintextLength: input.length });
  return new Uint8Array(Buffer.concat([c.update(input), c.final(), c.getAuthTag()]));
};
const aead = (psa: Psa, type: number, key: Uint8Array, alg: number, nonce: Uint8Array): Uint8Array =>
  psa.aeadEncrypt(psa.importKey({ type, usage: U, alg }, key), alg, nonce, new Uint8Array(0), MSG);
const mac = (psa: Psa, type: number, key: Uint8Array, alg: number): Uint8Array =>
  psa.macCompute(psa.importKey({ type, usage: V.PSA_KEY_USAGE_SIGN_MESSAGE, alg }, key), alg, MSG);
const signHash = (psa: Psa, type: number, key: Uint8Array, alg: number, hashAlg = V.PSA_ALG_SHA_256): Uint8Array => {
  const k = psa.importKey({ type, usage: SIGN, alg }, key);
  return psa.signHash(k, alg, createHash(hashAlg === V.PSA_ALG_SHA_256 ? 'sha256' : 'sha384').update(MSG).digest());
};
const signMessage = (psa: Psa, type: number, key: Uint8Array, alg: number): Uint8Array =>
  psa.signMessage(psa.importKey({ type, usage: SIGN, alg }, key), alg, MSG);
const derive = (psa: Psa, alg: number, ikmStep: number): Uint8Array => {
  const op = psa.keyDerivationSetup(alg);
  if (V.PSA_ALG_IS_PBKDF2(alg)) op.inputInteger(V.PSA_KEY_DERIVATION_INPUT_COST, 2);
  op.inputBytes(V.PSA_KEY_DERIVATION_INPUT_SALT, hex('000102030405060708090a0b0c'));
  op.inputBytes(ikmStep, KEY16);
  if (V.PSA_ALG_IS_HKDF(alg)) op.inputBytes(V.PSA_KEY_DERIVATION_INPUT_INFO, hex('f0f1f2'));
  return op.outputBytes(32);
};

const CASES: Case[] = [
  { name: 'SHA-256 hash', cc310: 'ok', cc312: 'ok', run: (p) => p.hashCompute(V.PSA_ALG_SHA_256, MSG), expected: () => createHash('sha256').update(MSG).digest() },
  { name: 'SHA-1 hash', cc310: 'ok', cc312: 'ok', run: (p) => p.hashCompute(V.PSA_ALG_SHA_1, MSG), expected: () => createHash('sha1').update(MSG).digest() },
  { name: 'SHA-384 hash', cc310: 'ns', cc312: 'ns', run: (p) => p.hashCompute(V.PSA_ALG_SHA_384, MSG), expected: () => createHash('sha384').update(MSG).digest() },
  { name: 'SHA3-256 hash', cc310: 'ns', cc312: 'ns', run: (p) => p.hashCompute(V.PSA_ALG_SHA3_256, MSG), expected: () => createHash('sha3-256').update(MSG).digest() },
  { name: 'HMAC-SHA-256', cc310: 'ok', cc312: 'ok', run: (p) => mac(p, V.PSA_KEY_TYPE_HMAC, KEY32, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256)), expected: () => createHmac('sha256', KEY32).update(MSG).digest() },
  { name: 'HMAC-SHA-512', cc310: 'ns', cc312: 'ns', run: (p) => mac(p, V.PSA_KEY_TYPE_HMAC, KEY32, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_512)), expected: () => createHmac('sha512', KEY32).update(MSG).digest() },
  { name: 'CMAC AES-128', cc310: 'ok', cc312: 'ok', run: (p) => mac(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_CMAC) },
  { name: 'CMAC AES-256', cc310: 'ns', cc312: 'ok', run: (p) => mac(p, V.PSA_KEY_TYPE_AES, KEY32, V.PSA_ALG_CMAC) },
  { name: 'AES-128-ECB', cc310: 'ok', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_ECB_NO_PADDING, new Uint8Array(0), BLOCKS), expected: () => node('aes-128-ecb', KEY16, null, BLOCKS) },
  { name: 'AES-192-ECB', cc310: 'ns', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY24, V.PSA_ALG_ECB_NO_PADDING, new Uint8Array(0), BLOCKS), expected: () => node('aes-192-ecb', KEY24, null, BLOCKS) },
  { name: 'AES-256-CBC-PKCS7', cc310: 'ns', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY32, V.PSA_ALG_CBC_PKCS7, IV16, MSG), expected: () => node('aes-256-cbc', KEY32, IV16, MSG, true) },
  { name: 'AES-128-CTR', cc310: 'ok', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_CTR, IV16, MSG), expected: () => node('aes-128-ctr', KEY16, IV16, MSG) },
  { name: 'AES-128-OFB', cc310: 'ok', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_OFB, IV16, MSG), expected: () => node('aes-128-ofb', KEY16, IV16, MSG) },
  // Oberon has no OFB: an AES-256 OFB request on CC310 finds no driver at all.
  { name: 'AES-256-OFB', cc310: 'ns', cc312: 'ok', withOberon: 'ns', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY32, V.PSA_ALG_OFB, IV16, MSG), expected: () => node('aes-256-ofb', KEY32, IV16, MSG) },
  { name: 'AES-128-CFB', cc310: 'ns', cc312: 'ns', withOberon: 'ns', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_CFB, IV16, MSG) },
  { name: 'ChaCha20', cc310: 'ok', cc312: 'ok', run: (p) => cipherMulti(p, V.PSA_KEY_TYPE_CHACHA20, KEY32, V.PSA_ALG_STREAM_CIPHER, NONCE12, MSG) },
  { name: 'AES-128-CCM', cc310: 'ok', cc312: 'ok', run: (p) => aead(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_CCM, NONCE12), expected: () => nodeAead('aes-128-ccm', KEY16, NONCE12, MSG) },
  { name: 'AES-256-CCM', cc310: 'ns', cc312: 'ok', run: (p) => aead(p, V.PSA_KEY_TYPE_AES, KEY32, V.PSA_ALG_CCM, NONCE12) },
  { name: 'AES-128-GCM', cc310: 'ns', cc312: 'ok', run: (p) => aead(p, V.PSA_KEY_TYPE_AES, KEY16, V.PSA_ALG_GCM, NONCE12), expected: () => nodeAead('aes-128-gcm', KEY16, NONCE12, MSG) },
  { name: 'ChaCha20-Poly1305', cc310: 'ok', cc312: 'ok', run: (p) => aead(p, V.PSA_KEY_TYPE_CHACHA20, KEY32, V.PSA_ALG_CHACHA20_POLY1305, NONCE12), expected: () => nodeAead('chacha20-poly1305', KEY32, NONCE12, MSG) },
  { name: 'XChaCha20-Poly1305', cc310: 'ns', cc312: 'ns', run: (p) => aead(p, V.PSA_KEY_TYPE_XCHACHA20, KEY32, V.PSA_ALG_XCHACHA20_POLY1305, new Uint8Array(24)) },
  { name: 'deterministic ECDSA P-256', cc310: 'ok', cc312: 'ok', run: (p) => signHash(p, r1, P256, ecdsaDet) },
  { name: 'deterministic ECDSA P-384 over SHA-256', cc310: 'ok', cc312: 'ok', run: (p) => signHash(p, r1, P384, ecdsaDet) },
  // The core checks that the signature's hash is available (Mbed TLS is_hash_supported): CC3XX alone has no SHA-384.
  { name: 'deterministic ECDSA P-384 over SHA-384', cc310: 'ns', cc312: 'ns', run: (p) => signHash(p, r1, P384, V.PSA_ALG_DETERMINISTIC_ECDSA(V.PSA_ALG_SHA_384), V.PSA_ALG_SHA_384) },
  // sign_message with SHA-384: CC3XX cannot hash it, so the message is not signed there.
  { name: 'ECDSA P-256 sign_message over SHA-384', cc310: 'ns', cc312: 'ns', run: (p) => signMessage(p, r1, P256, V.PSA_ALG_DETERMINISTIC_ECDSA(V.PSA_ALG_SHA_384)) },
  { name: 'PureEdDSA Ed25519', cc310: 'ok', cc312: 'ok', run: (p) => signMessage(p, V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_TWISTED_EDWARDS), ED25519, V.PSA_ALG_PURE_EDDSA) },
  { name: 'Ed25519ph', cc310: 'ns', cc312: 'ns', run: (p) => signMessage(p, V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_TWISTED_EDWARDS), ED25519, V.PSA_ALG_ED25519PH) },
  { name: 'RSA-2048 PKCS#1 v1.5 SHA-256', cc310: 'ok', cc312: 'ok', run: (p) => signHash(p, V.PSA_KEY_TYPE_RSA_KEY_PAIR, RSA2048, V.PSA_ALG_RSA_PKCS1V15_SIGN(V.PSA_ALG_SHA_256)) },
  { name: 'RSA-3072 PKCS#1 v1.5 SHA-256', cc310: 'ns', cc312: 'ok', run: (p) => signHash(p, V.PSA_KEY_TYPE_RSA_KEY_PAIR, RSA3072, V.PSA_ALG_RSA_PKCS1V15_SIGN(V.PSA_ALG_SHA_256)) },
  { name: 'X25519', cc310: 'ok', cc312: 'ok', run: (p) => p.rawKeyAgreement(V.PSA_ALG_ECDH, p.importKey({ type: V.PSA_KEY_TYPE_ECC_KEY_PAIR(V.PSA_ECC_FAMILY_MONTGOMERY), usage: V.PSA_KEY_USAGE_DERIVE, alg: V.PSA_ALG_ECDH }, X25519), X25519_PEER),
    expected: () => hex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742') }, // RFC 7748 §6.1 shared secret
  { name: 'HKDF-SHA-256', cc310: 'ns', cc312: 'ns', run: (p) => derive(p, V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256), V.PSA_KEY_DERIVATION_INPUT_SECRET) },
  { name: 'PBKDF2-HMAC-SHA-256', cc310: 'ns', cc312: 'ns', run: (p) => derive(p, V.PSA_ALG_PBKDF2_HMAC(V.PSA_ALG_SHA_256), V.PSA_KEY_DERIVATION_INPUT_PASSWORD) },
  { name: 'AES-KW', cc310: 'ns', cc312: 'ns', run: (p) => {
    const w = p.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_WRAP, alg: V.PSA_ALG_KW }, KEY16);
    return p.wrapKey(w, V.PSA_ALG_KW, p.importKey({ type: V.PSA_KEY_TYPE_AES, usage: V.PSA_KEY_USAGE_EXPORT }, KEY32));
  } },
  { name: 'Ascon-XOF128', cc310: 'ns', cc312: 'ns', run: (p) => { const x = p.xofSetup(V.PSA_ALG_ASCON_XOF128); x.update(MSG); return x.output(32); } },
];

/** Fresh instances (every case imports its own keys): the plain software driver, CC3XX alone, CC3XX then Oberon. */
const configs = (variant: Cc3xxVariant): { plain: Psa; alone: Psa; both: Psa } => ({
  plain: createPsa(),
  alone: createPsa({ drivers: [cc3xx({ variant })] }),
  both: createPsa({ drivers: [cc3xx({ variant }), oberon()] }),
});

describe.each(['cc310', 'cc312'] as const)('the %s table, row by row', (variant) => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { plain, alone, both } = configs(variant);
    const reference = c.run(plain);
    if (c.expected) expect(toHex(reference)).toBe(toHex(c.expected()));
    if (c[variant] === 'ok') expect(toHex(c.run(alone))).toBe(toHex(reference));
    else expectStatus(() => c.run(alone), V.PSA_ERROR_NOT_SUPPORTED);
    if (c[variant] === 'ok' || (c.withOberon ?? 'ok') === 'ok') expect(toHex(c.run(both))).toBe(toHex(reference));
    else expectStatus(() => c.run(both), V.PSA_ERROR_NOT_SUPPORTED);
  });
});

const nrf52840Alone = (): Psa => createPsa({ drivers: [cc3xx({ variant: 'cc310' })] });
const nrf52840 = (): Psa => createPsa({ drivers: [cc3xx({ variant: 'cc310' }), oberon()] });
const withQuirks = (quirks: Parameters<typeof cc3xx>[0]['quirks'], rest: Driver[] = []): Psa =>
  createPsa({ drivers: [cc3xx({ variant: 'cc312', quirks }), ...rest] });

describe('user-reported problems (reference/nordic.md §7) that CC3XX and Oberon reproduce', () => {
  it('§7 row 4: AES-256-CBC on nRF52840 without Oberon: the key imports, psa_cipher_encrypt_setup is NOT_SUPPORTED (-134); with Oberon it works', () => {
    const alone = nrf52840Alone();
    const key = alone.importKey({ type: V.PSA_KEY_TYPE_AES, usage: U, alg: V.PSA_ALG_CBC_NO_PADDING }, KEY32);
    expectStatus(() => alone.cipherEncryptSetup(key, V.PSA_ALG_CBC_NO_PADDING), V.PSA_ERROR_NOT_SUPPORTED);
    expect(V.PSA_ERROR_NOT_SUPPORTED).toBe(-134);
    const out = cipherMulti(nrf52840(), V.PSA_KEY_TYPE_AES, KEY32, V.PSA_ALG_CBC_NO_PADDING, IV16, BLOCKS);
    expect(toHex(out)).toBe(toHex(node('aes-256-cbc', KEY32, IV16, BLOCKS)));
  });

  it('§7 row 4 (per-SoC table): SHA-384 on CC310 alone is NOT_SUPPORTED, single-part and multipart', () => {
    const alone = nrf52840Alone();
    expectStatus(() => alone.hashCompute(V.PSA_ALG_SHA_384, MSG), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => alone.hashSetup(V.PSA_ALG_SHA_384), V.PSA_ERROR_NOT_SUPPORTED);
    expect(toHex(nrf52840().hashCompute(V.PSA_ALG_SHA_384, MSG))).toBe(createHash('sha384').update(MSG).digest('hex'));
  });

  it('§7 row 4 (per-SoC table): RSA-3072 on CC310 alone is NOT_SUPPORTED at import; CC312 takes it', () => {
    const attrs = { type: V.PSA_KEY_TYPE_RSA_KEY_PAIR, usage: SIGN, alg: V.PSA_ALG_RSA_PKCS1V15_SIGN(V.PSA_ALG_SHA_256) };
    expectStatus(() => nrf52840Alone().importKey(attrs, RSA3072), V.PSA_ERROR_NOT_SUPPORTED);
    for (const psa of [createPsa({ drivers: [cc3xx({ variant: 'cc312' })] }), nrf52840()]) {
      expect(psa.getKeyAttributes(psa.importKey(attrs, RSA3072)).bits).toBe(3072);
    }
  });

  it('§7 row 8 (sdk-nrf#6611, NCSDK-13842): P-521 ECDSA on CC3XX alone is NOT_SUPPORTED; Oberon signs', () => {
    const attrs = { type: r1, bits: 521, usage: SIGN, alg: V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256) };
    for (const variant of ['cc310', 'cc312'] as const) {
      expectStatus(() => createPsa({ drivers: [cc3xx({ variant })] }).generateKey(attrs), V.PSA_ERROR_NOT_SUPPORTED);
    }
    const psa = nrf52840();
    const key = psa.generateKey(attrs);
    const hash = createHash('sha256').update(MSG).digest();
    psa.verifyHash(key, attrs.alg, hash, psa.signHash(key, attrs.alg, hash));
  });

  it('§7 row 7: a 13-byte AES-CTR IV is INVALID_ARGUMENT (-135), final: Oberon is not asked', () => {
    for (const psa of [nrf52840Alone(), nrf52840()]) {
      const key = psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: U, alg: V.PSA_ALG_CTR }, KEY16);
      const op = psa.cipherEncryptSetup(key, V.PSA_ALG_CTR);
      expectStatus(() => op.setIv(IV16.subarray(0, 13)), V.PSA_ERROR_INVALID_ARGUMENT);
      const ok = psa.cipherEncryptSetup(key, V.PSA_ALG_CTR);
      ok.setIv(IV16);
      expect(toHex(ok.update(MSG))).toBe(toHex(node('aes-128-ctr', KEY16, IV16, MSG)));
    }
    expect(V.PSA_ERROR_INVALID_ARGUMENT).toBe(-135);
  });

  it('§7 row 6 (quirk ctr-update-block-multiple, NCS 1.9.1 nRF5340): psa_cipher_update on AES-CTR needs a multiple of 16 bytes', () => {
    const run = (psa: Psa, length: number): Uint8Array => {
      const op = psa.cipherEncryptSetup(psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: U, alg: V.PSA_ALG_CTR }, KEY16), V.PSA_ALG_CTR);
      op.setIv(IV16);
      return op.update(MSG.subarray(0, length));
    };
    expectStatus(() => run(withQuirks(['ctr-update-block-multiple'], [oberon()]), 15), V.PSA_ERROR_INVALID_ARGUMENT);
    expect(toHex(run(withQuirks(['ctr-update-block-multiple']), 32))).toBe(toHex(node('aes-128-ctr', KEY16, IV16, MSG.subarray(0, 32))));
    expect(toHex(run(withQuirks([]), 15))).toBe(toHex(node('aes-128-ctr', KEY16, IV16, MSG.subarray(0, 15))));
  });

  it('§7 row 8 (quirk gcm-nonce-12-only, NCSDK-20287): a 16-byte GCM nonce is refused by CC312, then Oberon takes the single-part call', () => {
    const nonce = hex('00112233445566778899aabbccddeeff');
    const k = (psa: Psa): number => psa.importKey({ type: V.PSA_KEY_TYPE_AES, usage: U, alg: V.PSA_ALG_GCM }, KEY16);
    const alone = withQuirks(['gcm-nonce-12-only']);
    expectStatus(() => alone.aeadEncrypt(k(alone), V.PSA_ALG_GCM, nonce, new Uint8Array(0), MSG), V.PSA_ERROR_NOT_SUPPORTED);
    expect(toHex(alone.aeadEncrypt(k(alone), V.PSA_ALG_GCM, NONCE12, new Uint8Array(0), MSG))).toBe(toHex(nodeAead('aes-128-gcm', KEY16, NONCE12, MSG)));
    const both = withQuirks(['gcm-nonce-12-only'], [oberon()]);
    expect(toHex(both.aeadEncrypt(k(both), V.PSA_ALG_GCM, nonce, new Uint8Array(0), MSG))).toBe(toHex(nodeAead('aes-128-gcm', KEY16, nonce, MSG)));
    // Multipart: the operation is bound to CC3XX at setup, so the refusal at set_nonce is final.
    const op = both.aeadEncryptSetup(k(both), V.PSA_ALG_GCM);
    expectStatus(() => op.setNonce(nonce), V.PSA_ERROR_NOT_SUPPORTED);
    // Without the flag CC312 computes any nonce length, as the software driver does.
    const plainCc312 = withQuirks([]);
    expect(toHex(plainCc312.aeadEncrypt(k(plainCc312), V.PSA_ALG_GCM, nonce, new Uint8Array(0), MSG))).toBe(toHex(nodeAead('aes-128-gcm', KEY16, nonce, MSG)));
  });
});

describe('what neither model has, and the choices for uncertain facts', () => {
  it('RSA key generation: NOT_SUPPORTED on CC3XX (Kconfig) and on Oberon (Appendix A); rsaKeyGeneration adds the CC3XX rows', () => {
    const attrs = { type: V.PSA_KEY_TYPE_RSA_KEY_PAIR, bits: 2048, usage: SIGN, alg: V.PSA_ALG_RSA_PKCS1V15_SIGN(V.PSA_ALG_SHA_256) };
    expectStatus(() => nrf52840Alone().generateKey(attrs), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => nrf52840().generateKey(attrs), V.PSA_ERROR_NOT_SUPPORTED);
    const gen = (o: boolean) => cc3xxRows({ variant: 'cc312', rsaKeyGeneration: o })
      .filter((r) => r.op === 'generate' && r.keys?.some((s) => s.types.includes(V.PSA_KEY_TYPE_RSA_KEY_PAIR) && s.bits?.includes(3072)));
    expect(gen(false)).toHaveLength(0);
    expect(gen(true)).toHaveLength(1);
  });

  it("curves: 'documented' drops secp192r1/secp192k1/secp224k1 from the CC3XX rows", () => {
    const has192 = (rows: ReturnType<typeof cc3xxRows>) => rows.some((r) => r.keys?.some((k) => k.types.includes(r1) && k.bits?.includes(192)));
    expect(has192(cc3xxRows({ variant: 'cc310' }))).toBe(true);
    expect(has192(cc3xxRows({ variant: 'cc310', curves: 'documented' }))).toBe(false);
    const attrs = { type: r1, bits: 192, usage: SIGN, alg: V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256) };
    expect(createPsa({ drivers: [cc3xx({ variant: 'cc310' })] }).generateKey(attrs)).toBeGreaterThan(0);
    expectStatus(() => createPsa({ drivers: [cc3xx({ variant: 'cc310', curves: 'documented' })] }).generateKey(attrs), V.PSA_ERROR_NOT_SUPPORTED);
  });

  it('the CC3XX driver has no KDF, PAKE, key wrap, XOF or encapsulation: each entry point answers NOT_SUPPORTED (Oberon has EC-JPAKE on P-256 only)', () => {
    const d = cc3xx({ variant: 'cc312' });
    const attrs = { type: V.PSA_KEY_TYPE_AES, bits: 128, lifetime: 0, usage: 0, alg: 0, alg2: 0 };
    const random = (n: number) => new Uint8Array(n);
    expectStatus(() => d.keyDerivationSetup!(V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256)), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => d.wrapKey!(attrs, KEY16, V.PSA_ALG_KW, KEY16), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => d.xofSetup!(V.PSA_ALG_SHAKE256), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => d.encapsulate!({ ...attrs, type: V.PSA_KEY_TYPE_ML_KEM_PUBLIC_KEY, bits: 768 }, KEY16, V.PSA_ALG_ML_KEM, random), V.PSA_ERROR_NOT_SUPPORTED);
    const jpake = {
      alg: V.PSA_ALG_JPAKE(V.PSA_ALG_SHA_256), primitive: V.PSA_PAKE_PRIMITIVE(V.PSA_PAKE_PRIMITIVE_TYPE_ECC, V.PSA_ECC_FAMILY_SECP_R1, 256),
      keyConfirmation: V.PSA_PAKE_CONFIRMED_KEY, role: V.PSA_PAKE_ROLE_NONE, user: hex('636c69656e74'), peer: hex('736572766572'),
      context: new Uint8Array(0), random: (n: number) => Uint8Array.from({ length: n }, (_, i) => i + 1),
    };
    const password = { ...attrs, type: V.PSA_KEY_TYPE_PASSWORD };
    expectStatus(() => d.pakeSetup!(password, KEY16, jpake), V.PSA_ERROR_NOT_SUPPORTED);
    // Oberon has EC-JPAKE on P-256 (nordic.md §3): its context produces the first key share.
    const ctx = oberon().pakeSetup!(password, KEY16, jpake);
    expect(ctx.output(V.PSA_PAKE_STEP_KEY_SHARE).length).toBe(65);
    ctx.destroy();
    const p384 = { ...jpake, primitive: V.PSA_PAKE_PRIMITIVE(V.PSA_PAKE_PRIMITIVE_TYPE_ECC, V.PSA_ECC_FAMILY_SECP_R1, 384) };
    expectStatus(() => oberon().pakeSetup!(password, KEY16, p384), V.PSA_ERROR_NOT_SUPPORTED);
    expect(d.signHashStart).toBeUndefined();
    expect(d.hashResume).toBeUndefined();
    expect([d.name, oberon().name]).toEqual(['cc3xx', 'oberon']);
  });

  it('Oberon releases gate their additions: SHA-3 and P-521 from 1.2.0, Ascon from 1.5.3', () => {
    const psa = (version: `${number}.${number}.${number}`) => createPsa({ drivers: [oberon({ version })] });
    expectStatus(() => psa('1.1.0').hashCompute(V.PSA_ALG_SHA3_256, MSG), V.PSA_ERROR_NOT_SUPPORTED);
    expect(toHex(psa('1.2.0').hashCompute(V.PSA_ALG_SHA3_256, MSG))).toBe(createHash('sha3-256').update(MSG).digest('hex'));
    expectStatus(() => psa('1.1.0').generateKey({ type: r1, bits: 521, usage: SIGN, alg: V.PSA_ALG_ECDSA(V.PSA_ALG_SHA_256) }), V.PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa('1.5.2').hashCompute(V.PSA_ALG_ASCON_HASH256, MSG), V.PSA_ERROR_NOT_SUPPORTED);
    expect(psa('1.5.3').hashCompute(V.PSA_ALG_ASCON_HASH256, MSG)).toHaveLength(32);
    expect(oberonRows({ version: '1.0.0' }).length).toBeLessThan(oberonRows().length);
  });

  it('Oberon in a TF-M build: no PBKDF2 (nordic.md §1.7), HKDF still there', () => {
    const tfm = createPsa({ drivers: [oberon({ tfm: true })] });
    expectStatus(() => derive(tfm, V.PSA_ALG_PBKDF2_HMAC(V.PSA_ALG_SHA_256), V.PSA_KEY_DERIVATION_INPUT_PASSWORD), V.PSA_ERROR_NOT_SUPPORTED);
    expect(toHex(derive(tfm, V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256), V.PSA_KEY_DERIVATION_INPUT_SECRET)))
      .toBe(toHex(derive(createPsa(), V.PSA_ALG_HKDF(V.PSA_ALG_SHA_256), V.PSA_KEY_DERIVATION_INPUT_SECRET)));
  });

  it('rejects unknown variants, quirks, curve choices and malformed versions with INVALID_ARGUMENT', () => {
    expectStatus(() => cc3xx({ variant: 'cc311' as Cc3xxVariant }), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => cc3xx({ variant: 'cc310', quirks: ['wrong-tags' as 'gcm-nonce-12-only'] }), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => cc3xx({ variant: 'cc310', curves: 'all' as 'kconfig' }), V.PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => oberon({ version: '1.5' as '1.5.4' }), V.PSA_ERROR_INVALID_ARGUMENT);
  });

  it('every table row names its evidence tag and source', () => {
    for (const row of [...CC3XX_ROWS, ...OBERON_ROWS]) expect(row.source).toMatch(/\[(V|D|R|C|\?)\]/);
  });

  it('outputs equal OpenSSL for random messages (SHA-256 and HMAC-SHA-256 on CC310 alone)', () => {
    const psa = nrf52840Alone();
    const key = psa.importKey({ type: V.PSA_KEY_TYPE_HMAC, usage: V.PSA_KEY_USAGE_SIGN_MESSAGE, alg: V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256) }, KEY32);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (m) => {
      expect(toHex(psa.hashCompute(V.PSA_ALG_SHA_256, m))).toBe(createHash('sha256').update(m).digest('hex'));
      expect(toHex(psa.macCompute(key, V.PSA_ALG_HMAC(V.PSA_ALG_SHA_256), m))).toBe(createHmac('sha256', KEY32).update(m).digest('hex'));
    }), { numRuns: 200, seed: 20261208 });
  });
});
