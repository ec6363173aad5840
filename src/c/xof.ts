/**
 * The xof functions in C shape.
 * @module
 */
export {};
