import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, runCli, workspaceWithContracts } from './helpers.js';

// Each case runs the CLI several times; a loaded 2-vCPU machine needs a few seconds a run.
vi.setConfig({ testTimeout: 180_000 });

beforeAll(() => assertBuilt());

const env = (dir: string) => ({ XDG_CACHE_HOME: join(dir, '.cache') });

describe('configuration', () => {
  it('is found upward, flags override it, and `config print` shows the result', async () => {
    const dir = workspaceWithContracts();
    writeFileSync(join(dir, 'clausier.config.yaml'), 'failOn: missing\nformat: csv\ncsvSeparator: ";"\nrules:\n  log-retention:\n    thresholds: { minMonths: 12 }\n');
    mkdirSync(join(dir, 'sub'));
    const printed = await runCli(['config', 'print', '--format', 'json'], { cwd: join(dir, 'sub'), env: env(dir) });
    expect(printed.code, printed.stderr).toBe(0);
    const effective = JSON.parse(printed.stdout);
    expect(effective).toMatchObject({ configFile: join(dir, 'clausier.config.yaml'), failOn: 'missing', format: 'json', csvSeparator: ';' });
    expect(effective.pack.rules.find((r: { id: string }) => r.id === 'log-retention').thresholds.minMonths).toBe(12);
    expect(printed.stderr).toContain(`configuration from ${join(dir, 'clausier.config.yaml')}`);

    // format: csv from the file applies to audit.
    const audit = await runCli(['audit', 'contracts'], { cwd: dir, env: env(dir) });
    expect(audit.stdout.split('\r\n')[0]).toMatch(/^path;format;language;pages;status;error;incident-notification;/);
  });

  it('a mistyped key is an error naming the file and the key, with a suggestion (exit 2)', async () => {
    const dir = workspaceWithContracts();
    writeFileSync(join(dir, 'clausier.config.json'), JSON.stringify({ faillOn: 'weak', rules: { 'log-retenion': { enabled: false } } }));
    const run = await runCli(['audit', 'contracts'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(join(dir, 'clausier.config.json'));
    expect(run.stderr).toContain('faillOn: unknown key — did you mean "failOn"?');
    writeFileSync(join(dir, 'clausier.config.json'), JSON.stringify({ rules: { 'log-retenion': { enabled: false } } }));
    const rule = await runCli(['audit', 'contracts'], { cwd: dir, env: env(dir) });
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('rules.log-retenion: no such rule in pack "rssi-sante" — did you mean "log-retention"?');
  });
});

describe('rules', () => {
  it('lists the rules with severity and thresholds, as JSON too', async () => {
    const dir = workspaceWithContracts();
    const run = await runCli(['rules', '--format', 'json'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout);
    expect(listed.rules.map((r: { id: string }) => r.id)).toEqual(['incident-notification', 'log-retention', 'security-contacts', 'audit-rights', 'security-penalties']);
    expect(listed.rules[0]).toMatchObject({ severity: 'critical', thresholds: { maxHours: 48 } });
    const table = await runCli(['rules'], { cwd: dir, env: env(dir) });
    expect(table.stdout).toMatch(/incident-notification\s+critical\s+≤ 48 h \(calendar hours\)/);
  });

  it('shows a rule with its model clause in French and English; an unknown id is exit 2 with a suggestion', async () => {
    const dir = workspaceWithContracts();
    const run = await runCli(['rules', 'show', 'log-retention'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Model clause (FR) — clause type à proposer :');
    expect(run.stdout).toContain('Model clause (EN):');
    expect(run.stdout).toContain('Sources:');
    const typo = await runCli(['rules', 'show', 'log-retension'], { cwd: dir, env: env(dir) });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "log-retention"?');
  });
});
