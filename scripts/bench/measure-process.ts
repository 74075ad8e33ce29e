import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Wall time and peak resident memory of one child process. */
export interface ProcessMeasure {
  seconds: number;
  /** Peak RSS in MB (MiB), or null when neither /usr/bin/time nor /proc could tell. */
  peakRssMb: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
/** Hard stop so the bench always ends by itself (ms). */
const DEFAULT_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Runs `command args` and measures it. With GNU time (`-v`), the peak RSS is the
 * child's "Maximum resident set size" (KiB); otherwise /proc/<pid>/status VmHWM
 * is polled every 50 ms, which can miss a short spike.
 */
export function measureProcess(command: string, args: string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ProcessMeasure> {
  const useTime = existsSync(GNU_TIME);
  const reportDir = useTime ? mkdtempSync(join(tmpdir(), 'clausier-bench-time-')) : null;
  const reportFile = reportDir ? join(reportDir, 'time.txt') : null;
  const [cmd, cmdArgs] = reportFile ? [GNU_TIME, ['-v', '-o', reportFile, command, ...args]] : [command, args];

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let polledKb = 0;
    const poll = reportFile ? null : setInterval(() => { polledKb = Math.max(polledKb, readVmHwmKb(child.pid)); }, 50);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let peakKb: number | null = polledKb || null;
      if (reportFile && existsSync(reportFile)) {
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(reportFile, 'utf8'));
        peakKb = match ? Number(match[1]) : null;
      }
      if (reportDir) rmSync(reportDir, { recursive: true, force: true });
      resolve({
        seconds,
        peakRssMb: peakKb === null ? null : peakKb / 1024,
        exitCode: code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

function readVmHwmKb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has already exited
  }
}
