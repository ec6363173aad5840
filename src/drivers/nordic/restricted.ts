/**
 * A transparent driver restricted to a capability table: the model of a
 * Nordic driver (CC3XX, Oberon) that computes with this package's software
 * driver for what the table grants and throws `PSA_ERROR_NOT_SUPPORTED`
 * for everything else, so that dispatch moves on to the next driver as the
 * nrf_security driver wrappers do (reference/nordic.md §1.4: only
 * NOT_SUPPORTED falls through; any other status is final).
 *
 * Every entry point of the software driver is covered; the interruptible
 * ones are absent (neither CC3XX nor Oberon has them), and so is hash
 * resume (Oberon PSA Crypto has no `psa_hash_suspend`/`psa_hash_resume`,
 * nordic.md §3), whose contexts also offer no `suspend`.
 *
 * Outputs are the software driver's, bit for bit: the model decides who
 * answers, never what is computed. Side channels are those of the software
 * implementation of each mechanism.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import {
  PSA_KEY_TYPE_IS_UNSTRUCTURED, PSA_ALG_IS_HASH_AND_SIGN, describe,
} from '../../values/index.js';
import type { DriverKeyAttributes, HashContext, TransparentDriver } from '../driver.js';
import type { AeadContext } from '../aead.js';
import type { CipherContext } from '../cipher.js';
import { softwareDriver } from '../software/index.js';
import { algMatches, hashByte, keyMatches, type CapabilityRow, type CapabilityTable, type Operation } from './capabilities.js';

/** Behaviour of a device beyond its table (quirk flags): hooks on the contexts the driver hands out. */
export interface RestrictedHooks {
  /** Replace or wrap a cipher context (`alg` the specific algorithm). */
  cipherContext?(ctx: CipherContext, attributes: DriverKeyAttributes, alg: number): CipherContext;
  /** Check an AEAD nonce before use; throw to refuse it. */
  aeadNonce?(attributes: DriverKeyAttributes, alg: number, nonce: Uint8Array): void;
}

/** What makes a driver a model of a device. */
export interface RestrictedOptions {
  /** The driver's name (`'cc3xx'`, `'oberon'`). */
  readonly name: string;
  /** The rows that apply to this configuration (already filtered by variant or release). */
  readonly table: CapabilityTable;
  readonly hooks?: RestrictedHooks;
}

/** An operation on a key the table must grant, with what to say when it does not. */
interface Request {
  readonly op: Operation;
  readonly alg?: number;
  readonly key?: DriverKeyAttributes;
  readonly primitive?: number;
  readonly verify?: boolean;
}

/**
 * Create a transparent driver that serves exactly what `options.table`
 * grants, computing with a private instance of the software driver.
 * @param options the name, the table and the quirk hooks
 * @throws nothing at creation; each entry point throws `PSA_ERROR_NOT_SUPPORTED` outside the table
 */
export function restrictedDriver(options: RestrictedOptions): TransparentDriver {
  const sw = softwareDriver();
  const { name, table } = options;
  const hooks = options.hooks ?? {};
  const rows = table.rows;
  const hashRows = rows.filter((r) => r.op === 'hash');
  const hashes = (sw.hashAlgorithms ?? []).filter((h) => hashRows.some((r) => r.algs?.includes(h)));

  const grants = (row: CapabilityRow, q: Request): boolean => {
    if (row.op !== q.op) return false;
    if (row.verifyOnly && !q.verify) return false;
    if (q.alg !== undefined && !algMatches(row, q.alg, hashes)) return false;
    if (q.primitive !== undefined && row.primitives && !row.primitives.includes(q.primitive)) return false;
    if (q.key && row.keys && !row.keys.some((k) => keyMatches(k, q.key!.type, q.key!.bits))) return false;
    return true;
  };
  const allowed = (q: Request): boolean => rows.some((r) => grants(r, q));
  const need = (q: Request): void => {
    if (allowed(q)) return;
    const what = q.key ? ` with ${describe(q.key.type, 'keyType')} of ${q.key.bits} bits` : '';
    const alg = q.alg !== undefined ? ` ${describe(q.alg, 'alg')}` : '';
    fail(PSA_ERROR_NOT_SUPPORTED, `driver '${name}' has no ${q.op}${alg}${what}`);
  };
  /** Hash-and-sign on a message: the driver hashes with its own hash engine. */
  const needOwnHash = (alg: number): void => {
    if (PSA_ALG_IS_HASH_AND_SIGN(alg) && hashByte(alg) !== 0 && !hashes.includes(hashByte(alg))) {
      fail(PSA_ERROR_NOT_SUPPORTED, `driver '${name}' cannot hash for ${describe(alg, 'alg')}`);
    }
  };
  const needEmptyContext = (context: Uint8Array): void => {
    if (table.signNeedsEmptyContext && context.length > 0) {
      fail(PSA_ERROR_NOT_SUPPORTED, `driver '${name}' signs hashes only without a context`);
    }
  };
  const unstructuredByCore = (type: number): boolean => table.symmetricKeysByCore && PSA_KEY_TYPE_IS_UNSTRUCTURED(type);
  const wrapHash = (ctx: HashContext): HashContext => ({
    alg: ctx.alg,
    update: (data) => ctx.update(data),
    finish: () => ctx.finish(),
    clone: () => wrapHash(ctx.clone()),
    destroy: () => ctx.destroy(),
  });
  const wrapAead = (ctx: AeadContext, attributes: DriverKeyAttributes, alg: number): AeadContext => {
    const check = hooks.aeadNonce;
    if (!check) return ctx;
    return {
      setLengths: (a, p) => ctx.setLengths(a, p),
      setNonce: (nonce) => { check(attributes, alg, nonce); ctx.setNonce(nonce); },
      updateAd: (data) => ctx.updateAd(data),
      update: (input) => ctx.update(input),
      finish: () => ctx.finish(),
      verify: (tag) => ctx.verify(tag),
      destroy: () => ctx.destroy(),
    };
  };
  const cipherCtx = (ctx: CipherContext, a: DriverKeyAttributes, alg: number): CipherContext =>
    hooks.cipherContext ? hooks.cipherContext(ctx, a, alg) : ctx;

  const driver: TransparentDriver = {
    kind: 'transparent',
    name,
    importKey(attributes, data) {
      if (unstructuredByCore(attributes.type)) return sw.importKey!(attributes, data);
      need({ op: 'import', key: attributes });
      const out = sw.importKey!(attributes, data);
      if (!allowed({ op: 'import', key: { ...attributes, bits: out.bits } })) {
        out.keyBuffer.fill(0);
        need({ op: 'import', key: { ...attributes, bits: out.bits } });
      }
      return out;
    },
    generateKey(attributes, random, customData, opts) {
      if (!unstructuredByCore(attributes.type)) need({ op: 'generate', key: attributes });
      return sw.generateKey!(attributes, random, customData, opts);
    },
    exportPublicKey(attributes, keyBuffer) {
      need({ op: 'import', key: attributes });
      return sw.exportPublicKey!(attributes, keyBuffer);
    },
    hashAlgorithms: hashes,
    hashCompute(alg, input) {
      need({ op: 'hash', alg });
      return sw.hashCompute!(alg, input);
    },
    hashSetup(alg) {
      need({ op: 'hash', alg });
      return wrapHash(sw.hashSetup!(alg));
    },
    macSetup(attributes, keyBuffer, alg) {
      need({ op: 'mac', alg, key: attributes });
      return sw.macSetup!(attributes, keyBuffer, alg);
    },
    cipherSetup(attributes, keyBuffer, alg, encrypt) {
      need({ op: 'cipher', alg, key: attributes });
      return cipherCtx(sw.cipherSetup!(attributes, keyBuffer, alg, encrypt), attributes, alg);
    },
    aeadSetup(attributes, keyBuffer, alg, encrypt) {
      need({ op: 'aead', alg, key: attributes });
      return wrapAead(sw.aeadSetup!(attributes, keyBuffer, alg, encrypt), attributes, alg);
    },
    signHash(attributes, keyBuffer, alg, hash, random, context) {
      needEmptyContext(context);
      need({ op: 'sign', alg, key: attributes });
      return sw.signHash!(attributes, keyBuffer, alg, hash, random, context);
    },
    verifyHash(attributes, keyBuffer, alg, hash, signature, context) {
      needEmptyContext(context);
      need({ op: 'sign', alg, key: attributes, verify: true });
      sw.verifyHash!(attributes, keyBuffer, alg, hash, signature, context);
    },
    signMessage(attributes, keyBuffer, alg, message, random, context) {
      need({ op: 'sign', alg, key: attributes });
      needOwnHash(alg);
      return sw.signMessage!(attributes, keyBuffer, alg, message, random, context);
    },
    verifyMessage(attributes, keyBuffer, alg, message, signature, context) {
      need({ op: 'sign', alg, key: attributes, verify: true });
      needOwnHash(alg);
      sw.verifyMessage!(attributes, keyBuffer, alg, message, signature, context);
    },
    asymmetricEncrypt(attributes, keyBuffer, alg, input, salt, random) {
      need({ op: 'asymmetric-encryption', alg, key: attributes });
      return sw.asymmetricEncrypt!(attributes, keyBuffer, alg, input, salt, random);
    },
    asymmetricDecrypt(attributes, keyBuffer, alg, input, salt, random) {
      need({ op: 'asymmetric-encryption', alg, key: attributes });
      return sw.asymmetricDecrypt!(attributes, keyBuffer, alg, input, salt, random);
    },
    keyAgreement(attributes, keyBuffer, alg, peerKey) {
      need({ op: 'key-agreement', alg, key: attributes });
      return sw.keyAgreement!(attributes, keyBuffer, alg, peerKey);
    },
    keyDerivationSetup(kdf) {
      need({ op: 'kdf', alg: kdf });
      return sw.keyDerivationSetup!(kdf);
    },
    deriveKey(attributes, read, fn) {
      need({ op: 'import', key: attributes });
      return sw.deriveKey!(attributes, read, fn);
    },
    wrapKey(attributes, keyBuffer, alg, keyData) {
      need({ op: 'wrap', alg, key: attributes });
      return sw.wrapKey!(attributes, keyBuffer, alg, keyData);
    },
    unwrapKey(attributes, keyBuffer, alg, data) {
      need({ op: 'wrap', alg, key: attributes });
      return sw.unwrapKey!(attributes, keyBuffer, alg, data);
    },
    xofSetup(alg) {
      need({ op: 'xof', alg });
      return sw.xofSetup!(alg);
    },
    encapsulate(attributes, keyBuffer, alg, random) {
      need({ op: 'encapsulation', alg, key: attributes });
      return sw.encapsulate!(attributes, keyBuffer, alg, random);
    },
    decapsulate(attributes, keyBuffer, alg, ciphertext) {
      need({ op: 'encapsulation', alg, key: attributes });
      return sw.decapsulate!(attributes, keyBuffer, alg, ciphertext);
    },
    pakeSetup(attributes, keyBuffer, inputs) {
      need({ op: 'pake', alg: inputs.alg, key: attributes, primitive: inputs.primitive });
      return sw.pakeSetup!(attributes, keyBuffer, inputs);
    },
  };
  // Single-part entry points exist only where the software driver has them, so that the
  // core's choice between them and the multipart ones stays the software driver's. Cipher
  // quirks act on multipart contexts only (psa_cipher_update), as they were reported.
  if (sw.macCompute) {
    driver.macCompute = (attributes, keyBuffer, alg, input) => {
      need({ op: 'mac', alg, key: attributes });
      return sw.macCompute!(attributes, keyBuffer, alg, input);
    };
  }
  if (sw.cipherEncrypt) {
    driver.cipherEncrypt = (attributes, keyBuffer, alg, iv, input) => {
      need({ op: 'cipher', alg, key: attributes });
      return sw.cipherEncrypt!(attributes, keyBuffer, alg, iv, input);
    };
  }
  if (sw.cipherDecrypt) {
    driver.cipherDecrypt = (attributes, keyBuffer, alg, input) => {
      need({ op: 'cipher', alg, key: attributes });
      return sw.cipherDecrypt!(attributes, keyBuffer, alg, input);
    };
  }
  if (sw.aeadEncrypt) {
    driver.aeadEncrypt = (attributes, keyBuffer, alg, nonce, ad, plaintext) => {
      need({ op: 'aead', alg, key: attributes });
      hooks.aeadNonce?.(attributes, alg, nonce);
      return sw.aeadEncrypt!(attributes, keyBuffer, alg, nonce, ad, plaintext);
    };
  }
  if (sw.aeadDecrypt) {
    driver.aeadDecrypt = (attributes, keyBuffer, alg, nonce, ad, ciphertext) => {
      need({ op: 'aead', alg, key: attributes });
      hooks.aeadNonce?.(attributes, alg, nonce);
      return sw.aeadDecrypt!(attributes, keyBuffer, alg, nonce, ad, ciphertext);
    };
  }
  return driver;
}
