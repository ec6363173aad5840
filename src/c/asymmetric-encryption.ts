/**
 * The asymmetric encryption functions in C shape.
 * @module
 */
export {};
