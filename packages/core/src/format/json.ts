import type { FileReport, Report } from '../report/schema.js';

/** The documented JSON report (docs/report-format.md, docs/report.schema.json). */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One FileReport per line, so results stream as contracts complete. */
export function jsonlLine(file: FileReport): string {
  return `${JSON.stringify(file)}\n`;
}

export function formatJsonl(report: Report): string {
  return report.files.map(jsonlLine).join('');
}
