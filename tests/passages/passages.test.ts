/**
 * The passage suite: short labelled contract passages, one YAML file per rule,
 * each audited on its own against that rule only. The labels were written from
 * the rules' descriptions, not from the engine, so a failure here is a reading
 * the engine gets wrong (or a label to argue about), never a test to loosen.
 * See docs/passages.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildDocument } from '../../packages/core/src/document/build.js';
import type { Language } from '../../packages/core/src/document/types.js';
import { auditDocument } from '../../packages/core/src/engine/audit.js';
import { REASONS } from '../../packages/core/src/engine/reasons.js';
import type { Finding } from '../../packages/core/src/report/schema.js';
import { loadPack } from '../../packages/core/src/rules/load-pack.js';

const HERE = dirname(fileURLToPath(import.meta.url));

const RULES = ['incident-notification', 'log-retention', 'security-contacts', 'audit-rights', 'security-penalties'] as const;
type RuleId = (typeof RULES)[number];

/** The unit of each rule's extracted figure; rules absent here carry no value. */
const VALUE_UNIT: Partial<Record<RuleId, 'hours' | 'months'>> = {
  'incident-notification': 'hours',
  'log-retention': 'months',
};

const VERDICTS = ['ok', 'weak', 'missing'] as const;
const LANGUAGES = ['fr', 'en'] as const;
const CASE_KEYS = new Set(['id', 'lang', 'text', 'expect', 'value', 'reasons', 'why']);

/** Coverage the suite promises: enough cases per rule, both languages well represented. */
const MIN_CASES_PER_RULE = 30;
const MIN_CASES_IN_ALL = 150;
const MIN_SHARE_PER_LANGUAGE = 0.4;

interface PassageCase {
  id: string;
  lang: Language;
  text: string;
  expect: (typeof VERDICTS)[number];
  value?: { hours: number } | { months: number };
  reasons?: string[];
  why: string;
}

interface LoadedFile {
  rule: RuleId;
  file: string;
  /** Entries as parsed; `problems` says what is wrong with the file or any entry. */
  cases: PassageCase[];
  problems: string[];
}

/** Everything wrong with one raw YAML entry, as messages naming the entry. */
function caseProblems(entry: unknown, rule: RuleId, index: number): string[] {
  const where = `${rule}.yaml #${index + 1}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [`${where}: not a mapping`];
  const c = entry as Record<string, unknown>;
  const name = typeof c.id === 'string' ? `${where} (${c.id})` : where;
  const problems: string[] = [];
  for (const key of Object.keys(c)) if (!CASE_KEYS.has(key)) problems.push(`${name}: unknown key "${key}"`);
  if (typeof c.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`${name}: id must be kebab-case`);
  if (!LANGUAGES.includes(c.lang as Language)) problems.push(`${name}: lang must be fr or en`);
  else if (typeof c.id === 'string' && !c.id.startsWith(`${c.lang}-`)) problems.push(`${name}: id must start with "${c.lang}-"`);
  if (typeof c.text !== 'string' || c.text.trim().length === 0) problems.push(`${name}: text is empty`);
  if (!VERDICTS.includes(c.expect as PassageCase['expect'])) problems.push(`${name}: expect must be ok, weak or missing`);
  if (typeof c.why !== 'string' || c.why.trim().length === 0) problems.push(`${name}: why is empty (say what the case pins down)`);
  if (c.value !== undefined) {
    const unit = VALUE_UNIT[rule];
    const v = c.value as Record<string, unknown> | null;
    if (!unit) problems.push(`${name}: ${rule} carries no value`);
    else if (typeof v !== 'object' || v === null || Object.keys(v).length !== 1 || typeof v[unit] !== 'number' || (v[unit] as number) < 0) {
      problems.push(`${name}: value must be { ${unit}: <non-negative number> }`);
    }
    if (c.expect === 'missing') problems.push(`${name}: a missing clause has no value`);
  }
  if (c.reasons !== undefined) {
    if (!Array.isArray(c.reasons) || c.reasons.length === 0) problems.push(`${name}: reasons must be a non-empty list`);
    else {
      for (const code of c.reasons) if (typeof code !== 'string' || !(code in REASONS)) problems.push(`${name}: unknown reason code "${String(code)}"`);
      if (c.expect === 'ok') problems.push(`${name}: an ok case lists no weakness reasons`);
    }
  }
  return problems;
}

function loadFiles(): LoadedFile[] {
  const present = readdirSync(HERE).filter((f) => f.endsWith('.yaml'));
  const loaded: LoadedFile[] = [];
  for (const file of present) {
    const rule = file.replace(/\.yaml$/, '') as RuleId;
    const problems: string[] = [];
    if (!RULES.includes(rule)) problems.push(`${file}: no rule "${rule}" (expected one of ${RULES.join(', ')})`);
    let parsed: unknown = [];
    try {
      parsed = parseYaml(readFileSync(join(HERE, file), 'utf8'));
    } catch (error) {
      // One broken file is reported by the shape test; the other files still run.
      problems.push(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const entries = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) problems.push(`${file}: must be a list of cases`);
    entries.forEach((entry, i) => problems.push(...caseProblems(entry, rule, i)));
    loaded.push({ rule, file, cases: entries as PassageCase[], problems });
  }
  return loaded;
}

const files = loadFiles();
const pack = await loadPack();

/** One passage as the engine sees a plain-text contract, in the case's language. */
function audit(c: PassageCase, rule: RuleId): Finding {
  const doc = buildDocument({ format: 'txt', paged: false, pages: [{ text: c.text }], warnings: [] }, { language: c.lang });
  const definition = pack.rules.find((r) => r.id === rule);
  if (!definition) throw new Error(`rule ${rule} is not in the bundled pack`);
  const findings = auditDocument(doc, { ...pack, rules: [definition] }, { language: c.lang });
  const finding = findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`no finding for ${rule}`);
  return finding;
}

/** What the engine concluded, for failure messages. */
function got(f: Finding): string {
  const basis = f.evidence.find((e) => e.role === 'basis');
  return `engine: ${f.status} reasons=[${f.reasons.join(', ')}] value=${JSON.stringify(f.value)}${basis ? ` basis="${basis.quote.slice(0, 120)}"` : ''}`;
}

describe('passage suite shape', () => {
  it('has one file per rule and every case is well formed', () => {
    expect(files.map((f) => f.rule).sort()).toEqual([...RULES].sort());
    expect(files.flatMap((f) => f.problems)).toEqual([]);
  });

  it('ids are unique across the suite', () => {
    const ids = files.flatMap((f) => f.cases.map((c) => c.id));
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
  });

  it('covers every rule in both languages and every verdict', () => {
    const all = files.flatMap((f) => f.cases);
    expect(all.length).toBeGreaterThanOrEqual(MIN_CASES_IN_ALL);
    for (const f of files) {
      expect(f.cases.length, f.file).toBeGreaterThanOrEqual(MIN_CASES_PER_RULE);
      for (const lang of LANGUAGES) {
        const share = f.cases.filter((c) => c.lang === lang).length / f.cases.length;
        expect(share, `${f.file}: share of ${lang}`).toBeGreaterThanOrEqual(MIN_SHARE_PER_LANGUAGE);
        for (const verdict of VERDICTS) {
          expect(f.cases.some((c) => c.lang === lang && c.expect === verdict), `${f.file}: a ${lang} ${verdict} case`).toBe(true);
        }
      }
    }
  });
});

for (const { rule, cases } of files) {
  describe(rule, () => {
    for (const c of cases) {
      it(c.id, () => {
        const finding = audit(c, rule);
        const message = `${c.id} (${c.why}) — ${got(finding)}`;
        expect(finding.status, message).toBe(c.expect);
        if (c.value) expect(finding.value, message).toEqual(c.value);
        for (const reason of c.reasons ?? []) expect(finding.reasons, message).toContain(reason);
        if (c.expect !== 'missing') {
          expect(
            finding.evidence.some((e) => e.role === 'basis' && e.quote.trim().length > 0),
            `${message}: an ${c.expect} verdict quotes its basis`,
          ).toBe(true);
        }
      });
    }
  });
}
