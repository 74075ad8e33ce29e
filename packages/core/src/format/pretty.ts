import type { Evidence, FileReport, Finding, Report } from '../report/schema.js';
import { isFailing, isWaived, tallyByRule, worstFiles, summarize } from '../report/summary.js';
import {
  consideredEvidence,
  consideredLabel,
  describeFile,
  describeLocation,
  describeValue,
  primaryEvidence,
  shortenQuote,
  waiverText,
} from './describe.js';
import { language, ruleIds } from './rules.js';
import type { FormatOptions } from './types.js';

/**
 * The terminal report: one block per contract (rule, verdict, reasons, message,
 * quoted passage with page and section), then a portfolio summary. Streams: the
 * CLI prints `prettyFile` as each contract completes and `prettySummary` at the end.
 */

type Style = (text: string) => string;
const plain: Style = (text) => text;
const ansi = (open: number, close: number): Style => (text) => `\u001b[${open}m${text}\u001b[${close}m`;

function palette(options: FormatOptions) {
  const on = options.color === true;
  return {
    bold: on ? ansi(1, 22) : plain,
    dim: on ? ansi(2, 22) : plain,
    red: on ? ansi(31, 39) : plain,
    yellow: on ? ansi(33, 39) : plain,
    green: on ? ansi(32, 39) : plain,
    cyan: on ? ansi(36, 39) : plain,
  };
}

const INDENT = '      ';

function verdictLabel(finding: Finding, options: FormatOptions): string {
  const c = palette(options);
  if (isWaived(finding)) return c.cyan(`~ waived (${finding.status})`.padEnd(18));
  const failing = isFailing(finding, options.failOn ?? 'weak');
  const text = { ok: '✓ ok', weak: '! weak', missing: '✗ missing' }[finding.status].padEnd(18);
  const colour = { ok: c.green, weak: c.yellow, missing: c.red }[finding.status];
  return failing ? c.bold(colour(text)) : colour(text);
}

function findingBlock(finding: Finding, options: FormatOptions): string[] {
  const c = palette(options);
  const facts = [finding.severity, describeValue(finding.value, language(options)), finding.reasons.join(', ')].filter(Boolean);
  const lines = [`  ${verdictLabel(finding, options)}${c.bold(finding.rule)}  ${c.dim(facts.join(' · '))}`];
  if (finding.message) lines.push(`${INDENT}${finding.message}`);
  const quote = (evidence: Evidence) => {
    const where = describeLocation(evidence.page, evidence.section);
    return `${c.dim('«')} ${shortenQuote(evidence.quote)} ${c.dim('»')}${where ? c.dim(` — ${where}`) : ''}`;
  };
  const evidence = primaryEvidence(finding);
  if (evidence) lines.push(`${INDENT}${quote(evidence)}`);
  const considered = finding.status === 'ok' ? undefined : consideredEvidence(finding);
  if (considered) lines.push(`${INDENT}${c.dim(`${consideredLabel(considered)}:`)} ${quote(considered)}`);
  if (finding.waiver) {
    const label = finding.waiver.expired ? c.red('Waiver expired:') : c.cyan('Accepted exception:');
    lines.push(`${INDENT}${label} ${waiverText(finding)}`);
  }
  if (finding.status !== 'ok') {
    if (finding.searched) lines.push(`${INDENT}${c.dim('Searched:')} ${finding.searched}`);
    if (finding.remedy) lines.push(`${INDENT}${c.dim('Remedy:')} ${finding.remedy}`);
  }
  return lines;
}

/** One contract's block, ending with a blank line. */
export function prettyFile(file: FileReport, options: FormatOptions = {}): string {
  const c = palette(options);
  const about = describeFile(file);
  const lines = [`${c.bold(file.path)}${about ? c.dim(`  (${about})`) : ''}`];
  if (file.status === 'error') {
    const error = file.error ?? { code: 'internal', message: 'unknown error' };
    lines.push(`  ${c.bold(c.red('✗ not audited'.padEnd(18)))}${error.code}`, `${INDENT}${error.message}`);
  }
  for (const warning of file.warnings) lines.push(`  ${c.dim(`note: ${warning.code} — ${warning.message}`)}`);
  for (const finding of file.findings) lines.push(...findingBlock(finding, options));
  return `${lines.join('\n')}\n\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '),
  );
}

/** How many contracts the "worst first" list shows. */
const WORST_SHOWN = 10;

/** The portfolio summary: counts per rule, worst contracts first, and the gate's verdict. */
export function prettySummary(report: Report, options: FormatOptions = {}): string {
  const c = palette(options);
  const failOn = options.failOn ?? 'weak';
  const summary = summarize(report.files);
  const lines = [
    c.bold(`Portfolio: ${summary.files} contract${summary.files === 1 ? '' : 's'}, ${summary.audited} audited, ${summary.errors} not audited`),
  ];
  const tallies = tallyByRule(report.files, ruleIds(report, options));
  if (tallies.length > 0) {
    const rows = [['rule', 'ok', 'weak', 'missing', 'waived']];
    for (const tally of tallies) rows.push([tally.rule, ...[tally.ok, tally.weak, tally.missing, tally.waived].map(String)]);
    const [header, ...body] = table(rows);
    lines.push('', `  ${c.dim(header!)}`, ...body.map((row) => `  ${row}`));
  }
  const worst = worstFiles(report.files, WORST_SHOWN);
  if (worst.length > 0) {
    lines.push('', c.bold('Worst contracts first'));
    worst.forEach((file, index) => {
      const open = file.findings.filter((finding) => !isWaived(finding));
      const missing = open.filter((finding) => finding.status === 'missing').map((finding) => finding.rule);
      const weak = open.filter((finding) => finding.status === 'weak').map((finding) => finding.rule);
      const parts = [missing.length ? `missing: ${missing.join(', ')}` : '', weak.length ? `weak: ${weak.join(', ')}` : ''];
      lines.push(`  ${String(index + 1).padStart(2)}. ${file.path} — ${parts.filter(Boolean).join('; ')}`);
    });
  }
  const failing = report.files.reduce((count, file) => count + file.findings.filter((f) => isFailing(f, failOn)).length, 0);
  const gate =
    failOn === 'never'
      ? 'fail-on never: findings do not fail the run'
      : `${failing} finding${failing === 1 ? '' : 's'} at or above "${failOn}"`;
  const errors = summary.errors > 0 ? c.red(`; ${summary.errors} file${summary.errors === 1 ? '' : 's'} could not be audited`) : '';
  lines.push('', `${failing > 0 ? c.red(gate) : c.green(gate)}${errors}`);
  return `${lines.join('\n')}\n`;
}

export function formatPretty(report: Report, options: FormatOptions = {}): string {
  return report.files.map((file) => prettyFile(file, options)).join('') + prettySummary(report, options);
}
