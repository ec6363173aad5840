/**
 * The sign functions in C shape.
 * @module
 */
export {};
