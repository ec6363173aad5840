/**
 * The software driver: the portable implementation of every mechanism this
 * package supports, over noble and our own code. It is a transparent driver
 * and normally the last one in a platform's list, so accelerators can take
 * what they support and leave the rest to it.
 * @module
 */
import { fail } from '../../values/error.js';
import { PSA_ERROR_NOT_SUPPORTED } from '../../values/status.js';
import { PSA_KEY_TYPE_IS_UNSTRUCTURED, describe } from '../../values/index.js';
import type { TransparentDriver } from '../driver.js';
import { SOFTWARE_HASH_ALGORITHMS, softwareHashCompute, softwareHashResume, softwareHashSetup } from './hash/index.js';
import { generateUnstructured, importUnstructured } from './unstructured.js';
import { softwareAead } from './aead/index.js';
import { softwareCipher } from './cipher/index.js';
import { softwareMac } from './mac/index.js';
import { softwareKeyWrap } from './wrap/index.js';
import { softwareXof } from './xof/index.js';
import { softwareAsymmetricEncryption } from './asymmetric-encryption.js';
import { softwareEncapsulation } from './encapsulation.js';
import { keyFamilyOf } from './keys.js';
import { softwareKeyDerivation } from './kdf/index.js';
import { softwareKeyAgreement } from './key-agreement.js';
import { softwareSign } from './sign.js';
import { softwarePake } from './pake/index.js';
import { softwareInterruptibleKeys } from './ecc/interruptible-keys.js';

/** Create the software driver. */
export function softwareDriver(): TransparentDriver {
  return {
    kind: 'transparent',
    name: 'software',
    importKey(attributes, data) {
      if (PSA_KEY_TYPE_IS_UNSTRUCTURED(attributes.type)) return importUnstructured(attributes.type, data);
      const family = keyFamilyOf(attributes.type);
      if (family) return family.importKey(attributes, data);
      return fail(PSA_ERROR_NOT_SUPPORTED, `import of ${describe(attributes.type, 'keyType')} is not supported`);
    },
    generateKey(attributes, random, customData = new Uint8Array(0), options = {}) {
      if (PSA_KEY_TYPE_IS_UNSTRUCTURED(attributes.type)) return generateUnstructured(attributes.type, attributes.bits, random);
      const family = keyFamilyOf(attributes.type);
      if (family?.generateKey) return family.generateKey(attributes, random, customData, options);
      return fail(PSA_ERROR_NOT_SUPPORTED, `generation of ${describe(attributes.type, 'keyType')} is not supported`);
    },
    exportPublicKey(attributes, keyBuffer) {
      const family = keyFamilyOf(attributes.type);
      if (family) return family.exportPublicKey(attributes, keyBuffer);
      return fail(PSA_ERROR_NOT_SUPPORTED, `public key of ${describe(attributes.type, 'keyType')} is not supported`);
    },
    hashAlgorithms: SOFTWARE_HASH_ALGORITHMS,
    hashSetup: softwareHashSetup,
    hashCompute: softwareHashCompute,
    hashResume: softwareHashResume,
    ...softwareMac,
    ...softwareCipher,
    ...softwareAead,
    ...softwareKeyWrap,
    ...softwareXof,
    ...softwareSign,
    ...softwareAsymmetricEncryption,
    ...softwareKeyAgreement,
    ...softwareKeyDerivation,
    ...softwareEncapsulation,
    ...softwarePake,
    ...softwareInterruptibleKeys,
  };
}
