import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseJunit } from 'junit2json';
import { FileReportSchema, ReportSchema, type Report } from '@clausier/core';
import { sarifSchemaErrors } from '../formats/validators.js';
import { assertBuilt, CLI, REPO, runCli, workspaceWithContracts } from './helpers.js';

/** End-to-end: the built CLI as a child process, exit codes, stdout, files. */

const ANSI = /\u001b\[/;
const env = (dir: string) => ({ XDG_CACHE_HOME: join(dir, '.cache') });

// Each case runs the CLI several times; a loaded 2-vCPU machine needs a few seconds a run.
vi.setConfig({ testTimeout: 180_000 });

beforeAll(() => assertBuilt());

describe('usage', () => {
  it('--version prints the package version and nothing else', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'packages/cli/package.json'), 'utf8'));
    const run = await runCli(['--version'], { cwd: REPO });
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('no arguments, an unknown option or format, a missing path: exit 2, nothing on stdout', async () => {
    const dir = workspaceWithContracts();
    for (const args of [[], ['audit', 'contracts', '--frobnicate'], ['audit', 'contracts', '--format', 'pdf'], ['audit', 'no-such-folder'], ['audit']]) {
      const run = await runCli(args, { cwd: dir, env: env(dir) });
      expect(run.code, `clausier ${args.join(' ')}`).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.length).toBeGreaterThan(0);
    }
    const missing = await runCli(['audit', 'contracts', 'no-such-folder'], { cwd: dir, env: env(dir) });
    expect(missing.stderr).toContain('no such file or folder: no-such-folder');
  });
});

describe('exit codes and the JSON report', () => {
  it('0 when nothing reaches the threshold, with a schema-valid report on stdout alone', async () => {
    const dir = workspaceWithContracts();
    const run = await runCli(['audit', 'contracts/maintenance-conforme.txt', '--format', 'json'], { cwd: dir, env: env(dir) });
    expect(run.code, run.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.findings.map((f) => f.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(run.stderr).toBe('');
  });

  it('1 when findings reach --fail-on; 0 with --fail-on never', async () => {
    const dir = workspaceWithContracts();
    const failing = await runCli(['audit', 'contracts', '--format', 'json'], { cwd: dir, env: env(dir) });
    expect(failing.code, failing.stderr).toBe(1);
    const report: Report = ReportSchema.parse(JSON.parse(failing.stdout));
    expect(report.files.map((f) => f.path)).toEqual([
      'contracts/fourniture-mobilier.txt',
      'contracts/hebergement-72h.txt',
      'contracts/maintenance-conforme.txt',
    ]);
    expect(report.summary.missing).toBeGreaterThanOrEqual(5);
    const never = await runCli(['audit', 'contracts', '--fail-on', 'never', '--format', 'json'], { cwd: dir, env: env(dir) });
    expect(never.code).toBe(0);
  });

  it('--fail-on missing lets a weak verdict pass, --fail-on weak does not', async () => {
    const dir = workspaceWithContracts();
    // Only the notification rule, so the 72-hour clause is the only finding.
    writeFileSync(
      join(dir, 'clausier.config.json'),
      JSON.stringify({ rules: Object.fromEntries(['log-retention', 'security-contacts', 'audit-rights', 'security-penalties'].map((id) => [id, { enabled: false }])) }),
    );
    const weak = await runCli(['audit', 'contracts/hebergement-72h.txt', '--format', 'json'], { cwd: dir, env: env(dir) });
    expect(weak.code, weak.stderr).toBe(1);
    const finding = ReportSchema.parse(JSON.parse(weak.stdout)).files[0]!.findings;
    expect(finding.map((f) => [f.rule, f.status, f.value])).toEqual([['incident-notification', 'weak', { hours: 72 }]]);
    const missingOnly = await runCli(['audit', 'contracts/hebergement-72h.txt', '--fail-on', 'missing'], { cwd: dir, env: env(dir) });
    expect(missingOnly.code).toBe(0);
  });

  it('2 when a file cannot be audited; the report still covers every other file', async () => {
    const dir = workspaceWithContracts();
    writeFileSync(join(dir, 'contracts', 'scan-corrompu.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    writeFileSync(join(dir, 'contracts', 'vide.docx'), '');
    symlinkSync(join(dir, 'contracts', 'absent.pdf'), join(dir, 'contracts', 'lien-casse.pdf'));
    // A symlink loop back to the folder itself must neither hang nor duplicate files.
    symlinkSync('..', join(dir, 'contracts', 'boucle'));
    const run = await runCli(['audit', 'contracts', '--format', 'json', '--fail-on', 'never'], { cwd: dir, env: env(dir) });
    expect(run.code, run.stderr).toBe(2);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(Object.keys(byPath)).toHaveLength(6);
    expect(byPath['contracts/scan-corrompu.pdf']).toMatchObject({ status: 'error', format: 'pdf' });
    expect(byPath['contracts/vide.docx']!.error?.code).toBe('empty');
    expect(byPath['contracts/lien-casse.pdf']!.error?.code).toBe('broken-link');
    expect(byPath['contracts/maintenance-conforme.txt']!.status).toBe('audited');
    expect(report.summary).toMatchObject({ files: 6, audited: 3, errors: 3 });
    expect(run.stderr).toContain('3 file(s) could not be audited');
  });
});

describe('formats from a real run', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspaceWithContracts();
  });
  const audit = (...args: string[]) => runCli(['audit', 'contracts', '--fail-on', 'never', ...args], { cwd: dir, env: env(dir) });

  it('jsonl: one FileReport per line', async () => {
    const run = await audit('--format', 'jsonl');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => FileReportSchema.parse(JSON.parse(line)).path)).toEqual([
      'contracts/fourniture-mobilier.txt',
      'contracts/hebergement-72h.txt',
      'contracts/maintenance-conforme.txt',
    ]);
  });

  it("csv with ';' and a BOM reads back with csv-parse; the 6-month notice is not log retention", async () => {
    const run = await audit('--format', 'csv', '--csv-separator', ';', '--bom');
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parseCsv(run.stdout, { columns: true, delimiter: ';', bom: true });
    const hosting = rows.find((row) => row.path === 'contracts/hebergement-72h.txt')!;
    expect(hosting['incident-notification']).toBe('weak');
    expect(hosting['incident-notification_value']).toBe('72');
    expect(hosting['log-retention']).toBe('missing');
    expect(rows.find((row) => row.path === 'contracts/maintenance-conforme.txt')!['log-retention_value']).toBe('12');
  });

  it('sarif: valid against the official schema, text passages located by line', async () => {
    const run = await audit('--format', 'sarif');
    const log = JSON.parse(run.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    const weak = log.runs[0].results.find((r: { ruleId: string; locations: any[] }) => r.ruleId === 'incident-notification' && r.locations[0].physicalLocation.artifactLocation.uri === 'contracts/hebergement-72h.txt');
    expect(weak.locations[0].physicalLocation.region).toMatchObject({ startLine: 9, endLine: 9 });
    expect(log.runs[0].tool.driver.rules).toHaveLength(5);
  });

  it('junit: a suite per contract, failures only at the threshold', async () => {
    const run = await runCli(['audit', 'contracts', '--format', 'junit', '--fail-on', 'missing'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(1);
    const parsed = (await parseJunit(run.stdout)) as { testsuite: Array<{ name: string; failures: number; testcase: unknown[] }> };
    const suites = Object.fromEntries(parsed.testsuite.map((suite) => [suite.name, suite]));
    expect(suites['contracts/maintenance-conforme.txt']!.failures).toBe(0);
    expect(suites['contracts/fourniture-mobilier.txt']!.failures).toBe(5);
    expect(suites['contracts/hebergement-72h.txt']!.testcase).toHaveLength(5);
  });

  it('markdown: a table row per contract', async () => {
    const run = await audit('--format', 'markdown');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('| `contracts/'))).toHaveLength(3);
  });

  it('pretty: no colour when stdout is not a terminal; per-contract blocks and the portfolio summary', async () => {
    const run = await audit();
    expect(run.stdout).not.toMatch(ANSI);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('contracts/hebergement-72h.txt  (txt, fr)');
    expect(run.stdout).toContain('« L\'Hébergeur informe le GHT de tout incident de sécurité');
    expect(run.stdout).toMatch(/Worst contracts first\n {3}1\. contracts\/fourniture-mobilier\.txt/);
  });
});

describe('a closed pipe', () => {
  it('stops quietly with 141 when the reader goes away (| head)', async () => {
    const dir = workspaceWithContracts();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, 'contracts', `copie-${String(i).padStart(2, '0')}.txt`), readFileSync(join(dir, 'contracts', 'hebergement-72h.txt')));
    const run = spawnSync('bash', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} audit contracts | head -c 10 > /dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: dir,
      env: { ...process.env, ...env(dir) },
      encoding: 'utf8',
    });
    expect(run.stderr).toContain('status=141');
    expect(run.stderr).not.toContain('EPIPE');
  });
});

describe('--output', () => {
  it('writes the report atomically, nothing on stdout, no temp file left', async () => {
    const dir = workspaceWithContracts();
    mkdirSync(join(dir, 'out'));
    const run = await runCli(['audit', 'contracts', '--format', 'sarif', '--output', 'out/clausier.sarif'], { cwd: dir, env: env(dir) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readdirSync(join(dir, 'out'))).toEqual(['clausier.sarif']);
    expect(JSON.parse(readFileSync(join(dir, 'out/clausier.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('refuses to overwrite a contract, or to write into a folder that does not exist', async () => {
    const dir = workspaceWithContracts();
    const before = readFileSync(join(dir, 'contracts/hebergement-72h.txt'), 'utf8');
    const overwrite = await runCli(['audit', 'contracts', '--output', 'contracts/hebergement-72h.txt'], { cwd: dir, env: env(dir) });
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('is one of the contracts being audited');
    expect(readFileSync(join(dir, 'contracts/hebergement-72h.txt'), 'utf8')).toBe(before);
    const nowhere = await runCli(['audit', 'contracts', '--output', 'missing/report.json'], { cwd: dir, env: env(dir) });
    expect(nowhere.code).toBe(2);
  });

  it('a report written inside the contracts folder is not audited on the next run', async () => {
    const dir = workspaceWithContracts();
    await runCli(['audit', 'contracts', '--format', 'markdown', '--output', 'contracts/rapport.md'], { cwd: dir, env: env(dir) });
    const again = await runCli(['audit', 'contracts', '--format', 'json', '--output', 'contracts/rapport.md'], { cwd: dir, env: env(dir) });
    expect(ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'contracts/rapport.md'), 'utf8'))).files).toHaveLength(3);
    expect(again.code).toBe(1);
  });
});

describe('cache and determinism', () => {
  it('the second run reads from the cache; --jobs 2 and --no-cache give the same report', async () => {
    const dir = workspaceWithContracts();
    const cacheDir = join(dir, 'cache');
    const first = await runCli(['audit', 'contracts', '-f', 'json', '--cache-dir', 'cache'], { cwd: dir, env: env(dir) });
    const entries = (level: string) => readdirSync(join(cacheDir, level), { recursive: true }).filter((name) => String(name).endsWith('.json'));
    expect(entries('v1')).toHaveLength(3); // extracted texts
    expect(entries('results-v1')).toHaveLength(3); // audit results
    const second = await runCli(['audit', 'contracts', '-f', 'json', '--cache-dir', 'cache', '--jobs', '2'], { cwd: dir, env: env(dir) });
    const uncached = await runCli(['audit', 'contracts', '-f', 'json', '--no-cache'], { cwd: dir, env: env(dir) });
    expect(second.stdout).toBe(first.stdout);
    expect(uncached.stdout).toBe(first.stdout);
    expect(existsSync(join(dir, '.cache', 'clausier'))).toBe(false); // --no-cache wrote nothing to the default place
  });
});
