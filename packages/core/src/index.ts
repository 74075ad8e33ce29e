// Public API of @clausier/core. Each area adds its exports here.
export * from './document/types.js';
export * from './extract/types.js';
export * from './report/schema.js';
