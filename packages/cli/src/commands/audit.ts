import { dirname, relative, resolve, sep } from 'node:path';
import {
  applyBaseline,
  buildReport,
  isFailing,
  isoDate,
  loadBaselineForUse,
  regionKey,
  sortFindings,
  type Baseline,
  type FileReport,
  type FormatOptions,
  type SourceLines,
} from '@clausier/core';
import { auditFiles } from '../audit-files.js';
import { SUPPORTED_EXTENSIONS } from '../collect-files.js';
import { contractsToAudit } from '../contracts-to-audit.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createProgress } from '../progress.js';
import { createReportWriter } from '../report-writer.js';
import { loadSettings } from '../settings.js';
import { fileSink, stdoutSink, type ReportSink } from '../sink.js';
import { cliVersion } from '../version.js';

/** `clausier audit <paths…>`: audit, report, and turn the verdicts into an exit code. */

/** A contract's path as a baseline next to `baselineFile` writes it: relative, `/` separators. */
export function baselinePathFor(baselineFile: string, cwd: string, reportPath: string): string {
  const rel = relative(dirname(baselineFile), resolve(cwd, reportPath));
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

export function colourWanted(io: Io, toFile: boolean): boolean {
  if (toFile || !io.stdout.isTTY) return false;
  // https://no-color.org: any non-empty value disables colour.
  return !io.env.NO_COLOR;
}

export async function auditCommand(paths: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const { settings, pack, password, quiet } = await loadSettings(io.cwd, options, io.env);
  const baseline: Baseline | null = settings.baseline ? await loadBaselineForUse(settings.baseline) : null;
  const { files, problems } = await contractsToAudit(paths, settings, io.cwd);
  if (files.length + problems.length === 0) {
    throw new UsageError(`no contract found in ${paths.join(', ')} (looked for ${[...SUPPORTED_EXTENSIONS].join(' ')}).`);
  }

  const sink: ReportSink = settings.output ? fileSink(settings.output) : stdoutSink(io.stdout);
  const regions = new Map<string, SourceLines>();
  const formatOptions: FormatOptions = {
    failOn: settings.failOn,
    pack,
    lang: settings.lang ?? 'en',
    color: colourWanted(io, settings.output !== null),
    cwd: io.cwd,
    csvSeparator: settings.csvSeparator,
    bom: settings.bom,
    regions,
  };
  const writer = createReportWriter(settings.format, formatOptions, sink);
  const progress = createProgress({ stream: io.stderr, enabled: !quiet && io.stderr.isTTY === true, total: files.length });
  const ruleOrder = pack.rules.map((rule) => rule.id);
  const today = isoDate(io.now());
  const reports: FileReport[] = [];
  let stale = 0;

  // SIGTERM too (CI timeouts, `kill`, containers stopping): the temp report must not be left behind.
  const onInterrupt = (signal: NodeJS.Signals) => {
    progress.stop();
    void sink.abort().finally(() => process.exit(signal === 'SIGTERM' ? 128 + 15 : EXIT.INTERRUPTED));
  };
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    await auditFiles(files, problems, {
      settings,
      pack,
      password,
      progress,
      onResult: async ({ report, sourceLines }) => {
        let file = report;
        if (baseline && settings.baseline) {
          const applied = applyBaseline(file, baseline.entries, baselinePathFor(settings.baseline, io.cwd, file.path), today);
          file = applied.file;
          stale += applied.stale.length;
        }
        file = { ...file, findings: sortFindings(file.findings, ruleOrder) };
        for (const [rule, lines] of sourceLines) regions.set(regionKey(file.path, rule), lines);
        reports.push(file);
        progress.clear();
        await writer.file(file);
        progress.redraw();
      },
    });
    progress.stop();
    const report = buildReport({ toolVersion: cliVersion(), pack, files: reports });
    await writer.end(report);
    await sink.finish();

    const failing = report.files.reduce((count, file) => count + file.findings.filter((finding) => isFailing(finding, settings.failOn)).length, 0);
    if (!quiet) {
      const notes: string[] = [];
      if (report.summary.errors > 0) notes.push(`${report.summary.errors} file(s) could not be audited`);
      if (stale > 0) notes.push(`${stale} baseline entr${stale === 1 ? 'y matches' : 'ies match'} no finding any more (stale)`);
      if (settings.output) notes.push(`report written to ${relative(io.cwd, settings.output) || settings.output}`);
      if (notes.length) io.stderr.write(`clausier: ${notes.join('; ')}\n`);
    }
    if (report.summary.errors > 0) return EXIT.USAGE_OR_UNREADABLE;
    if (failing > 0) return EXIT.FINDINGS;
    if (stale > 0 && settings.failOnStale) return EXIT.FINDINGS;
    return EXIT.OK;
  } catch (error) {
    progress.stop();
    await sink.abort();
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
