/**
 * The API fuzzer shared by `spec/fuzz/api.spec.ts` (a bounded run in
 * `npm test`) and `spec/fuzz/run.ts` (`npm run fuzz -- --calls N`): random
 * call sequences over every function of `psa-crypto/c`, every method of
 * `Psa` and every method of the operation objects they hand out.
 *
 * Arguments are chosen from the parameter's name (an `operation` gets an
 * operation object, mostly of the function's own kind; an `alg` an
 * algorithm number; a `key` a key id or an out-holder; `input`, `hash`, …
 * bytes), and one argument in eight is replaced by a hostile value of any
 * type (strings, null, undefined, NaN, -1, 2^53, BigInt, Symbol, Proxy,
 * frozen and getter-only holders, detached, shared and Proxy-wrapped
 * buffers). Operation objects live for the whole sequence, so calls after
 * finish or abort, double setups, clones of dead operations, operations of
 * the wrong kind and keys destroyed in the middle of an operation all occur.
 *
 * What is checked after every call (a violation throws an `Error` naming the
 * call):
 * - C face: nothing is thrown; a status-returning function returns an
 *   integer status <= 0 that is not PSA_ERROR_GENERIC_ERROR, a getter a
 *   number, a setter `undefined`;
 * - TS face: a failure is a `PsaError` with a negative status other than
 *   GENERIC_ERROR, whose message holds no key bytes (hex or decimal list);
 * - both: no key slot stays locked between calls.
 * At the end of a sequence every imported key that still exists exports its
 * original bytes and the store statistics add up.
 */
import * as c from '../../src/c/index.js';
import { createPsa, PsaError, type Psa } from '../../src/index.js';
import {
  ALGS, BITS, bytes, GENERIC, H, hostile, leakForms, methodNames, P256_PRIVATE, paramNames, PROTECTED, Rng, SEED_KEYS, SMALL, STEPS,
  tooSlow, TYPES, USAGES, type SeedKey,
} from './values.js';

export { Rng } from './values.js';

/** Counters of a run. */
export interface FuzzStats {
  calls: number;
  cCalls: number;
  tsCalls: number;
  /** Calls that answered a failure status (C) or threw a PsaError (TS). */
  failures: number;
  /** Calls that succeeded. */
  successes: number;
  /** Violations found (a run stops at the first). */
  crashes: number;
}

/** Fresh counters. */
export function newStats(): FuzzStats {
  return { calls: 0, cCalls: 0, tsCalls: 0, failures: 0, successes: 0, crashes: 0 };
}

/** One fuzzing sequence over both faces; `check` throws on a violation. */
export class Sequence {
  readonly #r: Rng;
  readonly #stats: FuzzStats;
  readonly #keys: SeedKey[] = [];
  readonly #ids: number[] = [0, 0x7fffffff, 0x3fffffff, 1];
  readonly #cOps: object[] = [];
  readonly #tsOps: object[] = [];
  readonly #psa: Psa;
  readonly #cFns: [string, (...args: unknown[]) => unknown, string[]][];
  readonly #psaMethods: [string, string[]][];

  constructor(seed: number, stats: FuzzStats) {
    this.#r = new Rng(seed);
    this.#stats = stats;
    c.mbedtls_psa_crypto_free();
    if (c.psa_crypto_init({}) !== 0) throw new Error('psa_crypto_init failed');
    this.#psa = createPsa();
    this.#cFns = Object.entries(c)
      .filter(([n, f]) => typeof f === 'function' && /^(psa_|mbedtls_)/.test(n) && n !== 'psa_crypto_init' && n !== 'mbedtls_psa_crypto_free')
      .map(([n, f]) => [n, f as (...args: unknown[]) => unknown, paramNames(f as (...args: never[]) => unknown)]);
    const proto = Object.getPrototypeOf(this.#psa) as Record<string, unknown>;
    this.#psaMethods = Object.getOwnPropertyNames(proto)
      .filter((n) => n !== 'constructor' && n !== 'close' && typeof Object.getOwnPropertyDescriptor(proto, n)?.value === 'function')
      .map((n) => [n, paramNames(proto[n] as (...args: never[]) => unknown)]);
    for (const k of SEED_KEYS) this.#importSeed(k.type, k.bits, this.#r.bytes(k.len), k.alg);
    this.#importSeed(c.PSA_KEY_TYPE_ECC_KEY_PAIR(c.PSA_ECC_FAMILY_SECP_R1), 256, P256_PRIVATE, c.PSA_ALG_ECDSA(H));
    for (const init of [c.psa_hash_operation_init, c.psa_mac_operation_init, c.psa_cipher_operation_init, c.psa_aead_operation_init,
      c.psa_xof_operation_init, c.psa_sign_operation_init, c.psa_verify_operation_init, c.psa_key_derivation_operation_init,
      c.psa_pake_operation_init, c.psa_sign_hash_interruptible_operation_init, c.psa_verify_hash_interruptible_operation_init,
      c.psa_generate_key_iop_init, c.psa_export_public_key_iop_init, c.psa_key_agreement_iop_init]) this.#cOps.push(init());
  }

  /** Import a key with the same bytes into both faces, exportable, usable for everything. */
  #importSeed(type: number, bits: number, material: Uint8Array, alg: number): void {
    const a = c.psa_key_attributes_init();
    c.psa_set_key_type(a, type);
    c.psa_set_key_bits(a, bits);
    c.psa_set_key_usage_flags(a, 0x3f03);
    c.psa_set_key_algorithm(a, alg);
    const id = { value: 0 };
    if (c.psa_import_key(a, material, id) !== 0) throw new Error(`seed import of type ${type} failed`);
    this.#keys.push({ id: id.value, material, face: 'c' });
    this.#ids.push(id.value);
    const tsId = this.#psa.importKey({ type, bits, usage: 0x3f03, alg }, material);
    this.#keys.push({ id: tsId, material, face: 'ts' });
    this.#ids.push(tsId);
  }

  /** An argument for the parameter `name` of a function of the C face (`c`) or the TS face. */
  #arg(name: string, fn: string, cFace: boolean): unknown {
    const r = this.#r;
    if (r.chance(0.125)) return hostile(r);
    const n = name.toLowerCase();
    if (n.includes('operation') || n === 'op') {
      const pool = cFace ? this.#cOps : this.#tsOps;
      return pool.length > 0 ? r.pick(pool) : {};
    }
    if (n.includes('attributes') || n === 'attrs') return this.#attributes(cFace);
    if (n.includes('suite')) return cFace ? { algorithm: r.pick(ALGS), primitive: r.u32() & 0x0301ff, key_confirmation: 0 } : { algorithm: r.pick(ALGS) };
    if (/length$|^bits$/.test(n) && cFace && !/set_key_bits/.test(fn)) return { value: 0 };
    if (n.includes('alg')) return r.pick(ALGS);
    if (n === 'type') return r.pick(TYPES);
    if (n === 'bits') return r.pick(BITS);
    if (n.includes('usage')) return r.pick(USAGES);
    if (n === 'step') return r.pick(STEPS);
    if (n.includes('lifetime')) return r.pick([0, 1, 0x800001, 0xffffffff]);
    if (n.includes('role')) return r.pick([0, 1, 2, 0x11, 0x12]);
    if (n.includes('key') && !n.includes('peer') && !n.includes('keydata') && !n.includes('confirmation')) {
      if (cFace && r.chance(0.4)) return { value: 0 };
      return r.pick(this.#ids);
    }
    if (n.includes('info') || n.includes('stats')) return {};
    if (/(value|capacity|maxops|max_ops|size|count|offset|uid|flags|grp|owner|length)/.test(n)) return r.pick(SMALL);
    if (n.includes('output') && cFace) return r.chance(0.5) ? bytes(r) : { value: 0 };
    return bytes(r);
  }

  /** Random attributes: a C structure or a TS object. */
  #attributes(cFace: boolean): unknown {
    const r = this.#r;
    const fields = {
      type: r.pick(TYPES), bits: r.pick(BITS), usage: r.pick(USAGES), alg: r.pick(ALGS),
      lifetime: r.chance(0.8) ? 0 : r.pick([1, 0x800001]), id: r.chance(0.8) ? 0 : r.pick([1, 2, 0x3fffffff]),
    };
    if (cFace) {
      const a = { ...c.psa_key_attributes_init(), ...fields, alg2: 0 };
      return r.chance(0.05) ? Object.freeze(a) : a;
    }
    return fields;
  }

  /** One random call on either face. */
  step(): void {
    const r = this.#r;
    const which = r.below(10);
    if (which < 5) this.#cCall();
    else if (which < 8 || this.#tsOps.length === 0) this.#psaCall();
    else this.#opCall();
    this.#checkLocks();
  }

  #cCall(): void {
    const [name, f, params] = this.#r.pick(this.#cFns);
    const args = params.map((p) => this.#arg(p, name, true));
    if (tooSlow(name, args)) return;
    this.#stats.calls++;
    this.#stats.cCalls++;
    let result: unknown;
    try {
      result = f(...args);
    } catch (err) {
      this.#violation(`${name} threw ${describeThrown(err)}`);
    }
    if (/_init$|_operation_init$/.test(name)) {
      if (typeof result !== 'object' || result === null) this.#violation(`${name} returned ${typeof result}`);
      if (this.#cOps.length < 40) this.#cOps.push(result as object);
      return;
    }
    if (/^psa_set_key_|^psa_reset_key_attributes$|^psa_pake_cs_set_|^psa_interruptible_set_max_ops$|^mbedtls_psa_get_stats$/.test(name)) {
      if (result !== undefined) this.#violation(`${name} (void) returned ${typeof result}`);
      return;
    }
    if (/^psa_get_key_(?!attributes)|^psa_pake_cs_get_|_get_num_ops$|^psa_interruptible_get_max_ops$|^mbedtls_svc_key_id_make$|^mbedtls_ecc_group_to_psa$/.test(name)) {
      if (typeof result !== 'number' || Number.isNaN(result)) this.#violation(`${name} (getter) returned ${String(result)}`);
      return;
    }
    if (typeof result !== 'number' || !Number.isInteger(result) || result > 0) this.#violation(`${name} returned ${String(result)}, not a status`);
    if (result === GENERIC) this.#violation(`${name} returned PSA_ERROR_GENERIC_ERROR`);
    if (result === 0) {
      this.#stats.successes++;
      if (name === 'psa_destroy_key') this.#forget('c', args[0]);
      for (const a of args) this.#learnId(a);
    } else this.#stats.failures++;
  }

  /** Remember a key id a call wrote into a holder. */
  #learnId(a: unknown): void {
    if (typeof a !== 'object' || a === null) return;
    try {
      if (Object.isFrozen(a)) return;
      const v = (a as { value?: unknown }).value;
      if (typeof v === 'number' && v > 0 && this.#ids.length < 60) this.#ids.push(v);
    } catch {
      // a hostile holder
    }
  }

  #psaCall(): void {
    const [name, params] = this.#r.pick(this.#psaMethods);
    const args = params.map((p) => this.#arg(p, name, false));
    if (tooSlow(name, args)) return;
    const method = (this.#psa as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    const ok = this.#tsCall(`Psa.${name}(${args.map(kindOf).join(', ')})`, () => method.apply(this.#psa, args));
    if (ok && name === 'destroyKey') this.#forget('ts', args[0]);
  }

  #opCall(): void {
    const r = this.#r;
    const op = r.pick(this.#tsOps);
    // sometimes a method of another kind of operation, called on this one
    const source = r.chance(0.1) ? r.pick(this.#tsOps) : op;
    const proto = Object.getPrototypeOf(source) as Record<string, unknown>;
    const cls = (proto.constructor as { name: string }).name;
    const names = methodNames(proto).filter((n) => !PROTECTED.includes(n) && !(n === 'start' && /^(Sign|Verify)Operation$/.test(cls)));
    if (names.length === 0) return;
    const name = r.pick(names);
    const argc = r.below(4);
    const args = Array.from({ length: argc }, (_, i) => this.#arg(['alg', 'input', 'attributes', 'key'][(i + r.below(4)) % 4]!, name, false));
    if (tooSlow(name, args)) return;
    const label = `${(proto.constructor as { name: string }).name}.${name}`;
    this.#tsCall(`${label}(${args.map(kindOf).join(', ')})`, () => (proto[name] as (...a: unknown[]) => unknown).apply(op, args));
  }

  /** A seed key destroyed by the sequence: its id may be given to a new key. */
  #forget(face: 'c' | 'ts', id: unknown): void {
    const i = this.#keys.findIndex((k) => k.face === face && k.id === id);
    if (i >= 0) this.#keys.splice(i, 1);
  }

  /** Run a TS-face call and check its outcome; whether it succeeded. */
  #tsCall(label: string, body: () => unknown): boolean {
    this.#stats.calls++;
    this.#stats.tsCalls++;
    let result: unknown;
    try {
      result = body();
    } catch (err) {
      if (!(err instanceof PsaError)) this.#violation(`${label} threw ${describeThrown(err)}`);
      if (!(err.status < 0) || err.status === GENERIC) this.#violation(`${label} threw ${err.code}: ${err.message}`);
      for (const k of this.#keys) {
        for (const form of leakForms(k.material)) if (err.message.includes(form)) this.#violation(`${label}: key bytes in a message`);
      }
      this.#stats.failures++;
      return false;
    }
    this.#stats.successes++;
    if (typeof result === 'number' && result > 0 && this.#ids.length < 60) this.#ids.push(result);
    if (typeof result === 'object' && result !== null && !(result instanceof Uint8Array) && this.#tsOps.length < 40
      && typeof (result as { abort?: unknown }).abort === 'function') this.#tsOps.push(result);
    return true;
  }

  #checkLocks(): void {
    const s = this.#psa.stats();
    if (s.locked_slots !== 0) this.#violation(`TS face: ${s.locked_slots} key slots locked between calls`);
    const cs = {} as c.mbedtls_psa_stats_t;
    c.mbedtls_psa_get_stats(cs);
    if (cs.locked_slots !== 0) this.#violation(`C face: ${cs.locked_slots} key slots locked between calls`);
  }

  /** The end-of-sequence invariants: surviving seed keys export their bytes, stats are non-negative integers. */
  finish(): void {
    for (const k of this.#keys) {
      if (k.face === 'c') this.#checkCKey(k);
      else this.#checkTsKey(k);
    }
    for (const s of [this.#psa.stats(), (() => { const x = {} as c.mbedtls_psa_stats_t; c.mbedtls_psa_get_stats(x); return x; })()]) {
      for (const [field, v] of Object.entries(s)) if (!Number.isInteger(v) || v < 0) this.#violation(`stats ${field} = ${String(v)}`);
    }
    this.#psa.close();
    c.mbedtls_psa_crypto_free();
  }

  /** A seed key of the C face: gone, or exporting its original bytes. */
  #checkCKey(k: SeedKey): void {
    {
      const c1 = c.psa_get_key_attributes(k.id, c.psa_key_attributes_init());
      const out = new Uint8Array(64);
      const len = { value: 0 };
      if (c1 === 0) {
        const st = c.psa_export_key(k.id, out, len);
        if (st === 0 && !sameBytes(out.subarray(0, len.value), k.material)) this.#violation(`key ${k.id} changed its bytes`);
        if (st !== 0 && st !== c.PSA_ERROR_NOT_PERMITTED) this.#violation(`key ${k.id} no longer exports (status ${st})`);
      }
    }
  }

  /** A seed key of the TS face: gone, or exporting its original bytes. */
  #checkTsKey(k: SeedKey): void {
    {
      try {
        const bytesOut = this.#psa.exportKey(k.id);
        if (!sameBytes(bytesOut, k.material)) this.#violation(`TS key ${k.id} changed its bytes`);
      } catch (err) {
        if (!(err instanceof PsaError)) this.#violation(`exportKey threw ${describeThrown(err)}`);
        if (err.code !== 'PSA_ERROR_INVALID_HANDLE' && err.code !== 'PSA_ERROR_NOT_PERMITTED') this.#violation(`TS key ${k.id}: ${err.code}`);
      }
    }
  }

  #violation(what: string): never {
    this.#stats.crashes++;
    throw new Error(`fuzz violation: ${what}`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A short description of an argument, for a violation's message. */
function kindOf(a: unknown): string {
  try {
    if (a instanceof Uint8Array) return `Uint8Array(${a.length})`;
    if (typeof a === 'object' && a !== null) return `{${Object.keys(a).join(',')}}`;
    return typeof a === 'symbol' ? 'symbol' : `${typeof a} ${String(a)}`;
  } catch {
    return 'hostile';
  }
}

function describeThrown(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return typeof err;
}

/** Run one sequence of `calls` calls from `seed`; throws on the first violation. */
export function runSequence(seed: number, calls: number, stats: FuzzStats): void {
  const seq = new Sequence(seed, stats);
  for (let i = 0; i < calls; i++) seq.step();
  seq.finish();
}
