/**
 * The `psa_crypto_attributes` suite: the key attribute structure, its
 * setters and getters, and how key id and lifetime interact.
 */
import * as psa from '../../../src/c/index.js';
import { checkEqual, checkSuccess } from '../assert.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto_attributes';

const u32 = (v: number): number => v >>> 0;

/** Every field reads back as the empty structure. In this build a key id has no owner part. */
function checkEmpty(attributes: psa.psa_key_attributes_t, when: string): void {
  checkEqual(psa.psa_get_key_id(attributes), 0, `key id ${when}`);
  checkEqual(psa.psa_get_key_lifetime(attributes), 0, `lifetime ${when}`);
  checkEqual(psa.psa_get_key_usage_flags(attributes), 0, `usage flags ${when}`);
  checkEqual(psa.psa_get_key_algorithm(attributes), 0, `algorithm ${when}`);
  checkEqual(psa.psa_get_key_type(attributes), 0, `type ${when}`);
  checkEqual(psa.psa_get_key_bits(attributes), 0, `bits ${when}`);
}

export const functions: SuiteFunctions = {
  attributes_set_get: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'int'],
    run(ownerIdArg: number, idArg: number, lifetimeArg: number, usageArg: number, algArg: number, typeArg: number, bitsArg: number) {
      const attributes = psa.psa_key_attributes_init();
      const id = psa.mbedtls_svc_key_id_make(ownerIdArg, idArg);
      const lifetime = u32(lifetimeArg);
      const usage = u32(usageArg);
      const alg = u32(algArg);
      const type = typeArg & 0xffff;
      const bits = bitsArg;

      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      checkEmpty(attributes, 'after init');

      psa.psa_set_key_id(attributes, id);
      psa.psa_set_key_lifetime(attributes, lifetime);
      psa.psa_set_key_usage_flags(attributes, usage);
      psa.psa_set_key_algorithm(attributes, alg);
      psa.psa_set_key_type(attributes, type);
      psa.psa_set_key_bits(attributes, bits);

      checkEqual(psa.psa_get_key_id(attributes), id, 'key id');
      checkEqual(psa.psa_get_key_lifetime(attributes), lifetime, 'lifetime');
      checkEqual(psa.psa_get_key_usage_flags(attributes), usage, 'usage flags');
      checkEqual(psa.psa_get_key_algorithm(attributes), alg, 'algorithm');
      checkEqual(psa.psa_get_key_type(attributes), type, 'type');
      checkEqual(psa.psa_get_key_bits(attributes), bits, 'bits');

      psa.psa_reset_key_attributes(attributes);
      checkEmpty(attributes, 'after reset');
    },
  },

  persistence_attributes: {
    params: ['int', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
    // Upstream does not initialise the library: the accessors work without it.
    setup: 'none',
    run(
      id1Arg: number, ownerId1Arg: number, lifetimeArg: number, id2Arg: number, ownerId2Arg: number,
      expectedIdArg: number, expectedOwnerIdArg: number, expectedLifetimeArg: number,
    ) {
      const attributes = psa.psa_key_attributes_init();
      const id1 = psa.mbedtls_svc_key_id_make(ownerId1Arg, id1Arg);
      const lifetime = u32(lifetimeArg);
      const id2 = psa.mbedtls_svc_key_id_make(ownerId2Arg, id2Arg);
      const expectedId = psa.mbedtls_svc_key_id_make(expectedOwnerIdArg, expectedIdArg);
      const expectedLifetime = u32(expectedLifetimeArg);

      if (id1Arg !== -1) psa.psa_set_key_id(attributes, id1);
      if (lifetimeArg !== -1) psa.psa_set_key_lifetime(attributes, lifetime);
      if (id2Arg !== -1) psa.psa_set_key_id(attributes, id2);

      checkEqual(psa.psa_get_key_id(attributes), expectedId, 'key id');
      checkEqual(psa.psa_get_key_lifetime(attributes), expectedLifetime, 'lifetime');
    },
  },
};
