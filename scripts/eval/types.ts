/**
 * Shapes shared by the evaluation harness (see docs/evaluation.md). The harness
 * compares what an auditor (the clausier engine, or the keyword baseline)
 * concludes with what a careful reviewer wrote in `<name>.expected.yaml`.
 */

export type Verdict = 'ok' | 'weak' | 'missing';
/** What an auditor produced for a rule: a verdict, or `error` when the file could not be audited. */
export type Got = Verdict | 'error';

export const VERDICTS: readonly Verdict[] = ['ok', 'weak', 'missing'];
export const GOTS: readonly Got[] = ['ok', 'weak', 'missing', 'error'];

/** The figure a rule extracts, in its unit (schema.ts `ValueSchema`). */
export type FigureValue = { hours: number } | { months: number } | { days: number };

export interface ExpectedRule {
  status: Verdict;
  /** The figure the reader must extract. */
  value?: FigureValue;
  /** Reason codes that must be among the finding's reasons. */
  reasons?: string[];
  /** Text the basis evidence must contain (evidence pointing at the right clause). */
  quote?: string;
}

export interface LabelledContract {
  /** Set name as given on the command line: dev, heldout, contracts. */
  set: string;
  /** File name without extension, e.g. `a-fr-pacs-saas-1`. */
  name: string;
  /** Absolute path of the contract file. */
  file: string;
  /** Path relative to the repository root, for reports. */
  displayPath: string;
  /** From the file extension: pdf, docx, odt, doc, rtf, txt, md. */
  format: string;
  language: 'fr' | 'en';
  rules: Record<string, ExpectedRule>;
  notes?: string;
}

/** One auditor's conclusion on one rule of one contract. */
export interface RuleOutcome {
  status: Got;
  value: FigureValue | null;
  reasons: string[];
  /** Quotes of the passages the verdict rests on (evidence with role `basis`). */
  basisQuotes: string[];
  message?: string;
}

export interface ContractOutcome {
  /** By rule id. A rule absent here counts as `error`. */
  rules: Record<string, RuleOutcome>;
  /** Set when the file could not be read at all. */
  error?: { code: string; message: string };
}

/** A contract with what one auditor concluded about it. */
export interface AuditedContract {
  contract: LabelledContract;
  outcome: ContractOutcome;
}
