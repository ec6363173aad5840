/**
 * The DH group primes against independent sources: OpenSSL's built-in
 * ffdhe groups (RFC 7919) and node:crypto's MODP groups (RFC 3526).
 */
import { execFileSync } from 'node:child_process';
import { createDiffieHellman, getDiffieHellman, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DH_GROUP_SIZES, dhGroup } from '../../src/drivers/software/dh/groups.js';
import { bigIntFromBytes, bigIntToBytes, modPow } from '../../src/drivers/software/dh/math.js';
import { PSA_DH_FAMILY_RFC3526, PSA_DH_FAMILY_RFC7919 } from '../../src/values/key-types.js';
import { DerReader } from '../../src/formats/der.js';

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** The prime of OpenSSL's named group `name`, read from its DER DHParameter. */
function opensslPrime(name: string): bigint {
  const pem = execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', `group:${name}`], { stdio: 'pipe' }).toString();
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const seq = new DerReader(new Uint8Array(der)).sequence();
  return bigIntFromBytes(seq.unsignedInteger());
}

const MODP: Record<number, string> = { 2048: 'modp14', 3072: 'modp15', 4096: 'modp16', 6144: 'modp17', 8192: 'modp18' };

describe('DH groups', () => {
  it.runIf(opensslAvailable())('RFC 7919 primes equal OpenSSL ffdhe groups (skipped without the openssl CLI)', () => {
    for (const bits of DH_GROUP_SIZES) {
      const group = dhGroup(PSA_DH_FAMILY_RFC7919, bits)!;
      expect(group.p).toBe(opensslPrime(`ffdhe${bits}`));
      expect(group.g).toBe(2n);
      expect(group.p.toString(2).length).toBe(bits);
    }
  });

  it('RFC 3526 primes equal node:crypto MODP groups', () => {
    for (const bits of DH_GROUP_SIZES) {
      const group = dhGroup(PSA_DH_FAMILY_RFC3526, bits)!;
      const node = getDiffieHellman(MODP[bits]!);
      expect(group.p).toBe(bigIntFromBytes(node.getPrime()));
      expect(node.getGenerator()[0]).toBe(2);
    }
  });

  it('has no group for other sizes or families', () => {
    expect(dhGroup(PSA_DH_FAMILY_RFC7919, 1024)).toBeUndefined();
    expect(dhGroup(PSA_DH_FAMILY_RFC7919, 2040)).toBeUndefined();
    expect(dhGroup(0x07, 2048)).toBeUndefined();
  });

  it('modPow agrees with node:crypto (random 2048-bit exponents and bases)', () => {
    const group = dhGroup(PSA_DH_FAMILY_RFC7919, 2048)!;
    for (let i = 0; i < 4; i++) {
      const x = randomBytes(256);
      const node = createDiffieHellman(getDiffieHellman('modp14').getPrime(), Buffer.from([2]));
      node.setPrivateKey(x);
      node.generateKeys();
      const modp = dhGroup(PSA_DH_FAMILY_RFC3526, 2048)!;
      expect(bigIntToBytes(modPow(2n, bigIntFromBytes(x), modp.p), 256)).toEqual(padTo(node.getPublicKey(), 256));
      const base = bigIntFromBytes(randomBytes(256)) % group.p;
      const e = bigIntFromBytes(randomBytes(32));
      let expected = 1n;
      for (let k = e.toString(2).length - 1; k >= 0; k--) {
        expected = (expected * expected) % group.p;
        if ((e >> BigInt(k)) & 1n) expected = (expected * base) % group.p;
      }
      expect(modPow(base, e, group.p)).toBe(expected);
    }
    expect(modPow(5n, 0n, group.p)).toBe(1n);
  });
});

function padTo(b: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(b, n - b.length);
  return out;
}
