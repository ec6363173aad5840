/**
 * Reader for the Mbed TLS test-suite `.data` format.
 *
 * A file is a sequence of cases separated by blank lines. Each case is a
 * description line, an optional `depends_on:` line and a function line
 * `name:arg1:...:argN`. Lines are trimmed; lines starting with `#` are
 * comments anywhere. The function line is split on every `:` that is not
 * escaped by a backslash, empty fields are dropped, and each field is then
 * unescaped (`\n` → newline, `\<c>` → `<c>`).
 */
import { readFileSync } from 'node:fs';

/** One test case as written in a `.data` file, arguments still as text. */
export interface DataCase {
  /** The file the case comes from (as given to the reader). */
  readonly file: string;
  /** 1-based line number of the description line. */
  readonly line: number;
  /** The description, verbatim. */
  readonly name: string;
  /** The `depends_on:` tokens, trimmed, empty ones dropped. */
  readonly depends: string[];
  /** The test function name. */
  readonly fn: string;
  /** The arguments, unescaped and otherwise untouched. */
  readonly rawArgs: string[];
}

/** A malformed `.data` file. */
export class DataFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'DataFormatError';
  }
}

/** Split on `sep` where it is not preceded by a backslash; escapes are kept. Empty fields are dropped. */
export function splitEscaped(text: string, sep: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1]!;
      i++;
    } else if (c === sep) {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current);
  return fields.filter((f) => f !== '');
}

/** Undo backslash escapes: `\n` is a newline, `\<c>` is `<c>`. */
export function unescapeField(field: string): string {
  if (!field.includes('\\')) return field;
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i]!;
    if (c === '\\' && i + 1 < field.length) {
      const next = field[i + 1]!;
      out += next === 'n' ? '\n' : next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

const DEPENDS_PREFIX = 'depends_on:';

/** Parse the text of a `.data` file. `file` is only used in results and errors. */
export function parseDataText(text: string, file: string): DataCase[] {
  const lines = text.split(/\r?\n|\r/);
  // The newline ending the last line does not start a blank one.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const cases: DataCase[] = [];
  type State =
    | { kind: 'idle' }
    | { kind: 'named'; name: string; line: number }
    | { kind: 'depends'; name: string; line: number; depends: string[] };
  let state: State = { kind: 'idle' };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line.startsWith('#')) continue;
    if (line === '') {
      if (state.kind !== 'idle') {
        throw new DataFormatError(file, lineNo, `blank line inside test case "${state.name}"`);
      }
      continue;
    }
    switch (state.kind) {
      case 'idle':
        state = { kind: 'named', name: line, line: lineNo };
        break;
      case 'named':
        if (line.startsWith(DEPENDS_PREFIX)) {
          const depends = splitEscaped(line.slice(DEPENDS_PREFIX.length), ':')
            .map((t) => t.trim())
            .filter((t) => t !== '');
          state = { kind: 'depends', name: state.name, line: state.line, depends };
          break;
        }
        cases.push(functionLine(file, state.name, state.line, [], line, lineNo));
        state = { kind: 'idle' };
        break;
      case 'depends':
        if (line.startsWith(DEPENDS_PREFIX)) {
          throw new DataFormatError(file, lineNo, `second depends_on line in test case "${state.name}"`);
        }
        cases.push(functionLine(file, state.name, state.line, state.depends, line, lineNo));
        state = { kind: 'idle' };
        break;
    }
  }
  if (state.kind !== 'idle') {
    throw new DataFormatError(file, lines.length, `test case "${state.name}" has no function line`);
  }
  return cases;
}

function functionLine(
  file: string,
  name: string,
  line: number,
  depends: string[],
  text: string,
  lineNo: number,
): DataCase {
  const fields = splitEscaped(text, ':');
  const fn = fields[0]?.trim() ?? '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fn)) {
    throw new DataFormatError(file, lineNo, `bad function name "${fn}" in test case "${name}"`);
  }
  return { file, line, name, depends, fn, rawArgs: fields.slice(1).map(unescapeField) };
}

/** Read and parse a `.data` file. */
export function readDataFile(path: string, displayName: string = path): DataCase[] {
  return parseDataText(readFileSync(path, 'latin1'), displayName);
}
