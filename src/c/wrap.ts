/**
 * The wrap functions in C shape.
 * @module
 */
export {};
