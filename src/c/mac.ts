/**
 * The mac functions in C shape.
 * @module
 */
export {};
