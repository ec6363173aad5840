/**
 * `psa-crypto/formats`: conversions between the PSA key formats and the
 * common containers (DER/PEM: PKCS#8, SubjectPublicKeyInfo, SEC1
 * ECPrivateKey, PKCS#1), so keys can move between OpenSSL and PSA.
 * @module
 */
export {};
