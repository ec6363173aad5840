/**
 * PSA status codes (`psa_status_t`): the PSA Status code API values plus the
 * two the Crypto API adds. Every failure in this package carries one of them.
 * @module
 */

/** The action was completed successfully. */
export const PSA_SUCCESS = 0;
/** Programmer error (Status code API; not used by the Crypto API). */
export const PSA_ERROR_PROGRAMMER_ERROR = -129;
/** Connection refused (Status code API; not used by the Crypto API). */
export const PSA_ERROR_CONNECTION_REFUSED = -130;
/** Connection busy (Status code API; not used by the Crypto API). */
export const PSA_ERROR_CONNECTION_BUSY = -131;
/** An error occurred that does not correspond to any defined failure cause. */
export const PSA_ERROR_GENERIC_ERROR = -132;
/** The requested action is denied by a policy. */
export const PSA_ERROR_NOT_PERMITTED = -133;
/** The requested operation or a parameter is not supported by this implementation. */
export const PSA_ERROR_NOT_SUPPORTED = -134;
/** The parameters passed to the function are invalid. */
export const PSA_ERROR_INVALID_ARGUMENT = -135;
/** The key identifier is not valid. */
export const PSA_ERROR_INVALID_HANDLE = -136;
/** The requested action cannot be performed in the current state. */
export const PSA_ERROR_BAD_STATE = -137;
/** An output buffer is too small. */
export const PSA_ERROR_BUFFER_TOO_SMALL = -138;
/** Asking for an item that already exists. */
export const PSA_ERROR_ALREADY_EXISTS = -139;
/** Asking for an item that doesn't exist. */
export const PSA_ERROR_DOES_NOT_EXIST = -140;
/** There is not enough runtime memory (here: no free key slot). */
export const PSA_ERROR_INSUFFICIENT_MEMORY = -141;
/** There is not enough persistent storage. */
export const PSA_ERROR_INSUFFICIENT_STORAGE = -142;
/** Insufficient data when attempting to read from a resource (key derivation capacity). */
export const PSA_ERROR_INSUFFICIENT_DATA = -143;
/** The service (e.g. a secure partition) failed. */
export const PSA_ERROR_SERVICE_FAILURE = -144;
/** There was a communication failure inside the implementation. */
export const PSA_ERROR_COMMUNICATION_FAILURE = -145;
/** There was a storage failure that may have led to data loss. */
export const PSA_ERROR_STORAGE_FAILURE = -146;
/** A hardware failure was detected. */
export const PSA_ERROR_HARDWARE_FAILURE = -147;
/** There is not enough entropy to generate random data. */
export const PSA_ERROR_INSUFFICIENT_ENTROPY = -148;
/** The signature, MAC or hash is incorrect. */
export const PSA_ERROR_INVALID_SIGNATURE = -149;
/** The decrypted padding is incorrect. */
export const PSA_ERROR_INVALID_PADDING = -150;
/** A tampering attempt was detected. */
export const PSA_ERROR_CORRUPTION_DETECTED = -151;
/** Stored data has been corrupted. */
export const PSA_ERROR_DATA_CORRUPT = -152;
/** Data read from storage is not valid for the implementation. */
export const PSA_ERROR_DATA_INVALID = -153;
/** An interruptible operation has not finished yet (Mbed TLS interruptible API). */
export const PSA_OPERATION_INCOMPLETE = -248;

/** The C name of a status defined above, e.g. `'PSA_ERROR_NOT_PERMITTED'`. */
export type PsaKnownStatusName =
  | 'PSA_SUCCESS'
  | 'PSA_ERROR_PROGRAMMER_ERROR'
  | 'PSA_ERROR_CONNECTION_REFUSED'
  | 'PSA_ERROR_CONNECTION_BUSY'
  | 'PSA_ERROR_GENERIC_ERROR'
  | 'PSA_ERROR_NOT_PERMITTED'
  | 'PSA_ERROR_NOT_SUPPORTED'
  | 'PSA_ERROR_INVALID_ARGUMENT'
  | 'PSA_ERROR_INVALID_HANDLE'
  | 'PSA_ERROR_BAD_STATE'
  | 'PSA_ERROR_BUFFER_TOO_SMALL'
  | 'PSA_ERROR_ALREADY_EXISTS'
  | 'PSA_ERROR_DOES_NOT_EXIST'
  | 'PSA_ERROR_INSUFFICIENT_MEMORY'
  | 'PSA_ERROR_INSUFFICIENT_STORAGE'
  | 'PSA_ERROR_INSUFFICIENT_DATA'
  | 'PSA_ERROR_SERVICE_FAILURE'
  | 'PSA_ERROR_COMMUNICATION_FAILURE'
  | 'PSA_ERROR_STORAGE_FAILURE'
  | 'PSA_ERROR_HARDWARE_FAILURE'
  | 'PSA_ERROR_INSUFFICIENT_ENTROPY'
  | 'PSA_ERROR_INVALID_SIGNATURE'
  | 'PSA_ERROR_INVALID_PADDING'
  | 'PSA_ERROR_CORRUPTION_DETECTED'
  | 'PSA_ERROR_DATA_CORRUPT'
  | 'PSA_ERROR_DATA_INVALID'
  | 'PSA_OPERATION_INCOMPLETE';

/**
 * Every name `statusName` can return, so `PsaError.code` is a union a
 * `switch` narrows: the C name of a status defined above, or
 * `(psa_status_t)N` (its decimal value) for any other number.
 */
export type PsaStatusName = PsaKnownStatusName | `(psa_status_t)${number}`;

/** Every status above, by C name, for `describe` and `parse`. */
export const STATUS_NAMES: ReadonlyMap<number, PsaKnownStatusName> = new Map<number, PsaKnownStatusName>([
  [PSA_SUCCESS, 'PSA_SUCCESS'],
  [PSA_ERROR_PROGRAMMER_ERROR, 'PSA_ERROR_PROGRAMMER_ERROR'],
  [PSA_ERROR_CONNECTION_REFUSED, 'PSA_ERROR_CONNECTION_REFUSED'],
  [PSA_ERROR_CONNECTION_BUSY, 'PSA_ERROR_CONNECTION_BUSY'],
  [PSA_ERROR_GENERIC_ERROR, 'PSA_ERROR_GENERIC_ERROR'],
  [PSA_ERROR_NOT_PERMITTED, 'PSA_ERROR_NOT_PERMITTED'],
  [PSA_ERROR_NOT_SUPPORTED, 'PSA_ERROR_NOT_SUPPORTED'],
  [PSA_ERROR_INVALID_ARGUMENT, 'PSA_ERROR_INVALID_ARGUMENT'],
  [PSA_ERROR_INVALID_HANDLE, 'PSA_ERROR_INVALID_HANDLE'],
  [PSA_ERROR_BAD_STATE, 'PSA_ERROR_BAD_STATE'],
  [PSA_ERROR_BUFFER_TOO_SMALL, 'PSA_ERROR_BUFFER_TOO_SMALL'],
  [PSA_ERROR_ALREADY_EXISTS, 'PSA_ERROR_ALREADY_EXISTS'],
  [PSA_ERROR_DOES_NOT_EXIST, 'PSA_ERROR_DOES_NOT_EXIST'],
  [PSA_ERROR_INSUFFICIENT_MEMORY, 'PSA_ERROR_INSUFFICIENT_MEMORY'],
  [PSA_ERROR_INSUFFICIENT_STORAGE, 'PSA_ERROR_INSUFFICIENT_STORAGE'],
  [PSA_ERROR_INSUFFICIENT_DATA, 'PSA_ERROR_INSUFFICIENT_DATA'],
  [PSA_ERROR_SERVICE_FAILURE, 'PSA_ERROR_SERVICE_FAILURE'],
  [PSA_ERROR_COMMUNICATION_FAILURE, 'PSA_ERROR_COMMUNICATION_FAILURE'],
  [PSA_ERROR_STORAGE_FAILURE, 'PSA_ERROR_STORAGE_FAILURE'],
  [PSA_ERROR_HARDWARE_FAILURE, 'PSA_ERROR_HARDWARE_FAILURE'],
  [PSA_ERROR_INSUFFICIENT_ENTROPY, 'PSA_ERROR_INSUFFICIENT_ENTROPY'],
  [PSA_ERROR_INVALID_SIGNATURE, 'PSA_ERROR_INVALID_SIGNATURE'],
  [PSA_ERROR_INVALID_PADDING, 'PSA_ERROR_INVALID_PADDING'],
  [PSA_ERROR_CORRUPTION_DETECTED, 'PSA_ERROR_CORRUPTION_DETECTED'],
  [PSA_ERROR_DATA_CORRUPT, 'PSA_ERROR_DATA_CORRUPT'],
  [PSA_ERROR_DATA_INVALID, 'PSA_ERROR_DATA_INVALID'],
  [PSA_OPERATION_INCOMPLETE, 'PSA_OPERATION_INCOMPLETE'],
]);

/** The C name of a status, or its decimal value when it is not a known status. */
export function statusName(status: number): PsaStatusName {
  return STATUS_NAMES.get(status) ?? `(psa_status_t)${status}`;
}
