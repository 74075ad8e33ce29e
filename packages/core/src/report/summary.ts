import type { FileReport, Finding, Summary, Verdict } from './schema.js';

/**
 * Counting and the fail-on threshold: the one place that decides whether a
 * finding makes a run fail, so the CLI's exit code, JUnit failures and the
 * Markdown "failing verdicts" list always agree.
 */

/** `weak`: weak and missing fail; `missing`: only missing fails; `never`: nothing fails. */
export type FailOn = 'weak' | 'missing' | 'never';
export const FAIL_ON_VALUES = ['weak', 'missing', 'never'] as const satisfies readonly FailOn[];

/** missing is worse than weak, weak worse than ok. */
export const VERDICT_RANK: Record<Verdict, number> = { ok: 0, weak: 1, missing: 2 };

/** True when the verdict is at or above the threshold, waivers aside. */
export function verdictAtOrAbove(status: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return VERDICT_RANK[status] >= VERDICT_RANK[failOn];
}

/** A waiver that has not expired takes a finding out of the gate; an expired one does not. */
export function isWaived(finding: Finding): boolean {
  return finding.waiver !== undefined && !finding.waiver.expired;
}

/** True when this finding makes the run fail at `failOn`. */
export function isFailing(finding: Finding, failOn: FailOn): boolean {
  return verdictAtOrAbove(finding.status, failOn) && !isWaived(finding);
}

export function failingFindings(file: FileReport, failOn: FailOn): Finding[] {
  return file.findings.filter((finding) => isFailing(finding, failOn));
}

/**
 * Portfolio counts. `ok`/`weak`/`missing` count every finding by verdict, waived
 * or not; `waived` counts the findings an unexpired baseline entry covers.
 */
export function summarize(files: readonly FileReport[]): Summary {
  const summary: Summary = { files: files.length, audited: 0, errors: 0, ok: 0, weak: 0, missing: 0, waived: 0 };
  for (const file of files) {
    if (file.status === 'error') summary.errors += 1;
    else summary.audited += 1;
    for (const finding of file.findings) {
      summary[finding.status] += 1;
      if (isWaived(finding)) summary.waived += 1;
    }
  }
  return summary;
}

export interface RuleTally {
  rule: string;
  ok: number;
  weak: number;
  missing: number;
  waived: number;
}

/** Per-rule verdict counts, in `ruleOrder` first, then any other rule met, by first appearance. */
export function tallyByRule(files: readonly FileReport[], ruleOrder: readonly string[] = []): RuleTally[] {
  const tallies = new Map<string, RuleTally>();
  for (const rule of ruleOrder) tallies.set(rule, { rule, ok: 0, weak: 0, missing: 0, waived: 0 });
  for (const file of files) {
    for (const finding of file.findings) {
      let tally = tallies.get(finding.rule);
      if (!tally) {
        tally = { rule: finding.rule, ok: 0, weak: 0, missing: 0, waived: 0 };
        tallies.set(finding.rule, tally);
      }
      tally[finding.status] += 1;
      if (isWaived(finding)) tally.waived += 1;
    }
  }
  return [...tallies.values()];
}

const SEVERITY_WEIGHT = { critical: 8, high: 4, medium: 2, low: 1 } as const;

/**
 * A contract's badness, for "worst contracts first": unwaived missing findings
 * weigh twice a weak one, each scaled by severity. Waived findings do not count.
 */
export function riskScore(file: FileReport): number {
  let score = 0;
  for (const finding of file.findings) {
    if (isWaived(finding) || finding.status === 'ok') continue;
    score += VERDICT_RANK[finding.status] * SEVERITY_WEIGHT[finding.severity];
  }
  return score;
}

/** Audited contracts with at least one unwaived weak/missing finding, worst first, ties by path. */
export function worstFiles(files: readonly FileReport[], limit = Infinity): FileReport[] {
  return files
    .filter((file) => file.status === 'audited' && riskScore(file) > 0)
    .map((file) => ({ file, score: riskScore(file) }))
    .sort((a, b) => b.score - a.score || comparePaths(a.file.path, b.file.path))
    .slice(0, limit)
    .map((entry) => entry.file);
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
