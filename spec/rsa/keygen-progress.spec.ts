/**
 * Progress reporting of RSA key generation on the TypeScript face
 * (`generateKey(attributes, { onProgress })`, `generateKeyCustom(…, { onProgress })`):
 * the events and their order, a key that node:crypto still accepts, and a
 * throwing callback that leaves no key behind.
 */
import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPsa, memoryStorage, PsaError, softwareDriver, type KeyGenerationProgress, type TransparentDriver } from '../../src/index.js';
import {
  PSA_ALG_RSA_PKCS1V15_SIGN,
  PSA_ALG_SHA_256,
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_RSA_KEY_PAIR,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../src/values/index.js';
import {
  PSA_ERROR_GENERIC_ERROR,
  PSA_ERROR_INSUFFICIENT_MEMORY,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_HANDLE,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../src/values/status.js';
import { expectStatus } from '../keys/helpers.js';
import { nodePrivateKeyFromPsa } from './helpers.js';

const alg = PSA_ALG_RSA_PKCS1V15_SIGN(PSA_ALG_SHA_256);
const attrs = (bits: number) => ({
  type: PSA_KEY_TYPE_RSA_KEY_PAIR, bits, alg,
  usage: PSA_KEY_USAGE_EXPORT | PSA_KEY_USAGE_SIGN_MESSAGE | PSA_KEY_USAGE_VERIFY_MESSAGE,
});

/** The phases as a string (p, q, c), to match the order with a regular expression. */
const phases = (events: readonly KeyGenerationProgress[]): string =>
  events.map((e) => (e.phase === 'prime-p' ? 'p' : e.phase === 'prime-q' ? 'q' : 'c')).join('');

/** Counters restart at 1 with each prime search and rise by one; checks count up over the whole generation. */
function expectCounting(events: readonly KeyGenerationProgress[]): void {
  let checks = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.phase === 'check') {
      expect(e.candidates).toBe(++checks);
    } else {
      const previous = events[i - 1];
      expect(e.candidates).toBe(previous?.phase === e.phase ? previous.candidates + 1 : 1);
    }
  }
}

/** A key signs and node:crypto verifies the signature with the key rebuilt from its export (JWK). */
function expectSignsForNode(psa: ReturnType<typeof createPsa>, id: number): void {
  const message = crypto.randomBytes(48);
  const signature = psa.signMessage(id, alg, message);
  const nodeKey = nodePrivateKeyFromPsa(psa.exportKey(id));
  expect(crypto.verify('sha256', message, crypto.createPublicKey(nodeKey), signature)).toBe(true);
  const nodePublicDer = crypto.createPublicKey(nodeKey).export({ format: 'der', type: 'pkcs1' });
  expect(Buffer.from(psa.exportPublicKey(id))).toEqual(nodePublicDer);
}

describe('RSA key generation progress', () => {
  it('reports prime-p candidates, then prime-q candidates, then the check, in order; the key works', () => {
    const psa = createPsa();
    const events: KeyGenerationProgress[] = [];
    const id = psa.generateKey(attrs(1024), { onProgress: (e) => events.push({ ...e }) });
    expect(phases(events)).toMatch(/^(p+q+c)+$/);
    expectCounting(events);
    expectSignsForNode(psa, id);
  });

  it('reports progress of generateKeyCustom too (custom exponent)', () => {
    const psa = createPsa();
    const events: KeyGenerationProgress[] = [];
    const id = psa.generateKeyCustom(attrs(1024), { flags: 0 }, Uint8Array.of(0x03), { onProgress: (e) => events.push({ ...e }) });
    expect(phases(events)).toMatch(/^(p+q+c)+$/);
    expectCounting(events);
    expectSignsForNode(psa, id);
  });

  it('does not call the callback for fast key types, and an absent callback changes nothing', () => {
    const psa = createPsa();
    let calls = 0;
    psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128 }, { onProgress: () => calls++ });
    expect(calls).toBe(0);
    expectSignsForNode(psa, psa.generateKey(attrs(1024), {}));
  });

  it('a callback that throws a PsaError abandons the generation with that status and leaves no key', () => {
    const psa = createPsa({ keySlotCount: 1, storage: memoryStorage() });
    const persistent = { ...attrs(1024), lifetime: PSA_KEY_LIFETIME_PERSISTENT, id: 0x42 };
    // NOT_SUPPORTED is the status that would pass a driver's call on: it must still be final here.
    expectStatus(() => psa.generateKey(persistent, {
      onProgress: (e) => { if (e.candidates === 2) throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'cancelled'); },
    }), PSA_ERROR_NOT_SUPPORTED);
    expectStatus(() => psa.getKeyAttributes(0x42), PSA_ERROR_INVALID_HANDLE); // Mbed TLS: no such key
    // The one slot is free again: a key fits, and it is not INSUFFICIENT_MEMORY.
    const id = psa.generateKey(attrs(1024));
    expectSignsForNode(psa, id);
    expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128 }), PSA_ERROR_INSUFFICIENT_MEMORY);
  });

  it('a callback that throws anything else is PSA_ERROR_GENERIC_ERROR, also from the check phase', () => {
    const psa = createPsa({ keySlotCount: 1 });
    expectStatus(() => psa.generateKey(attrs(1024), { onProgress: () => { throw new TypeError('boom'); } }), PSA_ERROR_GENERIC_ERROR);
    expectStatus(() => psa.generateKey(attrs(1024), {
      onProgress: (e) => { if (e.phase === 'check') throw 'stop'; },
    }), PSA_ERROR_GENERIC_ERROR);
    expectSignsForNode(psa, psa.generateKey(attrs(1024)));
  });

  it('passes the callback to a driver; a PsaError(NOT_SUPPORTED) from the callback does not fall back to the next driver', () => {
    let seen: unknown;
    const accelerator: TransparentDriver = {
      kind: 'transparent',
      name: 'accelerator',
      generateKey(attributes, random, customData, options) {
        seen = options?.onProgress;
        options?.onProgress?.({ phase: 'prime-p', candidates: 1 });
        throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'accelerator: pass on');
      },
    };
    const psa = createPsa({ drivers: [accelerator, softwareDriver()], keySlotCount: 1 });
    let calls = 0;
    const onProgress = (): void => {
      calls++;
      throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'cancelled by the caller');
    };
    expectStatus(() => psa.generateKey(attrs(1024), { onProgress }), PSA_ERROR_NOT_SUPPORTED);
    expect(typeof seen).toBe('function');
    // Only the accelerator ran: the software driver, which would call back again, was not tried.
    expect(calls).toBe(1);
    // Without a callback the accelerator passes the call on and the software driver generates the key.
    expectSignsForNode(psa, psa.generateKey(attrs(1024)));
  });

  it('drops the key of a driver that swallows the callback\'s exception', () => {
    const swallowing: TransparentDriver = {
      kind: 'transparent',
      name: 'swallowing',
      generateKey(attributes, random, customData, options) {
        try {
          options?.onProgress?.({ phase: 'check', candidates: 1 });
        } catch {
          // A careless driver carries on.
        }
        return softwareDriver().generateKey!(attributes, random, customData);
      },
    };
    const psa = createPsa({ drivers: [swallowing], keySlotCount: 1 });
    expectStatus(() => psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128 }, { onProgress: () => { throw new Error('stop'); } }),
      PSA_ERROR_GENERIC_ERROR);
    psa.generateKey({ type: PSA_KEY_TYPE_AES, bits: 128 }); // the only slot is free
  });

  it('rejects options that are not an object or an onProgress that is not a function', () => {
    const psa = createPsa();
    expectStatus(() => psa.generateKey(attrs(1024), 5 as never), PSA_ERROR_INVALID_ARGUMENT);
    expectStatus(() => psa.generateKey(attrs(1024), { onProgress: 'x' } as never), PSA_ERROR_INVALID_ARGUMENT);
  });
});
