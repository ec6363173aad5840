/**
 * `parse(text)`: evaluate a C integer expression over PSA names, the inverse
 * of `describe`. A small tokenizer and precedence-climbing parser for
 * names, function-like macros, integer literals (decimal, hex, with
 * U/L suffixes), unary `- + ~ !`, binary `* / % + - << >> & ^ |` and
 * parentheses. Macros returning truth values count as 1 or 0, as in C.
 * @module
 */
import { fail } from './error.js';
import { MACROS, VALUES } from './registry.js';
import { PSA_ERROR_INVALID_ARGUMENT } from './status.js';

type Token = { kind: 'num'; value: number } | { kind: 'name'; text: string } | { kind: 'op'; text: string };

const TOKEN = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|[-+*/%&|^~!(),]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) fail(PSA_ERROR_INVALID_ARGUMENT, `cannot parse ${JSON.stringify(text)} at offset ${start}`);
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', text: m[2] });
    else tokens.push({ kind: 'op', text: m[3] as string });
  }
  return tokens;
}

/** Binary operators by C precedence (higher binds tighter). */
const PRECEDENCE: Readonly<Record<string, number>> = {
  '*': 5, '/': 5, '%': 5, '+': 4, '-': 4, '<<': 3, '>>': 3, '&': 2, '^': 1, '|': 0,
};

/** Truth values become 1 / 0, as C's comparison results. */
const num = (v: number | boolean): number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
    private readonly extra: ReadonlyMap<string, number> | undefined,
  ) {}

  parseAll(): number {
    const value = this.expression(0);
    if (this.pos < this.tokens.length) this.error('unexpected trailing input');
    return value;
  }

  private error(why: string): never {
    fail(PSA_ERROR_INVALID_ARGUMENT, `${why} in ${JSON.stringify(this.text)}`);
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' ? t.text : undefined;
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) this.error(`expected '${op}'`);
    this.pos++;
  }

  private expression(minPrec: number): number {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      const prec = op === undefined ? undefined : PRECEDENCE[op];
      if (op === undefined || prec === undefined || prec < minPrec) return left;
      this.pos++;
      const right = this.expression(prec + 1);
      left = this.apply(op, left, right);
    }
  }

  private apply(op: string, a: number, b: number): number {
    switch (op) {
      case '*': return a * b;
      case '/': return b === 0 ? this.error('division by zero') : Math.trunc(a / b);
      case '%': return b === 0 ? this.error('division by zero') : a % b;
      case '+': return a + b;
      case '-': return a - b;
      case '<<': return (a << b) >>> 0;
      case '>>': return a >>> b;
      case '&': return (a & b) >>> 0;
      case '^': return (a ^ b) >>> 0;
      default: return (a | b) >>> 0;
    }
  }

  private unary(): number {
    const op = this.peekOp();
    if (op === '-' || op === '+' || op === '~' || op === '!') {
      this.pos++;
      const v = this.unary();
      if (op === '-') return -v;
      if (op === '~') return ~v >>> 0;
      if (op === '!') return v === 0 ? 1 : 0;
      return v;
    }
    return this.primary();
  }

  private primary(): number {
    const t = this.tokens[this.pos++];
    if (t === undefined) return this.error('unexpected end of expression');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'op') {
      if (t.text !== '(') this.error(`unexpected '${t.text}'`);
      const v = this.expression(0);
      this.expect(')');
      return v;
    }
    if (this.peekOp() === '(') return this.call(t.text);
    const value = VALUES.get(t.text) ?? this.extra?.get(t.text);
    if (value === undefined) this.error(`unknown name ${t.text}`);
    return value;
  }

  private call(name: string): number {
    const fn = MACROS.get(name);
    if (!fn) this.error(`unknown macro ${name}`);
    this.expect('(');
    const args: number[] = [];
    if (this.peekOp() !== ')') {
      args.push(this.expression(0));
      while (this.peekOp() === ',') {
        this.pos++;
        args.push(this.expression(0));
      }
    }
    this.expect(')');
    if (args.length !== fn.length) this.error(`${name} takes ${fn.length} argument(s), got ${args.length}`);
    return num(fn(...args));
  }
}

/**
 * Evaluate a C expression over PSA names and macros (e.g.
 * `PSA_ALG_TRUNCATED_MAC(PSA_ALG_HMAC(PSA_ALG_SHA_256), 16)`). `extra`
 * supplies further names (such as test-local constants). Unknown names and
 * malformed input throw `PsaError(PSA_ERROR_INVALID_ARGUMENT)`.
 */
export function parse(text: string, extra?: ReadonlyMap<string, number>): number {
  return new Parser(tokenize(text), text, extra).parseAll();
}
