import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './exit-codes.js';
import { isClausierOutput } from './own-output.js';

/**
 * Where the report goes. A file is written atomically: into a temp file in the
 * same folder, renamed over the target only when the report is complete, so a
 * CI step never reads half a report and an interrupted run leaves the previous
 * one intact.
 */
export interface ReportSink {
  write(chunk: string): Promise<void>;
  finish(): Promise<void>;
  /** Drops a partial file report (interrupt, fatal error). */
  abort(): Promise<void>;
}

async function writeTo(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (chunk === '') return;
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Exit status of a process stopped because its reader went away (128 + SIGPIPE), as `yes | head` gives. */
export const EXIT_BROKEN_PIPE = 141;

export function stdoutSink(stdout: NodeJS.WritableStream = process.stdout): ReportSink {
  // `clausier audit … | head`: the reader closed the pipe; stop quietly instead of a stack trace.
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
    throw error;
  });
  return {
    write: (chunk) => writeTo(stdout, chunk),
    finish: async () => {},
    abort: async () => {},
  };
}

/**
 * Checks an output path against the contracts found: a folder or a missing
 * parent folder is refused; a contract is refused; a previous clausier report at
 * that path is dropped from the contracts (it is about to be replaced).
 * Returns the contracts to audit.
 */
export async function checkOutputPath<T extends { path: string }>(output: string, files: readonly T[]): Promise<T[]> {
  const info = await stat(output).catch(() => null);
  if (info?.isDirectory()) throw new UsageError(`--output ${output} is a folder; give a file name.`);
  const parent = await stat(dirname(output)).catch(() => null);
  if (!parent?.isDirectory()) throw new UsageError(`--output ${output}: the folder ${dirname(output)} does not exist.`);
  const target = await realpath(output).catch(() => output);
  const kept: T[] = [];
  for (const file of files) {
    const real = await realpath(file.path).catch(() => file.path);
    if (real !== target) kept.push(file);
    else if (!(await isClausierOutput(file.path))) {
      throw new UsageError(`--output ${output} is one of the contracts being audited; choose another file.`);
    }
  }
  return kept;
}

/**
 * A run killed with SIGKILL (OOM killer, `kill -9`) cannot remove its temp
 * report; the next run writing the same report removes those whose process
 * is gone.
 */
function removeStaleTemps(output: string): void {
  const pattern = new RegExp(`^\\.${basename(output).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(output));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || processAlive(pid)) continue;
    rmSync(join(dirname(output), name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

export function fileSink(output: string): ReportSink {
  removeStaleTemps(output);
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let stream: WriteStream | undefined;
  const open = () => (stream ??= createWriteStream(temp, { flags: 'wx', mode: 0o644 }));
  const close = () =>
    new Promise<void>((resolve, reject) => {
      const current = open();
      current.once('error', reject);
      current.end(() => resolve());
    });
  return {
    write: (chunk) => writeTo(open(), chunk),
    async finish() {
      await close();
      await rename(temp, output);
    },
    async abort() {
      if (stream) await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}
