/**
 * Evaluator for the C integer constant expressions found in `.data`
 * arguments and `depends_on` tokens: literals (decimal, octal, hex, with
 * `U`/`L` suffixes), identifiers, function-like macro calls and the C
 * operators with C precedence, over unbounded BigInt (the caller narrows to
 * the parameter type).
 */
import { CONFIG_VALUES } from './capabilities.js';
import { TEST_ARRAY_LENGTHS, TEST_CONSTANTS } from './constants.js';

/** An identifier that no table knows. Cases hitting it are skipped, not failed. */
export class UnknownIdentifierError extends Error {
  constructor(readonly identifier: string) {
    super(`unknown identifier ${identifier}`);
    this.name = 'UnknownIdentifierError';
  }
}

/** A syntax error in an expression. */
export class ExpressionError extends Error {
  constructor(
    readonly expression: string,
    message: string,
  ) {
    super(`${message} in expression "${expression}"`);
    this.name = 'ExpressionError';
  }
}

/** A function-like macro: receives its arguments lazily with their source text. */
export type MacroImpl = (args: ReadonlyArray<() => bigint>, argTexts: readonly string[]) => bigint;

/** Where identifiers get their values. */
export interface Scope {
  /** Value of an object-like name, or undefined when unknown. */
  value(name: string): bigint | undefined;
  /** A function-like macro, or undefined when unknown. */
  macro(name: string): MacroImpl | undefined;
}

type Token =
  | { kind: 'num'; value: bigint; pos: number }
  | { kind: 'id'; name: string; pos: number }
  | { kind: 'op'; op: string; pos: number }
  | { kind: 'end'; pos: number };

const OPERATORS = [
  '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '(', ')', ',', '+', '-', '*', '/', '%', '|', '&', '^', '~', '!', '<', '>', '?', ':',
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)(?![A-Za-z0-9_])/.exec(text.slice(i));
      if (!m) throw new ExpressionError(text, `bad number at offset ${i}`);
      const digits = m[1]!;
      let value: bigint;
      if (/^0[xX]/.test(digits)) value = BigInt(digits);
      else if (digits.length > 1 && digits.startsWith('0')) {
        if (!/^[0-7]+$/.test(digits)) throw new ExpressionError(text, `bad octal literal ${digits}`);
        value = BigInt(`0o${digits.slice(1)}`);
      } else value = BigInt(digits);
      tokens.push({ kind: 'num', value, pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      tokens.push({ kind: 'id', name: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExpressionError(text, `unexpected character "${c}" at offset ${i}`);
    tokens.push({ kind: 'op', op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

const BINARY_LEVELS: ReadonlyArray<readonly string[]> = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

const truth = (v: boolean): bigint => (v ? 1n : 0n);

/**
 * Evaluate `text` in `scope`. Evaluation is lazy where C is (`&&`, `||`,
 * `?:`): an unknown identifier in an unevaluated branch is not an error.
 */
export function evaluate(text: string, scope: Scope): bigint {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const isOp = (op: string): boolean => {
    const t = peek();
    return t.kind === 'op' && t.op === op;
  };
  const expect = (op: string): void => {
    if (!isOp(op)) throw new ExpressionError(text, `expected "${op}" at offset ${peek().pos}`);
    pos++;
  };

  // Each parse function returns a thunk so that && || ?: can skip evaluation.
  type Lazy = () => bigint;

  const parseTernary = (): Lazy => {
    const cond = parseBinary(0);
    if (!isOp('?')) return cond;
    pos++;
    const whenTrue = parseTernary();
    expect(':');
    const whenFalse = parseTernary();
    return () => (cond() !== 0n ? whenTrue() : whenFalse());
  };

  const parseBinary = (level: number): Lazy => {
    if (level >= BINARY_LEVELS.length) return parseUnary();
    const ops = BINARY_LEVELS[level]!;
    let left = parseBinary(level + 1);
    for (;;) {
      const t = peek();
      if (t.kind !== 'op' || !ops.includes(t.op)) return left;
      pos++;
      const right = parseBinary(level + 1);
      left = binary(t.op, left, right);
    }
  };

  const binary = (op: string, l: Lazy, r: Lazy): Lazy => {
    switch (op) {
      case '||': return () => truth(l() !== 0n || r() !== 0n);
      case '&&': return () => truth(l() !== 0n && r() !== 0n);
      case '|': return () => l() | r();
      case '^': return () => l() ^ r();
      case '&': return () => l() & r();
      case '==': return () => truth(l() === r());
      case '!=': return () => truth(l() !== r());
      case '<': return () => truth(l() < r());
      case '<=': return () => truth(l() <= r());
      case '>': return () => truth(l() > r());
      case '>=': return () => truth(l() >= r());
      case '<<': return () => l() << r();
      case '>>': return () => l() >> r();
      case '+': return () => l() + r();
      case '-': return () => l() - r();
      case '*': return () => l() * r();
      case '/':
      case '%':
        return () => {
          const a = l();
          const b = r();
          if (b === 0n) throw new ExpressionError(text, 'division by zero');
          return op === '/' ? a / b : a % b;
        };
      default:
        throw new ExpressionError(text, `unknown operator ${op}`);
    }
  };

  const parseUnary = (): Lazy => {
    const t = peek();
    if (t.kind === 'op') {
      switch (t.op) {
        case '-': { pos++; const v = parseUnary(); return () => -v(); }
        case '+': { pos++; return parseUnary(); }
        case '~': { pos++; const v = parseUnary(); return () => ~v(); }
        case '!': { pos++; const v = parseUnary(); return () => truth(v() === 0n); }
        default: break;
      }
    }
    return parsePrimary();
  };

  const parsePrimary = (): Lazy => {
    const t = peek();
    if (t.kind === 'num') {
      pos++;
      return () => t.value;
    }
    if (t.kind === 'op' && t.op === '(') {
      pos++;
      const inner = parseTernary();
      expect(')');
      return inner;
    }
    if (t.kind === 'id') {
      pos++;
      if (isOp('(')) {
        pos++;
        const args: Lazy[] = [];
        const argTexts: string[] = [];
        if (!isOp(')')) {
          for (;;) {
            const start = peek().pos;
            args.push(parseTernary());
            argTexts.push(text.slice(start, peek().pos).trim());
            if (isOp(',')) {
              pos++;
              continue;
            }
            break;
          }
        }
        expect(')');
        return () => {
          const impl = scope.macro(t.name);
          if (!impl) throw new UnknownIdentifierError(t.name);
          return impl(args, argTexts);
        };
      }
      return () => {
        const v = scope.value(t.name);
        if (v === undefined) throw new UnknownIdentifierError(t.name);
        return v;
      };
    }
    throw new ExpressionError(text, `unexpected ${t.kind === 'end' ? 'end' : 'token'} at offset ${t.pos}`);
  };

  const result = parseTernary();
  if (peek().kind !== 'end') throw new ExpressionError(text, `trailing input at offset ${peek().pos}`);
  return result();
}

/** C `int` conversion: 32-bit two's complement, as a JS number. */
export function toInt32(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

/** C `int64_t` conversion. */
export function toInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** The shape of `VALUES` / `MACROS` exported by `src/values`. */
export interface ValueTables {
  readonly VALUES: ReadonlyMap<string, number>;
  readonly MACROS: ReadonlyMap<string, (...args: number[]) => number | boolean>;
}

/** Turn a macro result into a bigint; anything but an integer is an error. */
function fromMacroResult(name: string, result: number | boolean): bigint {
  if (typeof result === 'boolean') return truth(result);
  if (!Number.isInteger(result)) throw new Error(`macro ${name} returned a non-integer ${String(result)}`);
  return BigInt(result);
}

/** A macro argument as the number the `src/values` functions take. */
function toMacroArg(name: string, value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(`argument ${value} of macro ${name} does not fit a JS number`);
  }
  return Number(value);
}

/** Names the test framework itself provides as function-like macros. */
const RUNNER_MACROS: ReadonlyMap<string, MacroImpl> = new Map<string, MacroImpl>([
  // No owner encoding in this build: the key id is the id.
  ['mbedtls_svc_key_id_make', (args) => {
    if (args.length !== 2) throw new Error('mbedtls_svc_key_id_make takes 2 arguments');
    args[0]!();
    return args[1]!();
  }],
  ['ARRAY_LENGTH', (_args, texts) => {
    const name = texts.length === 1 ? texts[0]! : '';
    const n = TEST_ARRAY_LENGTHS.get(name);
    if (n === undefined) throw new UnknownIdentifierError(name || 'ARRAY_LENGTH');
    return n;
  }],
]);

/**
 * The scope of the conformance runner: `src/values` first (the
 * implementation's numbers and macros), then this build's configuration
 * values, then the test-local names of the upstream test code.
 */
export function createScope(tables: ValueTables | undefined): Scope {
  return {
    value(name) {
      const v = tables?.VALUES.get(name);
      if (v !== undefined) return BigInt(v);
      return CONFIG_VALUES.get(name) ?? TEST_CONSTANTS.get(name);
    },
    macro(name) {
      const fn = tables?.MACROS.get(name);
      if (fn) {
        return (args) => fromMacroResult(name, fn(...args.map((a) => toMacroArg(name, a()))));
      }
      return RUNNER_MACROS.get(name);
    },
  };
}

/** Whether a name is known to the scope at all (object-like or function-like). */
export function isKnownName(scope: Scope, name: string): boolean {
  return scope.value(name) !== undefined || scope.macro(name) !== undefined;
}
