import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CLI, REPO } from '../cli/helpers.js';

/**
 * Runs the CI jobs of docs/ci.md locally: the YAML blocks are read from the doc
 * itself, every `run:` / `script:` line is executed as written by bash, with
 * `clausier` on PATH pointing at the built CLI and `gh` replaced by a recorder.
 * Only the install step is left out (the CLI under test is already built).
 */

export interface CiDocJobs {
  github: GithubWorkflow;
  gitlab: GitlabJob;
}

interface GithubStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface GithubWorkflow {
  jobs: Record<string, { steps: GithubStep[] }>;
}
interface GitlabJob {
  variables?: Record<string, string>;
  before_script?: string[];
  script: string[];
  cache?: { paths: string[] };
  artifacts: { reports: { junit: string }; paths: string[] };
}

export function readCiDoc(): CiDocJobs {
  const text = readFileSync(join(REPO, 'docs/ci.md'), 'utf8');
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parseYaml(match[1]!) as Record<string, unknown>);
  const github = blocks.find((block) => 'jobs' in block) as unknown as GithubWorkflow | undefined;
  const gitlab = blocks.map((block) => block.clausier).find((job) => job && typeof job === 'object' && 'script' in job) as GitlabJob | undefined;
  if (!github || !gitlab) throw new Error('docs/ci.md must hold a GitHub workflow and a GitLab `clausier` job in ```yaml blocks');
  return { github, gitlab };
}

const INSTALL = /npm install --global @clausier\/cli/;

/** PATH entries: `clausier` runs the built CLI; `gh` records its calls and fails `--edit-last` (no comment yet). */
export function shims(dir: string): { bin: string; ghLog: string } {
  const bin = join(dir, 'shims');
  mkdirSync(bin, { recursive: true });
  const ghLog = join(dir, 'gh-calls.log');
  writeFileSync(join(bin, 'clausier'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
  writeFileSync(
    join(bin, 'gh'),
    [
      '#!/bin/sh',
      `echo "$*" >> ${JSON.stringify(ghLog)}`,
      'for arg in "$@"; do [ "$arg" = "--edit-last" ] && exit 1; done',
      'prev=""; for arg in "$@"; do if [ "$prev" = "--body-file" ] && [ ! -s "$arg" ]; then echo "gh: empty body file $arg" >&2; exit 1; fi; prev="$arg"; done',
      'exit 0',
    ].join('\n'),
  );
  chmodSync(join(bin, 'clausier'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  return { bin, ghLog };
}

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  // As GitHub runs `run:` (bash -eo pipefail) and GitLab runs `script:` (one shell, stop at the first failure).
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8', timeout: 600_000 });
}

export interface GithubRun {
  /** Exit code of each step that ran, by name; `uses:` steps are checked, not run. */
  steps: Array<{ name: string; code: number; stderr: string }>;
  /** The job's result: the first failing step's code, else 0. */
  code: number;
  usesInputs: Array<{ uses: string; with: Record<string, string> }>;
  summary: string;
}

export function runGithubJob(workflow: GithubWorkflow, repo: string, home: string, bin: string): GithubRun {
  const job = Object.values(workflow.jobs)[0]!;
  const outputFiles = new Map<string, string>();
  const outputs = (id: string) =>
    Object.fromEntries(
      (existsSync(outputFiles.get(id) ?? '') ? readFileSync(outputFiles.get(id)!, 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
  const expression = (expr: string): string => {
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
    if (step) return outputs(step[1]!)[step[2]!] ?? '';
    const known: Record<string, string> = {
      'github.event.pull_request.number': '7',
      'github.token': 'test-token',
      'runner.os': 'Linux',
      "hashFiles('contrats/**')": 'hash',
    };
    if (expr in known) return known[expr]!;
    throw new Error(`docs/ci.md uses an expression the CI test does not simulate: ${expr}`);
  };
  const substitute = (text: string) => text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => expression(expr));
  const condition = (expr: string | undefined, failed: boolean): boolean => {
    if (expr === undefined) return !failed;
    if (expr === 'always()') return true;
    if (expr === "github.event_name == 'pull_request'") return !failed;
    throw new Error(`docs/ci.md uses a condition the CI test does not simulate: ${expr}`);
  };

  const summaryFile = join(repo, '..', 'step-summary.md');
  writeFileSync(summaryFile, '');
  const run: GithubRun = { steps: [], code: 0, usesInputs: [], summary: '' };
  let failed = false;
  job.steps.forEach((step, index) => {
    if (!condition(step.if, failed)) return;
    if (step.uses) {
      run.usesInputs.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
      return;
    }
    if (!step.run || INSTALL.test(step.run)) return;
    const outputFile = join(repo, '..', `output-${index}`);
    writeFileSync(outputFile, '');
    if (step.id) outputFiles.set(step.id, outputFile);
    const env: NodeJS.ProcessEnv = {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: home,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))])),
    };
    const result = bash(substitute(step.run), repo, env);
    const code = result.status ?? 1;
    run.steps.push({ name: step.name ?? step.run, code, stderr: result.stderr });
    if (code !== 0 && !failed) {
      failed = true;
      run.code = code;
    }
  });
  run.summary = readFileSync(summaryFile, 'utf8');
  return run;
}

export function runGitlabJob(job: GitlabJob, repo: string, home: string, bin: string): { code: number; stderr: string } {
  const env: NodeJS.ProcessEnv = { PATH: `${bin}:${process.env.PATH}`, HOME: home, CI_PROJECT_DIR: repo };
  for (const [key, value] of Object.entries(job.variables ?? {})) {
    env[key] = String(value).replace(/\$(\w+)/g, (_, name: string) => env[name] ?? '');
  }
  const lines = [...(job.before_script ?? []), ...job.script].filter((line) => !INSTALL.test(line));
  const result = bash(lines.join('\n'), repo, env);
  return { code: result.status ?? 1, stderr: result.stderr };
}

