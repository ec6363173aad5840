/**
 * Wycheproof ECDSA files in IEEE P1363 form (`ecdsa_<curve>_<hash>_p1363_test.json`):
 * the signature is r ‖ s, PSA's own format. Each test imports the group's
 * uncompressed public point as an ECC public key with
 * `PSA_ALG_ECDSA(hash)` and runs `psa_verify_message`.
 *
 * The DER files (`ecdsa_<curve>_<hash>_test.json`): PSA takes r ‖ s, so
 * decoding the DER signature is the application's part. This handler plays
 * it with a strict DER reader (SEQUENCE of two minimally encoded,
 * non-negative INTEGERs, minimal definite lengths, nothing after them, each
 * value at most the curve's byte length) and rejects anything else with
 * INVALID_SIGNATURE; a decoded signature goes to `psa_verify_message`.
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_ALG_ECDSA,
  PSA_ALG_SHA_256,
  PSA_ALG_SHA_384,
  PSA_ALG_SHA_512,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_INVALID_SIGNATURE,
  PSA_KEY_TYPE_ECC_PUBLIC_KEY,
  PSA_KEY_USAGE_VERIFY_MESSAGE,
} from '../../../src/values/index.js';
import { hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

const FAMILIES: ReadonlyMap<string, number> = new Map([
  ['secp256r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp384r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp521r1', PSA_ECC_FAMILY_SECP_R1],
  ['secp256k1', PSA_ECC_FAMILY_SECP_K1],
  ['brainpoolP256r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
  ['brainpoolP384r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
  ['brainpoolP512r1', PSA_ECC_FAMILY_BRAINPOOL_P_R1],
]);

const HASHES: ReadonlyMap<string, number> = new Map([
  ['SHA-256', PSA_ALG_SHA_256],
  ['SHA-384', PSA_ALG_SHA_384],
  ['SHA-512', PSA_ALG_SHA_512],
]);

const FILES = [
  'brainpoolP256r1_sha256', 'brainpoolP384r1_sha384', 'brainpoolP512r1_sha512',
  'secp256k1_sha256', 'secp256k1_sha512', 'secp256r1_sha256', 'secp256r1_sha512',
  'secp384r1_sha384', 'secp384r1_sha512', 'secp521r1_sha512',
].map((name) => `ecdsa_${name}_p1363_test.json`);

const DER_FILES = [
  'brainpoolP256r1_sha256', 'brainpoolP384r1_sha384', 'brainpoolP512r1_sha512',
  'secp256k1_sha256', 'secp256k1_sha512', 'secp256r1_sha256', 'secp256r1_sha512',
  'secp384r1_sha256', 'secp384r1_sha384', 'secp384r1_sha512', 'secp521r1_sha512',
].map((name) => `ecdsa_${name}_test.json`);

let instance: Psa | undefined;

/** A strict DER TLV at `at`: its tag, content bounds and end, or undefined. */
function readTlv(der: Uint8Array, at: number): { tag: number; start: number; end: number } | undefined {
  if (at + 2 > der.length) return undefined;
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 2 || start + n > der.length || der[start] === 0) return undefined;
    length = 0;
    for (let i = 0; i < n; i++) length = (length << 8) | der[start + i]!;
    if (length < 0x80) return undefined;
    start += n;
  }
  const end = start + length;
  return end <= der.length ? { tag, start, end } : undefined;
}

/** A minimally encoded non-negative INTEGER as `size` big-endian bytes, or undefined. */
function integer(der: Uint8Array, t: { tag: number; start: number; end: number }, size: number): Uint8Array | undefined {
  let value = der.subarray(t.start, t.end);
  if (t.tag !== 0x02 || value.length === 0 || (value[0]! & 0x80) !== 0) return undefined;
  if (value.length > 1 && value[0] === 0) {
    if ((value[1]! & 0x80) === 0) return undefined;
    value = value.subarray(1);
  }
  if (value.length > size) return undefined;
  const out = new Uint8Array(size);
  out.set(value, size - value.length);
  return out;
}

/** r ‖ s from a strict DER ECDSA-Sig-Value, or undefined. */
function derToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  const seq = readTlv(der, 0);
  if (!seq || seq.tag !== 0x30 || seq.end !== der.length) return undefined;
  const rt = readTlv(der, seq.start);
  const st = rt && readTlv(der, rt.end);
  if (!rt || !st || st.end !== seq.end) return undefined;
  const r = integer(der, rt, size);
  const s = integer(der, st, size);
  return r && s ? Uint8Array.from([...r, ...s]) : undefined;
}

function run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const key = group['publicKey'] as Record<string, unknown>;
  const family = FAMILIES.get(String(key['curve']));
  const hash = HASHES.get(String(group['sha']));
  if (family === undefined || hash === undefined) return { kind: 'skip', reason: `${String(key['curve'])} / ${String(group['sha'])}` };
  const psa = (instance ??= createPsa());
  const alg = PSA_ALG_ECDSA(hash);
  let id: number;
  try {
    id = psa.importKey({ type: PSA_KEY_TYPE_ECC_PUBLIC_KEY(family), usage: PSA_KEY_USAGE_VERIFY_MESSAGE, alg }, hex(key['uncompressed']));
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  }
  try {
    let signature: Uint8Array | undefined = hex(test['sig']);
    if (!file.endsWith('_p1363_test.json')) {
      signature = derToRaw(signature, Math.ceil(Number(key['keySize']) / 8));
      if (!signature) return { kind: 'rejected', status: PSA_ERROR_INVALID_SIGNATURE };
    }
    psa.verifyMessage(id, alg, hex(test['msg']), signature);
    return { kind: 'accepted' };
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  } finally {
    psa.destroyKey(id);
  }
}

/** ECDSA verification, P1363 (r ‖ s) and DER signatures. */
export const handlers: WycheproofHandler[] = [{ files: [...FILES, ...DER_FILES], run }];
