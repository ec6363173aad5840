/**
 * Key management in C shape: `psa_import_key`, `psa_attach_key`, `psa_generate_key(_custom)`,
 * `psa_copy_key`, `psa_destroy_key`, `psa_purge_key`, `psa_export_key`,
 * `psa_export_public_key`, `psa_check_key_usage`. Output buffers are the
 * caller's: too small gives `PSA_ERROR_BUFFER_TOO_SMALL` where Mbed TLS
 * gives it, and the written length is 0 on every failure.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_BUFFER_TOO_SMALL } from '../values/status.js';
import { checkBytes } from '../core/validate.js';
import type { psa_custom_key_parameters_t } from '../values/index.js';
import { toKeyAttributes, type psa_key_attributes_t } from './attributes.js';
import { copyOut, instance, resetOut, setOut, status, type Out } from './instance.js';




/** `mbedtls_svc_key_id_make`: this build does not encode owners, so the id is the key id. */
export function mbedtls_svc_key_id_make(_owner: number, keyId: number): number {
  // C converts to the 32-bit key id: a number or BigInt modulo 2^32, anything else 0
  if (typeof keyId === 'number') return Number.isFinite(keyId) ? Math.trunc(keyId) >>> 0 : 0;
  return typeof keyId === 'bigint' ? Number(BigInt.asUintN(32, keyId)) : 0;
}

/** `psa_import_key`. */
export function psa_import_key(attributes: psa_key_attributes_t, data: Uint8Array, key: Out): number {
  resetOut(key, 0);
  return status(() => setOut(key, instance().importKey(toKeyAttributes(attributes, 'psa_import_key'), data)));
}

/** `psa_attach_key` (the label's length is `label.length`). */
export function psa_attach_key(attributes: psa_key_attributes_t, label: Uint8Array, key: Out): number {
  resetOut(key, 0);
  return status(() => setOut(key, instance().attachKey(toKeyAttributes(attributes, 'psa_attach_key'), label)));
}

/** `psa_generate_key`. */
export function psa_generate_key(attributes: psa_key_attributes_t, key: Out): number {
  resetOut(key, 0);
  return status(() => setOut(key, instance().generateKey(toKeyAttributes(attributes, 'psa_generate_key'))));
}

/** `psa_generate_key_custom`. */
export function psa_generate_key_custom(
  attributes: psa_key_attributes_t,
  custom: psa_custom_key_parameters_t,
  customData: Uint8Array,
  key: Out,
): number {
  resetOut(key, 0);
  return status(() =>
    setOut(key, instance().generateKeyCustom(toKeyAttributes(attributes, 'psa_generate_key_custom'), custom, customData)));
}

/** `psa_copy_key`. */
export function psa_copy_key(sourceKey: number, attributes: psa_key_attributes_t, targetKey: Out): number {
  resetOut(targetKey, 0);
  return status(() => setOut(targetKey, instance().copyKey(sourceKey, toKeyAttributes(attributes, 'psa_copy_key'))));
}

/** `psa_destroy_key`. */
export function psa_destroy_key(key: number): number {
  return status(() => instance().destroyKey(key));
}

/** `psa_purge_key`. */
export function psa_purge_key(key: number): number {
  return status(() => instance().purgeKey(key));
}

function exportInto(fn: string, produce: () => Uint8Array, data: Uint8Array, dataLength: Out): number {
  resetOut(dataLength, 0);
  return status(() => {
    const out = checkBytes(data, fn, 'data');
    // An empty buffer can never hold a key representation (checked first, as Mbed TLS does).
    if (out.length === 0) fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: empty output buffer`);
    const material = produce();
    try {
      if (material.length > out.length) {
        fail(PSA_ERROR_BUFFER_TOO_SMALL, `${fn}: ${material.length} bytes needed, buffer has ${out.length}`);
      }
      copyOut(material, out);
      setOut(dataLength, material.length);
    } finally {
      material.fill(0);
    }
  });
}

/** `psa_export_key`. */
export function psa_export_key(key: number, data: Uint8Array, dataLength: Out): number {
  return exportInto('psa_export_key', () => instance().exportKey(key), data, dataLength);
}

/** `psa_export_public_key`. */
export function psa_export_public_key(key: number, data: Uint8Array, dataLength: Out): number {
  return exportInto('psa_export_public_key', () => instance().exportPublicKey(key), data, dataLength);
}

/** `psa_check_key_usage` (PSA 1.4). */
export function psa_check_key_usage(key: number, alg: number, usage: number): number {
  return status(() => instance().checkKeyUsage(key, alg, usage));
}
