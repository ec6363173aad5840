/**
 * A tour of the key life cycle through the TypeScript face:
 * generate a persistent key, "restart" (a new instance on the same key
 * directory), find the key again, use it, and destroy it; then two
 * instances agree on a session key with SPAKE2+ (Matter-style commissioning);
 * last, a key provisioned into a (toy) secure element is attached and signs
 * while its private half stays inside.
 *
 * Run with `npm start`. Keys are written in the Mbed TLS ITS file layout to
 * a fresh temporary directory (or to the directory given as argument).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPsa,
  describe,
  fileStorage,
  PsaError,
  PSA_ALG_SHA_256,
  PSA_KEY_LIFETIME_PERSISTENT,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_HMAC,
  PSA_KEY_USAGE_EXPORT,
  PSA_KEY_USAGE_SIGN_HASH,
  PSA_ALG_HMAC,
  PSA_KEY_USAGE_COPY,
  PSA_ALG_PBKDF2_HMAC,
  PSA_ALG_SPAKE2P_HMAC,
  PSA_ALG_HKDF,
  PSA_ECC_FAMILY_SECP_R1,
  PSA_KEY_DERIVATION_INPUT_COST,
  PSA_KEY_DERIVATION_INPUT_PASSWORD,
  PSA_KEY_DERIVATION_INPUT_SALT,
  PSA_KEY_TYPE_DERIVE,
  PSA_KEY_TYPE_PASSWORD,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR,
  PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY,
  PSA_KEY_USAGE_DERIVE,
  PSA_PAKE_PRIMITIVE,
  PSA_PAKE_PRIMITIVE_TYPE_ECC,
  PSA_PAKE_ROLE_CLIENT,
  PSA_PAKE_ROLE_SERVER,
  PSA_PAKE_STEP_CONFIRM,
  PSA_PAKE_STEP_KEY_SHARE,
  PSA_ALG_ECDSA,
  PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION,
  PSA_KEY_PERSISTENCE_VOLATILE,
  softwareDriver,
} from '../src/index.js';
import { SECURE_ELEMENT_LOCATION, secureElement } from './secure-element.js';
import { verify as nodeVerify, createPublicKey } from 'node:crypto';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'psa-keys-'));
const say = (s: string): void => console.log(s);

say(`Key directory: ${dir}\n`);

// 1. A device boots and provisions a persistent key with id 0x100.
let psa = createPsa({ storage: fileStorage(dir) });
const id = psa.generateKey({
  type: PSA_KEY_TYPE_HMAC,
  bits: 256,
  usage: PSA_KEY_USAGE_SIGN_HASH | PSA_KEY_USAGE_EXPORT,
  alg: PSA_ALG_HMAC(PSA_ALG_SHA_256),
  lifetime: PSA_KEY_LIFETIME_PERSISTENT,
  id: 0x100,
});
const attrs = psa.getKeyAttributes(id);
say(`1. generated key 0x${id.toString(16)}: ${describe(attrs.type, 'keyType')}, ${attrs.bits} bits`);
say(`   usage  ${describe(attrs.usage, 'usage')}  (SIGN_HASH implies SIGN_MESSAGE)`);
say(`   policy ${describe(attrs.alg, 'alg')}`);
const file = readdirSync(dir).find((f) => f.endsWith('.psa_its'))!;
const bytes = readFileSync(join(dir, file));
say(`   stored as ${file}: ${bytes.length} bytes, header ${hex(bytes.subarray(0, 8))} ("PSA\\0ITS\\0") + key record ${hex(bytes.subarray(16, 24))} ("PSA\\0KEY\\0")`);
const material = psa.exportKey(id);

// 2. Power cycle: the instance is gone, the key directory stays.
psa.close();
psa = createPsa({ storage: fileStorage(dir) });
const again = psa.exportKey(0x100);
say(`\n2. after restart, key 0x100 loads from storage: material ${hex(again) === hex(material) ? 'identical' : 'DIFFERENT'}`);

// 3. Hash something, and show that policies are enforced.
const digest = psa.hashCompute(PSA_ALG_SHA_256, new TextEncoder().encode('abc'));
say(`\n3. SHA-256("abc") = ${hex(digest)}`);
try {
  psa.copyKey(0x100, { usage: PSA_KEY_USAGE_EXPORT });
} catch (err) {
  if (!(err instanceof PsaError)) throw err;
  say(`   copy without PSA_KEY_USAGE_COPY is refused: ${err.code}`);
}
const volatileId = psa.importKey({ type: PSA_KEY_TYPE_AES, usage: PSA_KEY_USAGE_COPY }, psa.generateRandom(16));
say(`   a volatile AES key got id 0x${volatileId.toString(16)} (volatile range), bits = ${psa.getKeyAttributes(volatileId).bits}`);
try {
  psa.exportKey(volatileId);
} catch (err) {
  if (!(err instanceof PsaError)) throw err;
  say(`   exporting it without PSA_KEY_USAGE_EXPORT: ${err.code}`);
}

// 4. Destroy: the storage entry goes too.
psa.destroyKey(0x100);
psa.destroyKey(volatileId);
say(`\n4. destroyed; files left in the key directory: ${readdirSync(dir).filter((f) => f.endsWith('.psa_its')).length}`);
try {
  psa.exportKey(0x100);
} catch (err) {
  if (!(err instanceof PsaError)) throw err;
  say(`   using key 0x100 now: ${err.code}`);
}
psa.close();

// 5. SPAKE2+: a commissioner (prover) that knows a passcode and a device (verifier)
//    that holds only w0 ‖ L agree on a session key; neither sees the other's secret.
const spake = PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256);
const suite = { algorithm: spake, primitive: PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256) };
const register = (p: typeof psa): number => {
  const passcode = p.importKey({ type: PSA_KEY_TYPE_PASSWORD, usage: PSA_KEY_USAGE_DERIVE, alg: PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256) },
    new TextEncoder().encode('20202021'));
  const kdf = p.keyDerivationSetup(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256));
  kdf.inputInteger(PSA_KEY_DERIVATION_INPUT_COST, 1000);
  kdf.inputBytes(PSA_KEY_DERIVATION_INPUT_SALT, new TextEncoder().encode('SPAKE2P Key Salt'));
  kdf.inputKey(PSA_KEY_DERIVATION_INPUT_PASSWORD, passcode);
  const pair = p.keyDerivationOutputKey({ type: PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), bits: 256, usage: PSA_KEY_USAGE_DERIVE, alg: spake }, kdf);
  kdf.abort();
  p.destroyKey(passcode);
  return pair;
};
const commissioner = createPsa();
const device = createPsa();
const proverKey = register(commissioner);
// At manufacture, only the verifier value w0 ‖ L goes into the device.
const verifierValue = commissioner.exportPublicKey(proverKey);
const verifierKey = device.importKey({ type: PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1), usage: PSA_KEY_USAGE_DERIVE, alg: spake }, verifierValue);
const prover = commissioner.pakeSetup(proverKey, suite);
prover.setRole(PSA_PAKE_ROLE_CLIENT);
const verifier = device.pakeSetup(verifierKey, suite);
verifier.setRole(PSA_PAKE_ROLE_SERVER);
const shareP = prover.output(PSA_PAKE_STEP_KEY_SHARE);
verifier.input(PSA_PAKE_STEP_KEY_SHARE, shareP);
const shareV = verifier.output(PSA_PAKE_STEP_KEY_SHARE);
const confirmV = verifier.output(PSA_PAKE_STEP_CONFIRM);
prover.input(PSA_PAKE_STEP_KEY_SHARE, shareV);
prover.input(PSA_PAKE_STEP_CONFIRM, confirmV);
verifier.input(PSA_PAKE_STEP_CONFIRM, prover.output(PSA_PAKE_STEP_CONFIRM));
const session = { type: PSA_KEY_TYPE_DERIVE, usage: PSA_KEY_USAGE_DERIVE | PSA_KEY_USAGE_EXPORT, alg: PSA_ALG_HKDF(PSA_ALG_SHA_256) };
const kP = commissioner.exportKey(commissioner.pakeGetSharedKey(prover, session));
const kV = device.exportKey(device.pakeGetSharedKey(verifier, session));
say(`\n5. SPAKE2+ (P-256, HMAC-SHA-256): shares of ${shareP.length} and ${shareV.length} bytes, confirmations checked`);
say(`   the device stored ${verifierValue.length} bytes (w0 ‖ L), never the passcode`);
say(`   session keys ${hex(kP) === hex(kV) ? 'agree' : 'DIFFER'}: ${hex(kP).slice(0, 16)}…`);
commissioner.close();
device.close();

// 6. A key written into a secure element at manufacturing: psa_attach_key gives it an id
//    and a policy; it signs (a TLS client's CertificateVerify, say) and never leaves.
const board = createPsa({ drivers: [secureElement(), softwareDriver()] });
const identityKey = board.attachKey({
  lifetime: PSA_KEY_LIFETIME_FROM_PERSISTENCE_AND_LOCATION(PSA_KEY_PERSISTENCE_VOLATILE, SECURE_ELEMENT_LOCATION),
  usage: PSA_KEY_USAGE_SIGN_HASH,
  alg: PSA_ALG_ECDSA(PSA_ALG_SHA_256),
}, new TextEncoder().encode('device-identity'));
const transcript = new TextEncoder().encode('TLS 1.3, client CertificateVerify');
const signature = board.signMessage(identityKey, PSA_ALG_ECDSA(PSA_ALG_SHA_256), transcript);
const point = board.exportPublicKey(identityKey);
const jwk = { kty: 'EC', crv: 'P-256', x: Buffer.from(point.subarray(1, 33)).toString('base64url'), y: Buffer.from(point.subarray(33)).toString('base64url') };
const verified = nodeVerify('sha256', transcript, { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, signature);
say(`\n6. attached key 0x${identityKey.toString(16)} from the secure element: ${describe(board.getKeyAttributes(identityKey).type, 'keyType')}`);
say(`   ECDSA signature of ${signature.length} bytes; node:crypto verifies it with the exported public key: ${verified}`);
try {
  board.exportKey(identityKey);
} catch (err) {
  if (!(err instanceof PsaError)) throw err;
  say(`   exporting the private key: ${err.code}`);
}
board.close();
