import { createBaseline, formatBaseline, loadPreviousBaseline, type FileReport } from '@clausier/core';
import { auditFiles } from '../audit-files.js';
import { SUPPORTED_EXTENSIONS } from '../collect-files.js';
import { contractsToAudit } from '../contracts-to-audit.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { createProgress } from '../progress.js';
import { loadSettings } from '../settings.js';
import { fileSink, stdoutSink } from '../sink.js';
import { baselinePathFor } from './audit.js';

/**
 * `clausier baseline <paths…> --output clausier-baseline.json`: records today's
 * weak/missing findings as accepted exceptions to be justified. Re-running it on
 * an existing file keeps the justifications of findings that did not get worse.
 */
export async function baselineCommand(paths: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const { settings, pack, password, quiet } = await loadSettings(io.cwd, options, io.env);
  const output = settings.output;
  const { files, problems } = await contractsToAudit(paths, settings, io.cwd);
  if (files.length + problems.length === 0) throw new UsageError(`no contract found in ${paths.join(', ')} (looked for ${[...SUPPORTED_EXTENSIONS].join(' ')}).`);
  const previous = output ? await loadPreviousBaseline(output) : undefined;

  const reports: FileReport[] = [];
  const progress = createProgress({ stream: io.stderr, enabled: !quiet && io.stderr.isTTY === true, total: files.length });
  await auditFiles(files, problems, { settings, pack, password, progress, onResult: async ({ report }) => void reports.push(report) });
  progress.stop();

  // Paths relative to where the baseline lives (the working directory when printed).
  const anchor = output ?? `${io.cwd}/clausier-baseline.json`;
  const baseline = createBaseline({
    files: reports,
    pack: { id: pack.id, version: pack.version },
    baselinePath: (file) => baselinePathFor(anchor, io.cwd, file.path),
    previous,
  });
  const sink = output ? fileSink(output) : stdoutSink(io.stdout);
  await sink.write(formatBaseline(baseline));
  await sink.finish();

  const errors = reports.filter((report) => report.status === 'error');
  if (!quiet) {
    const empty = baseline.entries.filter((entry) => entry.justification.trim() === '').length;
    io.stderr.write(
      `clausier: ${baseline.entries.length} finding(s) recorded${output ? ` in ${output}` : ''}; ${empty} still need a justification before the baseline can be used.\n`,
    );
    for (const error of errors) io.stderr.write(`clausier: not recorded, could not be audited: ${error.path} (${error.error?.code})\n`);
  }
  return errors.length > 0 ? EXIT.USAGE_OR_UNREADABLE : EXIT.OK;
}
