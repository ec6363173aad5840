/**
 * Known-answer tests of the MAC algorithms: RFC 4231 (HMAC-SHA-256, long
 * key, truncation), RFC 4493 (AES-CMAC, also the check of the test-side
 * CMAC used by the differential tests), and keyed BLAKE2 (the first keyed
 * entries of the BLAKE2 reference KAT files, plus values cross-generated
 * with Python's `hashlib.blake2s/blake2b` and confirmed with `openssl mac
 * BLAKE2SMAC/BLAKE2BMAC`).
 */
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/create.js';
import {
  PSA_ALG_BLAKE2B_HASH512,
  PSA_ALG_BLAKE2S_HASH256,
  PSA_ALG_BLAKE2_MAC,
  PSA_ALG_CMAC,
  PSA_ALG_HMAC,
  PSA_ALG_SHA_256,
  PSA_ALG_TRUNCATED_MAC,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_BLAKE2,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../src/values/index.js';
import { hex, toHex } from '../keys/helpers.js';
import { referenceCmac } from './reference.js';

const psa = createPsa();
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const range = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i);

interface Kat {
  readonly name: string;
  readonly type: number;
  readonly key: Uint8Array;
  readonly alg: number;
  readonly msg: Uint8Array;
  readonly mac: string;
}

const RFC4493_KEY = hex('2b7e151628aed2a6abf7158809cf4f3c');
const RFC4493_MSG = hex(`6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
  30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710`);

const KATS: readonly Kat[] = [
  { name: 'RFC 4231 test case 2', type: PSA_KEY_TYPE_HMAC, key: ascii('Jefe'), alg: PSA_ALG_HMAC(PSA_ALG_SHA_256),
    msg: ascii('what do ya want for nothing?'), mac: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' },
  { name: 'RFC 4231 test case 5 (truncated to 128 bits)', type: PSA_KEY_TYPE_HMAC, key: new Uint8Array(20).fill(0x0c),
    alg: PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16), msg: ascii('Test With Truncation'),
    mac: 'a3b6167473100ee06e0c796c2955552b' },
  { name: 'RFC 4231 test case 6 (key longer than the block)', type: PSA_KEY_TYPE_HMAC, key: new Uint8Array(131).fill(0xaa),
    alg: PSA_ALG_HMAC(PSA_ALG_SHA_256), msg: ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
    mac: '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54' },
  { name: 'RFC 4493 example 1 (empty)', type: PSA_KEY_TYPE_AES, key: RFC4493_KEY, alg: PSA_ALG_CMAC,
    msg: RFC4493_MSG.subarray(0, 0), mac: 'bb1d6929e95937287fa37d129b756746' },
  { name: 'RFC 4493 example 2 (16 bytes)', type: PSA_KEY_TYPE_AES, key: RFC4493_KEY, alg: PSA_ALG_CMAC,
    msg: RFC4493_MSG.subarray(0, 16), mac: '070a16b46b4d4144f79bdd9dd04a287c' },
  { name: 'RFC 4493 example 3 (40 bytes)', type: PSA_KEY_TYPE_AES, key: RFC4493_KEY, alg: PSA_ALG_CMAC,
    msg: RFC4493_MSG.subarray(0, 40), mac: 'dfa66747de9ae63030ca32611497c827' },
  { name: 'RFC 4493 example 4 (64 bytes)', type: PSA_KEY_TYPE_AES, key: RFC4493_KEY, alg: PSA_ALG_CMAC,
    msg: RFC4493_MSG, mac: '51f0bebf7e3b9d92fc49741779363cfe' },
  { name: 'BLAKE2s keyed KAT, empty message', type: PSA_KEY_TYPE_BLAKE2, key: range(32),
    alg: PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2S_HASH256), msg: new Uint8Array(0),
    mac: '48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49' },
  { name: 'BLAKE2s keyed KAT, 255 bytes', type: PSA_KEY_TYPE_BLAKE2, key: range(32),
    alg: PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2S_HASH256), msg: range(255),
    mac: '3fb735061abc519dfe979e54c1ee5bfad0a9d858b3315bad34bde999efd724dd' },
  { name: 'BLAKE2b keyed KAT, empty message', type: PSA_KEY_TYPE_BLAKE2, key: range(64),
    alg: PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2B_HASH512), msg: new Uint8Array(0),
    mac: '10ebb67700b1868efb4417987acf4690ae9d972fb7a590c2f02871799aaa4786b5e996e8f0f4eb981fc214b005f42d2ff4233499391653df7aefcbc13fc51568' },
  { name: 'BLAKE2b keyed KAT, 255 bytes', type: PSA_KEY_TYPE_BLAKE2, key: range(64),
    alg: PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2B_HASH512), msg: range(255),
    mac: '142709d62e28fcccd0af97fad0f8465b971e82201dc51070faa0372aa43e92484be1c1e73ba10906d5d1853db6a4106e0a7bf9800d373d6dee2d46d62ef2a461' },
  // A shorter tag is BLAKE2's own output length (a different parameter block), not a prefix of the full tag.
  { name: 'BLAKE2s-MAC with a 16-byte tag', type: PSA_KEY_TYPE_BLAKE2, key: range(32),
    alg: PSA_ALG_TRUNCATED_MAC(PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2S_HASH256), 16), msg: ascii('abc'),
    mac: '61ba5f165c194692e09d12520cc4c74a' },
  { name: 'BLAKE2b-MAC with a 32-byte tag and a 16-byte key', type: PSA_KEY_TYPE_BLAKE2, key: ascii('0123456789abcdef'),
    alg: PSA_ALG_TRUNCATED_MAC(PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2B_HASH512), 32),
    msg: ascii('The quick brown fox jumps over the lazy dog'),
    mac: '6430e14bc4d588e01dba1c1a32499678192da966944655fccd55fe60d4c08a66' },
  { name: 'BLAKE2s-MAC with a 4-byte tag and a 1-byte key', type: PSA_KEY_TYPE_BLAKE2, key: Uint8Array.of(0x42),
    alg: PSA_ALG_TRUNCATED_MAC(PSA_ALG_BLAKE2_MAC(PSA_ALG_BLAKE2S_HASH256), 4), msg: ascii('hello'), mac: '4d7f53b7' },
];

describe('MAC known answers', () => {
  it.each(KATS)('$name', ({ type, key, alg, msg, mac }) => {
    const id = psa.importKey({ type, usage: PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, key);
    try {
      expect(toHex(psa.macCompute(id, alg, msg))).toBe(mac);
      const op = psa.macSignSetup(id, alg);
      for (const byte of msg) op.update(Uint8Array.of(byte));
      expect(toHex(op.signFinish())).toBe(mac);
      psa.macVerify(id, alg, msg, hex(mac));
    } finally {
      psa.destroyKey(id);
    }
  });

  it('the test-side RFC 4493 CMAC used as an oracle reproduces the RFC examples', () => {
    for (const kat of KATS.filter((k) => k.alg === PSA_ALG_CMAC)) {
      expect(toHex(referenceCmac(kat.key, kat.msg))).toBe(kat.mac);
    }
  });
});
