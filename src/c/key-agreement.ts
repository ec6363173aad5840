/**
 * The key agreement functions in C shape.
 * @module
 */
export {};
