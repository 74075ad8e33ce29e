import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BaselineSchema, ReportSchema } from '@clausier/core';
import { assertBuilt, runCli, workspaceWithContracts } from './helpers.js';

/** The accepted-exceptions workflow, end to end: record, justify, audit, worsen, expire, go stale. */

// Each case runs the CLI several times; a loaded 2-vCPU machine needs a few seconds a run.
vi.setConfig({ testTimeout: 180_000 });

beforeAll(() => assertBuilt());

const env = (dir: string) => ({ XDG_CACHE_HOME: join(dir, '.cache') });

describe('clausier baseline + audit --baseline', () => {
  it('records, refuses empty justifications, waives accepted findings, fails on new ones', async () => {
    const dir = workspaceWithContracts();
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env: env(dir) });

    const recorded = await cli('baseline', 'contracts', '--output', 'clausier-baseline.json');
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stdout).toBe('');
    expect(recorded.stderr).toMatch(/\d+ finding\(s\) recorded in .*; \d+ still need a justification/);
    const baseline = BaselineSchema.parse(JSON.parse(readFileSync(join(dir, 'clausier-baseline.json'), 'utf8')));
    expect(baseline.entries.length).toBeGreaterThanOrEqual(6);
    expect(new Set(baseline.entries.map((entry) => entry.path))).toEqual(new Set(['contracts/fourniture-mobilier.txt', 'contracts/hebergement-72h.txt']));

    // Not usable until every exception is justified.
    const unjustified = await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json');
    expect(unjustified.code).toBe(2);
    expect(unjustified.stdout).toBe('');
    expect(unjustified.stderr).toMatch(/entries\[0\] \(contracts\/fourniture-mobilier\.txt, [a-z-]+\): justification is empty/);

    for (const entry of baseline.entries) entry.justification = 'Accepted by the GHT CISO, review board of 2026-01-12';
    writeFileSync(join(dir, 'clausier-baseline.json'), JSON.stringify(baseline, null, 2));
    const waived = await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json', '--format', 'json');
    expect(waived.code, waived.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(waived.stdout));
    expect(report.summary.waived).toBe(baseline.entries.length);
    const hosting = report.files.find((file) => file.path === 'contracts/hebergement-72h.txt')!;
    expect(hosting.findings.find((f) => f.rule === 'incident-notification')!.waiver).toEqual({
      justification: 'Accepted by the GHT CISO, review board of 2026-01-12',
      expires: null,
      expired: false,
    });

    // Waived findings stay visible in the human formats.
    const pretty = await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json');
    expect(pretty.stdout).toContain('~ waived (weak)');
    expect(pretty.stdout).toContain('Accepted exception: Accepted by the GHT CISO');

    // A new contract's findings are not covered.
    writeFileSync(join(dir, 'contracts', 'nouveau.txt'), readFileSync(join(dir, 'contracts', 'fourniture-mobilier.txt'), 'utf8').replace('bureau', 'réunion'));
    const fresh = await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json', '--format', 'json');
    expect(fresh.code).toBe(1);
    const failing = ReportSchema.parse(JSON.parse(fresh.stdout)).files.find((file) => file.path === 'contracts/nouveau.txt')!;
    expect(failing.findings.every((finding) => !finding.waiver)).toBe(true);
  });

  it('expired entries fail again; entries with no finding left are stale (exit 1 only with --fail-on-stale)', async () => {
    const dir = workspaceWithContracts();
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env: env(dir) });
    await cli('baseline', 'contracts', '--output', 'clausier-baseline.json');
    const file = join(dir, 'clausier-baseline.json');
    const baseline = BaselineSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const entry of baseline.entries) entry.justification = 'Accepted';
    const expiring = baseline.entries.find((entry) => entry.path === 'contracts/hebergement-72h.txt' && entry.rule === 'incident-notification')!;
    expiring.expires = '2020-01-31';
    // An exception for a rule the conforming contract meets: stale.
    baseline.entries.push({ ...expiring, path: 'contracts/maintenance-conforme.txt', sha256: 'f'.repeat(64), rule: 'audit-rights', expires: null });
    writeFileSync(file, JSON.stringify(baseline, null, 2));

    const run = await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json', '--format', 'json');
    expect(run.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const hosting = report.files.find((f) => f.path === 'contracts/hebergement-72h.txt')!;
    expect(hosting.findings.find((f) => f.rule === 'incident-notification')!.waiver).toMatchObject({ expired: true, expires: '2020-01-31' });
    const conforming = report.files.find((f) => f.path === 'contracts/maintenance-conforme.txt')!;
    expect(conforming.warnings.map((w) => w.code)).toContain('baseline-stale');
    expect(run.stderr).toContain('1 baseline entry matches no finding any more (stale)');

    expiring.expires = '2999-12-31';
    writeFileSync(file, JSON.stringify(baseline, null, 2));
    expect((await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json', '--quiet')).code).toBe(0);
    expect((await cli('audit', 'contracts', '--baseline', 'clausier-baseline.json', '--fail-on-stale')).code).toBe(1);
  });

  it('re-recording keeps justifications of findings that did not get worse', async () => {
    const dir = workspaceWithContracts();
    const cli = (...args: string[]) => runCli(args, { cwd: dir, env: env(dir) });
    await cli('baseline', 'contracts', '--output', 'clausier-baseline.json');
    const file = join(dir, 'clausier-baseline.json');
    const baseline = BaselineSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    baseline.entries[0]!.justification = 'kept';
    writeFileSync(file, JSON.stringify(baseline, null, 2));
    await cli('baseline', 'contracts', '--output', 'clausier-baseline.json');
    expect(BaselineSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).entries[0]!.justification).toBe('kept');
  });
});
