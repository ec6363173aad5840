/**
 * PEM (RFC 7468 textual encodings): base64 DER between
 * `-----BEGIN label-----` and `-----END label-----` lines.
 *
 * Encoding writes the strict form (64-character lines, LF line ends, a final
 * LF). Decoding follows RFC 7468's lax parser: text outside the
 * encapsulation boundaries is ignored, whitespace inside the base64 is
 * skipped; the END label must match the BEGIN label, the base64 must be
 * canonical (correct padding), and header lines (RFC 1421 `Proc-Type:`,
 * i.e. legacy encrypted PEM) are rejected. Malformed text is
 * `PSA_ERROR_INVALID_ARGUMENT`.
 * @module
 */
import { fail } from '../values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../values/status.js';

/** One PEM block: its label (`'PRIVATE KEY'`, `'PUBLIC KEY'`, …) and its DER bytes. */
export interface PemBlock {
  /** The label between `BEGIN ` and the closing dashes. */
  readonly label: string;
  /** The decoded bytes. */
  readonly der: Uint8Array;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const REVERSE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Standard base64 (RFC 4648 §4) with padding. */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!, b1 = bytes[i + 1], b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b1 === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += b2 === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

/** Decode canonical padded base64 (no whitespace); INVALID_ARGUMENT otherwise. */
export function base64Decode(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: base64 length is not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v: number[] = [];
    for (let k = 0; k < 4; k++) {
      const c = text[i + k]!;
      if (c === '=' && last && k >= 4 - pad) {
        v.push(0);
        continue;
      }
      const d = REVERSE.get(c);
      if (d === undefined) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: invalid base64 character');
      v.push(d);
    }
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    if (last && pad > 0 && (n & (pad === 2 ? 0xffff : 0xff)) !== 0) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: non-canonical base64 padding bits');
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

function checkLabel(label: string): void {
  if (!/^[\x21-\x2c\x2e-\x7e]([- ]?[\x21-\x2c\x2e-\x7e])*$|^$/.test(label)) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: invalid label');
}

/** The PEM text of `der` under `label` (64-character base64 lines). */
export function encodePem(label: string, der: Uint8Array): string {
  checkLabel(label);
  const b64 = base64Encode(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}${lines.length ? '\n' : ''}-----END ${label}-----\n`;
}

const BLOCK = /-----BEGIN ([^-\r\n]*)-----([\s\S]*?)-----END ([^-\r\n]*)-----/g;

/** Every PEM block of `text`, in order (text between blocks is ignored). */
export function decodePemAll(text: string): PemBlock[] {
  if (typeof text !== 'string') fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: text expected');
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const [, label, body, endLabel] = m;
    if (label !== endLabel) fail(PSA_ERROR_INVALID_ARGUMENT, `PEM: END label "${endLabel}" does not match "${label}"`);
    checkLabel(label!);
    if (body!.includes(':')) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: header lines (legacy encrypted PEM) are not supported');
    blocks.push({ label: label!, der: base64Decode(body!.replace(/[ \t\r\n\f\v]/g, '')) });
  }
  if (blocks.length === 0 && text.includes('-----BEGIN')) fail(PSA_ERROR_INVALID_ARGUMENT, 'PEM: unterminated block');
  return blocks;
}

/**
 * The first PEM block of `text` (with `label` given: the first block with
 * that label). INVALID_ARGUMENT when there is none.
 */
export function decodePem(text: string, label?: string): PemBlock {
  const block = decodePemAll(text).find((b) => label === undefined || b.label === label);
  if (!block) fail(PSA_ERROR_INVALID_ARGUMENT, label === undefined ? 'PEM: no block' : `PEM: no "${label}" block`);
  return block;
}
