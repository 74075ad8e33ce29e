import type { Evidence, FindingValue, Finding, FileReport } from '../report/schema.js';
import type { Language } from '../document/types.js';

/** Small human texts shared by the human-readable formats. */

const UNITS: Record<Language, { hours: [string, string]; months: [string, string]; days: [string, string] }> = {
  en: { hours: ['hour', 'hours'], months: ['month', 'months'], days: ['day', 'days'] },
  fr: { hours: ['heure', 'heures'], months: ['mois', 'mois'], days: ['jour', 'jours'] },
};

/** `{ hours: 48 }` → "48 hours"; null → "". */
export function describeValue(value: FindingValue | undefined, lang: Language = 'en'): string {
  if (!value) return '';
  const [unit, amount] = Object.entries(value)[0] as ['hours' | 'months' | 'days', number];
  const [singular, plural] = UNITS[lang][unit];
  return `${amount} ${amount === 1 ? singular : plural}`;
}

/** The bare number of a finding's value (the unit is the rule's: hours, months or days). */
export function valueNumber(value: FindingValue | undefined): number | null {
  if (!value) return null;
  return Object.values(value)[0] ?? null;
}

/** "p. 4, Article 9.2 – Journaux", "Article 9.2", "p. 4" or "". */
export function describeLocation(page: number | null, section: string | null): string {
  return [page !== null ? `p. ${page}` : null, section].filter(Boolean).join(', ');
}

/** The first passage that supports the verdict. */
export function primaryEvidence(finding: Finding): Evidence | undefined {
  return finding.evidence.find((evidence) => evidence.role === 'basis');
}

/** The first passage that was looked at and set aside (near-miss, superseded, conflict), with its note. */
export function consideredEvidence(finding: Finding): Evidence | undefined {
  return finding.evidence.find((evidence) => evidence.role !== 'basis');
}

const ROLE_LABEL: Record<Exclude<Evidence['role'], 'basis'>, string> = {
  'near-miss': 'Considered, not counted',
  superseded: 'Superseded',
  conflict: 'Conflicting passage',
};

/** "Considered, not counted (obligation du client)" — how a set-aside passage is introduced. */
export function consideredLabel(evidence: Evidence): string {
  const label = evidence.role === 'basis' ? 'Passage' : ROLE_LABEL[evidence.role];
  return evidence.note ? `${label} (${evidence.note.replace(/[.\s]+$/, '')})` : label;
}

/** Collapse whitespace and cut long quotes at a word boundary, marking the cut. */
export function shortenQuote(quote: string, max = 300): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()} …`;
}

/** "pdf, fr, 12 pages" — what is known about a file. */
export function describeFile(file: FileReport): string {
  const parts = [file.format, file.language, file.pages !== null ? `${file.pages} page${file.pages === 1 ? '' : 's'}` : null];
  return parts.filter(Boolean).join(', ');
}

export function waiverText(finding: Finding): string {
  if (!finding.waiver) return '';
  const { justification, expires, expired } = finding.waiver;
  const until = expires ? (expired ? ` (expired ${expires})` : ` (until ${expires})`) : '';
  return `${justification}${until}`;
}
