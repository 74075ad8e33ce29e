import type { FileReport } from '../report/schema.js';
import type { BaselineEntry } from './schema.js';

/** How an entry relates to a contract of this run. */
export type EntryMatch = 'content' | 'path' | null;

/**
 * Content first: the same bytes are the same contract whatever its name.
 * Path second: same place, different bytes — the contract was edited, the
 * exception still applies but should be reviewed.
 */
export function matchEntry(entry: BaselineEntry, file: FileReport, baselinePath: string): EntryMatch {
  if (file.sha256 && entry.sha256 === file.sha256) return 'content';
  if (entry.path === baselinePath) return 'path';
  return null;
}
