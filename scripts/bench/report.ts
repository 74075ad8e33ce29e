import type { AuditRun } from './audit-run.js';
import type { RuleShare } from './rule-share.js';

/** Everything one bench run measured. Times in seconds unless the name says ms; memory in MB (MiB). */
export interface BenchResult {
  date: string;
  cores: number;
  node: string;
  contracts: number;
  formats: Record<string, number>;
  /** A4 pages of the generated contracts (all formats; see corpus.ts). */
  pages: number;
  generationSeconds: number;
  cold: AuditRun & { contractsPerSecond: number; pagesPerSecond: number };
  warm: AuditRun & { secondsPer1000: number };
  pdf: { files: number; clausierColdSeconds: number; pdftotextSeconds: number; ratio: number } | null;
  ruleShare: RuleShare;
  versionMs: number;
}

export interface Target {
  name: string;
  measured: string;
  goal: string;
  pass: boolean | null;
}

/** The performance targets of issue 5. RSS is compared as measured: at N < 1000 it only hints at the 1,000 figure. */
export function evaluateTargets(r: BenchResult): Target[] {
  return [
    {
      name: 'cold PDF vs pdftotext',
      measured: r.pdf ? `${r.pdf.ratio.toFixed(2)}×` : 'n/a (no pdftotext)',
      goal: '≤ 2×',
      pass: r.pdf ? r.pdf.ratio <= 2 : null,
    },
    { name: 'rule matching share', measured: `${r.ruleShare.percent.toFixed(1)} %`, goal: '< 10 %', pass: r.ruleShare.percent < 10 },
    { name: 'warm re-run per 1,000 contracts', measured: `${r.warm.secondsPer1000.toFixed(1)} s`, goal: '< 10 s', pass: r.warm.secondsPer1000 < 10 },
    {
      name: `peak RSS (max of cold, warm; N=${r.contracts})`,
      measured: fmtMb(maxRss(r)),
      goal: '< 500 MB (for 1,000)',
      pass: maxRss(r) === null ? null : maxRss(r)! < 500,
    },
    { name: '--version', measured: `${r.versionMs.toFixed(0)} ms`, goal: '< 300 ms', pass: r.versionMs < 300 },
  ];
}

function maxRss(r: BenchResult): number | null {
  const values = [r.cold.peakRssMb, r.warm.peakRssMb].filter((v): v is number => v !== null);
  return values.length ? Math.max(...values) : null;
}

function fmtMb(mb: number | null): string {
  return mb === null ? 'n/a' : `${mb.toFixed(0)} MB`;
}

export function formatTable(r: BenchResult, targets: Target[]): string {
  const rows: [string, string][] = [
    ['date', r.date],
    ['machine cores (os.cpus)', String(r.cores)],
    ['node', r.node],
    ['contracts (N)', `${r.contracts} (${Object.entries(r.formats).map(([f, n]) => `${n} ${f}`).join(', ')})`],
    ['pages (A4, generated)', `${r.pages} (PDF pages in jsonl: ${r.cold.pdfPages})`],
    ['generation (not counted)', `${r.generationSeconds.toFixed(1)} s`],
    ['cold audit', `${r.cold.seconds.toFixed(1)} s — ${r.cold.audited}/${r.cold.contracts} audited`],
    ['cold contracts/s', r.cold.contractsPerSecond.toFixed(2)],
    ['cold pages/s', r.cold.pagesPerSecond.toFixed(1)],
    ['warm audit (cache hits)', `${r.warm.seconds.toFixed(2)} s (${r.warm.secondsPer1000.toFixed(1)} s per 1,000)`],
    ['peak RSS cold / warm', `${fmtMb(r.cold.peakRssMb)} / ${fmtMb(r.warm.peakRssMb)}`],
    ['pdftotext (PDFs only)', r.pdf ? `${r.pdf.pdftotextSeconds.toFixed(1)} s for ${r.pdf.files} PDFs` : 'n/a'],
    ['clausier cold (PDFs only)', r.pdf ? `${r.pdf.clausierColdSeconds.toFixed(1)} s — ratio ${r.pdf.ratio.toFixed(2)}×` : 'n/a'],
    ['rule matching share', `${r.ruleShare.percent.toFixed(1)} % (${r.ruleShare.ruleMatchingSeconds.toFixed(2)} s rules vs ${r.ruleShare.extractAndBuildSeconds.toFixed(2)} s extract+build, ${r.ruleShare.files} files)`],
    ['clausier --version (median of 10)', `${r.versionMs.toFixed(0)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', 'Targets (issue 5):');
  const tWidth = Math.max(...targets.map((t) => t.name.length));
  for (const t of targets) {
    const verdict = t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL';
    lines.push(`  ${verdict}  ${t.name.padEnd(tWidth)}  ${t.measured.padEnd(10)}  goal ${t.goal}`);
  }
  return lines.join('\n');
}
