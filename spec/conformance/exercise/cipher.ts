/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a cipher algorithm
 * (`exercise_cipher_key` upstream). `undefined` while the cipher functions do not
 * exist: cases that need it skip.
 */
export const exerciseCipherKey: ((key: number, usage: number, alg: number) => void) | undefined = undefined;
