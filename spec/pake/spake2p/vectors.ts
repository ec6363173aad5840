/**
 * The SPAKE2+ known answers of `test-vectors/` (RFC 9383 Appendix C and the
 * Matter SDK's draft-01 vector) with their shapes, and the lookups the
 * SPAKE2+ specs share.
 */
import { readFileSync } from 'node:fs';
import { PSA_ALG_SHA_256, PSA_ALG_SHA_512 } from '../../../src/values/index.js';

/** One RFC 9383 Appendix C vector (hex strings). */
export interface RfcVector {
  name: string;
  curve: string;
  hash: string;
  mac: 'HMAC' | 'CMAC';
  context: string;
  idProver: string;
  idVerifier: string;
  w0: string;
  w1: string;
  L: string;
  x: string;
  shareP: string;
  y: string;
  shareV: string;
  confirmP: string;
  confirmV: string;
  K_shared: string;
}

/** The Matter SDK's draft-01 vector (hex strings). */
export interface MatterVector {
  name: string;
  context: string;
  idProver: string;
  idVerifier: string;
  w0: string;
  w1: string;
  L: string;
  x: string;
  shareP: string;
  y: string;
  shareV: string;
  Ke: string;
  cA: string;
  cB: string;
}

const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../test-vectors/${name}`, import.meta.url), 'utf8')) as T;

/** RFC 9383 Appendix C. */
export const rfc = load<{ vectors: RfcVector[] }>('spake2p-rfc9383.json');
/** The Matter SDK vector. */
export const matter = load<{ vectors: MatterVector[] }>('spake2p-matter.json');

/** Bytes of a hex string. */
export const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));
/** Hex of bytes. */
export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
/** Curve bits by the vectors' curve names. */
export const BITS: Record<string, number> = { P256: 256, P384: 384, P521: 521 };
/** PSA hash algorithms by the vectors' hash names. */
export const HASH: Record<string, number> = { 'SHA-256': PSA_ALG_SHA_256, 'SHA-512': PSA_ALG_SHA_512 };
