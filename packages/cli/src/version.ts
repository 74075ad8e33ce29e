import { readFileSync } from 'node:fs';

/** The CLI's version, read from its package.json (dist/version.js → ../package.json); no heavy import. */
export function cliVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
