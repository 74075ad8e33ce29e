import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './exit-codes.js';

/**
 * Turns the command line's files and folders into the list of contracts to
 * audit: folders walked recursively for supported extensions (content decides
 * the format later), files named explicitly always taken whatever their name,
 * symlinked folders followed once (no loop), broken links kept so they are
 * reported as errors, order deterministic (by displayed path).
 */

export const SUPPORTED_EXTENSIONS = new Set(['.pdf', '.docx', '.odt', '.doc', '.rtf', '.txt', '.md']);

export interface ContractFile {
  /** Absolute path to read. */
  path: string;
  /** Path shown in reports: relative to the working directory when inside it. */
  display: string;
}

/** A folder that could not be listed: reported like an unreadable file. */
export interface WalkProblem {
  display: string;
  code: 'unreadable';
  message: string;
}

export interface CollectOptions {
  cwd: string;
  /** Globs a walked file must match (none: every supported file). */
  include: readonly string[];
  /** Globs that drop walked files and prune walked folders. */
  exclude: readonly string[];
  /** Folder the globs are relative to (the config file's folder). */
  globBase: string;
}

export interface Collected {
  files: ContractFile[];
  problems: WalkProblem[];
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}

function toPosix(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export async function collectFiles(args: readonly string[], options: CollectOptions): Promise<Collected> {
  const isIncluded = options.include.length ? picomatch([...options.include], { dot: true }) : () => true;
  const isExcluded = options.exclude.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  const found = new Map<string, ContractFile>(); // by real path (or own path for a broken link): one entry per file
  const problems: WalkProblem[] = [];
  const visitedDirs = new Set<string>();

  const globPath = (absolute: string, root: string) => {
    const fromBase = relative(options.globBase, absolute);
    return toPosix(fromBase.startsWith('..') || isAbsolute(fromBase) ? relative(root, absolute) : fromBase);
  };

  const add = async (absolute: string) => {
    let identity = absolute;
    try {
      identity = await realpath(absolute);
    } catch {
      // Broken link or vanished file: keep it under its own path; reading it reports the problem.
    }
    const file = { path: absolute, display: displayPath(options.cwd, absolute) };
    const existing = found.get(identity);
    if (!existing || file.display < existing.display) found.set(identity, file);
  };

  const walk = async (dir: string, root: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return;
    }
    if (visitedDirs.has(real)) return; // a symlink loop, or a folder reached twice
    visitedDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ display: displayPath(options.cwd, dir), code: 'unreadable', message: `The folder ${dir} cannot be read (${codeOf(error) ?? 'error'}).` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      let isDir = entry.isDirectory();
      // Not only regular files: a FIFO or device named like a contract is listed so that it is
      // reported (unreadable: not a regular file) instead of silently missing from the report.
      let isFile = !entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(absolute);
          isDir = target.isDirectory();
          isFile = !isDir;
        } catch {
          isFile = true; // broken link: listed so that it is reported, if it looks like a contract
        }
      }
      const rel = globPath(absolute, root);
      if (isDir) {
        if (!isExcluded(rel) && !isExcluded(`${rel}/`)) await walk(absolute, root);
      } else if (isFile && SUPPORTED_EXTENSIONS.has(extname(entry.name).toLowerCase()) && isIncluded(rel) && !isExcluded(rel)) {
        await add(absolute);
      }
    }
  };

  for (const arg of args) {
    const absolute = resolve(options.cwd, arg);
    let link;
    try {
      link = await lstat(absolute);
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') throw new UsageError(`no such file or folder: ${arg}`);
      throw new UsageError(`cannot access ${arg} (${codeOf(error) ?? 'error'})`);
    }
    let isDir = link.isDirectory();
    if (link.isSymbolicLink()) isDir = await stat(absolute).then((target) => target.isDirectory(), () => false);
    if (isDir) await walk(absolute, absolute);
    else await add(absolute);
  }

  const files = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, problems };
}
