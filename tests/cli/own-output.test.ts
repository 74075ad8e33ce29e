import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, createBaseline, formatBaseline, formatReport } from '@clausier/core';
import { isClausierOutput } from '../../packages/cli/src/own-output.js';
import { loadSampleReport, sampleOptions } from '../formats/load-sample.js';
import { TEST_CONTRACTS } from './helpers.js';

/** A previous report inside the contracts folder is recognised in every format; a contract is not. */
describe('isClausierOutput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausier-own-'));
  const report = loadSampleReport();

  for (const format of FORMAT_NAMES) {
    it(`recognises ${format} output`, async () => {
      const file = join(dir, `report.${format}`);
      writeFileSync(file, formatReport(format, report, sampleOptions({ bom: true, csvSeparator: ';' })));
      expect(await isClausierOutput(file)).toBe(true);
    });
  }

  it('recognises a baseline', async () => {
    const file = join(dir, 'baseline.json');
    writeFileSync(file, formatBaseline(createBaseline({ files: report.files, pack: report.pack, baselinePath: (f) => f.path })));
    expect(await isClausierOutput(file)).toBe(true);
  });

  it('does not take a contract, even one that mentions a "clausier", for a report', async () => {
    expect(await isClausierOutput(join(TEST_CONTRACTS, 'hebergement-72h.txt'))).toBe(false);
    const file = join(dir, 'contrat.md');
    writeFileSync(file, '# Contrat\n\nLe clausier sécurité du GHT est annexé.\n### clausier du marché\n');
    expect(await isClausierOutput(file)).toBe(false);
  });
});
