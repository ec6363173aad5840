/**
 * Drivers used only by tests: a transparent driver that counts its calls and
 * can be told to answer with a given status, and an opaque driver that keeps
 * key material in its own table and hands the core only a slot number.
 */
import { PsaError } from '../../src/values/error.js';
import { PSA_ERROR_DOES_NOT_EXIST, PSA_ERROR_NOT_SUPPORTED } from '../../src/values/status.js';
import type { DriverKeyAttributes, HashContext, KeyBuffer, OpaqueDriver, TransparentDriver } from '../../src/drivers/driver.js';

/** A transparent driver whose entry points fail with `forced` (when set) and count their calls. */
export interface TestTransparentDriver extends TransparentDriver {
  forced: number | undefined;
  hits: Record<string, number>;
}

export function testTransparentDriver(): TestTransparentDriver {
  const driver: TestTransparentDriver = {
    kind: 'transparent',
    name: 'test-transparent',
    forced: undefined,
    hits: {},
    importKey(_attributes: DriverKeyAttributes, data: Uint8Array): KeyBuffer {
      hit('importKey');
      return { keyBuffer: data.slice(), bits: data.length * 8 };
    },
    hashSetup(alg: number): HashContext {
      hit('hashSetup');
      throw new PsaError(PSA_ERROR_NOT_SUPPORTED, `test driver has no hash 0x${alg.toString(16)}`);
    },
  };
  function hit(name: string): void {
    driver.hits[name] = (driver.hits[name] ?? 0) + 1;
    if (driver.forced !== undefined) throw new PsaError(driver.forced, `forced by the test driver`);
  }
  return driver;
}

/** An opaque driver at `location`: material stays in `secrets`; the core stores a 4-byte slot number. */
export interface TestOpaqueDriver extends OpaqueDriver {
  readonly secrets: Map<number, Uint8Array>;
  exportable: boolean;
}

export function testOpaqueDriver(location: number): TestOpaqueDriver {
  const secrets = new Map<number, Uint8Array>();
  let next = 1;
  const handle = (n: number): Uint8Array => new Uint8Array(new Uint32Array([n]).buffer);
  const slotOf = (buffer: Uint8Array): number => new Uint32Array(buffer.slice().buffer)[0]!;
  const driver: TestOpaqueDriver = {
    kind: 'opaque',
    name: 'test-opaque',
    location,
    secrets,
    exportable: false,
    importKey(_attributes, data) {
      const n = next++;
      secrets.set(n, data.slice());
      return { keyBuffer: handle(n), bits: data.length * 8 };
    },
    generateKey(attributes, random) {
      const n = next++;
      secrets.set(n, random(attributes.bits / 8));
      return { keyBuffer: handle(n), bits: attributes.bits };
    },
    exportKey(_attributes, keyBuffer) {
      if (!driver.exportable) throw new PsaError(PSA_ERROR_NOT_SUPPORTED, 'material never leaves this driver');
      const secret = secrets.get(slotOf(keyBuffer));
      if (!secret) throw new PsaError(PSA_ERROR_DOES_NOT_EXIST, 'no such slot');
      return secret.slice();
    },
    copyKey(_attributes, keyBuffer) {
      const secret = secrets.get(slotOf(keyBuffer))!;
      const n = next++;
      secrets.set(n, secret.slice());
      return { keyBuffer: handle(n), bits: secret.length * 8 };
    },
    destroyKey(_attributes, keyBuffer) {
      secrets.delete(slotOf(keyBuffer));
    },
    getBuiltinKey(keyId) {
      if (keyId !== 0x7fff0001) return undefined;
      return {
        attributes: { type: 0x2400, bits: 128, lifetime: (location << 8) | 0xff, usage: 0x0100, alg: 0x04404400, alg2: 0 },
        keyBuffer: handle(0),
        bits: 128,
      };
    },
  };
  secrets.set(0, new Uint8Array(16).fill(0x42));
  return driver;
}
