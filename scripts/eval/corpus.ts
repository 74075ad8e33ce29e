/**
 * Finds the labelled contracts of a set and reads their expected verdicts
 * (`<name>.expected.yaml`, format in docs/fixtures.md). Problems with a fixture
 * are collected, not thrown, so one bad file does not hide the others' scores.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { VERDICTS, type ExpectedRule, type FigureValue, type LabelledContract, type Verdict } from './types.js';

/** Set name → folder under the repository root. */
export const SET_FOLDERS: Record<string, string> = {
  dev: 'fixtures/eval/dev',
  heldout: 'fixtures/eval/heldout',
  contracts: 'fixtures/contracts',
};

const EXPECTED_SUFFIX = '.expected.yaml';
const CONTRACT_EXTENSIONS = new Set(['.pdf', '.docx', '.odt', '.doc', '.rtf', '.txt', '.md']);

export interface CorpusProblem {
  file: string;
  message: string;
}

export interface Corpus {
  contracts: LabelledContract[];
  problems: CorpusProblem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseValue(raw: unknown): FigureValue | string {
  if (!isRecord(raw)) return 'value must be a mapping such as { hours: 24 }';
  const keys = Object.keys(raw);
  if (keys.length !== 1) return 'value must have exactly one of hours, months, days';
  const key = keys[0]!;
  const amount = raw[key];
  if (typeof amount !== 'number' || !(amount >= 0)) return `value.${key} must be a non-negative number`;
  if (key === 'hours') return { hours: amount };
  if (key === 'months') return { months: amount };
  if (key === 'days') return { days: amount };
  return `unknown value unit "${key}" (hours, months or days)`;
}

function parseRule(raw: unknown): ExpectedRule | string {
  if (!isRecord(raw)) return 'must be a mapping with a status';
  const status = raw.status;
  if (typeof status !== 'string' || !VERDICTS.includes(status as Verdict)) return `status must be one of ${VERDICTS.join(', ')}`;
  const rule: ExpectedRule = { status: status as Verdict };
  if (raw.value !== undefined && raw.value !== null) {
    const value = parseValue(raw.value);
    if (typeof value === 'string') return value;
    rule.value = value;
  }
  if (raw.reasons !== undefined) {
    if (!Array.isArray(raw.reasons) || !raw.reasons.every((r) => typeof r === 'string')) return 'reasons must be a list of codes';
    rule.reasons = raw.reasons as string[];
  }
  if (raw.quote !== undefined) {
    if (typeof raw.quote !== 'string' || raw.quote.trim() === '') return 'quote must be a non-empty string';
    rule.quote = raw.quote;
  }
  return rule;
}

/**
 * Parses one expected file. `ruleIds` are the pack's rules: each must be listed
 * (an absent rule is an error in the fixture, not a "don't care").
 */
export function parseExpected(
  text: string,
  ruleIds: readonly string[],
): { language: 'fr' | 'en'; rules: Record<string, ExpectedRule>; notes?: string } | { error: string } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return { error: `invalid YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!isRecord(data)) return { error: 'expected a mapping with language and rules' };
  if (data.language !== 'fr' && data.language !== 'en') return { error: 'language must be fr or en' };
  if (!isRecord(data.rules)) return { error: 'rules must be a mapping of rule id to verdict' };
  const rules: Record<string, ExpectedRule> = {};
  const errors: string[] = [];
  for (const id of ruleIds) {
    if (!(id in data.rules)) {
      errors.push(`rule ${id} is not listed`);
      continue;
    }
    const rule = parseRule(data.rules[id]);
    if (typeof rule === 'string') errors.push(`${id}: ${rule}`);
    else rules[id] = rule;
  }
  for (const id of Object.keys(data.rules)) if (!ruleIds.includes(id)) errors.push(`unknown rule ${id}`);
  if (errors.length > 0) return { error: errors.join('; ') };
  return { language: data.language, rules, ...(typeof data.notes === 'string' ? { notes: data.notes.trim() } : {}) };
}

/** Reads every `<name>.expected.yaml` of a set and pairs it with its contract file. */
export async function loadCorpus(root: string, set: string, ruleIds: readonly string[]): Promise<Corpus> {
  const folder = SET_FOLDERS[set];
  if (!folder) return { contracts: [], problems: [{ file: set, message: `unknown set (${Object.keys(SET_FOLDERS).join(', ')})` }] };
  const dir = join(root, folder);
  let entries: string[];
  try {
    entries = (await readdir(dir)).sort();
  } catch {
    return { contracts: [], problems: [{ file: folder, message: 'folder not found' }] };
  }
  const contracts: LabelledContract[] = [];
  const problems: CorpusProblem[] = [];
  for (const entry of entries.filter((e) => e.endsWith(EXPECTED_SUFFIX))) {
    const name = entry.slice(0, -EXPECTED_SUFFIX.length);
    const expectedPath = join(dir, entry);
    const files = entries.filter((e) => e !== entry && e.startsWith(`${name}.`) && CONTRACT_EXTENSIONS.has(extname(e).toLowerCase()) && e.slice(name.length + 1).indexOf('.') === -1);
    const display = relative(root, expectedPath);
    if (files.length !== 1) {
      problems.push({ file: display, message: files.length === 0 ? 'no contract file beside it' : `several contract files: ${files.join(', ')}` });
      continue;
    }
    const parsed = parseExpected(await readFile(expectedPath, 'utf8'), ruleIds);
    if ('error' in parsed) {
      problems.push({ file: display, message: parsed.error });
      continue;
    }
    const file = join(dir, files[0]!);
    contracts.push({
      set,
      name,
      file,
      displayPath: relative(root, file),
      format: extname(file).slice(1).toLowerCase(),
      language: parsed.language,
      rules: parsed.rules,
      ...(parsed.notes ? { notes: parsed.notes } : {}),
    });
  }
  for (const entry of entries) {
    const ext = extname(entry).toLowerCase();
    if (!CONTRACT_EXTENSIONS.has(ext)) continue;
    const name = entry.slice(0, -ext.length);
    if (!entries.includes(`${name}${EXPECTED_SUFFIX}`)) problems.push({ file: relative(root, join(dir, entry)), message: 'contract without an expected file' });
  }
  return { contracts, problems };
}
