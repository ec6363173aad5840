/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a key agreement
 * algorithm. `undefined` while those functions do not exist: cases that need it skip.
 */
export const exerciseKeyAgreementKey: ((key: number, usage: number, alg: number) => void) | undefined = undefined;
