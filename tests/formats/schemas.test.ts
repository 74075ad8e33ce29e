import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { generateSchemas } from '../../scripts/schemas.js';
import { loadSampleReport } from './load-sample.js';

/** The JSON Schemas in docs/ are generated from the zod schemas; they must not drift. */

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const generated = generateSchemas();

describe('docs/*.schema.json', () => {
  for (const [name, text] of Object.entries(generated)) {
    it(`${name} is what \`pnpm schemas\` generates (run it after changing a schema)`, () => {
      expect(readFileSync(docs(name), 'utf8')).toBe(text);
    });
  }

  it('the sample report validates against report.schema.json, and a broken one does not', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(generated['report.schema.json']!));
    const report = JSON.parse(JSON.stringify(loadSampleReport()));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    report.files[0].findings[0].status = 'fine';
    expect(validate(report)).toBe(false);
  });

  it('a typical configuration validates against config.schema.json, a typo does not', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(generated['config.schema.json']!));
    const config = { failOn: 'missing', rules: { 'log-retention': { thresholds: { minMonths: 12 } } }, limits: { maxFileSize: '20MB', timeout: 90 } };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ failon: 'missing' })).toBe(false);
  });
});
