import { z } from 'zod';
import { SeveritySchema, VerdictSchema } from '../report/schema.js';

/**
 * The rule-pack schema: rules are data (clausier/<pack>/rules/*.yaml) over a small
 * closed set of check kinds implemented in code (engine/checks/). The YAML holds
 * everything a CISO may want to change without touching code: thresholds,
 * severity, texts, sources, model clauses and the example passages run as tests.
 */

const Bilingual = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

export const CheckKindSchema = z.enum([
  'incident-notification',
  'log-retention',
  'security-contacts',
  'audit-rights',
  'security-penalties',
]);
export type CheckKind = z.infer<typeof CheckKindSchema>;

export const ThresholdsSchema = z
  .object({
    /** incident-notification: longest acceptable delay, in calendar hours. */
    maxHours: z.number().positive().optional(),
    /** log-retention: shortest acceptable retention, in months. */
    minMonths: z.number().positive().optional(),
    /** audit-rights: longest acceptable notice before an audit, in calendar days. */
    maxNoticeDays: z.number().positive().optional(),
    /** audit-rights: longest acceptable interval between audits, in months. */
    maxIntervalMonths: z.number().positive().optional(),
  })
  .strict();
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const RuleExampleSchema = z
  .object({
    lang: z.enum(['fr', 'en']),
    text: z.string().min(1),
    expect: VerdictSchema,
    /** Reason codes that must be among the finding's reasons. */
    reasons: z.array(z.string()).optional(),
    value: z
      .union([z.object({ hours: z.number() }).strict(), z.object({ months: z.number() }).strict()])
      .optional(),
  })
  .strict();
export type RuleExample = z.infer<typeof RuleExampleSchema>;

export const RuleDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Bilingual,
    severity: SeveritySchema,
    check: CheckKindSchema,
    thresholds: ThresholdsSchema.default({}),
    rationale: Bilingual,
    sources: z.array(z.object({ label: z.string(), url: z.string().url().optional() }).strict()).min(1),
    /** Short advice: what makes the clause ok. */
    remedy: Bilingual,
    /** A model clause procurement can propose as is. */
    modelClause: Bilingual,
    examples: z.array(RuleExampleSchema).min(2),
  })
  .strict();
export type RuleDefinition = z.infer<typeof RuleDefinitionSchema>;

export const PackManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    version: z.string(),
    title: Bilingual,
    description: Bilingual.optional(),
    /** Rule ids in report order; each has clausier/<pack>/rules/<id>.yaml. */
    rules: z.array(z.string()).min(1),
  })
  .strict();

export interface RulePack {
  id: string;
  version: string;
  title: { fr: string; en: string };
  rules: RuleDefinition[];
}
