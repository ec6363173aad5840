/**
 * Second implementations the MAC tests compare against, written from the
 * standards over OpenSSL's AES (`node:crypto`): AES-CMAC as RFC 4493 §2.4
 * describes it, CBC-MAC as the last block of an unpadded zero-IV AES-CBC
 * encryption; and a helper that cuts a message into chunks.
 */
import { createCipheriv } from 'node:crypto';

/** One AES block encryption with OpenSSL. */
export function aesEcb(key: Uint8Array, block: Uint8Array): Uint8Array {
  const c = createCipheriv(`aes-${key.length * 8}-ecb`, key, null);
  c.setAutoPadding(false);
  return new Uint8Array(c.update(block));
}

/** RFC 4493 doubling in GF(2^128). */
function dbl(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = ((b[i]! << 1) | (i < 15 ? b[i + 1]! >> 7 : 0)) & 0xff;
  if (b[0]! & 0x80) out[15]! ^= 0x87;
  return out;
}

/** AES-CMAC as RFC 4493 §2.4 writes it, over OpenSSL's AES. */
export function referenceCmac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const k1 = dbl(aesEcb(key, new Uint8Array(16)));
  const k2 = dbl(k1);
  const n = Math.max(1, Math.ceil(msg.length / 16));
  const complete = msg.length > 0 && msg.length % 16 === 0;
  const last = new Uint8Array(16);
  last.set(msg.subarray((n - 1) * 16));
  if (!complete) last[msg.length - (n - 1) * 16] = 0x80;
  const sub = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) last[i]! ^= sub[i]!;
  let x: Uint8Array = new Uint8Array(16);
  for (let b = 0; b < n - 1; b++) {
    const y = msg.slice(b * 16, b * 16 + 16);
    for (let i = 0; i < 16; i++) y[i]! ^= x[i]!;
    x = aesEcb(key, y);
  }
  for (let i = 0; i < 16; i++) last[i]! ^= x[i]!;
  return aesEcb(key, last);
}

/** CBC-MAC: the last block of an unpadded AES-CBC encryption with a zero IV. */
export function referenceCbcMac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const c = createCipheriv(`aes-${key.length * 8}-cbc`, key, new Uint8Array(16));
  c.setAutoPadding(false);
  const out = Buffer.concat([c.update(msg), c.final()]);
  return new Uint8Array(out.subarray(out.length - 16));
}

/** Cut `msg` at the given fractions into consecutive chunks (some empty). */
export function chunks(msg: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = cuts.map((c) => Math.floor(c * (msg.length + 1))).sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    parts.push(msg.subarray(start, Math.max(start, p)));
    start = Math.max(start, p);
  }
  parts.push(msg.subarray(start));
  return parts;
}
