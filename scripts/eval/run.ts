/**
 * pnpm eval — scores clausier against the labelled corpus, beside a keyword
 * baseline, and exits non-zero under the thresholds of thresholds.json.
 *
 *   pnpm eval                       dev and heldout, reported separately
 *   pnpm eval --set dev             one set: dev | heldout | contracts | all
 *   pnpm eval --verbose             every disagreement with its evidence
 *   pnpm eval --json                machine-readable result on stdout
 *
 * Exit codes: 0 every reported set passes; 1 a set is under its thresholds;
 * 2 the corpus or the harness has a problem (the numbers cannot be trusted).
 * See docs/evaluation.md.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_BASELINE_THRESHOLDS, keywordBaseline, type BaselineThresholds } from './baseline.js';
import { loadCorpus, SET_FOLDERS } from './corpus.js';
import { auditWithEngine, loadCoreApi, readContract } from './engine.js';
import { renderSet, type SetReport } from './render.js';
import { scoreSet } from './score.js';
import { checkThresholds, DEFAULT_THRESHOLDS, loadThresholds } from './thresholds.js';
import type { AuditedContract, ContractOutcome } from './types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const THRESHOLDS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'thresholds.json');
const DEFAULT_SETS = ['dev', 'heldout'];

const USAGE = `usage: pnpm eval [--set dev|heldout|contracts|all] [--json] [--verbose]`;

function setsFrom(option: string | undefined): string[] {
  if (option === undefined) return DEFAULT_SETS;
  if (option === 'all') return Object.keys(SET_FOLDERS);
  if (!(option in SET_FOLDERS)) throw new Error(`unknown set "${option}". ${USAGE}`);
  return [option];
}

function errorOutcome(error: { code: string; message: string }): ContractOutcome {
  return { rules: {}, error };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      set: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sets = setsFrom(values.set);
  const api = await loadCoreApi();
  const pack = await api.loadPack();
  const ruleIds = pack.rules.map((r) => r.id);
  const thresholdsBySet = await loadThresholds(THRESHOLDS_FILE);

  // The baseline applies the pack's own thresholds, so both sides are held to the same bar.
  const find = (check: string) => pack.rules.find((r) => r.check === check)?.thresholds;
  const baselineThresholds: BaselineThresholds = {
    maxHours: find('incident-notification')?.maxHours ?? DEFAULT_BASELINE_THRESHOLDS.maxHours,
    minMonths: find('log-retention')?.minMonths ?? DEFAULT_BASELINE_THRESHOLDS.minMonths,
    maxNoticeDays: find('audit-rights')?.maxNoticeDays ?? DEFAULT_BASELINE_THRESHOLDS.maxNoticeDays,
  };

  const reports: SetReport[] = [];
  for (const set of sets) {
    const started = Date.now();
    const corpus = await loadCorpus(ROOT, set, ruleIds);
    const engineResults: AuditedContract[] = [];
    const baselineResults: AuditedContract[] = [];
    for (const contract of corpus.contracts) {
      const read = await readContract(api, contract.file);
      if (!read.ok) {
        engineResults.push({ contract, outcome: errorOutcome(read.error) });
        baselineResults.push({ contract, outcome: errorOutcome(read.error) });
        continue;
      }
      engineResults.push({ contract, outcome: auditWithEngine(api, read.doc, pack) });
      const byCheck = keywordBaseline(read.doc.text, undefined, baselineThresholds);
      const rules = Object.fromEntries(pack.rules.filter((r) => byCheck[r.check]).map((r) => [r.id, byCheck[r.check]!]));
      baselineResults.push({ contract, outcome: { rules } });
    }
    const engine = scoreSet(engineResults, ruleIds);
    const baseline = scoreSet(baselineResults, ruleIds);
    const check = checkThresholds(set, engine, thresholdsBySet[set] ?? DEFAULT_THRESHOLDS);
    reports.push({ set, engine, baseline, check, problems: corpus.problems });
    if (!values.json) console.error(`(${set}: ${corpus.contracts.length} contracts in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }

  const hasProblems = reports.some((r) => r.problems.length > 0);
  const pass = reports.every((r) => r.check.pass);
  if (values.json) {
    const result = {
      pack: { id: pack.id, version: pack.version },
      pass: pass && !hasProblems,
      sets: reports.map((r) => ({
        set: r.set,
        pass: r.check.pass,
        failures: r.check.failures,
        thresholds: r.check.thresholds,
        problems: r.problems,
        engine: r.engine,
        baseline: r.baseline,
      })),
    };
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`clausier eval — pack ${pack.id} ${pack.version}\n`);
    console.log(reports.map((r) => renderSet(r, values.verbose ?? false)).join('\n\n'));
  }
  if (hasProblems) return 2;
  return pass ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`eval: ${(error as Error).message ?? String(error)}`);
    process.exitCode = 2;
  },
);
