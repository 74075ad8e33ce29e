import type { ContractDocument, Language } from '../document/types.js';
import type { Evidence, Finding } from '../report/schema.js';
import type { CheckKind, RulePack } from '../rules/pack-schema.js';
import { analyse, type DocumentAnalysis } from './analysis/analyse.js';
import { auditRights } from './checks/audit-rights.js';
import { incidentNotification } from './checks/incident-notification.js';
import { logRetention } from './checks/log-retention.js';
import { securityContacts } from './checks/security-contacts.js';
import { securityPenalties } from './checks/security-penalties.js';
import type { Check, EvidenceDraft } from './types.js';

/** The closed set of check kinds a pack's rules can use. */
export const CHECKS: Record<CheckKind, Check> = {
  'incident-notification': incidentNotification,
  'log-retention': logRetention,
  'security-contacts': securityContacts,
  'audit-rights': auditRights,
  'security-penalties': securityPenalties,
};

const MAX_QUOTE = 600;

/** Fills in the quote, page and section of a passage from its offsets. */
export function toEvidence(doc: ContractDocument, analysis: DocumentAnalysis, draft: EvidenceDraft): Evidence {
  // A long passage is quoted around its decisive words, with the cuts marked.
  let from = draft.start;
  let to = Math.min(draft.end, draft.start + MAX_QUOTE);
  if (draft.end - draft.start > MAX_QUOTE && draft.focus !== undefined && draft.focus > draft.start + MAX_QUOTE / 2) {
    from = Math.max(draft.start, Math.min(draft.focus - MAX_QUOTE / 2, draft.end - MAX_QUOTE));
    to = Math.min(draft.end, from + MAX_QUOTE);
  }
  const quote =
    (from > draft.start ? '[…] ' : '') + doc.text.slice(from, to).replace(/\s+/g, ' ').trim() + (to < draft.end ? ' […]' : '');
  const page = doc.pages?.find((p) => draft.start >= p.start && draft.start < p.end) ?? null;
  const sentence = analysis.sentences.find((s) => draft.start >= s.start && draft.start < s.end);
  let section: string | null = null;
  if (sentence && sentence.section >= 0) {
    const chain: string[] = [];
    let i: number | null = sentence.section;
    while (i !== null && i >= 0) {
      const s = doc.sections[i]!;
      // A clause opened by its first sentence is named by its number and first words.
      chain.unshift(s.heading.length <= 80 ? s.heading : `${s.heading.slice(0, 60).replace(/\s+\S*$/, '')}…`);
      i = doc.sections[i]!.parent;
    }
    section = chain.join(' › ');
  }
  return {
    quote,
    page: page ? page.number : null,
    section,
    start: draft.start,
    end: draft.end,
    role: draft.role,
    ...(draft.note ? { note: draft.note } : {}),
    ...(page?.ocrConfidence !== undefined ? { ocrConfidence: page.ocrConfidence } : {}),
  };
}

export interface AuditOptions {
  /** Language of the messages; defaults to the document's. */
  language?: Language;
}

/** Runs every rule of the pack over one document. Pure: no I/O. */
export function auditDocument(doc: ContractDocument, pack: RulePack, options: AuditOptions = {}): Finding[] {
  const analysis = analyse(doc);
  const lang = options.language ?? doc.language;
  return pack.rules.map((rule) => {
    const outcome = CHECKS[rule.check]({ doc, analysis, rule, lang });
    const finding: Finding = {
      rule: rule.id,
      status: outcome.status,
      severity: rule.severity,
      reasons: outcome.reasons,
      message: outcome.message,
      value: outcome.value,
      evidence: outcome.evidence.map((e) => toEvidence(doc, analysis, e)),
    };
    if (outcome.status !== 'ok') finding.remedy = rule.remedy[lang];
    if (outcome.searched) finding.searched = outcome.searched;
    return finding;
  });
}
