export { BaselineEntrySchema, BaselineSchema, type Baseline, type BaselineEntry } from './schema.js';
export { applyBaseline, isExpired, isoDate, type ApplyBaselineResult } from './apply.js';
export { createBaseline } from './create.js';
export { BaselineError, formatBaseline, loadBaselineForUse, loadPreviousBaseline, parseBaseline, problemsForUse } from './load.js';
export { matchEntry, type EntryMatch } from './match.js';
