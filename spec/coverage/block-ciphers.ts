/**
 * The block-cipher table of docs/api-coverage.md, found by asking the API:
 * for each block-cipher key type, which key sizes import, and which cipher,
 * AEAD and MAC algorithms start an operation (the status otherwise). So the
 * report says what the build does, not what a list claims.
 */
import { createPsa } from '../../src/create.js';
import { PsaError } from '../../src/values/error.js';
import {
  PSA_ALG_CBC_MAC,
  PSA_ALG_CBC_NO_PADDING,
  PSA_ALG_CBC_PKCS7,
  PSA_ALG_CCM,
  PSA_ALG_CCM_STAR_NO_TAG,
  PSA_ALG_CFB,
  PSA_ALG_CMAC,
  PSA_ALG_CTR,
  PSA_ALG_ECB_NO_PADDING,
  PSA_ALG_GCM,
  PSA_ALG_OFB,
  PSA_ALG_XTS,
  PSA_KEY_TYPE_AES,
  PSA_KEY_TYPE_ARIA,
  PSA_KEY_TYPE_CAMELLIA,
  PSA_KEY_TYPE_DES,
  PSA_KEY_TYPE_SM4,
  PSA_KEY_USAGE_ENCRYPT,
  PSA_KEY_USAGE_SIGN_MESSAGE,
} from '../../src/values/index.js';
import { statusName } from '../../src/values/status.js';

const psa = createPsa();

const TYPES = [
  { name: 'AES', type: PSA_KEY_TYPE_AES, note: "noble-ciphers' AES" },
  { name: 'ARIA', type: PSA_KEY_TYPE_ARIA, note: 'RFC 5794, `cipher/aria.ts`; table lookups indexed by secret data: not constant-time' },
  { name: 'CAMELLIA', type: PSA_KEY_TYPE_CAMELLIA, note: 'RFC 3713, `cipher/camellia.ts`; table lookups indexed by secret data: not constant-time' },
  { name: 'DES', type: PSA_KEY_TYPE_DES, note: 'FIPS 46-3 / SP 800-67, `cipher/des.ts`; table lookups indexed by secret data: not constant-time' },
  { name: 'SM4', type: PSA_KEY_TYPE_SM4, note: 'GB/T 32907-2016, `cipher/sm4.ts`; table S-box: not constant-time' },
];

const CIPHERS = [
  ['ECB', PSA_ALG_ECB_NO_PADDING], ['CBC', PSA_ALG_CBC_NO_PADDING], ['CBC-PKCS7', PSA_ALG_CBC_PKCS7], ['CTR', PSA_ALG_CTR],
  ['CFB', PSA_ALG_CFB], ['OFB', PSA_ALG_OFB], ['CCM*', PSA_ALG_CCM_STAR_NO_TAG], ['XTS', PSA_ALG_XTS],
] as const;
const AEADS = [['CCM', PSA_ALG_CCM], ['GCM', PSA_ALG_GCM]] as const;
const MACS = [['CMAC', PSA_ALG_CMAC], ['CBC-MAC', PSA_ALG_CBC_MAC]] as const;

/** `undefined` when `body` succeeds, else the status name it fails with. */
function failure(body: () => void): string | undefined {
  try {
    body();
    return undefined;
  } catch (err) {
    if (err instanceof PsaError) return statusName(err.status);
    throw err;
  }
}

/** Import `length` bytes as `type` for `alg` with `usage`, run `use`, destroy; the failure status if any. */
function probe(type: number, length: number, alg: number, usage: number, use: (id: number) => void): string | undefined {
  let id = 0;
  try {
    return failure(() => {
      id = psa.importKey({ type, usage, alg }, new Uint8Array(length).fill(0x35));
      use(id);
    });
  } finally {
    if (id !== 0) psa.destroyKey(id);
  }
}

/** A cell listing what works and, after a semicolon, what fails and how. */
function statusCell(results: readonly (readonly [string, string | undefined])[], nothing = 'none'): string {
  const ok = results.filter(([, s]) => s === undefined).map(([n]) => n);
  const bad = results.filter(([, s]) => s !== undefined).map(([n, s]) => `${n} ${s!.replace('PSA_ERROR_', '')}`);
  return [ok.length > 0 ? ok.join(', ') : nothing, ...(bad.length > 0 ? [bad.join(', ')] : [])].join('; ');
}

/** The markdown rows of the block-cipher section. */
export function blockCipherRows(): string[] {
  const rows = TYPES.map(({ name, type, note }) => {
    const sizes = [8, 16, 24, 32].filter((n) => probe(type, n, PSA_ALG_ECB_NO_PADDING, PSA_KEY_USAGE_ENCRYPT, () => {}) === undefined);
    const largest = sizes[sizes.length - 1]!;
    const cipher = CIPHERS.map(([label, alg]) => {
      // XTS takes two keys of the cipher: a double-size key where the type has one.
      const length = alg === PSA_ALG_XTS && sizes.includes(2 * sizes[0]!) ? 2 * sizes[0]! : largest;
      return [label, probe(type, length, alg, PSA_KEY_USAGE_ENCRYPT, (id) => psa.cipherEncryptSetup(id, alg).abort())] as const;
    });
    const aead = AEADS.map(([label, alg]) => [label, probe(type, largest, alg, PSA_KEY_USAGE_ENCRYPT, (id) => psa.aeadEncryptSetup(id, alg).abort())] as const);
    // One entry per MAC, split by key size only where the sizes differ.
    const mac = MACS.flatMap(([label, alg]): (readonly [string, string | undefined])[] => {
      const bySize = sizes.map((n) => [n, probe(type, n, alg, PSA_KEY_USAGE_SIGN_MESSAGE, (id) => psa.macSignSetup(id, alg).abort())] as const);
      if (bySize.every(([, st]) => st === bySize[0]![1])) return [[label, bySize[0]![1]] as const];
      return bySize.map(([n, st]) => [`${label} (${n * 8}-bit keys)`, st] as const);
    });
    const macCell = statusCell(mac);
    return `| \`PSA_KEY_TYPE_${name}\` | ${sizes.map((n) => n * 8).join(', ')} | ${statusCell(cipher)} | ${statusCell(aead)} | ${macCell} | ${note} |`;
  });
  return ['| key type | key bits | cipher modes | AEAD | MAC | implementation |', '|---|---|---|---|---|---|', ...rows];
}
