/**
 * The capability table of the Oberon PSA Crypto software drivers
 * (`nrfconnect/sdk-oberon-psa-crypto`, `oberon/docs/Appendix_A_Supported_Crypto_Features.md`
 * at v1.5.4 and `CHANGELOG.md`, as reference/nordic.md §3 summarises them),
 * as data in the row format of `capabilities.ts`. `since` gives the
 * Oberon PSA Crypto release that added a row where §3 names it.
 *
 * Left out on purpose: ML-DSA and ML-KEM (Oberon 1.5.0), which this package
 * does not implement; the DRBGs (the driver interface has no RNG entry
 * point); every interruptible function (Oberon answers NOT_SUPPORTED, so the
 * model has no such entry point).
 *
 * No cryptography here, hence no side-channel concern of its own.
 * @module
 */
import {
  PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512,
  PSA_ALG_SHA3_224, PSA_ALG_SHA3_256, PSA_ALG_SHA3_384, PSA_ALG_SHA3_512, PSA_ALG_SHAKE256_512,
  PSA_ALG_ASCON_HASH256, PSA_ALG_ASCON_XOF128, PSA_ALG_ASCON_CXOF128,
  PSA_ALG_HMAC_BASE, PSA_ALG_CMAC,
  PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_CTR, PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_STREAM_CIPHER, PSA_ALG_CCM, PSA_ALG_GCM, PSA_ALG_CHACHA20_POLY1305, PSA_ALG_XCHACHA20_POLY1305,
  PSA_ALG_ASCON_AEAD128, PSA_ALG_KW, PSA_ALG_KWP,
  PSA_ALG_HKDF, PSA_ALG_HKDF_EXTRACT, PSA_ALG_HKDF_EXPAND, PSA_ALG_TLS12_PRF, PSA_ALG_TLS12_PSK_TO_MS,
  PSA_ALG_PBKDF2_HMAC, PSA_ALG_PBKDF2_AES_CMAC_PRF_128, PSA_ALG_SP800_108_COUNTER_HMAC,
  PSA_ALG_SP800_108_COUNTER_CMAC, PSA_ALG_TLS12_ECJPAKE_TO_PMS, PSA_ALG_WPA3_SAE_H2E,
  PSA_ALG_ECDSA_BASE, PSA_ALG_DETERMINISTIC_ECDSA_BASE, PSA_ALG_PURE_EDDSA, PSA_ALG_ED25519PH, PSA_ALG_ED448PH,
  PSA_ALG_RSA_PKCS1V15_SIGN_BASE, PSA_ALG_RSA_PSS_BASE, PSA_ALG_LMS, PSA_ALG_HSS, PSA_ALG_XMSS, PSA_ALG_XMSS_MT,
  PSA_ALG_RSA_PKCS1V15_CRYPT, PSA_ALG_RSA_OAEP_BASE, PSA_ALG_ECDH,
  PSA_ALG_JPAKE, PSA_ALG_SPAKE2P_HMAC, PSA_ALG_SPAKE2P_CMAC, PSA_ALG_SPAKE2P_MATTER, PSA_ALG_SRP_6,
  PSA_ALG_SRP_PASSWORD_HASH, PSA_ALG_WPA3_SAE_FIXED, PSA_ALG_WPA3_SAE_GDH,
  PSA_KEY_TYPE_AES, PSA_KEY_TYPE_CHACHA20, PSA_KEY_TYPE_XCHACHA20, PSA_KEY_TYPE_ASCON, PSA_KEY_TYPE_HMAC,
  PSA_KEY_TYPE_LMS_PUBLIC_KEY, PSA_KEY_TYPE_HSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY,
  PSA_KEY_TYPE_SPAKE2P_KEY_PAIR, PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY, PSA_KEY_TYPE_SRP_KEY_PAIR, PSA_KEY_TYPE_SRP_PUBLIC_KEY,
  PSA_KEY_TYPE_WPA3_SAE_ECC, PSA_KEY_TYPE_WPA3_SAE_DH,
  PSA_ECC_FAMILY_SECP_R1, PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_MONTGOMERY, PSA_ECC_FAMILY_TWISTED_EDWARDS,
  PSA_DH_FAMILY_RFC3526, PSA_DH_FAMILY_RFC7919,
  PSA_PAKE_PRIMITIVE, PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_PAKE_PRIMITIVE_TYPE_DH,
} from '../../values/index.js';
import { ecc, rsa, type CapabilityRow } from './capabilities.js';

/** The Oberon PSA Crypto release whose Appendix A the table follows. */
export const OBERON_LATEST = '1.5.4';

const A = '[V] sdk-oberon-psa-crypto oberon/docs/Appendix_A_Supported_Crypto_Features.md (v1.5.4)';
const CL = '[V] sdk-oberon-psa-crypto CHANGELOG.md';
const AES = [{ types: [PSA_KEY_TYPE_AES], bits: [128, 192, 256] }];
const RSA_SIZES = [1024, 1536, 2048, 3072, 4096, 6144, 8192];
const P256 = PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_ECC, PSA_ECC_FAMILY_SECP_R1, 256);
const R1 = ecc(PSA_ECC_FAMILY_SECP_R1, [224, 256, 384]);
const P521 = ecc(PSA_ECC_FAMILY_SECP_R1, [521]);
const K256 = ecc(PSA_ECC_FAMILY_SECP_K1, [256]);
const ED25519 = ecc(PSA_ECC_FAMILY_TWISTED_EDWARDS, [255]);
const ED448 = ecc(PSA_ECC_FAMILY_TWISTED_EDWARDS, [448]);
const X25519 = ecc(PSA_ECC_FAMILY_MONTGOMERY, [255]);
const X448 = ecc(PSA_ECC_FAMILY_MONTGOMERY, [448]);
const ECDSA = [PSA_ALG_ECDSA_BASE, PSA_ALG_DETERMINISTIC_ECDSA_BASE];
const HBS_KEYS = [{ types: [PSA_KEY_TYPE_LMS_PUBLIC_KEY, PSA_KEY_TYPE_HSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_PUBLIC_KEY, PSA_KEY_TYPE_XMSS_MT_PUBLIC_KEY] }];
const SPAKE2P_KEYS = [{ types: [PSA_KEY_TYPE_SPAKE2P_KEY_PAIR(PSA_ECC_FAMILY_SECP_R1), PSA_KEY_TYPE_SPAKE2P_PUBLIC_KEY(PSA_ECC_FAMILY_SECP_R1)], bits: [256] }];
const SRP_KEYS = [{ types: [PSA_KEY_TYPE_SRP_KEY_PAIR(PSA_DH_FAMILY_RFC3526), PSA_KEY_TYPE_SRP_PUBLIC_KEY(PSA_DH_FAMILY_RFC3526)], bits: [3072] }];
const SAE_KEYS = [{ types: [PSA_KEY_TYPE_WPA3_SAE_ECC(PSA_ECC_FAMILY_SECP_R1), PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC3526), PSA_KEY_TYPE_WPA3_SAE_DH(PSA_DH_FAMILY_RFC7919)] }];
const SAE_NOTE = 'nordic.md §3 names WPA3-SAE without groups: every group the software implements is accepted [?]';
const base = (alg: number): number => (alg & ~0xff) >>> 0;

/** The Oberon PSA Crypto table (nordic.md §3), every release up to `OBERON_LATEST`. */
export const OBERON_ROWS: readonly CapabilityRow[] = [
  { op: 'hash', algs: [PSA_ALG_SHA_1, PSA_ALG_SHA_224, PSA_ALG_SHA_256, PSA_ALG_SHA_384, PSA_ALG_SHA_512], source: A },
  { op: 'hash', algs: [PSA_ALG_SHA3_224, PSA_ALG_SHA3_256, PSA_ALG_SHA3_384, PSA_ALG_SHA3_512, PSA_ALG_SHAKE256_512], since: '1.2.0', source: `${A}; SHA-3/SHAKE in 1.2.0 (${CL})` },
  { op: 'hash', algs: [PSA_ALG_ASCON_HASH256], since: '1.5.3', source: `${A}; Ascon in 1.5.3` },
  { op: 'xof', algs: [PSA_ALG_ASCON_XOF128, PSA_ALG_ASCON_CXOF128], since: '1.5.3', source: `${A}; XOF/Ascon in 1.5.3` },
  { op: 'mac', algs: [PSA_ALG_HMAC_BASE], hashes: 'driver', keys: [{ types: [PSA_KEY_TYPE_HMAC] }], source: `${A}: HMAC with any enabled hash` },
  { op: 'mac', algs: [PSA_ALG_CMAC], keys: AES, source: `${A}: AES-CMAC 128/192/256` },
  { op: 'cipher', algs: [PSA_ALG_ECB_NO_PADDING, PSA_ALG_CBC_NO_PADDING, PSA_ALG_CBC_PKCS7, PSA_ALG_CTR, PSA_ALG_CCM_STAR_NO_TAG], keys: AES, source: `${A}: no OFB, CFB or XTS` },
  { op: 'cipher', algs: [PSA_ALG_STREAM_CIPHER], keys: [{ types: [PSA_KEY_TYPE_CHACHA20], bits: [256] }], source: A },
  { op: 'cipher', algs: [PSA_ALG_STREAM_CIPHER], keys: [{ types: [PSA_KEY_TYPE_XCHACHA20], bits: [256] }], since: '1.4.0', source: `${A}; XChaCha in 1.4.0` },
  { op: 'aead', algs: [PSA_ALG_CCM, PSA_ALG_GCM], keys: AES, source: A },
  { op: 'aead', algs: [PSA_ALG_CHACHA20_POLY1305], keys: [{ types: [PSA_KEY_TYPE_CHACHA20], bits: [256] }], source: A },
  { op: 'aead', algs: [PSA_ALG_XCHACHA20_POLY1305], keys: [{ types: [PSA_KEY_TYPE_XCHACHA20], bits: [256] }], since: '1.4.0', uncertain: 'release not given for the AEAD; taken as that of the XChaCha20 cipher', source: A },
  { op: 'aead', algs: [PSA_ALG_ASCON_AEAD128], keys: [{ types: [PSA_KEY_TYPE_ASCON], bits: [128] }], since: '1.5.3', uncertain: 'release not given for the AEAD; taken as that of Ascon-Hash/XOF', source: A },
  { op: 'wrap', algs: [PSA_ALG_KW, PSA_ALG_KWP], keys: AES, since: '1.3.2', source: `${A}: AES-KW/KWP (experimental) in 1.3.2` },
  { op: 'kdf', algs: [base(PSA_ALG_HKDF(PSA_ALG_SHA_256)), base(PSA_ALG_HKDF_EXTRACT(PSA_ALG_SHA_256)), base(PSA_ALG_HKDF_EXPAND(PSA_ALG_SHA_256)),
    base(PSA_ALG_TLS12_PRF(PSA_ALG_SHA_256)), base(PSA_ALG_TLS12_PSK_TO_MS(PSA_ALG_SHA_256))], hashes: 'driver', source: A },
  { op: 'kdf', algs: [base(PSA_ALG_PBKDF2_HMAC(PSA_ALG_SHA_256))], hashes: 'driver', tfmExcluded: true, source: `${A}; not with TF-M (nordic.md §1.7)` },
  { op: 'kdf', algs: [PSA_ALG_PBKDF2_AES_CMAC_PRF_128], tfmExcluded: true, source: `${A}; not with TF-M (nordic.md §1.7)` },
  { op: 'kdf', algs: [base(PSA_ALG_SP800_108_COUNTER_HMAC(PSA_ALG_SHA_256))], hashes: 'driver', since: '1.2.1', source: `${A}; SP800-108 in 1.2.1` },
  { op: 'kdf', algs: [PSA_ALG_SP800_108_COUNTER_CMAC], since: '1.2.1', source: `${A}; SP800-108 in 1.2.1` },
  { op: 'kdf', algs: [PSA_ALG_TLS12_ECJPAKE_TO_PMS], source: A },
  { op: 'kdf', algs: [base(PSA_ALG_SRP_PASSWORD_HASH(PSA_ALG_SHA_256))], hashes: 'driver', tfmExcluded: true, uncertain: 'the SRP password hash is assumed to come with SRP-6 [?]', source: A },
  { op: 'kdf', algs: [base(PSA_ALG_WPA3_SAE_H2E(PSA_ALG_SHA_256))], hashes: 'driver', since: '1.3.3', tfmExcluded: true, uncertain: 'H2E assumed to come with WPA3-SAE [?]', source: `${A}; WPA3-SAE in 1.3.3` },
  { op: 'sign', algs: ECDSA, hashes: 'any', keys: [R1], source: `${A}: ECDSA + deterministic ECDSA` },
  { op: 'sign', algs: ECDSA, hashes: 'any', keys: [P521], since: '1.2.0', source: `${A}; P-521 in 1.2.0` },
  { op: 'sign', algs: [PSA_ALG_ECDSA_BASE], hashes: 'any', keys: [K256], since: '1.4.0', source: `${A}: secp256k1 random ECDSA only, 1.4.0` },
  { op: 'sign', algs: [PSA_ALG_PURE_EDDSA, PSA_ALG_ED25519PH], keys: [ED25519], source: A },
  { op: 'sign', algs: [PSA_ALG_PURE_EDDSA, PSA_ALG_ED448PH], keys: [ED448], since: '1.2.0', source: `${A}; Ed448 in 1.2.0` },
  { op: 'sign', algs: [PSA_ALG_RSA_PKCS1V15_SIGN_BASE, PSA_ALG_RSA_PSS_BASE], hashes: 'any', keys: [rsa(RSA_SIZES)], source: A },
  { op: 'sign', algs: [PSA_ALG_LMS, PSA_ALG_HSS, PSA_ALG_XMSS, PSA_ALG_XMSS_MT], keys: HBS_KEYS, verifyOnly: true, since: '1.4.0', source: `${A}: LMS/HSS, XMSS/XMSS^MT verify only, 1.4.0` },
  { op: 'key-agreement', algs: [PSA_ALG_ECDH], keys: [R1, X25519], source: A },
  { op: 'key-agreement', algs: [PSA_ALG_ECDH], keys: [P521, X448], since: '1.2.0', source: `${A}; P-521/X448 in 1.2.0` },
  { op: 'asymmetric-encryption', algs: [PSA_ALG_RSA_PKCS1V15_CRYPT], keys: [rsa(RSA_SIZES)], source: A },
  { op: 'asymmetric-encryption', algs: [PSA_ALG_RSA_OAEP_BASE], hashes: 'driver', keys: [rsa(RSA_SIZES)], source: A },
  { op: 'pake', algs: [base(PSA_ALG_JPAKE(PSA_ALG_SHA_256))], hashes: 'driver', primitives: [P256], tfmExcluded: true, source: `${A}: EC-JPAKE (P-256)` },
  { op: 'pake', algs: [base(PSA_ALG_SPAKE2P_HMAC(PSA_ALG_SHA_256)), base(PSA_ALG_SPAKE2P_CMAC(PSA_ALG_SHA_256))], hashes: 'driver', primitives: [P256], keys: SPAKE2P_KEYS, tfmExcluded: true, source: `${A}: SPAKE2+ (P-256)` },
  { op: 'pake', algs: [PSA_ALG_SPAKE2P_MATTER], primitives: [P256], keys: SPAKE2P_KEYS, tfmExcluded: true, source: `${A}: SPAKE2+ Matter variant` },
  { op: 'pake', algs: [base(PSA_ALG_SRP_6(PSA_ALG_SHA_256))], hashes: 'driver', primitives: [PSA_PAKE_PRIMITIVE(PSA_PAKE_PRIMITIVE_TYPE_DH, PSA_DH_FAMILY_RFC3526, 3072)], keys: SRP_KEYS, tfmExcluded: true, source: `${A}: SRP-6 (3072-bit group)` },
  { op: 'pake', algs: [base(PSA_ALG_WPA3_SAE_FIXED(PSA_ALG_SHA_256)), base(PSA_ALG_WPA3_SAE_GDH(PSA_ALG_SHA_256))], hashes: 'driver', keys: SAE_KEYS, since: '1.3.3', tfmExcluded: true, uncertain: SAE_NOTE, source: `${A}; WPA3-SAE in 1.3.3` },
  { op: 'import', keys: [R1, K256, ED25519, X25519, rsa(RSA_SIZES)], source: `${A}; RSA key pair BASIC/IMPORT/EXPORT only` },
  { op: 'import', keys: [P521, ED448, X448], since: '1.2.0', source: `${A}; 1.2.0` },
  { op: 'import', keys: HBS_KEYS, since: '1.4.0', source: `${A}; 1.4.0` },
  { op: 'import', keys: [...SPAKE2P_KEYS, ...SRP_KEYS], source: A },
  { op: 'import', keys: SAE_KEYS, since: '1.3.3', uncertain: SAE_NOTE, source: A },
  { op: 'generate', keys: [R1, K256, ED25519, X25519], source: `${A}; no RSA key generation (footnote 2)` },
  { op: 'generate', keys: [P521, ED448, X448], since: '1.2.0', source: `${A}; 1.2.0` },
  { op: 'generate', keys: [...SPAKE2P_KEYS, ...SRP_KEYS], source: A },
];
