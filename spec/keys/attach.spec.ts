/**
 * `psa_attach_key` with an opaque driver that models provisioned storage:
 * label "device-identity" is a P-256 key pair written at manufacturing with
 * a fixed policy (sign/verify with ECDSA, any hash), label "derived" is an
 * AES key the driver derives from a device secret at the size the
 * application asks for. Signatures made through the attached key are
 * checked with node:crypto against the public key the driver exports.
 */
import { createCipheriv, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { createPsa, softwareDriver, type AttachedKey, type DriverKeyAttributes, type OpaqueDriver } from '../../src/index.js';
import * as C from '../../src/c/index.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_ECDSA,
  PSA_ALG_ANY_HASH,
  PSA_ALG_SHA_256,
  PSA_ALG_RSA_PSS,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_DOES_NOT_EXIST,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION,
  PSA_KEY_PERSISTENCE_DEFAULT,
  PSA_KEY_PERSISTENCE_VOLATILE,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_HASH,
  PSA_SUCCESS,
} from '../../src/values/index.js';
import { statusOfCall } from '../status.js';

const LOCATION = 0x800010;
const LIFETIME = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, LOCATION);
const P256 = PSA_KEY_TYPE_ECC_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1);
const ECDSA_ANY_HASH = PSA_ALG_ECDSA(PSA_ALG_ANY_HASH);
const ECDSA_SHA256 = PSA_ALG_ECDSA(PSA_ALG_SHA_256);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The provisioned location: material in `vault`, the core holds one byte naming the entry. */
function provisionedDriver() {
  const software = softwareDriver();
  const identity = p256.utils.randomSecretKey();
  const deviceSecret = Uint8Array.from({ length: 32 }, (_, i) => i);
  const vault: Uint8Array[] = [identity];
  const destroyed: number[] = [];
  const material = (ref: Uint8Array): Uint8Array => vault[ref[0]!] ?? new Uint8Array(0);
  const local = (a: DriverKeyAttributes): DriverKeyAttributes => ({ ...a, lifetime: 0 });
  const driver: OpaqueDriver = {
    kind: 'opaque',
    name: 'provisioned',
    location: LOCATION,
    attachKey(attributes, label): AttachedKey {
      const name = new TextDecoder().decode(label);
      if (name === 'device-identity') {
        return { keyBuffer: Uint8Array.of(0), type: P256, bits: 256,
          policy: { usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_VERIFY_HASH, alg: ECDSA_ANY_HASH, alg2: 0 } };
      }
      if (name === 'derived') {
        if (attributes.type !== PSA_KEY_TYPE_AES || ![128, 256].includes(attributes.bits)) {
          throw new PsaError(PSA_ERROR_INVALID_ARGUMENT, 'derived keys are AES-128 or AES-256');
        }
        vault.push(hkdf(sha256, deviceSecret, undefined, text(`derived ${attributes.bits}`), attributes.bits / 8));
        return { keyBuffer: Uint8Array.of(vault.length - 1), type: PSA_KEY_TYPE_AES, bits: attributes.bits };
      }
      throw new PsaError(PSA_ERROR_DOES_NOT_EXIST, 'no such provisioned key');
    },
    exportPublicKey: (a, ref) => software.exportPublicKey!(local(a), material(ref)),
    signHash: (a, ref, alg, hash, random, context) => software.signHash!(local(a), material(ref), alg, hash, random, context),
    cipherEncrypt: (a, ref, alg, iv, input) => software.cipherEncrypt!(local(a), material(ref), alg, iv, input),
    destroyKey: (_a, ref) => { destroyed.push(ref[0]!); },
  };
  return { driver, identity, destroyed, deviceSecret };
}

describe('psa_attach_key', () => {
  it('attaches a provisioned key pair: it signs, its public key verifies with node:crypto, it never exports', () => {
    const { driver, identity } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    const id = psa.attachKey({ lifetime: LIFETIME, usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_SHA256 }, text('device-identity'));
    const a = psa.getKeyAttributes(id);
    expect([a.type, a.bits, a.lifetime, a.usage, a.alg]).toEqual([P256, 256, LIFETIME, PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE, ECDSA_SHA256]);
    const pub = psa.exportPublicKey(id);
    expect(Buffer.from(pub).toString('hex')).toBe(Buffer.from(p256.getPublicKey(identity, false)).toString('hex'));
    const digest = sha256(text('attestation challenge'));
    const sig = psa.signHash(id, ECDSA_SHA256, digest);
    const spki = createPublicKey({ key: { kty: 'EC', crv: 'P-256',
      x: Buffer.from(pub.subarray(1, 33)).toString('base64url'), y: Buffer.from(pub.subarray(33)).toString('base64url') }, format: 'jwk' });
    expect(nodeVerify(null, Buffer.from(text('attestation challenge')), { key: spki, dsaEncoding: 'ieee-p1363' }, sig)).toBe(true);
    expect(statusOfCall(() => psa.exportKey(id))).toBe(PSA_ERROR_NOT_PERMITTED);
  });

  it('combines the application policy with the implementation policy, as psa_copy_key does', () => {
    const { driver } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    // EXPORT is asked for but the implementation does not grant it.
    const id = psa.attachKey({ lifetime: LIFETIME, usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT, alg: ECDSA_ANY_HASH }, text('device-identity'));
    // SIGN_HASH implies SIGN_MESSAGE on both sides, so the message form is permitted too.
    expect(psa.getKeyAttributes(id).usage).toBe(PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_SIGN_MESSAGE);
    expect(psa.signMessage(id, ECDSA_SHA256, text('m')).length).toBe(64);
    expect(statusOfCall(() => psa.exportKey(id))).toBe(PSA_ERROR_NOT_PERMITTED);
    // An algorithm outside the implementation's policy.
    expect(statusOfCall(() => psa.attachKey({ lifetime: LIFETIME, usage: PSA_KEY_USAGE_SIGN_HASH, alg: PSA_ALG_RSA_PSS(PSA_ALG_SHA_256) }, text('device-identity'))))
      .toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('takes the type and size from the application when the implementation derives the key', () => {
    const { driver, deviceSecret } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    const id = psa.attachKey({ lifetime: LIFETIME, type: PSA_KEY_TYPE_AES, bits: 128, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CBC_NO_PADDING }, text('derived'));
    expect(psa.getKeyAttributes(id).bits).toBe(128);
    const block = new Uint8Array(16).fill(0x5a);
    const out = psa.cipherEncrypt(id, PSA_ALG_CBC_NO_PADDING, block);
    // The same derivation and AES-CBC in node:crypto.
    const key = hkdf(sha256, deviceSecret, undefined, text('derived 128'), 16);
    const c = createCipheriv('aes-128-cbc', key, out.subarray(0, 16)).setAutoPadding(false);
    expect(Buffer.concat([c.update(block), c.final()]).toString('hex')).toBe(Buffer.from(out.subarray(16)).toString('hex'));
    expect(statusOfCall(() => psa.attachKey({ lifetime: LIFETIME, type: PSA_KEY_TYPE_AES, bits: 192, usage: PSA_KEY_USAGE_ENCRYPT, alg: PSA_ALG_CBC_NO_PADDING }, text('derived'))))
      .toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('refuses a type or size that differs from the provisioned key', () => {
    const { driver } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    const label = text('device-identity');
    expect(statusOfCall(() => psa.attachKey({ lifetime: LIFETIME, type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_ANY_HASH }, label))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.attachKey({ lifetime: LIFETIME, type: P256, bits: 384, usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_ANY_HASH }, label))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(psa.attachKey({ lifetime: LIFETIME, type: P256, bits: 256, usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_ANY_HASH }, label)).toBeGreaterThan(0);
  });

  it('answers with the statuses of the specification for bad lifetimes, locations and labels', () => {
    const { driver } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    const policy = { usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_ANY_HASH };
    const label = text('device-identity');
    const persistent = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_DEFAULT, LOCATION);
    expect(statusOfCall(() => psa.attachKey({ ...policy, lifetime: persistent, id: 1 }, label))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const elsewhere = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, 0x800099);
    expect(statusOfCall(() => psa.attachKey({ ...policy, lifetime: elsewhere }, label))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.attachKey(policy, label))).toBe(PSA_ERROR_NOT_SUPPORTED);
    expect(statusOfCall(() => psa.attachKey({ ...policy, lifetime: LIFETIME }, text('no such key')))).toBe(PSA_ERROR_DOES_NOT_EXIST);
    expect(statusOfCall(() => psa.attachKey({ ...policy, lifetime: LIFETIME, usage: 0x80000000 }, label))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(statusOfCall(() => psa.attachKey({ ...policy, lifetime: LIFETIME }, 'device-identity' as unknown as Uint8Array))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // A driver without the entry point.
    const plain = createPsa({ drivers: [{ kind: 'opaque', name: 'plain', location: 0x800011 }, softwareDriver()] });
    const plainLifetime = PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, 0x800011);
    expect(statusOfCall(() => plain.attachKey({ ...policy, lifetime: plainLifetime }, label))).toBe(PSA_ERROR_NOT_SUPPORTED);
  });

  it('destroying forgets the id but not the material: attaching again gives a key id for the same key', () => {
    const { driver, destroyed } = provisionedDriver();
    const psa = createPsa({ drivers: [driver, softwareDriver()] });
    const attributes = { lifetime: LIFETIME, usage: PSA_KEY_USAGE_SIGN_HASH, alg: ECDSA_ANY_HASH };
    const first = psa.attachKey(attributes, text('device-identity'));
    // This implementation lets one key be attached to several ids at once.
    const concurrent = psa.attachKey(attributes, text('device-identity'));
    expect(concurrent).not.toBe(first);
    const pub = psa.exportPublicKey(first);
    psa.destroyKey(first);
    psa.destroyKey(concurrent);
    expect(destroyed).toEqual([]);
    expect(statusOfCall(() => psa.exportPublicKey(first))).toBe(PSA_ERROR_INVALID_HANDLE);
    const again = psa.attachKey(attributes, text('device-identity'));
    expect(Buffer.from(psa.exportPublicKey(again)).toString('hex')).toBe(Buffer.from(pub).toString('hex'));
  });

  it('in psa-crypto/c: the status number, and the key id 0 on failure', () => {
    const { driver } = provisionedDriver();
    C.mbedtls_psa_crypto_free();
    try {
      expect(C.psa_crypto_init({ drivers: [driver, softwareDriver()] })).toBe(PSA_SUCCESS);
      const attributes = C.psa_key_attributes_init();
      C.psa_set_key_lifetime(attributes, LIFETIME);
      C.psa_set_key_usage_flags(attributes, PSA_KEY_USAGE_SIGN_HASH);
      C.psa_set_key_algorithm(attributes, ECDSA_ANY_HASH);
      const key = { value: 99 };
      expect(C.psa_attach_key(attributes, text('nothing'), key)).toBe(PSA_ERROR_DOES_NOT_EXIST);
      expect(key.value).toBe(0);
      expect(C.psa_attach_key(attributes, text('device-identity'), key)).toBe(PSA_SUCCESS);
      expect(key.value).not.toBe(0);
      expect(C.psa_destroy_key(key.value)).toBe(PSA_SUCCESS);
    } finally {
      C.mbedtls_psa_crypto_free();
    }
  });
});
