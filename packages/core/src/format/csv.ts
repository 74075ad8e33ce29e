import type { FileReport, Report } from '../report/schema.js';
import { valueNumber, waiverText } from './describe.js';
import { ruleIds } from './rules.js';
import type { FormatOptions } from './types.js';

/**
 * One row per contract: path, format, language, pages, status, error, then per
 * rule `<rule>` (verdict) and `<rule>_value` (the figure in the rule's unit:
 * hours for notification, months for log retention), then `waivers`.
 * RFC 4180: CRLF line ends, fields quoted when they hold the separator, a quote
 * or a line break, quotes doubled.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | null | undefined, separator: string): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function separatorOf(options: FormatOptions): string {
  const separator = options.csvSeparator ?? ',';
  if (separator.length !== 1 || /["\r\n]/.test(separator)) {
    throw new Error(`CSV separator must be one character other than a quote or a line break, got ${JSON.stringify(separator)}`);
  }
  return separator;
}

function line(cells: Array<string | number | null | undefined>, separator: string): string {
  return `${cells.map((cell) => csvField(cell, separator)).join(separator)}\r\n`;
}

export function csvHeader(rules: readonly string[], options: FormatOptions = {}): string {
  const separator = separatorOf(options);
  const cells = ['path', 'format', 'language', 'pages', 'status', 'error'];
  for (const rule of rules) cells.push(rule, `${rule}_value`);
  cells.push('waivers');
  return `${options.bom ? '\uFEFF' : ''}${line(cells, separator)}`;
}

export function csvRow(file: FileReport, rules: readonly string[], options: FormatOptions = {}): string {
  const separator = separatorOf(options);
  const error = file.error ? `${file.error.code}: ${file.error.message}` : '';
  const cells: Array<string | number | null> = [file.path, file.format, file.language, file.pages, file.status, error];
  for (const rule of rules) {
    const finding = file.findings.find((candidate) => candidate.rule === rule);
    cells.push(finding?.status ?? null, valueNumber(finding?.value));
  }
  const waivers = file.findings.filter((finding) => finding.waiver).map((finding) => `${finding.rule}: ${waiverText(finding)}`);
  cells.push(waivers.join('; '));
  return line(cells, separator);
}

export function formatCsv(report: Report, options: FormatOptions = {}): string {
  const rules = ruleIds(report, options);
  return csvHeader(rules, options) + report.files.map((file) => csvRow(file, rules, options)).join('');
}
