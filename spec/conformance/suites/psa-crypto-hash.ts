/**
 * The functions of the main `psa_crypto` suite about hashing and random
 * generation, plus its two self-checks (`static_checks`,
 * `parse_binary_string_test`).
 *
 * Upstream checks `operation.id` (the driver id of an operation) to tell an
 * active operation from an inactive one. The C facade's counterpart is the
 * `active` flag of the operation's implementation, read by `isActive` below.
 */
import * as psa from '../../../src/c/index.js';
import { CheckFailure, check, checkBytes, checkEqual, checkLessOrEqual, checkStatus, checkSuccess } from '../assert.js';
import { DEFINED } from '../capabilities.js';
import type { SuiteFunctions } from '../framework.js';

export const suite = 'psa_crypto';

type Operation = psa.psa_hash_operation_t;

/** `ASSERT_OPERATION_IS_ACTIVE` / `_INACTIVE`. */
function isActive(operation: Operation): boolean {
  return operation.impl?.active === true;
}
function checkActive(operation: Operation, expected: boolean, when: string): void {
  if (isActive(operation) !== expected) {
    throw new CheckFailure(`the operation is ${expected ? 'inactive' : 'still active'} ${when}`);
  }
}

/** `KNOWN_SUPPORTED_HASH_ALG`: the first of these hashes the build has. */
function knownSupportedHashAlg(): number | undefined {
  const choices: Array<[string, number]> = [
    ['PSA_WANT_ALG_SHA_256', psa.PSA_ALG_SHA_256],
    ['PSA_WANT_ALG_SHA_384', psa.PSA_ALG_SHA_384],
    ['PSA_WANT_ALG_SHA_512', psa.PSA_ALG_SHA_512],
    ['PSA_WANT_ALG_SHA3_256', psa.PSA_ALG_SHA3_256],
    ['PSA_WANT_ALG_SHA_1', psa.PSA_ALG_SHA_1],
    ['PSA_WANT_ALG_MD5', psa.PSA_ALG_MD5],
  ];
  return choices.find(([name]) => DEFINED.has(name))?.[1];
}

/** The initial value upstream gives to output lengths (`~0U`), to see that a call writes them. */
const INVALID_EXPORT_LENGTH = 0xffffffff;

/** SHA-256 of the empty string. */
const SHA256_EMPTY = Uint8Array.from([
  0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
  0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
]);

export const functions: SuiteFunctions = {
  hash_operation_init: {
    params: [],
    // Upstream runs this without initialising the library.
    setup: 'free',
    run() {
      const input = new Uint8Array(1);
      const ways: Array<[string, Operation]> = [
        ['psa_hash_operation_init_short()', psa.psa_hash_operation_init()],
        ['psa_hash_operation_init()', psa.psa_hash_operation_init()],
        ['PSA_HASH_OPERATION_INIT', psa.psa_hash_operation_init()],
        ['a zeroed structure', {} as Operation],
      ];
      for (const [how, op] of ways) {
        checkStatus(psa.psa_hash_update(op, input), psa.PSA_ERROR_BAD_STATE, `psa_hash_update on ${how}`);
      }
      for (const [how, op] of ways) checkSuccess(psa.psa_hash_abort(op), `psa_hash_abort on ${how}`);
    },
  },

  hash_setup: {
    params: ['int', 'int'],
    run(algArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');

      const output = new Uint8Array(psa.PSA_HASH_LENGTH(alg));
      const outputLength = { value: 0 };
      checkStatus(psa.psa_hash_compute(alg, new Uint8Array(0), output, outputLength), expectedStatus, 'psa_hash_compute');

      const status = psa.psa_hash_setup(operation, alg);
      checkStatus(status, expectedStatus, 'psa_hash_setup');
      checkSuccess(psa.psa_hash_abort(operation), 'psa_hash_abort');
      if (status !== psa.PSA_SUCCESS) {
        checkStatus(psa.psa_hash_setup(operation, alg), status, 'psa_hash_setup again');
      }

      const known = knownSupportedHashAlg();
      if (known !== undefined) {
        checkSuccess(psa.psa_hash_setup(operation, known), 'psa_hash_setup of a supported hash on the reused operation');
        checkSuccess(psa.psa_hash_abort(operation), 'psa_hash_abort');
      }
    },
  },

  hash_compute_fail: {
    params: ['int', 'data', 'int', 'int'],
    run(algArg: number, input: Uint8Array, outputSizeArg: number, expectedStatus: number) {
      const alg = algArg >>> 0;
      const outputSize = outputSizeArg;
      const output = new Uint8Array(outputSize);
      const outputLength = { value: INVALID_EXPORT_LENGTH };
      const operation = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      try {
        let status = psa.psa_hash_compute(alg, input, output, outputLength);
        checkStatus(status, expectedStatus, 'psa_hash_compute');
        checkLessOrEqual(outputLength.value, outputSize, 'output length of psa_hash_compute');

        status = psa.psa_hash_setup(operation, alg);
        if (status === psa.PSA_SUCCESS) {
          status = psa.psa_hash_update(operation, input);
          if (status === psa.PSA_SUCCESS) {
            status = psa.psa_hash_finish(operation, output, outputLength);
            if (status === psa.PSA_SUCCESS) checkLessOrEqual(outputLength.value, outputSize, 'output length of psa_hash_finish');
            else checkStatus(status, expectedStatus, 'psa_hash_finish');
          } else {
            checkStatus(status, expectedStatus, 'psa_hash_update');
          }
        } else {
          checkStatus(status, expectedStatus, 'psa_hash_setup');
        }
      } finally {
        checkSuccess(psa.psa_hash_abort(operation), 'psa_hash_abort');
      }
    },
  },

  hash_compare_fail: {
    params: ['int', 'data', 'data', 'int'],
    run(algArg: number, input: Uint8Array, referenceHash: Uint8Array, expectedStatus: number) {
      const alg = algArg >>> 0;
      const operation = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      try {
        checkStatus(psa.psa_hash_compare(alg, input, referenceHash), expectedStatus, 'psa_hash_compare');

        let status = psa.psa_hash_setup(operation, alg);
        if (status === psa.PSA_SUCCESS) {
          status = psa.psa_hash_update(operation, input);
          if (status === psa.PSA_SUCCESS) {
            checkStatus(psa.psa_hash_verify(operation, referenceHash), expectedStatus, 'psa_hash_verify');
          } else {
            checkStatus(status, expectedStatus, 'psa_hash_update');
          }
        } else {
          checkStatus(status, expectedStatus, 'psa_hash_setup');
        }
      } finally {
        checkSuccess(psa.psa_hash_abort(operation), 'psa_hash_abort');
      }
    },
  },

  hash_compute_compare: {
    params: ['int', 'data', 'data'],
    run(algArg: number, input: Uint8Array, expectedOutput: Uint8Array) {
      const alg = algArg >>> 0;
      const output = new Uint8Array(psa.PSA_HASH_MAX_SIZE + 1);
      const outputLength = { value: INVALID_EXPORT_LENGTH };
      const operation = psa.psa_hash_operation_init();
      const hashLength = psa.PSA_HASH_LENGTH(alg);
      const multipart = (what: string): void => {
        checkSuccess(psa.psa_hash_setup(operation, alg), `psa_hash_setup (${what})`);
        checkSuccess(psa.psa_hash_update(operation, input), `psa_hash_update (${what})`);
      };
      const digest = (): Uint8Array => output.subarray(0, outputLength.value);
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      try {
        // Tight buffer, then a larger one; one-shot and multi-part.
        for (const size of [hashLength, output.length]) {
          const buffer = output.subarray(0, size);
          checkSuccess(psa.psa_hash_compute(alg, input, buffer, outputLength), `psa_hash_compute into ${size} bytes`);
          checkEqual(outputLength.value, hashLength, `length from psa_hash_compute into ${size} bytes`);
          checkBytes(digest(), expectedOutput, `psa_hash_compute into ${size} bytes`);

          multipart(`finish into ${size} bytes`);
          checkSuccess(psa.psa_hash_finish(operation, buffer, outputLength), `psa_hash_finish into ${size} bytes`);
          checkEqual(outputLength.value, hashLength, `length from psa_hash_finish into ${size} bytes`);
          checkBytes(digest(), expectedOutput, `psa_hash_finish into ${size} bytes`);
        }
        const length = outputLength.value;

        checkSuccess(psa.psa_hash_compare(alg, input, output.subarray(0, length)), 'psa_hash_compare with the right hash');
        multipart('verify');
        checkSuccess(psa.psa_hash_verify(operation, output.subarray(0, length)), 'psa_hash_verify with the right hash');

        for (const [what, size] of [['trailing garbage', length + 1], ['truncated hash', length - 1]] as const) {
          checkStatus(psa.psa_hash_compare(alg, input, output.subarray(0, size)), psa.PSA_ERROR_INVALID_SIGNATURE, `psa_hash_compare with ${what}`);
          multipart(what);
          checkStatus(psa.psa_hash_verify(operation, output.subarray(0, size)), psa.PSA_ERROR_INVALID_SIGNATURE, `psa_hash_verify with ${what}`);
        }

        for (let i = 0; i < length; i++) {
          output[i]! ^= 1;
          checkStatus(psa.psa_hash_compare(alg, input, output.subarray(0, length)), psa.PSA_ERROR_INVALID_SIGNATURE, `psa_hash_compare with byte ${i} corrupted`);
          multipart(`byte ${i} corrupted`);
          checkStatus(psa.psa_hash_verify(operation, output.subarray(0, length)), psa.PSA_ERROR_INVALID_SIGNATURE, `psa_hash_verify with byte ${i} corrupted`);
          output[i]! ^= 1;
        }
      } finally {
        checkSuccess(psa.psa_hash_abort(operation), 'psa_hash_abort');
      }
    },
  },

  hash_bad_order: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_SHA_256;
      // `unsigned char input[] = ""`: one NUL byte.
      const input = new Uint8Array(1);
      const hash = new Uint8Array(SHA256_EMPTY.length);
      const hashLength = { value: 0 };
      const op = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');

      // setup twice in a row
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkActive(op, true, 'after setup');
      checkStatus(psa.psa_hash_setup(op, alg), psa.PSA_ERROR_BAD_STATE, 'second psa_hash_setup');
      checkActive(op, false, 'after a second setup');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');
      checkActive(op, false, 'after abort');

      // update without setup
      checkStatus(psa.psa_hash_update(op, input), psa.PSA_ERROR_BAD_STATE, 'psa_hash_update without setup');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // Upstream also corrupts the driver id of an active operation to see
      // update fail and abort; the facade's operation has no driver id.

      // update after finish
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkSuccess(psa.psa_hash_finish(op, hash, hashLength), 'psa_hash_finish');
      checkStatus(psa.psa_hash_update(op, input), psa.PSA_ERROR_BAD_STATE, 'psa_hash_update after finish');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // verify without setup
      checkStatus(psa.psa_hash_verify(op, SHA256_EMPTY), psa.PSA_ERROR_BAD_STATE, 'psa_hash_verify without setup');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // verify after finish
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkSuccess(psa.psa_hash_finish(op, hash, hashLength), 'psa_hash_finish');
      checkStatus(psa.psa_hash_verify(op, SHA256_EMPTY), psa.PSA_ERROR_BAD_STATE, 'psa_hash_verify after finish');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // verify twice in a row
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkActive(op, true, 'after setup');
      checkSuccess(psa.psa_hash_verify(op, SHA256_EMPTY), 'psa_hash_verify');
      checkActive(op, false, 'after verify');
      checkStatus(psa.psa_hash_verify(op, SHA256_EMPTY), psa.PSA_ERROR_BAD_STATE, 'second psa_hash_verify');
      checkActive(op, false, 'after a second verify');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // finish without setup
      checkStatus(psa.psa_hash_finish(op, hash, hashLength), psa.PSA_ERROR_BAD_STATE, 'psa_hash_finish without setup');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // finish twice in a row
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkSuccess(psa.psa_hash_finish(op, hash, hashLength), 'psa_hash_finish');
      checkStatus(psa.psa_hash_finish(op, hash, hashLength), psa.PSA_ERROR_BAD_STATE, 'second psa_hash_finish');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');

      // finish after verify
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkSuccess(psa.psa_hash_verify(op, SHA256_EMPTY), 'psa_hash_verify');
      checkStatus(psa.psa_hash_finish(op, hash, hashLength), psa.PSA_ERROR_BAD_STATE, 'psa_hash_finish after verify');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');
    },
  },

  hash_verify_bad_args: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_SHA_256;
      // SHA-256 of the empty string followed by 0xaa 0xbb.
      const hash = Uint8Array.from([...SHA256_EMPTY, 0xaa, 0xbb]);
      const expectedSize = psa.PSA_HASH_LENGTH(alg);
      const op = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');

      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkActive(op, true, 'after setup');
      checkStatus(psa.psa_hash_verify(op, hash.subarray(0, expectedSize - 1)), psa.PSA_ERROR_INVALID_SIGNATURE, 'psa_hash_verify with a shorter hash');
      checkActive(op, false, 'after a failed verify');
      checkSuccess(psa.psa_hash_abort(op), 'psa_hash_abort');
      checkActive(op, false, 'after abort');

      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkStatus(psa.psa_hash_verify(op, hash.subarray(1, 1 + expectedSize)), psa.PSA_ERROR_INVALID_SIGNATURE, 'psa_hash_verify with a wrong hash');

      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkStatus(psa.psa_hash_verify(op, hash), psa.PSA_ERROR_INVALID_SIGNATURE, 'psa_hash_verify with a longer hash');
    },
  },

  hash_finish_bad_args: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_SHA_256;
      const hash = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const expectedSize = psa.PSA_HASH_LENGTH(alg);
      const op = psa.psa_hash_operation_init();
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      checkSuccess(psa.psa_hash_setup(op, alg), 'psa_hash_setup');
      checkStatus(
        psa.psa_hash_finish(op, hash.subarray(0, expectedSize - 1), { value: 0 }),
        psa.PSA_ERROR_BUFFER_TOO_SMALL,
        'psa_hash_finish into a buffer one byte short',
      );
    },
  },

  hash_clone_source_state: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_SHA_256;
      const hash = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const hashLength = { value: 0 };
      const source = psa.psa_hash_operation_init();
      const opInit = psa.psa_hash_operation_init();
      const opSetup = psa.psa_hash_operation_init();
      const opFinished = psa.psa_hash_operation_init();
      const opAborted = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
        checkSuccess(psa.psa_hash_setup(source, alg), 'psa_hash_setup of the source');
        checkSuccess(psa.psa_hash_setup(opSetup, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_setup(opFinished, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_finish(opFinished, hash, hashLength), 'psa_hash_finish');
        checkSuccess(psa.psa_hash_setup(opAborted, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_abort(opAborted), 'psa_hash_abort');

        checkStatus(psa.psa_hash_clone(source, opSetup), psa.PSA_ERROR_BAD_STATE, 'psa_hash_clone into an active operation');

        checkSuccess(psa.psa_hash_clone(source, opInit), 'psa_hash_clone into a fresh operation');
        checkSuccess(psa.psa_hash_finish(opInit, hash, hashLength), 'psa_hash_finish of that clone');
        checkSuccess(psa.psa_hash_clone(source, opFinished), 'psa_hash_clone into a finished operation');
        checkSuccess(psa.psa_hash_finish(opFinished, hash, hashLength), 'psa_hash_finish of that clone');
        checkSuccess(psa.psa_hash_clone(source, opAborted), 'psa_hash_clone into an aborted operation');
        checkSuccess(psa.psa_hash_finish(opAborted, hash, hashLength), 'psa_hash_finish of that clone');
      } finally {
        for (const op of [source, opInit, opSetup, opFinished, opAborted]) psa.psa_hash_abort(op);
      }
    },
  },

  hash_clone_target_state: {
    params: [],
    run() {
      const alg = psa.PSA_ALG_SHA_256;
      const hash = new Uint8Array(psa.PSA_HASH_MAX_SIZE);
      const hashLength = { value: 0 };
      const opInit = psa.psa_hash_operation_init();
      const opSetup = psa.psa_hash_operation_init();
      const opFinished = psa.psa_hash_operation_init();
      const opAborted = psa.psa_hash_operation_init();
      const target = psa.psa_hash_operation_init();
      try {
        checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
        checkSuccess(psa.psa_hash_setup(opSetup, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_setup(opFinished, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_finish(opFinished, hash, hashLength), 'psa_hash_finish');
        checkSuccess(psa.psa_hash_setup(opAborted, alg), 'psa_hash_setup');
        checkSuccess(psa.psa_hash_abort(opAborted), 'psa_hash_abort');

        checkSuccess(psa.psa_hash_clone(opSetup, target), 'psa_hash_clone of an active operation');
        checkSuccess(psa.psa_hash_finish(target, hash, hashLength), 'psa_hash_finish of the clone');

        checkStatus(psa.psa_hash_clone(opInit, target), psa.PSA_ERROR_BAD_STATE, 'psa_hash_clone of a fresh operation');
        checkStatus(psa.psa_hash_clone(opFinished, target), psa.PSA_ERROR_BAD_STATE, 'psa_hash_clone of a finished operation');
        checkStatus(psa.psa_hash_clone(opAborted, target), psa.PSA_ERROR_BAD_STATE, 'psa_hash_clone of an aborted operation');
      } finally {
        for (const op of [target, opInit, opSetup, opFinished, opAborted]) psa.psa_hash_abort(op);
      }
    },
  },

  generate_random: {
    params: ['int'],
    run(bytesArg: number) {
      check(bytesArg >= 0, 'bytes_arg >= 0');
      const bytes = bytesArg;
      const output = new Uint8Array(bytes);
      const changed = new Uint32Array(bytes);
      checkSuccess(psa.psa_crypto_init(), 'psa_crypto_init');
      // Ten runs: each byte stays zero in all of them with probability 2^-80.
      for (let run = 0; run < 10; run++) {
        output.fill(0);
        checkSuccess(psa.psa_generate_random(output), `psa_generate_random, run ${run}`);
        for (let i = 0; i < bytes; i++) if (output[i] !== 0) changed[i]!++;
      }
      for (let i = 0; i < bytes; i++) check(changed[i] !== 0, `byte ${i} was written with a non-zero value at least once`);
    },
  },

  static_checks: {
    params: [],
    setup: 'none',
    // The size relation upstream asserts at run time: a truncated MAC length
    // must fit the truncation field of an algorithm encoding (the full length
    // may be one more). Upstream's other static assertions are C-only.
    run() {
      const maxTruncatedMacSize = psa.PSA_ALG_MAC_TRUNCATION_MASK >>> psa.PSA_MAC_TRUNCATION_OFFSET;
      checkLessOrEqual(psa.PSA_MAC_MAX_SIZE, 1 + maxTruncatedMacSize, 'PSA_MAC_MAX_SIZE');
    },
  },

  parse_binary_string_test: {
    params: ['data', 'int'],
    setup: 'none',
    run(input: Uint8Array, output: number) {
      // mbedtls_test_parse_binary_string: at most 8 bytes, big-endian, unsigned.
      checkLessOrEqual(input.length, 8, 'length of the binary string');
      let value = 0n;
      for (const byte of input) value = (value << 8n) | BigInt(byte);
      checkEqual(value, BigInt.asUintN(64, BigInt(output)), 'parsed value');
    },
  },
};
