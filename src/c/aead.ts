/**
 * The aead functions in C shape.
 * @module
 */
export {};
