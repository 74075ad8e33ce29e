import type { Language } from '../document/types.js';

/**
 * Reason codes: stable identifiers CI and baselines rely on, each with a short
 * phrase in both languages that messages are built from.
 */
export const REASONS: Record<string, { fr: string; en: string }> = {
  // shared
  'meets-threshold': { fr: 'conforme au seuil', en: 'meets the threshold' },
  'no-clause': { fr: 'aucune clause sur ce sujet', en: 'no clause on this subject' },
  'no-figure': { fr: "aucun chiffre n'est donné", en: 'no figure is given' },
  placeholder: { fr: 'le texte contient un blanc à compléter', en: 'the text holds a blank to fill in' },
  discretionary: { fr: "laissé à l'appréciation du prestataire", en: "left to the supplier's discretion" },
  hedged: { fr: 'simple obligation de moyens (« dans la mesure du possible »)', en: 'only an effort ("where possible")' },
  'unresolved-reference': { fr: 'renvoie à une annexe introuvable dans le document', en: 'refers to a schedule not found in the document' },
  'conflicting-clauses': { fr: 'deux clauses divergent ; la plus protectrice a été retenue', en: 'two clauses disagree; the stronger one was kept' },
  superseded: { fr: 'remplacée par avenant', en: 'replaced by an amendment' },
  'scope-narrowed': { fr: 'périmètre restreint par une exclusion (« à l’exclusion de », « sauf »)', en: 'scope narrowed by an exclusion ("except", "excluding")' },
  // incident-notification
  'delay-over-threshold': { fr: 'délai supérieur au seuil', en: 'delay longer than the threshold' },
  'business-time': { fr: 'délai en heures ou jours ouvrés', en: 'delay counted in business hours or days' },
  'clock-at-confirmation': { fr: "le délai ne court qu'après confirmation ou analyse de l'incident", en: 'the clock starts only once the incident is confirmed or investigated' },
  'personal-data-only': { fr: 'limité aux violations de données personnelles', en: 'limited to personal-data breaches' },
  'major-only': { fr: 'limité aux incidents majeurs ou graves', en: 'limited to major or serious incidents' },
  // log-retention
  'below-minimum': { fr: 'durée inférieure au minimum', en: 'shorter than the minimum' },
  'ceiling-only': { fr: 'durée exprimée comme un maximum, pas un minimum garanti', en: 'a maximum, not a guaranteed minimum' },
  'if-possible': { fr: 'seulement « si techniquement possible »', en: 'only "if technically possible"' },
  'not-available-to-client': { fr: "la mise à disposition des journaux au client n'est pas prévue", en: 'the logs are not made available to the client' },
  // security-contacts
  'promised-later': { fr: 'contact à désigner ultérieurement', en: 'contact to be named later' },
  'no-coordinates': { fr: 'fonction citée sans coordonnées', en: 'role named without phone or e-mail' },
  'generic-support-only': { fr: 'seul un support générique est indiqué', en: 'only a generic support desk is given' },
  'privacy-contact-only': { fr: 'seul le DPO est indiqué, pas un contact sécurité opérationnel', en: 'only the DPO is given, not an operational security contact' },
  // audit-rights
  'certificates-instead': { fr: "l'audit peut être remplacé par des certificats ou rapports du prestataire", en: "the audit can be replaced by the supplier's certificates or reports" },
  'infrequent': { fr: "audit possible moins d'une fois par an", en: 'audits allowed less than once a year' },
  'long-notice': { fr: 'préavis supérieur au seuil', en: 'notice longer than the threshold' },
  'auditor-approval': { fr: "auditeur soumis à l'agrément discrétionnaire du prestataire", en: "auditor subject to the supplier's discretionary approval" },
  'mutual-agreement': { fr: "audit subordonné à un commun accord", en: 'audit subject to mutual agreement' },
  'documentary-only': { fr: 'audit documentaire seulement, sur site exclu', en: 'documentary audit only, on-site excluded' },
  conditional: { fr: 'seulement dans certains cas (condition, option à souscrire)', en: 'only in some cases (a condition or a paid option)' },
  // security-penalties
  'not-security': { fr: 'pénalités prévues seulement pour la disponibilité, les délais ou le support', en: 'penalties only for availability, delivery or support' },
  'no-amount': { fr: 'pénalité sans montant ni formule', en: 'penalty without an amount or formula' },
  'token-cap': { fr: 'plafond dérisoire', en: 'token cap' },
  'discharging': { fr: 'pénalités libératoires ou recours exclusif', en: 'penalties in full discharge or sole remedy' },
};

export function reasonPhrase(code: string, lang: Language): string {
  return REASONS[code]?.[lang] ?? code;
}
