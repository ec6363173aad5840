/**
 * Byte-array helpers shared by every layer. They exist because callers may
 * pass a Node `Buffer` (a `Uint8Array` subclass) whose `slice()` returns a
 * view, not a copy: a key "copied" with `.slice()` would alias the caller's
 * memory, and wiping it would wipe the caller's buffer. Imports nothing.
 * @module
 */

/** A fresh copy of `bytes` (a plain `Uint8Array`, never a view). */
export function copyBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

/** A fresh copy of `bytes[start, end)`. */
export function copyRange(bytes: Uint8Array, start: number, end: number = bytes.length): Uint8Array<ArrayBuffer> {
  return copyBytes(bytes.subarray(start, end));
}

/** The concatenation of `parts` in a fresh array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
