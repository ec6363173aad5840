/**
 * EC J-PAKE through the public API.
 * - Known answers: the reference handshake of Mbed TLS's `ecjpake.c`
 *   self-test. A client (private keys x1, x2 injected through a driver that
 *   scripts the software driver's random draws) sends the reference key
 *   shares, accepts the reference server's round-one and round-two messages
 *   (their Schnorr proofs verify under this package's proof hash), and ends
 *   with the reference shared point; `PSA_ALG_TLS12_ECJPAKE_TO_PMS` then
 *   gives the reference premaster secret. The same from the server's side.
 * - Two `Psa` instances run the exchange in both orders and agree.
 * - Tampered messages and a wrong identity give Mbed TLS's statuses.
 */
import { readFileSync } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { createPsa, softwareDriver, type Psa, type TransparentDriver } from '../../../src/index.js';
import { jpakeSetup } from '../../../src/drivers/software/pake/jpake/exchange.js';
import type { PakeOperation } from '../../../src/core/pake/index.js';
import {
  PSA_ALG_JPAKE,
  PSA_ALG_SHA_256,
  PSA_ALG_TLS12_ECJPAKE_TO_PMS,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_DATA_INVALID,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_SUPPORTED,
  PSA_KEY_DERIVATION_INPUT_SECRET,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_ZK_PROOF,
  PSA_PAKE_STEP_ZK_PUBLIC,
} from '../../../src/values/index.js';
import { statusOfCall } from '../../status.js';

interface SelfTest {
  password: string;
  x1: string;
  x2: string;
  x3: string;
  x4: string;
  cli_one: string;
  srv_one: string;
  srv_two: string;
  cli_two: string;
  shared_key: string;
  pms: string;
}
const v = JSON.parse(readFileSync(new URL('../../../test-vectors/ecjpake-mbedtls-selftest.json', import.meta.url), 'utf8')) as SelfTest;
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const ALG = PSA_ALG_JPAKE(PSA_ALG_SHA_256);
const SUITE = { algorithm: ALG, primitive: PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256) };
const STEPS = [PSA_PAKE_STEP_KEY_SHARE, PSA_PAKE_STEP_ZK_PUBLIC, PSA_PAKE_STEP_ZK_PROOF];
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Split a TLS ECJPAKE message (each item: 1-byte length, then the item) into its PSA parts, skipping `skip` leading bytes. */
function tlsParts(message: Uint8Array, skip = 0): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let i = skip;
  while (i < message.length) {
    const n = message[i]!;
    parts.push(message.subarray(i + 1, i + 1 + n));
    i += 1 + n;
  }
  return parts;
}

/** A driver running the software J-PAKE with scripted draws: the given scalars in order, then a fixed nonce. */
function scriptedDriver(scalars: Uint8Array[]): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'scripted-jpake',
    pakeSetup(attributes, keyBuffer, inputs) {
      const queue = [...scalars];
      return jpakeSetup(attributes, keyBuffer, {
        ...inputs,
        random: (length) => {
          if (length !== 32) throw new Error(`unexpected draw of ${length} bytes`);
          return Uint8Array.from(queue.shift() ?? new Uint8Array(32).fill(0x5a));
        },
      });
    },
  };
}

function setup(psa: Psa, password: Uint8Array, me: string, peer: string): PakeOperation {
  const key = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: ALG }, password);
  const op = psa.pakeSetup(key, SUITE);
  op.setUser(text(me));
  op.setPeer(text(peer));
  psa.destroyKey(key);
  return op;
}

/** TLS 1.2 premaster secret from a finished exchange, through the shared key and PSA_ALG_TLS12_ECJPAKE_TO_PMS. */
function premaster(psa: Psa, op: PakeOperation): Uint8Array {
  const shared = psa.pakeGetSharedKey(op, { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_TLS12_ECJPAKE_TO_PMS });
  const point = psa.exportKey(shared);
  const kdf = psa.keyDerivationSetup(PSA_ALG_TLS12_ECJPAKE_TO_PMS);
  kdf.inputKey(PSA_KEY_DERIVATION_INPUT_SECRET, shared);
  const pms = kdf.outputBytes(32);
  kdf.abort();
  expect(point.length).toBe(65);
  return pms;
}


function outputs(op: PakeOperation, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => op.output(STEPS[i % 3]!));
}

function inputs(op: PakeOperation, parts: readonly Uint8Array[]): void {
  parts.forEach((part, i) => op.input(STEPS[i % 3]!, part));
}

describe('EC J-PAKE: the Mbed TLS reference handshake', () => {
  it('as the client: our key shares are the reference ones, the server messages verify, K and the PMS match', () => {
    const psa = createPsa({ drivers: [scriptedDriver([hex(v.x1), new Uint8Array(32).fill(0x11), hex(v.x2)]), softwareDriver()] });
    const client = setup(psa, hex(v.password), 'client', 'server');
    const ours = outputs(client, 6);
    const reference = tlsParts(hex(v.cli_one));
    expect(toHex(ours[0]!)).toBe(toHex(reference[0]!));
    expect(toHex(ours[3]!)).toBe(toHex(reference[3]!));
    inputs(client, tlsParts(hex(v.srv_one)));
    outputs(client, 3);
    inputs(client, tlsParts(hex(v.srv_two), 3));
    expect(toHex(premaster(psa, client))).toBe(v.pms);
  });

  it('as the server: inputs first, then outputs; the shared point is the reference K', () => {
    const psa = createPsa({ drivers: [scriptedDriver([hex(v.x3), new Uint8Array(32).fill(0x22), hex(v.x4)]), softwareDriver()] });
    const server = setup(psa, hex(v.password), 'server', 'client');
    inputs(server, tlsParts(hex(v.cli_one)));
    const ours = outputs(server, 6);
    const reference = tlsParts(hex(v.srv_one));
    expect(toHex(ours[0]!)).toBe(toHex(reference[0]!));
    expect(toHex(ours[3]!)).toBe(toHex(reference[3]!));
    inputs(server, tlsParts(hex(v.cli_two)));
    outputs(server, 3);
    const shared = psa.pakeGetSharedKey(server, { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_EXPORT, alg: 0 });
    const K = psa.exportKey(shared);
    expect(toHex(K)).toBe(v.shared_key);
    expect(toHex(sha256(K.subarray(1, 33)))).toBe(v.pms);
  });

  it('a tampered reference message gives Mbed TLS statuses at the round\'s last proof', () => {
    const cases: Array<[number, number]> = [[0, PSA_ERROR_DATA_INVALID], [1, PSA_ERROR_INVALID_SIGNATURE], [2, PSA_ERROR_INVALID_SIGNATURE],
      [3, PSA_ERROR_DATA_INVALID], [4, PSA_ERROR_INVALID_SIGNATURE], [5, PSA_ERROR_INVALID_SIGNATURE]];
    for (const [index, expected] of cases) {
      const psa = createPsa();
      const client = setup(psa, hex(v.password), 'client', 'server');
      const parts = tlsParts(Uint8Array.from(hex(v.srv_one)));
      parts[index]![7]! ^= 1;
      const statuses = parts.map((part, i) => statusOfCall(() => client.input(STEPS[i % 3]!, part)));
      expect(statuses.slice(0, 5), `part ${index}`).toEqual([0, 0, 0, 0, 0]);
      expect(statuses[5], `part ${index}`).toBe(expected);
      expect(client.active).toBe(false);
    }
  });

  it('proofs made by the client identity do not verify as the server\'s (wrong peer identity)', () => {
    const psa = createPsa();
    const client = setup(psa, hex(v.password), 'client', 'server');
    const parts = tlsParts(hex(v.cli_one));
    expect(statusOfCall(() => inputs(client, parts))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });
});

describe('EC J-PAKE between two instances', () => {
  for (const clientInputFirst of [false, true]) {
    it(`agrees on the premaster secret (client ${clientInputFirst ? 'inputs' : 'outputs'} first)`, () => {
      const a = createPsa();
      const b = createPsa();
      const server = setup(a, text('abcdef'), 'server', 'client');
      const client = setup(b, text('abcdef'), 'client', 'server');
      for (const round of [6, 3]) {
        const fromServer = outputs(server, round);
        let fromClient: Uint8Array[] = [];
        if (!clientInputFirst) fromClient = outputs(client, round);
        inputs(client, fromServer);
        if (clientInputFirst) fromClient = outputs(client, round);
        inputs(server, fromClient);
      }
      expect(toHex(premaster(a, server))).toBe(toHex(premaster(b, client)));
    });
  }

  it('different passwords give different secrets (J-PAKE has no key confirmation)', () => {
    const a = createPsa();
    const b = createPsa();
    const server = setup(a, text('abcdef'), 'server', 'client');
    const client = setup(b, text('abcdeg'), 'client', 'server');
    for (const round of [6, 3]) {
      inputs(client, outputs(server, round));
      inputs(server, outputs(client, round));
    }
    expect(toHex(premaster(a, server))).not.toBe(toHex(premaster(b, client)));
  });

  it('statuses: identities other than client/server are NOT_SUPPORTED; steps out of order BAD_STATE; the key only after round two', () => {
    const psa = createPsa();
    expect(statusOfCall(() => setup(psa, text('pw'), 'alice', 'bob').output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_NOT_SUPPORTED);
    const op = setup(psa, text('pw'), 'client', 'server');
    op.output(PSA_PAKE_STEP_KEY_SHARE);
    expect(statusOfCall(() => op.output(PSA_PAKE_STEP_ZK_PROOF))).toBe(PSA_ERROR_BAD_STATE);
    const early = setup(psa, text('pw'), 'client', 'server');
    outputs(early, 6);
    expect(statusOfCall(() => psa.pakeGetSharedKey(early, { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE, alg: 0 }))).toBe(PSA_ERROR_BAD_STATE);
  });
});
