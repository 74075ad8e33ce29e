import { closest, type Language, type RuleDefinition } from '@clausier/core';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { loadSettings } from '../settings.js';

/** `clausier rules` (the effective rules) and `clausier rules show <id>` (what procurement proposes). */

function thresholdsText(rule: RuleDefinition): string {
  const t = rule.thresholds;
  const parts = [
    t.maxHours !== undefined ? `≤ ${t.maxHours} h (calendar hours)` : '',
    t.minMonths !== undefined ? `≥ ${t.minMonths} months` : '',
    t.maxNoticeDays !== undefined ? `notice ≤ ${t.maxNoticeDays} days` : '',
    t.maxIntervalMonths !== undefined ? `every ≤ ${t.maxIntervalMonths} months` : '',
  ];
  return parts.filter(Boolean).join(', ') || '—';
}

export async function rulesListCommand(options: Record<string, unknown>, io: Io): Promise<number> {
  const { pack } = await loadSettings(io.cwd, options, io.env);
  const lang = (options.lang as Language | undefined) ?? 'en';
  if (options.format === 'json') {
    const rules = pack.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      check: rule.check,
      thresholds: rule.thresholds,
    }));
    io.stdout.write(`${JSON.stringify({ pack: { id: pack.id, version: pack.version }, rules }, null, 2)}\n`);
    return 0;
  }
  const rows = [['rule', 'severity', 'thresholds', 'title'], ...pack.rules.map((rule) => [rule.id, rule.severity, thresholdsText(rule), rule.title[lang]])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd());
  io.stdout.write(`Pack ${pack.id} ${pack.version} — ${pack.title[lang]}\n\n${lines.join('\n')}\n\nDetails: clausier rules show <rule>\n`);
  return 0;
}

function indent(text: string, prefix = '  '): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

export async function rulesShowCommand(id: string, options: Record<string, unknown>, io: Io): Promise<number> {
  const { pack } = await loadSettings(io.cwd, options, io.env);
  const rule = pack.rules.find((candidate) => candidate.id === id);
  if (!rule) {
    const ids = pack.rules.map((candidate) => candidate.id);
    const suggestion = closest(id, ids);
    throw new UsageError(`no rule "${id}" in pack ${pack.id}${suggestion ? ` — did you mean "${suggestion}"?` : ''} (rules: ${ids.join(', ')})`);
  }
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(rule, null, 2)}\n`);
    return 0;
  }
  const sections = [
    `${rule.id} — ${rule.title.en}\n${rule.title.fr}`,
    `Severity: ${rule.severity}\nThresholds: ${thresholdsText(rule)}`,
    `Why (EN):\n${indent(rule.rationale.en)}\n\nPourquoi (FR) :\n${indent(rule.rationale.fr)}`,
    `Sources:\n${rule.sources.map((source) => `  - ${source.label}${source.url ? ` <${source.url}>` : ''}`).join('\n')}`,
    `Remedy (EN): ${rule.remedy.en}\nCorrection (FR) : ${rule.remedy.fr}`,
    `Model clause (FR) — clause type à proposer :\n${indent(rule.modelClause.fr)}`,
    `Model clause (EN):\n${indent(rule.modelClause.en)}`,
  ];
  io.stdout.write(`${sections.join('\n\n')}\n`);
  return 0;
}
