import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatReport, summarize, type FormatName } from '@clausier/core';
import { loadSampleReport, sampleOptions } from './load-sample.js';

/**
 * One golden file per format, rendered from the shared sample report.
 * Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run tests/formats`,
 * then read the diff: it is the change users will see.
 */

const EXTENSION: Record<FormatName, string> = {
  pretty: 'txt',
  json: 'json',
  jsonl: 'jsonl',
  csv: 'csv',
  sarif: 'sarif',
  junit: 'xml',
  markdown: 'md',
};

const goldenPath = (format: FormatName) =>
  fileURLToPath(new URL(`./golden/${format}.${EXTENSION[format]}`, import.meta.url));

describe('golden files', () => {
  const report = loadSampleReport();

  it('the sample report covers what the formats must show', () => {
    const findings = report.files.flatMap((file) => file.findings);
    expect(new Set(findings.map((f) => f.status))).toEqual(new Set(['ok', 'weak', 'missing']));
    expect(findings.some((f) => f.waiver && !f.waiver.expired)).toBe(true);
    expect(findings.some((f) => f.waiver?.expired)).toBe(true);
    expect(new Set(report.files.map((f) => f.language))).toEqual(new Set(['fr', 'en', null]));
    expect(report.files.some((f) => f.status === 'error')).toBe(true);
    expect(report.files.some((f) => f.pages !== null) && report.files.some((f) => f.pages === null)).toBe(true);
    expect(report.summary).toEqual(summarize(report.files));
  });

  for (const format of FORMAT_NAMES) {
    it(`${format} matches its golden file`, () => {
      const output = formatReport(format, report, sampleOptions({ cwd: '/repo' }));
      const file = goldenPath(format);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, output);
      expect(existsSync(file), `missing golden ${file}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(output).toBe(readFileSync(file, 'utf8'));
    });

    it(`${format} is deterministic`, () => {
      expect(formatReport(format, report, sampleOptions())).toBe(formatReport(format, structuredClone(report), sampleOptions()));
    });
  }
});
