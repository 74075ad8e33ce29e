import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReportSchema, regionKey, type FormatOptions, type Report } from '@clausier/core';
import { samplePack } from './sample-pack.js';

/** The shared hand-built report every format test renders. */
export function loadSampleReport(): Report {
  const raw = JSON.parse(readFileSync(fileURLToPath(new URL('./sample-report.json', import.meta.url)), 'utf8'));
  return ReportSchema.parse(raw);
}

export const TXT_PATH = 'contracts/fr/notes "relues", v2; final.txt';

/** The options the goldens were rendered with: the sample pack, fail-on weak, and lines for the text contract. */
export function sampleOptions(overrides: FormatOptions = {}): FormatOptions {
  return {
    pack: samplePack,
    failOn: 'weak',
    lang: 'en',
    regions: new Map([
      [regionKey(TXT_PATH, 'log-retention'), { startLine: 41, endLine: 42 }],
      [regionKey(TXT_PATH, 'security-contacts'), { startLine: 55, endLine: 55 }],
    ]),
    ...overrides,
  };
}
