import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Median wall time, in milliseconds, of `node <cli> --version` over `runs` runs (cold Node start each time). */
export async function medianVersionMs(cliBin: string, runs = 10): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await execFileAsync(process.execPath, [cliBin, '--version'], { timeout: 30_000 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}
