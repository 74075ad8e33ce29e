/** Plain-text eval report: the engine's figures beside the keyword baseline's. */
import type { ConfusionMatrix, Disagreement, Ratio, SetScore } from './score.js';
import type { ThresholdCheck } from './thresholds.js';
import { GOTS, VERDICTS } from './types.js';

export interface SetReport {
  set: string;
  engine: SetScore;
  baseline: SetScore;
  check: ThresholdCheck;
  problems: { file: string; message: string }[];
}

const pct = (r: Ratio) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% (${r.hits}/${r.total})`);
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const LABEL = 26;
const COLUMN = 22;

function row(label: string, engine: string, baseline: string): string {
  return `${pad(label, LABEL)}${pad(engine, COLUMN)}${baseline}`;
}

function matrixLines(engine: ConfusionMatrix, baseline: ConfusionMatrix): string[] {
  const head = GOTS.map((g) => padLeft(g, 8)).join('');
  const lines = [`    ${pad('expected ↓ got →', 18)}${head}   │${head}`];
  for (const v of VERDICTS) {
    const cells = (m: ConfusionMatrix) => GOTS.map((g) => padLeft(String(m[v][g]), 8)).join('');
    lines.push(`    ${pad(v, 18)}${cells(engine)}   │${cells(baseline)}`);
  }
  return lines;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function describeDisagreement(d: Disagreement, verbose: boolean): string[] {
  const lines = [`  ${d.file}  ${d.rule}: expected ${d.expected.status}, got ${d.got.status}` + (d.got.reasons.length ? ` [${d.got.reasons.join(', ')}]` : '')];
  const basis = d.got.basisQuotes[0];
  if (basis) lines.push(`      evidence: "${clip(basis, verbose ? 400 : 160)}"`);
  if (!verbose) return lines;
  for (const quote of d.got.basisQuotes.slice(1, 3)) lines.push(`      evidence: "${clip(quote, 400)}"`);
  if (d.got.message) lines.push(`      message:  ${clip(d.got.message, 300)}`);
  if (d.expected.quote) lines.push(`      expected quote: "${d.expected.quote}"`);
  if (d.expected.value) lines.push(`      expected value: ${JSON.stringify(d.expected.value)}, got ${JSON.stringify(d.got.value)}`);
  if (d.notes) lines.push(`      notes: ${clip(d.notes, 500)}`);
  return lines;
}

export function renderSet(report: SetReport, verbose: boolean): string {
  const { set, engine, baseline, check } = report;
  const out: string[] = [];
  out.push(`━━ ${set}: ${engine.contracts} contracts, ${engine.verdicts} verdicts ━━`);
  out.push(row('', 'clausier', 'keyword baseline'));
  out.push(row('accuracy', pct(engine.accuracy), pct(baseline.accuracy)));
  out.push(row('false-ok', String(engine.falseOk.length), String(baseline.falseOk.length)));
  const languages = [...new Set([...Object.keys(engine.byLanguage), ...Object.keys(baseline.byLanguage)])];
  for (const l of languages) out.push(row(`  language ${l}`, pct(engine.byLanguage[l] ?? { hits: 0, total: 0, rate: null }), pct(baseline.byLanguage[l] ?? { hits: 0, total: 0, rate: null })));
  const formats = [...new Set([...Object.keys(engine.byFormat), ...Object.keys(baseline.byFormat)])];
  for (const f of formats) out.push(row(`  format ${f}`, pct(engine.byFormat[f] ?? { hits: 0, total: 0, rate: null }), pct(baseline.byFormat[f] ?? { hits: 0, total: 0, rate: null })));
  out.push(row('values exact', pct(engine.values), pct(baseline.values)));
  out.push(row('evidence has the quote', pct(engine.evidence), pct(baseline.evidence)));
  out.push(row('expected reasons given', pct(engine.reasons), pct(baseline.reasons)));
  if (engine.errors.length > 0) out.push(row('files not audited', String(engine.errors.length), ''));
  out.push('');
  out.push(`per rule (left: clausier │ right: keyword baseline)`);
  for (const [rule, score] of Object.entries(engine.byRule)) {
    const base = baseline.byRule[rule];
    out.push(row(`  ${rule}`, pct(score.accuracy), base ? pct(base.accuracy) : '—'));
    if (base) out.push(...matrixLines(score.matrix, base.matrix));
  }
  if (engine.falseOk.length > 0) {
    out.push('', `false-ok (clausier says ok, the reviewer does not):`);
    for (const d of engine.falseOk) out.push(...describeDisagreement(d, verbose));
  }
  // Unreadable files are listed once below, not once per rule.
  const unread = new Set(engine.errors.map((e) => e.file));
  const wrongValues = engine.values.checks.filter((c) => !c.exact && !unread.has(c.file));
  if (wrongValues.length > 0) {
    out.push('', 'values not extracted exactly:');
    for (const c of wrongValues) out.push(`  ${c.file}  ${c.rule}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.got)}`);
  }
  if (verbose) {
    const others = engine.disagreements.filter((d) => d.got.status !== 'ok' && !unread.has(d.file));
    if (others.length > 0) {
      out.push('', 'other disagreements:');
      for (const d of others) out.push(...describeDisagreement(d, true));
    }
    const missedQuotes = engine.evidence.checks.filter((c) => !c.found && !unread.has(c.file));
    if (missedQuotes.length > 0) {
      out.push('', 'evidence without the expected quote:');
      for (const c of missedQuotes) out.push(`  ${c.file}  ${c.rule}: "${c.quote}"`);
    }
  }
  if (engine.errors.length > 0) {
    out.push('', 'not audited (every rule counted as error):');
    for (const e of engine.errors) out.push(`  ${e.file}: ${e.code}: ${clip(e.message, verbose ? 600 : 160)}`);
  }
  if (report.problems.length > 0) {
    out.push('', 'corpus problems (fix the fixture):');
    for (const p of report.problems) out.push(`  ${p.file}: ${p.message}`);
  }
  const bar = `accuracy ≥ ${check.thresholds.minAccuracy}, false-ok ≤ ${check.thresholds.maxFalseOk}`;
  out.push('', check.pass ? `PASS ${set} (${bar})` : `FAIL ${set} (${bar}): ${check.failures.join('; ')}`);
  return out.join('\n');
}
