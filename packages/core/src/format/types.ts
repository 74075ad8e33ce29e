import type { Language } from '../document/types.js';
import type { FailOn } from '../report/summary.js';
import type { RulePack } from '../rules/pack-schema.js';

export const FORMAT_NAMES = ['pretty', 'json', 'jsonl', 'csv', 'sarif', 'junit', 'markdown'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Lines of a passage in the source file, for text sources (txt, md) only; 1-based, inclusive. */
export interface SourceLines {
  startLine: number;
  endLine: number;
}

/**
 * Where each finding's first basis passage sits in a text source, keyed by
 * `regionKey(path, rule)`. Offsets in the report point into the normalised text,
 * not the file, so the CLI locates passages in the file itself and hands the
 * result over; formatters stay pure.
 */
export type SourceRegions = ReadonlyMap<string, SourceLines>;

export function regionKey(path: string, rule: string): string {
  return `${path}\u0000${rule}`;
}

export interface FormatOptions {
  /** The gate: JUnit failures, Markdown's failing list and pretty's marks follow it. Default `weak`. */
  failOn?: FailOn;
  /** Rule metadata (titles, rationale, model clauses) and report order. */
  pack?: RulePack;
  /** Language of rule titles and help texts (default `en`). Messages stay in the contract's language. */
  lang?: Language;
  /** pretty: ANSI colours. */
  color?: boolean;
  /** sarif: base for relative artifact URIs (default: paths as they are in the report). */
  cwd?: string;
  /** csv: field separator (default `,`). */
  csvSeparator?: string;
  /** csv: prefix a UTF-8 byte-order mark (Excel on Windows needs it to read UTF-8). */
  bom?: boolean;
  /** sarif: source lines of passages in text files. */
  regions?: SourceRegions;
}
