import { open } from 'node:fs/promises';

/**
 * Recognises a file clausier wrote itself (a previous report or baseline), so a
 * report kept inside the contracts folder is not audited as a contract on the
 * next run, while a real contract named by mistake as --output is refused.
 * Signatures are the fixed first lines each formatter writes (pretty: its
 * portfolio line).
 */
const SIGNATURES: RegExp[] = [
  /^\{\n {2}"tool": \{\n {4}"name": "clausier"/, // json
  /^\{"path":"[^\n]*"findings":\[/, // jsonl
  /^\uFEFF?path.format.language.pages.status.error/, // csv, any separator
  /^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json"[\s\S]{0,400}"name": "clausier"/, // sarif
  /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="clausier"/, // junit
  /^### clausier: /, // markdown
  /\nPortfolio: \d+ contracts?, \d+ audited, /, // pretty
  /^\{\n {2}"version": 1,\n {2}"pack": \{/, // baseline
];

/** Reads at most this much: enough for any report's signature, bounded for a huge file. */
const MAX_BYTES = 8 * 1024 * 1024;

export async function isClausierOutput(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(MAX_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return SIGNATURES.some((signature) => signature.test(text));
  } finally {
    await handle.close();
  }
}
