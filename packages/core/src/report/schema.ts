import { z } from 'zod';

/**
 * The JSON report: the one shape every formatter and CI integration builds on.
 * This zod schema is the single source; docs/report.schema.json is generated
 * from it (`pnpm schemas`) and a test fails when the two drift.
 */

export const VerdictSchema = z.enum(['ok', 'weak', 'missing']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SeveritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = z.infer<typeof SeveritySchema>;

export const EvidenceSchema = z.object({
  /** The passage as it reads in the normalised text. */
  quote: z.string(),
  /** 1-based page, or null for formats without pages. */
  page: z.number().int().positive().nullable(),
  /** Heading of the innermost section holding the passage, e.g. "Article 9.2 – Notification". */
  section: z.string().nullable(),
  /** Half-open offsets into the normalised text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * What this passage is to the verdict: `basis` supports it, `near-miss` was
   * considered and rejected (see `note`), `superseded` was replaced by an amendment
   * or overridden, `conflict` disagrees with the basis.
   */
  role: z.enum(['basis', 'near-miss', 'superseded', 'conflict']).default('basis'),
  /** Why a near-miss did not qualify, or how a conflict was settled. */
  note: z.string().optional(),
  /** Present when the passage came from OCR: mean word confidence 0–100. */
  ocrConfidence: z.number().min(0).max(100).optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ValueSchema = z
  .union([
    z.object({ hours: z.number().nonnegative() }),
    z.object({ months: z.number().nonnegative() }),
    z.object({ days: z.number().nonnegative() }),
  ])
  .nullable();
export type FindingValue = z.infer<typeof ValueSchema>;

export const WaiverSchema = z.object({
  justification: z.string(),
  expires: z.string().nullable(),
  expired: z.boolean(),
});

export const FindingSchema = z.object({
  /** Rule id within its pack, e.g. `incident-notification`. */
  rule: z.string(),
  status: VerdictSchema,
  severity: SeveritySchema,
  /** Stable reason codes, e.g. `delay-over-threshold`, `no-figure`, `clock-at-confirmation`. */
  reasons: z.array(z.string()),
  /** One sentence in the contract's language. */
  message: z.string(),
  /** The extracted figure in the rule's unit: hours for notification, months for logs. */
  value: ValueSchema,
  evidence: z.array(EvidenceSchema),
  /** For weak/missing: what would make the clause ok. */
  remedy: z.string().optional(),
  /** For missing: what was looked for. */
  searched: z.string().optional(),
  /** Set when an accepted exception (baseline) covers this finding. */
  waiver: WaiverSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const FileErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
});

export const FileWarningSchema = z.object({ code: z.string(), message: z.string() });

export const FileReportSchema = z.object({
  path: z.string(),
  format: z.string().nullable(),
  language: z.enum(['fr', 'en']).nullable(),
  pages: z.number().int().nonnegative().nullable(),
  status: z.enum(['audited', 'error']),
  error: FileErrorSchema.optional(),
  /** SHA-256 of the file's bytes, hex; ties baselines and caches to content. */
  sha256: z.string().optional(),
  warnings: z.array(FileWarningSchema).default([]),
  findings: z.array(FindingSchema),
});
export type FileReport = z.infer<typeof FileReportSchema>;

export const SummarySchema = z.object({
  files: z.number().int().nonnegative(),
  audited: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  weak: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  waived: z.number().int().nonnegative().default(0),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ReportSchema = z.object({
  tool: z.object({ name: z.literal('clausier'), version: z.string() }),
  pack: z.object({ id: z.string(), version: z.string() }),
  files: z.array(FileReportSchema),
  summary: SummarySchema,
});
export type Report = z.infer<typeof ReportSchema>;
