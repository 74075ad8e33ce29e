import { RuleDefinitionSchema, type RulePack } from '@clausier/core';

/**
 * A small hand-written pack for golden tests: fixed texts, so the goldens change
 * only when a formatter changes, never when the real pack's wording is edited.
 */
const rule = (id: string, severity: 'critical' | 'high' | 'medium' | 'low', titleEn: string, titleFr: string, thresholds = {}) =>
  RuleDefinitionSchema.parse({
    id,
    title: { en: titleEn, fr: titleFr },
    severity,
    check: id,
    thresholds,
    rationale: { en: `Why ${id} matters.`, fr: `Pourquoi ${id} compte.` },
    sources: [{ label: 'Sample source', url: 'https://example.org/source' }],
    remedy: { en: `Make ${id} explicit.`, fr: `Rendre ${id} explicite.` },
    modelClause: { en: `The Supplier shall meet ${id}.\nSecond line.`, fr: `Le Titulaire respecte ${id}.\nSeconde ligne.` },
    examples: [
      { lang: 'en', text: 'ok example', expect: 'ok' },
      { lang: 'fr', text: 'exemple manquant', expect: 'missing' },
    ],
  });

export const samplePack: RulePack = {
  id: 'sample-pack',
  version: '0.0.1',
  title: { en: 'Sample pack', fr: 'Pack exemple' },
  rules: [
    rule('incident-notification', 'critical', 'Incident notification within 48 hours', 'Notification des incidents sous 48 heures', { maxHours: 48 }),
    rule('log-retention', 'high', 'Security logs kept at least 6 months', 'Journaux conservés au moins 6 mois', { minMonths: 6 }),
    rule('security-contacts', 'medium', 'Security contacts identified', 'Contacts sécurité identifiés'),
    rule('audit-rights', 'high', 'Client security audit right', "Droit d'audit de sécurité du client", { maxNoticeDays: 30, maxIntervalMonths: 12 }),
    rule('security-penalties', 'low', 'Penalties for security breaches', 'Pénalités sur les manquements de sécurité'),
  ],
};
