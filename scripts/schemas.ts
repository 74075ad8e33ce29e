/**
 * Generates the JSON Schemas in docs/ from the zod schemas, the single source:
 *   docs/report.schema.json    the JSON report (--format json; jsonl lines are its `files` items)
 *   docs/config.schema.json    clausier.config.json / .yaml / .clausierrc
 *   docs/baseline.schema.json  clausier-baseline.json
 * Run `pnpm schemas` after changing a schema; tests/formats/schemas.test.ts fails when
 * a committed file drifts from what this script would write.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { BaselineSchema } from '../packages/core/src/baseline/schema.js';
import { ConfigSchema } from '../packages/core/src/config/schema.js';
import { toJsonSchema } from '../packages/core/src/config/json-schema.js';
import { ReportSchema } from '../packages/core/src/report/schema.js';

function document(schema: z.ZodType, io: 'input' | 'output', title: string, description: string): string {
  const json = toJsonSchema(schema, io);
  const { $schema, ...rest } = json;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

/** File name under docs/ → its contents. */
export function generateSchemas(): Record<string, string> {
  return {
    'report.schema.json': document(
      ReportSchema,
      'output',
      'clausier report',
      'The JSON report written by `clausier audit --format json` (docs/report-format.md). Each line of --format jsonl is one item of `files`.',
    ),
    'config.schema.json': document(
      ConfigSchema,
      'input',
      'clausier configuration',
      'clausier.config.json, clausier.config.yaml or .clausierrc (docs/configuration.md).',
    ),
    'baseline.schema.json': document(
      BaselineSchema,
      'input',
      'clausier baseline',
      'Accepted exceptions written by `clausier baseline` and read by `clausier audit --baseline` (docs/cli.md).',
    ),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const docs = fileURLToPath(new URL('../docs/', import.meta.url));
  for (const [name, text] of Object.entries(generateSchemas())) {
    writeFileSync(`${docs}${name}`, text);
    console.log(`wrote docs/${name}`);
  }
}
