/**
 * Small helpers shared by the software AEAD modules.
 * @module
 */

/** Constant-time equality of two byte strings (lengths are public; a length mismatch is inequality). */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * A fresh copy of `bytes` in its own buffer (unlike `slice`, which on a
 * Node `Buffer` returns a view of the same memory).
 */
export function copyOf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

