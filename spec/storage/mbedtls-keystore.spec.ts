/**
 * A key directory written by Mbed TLS 3.6.6 (`../shared/test-vectors/mbedtls-keystore/`, see its
 * README): 22 persistent keys in the `psa_its_file` layout and that build's answers to 83
 * operations on them. A copy of the directory is opened with `fileStorage` and every answer is
 * replayed through the C facade: `exact` rows must give Mbed TLS's status and bytes, `verify` rows
 * (randomized signatures) must verify with the key, `decrypt` rows (random IVs) must decrypt back
 * to the input. Opening and using the keys must leave the files byte-identical.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as psa from '../../src/c/index.js';
import { fileStorage } from '../../src/storage/file.js';

const VECTORS = resolve(process.env.PSA_TEST_VECTORS ?? join(import.meta.dirname, '../../../shared/test-vectors'));
const STORE = join(VECTORS, 'mbedtls-keystore');
const present = existsSync(join(STORE, 'c-answers.json'));
if (!present && process.env.CI === 'true') throw new Error(`missing ${STORE} (set PSA_TEST_VECTORS)`);

interface Answer { op: string; c: string; compare: 'exact' | 'verify' | 'decrypt' }

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const bytes = (h: string): Uint8Array => (h === '-' ? new Uint8Array(0) : Uint8Array.from(Buffer.from(h, 'hex')));
const num = (s: string): number => Number(s) >>> 0;
const h8 = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, '0')}`;

/** `status|hex` of a function with a caller-allocated output buffer of `size` bytes. */
function withOutput(size: number, call: (out: Uint8Array, length: { value: number }) => number, prefix = ''): string {
  const out = new Uint8Array(size);
  const length = { value: 0 };
  const status = call(out, length);
  return `${status}|${status === 0 ? prefix + hex(out.subarray(0, length.value)) : ''}`;
}

function getattr(id: number): string {
  const a = psa.psa_key_attributes_init();
  const status = psa.psa_get_key_attributes(id, a);
  if (status !== 0) return `${status}|`;
  return `0|type=0x${psa.psa_get_key_type(a).toString(16).padStart(4, '0')} bits=${psa.psa_get_key_bits(a)} `
    + `usage=${h8(psa.psa_get_key_usage_flags(a))} alg=${h8(psa.psa_get_key_algorithm(a))} `
    + `alg2=${h8(psa.psa_get_key_enrollment_algorithm(a))} lifetime=${h8(psa.psa_get_key_lifetime(a))} `
    + `id=0x${psa.psa_get_key_id(a).toString(16)}`;
}

/** setup, set_iv, one update, finish, as the README's `cipher_enc_iv` line. */
function cipherWithIv(id: number, alg: number, iv: Uint8Array, input: Uint8Array, size: number): string {
  const op = psa.psa_cipher_operation_init();
  let status = psa.psa_cipher_encrypt_setup(op, id, alg);
  if (status === 0) status = psa.psa_cipher_set_iv(op, iv);
  const out = new Uint8Array(size);
  const first = { value: 0 };
  const last = { value: 0 };
  if (status === 0) status = psa.psa_cipher_update(op, input, out, first);
  if (status === 0) status = psa.psa_cipher_finish(op, out.subarray(first.value), last);
  psa.psa_cipher_abort(op);
  return `${status}|${status === 0 ? `stage=3|${hex(out.subarray(0, first.value + last.value))}` : ''}`;
}

/** setup, optional capacity, the steps (`b:`, `k:`, `i:`), output_bytes, as the README's `kdf` line. */
function derive(alg: number, capacity: string, length: number, steps: string[]): string {
  const op = psa.psa_key_derivation_operation_init();
  let status = psa.psa_key_derivation_setup(op, alg);
  if (status === 0 && capacity !== '-') status = psa.psa_key_derivation_set_capacity(op, BigInt(capacity));
  for (const step of steps) {
    if (status !== 0) break;
    const [kind, which, value] = step.split(':') as [string, string, string];
    if (kind === 'b') status = psa.psa_key_derivation_input_bytes(op, num(which), bytes(value));
    else if (kind === 'k') status = psa.psa_key_derivation_input_key(op, num(which), num(value));
    else status = psa.psa_key_derivation_input_integer(op, num(which), BigInt(value));
  }
  const out = new Uint8Array(length);
  if (status === 0) status = psa.psa_key_derivation_output_bytes(op, out);
  psa.psa_key_derivation_abort(op);
  return `${status}|${status === 0 ? `stage=100|${hex(out)}` : ''}`;
}

/** Our answer to one operation line, in the format of `c-answers.json`. */
function run(line: string): string {
  const [op, ...f] = line.split(' ') as [string, ...string[]];
  switch (op) {
    case 'getattr': return getattr(num(f[0]!));
    case 'export': return withOutput(num(f[1]!), (o, l) => psa.psa_export_key(num(f[0]!), o, l));
    case 'export_pub': return withOutput(num(f[1]!), (o, l) => psa.psa_export_public_key(num(f[0]!), o, l));
    case 'aead_enc': return withOutput(num(f[5]!), (o, l) => psa.psa_aead_encrypt(num(f[0]!), num(f[1]!), bytes(f[2]!), bytes(f[3]!), bytes(f[4]!), o, l));
    case 'cipher_enc': return withOutput(num(f[3]!), (o, l) => psa.psa_cipher_encrypt(num(f[0]!), num(f[1]!), bytes(f[2]!), o, l));
    case 'cipher_enc_iv': return cipherWithIv(num(f[0]!), num(f[1]!), bytes(f[2]!), bytes(f[3]!), num(f[4]!));
    case 'mac': return withOutput(num(f[3]!), (o, l) => psa.psa_mac_compute(num(f[0]!), num(f[1]!), bytes(f[2]!), o, l));
    case 'sign_hash': return withOutput(num(f[3]!), (o, l) => psa.psa_sign_hash(num(f[0]!), num(f[1]!), bytes(f[2]!), o, l));
    case 'sign_msg': return withOutput(num(f[3]!), (o, l) => psa.psa_sign_message(num(f[0]!), num(f[1]!), bytes(f[2]!), o, l));
    case 'agree': return withOutput(num(f[3]!), (o, l) => psa.psa_raw_key_agreement(num(f[0]!), num(f[1]!), bytes(f[2]!), o, l));
    case 'kdf': return derive(num(f[0]!), f[1]!, num(f[2]!), f.slice(3));
    default: throw new Error(`unknown operation ${op}`);
  }
}

/** Check a randomized answer of Mbed TLS (and ours) the way the README says. */
function checkRandomized(a: Answer): void {
  const [op, ...f] = a.op.split(' ') as [string, ...string[]];
  const [status, output] = a.c.split('|') as [string, string];
  expect(status, a.op).toBe('0');
  const theirs = bytes(output);
  if (a.compare === 'decrypt') {
    const out = new Uint8Array(theirs.length);
    const length = { value: 0 };
    expect(psa.psa_cipher_decrypt(num(f[0]!), num(f[1]!), theirs, out, length), a.op).toBe(0);
    expect(hex(out.subarray(0, length.value)), a.op).toBe(f[2]);
    return;
  }
  const verify = op === 'sign_hash' ? psa.psa_verify_hash : psa.psa_verify_message;
  expect(verify(num(f[0]!), num(f[1]!), bytes(f[2]!), theirs), `${a.op}: Mbed TLS's signature`).toBe(0);
  const ours = run(a.op).split('|')[1]!;
  expect(verify(num(f[0]!), num(f[1]!), bytes(f[2]!), bytes(ours)), `${a.op}: our signature`).toBe(0);
}

/** Every file of `dir` with its bytes, for the byte-identical check. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((n) => [n, hex(readFileSync(join(dir, n)))]));

describe.skipIf(!present)(`Mbed TLS 3.6.6 key directory${present ? '' : ` (skipped: ${STORE} not found; set PSA_TEST_VECTORS)`}`, () => {
  const answers = present ? (JSON.parse(readFileSync(join(STORE, 'c-answers.json'), 'utf8')) as { answers: Answer[] }).answers : [];
  let dir = '';
  let before: Record<string, string> = {};

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'psa-mbedtls-keystore-'));
    cpSync(join(STORE, 'keys'), dir, { recursive: true });
    before = snapshot(dir);
    expect(psa.psa_crypto_init({ storage: fileStorage(dir) })).toBe(0);
  });

  afterAll(() => {
    psa.mbedtls_psa_crypto_free();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the 22 keys and 83 answers the README describes', () => {
    expect(Object.keys(before).filter((n) => n.endsWith('.psa_its'))).toHaveLength(22);
    expect(answers).toHaveLength(83);
  });

  it('gives Mbed TLS\'s status and bytes for every exact answer', () => {
    const exact = answers.filter((a) => a.compare === 'exact');
    expect(exact.length).toBeGreaterThanOrEqual(70);
    const differing = exact.map((a) => ({ op: a.op, c: a.c, ours: run(a.op) })).filter((r) => r.ours !== r.c);
    expect(differing).toEqual([]);
  });

  it('verifies Mbed TLS\'s randomized signatures and decrypts its random-IV ciphertexts', () => {
    const randomized = answers.filter((a) => a.compare !== 'exact');
    expect(randomized.length).toBeGreaterThan(0);
    for (const a of randomized) checkRandomized(a);
  });

  it('leaves the key files byte-identical', () => {
    expect(snapshot(dir)).toEqual(before);
  });
});
