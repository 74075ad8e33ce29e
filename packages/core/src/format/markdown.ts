import type { Evidence, FileReport, Finding, Report } from '../report/schema.js';
import { failingFindings, isFailing, isWaived, summarize } from '../report/summary.js';
import {
  consideredEvidence,
  consideredLabel,
  describeLocation,
  describeValue,
  primaryEvidence,
  shortenQuote,
  waiverText,
} from './describe.js';
import { language, ruleIds } from './rules.js';
import type { FormatOptions } from './types.js';

/**
 * A pull-request / merge-request comment: a compact table (one row per
 * contract, one column per rule), then only the verdicts that fail the gate,
 * with their quotes. GitHub and GitLab flavoured Markdown.
 */

/** Cell text that cannot break the table or inject Markdown/HTML. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1').trim();
}

/** Inline code that survives backticks in the text; in a table cell a pipe must be escaped even there. */
function code(text: string, inTable = false): string {
  const fence = text.includes('`') ? '`` ' : '`';
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  return `${fence}${body}${fence.split('').reverse().join('')}`;
}

const ICON = { ok: '✅ ok', weak: '⚠️ weak', missing: '❌ missing' } as const;

function verdictCell(finding: Finding | undefined): string {
  if (!finding) return '—';
  if (isWaived(finding)) return `☑️ waived (${finding.status})`;
  return ICON[finding.status];
}

function row(file: FileReport, rules: string[]): string {
  if (file.status === 'error') {
    const error = file.error ?? { code: 'internal', message: '' };
    return `| ${code(file.path, true)} | 💥 not audited: ${cell(error.code)} |${' |'.repeat(Math.max(rules.length - 1, 0))}`;
  }
  const cells = rules.map((rule) => verdictCell(file.findings.find((finding) => finding.rule === rule)));
  return `| ${code(file.path, true)} | ${cells.join(' | ')} |`;
}

function quote(evidence: Evidence): string {
  const where = describeLocation(evidence.page, evidence.section);
  return `${cell(shortenQuote(evidence.quote))}${where ? ` — *${cell(where)}*` : ''}`;
}

function failingItem(finding: Finding, options: FormatOptions): string {
  const value = describeValue(finding.value, language(options));
  const lines = [`- **${cell(finding.rule)}** — ${finding.status}${value ? ` (${value})` : ''}: ${cell(finding.message)}`];
  const evidence = primaryEvidence(finding);
  const considered = consideredEvidence(finding);
  if (evidence) lines.push(`  > ${quote(evidence)}`);
  else if (finding.searched) lines.push(`  *Searched:* ${cell(finding.searched)}`);
  if (considered) lines.push(`  *${cell(consideredLabel(considered))}:* ${quote(considered)}`);
  if (finding.waiver?.expired) lines.push(`  *Waiver expired:* ${cell(waiverText(finding))}`);
  return lines.join('\n');
}

/**
 * GitHub refuses comments over 65 536 characters and GitLab notes are limited too; the
 * comment stays under this many characters (UTF-16 code units, as GitHub counts), dropping
 * clean rows first, then details, and saying what was left out.
 */
export const MARKDOWN_MAX_LENGTH = 60_000;

/** Appends blocks while they fit; returns how many did not. */
function appendWithin(lines: string[], blocks: string[], budget: { left: number }): number {
  let index = 0;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.length + 1 > budget.left) break;
    lines.push(block);
    budget.left -= block.length + 1;
  }
  return blocks.length - index;
}

export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const failOn = options.failOn ?? 'weak';
  const rules = ruleIds(report, options);
  const summary = summarize(report.files);
  const failingFiles = report.files.filter((file) => file.status === 'audited' && file.findings.some((f) => isFailing(f, failOn)));
  const errors = report.files.filter((file) => file.status === 'error');
  const lines = [
    `### clausier: ${summary.files} contract${summary.files === 1 ? '' : 's'}, ${failingFiles.length} failing, ${summary.errors} not audited`,
    '',
    `Pack \`${report.pack.id}\` ${report.pack.version} · fail-on \`${failOn}\` · ok ${summary.ok} · weak ${summary.weak} · missing ${summary.missing} · waived ${summary.waived}`,
    '',
  ];
  // Room kept for the notes saying what was left out.
  const budget = { left: MARKDOWN_MAX_LENGTH - lines.join('\n').length - 600 };
  const omitted: string[] = [];

  if (report.files.length > 0) {
    const header = [`| Contract | ${rules.map(cell).join(' | ')} |`, `|---|${rules.map(() => '---').join('|')}|`];
    const allRows = report.files.map((file) => row(file, rules));
    const fitsAll = allRows.reduce((total, text) => total + text.length + 1, 0) < budget.left / 2;
    // A large portfolio: the rows that need attention only.
    const shown = fitsAll ? report.files : report.files.filter((file) => file.status === 'error' || failingFiles.includes(file));
    if (!fitsAll) omitted.push(`${report.files.length - shown.length} contract(s) with nothing failing are not in the table`);
    // The table gets at most half the room, so the failing verdicts always have some.
    const table = { left: Math.floor(budget.left / 2) };
    const start = table.left;
    appendWithin(lines, header, table);
    const cut = appendWithin(lines, shown.map((file) => row(file, rules)), table);
    budget.left -= start - table.left;
    if (cut > 0) omitted.push(`${cut} more table row(s)`);
    lines.push('');
  }
  if (errors.length > 0) {
    lines.push('#### Not audited', '');
    const cut = appendWithin(lines, errors.map((file) => `- ${code(file.path)}: ${cell(file.error?.code ?? 'error')} — ${cell(file.error?.message ?? '')}`), budget);
    if (cut > 0) omitted.push(`${cut} more contract(s) not audited`);
    lines.push('');
  }
  if (failingFiles.length > 0) {
    lines.push('#### Failing verdicts', '');
    const blocks = failingFiles.map((file) =>
      [`**${code(file.path)}**`, '', ...failingFindings(file, failOn).map((finding) => failingItem(finding, options)), ''].join('\n'),
    );
    const cut = appendWithin(lines, blocks, budget);
    if (cut > 0) omitted.push(`the failing verdicts of ${cut} more contract(s)`);
  }
  if (omitted.length > 0) {
    lines.push('', `*Comment shortened to fit: ${omitted.join('; ')}. The SARIF, JUnit or JSON report has everything.*`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
