/**
 * RSA signatures (PKCS#1 v1.5 and PSS) for the software driver's signature
 * entry points. `undefined` while RSA signatures are not supported.
 * @module
 */
import type { SignEntryPoints } from '../sign.js';

/** RSA sign/verify hash entry points, used by `sign.ts` for RSA keys. */
export const rsaSign: Pick<SignEntryPoints, 'signHash' | 'verifyHash'> | undefined = undefined;
