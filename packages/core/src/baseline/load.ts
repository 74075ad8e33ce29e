import { readFile } from 'node:fs/promises';
import { BaselineSchema, type Baseline } from './schema.js';

/** Edge module: reads a baseline and refuses one that is not ready to be used. */

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'BaselineError';
  }
}

/** Problems that make a baseline unusable for an audit: today, an empty justification. */
export function problemsForUse(baseline: Baseline): string[] {
  return baseline.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.justification.trim() === '')
    .map(
      ({ entry, index }) =>
        `entries[${index}] (${entry.path}, ${entry.rule}): justification is empty — write why this exception is accepted and by whom, or remove the entry.`,
    );
}

export function parseBaseline(file: string, text: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = BaselineSchema.safeParse(value);
  if (!parsed.success) {
    throw new BaselineError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** Reads a baseline for `audit --baseline`: valid shape and every justification filled in. */
export async function loadBaselineForUse(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(file, [`cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  const baseline = parseBaseline(file, text);
  const problems = problemsForUse(baseline);
  if (problems.length) throw new BaselineError(file, problems);
  return baseline;
}

/** Reads a previous baseline to carry its justifications over; a missing file is no baseline. */
export async function loadPreviousBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(file, [`cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return parseBaseline(file, text);
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
