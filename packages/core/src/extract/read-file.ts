import { lstat, open, stat } from 'node:fs/promises';
import type { ExtractionProblem } from './types.js';

/** Default cap on an input file, bytes (50 MiB): far above any contract, far below the machine's memory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type ReadFileResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: ExtractionProblem };

/**
 * Reads a file for extraction. The size is checked from `stat` before reading,
 * so an oversized file is refused without loading it; only regular files are
 * read (a FIFO or device would block or never end).
 */
export async function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadFileResult> {
  try {
    const link = await lstat(path);
    if (link.isSymbolicLink()) {
      try {
        await stat(path);
      } catch (error) {
        if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ELOOP') {
          return fail('broken-link', `${path} is a symbolic link whose target does not exist.`);
        }
        throw error;
      }
    }
    const info = await stat(path);
    if (info.isDirectory()) return fail('unreadable', `${path} is a directory, not a file.`);
    if (!info.isFile()) return fail('unreadable', `${path} is not a regular file.`);
    if (info.size === 0) return fail('empty', `${path} is empty.`);
    if (info.size > maxBytes) {
      return fail('too-large', `${path} is ${mib(info.size)} MiB, over the ${mib(maxBytes)} MiB limit (--max-file-size).`);
    }
    const handle = await open(path, 'r');
    try {
      // Read at most maxBytes + 1 so a file that grew since stat is still caught.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) return fail('too-large', `${path} is over the ${mib(maxBytes)} MiB limit (--max-file-size).`);
      if (length === 0) return fail('empty', `${path} is empty.`);
      return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    switch (codeOf(error)) {
      case 'ENOENT':
      case 'ENOTDIR':
        return fail('not-found', `${path} does not exist.`);
      case 'EACCES':
      case 'EPERM':
        return fail('unreadable', `${path} cannot be read: permission denied.`);
      case 'EISDIR':
        return fail('unreadable', `${path} is a directory, not a file.`);
      default:
        return fail('unreadable', `${path} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

function fail(code: ExtractionProblem['code'], message: string): ReadFileResult {
  return { ok: false, problem: { code, message } };
}
