// Public API of @clausier/core. Each area adds its exports here.
export * from './document/types.js';
export * from './extract/types.js';
export * from './report/schema.js';
export * from './rules/pack-schema.js';
export * from './rules/load-pack.js';
export * from './report/summary.js';
export * from './report/build.js';
export * from './format/index.js';
export { auditDocument, CHECKS, type AuditOptions } from './engine/audit.js';
export { REASONS, reasonPhrase } from './engine/reasons.js';
