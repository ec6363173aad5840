/**
 * Shared by the WPA3-SAE specs: a driver that scripts the software driver's
 * scalar draws, and one STA's side of a known-answer exchange.
 */
import { expect } from 'vitest';
import type { Psa, TransparentDriver } from '../../../src/index.js';
import type { PakeOperation } from '../../../src/core/pake/index.js';
import { wpa3SaeSetup } from '../../../src/drivers/software/pake/wpa3-sae/exchange.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_INPUT_SIZE,
  PSA_PAKE_OUTPUT_SIZE,
  PSA_PAKE_STEP_COMMIT,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_CONFIRM_COUNT,
  PSA_PAKE_STEP_KEY_ID,
} from '../../../src/values/index.js';

export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Attributes of the shared key (the PMK) as the specs read it back. */
export const SHARED = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) };

/**
 * The software WPA3-SAE with scripted scalar draws (in order: rand, then
 * mask), each left-padded with zeros to the size asked for; once the script
 * is spent, a fixed filler.
 */
export function scriptedDriver(draws: Uint8Array[]): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'scripted-sae',
    pakeSetup(attributes, keyBuffer, inputs) {
      const queue = [...draws];
      const random = (n: number): Uint8Array => {
        const next = queue.shift();
        if (!next) return new Uint8Array(n).fill(0x33);
        const out = new Uint8Array(n);
        out.set(next, n - next.length);
        return out;
      };
      return wpa3SaeSetup(attributes, keyBuffer, { ...inputs, random });
    },
  };
}

/** One STA's view of a known exchange: what it sends and what it receives (hex). */
export interface StaSide {
  commit: string;
  confirm: string;
  peerCommit: string;
  peerConfirm: string;
}

/**
 * Drive `op` (set up with user and peer) through commit, send-confirm 1,
 * confirm and the keys, checking the step sizes, our commit and confirm,
 * the PMKID and the PMK against the known values.
 */
export function checkSta(psa: Psa, op: PakeOperation, alg: number, primitive: number, s: StaSide, pmkid: string, pmk: string): void {
  expect(PSA_PAKE_OUTPUT_SIZE(alg, primitive, PSA_PAKE_STEP_COMMIT)).toBe(s.commit.length / 2);
  expect(PSA_PAKE_INPUT_SIZE(alg, primitive, PSA_PAKE_STEP_COMMIT)).toBe(s.peerCommit.length / 2);
  expect(PSA_PAKE_OUTPUT_SIZE(alg, primitive, PSA_PAKE_STEP_CONFIRM)).toBe(s.confirm.length / 2);
  expect(PSA_PAKE_INPUT_SIZE(alg, primitive, PSA_PAKE_STEP_CONFIRM)).toBe(s.peerConfirm.length / 2);
  expect(toHex(op.output(PSA_PAKE_STEP_COMMIT))).toBe(s.commit);
  op.input(PSA_PAKE_STEP_COMMIT, hex(s.peerCommit));
  op.input(PSA_PAKE_STEP_CONFIRM_COUNT, Uint8Array.of(1, 0));
  expect(toHex(op.output(PSA_PAKE_STEP_CONFIRM))).toBe(s.confirm);
  op.input(PSA_PAKE_STEP_CONFIRM, hex(s.peerConfirm));
  expect(toHex(op.output(PSA_PAKE_STEP_KEY_ID))).toBe(pmkid);
  expect(toHex(psa.exportKey(psa.pakeGetSharedKey(op, SHARED)))).toBe(pmk);
}
