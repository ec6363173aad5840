/**
 * The SPAKE2+ transcript and key schedule: TT of RFC 9383 §3.3 (every field
 * preceded by its length as 8 little-endian bytes; the context only when the
 * application set one), then K_main = Hash(TT) and either the RFC 9383 §3.4
 * schedule (K_confirmP ‖ K_confirmV = HKDF(K_main, "ConfirmationKeys"),
 * K_shared = HKDF(K_main, "SharedKey")) or the Matter / draft-02 one
 * (Ka ‖ Ke = K_main, KcA ‖ KcB = HKDF(Ka, "ConfirmationKeys"), K_shared = Ke).
 * @module
 */
import { hkdf } from '@noble/hashes/hkdf.js';
import { PSA_KEY_TYPE_AES } from '../../../../values/key-types.js';
import type { Spake2pSuite } from './suite.js';
import { cmacSetup } from '../../mac/block-cipher.js';
import { hmacSetup } from '../../mac/hmac.js';

/** The inputs of the transcript, in RFC 9383 order (the context is absent when undefined). */
export interface Spake2pTranscript {
  readonly context: Uint8Array | undefined;
  readonly idProver: Uint8Array;
  readonly idVerifier: Uint8Array;
  readonly M: Uint8Array;
  readonly N: Uint8Array;
  readonly shareP: Uint8Array;
  readonly shareV: Uint8Array;
  readonly Z: Uint8Array;
  readonly V: Uint8Array;
  readonly w0: Uint8Array;
}

/** The derived keys of one exchange; the owner wipes them. */
export interface Spake2pKeys {
  readonly confirmP: Uint8Array;
  readonly confirmV: Uint8Array;
  readonly shared: Uint8Array;
}

const CONFIRMATION_KEYS = new TextEncoder().encode('ConfirmationKeys');
const SHARED_KEY = new TextEncoder().encode('SharedKey');

/** len(x) ‖ x with an 8-byte little-endian length. */
function lengthPrefixed(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + data.length);
  let n = data.length;
  for (let i = 0; i < 8 && n > 0; i++) {
    out[i] = n & 0xff;
    n = Math.floor(n / 256);
  }
  out.set(data, 8);
  return out;
}

/** Hash(TT) for the suite's hash. */
export function spake2pMainKey(suite: Spake2pSuite, t: Spake2pTranscript): Uint8Array {
  const h = suite.hash.create();
  const fields = [t.idProver, t.idVerifier, t.M, t.N, t.shareP, t.shareV, t.Z, t.V, t.w0];
  if (t.context !== undefined) fields.unshift(t.context);
  for (const field of fields) {
    const encoded = lengthPrefixed(field);
    h.update(encoded);
    encoded.fill(0);
  }
  return h.digest();
}

/** The confirmation keys and K_shared derived from K_main (which the caller wipes). */
export function spake2pKeySchedule(suite: Spake2pSuite, kMain: Uint8Array): Spake2pKeys {
  const half = kMain.length / 2;
  const ikm = suite.matter ? kMain.subarray(0, half) : kMain;
  const confirm = hkdf(suite.hash, ikm, undefined, CONFIRMATION_KEYS, 2 * suite.confirmKeyLength);
  const shared = suite.matter ? Uint8Array.from(kMain.subarray(half)) : hkdf(suite.hash, kMain, undefined, SHARED_KEY, suite.sharedLength);
  const keys = {
    confirmP: Uint8Array.from(confirm.subarray(0, suite.confirmKeyLength)),
    confirmV: Uint8Array.from(confirm.subarray(suite.confirmKeyLength)),
    shared,
  };
  confirm.fill(0);
  return keys;
}

/** MAC(key, share) with the suite's confirmation MAC. */
export function spake2pConfirmation(suite: Spake2pSuite, key: Uint8Array, share: Uint8Array): Uint8Array {
  const mac = suite.mac === 'cmac' ? cmacSetup(PSA_KEY_TYPE_AES, key) : hmacSetup(suite.hashAlg, key);
  try {
    mac.update(share);
    const tag = mac.finish();
    const out = Uint8Array.from(tag.subarray(0, suite.confirmLength));
    tag.fill(0);
    return out;
  } finally {
    mac.destroy();
  }
}
