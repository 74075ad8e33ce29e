import { comparePaths, summarize } from './summary.js';
import type { FileReport, Finding, Report } from './schema.js';

/** Assembles the final report from per-file results; pure, so every formatter sees the same shape. */

export interface BuildReportInput {
  toolVersion: string;
  pack: { id: string; version: string };
  files: readonly FileReport[];
}

export function buildReport(input: BuildReportInput): Report {
  const files = sortFiles(input.files);
  return {
    tool: { name: 'clausier', version: input.toolVersion },
    pack: { id: input.pack.id, version: input.pack.version },
    files,
    summary: summarize(files),
  };
}

/** Files by path, so a report does not depend on which worker finished first. */
export function sortFiles(files: readonly FileReport[]): FileReport[] {
  return [...files].sort((a, b) => comparePaths(a.path, b.path));
}

/** Findings in the pack's rule order (the order a reader expects), unknown rules last by id. */
export function sortFindings(findings: readonly Finding[], ruleOrder: readonly string[]): Finding[] {
  const position = new Map(ruleOrder.map((rule, index) => [rule, index]));
  const rank = (rule: string) => position.get(rule) ?? ruleOrder.length;
  return [...findings].sort((a, b) => rank(a.rule) - rank(b.rule) || comparePaths(a.rule, b.rule));
}
