/**
 * SRP-6 (Oberon PSA Crypto's `PSA_ALG_SRP_6`) through the public API, with
 * Oberon's own test as the known answer: the password hash derived by
 * `PSA_ALG_SRP_PASSWORD_HASH` gives Oberon's verifier, and a client and a
 * server (private values injected through drivers that script the software
 * driver's random draws) end with Oberon's shared key, for SHA-256 and
 * SHA-512, in every order of the salt and key-share steps Oberon's test
 * uses. Then fresh randomness, a wrong password, a tampered server proof,
 * and the step statuses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPsa, softwareDriver, type Psa, type TransparentDriver } from '../../../src/index.js';
import type { PakeOperation } from '../../../src/core/pake/index.js';
import { srpSetup } from '../../../src/drivers/software/pake/srp/exchange.js';
import {
  PSA_ALG_HKDF,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_512,
  PSA_ALG_SRP_6,
  PSA_ALG_SRP_PASSWORD_HASH,
  PSA_DH_FAMILY_RFC3526,
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_ERROR_NOT_PERMITTED,
  PSA_KEY_DERIVATION_INPUT_INFO,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_SRP_KEY_PAIR,
  PSA_KEY_TYPE_SRP_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_KEY_USAGE_EXPORT,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_DH,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_PAKE_STEP_SALT,
} from '../../../src/values/index.js';
import { statusOfCall } from '../../status.js';

interface Vectors {
  user: string;
  password: string;
  salt: string;
  a: string;
  b: string;
  cases: { hash: string; verifier: string; K: string }[];
}
const V = JSON.parse(readFileSync(new URL('../../../test-vectors/srp-oberon.json', import.meta.url), 'utf8')) as Vectors;
const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const HASH: Record<string, number> = { 'SHA-256': PSA_ALG_SHA_256, 'SHA-512': PSA_ALG_SHA_512 };
const GROUP = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_DH_FAMILY_RFC3526, 3072);


/** The software SRP with its one private value scripted. */
function scriptedDriver(secret: Uint8Array): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'scripted-srp',
    pakeSetup(attributes, keyBuffer, inputs) {
      return srpSetup(attributes, keyBuffer, { ...inputs, random: () => Uint8Array.from(secret) });
    },
  };
}

/** Registration on the client: the SRP key pair from the password hash derivation. */
function register(psa: Psa, hashAlg: number, password = V.password): number {
  const pw = psa.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_PASSWORD_HASH(hashAlg) }, text(password));
  const kdf = psa.keyDerivationSetup(PSA_ALG_SRP_PASSWORD_HASH(hashAlg));
  kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text(V.user));
  kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, pw);
  kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, hex(V.salt));
  psa.destroyKey(pw);
  return psa.keyDerivationOutputKey({ type: PSA_KEY_TYPE_SRP_KEY_PAIR(PSA_DH_FAMILY_RFC3526), bits: 3072, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_SRP_6(hashAlg) }, kdf);
}

function endpoint(psa: Psa, key: number, role: number, hashAlg: number): PakeOperation {
  const op = psa.pakeSetup(key, { algorithm: PSA_ALG_SRP_6(hashAlg), primitive: GROUP });
  op.setRole(role);
  op.setUser(text(V.user));
  return op;
}

const SHARED = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) };

/** Oberon's orders of the salt and key-share steps (cases 1 to 6 of its test). */
type Step = 'cs' | 'ss' | 'ck' | 'sk';
const ORDERS: Step[][] = [
  ['cs', 'ss', 'ck', 'sk'],
  ['cs', 'ss', 'sk', 'ck'],
  ['ck', 'cs', 'ss', 'sk'],
  ['ck', 'sk', 'cs', 'ss'],
  ['sk', 'cs', 'ss', 'ck'],
  ['ck', 'sk', 'ss', 'cs'],
];

function run(client: PakeOperation, server: PakeOperation, order: Step[]): void {
  for (const s of order) {
    if (s === 'cs') client.input(PSA_PAKE_STEP_SALT, hex(V.salt));
    if (s === 'ss') server.input(PSA_PAKE_STEP_SALT, hex(V.salt));
    if (s === 'ck') server.input(PSA_PAKE_STEP_KEY_SHARE, client.output(PSA_PAKE_STEP_KEY_SHARE));
    if (s === 'sk') client.input(PSA_PAKE_STEP_KEY_SHARE, server.output(PSA_PAKE_STEP_KEY_SHARE));
  }
  server.input(PSA_PAKE_STEP_CONFIRM, client.output(PSA_PAKE_STEP_CONFIRM));
  client.input(PSA_PAKE_STEP_CONFIRM, server.output(PSA_PAKE_STEP_CONFIRM));
}

describe('SRP-6: Oberon PSA Crypto known answers', () => {
  for (const c of V.cases) {
    const hashAlg = HASH[c.hash]!;
    it(`${c.hash}: the verifier, and the shared key in every step order`, () => {
      for (const order of ORDERS) {
        const psaC = createPsa({ drivers: [scriptedDriver(hex(V.a)), softwareDriver()] });
        const psaS = createPsa({ drivers: [scriptedDriver(hex(V.b)), softwareDriver()] });
        const pair = register(psaC, hashAlg);
        const verifier = psaC.exportPublicKey(pair);
        expect(toHex(verifier)).toBe(c.verifier);
        const pub = psaS.importKey({ type: PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_6(hashAlg) }, verifier);
        const client = endpoint(psaC, pair, PSA_PAKE_ROLE_CLIENT, hashAlg);
        const server = endpoint(psaS, pub, PSA_PAKE_ROLE_SERVER, hashAlg);
        run(client, server, order);
        expect(toHex(psaC.exportKey(psaC.pakeGetSharedKey(client, SHARED)))).toBe(c.K);
        expect(toHex(psaS.exportKey(psaS.pakeGetSharedKey(server, SHARED)))).toBe(c.K);
      }
    });
  }
});

describe('SRP-6 between two instances', () => {
  it('fresh randomness: both sides agree', () => {
    const psaC = createPsa();
    const psaS = createPsa();
    const pair = register(psaC, PSA_ALG_SHA_512);
    const pub = psaS.importKey({ type: PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_6(PSA_ALG_SHA_512) }, psaC.exportPublicKey(pair));
    const client = endpoint(psaC, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_512);
    const server = endpoint(psaS, pub, PSA_PAKE_ROLE_SERVER, PSA_ALG_SHA_512);
    run(client, server, ORDERS[0]!);
    const kC = toHex(psaC.exportKey(psaC.pakeGetSharedKey(client, SHARED)));
    expect(kC).toBe(toHex(psaS.exportKey(psaS.pakeGetSharedKey(server, SHARED))));
    expect(kC.length).toBe(128);
  });

  it('a wrong password fails at the server (INVALID_SIGNATURE on M1)', () => {
    const psaC = createPsa();
    const psaS = createPsa();
    const reference = register(psaS, PSA_ALG_SHA_256);
    const pub = psaS.importKey({ type: PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_6(PSA_ALG_SHA_256) }, psaS.exportPublicKey(reference));
    const client = endpoint(psaC, register(psaC, PSA_ALG_SHA_256, 'not the password'), PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    const server = endpoint(psaS, pub, PSA_PAKE_ROLE_SERVER, PSA_ALG_SHA_256);
    for (const op of [client, server]) op.input(PSA_PAKE_STEP_SALT, hex(V.salt));
    server.input(PSA_PAKE_STEP_KEY_SHARE, client.output(PSA_PAKE_STEP_KEY_SHARE));
    client.input(PSA_PAKE_STEP_KEY_SHARE, server.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => server.input(PSA_PAKE_STEP_CONFIRM, client.output(PSA_PAKE_STEP_CONFIRM)))).toBe(PSA_ERROR_INVALID_SIGNATURE);
    // The failure ended the server's operation.
    expect(statusOfCall(() => server.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
  });

  it('a tampered server proof fails at the client (INVALID_SIGNATURE on M2)', () => {
    const psaC = createPsa();
    const psaS = createPsa();
    const pair = register(psaC, PSA_ALG_SHA_256);
    const pub = psaS.importKey({ type: PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_6(PSA_ALG_SHA_256) }, psaC.exportPublicKey(pair));
    const client = endpoint(psaC, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    const server = endpoint(psaS, pub, PSA_PAKE_ROLE_SERVER, PSA_ALG_SHA_256);
    for (const op of [client, server]) op.input(PSA_PAKE_STEP_SALT, hex(V.salt));
    server.input(PSA_PAKE_STEP_KEY_SHARE, client.output(PSA_PAKE_STEP_KEY_SHARE));
    client.input(PSA_PAKE_STEP_KEY_SHARE, server.output(PSA_PAKE_STEP_KEY_SHARE));
    server.input(PSA_PAKE_STEP_CONFIRM, client.output(PSA_PAKE_STEP_CONFIRM));
    const m2 = server.output(PSA_PAKE_STEP_CONFIRM);
    m2[0]! ^= 1;
    expect(statusOfCall(() => client.input(PSA_PAKE_STEP_CONFIRM, m2))).toBe(PSA_ERROR_INVALID_SIGNATURE);
  });
});

describe('SRP-6 statuses', () => {
  it('roles, keys, steps and the KDF', () => {
    const psa = createPsa();
    const pair = register(psa, PSA_ALG_SHA_256);
    const pub = psa.importKey({ type: PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_SRP_6(PSA_ALG_SHA_256) }, psa.exportPublicKey(pair));
    const suite = { algorithm: PSA_ALG_SRP_6(PSA_ALG_SHA_256), primitive: GROUP };
    expect(statusOfCall(() => psa.pakeSetup(pub, suite).setRole(PSA_PAKE_ROLE_CLIENT))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const noUser = psa.pakeSetup(pair, suite);
    noUser.setRole(PSA_PAKE_ROLE_CLIENT);
    expect(statusOfCall(() => noUser.output(PSA_PAKE_STEP_KEY_SHARE))).toBe(PSA_ERROR_BAD_STATE);
    const early = endpoint(psa, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    expect(statusOfCall(() => early.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    const zero = endpoint(psa, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    expect(statusOfCall(() => zero.input(PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(384)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    const short = endpoint(psa, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    expect(statusOfCall(() => short.input(PSA_PAKE_STEP_KEY_SHARE, new Uint8Array(383).fill(7)))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    // The server sends M2 only after a verified M1, and no side has a key before confirmation.
    const server = endpoint(psa, pub, PSA_PAKE_ROLE_SERVER, PSA_ALG_SHA_256);
    const client = endpoint(psa, pair, PSA_PAKE_ROLE_CLIENT, PSA_ALG_SHA_256);
    for (const op of [client, server]) op.input(PSA_PAKE_STEP_SALT, hex(V.salt));
    server.input(PSA_PAKE_STEP_KEY_SHARE, client.output(PSA_PAKE_STEP_KEY_SHARE));
    client.input(PSA_PAKE_STEP_KEY_SHARE, server.output(PSA_PAKE_STEP_KEY_SHARE));
    expect(statusOfCall(() => psa.pakeGetSharedKey(client, SHARED))).toBe(PSA_ERROR_BAD_STATE);
    expect(statusOfCall(() => server.output(PSA_PAKE_STEP_CONFIRM))).toBe(PSA_ERROR_BAD_STATE);
    const kdf = psa.keyDerivationSetup(PSA_ALG_SRP_PASSWORD_HASH(PSA_ALG_SHA_256));
    kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_INFO, text(V.user));
    kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_PASSWORD, text(V.password));
    kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, hex(V.salt));
    expect(statusOfCall(() => kdf.outputBytes(32))).toBe(PSA_ERROR_NOT_PERMITTED);
  });
});
