import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../cli/helpers.js';
import { mixedBatchSuite } from './mixed-batch.js';

// The quick version for every CI run; batch.slow.ts runs 20 good files and measures memory and time.
mixedBatchSuite({ goodFiles: 6, timeoutSeconds: 5, measure: false });

describe('nothing to audit', () => {
  it('a folder with no supported file is a clear error, exit 2 (an audit of nothing must not pass a CI gate)', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'dossier'));
    writeFileSync(join(dir, 'dossier', 'tableau.xlsx'), 'not a contract');
    writeFileSync(join(dir, 'dossier', 'photo.jpg'), 'not a contract');
    const run = await runCli(['audit', 'dossier'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no contract found in dossier \(looked for \.pdf .*\.docx/);
    expect(run.stdout).toBe('');
  });

  it('a path that does not exist is a usage error, exit 2', async () => {
    const run = await runCli(['audit', 'contrat introuvable 🏥.pdf'], { cwd: workspace() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder: contrat introuvable 🏥.pdf');
  });
});
