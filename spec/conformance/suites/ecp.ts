/**
 * The `psa_crypto_ecp` suite: the built-in ECC key generation called
 * directly (here: the software driver's `generateKey`), 256 times per
 * success case, checking the length, the clamped bits of Montgomery scalars
 * and that the lowest and highest free bits vary. Upstream passes the output
 * buffer size to the driver; our driver returns a new buffer, so the
 * BUFFER_TOO_SMALL cases compare the key length with that size here.
 */
import { webcrypto } from 'node:crypto';
import { softwareDriver } from '../../../src/drivers/software/index.js';
import { PsaError } from '../../../src/values/error.js';
import {
  PSA_BITS_TO_BYTES,
  PSA_ECC_FAMILY_MONTGOMERY,
  PSA_ERROR_BUFFER_TOO_SMALL,
  PSA_KEY_LIFETIME_VOLATILE,
  PSA_KEY_TYPE_ECC_KEY_PAIR,
  PSA_SUCCESS,
} from '../../../src/values/index.js';
import { check, checkEqual, checkLessOrEqual, checkStatus } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_ecp';

const random = (n: number): Uint8Array => webcrypto.getRandomValues(new Uint8Array(n));

/** One generation through the driver: its status and the key buffer. */
function generateOnce(family: number, bits: number, outputSize: number): { status: number; key?: Uint8Array } {
  const driver = softwareDriver();
  const attributes = { type: PSA_KEY_TYPE_ECC_KEY_PAIR(family), bits, lifetime: PSA_KEY_LIFETIME_VOLATILE, usage: 0, alg: 0, alg2: 0 };
  try {
    const { keyBuffer } = driver.generateKey!(attributes, random);
    if (keyBuffer.length > outputSize) return { status: PSA_ERROR_BUFFER_TOO_SMALL };
    return { status: PSA_SUCCESS, key: keyBuffer };
  } catch (err) {
    if (err instanceof PsaError) return { status: err.status };
    throw err;
  }
}

/** `check_ecc_private_key`: returns [bottom bit set, top bit set]. */
function checkPrivateKey(family: number, bits: number, key: Uint8Array): [boolean, boolean] {
  checkEqual(key.length, PSA_BITS_TO_BYTES(bits), 'key length');
  check(key.some((b) => b !== 0), 'the key is not all zero');
  // Upstream's mask is `(uint8_t)(0xff << (bits & 8))` (sic: `&`, not `%`), kept as is.
  if (bits % 8 !== 0) checkEqual(key[0]! & (0xff << (bits & 8)) & 0xff, 0, 'top byte high bits');
  let botIndex = key.length - 1, botMask = 0x01, topIndex = 0, topMask = bits % 8 === 0 ? 0x80 : 1 << (bits % 8 - 1);
  if (family === PSA_ECC_FAMILY_MONTGOMERY) {
    if (bits === 255) {
      checkEqual(key[0]! & 0xf8, key[0]!, 'X25519 low bits clear');
      checkEqual(key[31]! & 0xc0, 0x40, 'X25519 high bits');
    } else {
      checkEqual(key[0]! & 0xfc, key[0]!, 'X448 low bits clear');
      checkEqual(key[55]! & 0x80, 0x80, 'X448 high bit set');
    }
    botIndex = 0;
    topIndex = key.length - 1;
    [botMask, topMask] = bits === 255 ? [0x08, 0x20] : [0x04, 0x40];
  }
  return [(key[botIndex]! & botMask) !== 0, (key[topIndex]! & topMask) !== 0];
}

function generateKey(familyArg: number, bits: number, outputSize: number, expectedStatus: number): void {
  const family = familyArg & 0xff;
  const iterations = expectedStatus === PSA_SUCCESS ? 256 : 1;
  let bitBot = 0, bitTop = 0;
  for (let i = 0; i < iterations; i++) {
    const { status, key } = generateOnce(family, bits, outputSize);
    checkStatus(status, expectedStatus, `generate (step ${i})`);
    if (key) {
      const [bot, top] = checkPrivateKey(family, bits, key);
      if (bot) bitBot++;
      if (top) bitTop++;
    }
  }
  if (expectedStatus === PSA_SUCCESS) {
    const minTimes = 10;
    checkLessOrEqual(minTimes, bitBot, 'bottom bit set often enough');
    checkLessOrEqual(bitBot, iterations - minTimes, 'bottom bit clear often enough');
    checkLessOrEqual(minTimes, bitTop, 'top bit set often enough');
    checkLessOrEqual(bitTop, iterations - minTimes, 'top bit clear often enough');
  }
}

export const functions: SuiteFunctions = {
  generate_key: { params: ['int', 'int', 'int', 'int'], run: generateKey, setup: 'none' },
};
