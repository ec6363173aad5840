/**
 * Software hash driver: every PSA hash algorithm the package builds in,
 * computed with @noble/hashes or, for AES-MMO, SM3, Ascon-Hash256 and the
 * parallel BLAKE2 (BLAKE2sp, BLAKE2bp), with this package's own modules in
 * noble's shape. The Merkle–Damgård hashes
 * with a PSA suspend format (MD5, RIPEMD-160, SHA-1, SHA-2) also support
 * suspend and resume in the PSA state encoding; SM3 has none in the spec.
 * @module
 */
import type { Hash } from '@noble/hashes/utils.js';
import { shake256 } from '@noble/hashes/sha3.js';
import { blake2b, blake2s } from '@noble/hashes/blake2.js';
import type { HashContext, HashSuspendParts } from '../../driver.js';
import { aesMmo } from './aes-mmo.js';
import { blake2bp, blake2sp } from './blake2-parallel.js';
import { NOBLE_HASHES, type MdLayout } from './noble.js';
import { asconHash256 } from '../ascon/sponge.js';
import { fail } from '../../../values/error.js';
import {
  PSA_ERROR_BAD_STATE,
  PSA_ERROR_INVALID_ARGUMENT,
  PSA_ERROR_NOT_SUPPORTED,
} from '../../../values/status.js';
import { PSA_ALG_IS_HASH } from '../../../values/alg-predicates.js';
import {
  PSA_ALG_AES_MMO_ZIGBEE,
  PSA_ALG_ASCON_HASH256,
  PSA_ALG_BLAKE2B_HASH512,
  PSA_ALG_BLAKE2BP_HASH512,
  PSA_ALG_BLAKE2S_HASH256,
  PSA_ALG_BLAKE2SP_HASH256,
  PSA_ALG_SHAKE256_512,
} from '../../../values/algorithms.js';
import { copyRange } from '../../../bytes.js';

/** A noble hash object, whatever its concrete class. */
type NobleHash = Hash<any>;

interface SoftwareHash {
  readonly create: () => NobleHash;
  readonly md?: MdLayout;
}

/**
 * The algorithms this driver computes, keyed by PSA algorithm identifier:
 * the noble table (`noble.ts`), then the hashes HMAC does not take.
 */
const SOFTWARE_HASHES: ReadonlyMap<number, SoftwareHash> = new Map<number, SoftwareHash>([
  ...[...NOBLE_HASHES].map(([alg, { hash, md }]): [number, SoftwareHash] => [alg, { create: () => hash.create(), md }]),
  [PSA_ALG_SHAKE256_512, { create: () => shake256.create({ dkLen: 64 }) }],
  [PSA_ALG_BLAKE2S_HASH256, { create: () => blake2s.create({ dkLen: 32 }) }],
  [PSA_ALG_BLAKE2B_HASH512, { create: () => blake2b.create({ dkLen: 64 }) }],
  // No suspend layout for BLAKE2sp/BLAKE2bp either: the spec defines none.
  [PSA_ALG_BLAKE2SP_HASH256, { create: () => blake2sp.create() }],
  [PSA_ALG_BLAKE2BP_HASH512, { create: () => blake2bp.create() }],
  [PSA_ALG_AES_MMO_ZIGBEE, { create: () => aesMmo.create() }],
  [PSA_ALG_ASCON_HASH256, { create: () => asconHash256.create() }],
]);

/** The hash algorithms `softwareHashSetup` accepts. */
export const SOFTWARE_HASH_ALGORITHMS: readonly number[] = [...SOFTWARE_HASHES.keys()];

function lookup(alg: number): SoftwareHash {
  if (!Number.isInteger(alg) || !PSA_ALG_IS_HASH(alg >>> 0)) {
    fail(PSA_ERROR_INVALID_ARGUMENT, `not a hash algorithm: ${String(alg)}`);
  }
  const entry = SOFTWARE_HASHES.get(alg >>> 0);
  if (entry === undefined) {
    fail(PSA_ERROR_NOT_SUPPORTED, `hash algorithm 0x${(alg >>> 0).toString(16)} is not built into the software driver`);
  }
  return entry;
}

function requireBytes(data: unknown, what: string): asserts data is Uint8Array {
  if (!(data instanceof Uint8Array)) fail(PSA_ERROR_INVALID_ARGUMENT, `${what} must be a Uint8Array`);
}

/**
 * The fields of noble's Merkle–Damgård base class that hold a running hash:
 * chaining words through `get()`/`set()`, the byte count, and the buffered
 * partial block. They are `protected` in noble's typings, so they are reached
 * through this view, and the shape is checked before every use.
 */
interface MdInternals {
  readonly blockLen: number;
  get(): number[];
  set(...words: number[]): void;
  length: number;
  pos: number;
  buffer: Uint8Array;
  finished: boolean;
  destroyed: boolean;
}

function mdInternals(h: NobleHash, layout: MdLayout): MdInternals {
  const m = h as unknown as Partial<MdInternals>;
  const ok =
    typeof m.get === 'function' &&
    typeof m.set === 'function' &&
    typeof m.length === 'number' &&
    typeof m.pos === 'number' &&
    typeof m.blockLen === 'number' &&
    m.buffer instanceof Uint8Array &&
    m.buffer.length === m.blockLen &&
    m.finished === false &&
    m.destroyed === false;
  if (!ok) fail(PSA_ERROR_NOT_SUPPORTED, 'hash state is not accessible in this @noble/hashes build');
  const internals = m as MdInternals;
  if (internals.get().length !== layout.words || internals.pos !== internals.length % internals.blockLen) {
    fail(PSA_ERROR_NOT_SUPPORTED, 'hash state is not accessible in this @noble/hashes build');
  }
  return internals;
}

function exportParts(h: NobleHash, layout: MdLayout): HashSuspendParts {
  const m = mdInternals(h, layout);
  const words = m.get();
  const state = new Uint8Array(4 * layout.words);
  const view = new DataView(state.buffer);
  words.forEach((w, i) => view.setUint32(4 * i, w >>> 0, layout.littleEndian));
  words.fill(0);
  return { inputLength: m.length, state, unprocessed: copyRange(m.buffer, 0, m.pos) };
}

function importParts(entry: SoftwareHash, layout: MdLayout, parts: HashSuspendParts): NobleHash {
  const h = entry.create();
  const m = mdInternals(h, layout);
  const { inputLength, state, unprocessed } = parts;
  if (
    !Number.isSafeInteger(inputLength) ||
    inputLength < 0 ||
    !(state instanceof Uint8Array) ||
    !(unprocessed instanceof Uint8Array) ||
    state.length !== 4 * layout.words ||
    unprocessed.length !== inputLength % m.blockLen
  ) {
    h.destroy();
    fail(PSA_ERROR_INVALID_ARGUMENT, 'inconsistent hash suspend state');
  }
  const view = new DataView(state.buffer, state.byteOffset, state.byteLength);
  const words: number[] = [];
  for (let i = 0; i < layout.words; i++) words.push(view.getUint32(4 * i, layout.littleEndian));
  m.set(...words);
  words.fill(0);
  m.length = inputLength;
  m.pos = unprocessed.length;
  m.buffer.set(unprocessed);
  return h;
}

/** A driver context over one noble hash object. */
class SoftwareHashContext implements HashContext {
  readonly alg: number;
  #entry: SoftwareHash;
  #hash: NobleHash | undefined;

  constructor(alg: number, entry: SoftwareHash, hash: NobleHash) {
    this.alg = alg;
    this.#entry = entry;
    this.#hash = hash;
  }

  #live(): NobleHash {
    return this.#hash ?? fail(PSA_ERROR_BAD_STATE, 'hash context already finished or destroyed');
  }

  update(data: Uint8Array): void {
    requireBytes(data, 'hash input');
    this.#live().update(data);
  }

  finish(): Uint8Array {
    const h = this.#live();
    this.#hash = undefined;
    const digest = h.digest();
    h.destroy();
    return digest;
  }

  clone(): HashContext {
    return new SoftwareHashContext(this.alg, this.#entry, this.#live().clone());
  }

  destroy(): void {
    this.#hash?.destroy();
    this.#hash = undefined;
  }

  suspend(): HashSuspendParts {
    const h = this.#live();
    const layout = this.#entry.md;
    if (layout === undefined) {
      fail(PSA_ERROR_NOT_SUPPORTED, `hash algorithm 0x${this.alg.toString(16)} has no suspend format`);
    }
    return exportParts(h, layout);
  }
}

/** Start a multipart hash. NOT_SUPPORTED for a hash not built in, INVALID_ARGUMENT for a non-hash. */
export function softwareHashSetup(alg: number): HashContext {
  const entry = lookup(alg);
  return new SoftwareHashContext(alg >>> 0, entry, entry.create());
}

/** Single-part hash of `input` (statuses as `softwareHashSetup`). */
export function softwareHashCompute(alg: number, input: Uint8Array): Uint8Array {
  const entry = lookup(alg);
  requireBytes(input, 'hash input');
  const h = entry.create();
  h.update(input);
  const digest = h.digest();
  h.destroy();
  return digest;
}

/**
 * Rebuild a multipart hash from suspended parts. NOT_SUPPORTED for an
 * algorithm without suspend support here; INVALID_ARGUMENT when the parts
 * do not fit the algorithm.
 */
export function softwareHashResume(alg: number, parts: HashSuspendParts): HashContext {
  const entry = lookup(alg);
  if (entry.md === undefined) {
    fail(PSA_ERROR_NOT_SUPPORTED, `hash algorithm 0x${(alg >>> 0).toString(16)} has no suspend format`);
  }
  return new SoftwareHashContext(alg >>> 0, entry, importParts(entry, entry.md, parts));
}
