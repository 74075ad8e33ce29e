import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, REPO, runCli, workspace } from '../cli/helpers.js';

/**
 * Killing the CLI while it writes a report must never leave half a report or
 * a stray temp file: the report is written to a temp file and renamed at the
 * end. SIGINT and SIGTERM drop the temp file at once; SIGKILL cannot be
 * caught, so the next run writing the same report removes the dead run's temp.
 * jsonl streams each contract as it is audited, so the temp file exists for
 * most of the run: the kill lands mid-write.
 */

const CONTRACTS = join(REPO, 'fixtures/contracts');
const PREVIOUS = '{"previous":"report"}\n';

beforeAll(() => assertBuilt());

function setUp(): string {
  const dir = workspace('clausier-kill-');
  mkdirSync(join(dir, 'contracts'));
  // Three copies of each fixture: long enough to be killed in the middle.
  for (const name of readdirSync(CONTRACTS).filter((n) => !n.endsWith('.yaml'))) {
    for (const copy of [1, 2, 3]) copyFileSync(join(CONTRACTS, name), join(dir, 'contracts', `${copy}-${name}`));
  }
  writeFileSync(join(dir, 'report.jsonl'), PREVIOUS);
  return dir;
}

const temps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** Starts an audit, waits until its temp report holds at least one contract, sends `signal`. */
async function killMidWrite(dir: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, [CLI, 'audit', 'contracts', '-f', 'jsonl', '-o', 'report.jsonl', '--no-cache', '-q'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : null))));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const [temp] = temps(dir);
    if (temp && readFileSync(join(dir, temp), 'utf8').length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(temps(dir), 'the run never started writing').toHaveLength(1);
  child.kill(signal);
  return exited;
}

describe('killing the CLI mid-write', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: the previous report stays whole and no temp file is left', { timeout: 120_000 }, async (signal, code) => {
    const dir = setUp();
    expect(await killMidWrite(dir, signal)).toBe(code);
    expect(readFileSync(join(dir, 'report.jsonl'), 'utf8')).toBe(PREVIOUS);
    expect(temps(dir)).toEqual([]);
  });

  it('SIGKILL: the previous report stays whole; the next run removes the dead temp file and writes a whole report', { timeout: 240_000 }, async () => {
    const dir = setUp();
    await killMidWrite(dir, 'SIGKILL');
    expect(readFileSync(join(dir, 'report.jsonl'), 'utf8')).toBe(PREVIOUS);
    expect(temps(dir)).toHaveLength(1); // nothing can run on SIGKILL

    const rerun = await runCli(['audit', 'contracts', '-f', 'jsonl', '-o', 'report.jsonl', '--no-cache', '-q', '--fail-on', 'never'], { cwd: dir, timeoutMs: 200_000 });
    expect(rerun.code).toBe(0);
    expect(temps(dir)).toEqual([]);
    const lines = readFileSync(join(dir, 'report.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(readdirSync(join(dir, 'contracts')).length);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('status', 'audited');
  });
});
