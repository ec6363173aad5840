/**
 * The cipher functions in C shape.
 * @module
 */
export {};
