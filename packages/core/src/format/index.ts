import type { Report } from '../report/schema.js';
import { formatCsv } from './csv.js';
import { formatJson, formatJsonl } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';
import type { FormatName, FormatOptions } from './types.js';

export * from './types.js';
export { csvField, csvHeader, csvRow, formatCsv } from './csv.js';
export { formatJson, formatJsonl, jsonlLine } from './json.js';
export { formatJunit, xmlEscape } from './junit.js';
export { formatMarkdown, MARKDOWN_MAX_LENGTH } from './markdown.js';
export { formatPretty, prettyFile, prettySummary } from './pretty.js';
export { artifactUri, formatSarif } from './sarif.js';
export { describeValue } from './describe.js';

const FORMATTERS: Record<FormatName, (report: Report, options: FormatOptions) => string> = {
  pretty: formatPretty,
  json: formatJson,
  jsonl: formatJsonl,
  csv: formatCsv,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
};

/** Renders a whole report in one format: pure, same input → same bytes. */
export function formatReport(format: FormatName, report: Report, options: FormatOptions = {}): string {
  return FORMATTERS[format](report, options);
}
