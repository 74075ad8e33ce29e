import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Runs the built CLI (`node packages/cli/dist/bin.js`) as a child process, the
 * way users and CI run it. Build first: `pnpm build` (the root `test` script does).
 *
 * tests/cli/contracts/ holds three small contracts written for these tests
 * (invented parties): maintenance-conforme.txt meets the five rules,
 * fourniture-mobilier.txt has none of them, hebergement-72h.txt notifies
 * incidents in 72 hours (weak) and has a 6-month termination notice that must
 * not count as log retention.
 */

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(REPO, 'packages/cli/dist/bin.js');
export const TEST_CONTRACTS = join(REPO, 'tests/cli/contracts');

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm build\` before the end-to-end tests`);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh folder (real path, so outputs compare equal to what the CLI prints). */
export function workspace(prefix = 'clausier-e2e-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** A workspace with the three test contracts in `contracts/`. */
export function workspaceWithContracts(): string {
  const dir = workspace();
  cpSync(TEST_CONTRACTS, join(dir, 'contracts'), { recursive: true });
  return dir;
}
