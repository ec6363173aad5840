/**
 * The name registry: every numeric constant (`VALUES`) and every
 * function-like macro (`MACROS`) of this layer under its C name, collected
 * from the modules' own exports so nothing is listed twice. `describe`,
 * `parse` and the conformance runner evaluate C expressions with it.
 * @module
 */
import * as algorithms from './algorithms.js';
import * as algorithmsPk from './algorithms-pk.js';
import * as algPredicates from './alg-predicates.js';
import * as derivation from './derivation.js';
import * as ecpGroups from './ecp-groups.js';
import * as srp from './srp.js';
import * as keyTypePredicates from './key-type-predicates.js';
import * as keyTypes from './key-types.js';
import * as lifetimes from './lifetimes.js';
import * as limits from './limits.js';
import * as pake from './pake.js';
import * as sizes from './sizes.js';
import * as sizesAsym from './sizes-asym.js';
import * as sizesCipher from './sizes-cipher.js';
import * as sizesExport from './sizes-export.js';
import * as status from './status.js';
import * as usage from './usage.js';

/** A function-like macro: numbers in, a number or a truth value out. */
export type PsaMacro = (...args: number[]) => number | boolean;

const MODULES: readonly Record<string, unknown>[] = [
  status,
  algorithms,
  algorithmsPk,
  algPredicates,
  keyTypes,
  keyTypePredicates,
  usage,
  lifetimes,
  derivation,
  pake,
  limits,
  sizes,
  sizesCipher,
  sizesExport,
  sizesAsym,
  ecpGroups,
  srp,
];

/** Exports that are C names but not numeric macros (they build structures). */
const NOT_NUMERIC = new Set(['PSA_CUSTOM_KEY_PARAMETERS_INIT']);
const C_NAME = /^(PSA|MBEDTLS)_[A-Z0-9_]+$/;

function collect(): [Map<string, number>, Map<string, PsaMacro>] {
  const values = new Map<string, number>();
  const macros = new Map<string, PsaMacro>();
  for (const mod of MODULES) {
    for (const [name, item] of Object.entries(mod)) {
      if (!C_NAME.test(name) || NOT_NUMERIC.has(name)) continue;
      if (typeof item === 'number') values.set(name, item);
      else if (typeof item === 'function') macros.set(name, item as PsaMacro);
    }
  }
  return [values, macros];
}

const [values, macros] = collect();

/** Every numeric constant of the C API under its C name (statuses included). */
export const VALUES: ReadonlyMap<string, number> = values;
/** Every function-like macro of the C API under its C name; predicates return booleans. */
export const MACROS: ReadonlyMap<string, PsaMacro> = macros;
