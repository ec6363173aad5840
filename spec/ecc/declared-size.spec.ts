/**
 * `psa_import_key` of ECC keys with their declared size, on every curve of
 * the software driver: a C caller sets `bits` (psa_set_key_bits) to the PSA
 * key size of the curve, which the PSA specification lists per family
 * (§ Elliptic curve keys: SECP_R1 192–521, SECP_K1 192 / 225 / 256,
 * Brainpool, FRP256v1 256, Montgomery 255 / 448, twisted Edwards 255 and
 * Edwards448 `key_bits = 448`, whose keys are 57-byte strings). Mbed TLS's
 * `mbedtls_psa_ecp_load_representation` accepts a declared size whose data
 * has its length and `psa_import_key` then requires the size found to be the
 * size declared (INVALID_ARGUMENT otherwise); Mbed TLS has no Edwards
 * curves, so for Ed448 the specification decides.
 *
 * Key data from outside: Wycheproof (tcId 1, "normal case", of the ECDH and
 * XDH files: the private key of one party and the public key of the other),
 * RFC 8032 §7.1 TEST 1 and §7.4 "Blank" (Ed25519, Ed448 seed and public
 * key), OpenSSL through node:crypto (public keys of a fixed private scalar
 * on the curves Wycheproof lacks) and, for FRP256v1, which OpenSSL does not
 * name, the ANSSI generator as the public key of d = 1.
 */
import { createECDH } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPsa } from '../../src/index.js';
import {
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_FRP,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_EXPORT,
} from '../../src/values/index.js';
import { ECC_CURVES } from '../../src/drivers/software/ecc/curves.js';
import { expectStatus, hex, toHex } from '../keys/helpers.js';

interface Vector {
  readonly name: string;
  readonly family: number;
  /** The PSA key size the specification gives the curve. */
  readonly bits: number;
  readonly privateKey: string;
  readonly publicKey: string;
  /** Whether `publicKey` is the public key of `privateKey`. */
  readonly pair: boolean;
  /** Where the data comes from: a Wycheproof file (checked against it when present) or another source. */
  readonly source: string;
}

/** Wycheproof tcId 1 of each file (the public key of the ASN.1 files is the point at the end of its SPKI). */
const WYCHEPROOF: readonly Vector[] = [
  {
    name: 'P-256', family: PSA_ECC_FAMILY_SECP_R1, bits: 256, pair: false, source: 'ecdh_secp256r1_ecpoint_test.json',
    privateKey: '0612465c89a023ab17855b0a6bcebfd3febb53aef84138647b5352e02c10c346',
    publicKey: '0462d5bd3372af75fe85a040715d0f502428e07046868b0bfdfa61d731afe44f26ac333a93a9e70a81cd5a95b5bf8d13990eb741c8c38872b4a07d275a014e30cf',
  },
  {
    name: 'P-384', family: PSA_ECC_FAMILY_SECP_R1, bits: 384, pair: false, source: 'ecdh_secp384r1_ecpoint_test.json',
    privateKey: '766e61425b2da9f846c09fc3564b93a6f8603b7392c785165bf20da948c49fd1fb1dee4edd64356b9f21c588b75dfd81',
    publicKey: '04790a6e059ef9a5940163183d4a7809135d29791643fc43a2f17ee8bf677ab84f791b64a6be15969ffa012dd9185d8796d9b954baa8a75e82df711b3b56eadff6b0f668c3b26b4b1aeb308a1fcc1c680d329a6705025f1c98a0b5e5bfcb163caa',
  },
  {
    name: 'P-521', family: PSA_ECC_FAMILY_SECP_R1, bits: 521, pair: false, source: 'ecdh_secp521r1_ecpoint_test.json',
    privateKey: '01939982b529596ce77a94bc6efd03e92c21a849eb4f87b8f619d506efc9bb22e7c61640c90d598f795b64566dc6df43992ae34a1341d458574440a7371f611c7dcd',
    publicKey: '040064da3e94733db536a74a0d8a5cb2265a31c54a1da6529a198377fbd38575d9d79769ca2bdf2d4c972642926d444891a652e7f492337251adf1613cf3077999b5ce00e04ad19cf9fd4722b0c824c069f70c3c0e7ebc5288940dfa92422152ae4a4f79183ced375afb54db1409ddf338b85bb6dbfc5950163346bb63a90a70c5aba098f7',
  },
  {
    // Wycheproof writes this scalar with a leading zero byte (33 bytes); the PSA format has 32.
    name: 'secp256k1', family: PSA_ECC_FAMILY_SECP_K1, bits: 256, pair: false, source: 'ecdh_secp256k1_test.json',
    privateKey: 'f4b7ff7cccc98813a69fae3df222bfe3f4e28f764bf91b4a10d8096ce446b254',
    publicKey: '04d8096af8a11e0b80037e1ee68246b5dcbb0aeb1cf1244fd767db80f3fa27da2b396812ea1686e7472e9692eaf3e958e50e9500d3b4c77243db1f2acd67ba9cc4',
  },
  {
    name: 'brainpoolP256r1', family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 256, pair: false, source: 'ecdh_brainpoolP256r1_test.json',
    privateKey: '0113db979e07d9c8fdbea5b06a682c0d2ad67170ffcb65d7547d8c442d3ac237',
    publicKey: '044cee5e1072b30d64f70bf01958e22c044a2127ddd744ce3060c15990ff0fe1148c6ee56559829a5a84dd5c8646ee0c43d0b7c50181f234ec09eba43bc86b169e',
  },
  {
    name: 'brainpoolP384r1', family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 384, pair: false, source: 'ecdh_brainpoolP384r1_test.json',
    privateKey: '24ddf0fbb41c28365d302dd9d26ff9c32c76c85fa8b9138a3ec621d0caff6de8a724b45d6fe0d9180044242b9f41c84b',
    publicKey: '0470ffb350173256eb437b140365842397ebaf3611b6389596c1f17c5ff5ce5201f24f6985b8fe0890dcae54b2603dfb4087242aaf7b2d95b3199bfa03e8fce54ef680b57109847274db3b3a65512b7f832248e70b1030e95db6429589775c3346',
  },
  {
    name: 'brainpoolP512r1', family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 512, pair: false, source: 'ecdh_brainpoolP512r1_test.json',
    privateKey: '6280eb95405fa8c0e9d970547301bbefb152c8c8114abc730c89bf6db3f7d949fcfd7ebb82fd2dbd43d28d47bf4ed95de97baed19f7d087cf303d2b0cd413767',
    publicKey: '048a73a66605a5db252ef418ff2c43969bd4128187ce431c36a33d3ff3034cf8910fb0021ce849723621199d0d7ea4805f3cdab82f6c909257762da2a97e26305b078c1fd791fa957e975e30df5b876054758267129e4974a083372b0ce071180d05e1978bd90b8407c0a7ff7f6651bd3ffcf1a574dfe95a2e8af3866cbb385d21',
  },
  {
    name: 'X25519', family: PSA_ECC_FAMILY_MONTGOMERY, bits: 255, pair: false, source: 'x25519_test.json',
    privateKey: 'c8a9d5a91091ad851c668b0736c1c9a02936c0d3ad62670858088047ba057475',
    publicKey: '504a36999f489cd2fdbc08baff3d88fa00569ba986cba22548ffde80f9806829',
  },
  {
    name: 'X448', family: PSA_ECC_FAMILY_MONTGOMERY, bits: 448, pair: false, source: 'x448_test.json',
    privateKey: 'e41c63d5159c89de12163fde9d04cf1f430f346b8b2c1f2a4b1f5aee63d17aec29d4b1debf8b6457e7809d2b15ff9779c97becb04b824efa',
    publicKey: 'f8073fc01c8358362c08740c914b419847ef1e409f4e40d9440febc26f00551adb1c37c6c2a87d8283b8cb453e928a0d42793f72894e0f81',
  },
];

/** RFC 8032 §7.1 TEST 1 and §7.4 "Blank": seed and public key. */
const RFC8032: readonly Vector[] = [
  {
    name: 'Ed25519', family: PSA_ECC_FAMILY_TWISTED_EDWARDS, bits: 255, pair: true, source: 'RFC 8032 §7.1 TEST 1',
    privateKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  },
  {
    name: 'Ed448', family: PSA_ECC_FAMILY_TWISTED_EDWARDS, bits: 448, pair: true, source: 'RFC 8032 §7.4 Blank',
    privateKey: '6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b',
    publicKey: '5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180',
  },
];

/** Curves Wycheproof does not cover: OpenSSL's public key of a fixed scalar (below n on each of them). */
const OPENSSL: readonly (readonly [string, number, number, string, number])[] = [
  // name, family, PSA bits, OpenSSL name, private key length in bytes
  ['P-192', PSA_ECC_FAMILY_SECP_R1, 192, 'prime192v1', 24],
  ['P-224', PSA_ECC_FAMILY_SECP_R1, 224, 'secp224r1', 28],
  ['secp192k1', PSA_ECC_FAMILY_SECP_K1, 192, 'secp192k1', 24],
  ['secp224k1', PSA_ECC_FAMILY_SECP_K1, 225, 'secp224k1', 29],
  ['brainpoolP160r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 160, 'brainpoolP160r1', 20],
  ['brainpoolP192r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 192, 'brainpoolP192r1', 24],
  ['brainpoolP224r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 224, 'brainpoolP224r1', 28],
  ['brainpoolP320r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1, 320, 'brainpoolP320r1', 40],
];

function opensslVector([name, family, bits, curve, length]: (typeof OPENSSL)[number]): Vector {
  const privateKey = '00' + '5a'.repeat(length - 1);
  const ecdh = createECDH(curve);
  ecdh.setPrivateKey(Buffer.from(privateKey, 'hex'));
  return { name, family, bits, privateKey, publicKey: ecdh.getPublicKey('hex', 'uncompressed'), pair: true, source: `OpenSSL ${curve}` };
}

/** FRP256v1: d = 1, whose public key is the generator (ANSSI, Journal officiel, October 2011). */
const FRP256V1: Vector = {
  name: 'FRP256v1', family: PSA_ECC_FAMILY_FRP, bits: 256, pair: true, source: 'ANSSI FRP256v1 generator',
  privateKey: '00'.repeat(31) + '01',
  publicKey: '04b6b3d4c356c139eb31183d4749d423958c27d2dcaf98b70164c97a2dd98f5cff'
    + '6142e0f7c8b204911f9271f0f3ecef8c2701c307e8e4c9e183115a1554062cfb',
};

const VECTORS: readonly Vector[] = [...WYCHEPROOF, ...RFC8032, ...OPENSSL.map(opensslVector), FRP256V1];

const key = ([f, b]: readonly [number, number]): string => `${f}:${b}`;

describe('ECC import with the declared key size (psa_set_key_bits, as C callers do)', () => {
  it('every curve of the software driver has a vector here', () => {
    expect(VECTORS.map((v) => key([v.family, v.bits])).sort()).toEqual(ECC_CURVES.map(key).sort());
  });

  for (const v of VECTORS) {
    it(`${v.name} (${v.source}): key pair and public key import with bits = ${v.bits}`, () => {
      const psa = createPsa();
      const pairType = PSA_KEY_TYPE_ECC_KEY_PAIR(v.family);
      const publicType = PSA_KEY_TYPE_ECC_PUBLIC_KEY(v.family);
      const priv = hex(v.privateKey);
      const pub = hex(v.publicKey);

      const pairId = psa.importKey({ type: pairType, bits: v.bits, usage: PSA_KEY_USAGE_EXPORT }, priv);
      expect(psa.getKeyAttributes(pairId).bits).toBe(v.bits);
      // Montgomery private keys are stored clamped, so only the other families export the bytes given.
      if (v.family !== PSA_ECC_FAMILY_MONTGOMERY) expect(toHex(psa.exportKey(pairId))).toBe(v.privateKey);
      if (v.pair) expect(toHex(psa.exportPublicKey(pairId))).toBe(v.publicKey);
      const publicId = psa.importKey({ type: publicType, bits: v.bits }, pub);
      expect(psa.getKeyAttributes(publicId).bits).toBe(v.bits);
      expect(toHex(psa.exportKey(publicId))).toBe(v.publicKey);

      // Without a declared size the same size is found from the length.
      expect(psa.getKeyAttributes(psa.importKey({ type: pairType }, priv)).bits).toBe(v.bits);
      expect(psa.getKeyAttributes(psa.importKey({ type: publicType }, pub)).bits).toBe(v.bits);

      // A declared size that is not the key's: INVALID_ARGUMENT (mbedtls_psa_ecp_load_representation, psa_import_key).
      for (const wrong of [v.bits - 1, v.bits + 1, v.bits + 8]) {
        expectStatus(() => psa.importKey({ type: pairType, bits: wrong }, priv), PSA_ERROR_INVALID_ARGUMENT);
        expectStatus(() => psa.importKey({ type: publicType, bits: wrong }, pub), PSA_ERROR_INVALID_ARGUMENT);
      }
    });
  }

  it('Ed448 with bits = 448: 57 bytes import (PSA spec: Edwards448 key_bits = 448, a 57-byte string); 56 bytes do not', () => {
    const psa = createPsa();
    const type = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_TWISTED_EDWARDS);
    const seed = hex(RFC8032[1]!.privateKey);
    expect(psa.getKeyAttributes(psa.importKey({ type, bits: 448 }, seed)).bits).toBe(448);
    expectStatus(() => psa.importKey({ type, bits: 448 }, seed.subarray(1)), PSA_ERROR_INVALID_ARGUMENT);
    const generated = psa.generateKey({ type, bits: 448, usage: PSA_KEY_USAGE_EXPORT });
    expect(psa.getKeyAttributes(psa.importKey({ type, bits: 448 }, psa.exportKey(generated))).bits).toBe(448);
  });

  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const folder = join(resolve(repo, process.env.PSA_TEST_VECTORS ?? '../shared/test-vectors'), 'wycheproof');
  it.runIf(existsSync(folder))('the Wycheproof values above are tcId 1 of their files', () => {
    for (const v of WYCHEPROOF) {
      const file = JSON.parse(readFileSync(join(folder, v.source), 'utf8')) as {
        testGroups: { tests: { tcId: number; result: string; private: string; public: string }[] }[];
      };
      const test = file.testGroups[0]!.tests[0]!;
      expect(test.tcId).toBe(1);
      expect(test.result).toBe('valid');
      expect(BigInt(`0x${test.private}`)).toBe(BigInt(`0x${v.privateKey}`));
      expect(test.public.endsWith(v.publicKey), `${v.source}: public key`).toBe(true);
    }
  });
});
