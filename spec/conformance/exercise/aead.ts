/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a aead algorithm
 * (`exercise_aead_key` upstream). `undefined` while the aead functions do not
 * exist: cases that need it skip.
 */
export const exerciseAeadKey: ((key: number, usage: number, alg: number) => void) | undefined = undefined;
