import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ReportSchema, type Report } from '@clausier/core';
import { assertBuilt, REPO, runCli, workspace } from './helpers.js';

// The README's first command audits fixtures/contracts: run the built CLI on the whole set,
// as a user would, and hold every verdict to what a careful reviewer wrote in the
// expected file beside each contract.
const SET = join(REPO, 'fixtures/contracts');

interface Expected {
  language: 'fr' | 'en';
  rules: Record<string, { status: string; value?: { hours?: number; months?: number } }>;
}

const expectations = readdirSync(SET)
  .filter((name) => name.endsWith('.expected.yaml'))
  .map((name) => ({ stem: name.replace(/\.expected\.yaml$/, ''), expected: parseYaml(readFileSync(join(SET, name), 'utf8')) as Expected }));

let report: Report;
let exitCode: number | null;

beforeAll(async () => {
  assertBuilt();
  const run = await runCli(['audit', SET, '--format', 'json', '--no-cache', '--quiet'], { cwd: workspace(), timeoutMs: 240_000 });
  exitCode = run.code;
  report = ReportSchema.parse(JSON.parse(run.stdout));
}, 300_000);

describe('clausier audit fixtures/contracts --format json', () => {
  it('covers every fixture, audited without error, and exits 1 (weak and missing findings exist)', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(20);
    expect(report.files).toHaveLength(expectations.length);
    for (const file of report.files) expect(file.status, `${file.path}: ${file.error?.message}`).toBe('audited');
    expect(exitCode).toBe(1);
  });

  for (const { stem, expected } of expectations) {
    it(`${stem}: language and the five verdicts match the expected file`, () => {
      const file = report.files.find((f) => f.path.replace(/^.*\//, '').replace(/\.[a-z]+$/, '') === stem);
      expect(file, `${stem} is in the report`).toBeDefined();
      expect(file!.language).toBe(expected.language);
      for (const [rule, want] of Object.entries(expected.rules)) {
        const finding = file!.findings.find((f) => f.rule === rule);
        expect(finding?.status, `${stem} ${rule}: ${finding?.message}`).toBe(want.status);
        if (want.value?.hours !== undefined) expect(finding?.value).toEqual({ hours: want.value.hours });
        if (want.value?.months !== undefined) expect(finding?.value).toEqual({ months: want.value.months });
        // Every verdict carries its evidence; a missing one says what was looked for.
        if (want.status === 'missing') expect(finding?.searched).toBeTruthy();
        else expect(finding?.evidence.some((e) => e.role === 'basis' && e.quote.length > 0)).toBe(true);
      }
    });
  }
});
