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

export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  const failOn = options.failOn ?? 'weak';
  const rules = ruleIds(report, options);
  const summary = summarize(report.files);
  const failingFiles = report.files.filter((file) => file.status === 'audited' && file.findings.some((f) => isFailing(f, failOn)));
  const lines = [
    `### clausier: ${summary.files} contract${summary.files === 1 ? '' : 's'}, ${failingFiles.length} failing, ${summary.errors} not audited`,
    '',
    `Pack \`${report.pack.id}\` ${report.pack.version} · fail-on \`${failOn}\` · ok ${summary.ok} · weak ${summary.weak} · missing ${summary.missing} · waived ${summary.waived}`,
    '',
  ];
  if (report.files.length > 0) {
    lines.push(`| Contract | ${rules.map(cell).join(' | ')} |`, `|---|${rules.map(() => '---').join('|')}|`);
    for (const file of report.files) lines.push(row(file, rules));
    lines.push('');
  }
  if (failingFiles.length > 0) {
    lines.push('#### Failing verdicts', '');
    for (const file of failingFiles) {
      lines.push(`**${code(file.path)}**`, '', ...failingFindings(file, failOn).map((finding) => failingItem(finding, options)), '');
    }
  }
  const errors = report.files.filter((file) => file.status === 'error');
  if (errors.length > 0) {
    lines.push('#### Not audited', '');
    for (const file of errors) lines.push(`- ${code(file.path)}: ${cell(file.error?.code ?? 'error')} — ${cell(file.error?.message ?? '')}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
