/**
 * How `mbedtls_test_psa_exercise_key` exercises a key with a mac algorithm
 * (`exercise_mac_key` upstream). `undefined` while the mac functions do not
 * exist: cases that need it skip.
 */
export const exerciseMacKey: ((key: number, usage: number, alg: number) => void) | undefined = undefined;
