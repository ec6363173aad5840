/**
 * The encapsulation functions in C shape.
 * @module
 */
export {};
