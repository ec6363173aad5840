/**
 * Generates docs/api-coverage.md: every function and every algorithm
 * identifier of the PSA Crypto API 1.5 (the list in
 * test-vectors/psa-1.5-identifiers.json, transcribed from the
 * specification's index of C identifiers), each either implemented or not
 * supported with the reason.
 *
 * - A function is implemented when `psa-crypto/c` exports it.
 * - An algorithm is implemented when this build declares its
 *   `PSA_WANT_ALG_*` capability (spec/conformance/capabilities.ts, which the
 *   conformance runner holds to account), or, for algorithms Mbed TLS has no
 *   capability macro for, when it is listed in `TESTED_ELSEWHERE` with the
 *   spec file that exercises it.
 * - Everything else needs an entry in `NOT_SUPPORTED`; a reason left for
 *   something that is implemented fails the test (it would be stale).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import * as c from '../../src/c/index.js';
import { DEFINED } from '../conformance/capabilities.js';
import { blockCipherRows } from './block-ciphers.js';

const ROOT = join(import.meta.dirname, '../..');
const REPORT = join(ROOT, 'docs/api-coverage.md');

interface Identifiers {
  readonly source: string;
  readonly functions: readonly string[];
  readonly algorithmMacros: readonly string[];
}
const ids = JSON.parse(readFileSync(join(ROOT, 'test-vectors/psa-1.5-identifiers.json'), 'utf8')) as Identifiers;

/** `PSA_ALG_*` macros that read or test an identifier rather than name one. */
const ACCESSORS = new Set([
  'PSA_ALG_GET_HASH',
  'PSA_ALG_KEY_AGREEMENT_GET_BASE',
  'PSA_ALG_KEY_AGREEMENT_GET_KDF',
  'PSA_ALG_SIGN_SUPPORTS_CONTEXT',
  'PSA_ALG_XOF_HAS_CONTEXT',
]);

/** Identifiers that only build policies or combine other identifiers: usable wherever their parts are. */
const POLICY_BUILDERS = new Set([
  'PSA_ALG_NONE',
  'PSA_ALG_ANY_HASH',
  'PSA_ALG_AEAD_WITH_AT_LEAST_THIS_LENGTH_TAG',
  'PSA_ALG_AEAD_WITH_DEFAULT_LENGTH_TAG',
  'PSA_ALG_AEAD_WITH_SHORTENED_TAG',
  'PSA_ALG_AT_LEAST_THIS_LENGTH_MAC',
  'PSA_ALG_FULL_LENGTH_MAC',
  'PSA_ALG_TRUNCATED_MAC',
  'PSA_ALG_CCM_STAR_ANY_TAG',
  'PSA_ALG_KEY_AGREEMENT',
  'PSA_ALG_WPA3_SAE_ANY',
]);

/**
 * Implemented algorithms that Mbed TLS has no `PSA_WANT_ALG_*` macro for,
 * with the spec file that exercises them (checked to exist and to name them).
 */
const TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  PSA_ALG_EDDSA_CTX: 'spec/sign/eddsa.spec.ts',
  PSA_ALG_XCHACHA20_POLY1305: 'spec/aead/differential.spec.ts',
  PSA_ALG_SP800_108_COUNTER_HMAC: 'spec/kdf/sp800-108.spec.ts',
  PSA_ALG_SP800_108_COUNTER_CMAC: 'spec/kdf/sp800-108.spec.ts',
  PSA_ALG_SPAKE2P_HMAC: 'spec/pake/spake2p/api.spec.ts',
  PSA_ALG_SPAKE2P_CMAC: 'spec/pake/spake2p/api.spec.ts',
  PSA_ALG_SPAKE2P_MATTER: 'spec/pake/spake2p/api.spec.ts',
  PSA_ALG_WPA3_SAE_H2E: 'spec/pake/wpa3-sae/h2e.spec.ts',
  PSA_ALG_WPA3_SAE_FIXED: 'spec/pake/wpa3-sae/pake.spec.ts',
  PSA_ALG_WPA3_SAE_GDH: 'spec/pake/wpa3-sae/pake.spec.ts',
  PSA_ALG_BLAKE2SP_HASH256: 'spec/hash/blake2-parallel.spec.ts',
  PSA_ALG_BLAKE2BP_HASH512: 'spec/hash/blake2-parallel.spec.ts',
};

/** Implemented algorithms with parameters this build leaves NOT_SUPPORTED: the part that is missing, and why. */
const WPA3_SAE_LIMIT =
  'ECC groups 19–21 and 28–30 and finite-field groups 15–18 (`PSA_DH_FAMILY_RFC3526`, 3072–8192 bits); groups 14 (2048-bit MODP), 25 and 26 (secp192r1, secp224r1) are NOT_SUPPORTED: below the sizes IEEE 802.11 finds suitable';
const LIMITS: Readonly<Record<string, string>> = {
  PSA_ALG_WPA3_SAE_FIXED: WPA3_SAE_LIMIT,
  PSA_ALG_WPA3_SAE_GDH: WPA3_SAE_LIMIT,
  PSA_ALG_WPA3_SAE_H2E: WPA3_SAE_LIMIT,
  PSA_ALG_JPAKE: 'P-256 with SHA-256 only (the EC J-PAKE of Thread and TLS, as Mbed TLS)',
};

const PQC = 'post-quantum algorithms are not implemented yet';
const PQC_HASH = 'hash identifiers for post-quantum schemes; not implemented yet';

/** Functions and identifiers beyond the PSA 1.5 list that users of Mbed TLS or Nordic's Oberon driver meet, and their status here. */
const EXTENSIONS: readonly (readonly [string, string, string])[] = [
  ['`psa_generate_key_iop_*`, `psa_export_public_key_iop_*`, `psa_key_agreement_iop_*`', 'Mbed TLS / TF-PSA-Crypto 1.0', 'implemented (ECC; `spec/iop/`, conformance suite)'],
  ['`psa_sign_hash_start` / `psa_verify_hash_start` and the rest of the interruptible signature API', 'Mbed TLS', 'implemented (ECDSA)'],
  ['`mbedtls_ecc_group_to_psa`, `mbedtls_ecc_group_from_psa`', 'Mbed TLS `psa_util.h`', 'implemented'],
  ['SM4 (`PSA_KEY_TYPE_SM4`, 128-bit keys)', 'PSA Crypto API key type (Mbed TLS has no SM4)', 'implemented in the modes the block-cipher table lists (`spec/cipher/sm4.spec.ts`)'],
  ['SRP-6 (`PSA_ALG_SRP_6`, `PSA_ALG_SRP_PASSWORD_HASH`, `PSA_KEY_TYPE_SRP_KEY_PAIR` / `_PUBLIC_KEY`)', 'Oberon PSA Crypto', 'implemented (RFC 3526 groups 2048–8192 bits; `spec/pake/srp/srp.spec.ts` with Oberon\'s known answers)'],
];

/** Why each function or algorithm this build lacks is left out. */
const NOT_SUPPORTED: Readonly<Record<string, string>> = {
  PSA_ALG_MD2: 'obsolete hash, absent from Mbed TLS / TF-PSA-Crypto',
  PSA_ALG_MD4: 'obsolete hash, absent from Mbed TLS / TF-PSA-Crypto',
  PSA_ALG_DETERMINISTIC_HASH_ML_DSA: PQC,
  PSA_ALG_DETERMINISTIC_HASH_SLH_DSA: PQC,
  PSA_ALG_DETERMINISTIC_ML_DSA: PQC,
  PSA_ALG_DETERMINISTIC_SLH_DSA: PQC,
  PSA_ALG_HASH_ML_DSA: PQC,
  PSA_ALG_HASH_SLH_DSA: PQC,
  PSA_ALG_HSS: PQC,
  PSA_ALG_LMS: PQC,
  PSA_ALG_ML_DSA: PQC,
  PSA_ALG_ML_KEM: PQC,
  PSA_ALG_SLH_DSA: PQC,
  PSA_ALG_XMSS: PQC,
  PSA_ALG_XMSS_MT: PQC,
  PSA_ALG_SHAKE128_256: PQC_HASH,
  PSA_ALG_SHAKE256_192: PQC_HASH,
  PSA_ALG_SHAKE256_256: PQC_HASH,
  PSA_ALG_SHA_256_192: PQC_HASH,
};

type Status = { readonly implemented: true } | { readonly implemented: false; readonly reason: string | undefined };

const facade = c as unknown as Record<string, unknown>;

function functionStatus(name: string): Status {
  if (typeof facade[name] === 'function') return { implemented: true };
  return { implemented: false, reason: NOT_SUPPORTED[name] };
}

function algorithmStatus(name: string): Status {
  if (POLICY_BUILDERS.has(name)) return { implemented: true };
  if (DEFINED.has(`PSA_WANT_ALG_${name.slice('PSA_ALG_'.length)}`)) return { implemented: true };
  if (TESTED_ELSEWHERE[name] !== undefined) return { implemented: true };
  return { implemented: false, reason: NOT_SUPPORTED[name] };
}

function kindOf(name: string): string {
  if (POLICY_BUILDERS.has(name)) return 'policy';
  return typeof facade[name] === 'function' ? 'constructor' : 'constant';
}

const algorithms = ids.algorithmMacros.filter((a) => !ACCESSORS.has(a));

function cell(status: Status, name = ''): string {
  if (!status.implemented) return `not supported: ${status.reason ?? '(no reason given)'}`;
  return LIMITS[name] === undefined ? 'implemented' : `implemented: ${LIMITS[name]}`;
}

function render(): string {
  const fn = ids.functions.map((f) => [f, functionStatus(f)] as const);
  const alg = algorithms.map((a) => [a, algorithmStatus(a)] as const);
  const fnDone = fn.filter(([, s]) => s.implemented).length;
  const algDone = alg.filter(([, s]) => s.implemented).length;
  return [
    '# PSA Crypto API 1.5 coverage',
    '',
    'Generated by `npx vitest run spec/coverage` (do not edit by hand). A function is implemented when',
    '`psa-crypto/c` exports it (the TypeScript face has the same function in camelCase); an algorithm when',
    'this build declares its `PSA_WANT_ALG_*` capability (`spec/conformance/capabilities.ts`, the list the',
    'conformance runner checks) or, where Mbed TLS has no such macro, when a named spec file exercises it.',
    'Policy modifiers and wildcards are listed as implemented: they only build policies. An implemented',
    'identifier some of whose parameters are not supported says which after a colon.',
    `The identifier list: ${ids.source}.`,
    '',
    `**Functions: ${fnDone} of ${fn.length} implemented. Algorithm identifiers: ${algDone} of ${alg.length} implemented.**`,
    '',
    '## Functions',
    '',
    '| function | status |',
    '|---|---|',
    ...fn.map(([name, s]) => `| \`${name}\` | ${cell(s)} |`),
    '',
    '## Algorithm identifiers',
    '',
    '| identifier | kind | status |',
    '|---|---|---|',
    ...alg.map(([name, s]) => `| \`${name}\` | ${kindOf(name)} | ${cell(s, name)} |`),
    '',
    '## Block ciphers',
    '',
    'Found by asking this build: the key sizes that import, and for each algorithm whether an operation',
    'starts or the status it fails with (the set Mbed TLS 3.6 builds for these key types: OFB and XTS',
    'exist only for AES there, CMAC only for AES and three-key Triple-DES, CBC-MAC nowhere; SM4 is',
    'beyond Mbed TLS). The table-based ciphers are not constant-time: a cache-timing observer can learn',
    'about keys and data, so they are for interoperating with legacy protocols, not for new designs.',
    '',
    ...blockCipherRows(),
    '',
    '## Beyond the specification',
    '',
    '| interface | from | status |',
    '|---|---|---|',
    ...EXTENSIONS.map(([what, from, status]) => `| ${what} | ${from} | ${status} |`),
    '',
  ].join('\n');
}

describe('PSA 1.5 API coverage', () => {
  it('has the 135 functions of the specification', () => {
    expect(ids.functions.length).toBe(135);
  });

  it('gives a reason for every function and algorithm left out', () => {
    const missing = [
      ...ids.functions.filter((f) => { const s = functionStatus(f); return !s.implemented && s.reason === undefined; }),
      ...algorithms.filter((a) => { const s = algorithmStatus(a); return !s.implemented && s.reason === undefined; }),
    ];
    expect(missing).toEqual([]);
  });

  it('keeps no stale reason for something implemented or unknown', () => {
    const known = new Set([...ids.functions, ...algorithms]);
    const stale = Object.keys(NOT_SUPPORTED).filter((name) =>
      !known.has(name) || (name.startsWith('psa_') ? functionStatus(name) : algorithmStatus(name)).implemented);
    expect(stale).toEqual([]);
  });

  it('states limits only for implemented identifiers of the list', () => {
    const wrong = Object.keys(LIMITS).filter((name) => !algorithms.includes(name) || !algorithmStatus(name).implemented);
    expect(wrong).toEqual([]);
  });

  it('names existing spec files that exercise the algorithms without a capability macro', () => {
    for (const [name, file] of Object.entries(TESTED_ELSEWHERE)) {
      const path = join(ROOT, file);
      expect(existsSync(path), file).toBe(true);
      expect(readFileSync(path, 'utf8').includes(name), `${file} mentions ${name}`).toBe(true);
    }
  });

  it('writes docs/api-coverage.md', () => {
    const text = render();
    writeFileSync(REPORT, text);
    expect(text).toContain('## Algorithm identifiers');
  });
});
