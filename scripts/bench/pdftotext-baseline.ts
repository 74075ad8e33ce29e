import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** True when poppler's pdftotext is on the PATH. */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Seconds for pdftotext to extract every PDF, one process per file, one after
 * another (text to /dev/null). Spawned directly, without /usr/bin/time, so the
 * baseline carries no measuring overhead.
 */
export async function timePdftotext(pdfs: string[]): Promise<number> {
  const started = performance.now();
  for (const pdf of pdfs) await execFileAsync('pdftotext', [pdf, '/dev/null'], { timeout: 60_000 });
  return (performance.now() - started) / 1000;
}
