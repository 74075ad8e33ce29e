/**
 * Scoring, pure: expected verdicts × what an auditor concluded → confusion
 * matrices, accuracies, false-ok list, value exactness and evidence checks.
 */
import { GOTS, VERDICTS, type AuditedContract, type ExpectedRule, type FigureValue, type Got, type RuleOutcome, type Verdict } from './types.js';

/** expected → got → count. */
export type ConfusionMatrix = Record<Verdict, Record<Got, number>>;

export interface Ratio {
  hits: number;
  total: number;
  /** hits / total, or null when total is 0. */
  rate: number | null;
}

export interface Disagreement {
  file: string;
  rule: string;
  expected: ExpectedRule;
  got: RuleOutcome;
  notes?: string;
}

export interface ValueCheck {
  file: string;
  rule: string;
  expected: FigureValue;
  got: FigureValue | null;
  exact: boolean;
}

export interface EvidenceCheck {
  file: string;
  rule: string;
  quote: string;
  found: boolean;
}

export interface SetScore {
  contracts: number;
  verdicts: number;
  accuracy: Ratio;
  byRule: Record<string, { matrix: ConfusionMatrix; accuracy: Ratio }>;
  byLanguage: Record<string, Ratio>;
  byFormat: Record<string, Ratio>;
  /** Expected weak or missing, got ok: the failure that hides a gap from the CISO. */
  falseOk: Disagreement[];
  /** Every verdict that differs from the expected one (false-ok included). */
  disagreements: Disagreement[];
  values: Ratio & { checks: ValueCheck[] };
  evidence: Ratio & { checks: EvidenceCheck[] };
  reasons: Ratio;
  /** Files the auditor could not read. */
  errors: { file: string; code: string; message: string }[];
}

const ratio = (hits: number, total: number): Ratio => ({ hits, total, rate: total === 0 ? null : hits / total });

export function emptyMatrix(): ConfusionMatrix {
  const row = () => Object.fromEntries(GOTS.map((g) => [g, 0])) as Record<Got, number>;
  return { ok: row(), weak: row(), missing: row() };
}

const DAYS_PER_MONTH = 30.4375;

/** The figure in hours or months, whichever `like` uses; days convert to either. */
function inUnitOf(value: FigureValue, like: FigureValue): number | null {
  const hours = 'hours' in value ? value.hours : 'days' in value ? value.days * 24 : null;
  const months = 'months' in value ? value.months : 'days' in value ? value.days / DAYS_PER_MONTH : null;
  if ('hours' in like) return hours;
  if ('months' in like) return months;
  return 'days' in value ? value.days : hours !== null ? hours / 24 : months !== null ? months * DAYS_PER_MONTH : null;
}

/**
 * Same figure within rounding: 0.05 of the unit, so 365 days read as 11.99 months
 * match 12 months, but 6 months do not match 5.9.
 */
export function sameValue(expected: FigureValue, got: FigureValue | null): boolean {
  if (!got) return false;
  const want = inUnitOf(expected, expected);
  const have = inUnitOf(got, expected);
  return want !== null && have !== null && Math.abs(want - have) <= 0.05;
}

/** Case, spacing, apostrophes and quotation marks do not matter when matching a quote. */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/«\s*|\s*»/g, '"') // French guillemets carry (non-breaking) spaces inside
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function quoteFound(quote: string, basisQuotes: readonly string[]): boolean {
  const wanted = normaliseQuote(quote);
  return basisQuotes.some((q) => normaliseQuote(q).includes(wanted));
}

const MISSING_RULE: RuleOutcome = { status: 'error', value: null, reasons: [], basisQuotes: [], message: 'no finding for this rule' };

/** Scores one auditor over one set. `ruleIds` fixes the order of rules in the report. */
export function scoreSet(audited: readonly AuditedContract[], ruleIds: readonly string[]): SetScore {
  const byRule: SetScore['byRule'] = {};
  for (const id of ruleIds) byRule[id] = { matrix: emptyMatrix(), accuracy: ratio(0, 0) };
  const tallies = { language: new Map<string, [number, number]>(), format: new Map<string, [number, number]>() };
  const tally = (map: Map<string, [number, number]>, key: string, correct: boolean) => {
    const [hits, total] = map.get(key) ?? [0, 0];
    map.set(key, [hits + (correct ? 1 : 0), total + 1]);
  };
  const falseOk: Disagreement[] = [];
  const disagreements: Disagreement[] = [];
  const valueChecks: ValueCheck[] = [];
  const evidenceChecks: EvidenceCheck[] = [];
  const errors: SetScore['errors'] = [];
  let correct = 0;
  let verdicts = 0;
  let reasonHits = 0;
  let reasonTotal = 0;
  const ruleHits: Record<string, [number, number]> = {};

  for (const { contract, outcome } of audited) {
    if (outcome.error) errors.push({ file: contract.displayPath, ...outcome.error });
    for (const id of ruleIds) {
      const expected = contract.rules[id];
      if (!expected) continue;
      const got = outcome.rules[id] ?? (outcome.error ? { ...MISSING_RULE, message: outcome.error.message } : MISSING_RULE);
      const entry = byRule[id]!;
      entry.matrix[expected.status][got.status]++;
      const agree = got.status === expected.status;
      verdicts++;
      if (agree) correct++;
      const [h, t] = ruleHits[id] ?? [0, 0];
      ruleHits[id] = [h + (agree ? 1 : 0), t + 1];
      tally(tallies.language, contract.language, agree);
      tally(tallies.format, contract.format, agree);
      if (!agree) {
        const disagreement: Disagreement = { file: contract.displayPath, rule: id, expected, got, ...(contract.notes ? { notes: contract.notes } : {}) };
        disagreements.push(disagreement);
        if (got.status === 'ok') falseOk.push(disagreement);
      }
      if (expected.value) {
        valueChecks.push({ file: contract.displayPath, rule: id, expected: expected.value, got: got.value, exact: sameValue(expected.value, got.value) });
      }
      if (expected.quote) {
        evidenceChecks.push({ file: contract.displayPath, rule: id, quote: expected.quote, found: quoteFound(expected.quote, got.basisQuotes) });
      }
      if (expected.reasons && expected.reasons.length > 0) {
        reasonTotal++;
        if (expected.reasons.every((r) => got.reasons.includes(r))) reasonHits++;
      }
    }
  }
  for (const id of ruleIds) {
    const [h, t] = ruleHits[id] ?? [0, 0];
    byRule[id]!.accuracy = ratio(h, t);
  }
  const toRatios = (map: Map<string, [number, number]>) =>
    Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, [h, t]]) => [k, ratio(h, t)]));
  return {
    contracts: audited.length,
    verdicts,
    accuracy: ratio(correct, verdicts),
    byRule,
    byLanguage: toRatios(tallies.language),
    byFormat: toRatios(tallies.format),
    falseOk,
    disagreements,
    values: { ...ratio(valueChecks.filter((c) => c.exact).length, valueChecks.length), checks: valueChecks },
    evidence: { ...ratio(evidenceChecks.filter((c) => c.found).length, evidenceChecks.length), checks: evidenceChecks },
    reasons: ratio(reasonHits, reasonTotal),
    errors,
  };
}

export { VERDICTS, GOTS };
