/**
 * Wycheproof ECDH files: `ecdh_<curve>_ecpoint_test.json` (the peer key is
 * a raw SEC 1 point, passed to PSA as is), `ecdh_<curve>_test.json` (the
 * peer key is a DER SubjectPublicKeyInfo) and `x25519_test.json` /
 * `x448_test.json` (RFC 7748 strings). Each test imports the private key as
 * an ECC key pair with `PSA_ALG_ECDH` and runs `psa_raw_key_agreement`.
 *
 * PSA takes public keys as raw points, not SPKI, so for the SPKI files this
 * handler plays the application's part: it accepts exactly the canonical DER
 * of a named-curve `id-ecPublicKey` key of the file's curve with an
 * uncompressed point, and passes the point to PSA. Any other encoding
 * (explicit curve parameters, another curve, compressed points, non-DER
 * lengths, extra data) is rejected here with INVALID_ARGUMENT: those tests
 * are about the SPKI parser, and their verdicts are `invalid` or `acceptable`.
 * On Montgomery curves an all-zero shared secret is rejected, as the PSA
 * specification requires (Wycheproof rates those tests `acceptable`).
 */
import { createPsa } from '../../../src/create.js';
import type { Psa } from '../../../src/core/psa.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_ALG_ECDH,
  PSA_ECC_FAMILY_BRAINPOOL_P_R1,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ECC_FAMILY_SECP_K1,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_KEY_USAGE_DERIVE,
} from '../../../src/values/index.js';
import { equalBytes, hex, type Outcome, type WycheproofGroup, type WycheproofHandler, type WycheproofTest } from '../framework.js';

/** A curve as the files name it: PSA family, bits, and the DER of its named-curve OID. */
interface Curve {
  readonly family: number;
  readonly bits: number;
  readonly oid?: string;
}

const CURVES: ReadonlyMap<string, Curve> = new Map([
  ['secp256r1', { family: PSA_ECC_FAMILY_SECP_R1, bits: 256, oid: '06082a8648ce3d030107' }],
  ['secp384r1', { family: PSA_ECC_FAMILY_SECP_R1, bits: 384, oid: '06052b81040022' }],
  ['secp521r1', { family: PSA_ECC_FAMILY_SECP_R1, bits: 521, oid: '06052b81040023' }],
  ['secp256k1', { family: PSA_ECC_FAMILY_SECP_K1, bits: 256, oid: '06052b8104000a' }],
  ['brainpoolP256r1', { family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 256, oid: '06092b2403030208010107' }],
  ['brainpoolP384r1', { family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 384, oid: '06092b240303020801010b' }],
  ['brainpoolP512r1', { family: PSA_ECC_FAMILY_BRAINPOOL_P_R1, bits: 512, oid: '06092b240303020801010d' }],
  ['curve25519', { family: PSA_ECC_FAMILY_MONTGOMERY, bits: 255 }],
  ['curve448', { family: PSA_ECC_FAMILY_MONTGOMERY, bits: 448 }],
]);

/** DER of id-ecPublicKey (1.2.840.10045.2.1). */
const EC_PUBLIC_KEY_OID = '06072a8648ce3d0201';

const SPKI_FILES = ['secp256r1', 'secp384r1', 'secp521r1', 'secp256k1', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1']
  .map((c) => `ecdh_${c}_test.json`);
const ECPOINT_FILES = ['secp256r1', 'secp384r1', 'secp521r1'].map((c) => `ecdh_${c}_ecpoint_test.json`);
const XDH_FILES = ['x25519_test.json', 'x448_test.json'];

/** A DER TLV with a definite, minimal length. */
function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Uint8Array.from([tag, ...length, ...content]);
}

/** The raw point inside a canonical named-curve SPKI of `curve`, or undefined. */
function pointFromSpki(curve: Curve, spki: Uint8Array): Uint8Array | undefined {
  const pointLength = 2 * Math.ceil(curve.bits / 8) + 1;
  if (spki.length < pointLength) return undefined;
  const point = spki.subarray(spki.length - pointLength);
  const algorithm = tlv(0x30, Uint8Array.from([...hex(EC_PUBLIC_KEY_OID), ...hex(curve.oid)]));
  const bitString = tlv(0x03, Uint8Array.from([0x00, ...point]));
  const expected = tlv(0x30, Uint8Array.from([...algorithm, ...bitString]));
  return equalBytes(expected, spki) ? point : undefined;
}

/** A private scalar as `bytes` big-endian bytes (Wycheproof may add a leading zero or drop leading zeros). */
function scalarBytes(value: Uint8Array, bytes: number): Uint8Array {
  let start = 0;
  while (start < value.length - bytes && value[start] === 0) start++;
  const trimmed = value.subarray(start);
  if (trimmed.length > bytes) return trimmed;
  const out = new Uint8Array(bytes);
  out.set(trimmed, bytes - trimmed.length);
  return out;
}

let instance: Psa | undefined;

function agree(curve: Curve, privateKey: Uint8Array, peer: Uint8Array, shared: Uint8Array): Outcome {
  const psa = (instance ??= createPsa());
  const id = psa.importKey({ type: PSA_KEY_TYPE_ECC_KEY_PAIR(curve.family), usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_ECDH }, privateKey);
  try {
    const secret = psa.rawKeyAgreement(PSA_ALG_ECDH, id, peer);
    if (!equalBytes(secret, shared)) return { kind: 'wrong-output', detail: `shared secret ${Buffer.from(secret).toString('hex')}` };
    return { kind: 'accepted' };
  } catch (err) {
    if (err instanceof PsaError) return { kind: 'rejected', status: err.status };
    throw err;
  } finally {
    psa.destroyKey(id);
  }
}

function run(group: WycheproofGroup, test: WycheproofTest, file: string): Outcome {
  const curve = CURVES.get(String(group['curve']));
  if (!curve) return { kind: 'skip', reason: `curve ${String(group['curve'])} is not supported` };
  const shared = hex(test['shared']);
  const publicKey = hex(test['public']);
  if (curve.family === PSA_ECC_FAMILY_MONTGOMERY) return agree(curve, hex(test['private']), publicKey, shared);
  const privateKey = scalarBytes(hex(test['private']), Math.ceil(curve.bits / 8));
  if (file.endsWith('_ecpoint_test.json')) return agree(curve, privateKey, publicKey, shared);
  const point = pointFromSpki(curve, publicKey);
  if (!point) return { kind: 'rejected', status: PSA_ERROR_INVALID_ARGUMENT };
  return agree(curve, privateKey, point, shared);
}

/** ECDH over SPKI and raw points, X25519, X448. */
export const handlers: WycheproofHandler[] = [{ files: [...SPKI_FILES, ...ECPOINT_FILES, ...XDH_FILES], run }];
