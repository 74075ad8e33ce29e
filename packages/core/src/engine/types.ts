import type { ContractDocument, Language } from '../document/types.js';
import type { RuleDefinition } from '../rules/pack-schema.js';
import type { FindingValue, Verdict } from '../report/schema.js';
import type { DocumentAnalysis } from './analysis/analyse.js';

/** What a check kind sees: the document, its shared analysis, and the rule's data. */
export interface CheckContext {
  doc: ContractDocument;
  analysis: DocumentAnalysis;
  rule: RuleDefinition;
  /** Language of messages: the contract's (or forced) language. */
  lang: Language;
}

/** A passage behind a verdict, as offsets; quotes, pages and sections are filled in by the engine. */
export interface EvidenceDraft {
  start: number;
  end: number;
  role: 'basis' | 'near-miss' | 'superseded' | 'conflict';
  note?: string;
  /** Offset of the words that matter, so a long passage is quoted around them. */
  focus?: number;
}

export interface CheckOutcome {
  status: Verdict;
  /** Stable reason codes, most important first. */
  reasons: string[];
  /** One sentence in the contract's language. */
  message: string;
  value: FindingValue;
  evidence: EvidenceDraft[];
  /** For missing: what was looked for. */
  searched?: string;
}

/** A check kind: one module under engine/checks/, pure. */
export type Check = (context: CheckContext) => CheckOutcome;
