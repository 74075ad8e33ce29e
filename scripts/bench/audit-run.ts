import { measureProcess } from './measure-process.js';

/** One run of the built CLI over a folder, with what its jsonl says. */
export interface AuditRun {
  seconds: number;
  peakRssMb: number | null;
  /** Lines of jsonl = files reported. */
  contracts: number;
  /** Files whose status is "audited". */
  audited: number;
  /** Sum of `pages` over the jsonl lines (PDF only: other formats report null). */
  pdfPages: number;
}

export async function runAudit(cliBin: string, dir: string, cacheDir: string): Promise<AuditRun> {
  const measure = await measureProcess(process.execPath, [
    cliBin, 'audit', dir, '--format', 'jsonl', '--quiet', '--fail-on', 'never', '--cache-dir', cacheDir,
  ]);
  if (measure.exitCode !== 0) {
    throw new Error(`clausier audit exited with ${measure.exitCode}: ${measure.stderr.slice(0, 2000)}`);
  }
  const lines = measure.stdout.split('\n').filter((l) => l.trim() !== '');
  let audited = 0;
  let pdfPages = 0;
  for (const line of lines) {
    const record = JSON.parse(line) as { status?: string; pages?: number | null };
    if (record.status === 'audited') audited++;
    if (typeof record.pages === 'number') pdfPages += record.pages;
  }
  return { seconds: measure.seconds, peakRssMb: measure.peakRssMb, contracts: lines.length, audited, pdfPages };
}
