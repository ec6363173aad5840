/**
 * The strict DER reader and writer: known encodings (X.690 examples and the
 * RFC 8017 rsaEncryption OID bytes), round trips, and malformed input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DerReader, encodeBitString, encodeExplicit, encodeImplicit, encodeInteger, encodeNull, encodeOctetString, encodeOid,
  encodeSequence, readDer,
} from '../../src/formats/der.js';
import { statusOf } from '../../src/values/error.js';
import { PSA_ERROR_INVALID_ARGUMENT } from '../../src/values/status.js';

const h = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s/g, ''), 'hex'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function status(f: () => unknown): number {
  try {
    f();
    return 0;
  } catch (e) {
    return statusOf(e);
  }
}

describe('DER writer', () => {
  it('encodes integers minimally (two\'s complement)', () => {
    expect(hex(encodeInteger(0n))).toBe('020100');
    expect(hex(encodeInteger(127))).toBe('02017f');
    expect(hex(encodeInteger(128))).toBe('02020080');
    expect(hex(encodeInteger(256))).toBe('02020100');
    expect(hex(encodeInteger(-1n))).toBe('0201ff');
    expect(hex(encodeInteger(-128n))).toBe('020180');
    expect(hex(encodeInteger(-129n))).toBe('0202ff7f');
    expect(hex(encodeInteger(h('0000ff')))).toBe('020200ff');
    expect(hex(encodeInteger(new Uint8Array(0)))).toBe('020100');
  });

  it('encodes OIDs (rsaEncryption as in RFC 8017 appendix C)', () => {
    expect(hex(encodeOid('1.2.840.113549.1.1.1'))).toBe('06092a864886f70d010101');
    expect(hex(encodeOid('1.3.101.112'))).toBe('06032b6570');
    expect(hex(encodeOid('2.999.3'))).toBe('0603883703');
    expect(status(() => encodeOid('1.40'))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => encodeOid('3.1'))).toBe(PSA_ERROR_INVALID_ARGUMENT);
  });

  it('encodes long lengths in minimal long form', () => {
    expect(hex(encodeOctetString(new Uint8Array(127))).slice(0, 4)).toBe('047f');
    expect(hex(encodeOctetString(new Uint8Array(128))).slice(0, 6)).toBe('048180');
    expect(hex(encodeOctetString(new Uint8Array(256))).slice(0, 8)).toBe('04820100');
    expect(hex(encodeNull())).toBe('0500');
    expect(hex(encodeBitString(h('ab')))).toBe('030200ab');
    expect(hex(encodeExplicit(1, encodeNull()))).toBe('a1020500');
    expect(hex(encodeImplicit(0, h('01')))).toBe('800101');
  });
});

describe('DER reader', () => {
  it('reads back what the writer writes', () => {
    const der = encodeSequence(
      encodeInteger(-5n), encodeInteger(h('80')), encodeOctetString(h('0102')), encodeBitString(h('ff')),
      encodeOid('1.2.840.10045.3.1.7'), encodeNull(), encodeExplicit(0, encodeInteger(7)), encodeImplicit(1, h('aa')),
    );
    const seq = new DerReader(der).sequence();
    expect(seq.integer()).toBe(-5n);
    expect(hex(seq.unsignedInteger())).toBe('80');
    expect(hex(seq.octetString())).toBe('0102');
    expect(hex(seq.bitString())).toBe('ff');
    expect(seq.oid()).toBe('1.2.840.10045.3.1.7');
    seq.null();
    expect(seq.optionalExplicit(1)).toBeUndefined();
    expect(seq.optionalExplicit(0)!.smallInteger()).toBe(7);
    expect(hex(seq.optionalImplicit(1)!)).toBe('aa');
    seq.end();
    expect(readDer(der).tag).toBe(0x30);
  });

  it('round-trips any integer (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(1n << 600n), max: 1n << 600n }), (n) => {
      expect(new DerReader(encodeInteger(n)).integer()).toBe(n);
    }));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
      const back = new DerReader(encodeInteger(bytes)).unsignedInteger();
      const stripped = bytes.slice(bytes.findIndex((b) => b !== 0) >>> 0);
      expect(hex(back)).toBe(bytes.every((b) => b === 0) ? '00' : hex(stripped));
    }));
  });

  it('round-trips OIDs (property)', () => {
    const oid = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.bigInt({ min: 0n, max: 1n << 70n })))
      .map(([a, b, rest]) => [a, b, ...rest].join('.'));
    fc.assert(fc.property(oid, (o) => {
      expect(new DerReader(encodeOid(o)).oid()).toBe(o);
    }));
  });

  const malformed: Array<[string, string, (r: DerReader) => unknown]> = [
    ['empty input', '', (r) => r.next()],
    ['truncated contents', '3005020100', (r) => r.sequence()],
    ['truncated length', '3082', (r) => r.next()],
    ['long form with a leading zero', '308200030201000000', (r) => r.next()],
    ['long form for a short length', '3081030201000000', (r) => r.next()],
    ['indefinite length', '308002010000000000', (r) => r.next()],
    ['length of more than 4 bytes', '3085000000000100', (r) => r.next()],
    ['multi-byte tag', '1f2100', (r) => r.next()],
    ['wrong tag', '0401000000', (r) => r.sequence()],
    ['non-minimal positive integer', '02020001', (r) => r.integer()],
    ['non-minimal negative integer', '0202ff80', (r) => r.integer()],
    ['empty integer', '0200', (r) => r.integer()],
    ['negative where unsigned', '020180', (r) => r.unsignedInteger()],
    ['BIT STRING with unused bits', '03020780', (r) => r.bitString()],
    ['empty BIT STRING', '0300', (r) => r.bitString()],
    ['NULL with contents', '050100', (r) => r.null()],
    ['OID with a 0x80 pad', '0603808101', (r) => r.oid()],
    ['truncated OID', '06022a86', (r) => r.oid()],
    ['trailing element', '30030201000500', (r) => { r.sequence(); r.end(); }],
  ];
  for (const [name, bytes, read] of malformed) {
    it(`rejects ${name} with INVALID_ARGUMENT`, () => {
      expect(status(() => read(new DerReader(h(bytes))))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    });
  }

  it('rejects trailing data after the single element of readDer', () => {
    expect(status(() => readDer(h('05000000')))).toBe(PSA_ERROR_INVALID_ARGUMENT);
    expect(status(() => readDer(h('0500')))).toBe(0);
  });
});
