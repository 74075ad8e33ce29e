/**
 * `pnpm bench [--contracts N] [--out DIR] [--keep] [--json] [--strict]`: the
 * performance benchmark of issue 5 (see docs/benchmark.md). Generates a corpus,
 * then times the built CLI cold and warm, pdftotext on the same PDFs, the share
 * of rule matching in-process, and `--version`. Progress goes to stderr.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './args.js';
import { runAudit } from './audit-run.js';
import { generateCorpus } from './corpus.js';
import { hasPdftotext, timePdftotext } from './pdftotext-baseline.js';
import { evaluateTargets, formatTable, type BenchResult } from './report.js';
import { measureRuleShare } from './rule-share.js';
import { medianVersionMs } from './version-time.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI_BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
const RULE_SHARE_SAMPLE = 30;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: run pnpm build first (pnpm bench does)`);
  const root = options.out ? resolve(options.out) : await mkdtemp(join(tmpdir(), 'clausier-bench-'));
  const scratch = await mkdtemp(join(tmpdir(), 'clausier-bench-cache-'));
  try {
    log(`generating ${options.contracts} contracts in ${root}/all …`);
    const corpus = await generateCorpus(join(ROOT, 'fixtures'), join(root, 'all'), options.contracts, (done) => {
      if (done % 50 === 0) log(`  ${done}/${options.contracts}`);
    });
    const pages = corpus.contracts.reduce((sum, c) => sum + c.pages, 0);
    const formats: Record<string, number> = {};
    for (const c of corpus.contracts) formats[c.format] = (formats[c.format] ?? 0) + 1;

    const cacheDir = join(scratch, 'cache-all');
    log('cold audit …');
    const cold = await runAudit(CLI_BIN, corpus.dir, cacheDir);
    log('warm audit (same cache) …');
    const warm = await runAudit(CLI_BIN, corpus.dir, cacheDir);

    let pdf: BenchResult['pdf'] = null;
    const pdfs = corpus.contracts.filter((c) => c.format === 'pdf').map((c) => c.path);
    if (hasPdftotext() && pdfs.length > 0) {
      const pdfDir = join(root, 'pdf-only');
      await mkdir(pdfDir, { recursive: true });
      for (const p of pdfs) await link(p, join(pdfDir, basename(p))).catch(() => undefined);
      log(`clausier cold on ${pdfs.length} PDFs …`);
      const pdfRun = await runAudit(CLI_BIN, pdfDir, join(scratch, 'cache-pdf'));
      log('pdftotext on the same PDFs …');
      const pdftotextSeconds = await timePdftotext(pdfs);
      pdf = { files: pdfs.length, clausierColdSeconds: pdfRun.seconds, pdftotextSeconds, ratio: pdfRun.seconds / pdftotextSeconds };
    } else {
      log('pdftotext not installed: no PDF baseline');
    }

    log('rule matching share (in-process) …');
    const step = Math.max(1, Math.floor(corpus.contracts.length / RULE_SHARE_SAMPLE));
    const sample = corpus.contracts.filter((_, i) => i % step === 0).slice(0, RULE_SHARE_SAMPLE).map((c) => c.path);
    const ruleShare = await measureRuleShare(sample);

    log('--version …');
    const versionMs = await medianVersionMs(CLI_BIN);

    const result: BenchResult = {
      date: new Date().toISOString(),
      cores: cpus().length,
      node: process.version,
      contracts: corpus.contracts.length,
      formats,
      pages,
      generationSeconds: corpus.seconds,
      cold: { ...cold, contractsPerSecond: cold.contracts / cold.seconds, pagesPerSecond: pages / cold.seconds },
      warm: { ...warm, secondsPer1000: (warm.seconds / warm.contracts) * 1000 },
      pdf,
      ruleShare,
      versionMs,
    };
    const targets = evaluateTargets(result);
    process.stdout.write(options.json ? `${JSON.stringify({ ...result, targets }, null, 2)}\n` : `${formatTable(result, targets)}\n`);
    return options.strict && targets.some((t) => t.pass === false) ? 1 : 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    if (!options.keep) await rm(options.out ? join(root, 'all') : root, { recursive: true, force: true });
    if (!options.keep && options.out) await rm(join(root, 'pdf-only'), { recursive: true, force: true });
    if (options.keep) log(`corpus kept in ${root}`);
  }
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
