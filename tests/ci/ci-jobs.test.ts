import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseJunit } from 'junit2json';
import { BaselineSchema } from '@clausier/core';
import { assertBuilt, REPO, runCli, TEST_CONTRACTS, workspace } from '../cli/helpers.js';
import { sarifSchemaErrors } from '../formats/validators.js';
import { readCiDoc, runGithubJob, runGitlabJob, shims } from './run-jobs.js';

/**
 * The GitHub and GitLab jobs of docs/ci.md, run as written on a small repository:
 * the fixture contracts with a justified baseline pass; a new contract without
 * the clauses fails the gate, after SARIF, JUnit and Markdown were published.
 */

vi.setConfig({ testTimeout: 900_000 });
beforeAll(() => assertBuilt());

const FIXTURES = join(REPO, 'fixtures/contracts');
const CONTRACT = /\.(pdf|docx|odt|doc|rtf|txt|md)$/i;

/** A repository with contrats/ (the fixture contracts, or the CLI test contracts until fixtures exist) and a justified baseline. */
async function contractRepository(): Promise<{ repo: string; home: string }> {
  const root = workspace('clausier-ci-');
  const repo = join(root, 'repo');
  const home = join(root, 'home');
  mkdirSync(join(repo, 'contrats'), { recursive: true });
  mkdirSync(home);
  const source = existsSync(FIXTURES) && readdirSync(FIXTURES).some((name) => CONTRACT.test(name)) ? FIXTURES : TEST_CONTRACTS;
  for (const name of readdirSync(source).filter((entry) => CONTRACT.test(entry))) cpSync(join(source, name), join(repo, 'contrats', name));
  const env = { HOME: home, XDG_CACHE_HOME: '' };
  const recorded = await runCli(['baseline', 'contrats/', '--output', 'clausier-baseline.json'], { cwd: repo, env });
  expect(recorded.code, recorded.stderr).toBe(0);
  const baseline = BaselineSchema.parse(JSON.parse(readFileSync(join(repo, 'clausier-baseline.json'), 'utf8')));
  for (const entry of baseline.entries) entry.justification = 'Accepted at the CISO review of 2026-01-12 (ticket SEC-101)';
  writeFileSync(join(repo, 'clausier-baseline.json'), `${JSON.stringify(baseline, null, 2)}\n`);
  return { repo, home };
}

function addContractWithoutClauses(repo: string): void {
  cpSync(join(TEST_CONTRACTS, 'fourniture-mobilier.txt'), join(repo, 'contrats', 'nouveau-fournisseur.txt'));
}

describe('docs/ci.md', () => {
  const jobs = readCiDoc();

  it('GitHub Actions: passes with the baseline, then fails on a new contract after publishing everything', async () => {
    const { repo, home } = await contractRepository();
    const { bin, ghLog } = shims(join(repo, '..'));

    const clean = runGithubJob(jobs.github, repo, home, bin);
    expect(clean.code, JSON.stringify(clean.steps, null, 2)).toBe(0);
    // The cache step's path is where clausier put its cache by default.
    const cache = clean.usesInputs.find((step) => step.uses.startsWith('actions/cache'))!;
    const cacheDir = cache.with.path!.replace(/^~/, home);
    expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    const upload = clean.usesInputs.find((step) => step.uses.startsWith('github/codeql-action/upload-sarif'))!;
    const sarif = JSON.parse(readFileSync(join(repo, upload.with.sarif_file!), 'utf8'));
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const results: Array<{ suppressions?: unknown[] }> = sarif.runs[0].results;
    expect(results.every((result) => result.suppressions)).toBe(true);
    expect(clean.summary).toContain('### clausier:');
    expect(readFileSync(ghLog, 'utf8')).toMatch(/pr comment 7 --body-file clausier\.md --edit-last\npr comment 7 --body-file clausier\.md\n/);

    addContractWithoutClauses(repo);
    const failing = runGithubJob(jobs.github, repo, home, bin);
    expect(failing.code).toBe(1);
    expect(failing.steps.at(-1)).toMatchObject({ name: 'Gate', code: 1 });
    const after = JSON.parse(readFileSync(join(repo, 'clausier.sarif'), 'utf8'));
    const fresh = after.runs[0].results.filter((result: { locations: any[] }) => result.locations[0].physicalLocation.artifactLocation.uri === 'contrats/nouveau-fournisseur.txt');
    expect(fresh).toHaveLength(5);
    expect(fresh.every((result: { suppressions?: unknown }) => !result.suppressions)).toBe(true);
    expect(readFileSync(join(repo, 'clausier.md'), 'utf8')).toContain('`contrats/nouveau-fournisseur.txt`');
  });

  it('GitLab CI: passes with the baseline, then fails on a new contract with a JUnit report', async () => {
    const { repo, home } = await contractRepository();
    const { bin } = shims(join(repo, '..'));

    const clean = runGitlabJob(jobs.gitlab, repo, home, bin);
    expect(clean.code, clean.stderr).toBe(0);
    for (const path of jobs.gitlab.artifacts.paths) expect(existsSync(join(repo, path)), path).toBe(true);
    // The cached path is where clausier wrote its cache (XDG_CACHE_HOME inside the project).
    expect(readdirSync(join(repo, jobs.gitlab.cache!.paths[0]!)).length).toBeGreaterThan(0);

    addContractWithoutClauses(repo);
    const failing = runGitlabJob(jobs.gitlab, repo, home, bin);
    expect(failing.code).toBe(1);
    const junit = (await parseJunit(readFileSync(join(repo, jobs.gitlab.artifacts.reports.junit), 'utf8'))) as {
      testsuite: Array<{ name: string; failures: number; skipped?: number }>;
    };
    const suites = Object.fromEntries(junit.testsuite.map((suite) => [suite.name, suite]));
    expect(suites['contrats/nouveau-fournisseur.txt']!.failures).toBe(5);
    const others = junit.testsuite.filter((suite) => suite.name !== 'contrats/nouveau-fournisseur.txt');
    expect(others.every((suite) => suite.failures === 0)).toBe(true);
  });
});
