import type { FileReport, Finding } from '../report/schema.js';
import { VERDICT_RANK } from '../report/summary.js';
import { matchEntry, type EntryMatch } from './match.js';
import type { BaselineEntry } from './schema.js';

/**
 * Applies accepted exceptions to one contract's findings. Pure: the caller gives
 * today's date and the contract's path as the baseline writes it.
 *
 * - a weak/missing finding covered by an entry of the same rule, at the same or a
 *   worse accepted verdict, gets a `waiver` (expired when `today` is past `expires`);
 * - a finding worse than accepted (missing where weak was accepted) is not waived;
 * - an entry for this contract whose rule is now ok (or no longer run) is stale.
 */

export interface ApplyBaselineResult {
  file: FileReport;
  /** Entries of this contract that matched no finding. */
  stale: BaselineEntry[];
}

/** Inclusive: an exception that expires on 2026-06-30 still holds that day. */
export function isExpired(entry: BaselineEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires !== null && today > entry.expires;
}

/** Today as YYYY-MM-DD in UTC, the form `expires` is compared with. */
export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function applyBaseline(file: FileReport, entries: readonly BaselineEntry[], baselinePath: string, today: string): ApplyBaselineResult {
  if (file.status === 'error') return { file, stale: [] };
  const candidates = entries
    .map((entry) => ({ entry, match: matchEntry(entry, file, baselinePath) }))
    .filter((candidate): candidate is { entry: BaselineEntry; match: Exclude<EntryMatch, null> } => candidate.match !== null);
  if (candidates.length === 0) return { file, stale: [] };

  const used = new Set<BaselineEntry>();
  const warnings = [...file.warnings];
  const findings = file.findings.map((finding): Finding => {
    if (finding.status === 'ok') return finding;
    const forRule = candidates
      .filter((candidate) => candidate.entry.rule === finding.rule)
      .sort((a, b) => (a.match === 'content' ? 0 : 1) - (b.match === 'content' ? 0 : 1));
    const best = forRule[0];
    if (!best) return finding;
    used.add(best.entry);
    if (VERDICT_RANK[finding.status] > VERDICT_RANK[best.entry.status]) {
      warnings.push({
        code: 'baseline-worsened',
        message: `${finding.rule}: now ${finding.status}, the baseline accepted only ${best.entry.status}; the exception does not cover it.`,
      });
      return finding;
    }
    if (best.match === 'path') {
      warnings.push({
        code: 'baseline-file-changed',
        message: `${finding.rule}: the exception was recorded for other contents of this file (sha256 ${best.entry.sha256.slice(0, 12)}…); review it.`,
      });
    }
    return {
      ...finding,
      waiver: { justification: best.entry.justification, expires: best.entry.expires ?? null, expired: isExpired(best.entry, today) },
    };
  });

  const stale = candidates.map((candidate) => candidate.entry).filter((entry) => !used.has(entry));
  for (const entry of stale) {
    warnings.push({
      code: 'baseline-stale',
      message: `${entry.rule}: the baseline accepts ${entry.status} but the contract no longer has that finding; remove the entry.`,
    });
  }
  return { file: { ...file, warnings, findings }, stale };
}
