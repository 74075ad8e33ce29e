import { z } from 'zod';

/**
 * clausier-baseline.json: accepted exceptions. Each entry ties one rule's
 * weak/missing verdict to one contract, by content (sha256) and by path
 * (relative to the baseline file, `/` separators), so a renamed contract keeps
 * its exception and an edited one is flagged for review.
 */

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date');

export const BaselineEntrySchema = z
  .object({
    path: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256'),
    rule: z.string().min(1),
    /** The verdict accepted: a later `missing` for an accepted `weak` is a new failure. */
    status: z.enum(['weak', 'missing']),
    /** Why the exception is accepted, and by whom. Must be filled in before the baseline is used. */
    justification: z.string(),
    /** Last day (inclusive) the exception holds; after it the finding fails again. */
    expires: IsoDate.nullable().optional(),
  })
  .strict();
export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;

export const BaselineSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    pack: z.object({ id: z.string(), version: z.string() }).strict(),
    entries: z.array(BaselineEntrySchema),
  })
  .strict();
export type Baseline = z.infer<typeof BaselineSchema>;
