/**
 * Fixture integrity: every source in every set has its generated file and its
 * expected verdicts; expected files are complete and well-typed; each
 * generated file still carries its source's text (read back the way a user's
 * tools would: pdftotext, mammoth, the ODF XML, Windows-1252 decoding, and
 * LibreOffice for doc/rtf), and pure-JS formats are byte-for-byte up to date.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SETS, findSources, type SourceFile } from '../scripts/fixtures/discover.js';
import { convertWithLibreOffice } from '../scripts/fixtures/libreoffice.js';
import { EXTENSION, needsLibreOffice, renderFixture } from '../scripts/fixtures/render.js';
import { acceptedText, parseSource, runningText, type Source } from '../scripts/fixtures/source.js';

const run = promisify(execFile);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const RULES = ['incident-notification', 'log-retention', 'security-contacts', 'audit-rights', 'security-penalties'] as const;
const STATUSES = ['ok', 'weak', 'missing'];
/** The unit each rule's value is expressed in; rules absent here carry no value. */
const VALUE_UNIT: Partial<Record<(typeof RULES)[number], string>> = {
  'incident-notification': 'hours',
  'log-retention': 'months',
};

const hasTool = async (command: string, args: string[]) =>
  run(command, args).then(
    () => true,
    () => false,
  );
const HAS_PDFTOTEXT = await hasTool('pdftotext', ['-v']);
const HAS_SOFFICE = await hasTool('soffice', ['--version']);

/** Letters and digits only, lower-cased: line breaks, hyphenation and spacing do not matter, accents do. */
function letterKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The longest sentence of the body's paragraphs: long enough to be found nowhere else. */
function distinctiveSentence(source: Source): string {
  const sentences = source.blocks
    .flatMap((b) => (b.kind === 'paragraph' && !b.listItem ? acceptedText(b.runs).split(/(?<=[.;])\s+/) : []))
    .sort((a, b) => letterKey(b).length - letterKey(a).length || a.localeCompare(b));
  return sentences[0] ?? '';
}

/** The source's whole text, tables included, as a reader would quote it. */
function sourceText(source: Source): string {
  return collapse(
    source.blocks
      .map((b) =>
        b.kind === 'table' ? b.rows.map((row) => row.map(acceptedText).join(' ')).join(' ') : b.kind === 'pagebreak' ? '' : acceptedText(b.runs),
      )
      .join('\n'),
  );
}

async function pdfTextWithoutRunningLines(bytes: Uint8Array, source: Source): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clausier-integrity-'));
  try {
    await writeFile(join(dir, 'f.pdf'), bytes);
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { maxBuffer: 1 << 26 });
    let key = letterKey(stdout);
    const pages = (stdout.match(/\f/g) ?? []).length || 1;
    for (const template of [source.meta.header, source.meta.footer]) {
      if (!template) continue;
      for (let page = pages; page >= 1; page--) key = key.split(letterKey(runningText(template, page, pages))).join('');
    }
    return key;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function odtText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('content.xml')?.async('string')) ?? '';
  return xml
    .replace(/<text:s text:c="(\d+)"\/>/g, (_m, n: string) => ' '.repeat(Number(n)))
    .replace(/<text:s\/>|<text:tab\/>/g, ' ')
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

interface Fixture extends SourceFile {
  source: Source | null;
  parseError: string | null;
  output: string | null;
}

async function loadFixtures(set: string): Promise<Fixture[]> {
  return (await findSources(FIXTURES, set)).map((file) => {
    try {
      const source = parseSource(readFileSync(file.path, 'utf8'), file.path);
      return { ...file, source, parseError: null, output: join(FIXTURES, set, `${file.name}.${EXTENSION[source.meta.format]}`) };
    } catch (error) {
      return { ...file, source: null, parseError: (error as Error).message, output: null };
    }
  });
}

const fixturesBySet = await Promise.all(SETS.map(async (set) => [set, await loadFixtures(set)] as const));

it('has foundation contracts to test', () => {
  expect(fixturesBySet.find(([set]) => set === 'contracts')?.[1].length).toBeGreaterThan(0);
});

for (const [set, fixtures] of fixturesBySet) {
  describe.skipIf(fixtures.length === 0)(`fixture set ${set}`, () => {
    it('has unique names and no generated file without a source', () => {
      const names = fixtures.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      const outputDir = join(FIXTURES, set);
      const outputs = existsSync(outputDir)
        ? readdirSync(outputDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
        : [];
      const orphans = outputs.filter((file) => !names.includes(file.replace(/\.expected\.yaml$/, '').replace(/\.[^.]+$/, '')));
      expect(orphans).toEqual([]);
    });

    for (const fixture of fixtures) {
      describe(fixture.name, () => {
        it('has a source that parses', () => {
          expect(fixture.parseError).toBeNull();
        });

        it('has its generated file', () => {
          expect(fixture.output && existsSync(fixture.output), `${fixture.output} — run pnpm fixtures --set ${set}`).toBe(true);
        });

        it('has its expected file beside the source, copied unchanged next to the output', () => {
          const expectedSource = fixture.path.replace(/\.md$/, '.expected.yaml');
          const expectedCopy = join(FIXTURES, set, `${fixture.name}.expected.yaml`);
          expect(existsSync(expectedSource), expectedSource).toBe(true);
          expect(existsSync(expectedCopy), expectedCopy).toBe(true);
          expect(readFileSync(expectedCopy, 'utf8')).toBe(readFileSync(expectedSource, 'utf8'));
        });

        it('has complete, well-typed expected verdicts', () => {
          const expectedPath = fixture.path.replace(/\.md$/, '.expected.yaml');
          const expected = parseYaml(readFileSync(expectedPath, 'utf8')) as Record<string, unknown>;
          expect(Object.keys(expected).sort()).toEqual(['language', 'notes', 'rules']);
          expect(expected.language).toBe(fixture.source?.meta.lang);
          expect(typeof expected.notes === 'string' && expected.notes.trim().length > 0, 'notes must explain the verdicts').toBe(true);

          const rules = expected.rules as Record<string, Record<string, unknown>>;
          expect(Object.keys(rules).sort()).toEqual([...RULES].sort());
          const text = fixture.source ? sourceText(fixture.source) : '';
          for (const rule of RULES) {
            const verdict = rules[rule] ?? {};
            const where = `${fixture.name} ${rule}`;
            expect(Object.keys(verdict).every((k) => ['status', 'value', 'reasons', 'quote'].includes(k)), `${where}: unknown key`).toBe(true);
            expect(STATUSES, `${where}: status`).toContain(verdict.status);
            if (verdict.value !== undefined) {
              const unit = VALUE_UNIT[rule];
              expect(unit, `${where}: this rule carries no value`).toBeDefined();
              expect(verdict.status, `${where}: a missing clause has no value`).not.toBe('missing');
              const value = verdict.value as Record<string, unknown>;
              expect(Object.keys(value), `${where}: value unit`).toEqual([unit]);
              expect(typeof value[unit as string] === 'number' && (value[unit as string] as number) >= 0, `${where}: value`).toBe(true);
            }
            if (verdict.reasons !== undefined) {
              expect(Array.isArray(verdict.reasons), `${where}: reasons is a list`).toBe(true);
              for (const code of verdict.reasons as unknown[]) expect(String(code), `${where}: reason code`).toMatch(/^[a-z]+(-[a-z]+)*$/);
            }
            if (verdict.quote !== undefined) {
              expect(verdict.status, `${where}: a missing clause has nothing to quote`).not.toBe('missing');
              expect(text, `${where}: the quote must be text of the contract`).toContain(collapse(String(verdict.quote)));
            }
          }
        });

        const source = fixture.source;
        const format = source?.meta.format;
        const readable = fixture.output !== null && existsSync(fixture.output);
        const sentence = source ? distinctiveSentence(source) : '';

        it.skipIf(!source || !readable || (format === 'pdf' && !HAS_PDFTOTEXT) || ((format === 'doc' || format === 'rtf') && !HAS_SOFFICE))(
          'carries a distinctive sentence of its source',
          async () => {
            if (!source || !fixture.output) return;
            expect(letterKey(sentence).length).toBeGreaterThan(40);
            const bytes = new Uint8Array(readFileSync(fixture.output));
            let key: string;
            switch (source.meta.format) {
              case 'pdf':
                key = await pdfTextWithoutRunningLines(bytes, source);
                break;
              case 'docx':
                key = letterKey((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
                break;
              case 'odt':
                expect(Buffer.from(bytes.subarray(30, 38)).toString('latin1')).toBe('mimetype');
                key = letterKey(await odtText(bytes));
                break;
              case 'txt-cp1252': {
                const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
                if (/[^\x00-\x7f]/.test(sentence)) expect(utf8, 'Windows-1252 bytes are not UTF-8').toContain('\ufffd');
                key = letterKey(iconv.decode(Buffer.from(bytes), 'win1252'));
                break;
              }
              case 'txt':
              case 'md':
                key = letterKey(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
                break;
              case 'doc':
              case 'rtf':
                key = letterKey(new TextDecoder().decode(await convertWithLibreOffice(bytes, `f.${source.meta.format}`, 'txt')));
                break;
            }
            expect(key.includes(letterKey(sentence)), `"${sentence.slice(0, 80)}…" not found in ${fixture.output}`).toBe(true);
          },
          60_000,
        );

        it.skipIf(!source || !readable || needsLibreOffice(source))('is up to date with its source (formats made without LibreOffice)', async () => {
          if (!source || !fixture.output) return;
          const fresh = await renderFixture(source, fixture.name);
          const committed = readFileSync(fixture.output);
          expect(Buffer.compare(Buffer.from(fresh), committed), `${fixture.output} is stale — run pnpm fixtures --only ${fixture.name}`).toBe(0);
        });
      });
    }
  });
}
