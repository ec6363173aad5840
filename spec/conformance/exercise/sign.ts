/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a sign
 * algorithm. `undefined` while those functions do not exist: cases that need it skip.
 */
export const exerciseSignKey: ((key: number, usage: number, alg: number) => void) | undefined = undefined;
