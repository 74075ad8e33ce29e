import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFile } from '../../packages/core/src/audit-file.js';
import type { FileReport } from '../../packages/core/src/report/schema.js';
import { loadPack } from '../../packages/core/src/rules/load-pack.js';
import type { RulePack } from '../../packages/core/src/rules/pack-schema.js';
import { makeBrokenFiles, type BrokenFile } from '../../scripts/make-broken-files.js';
import { assertBuilt, CLI, REPO, workspace } from '../cli/helpers.js';

/**
 * The whole CLI on a folder that mixes good contracts with every bad input:
 * the run completes, each bad file is reported with its code, each good file
 * gets the verdicts it gets alone, the exit code is 2. Shared by the default
 * suite (a few good files) and the slow suite (20 good files, peak memory and
 * time per file measured).
 */

export interface MixedBatchOptions {
  goodFiles: number;
  /** Per-file limit given to the CLI (--timeout), seconds. */
  timeoutSeconds: number;
  /** Measure peak memory of the CLI and its children, and time spent on each file (runs with -j 1). */
  measure: boolean;
}

/** Good contracts in every format, foundation fixtures first, then the dev evaluation set. */
export function goodContracts(count: number): string[] {
  const pick = (dir: string) =>
    readdirSync(join(REPO, dir))
      .filter((name) => !name.endsWith('.yaml'))
      .sort()
      .map((name) => join(REPO, dir, name));
  const all = [...pick('fixtures/contracts'), ...pick('fixtures/eval/dev')];
  if (all.length < count) throw new Error(`only ${all.length} good contracts in fixtures/`);
  return all.slice(0, count);
}

interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak of the summed resident memory of the CLI and all its descendants, MiB (Linux; null elsewhere). */
  peakRssMb: number | null;
  /** Milliseconds from start at which each stdout line arrived. */
  lineTimes: number[];
}

/** Sums VmRSS over a process tree, read from /proc. */
function treeRssMb(root: number): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {
      // gone meanwhile
    }
  }
  let kib = 0;
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop()!;
    try {
      kib += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return kib / 1024;
}

function runMeasured(args: string[], cwd: string, measure: boolean): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const lineTimes: number[] = [];
    let peak: number | null = null;
    const sampler = measure
      ? setInterval(() => {
          const rss = treeRssMb(child.pid!);
          if (rss !== null) peak = Math.max(peak ?? 0, rss);
        }, 100)
      : undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const _ of chunk.matchAll(/\n/g)) lineTimes.push(Date.now() - started);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ code, stdout, stderr, peakRssMb: peak, lineTimes });
    });
  });
}

/** Name → content hash and mtime of each regular file (symlinks and the FIFO by type only): what must not change. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((name) => {
      const info = lstatSync(join(folder, name));
      if (!info.isFile()) return [name, info.isSymbolicLink() ? 'symlink' : 'special'];
      return [name, `${createHash('sha256').update(readFileSync(join(folder, name))).digest('hex')} ${info.mtimeMs}`];
    }),
  );
}

const verdicts = (report: FileReport) => Object.fromEntries(report.findings.map((finding) => [finding.rule, finding.status]));

export function mixedBatchSuite(options: MixedBatchOptions): void {
  const dir = workspace('clausier batch é 🏥 ');
  const folder = join(dir, 'contrats à auditer');
  let broken: BrokenFile[] = [];
  let good: string[] = [];
  let pack: RulePack;
  let run: MeasuredRun;
  let reports: FileReport[] = [];
  let before: Record<string, string> = {};
  const byName = (name: string) => reports.find((report) => basename(report.path) === name);

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(folder);
    broken = await makeBrokenFiles(folder);
    good = goodContracts(options.goodFiles).map((path) => {
      const name = `bon ${basename(path)}`;
      copyFileSync(path, join(folder, name));
      return name;
    });
    pack = await loadPack();
    before = snapshot(folder);
    const args = ['audit', folder, '-f', 'jsonl', '--no-cache', '-q', '--fail-on', 'never', '--timeout', `${options.timeoutSeconds}s`];
    if (options.measure) args.push('-j', '1');
    run = await runMeasured(args, dir, options.measure);
    reports = run.stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as FileReport);
  }, 900_000);

  afterAll(() => {
    if (run?.peakRssMb != null) console.log(`mixed batch: ${reports.length} files, peak RSS of the CLI and its readers ${run.peakRssMb.toFixed(0)} MiB`);
  });

  describe(`a batch of ${options.goodFiles} good contracts and every bad input`, () => {
    it('completes, reports every file, and exits 2', () => {
      expect(run.code, run.stderr).toBe(2);
      // The two loop ends and the FIFO included: nothing silently skipped.
      expect(reports).toHaveLength(broken.length + good.length);
    });

    it('modifies, adds and removes nothing in the audited folder', () => {
      expect(snapshot(folder)).toEqual(before);
    });

    it('reports each bad file with its code', () => {
      for (const file of broken) {
        // Without --password the good password-protected PDF is encrypted too.
        const expected = file.password ? 'encrypted' : file.expected;
        const report = byName(file.name);
        expect(report, file.name).toBeDefined();
        if (expected === null) expect(report!.status, `${file.name}: ${JSON.stringify(report!.error)}`).toBe('audited');
        else expect({ file: file.name, code: report!.error?.code }).toEqual({ file: file.name, code: expected });
        if (report!.error) expect(report!.error.message.length, file.name).toBeGreaterThan(20);
      }
    });

    it('audits every good file with the same verdicts as alone', { timeout: 600_000 }, async () => {
      for (const name of good) {
        const inBatch = byName(name);
        expect(inBatch?.status, name).toBe('audited');
        const alone = await auditFile(join(folder, name), { pack });
        expect({ name, verdicts: verdicts(inBatch!) }).toEqual({ name, verdicts: verdicts(alone) });
      }
    });

    if (options.measure) {
      it('stays under 1 GiB of memory, CLI and reader processes together', () => {
        if (run.peakRssMb === null) return;
        expect(run.peakRssMb).toBeGreaterThan(30); // it did measure something
        expect(run.peakRssMb).toBeLessThan(1024);
      });

      it('spends at most the time limit on the pathological file', () => {
        // -j 1: files are read one after the other in report order, so the gap between
        // two lines is the time spent on the second file.
        const index = reports.findIndex((report) => basename(report.path) === 'lent.pdf');
        const spent = run.lineTimes[index]! - (index > 0 ? run.lineTimes[index - 1]! : 0);
        console.log(`mixed batch: ${spent} ms spent on lent.pdf (limit ${options.timeoutSeconds} s)`);
        // The limit, plus a reader restart after the previous failure on a loaded machine.
        expect(spent).toBeLessThan(options.timeoutSeconds * 1000 + 15_000);
        expect(spent).toBeGreaterThanOrEqual(options.timeoutSeconds * 1000);
      });
    }
  });
}
