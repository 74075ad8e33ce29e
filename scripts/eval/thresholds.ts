/** The pass/fail gate of `pnpm eval`: per-set limits read from thresholds.json. */
import { readFile } from 'node:fs/promises';
import type { SetScore } from './score.js';

export interface SetThresholds {
  /** Share of verdicts equal to the expected ones, 0–1. */
  minAccuracy: number;
  /** Largest acceptable number of false-ok verdicts (expected weak/missing, got ok). */
  maxFalseOk: number;
}

export interface ThresholdCheck {
  set: string;
  thresholds: SetThresholds;
  pass: boolean;
  failures: string[];
}

/** Used for a set the file does not list: the same bar as every other set. */
export const DEFAULT_THRESHOLDS: SetThresholds = { minAccuracy: 0.95, maxFalseOk: 0 };

export async function loadThresholds(file: string): Promise<Record<string, SetThresholds>> {
  const data = JSON.parse(await readFile(file, 'utf8')) as { sets?: Record<string, Partial<SetThresholds>> };
  const sets: Record<string, SetThresholds> = {};
  for (const [set, t] of Object.entries(data.sets ?? {})) {
    if (typeof t.minAccuracy !== 'number' || typeof t.maxFalseOk !== 'number') {
      throw new Error(`${file}: set ${set} needs numeric minAccuracy and maxFalseOk`);
    }
    sets[set] = { minAccuracy: t.minAccuracy, maxFalseOk: t.maxFalseOk };
  }
  return sets;
}

/** An empty set fails: a gate that passes on no contracts would pass on a broken corpus. */
export function checkThresholds(set: string, score: SetScore, thresholds: SetThresholds): ThresholdCheck {
  const failures: string[] = [];
  if (score.verdicts === 0) failures.push('no labelled contract was scored');
  const accuracy = score.accuracy.rate ?? 0;
  if (accuracy < thresholds.minAccuracy) {
    failures.push(`accuracy ${accuracy.toFixed(3)} < ${thresholds.minAccuracy}`);
  }
  if (score.falseOk.length > thresholds.maxFalseOk) {
    failures.push(`false-ok ${score.falseOk.length} > ${thresholds.maxFalseOk}`);
  }
  return { set, thresholds, pass: failures.length === 0, failures };
}
