import { describe, expect, it } from 'vitest';
import { curveOfNamedCurveOid, eccCoordinateLength, eccPublicLength, namedCurveOidOf } from '../../src/formats/index.js';
import { PSA_ECC_FAMILY_FRP, PSA_ECC_FAMILY_SECP_K1, PSA_ECC_FAMILY_SECP_R1 } from '../../src/values/index.js';

describe('ECC shapes the formats layer assumes', () => {
  it('secp224k1: PSA size 225 bits (group order), 28-byte coordinates (224-bit field, SEC 2 §2.3.2)', () => {
    expect(eccCoordinateLength(PSA_ECC_FAMILY_SECP_K1, 225)).toBe(28);
    expect(eccPublicLength(PSA_ECC_FAMILY_SECP_K1, 225)).toBe(57);
    expect(eccPublicLength(PSA_ECC_FAMILY_SECP_R1, 521)).toBe(133);
  });

  it('FRP256v1 has the ANSSI OID 1.2.250.1.223.101.256.1', () => {
    expect(namedCurveOidOf(PSA_ECC_FAMILY_FRP, 256)).toBe('1.2.250.1.223.101.256.1');
    expect(curveOfNamedCurveOid('1.2.250.1.223.101.256.1')).toMatchObject({ family: PSA_ECC_FAMILY_FRP, bits: 256 });
  });
});
