import type { FileReport } from '../report/schema.js';
import { comparePaths, VERDICT_RANK } from '../report/summary.js';
import { matchEntry } from './match.js';
import type { Baseline, BaselineEntry } from './schema.js';

/**
 * Records the current weak/missing findings as a baseline. Entries start with an
 * empty justification, which must be filled in before the baseline can be used.
 * When a previous baseline is given, its justification and expiry carry over to
 * the same contract and rule unless the verdict got worse.
 */
export function createBaseline(input: {
  files: readonly FileReport[];
  pack: { id: string; version: string };
  /** The contract's path as the baseline writes it (relative to the baseline file, `/` separators). */
  baselinePath: (file: FileReport) => string;
  previous?: Baseline;
}): Baseline {
  const entries: BaselineEntry[] = [];
  for (const file of input.files) {
    if (file.status !== 'audited' || !file.sha256) continue;
    const path = input.baselinePath(file);
    for (const finding of file.findings) {
      if (finding.status === 'ok') continue;
      const earlier = input.previous?.entries.find(
        (entry) => entry.rule === finding.rule && matchEntry(entry, file, path) !== null && VERDICT_RANK[finding.status] <= VERDICT_RANK[entry.status],
      );
      entries.push({
        path,
        sha256: file.sha256,
        rule: finding.rule,
        status: finding.status,
        justification: earlier?.justification ?? '',
        expires: earlier?.expires ?? null,
      });
    }
  }
  entries.sort((a, b) => comparePaths(a.path, b.path) || comparePaths(a.rule, b.rule));
  return { version: 1, pack: { ...input.pack }, entries };
}
