/**
 * Asymmetric key families of the software driver: each family module
 * (`ecc/keys.ts`, `rsa/keys.ts`, `dh/keys.ts`) exports a `KeyFamily` that
 * validates and canonicalises imports, generates key pairs and derives the
 * public key. The driver's key-management entry points pick the family by
 * key type; a type no family claims is NOT_SUPPORTED. The `KeyFamily`
 * interface itself is in `key-family.ts`, which the family modules import.
 * @module
 */
import type { KeyFamily } from './key-family.js';
import { dhKeys } from './dh/keys.js';
import { eccKeys } from './ecc/keys.js';
import { rsaKeys } from './rsa/keys.js';
import { spake2pKeys } from './pake/spake2p/keys.js';
import { wpa3SaeKeys } from './pake/wpa3-sae/keys.js';
import { srpKeys } from './pake/srp/keys.js';

const FAMILIES: readonly (KeyFamily | undefined)[] = [eccKeys, rsaKeys, dhKeys, spake2pKeys, wpa3SaeKeys, srpKeys];

/** The family that handles `type`, if any. */
export function keyFamilyOf(type: number): KeyFamily | undefined {
  return FAMILIES.find((f) => f?.handles(type));
}
