import { z } from 'zod';
import { SeveritySchema } from '../report/schema.js';
import { ThresholdsSchema } from '../rules/pack-schema.js';
import { FAIL_ON_VALUES } from '../report/summary.js';
import { FORMAT_NAMES } from '../format/types.js';
import { parseDuration, parseSize } from './units.js';

/**
 * clausier.config.json / clausier.config.yaml / .clausierrc. Strict: an unknown
 * key is an error with a suggestion, never silently ignored (a misspelt
 * `failOn` would otherwise weaken the CI gate without anyone noticing).
 * Passwords are deliberately absent: use --password or CLAUSIER_PDF_PASSWORD.
 */

const Size = z.union([z.number(), z.string()]).refine((value) => parseSize(value) !== null, {
  message: 'expected a size such as 52428800, "50MB" or "50MiB"',
});
const Duration = z.union([z.number(), z.string()]).refine((value) => parseDuration(value) !== null, {
  message: 'expected seconds (120) or a duration such as "90s" or "2m"',
});

export const RuleOverrideSchema = z
  .object({
    /** Replace the pack's thresholds (hours, months, days as named). */
    thresholds: ThresholdsSchema.optional(),
    severity: SeveritySchema.optional(),
    /** false: the rule is not run at all. */
    enabled: z.boolean().optional(),
  })
  .strict();

export const LimitsSchema = z
  .object({
    /** Largest file audited, bytes or "50MB"; larger files are reported as `too-large`. */
    maxFileSize: Size.optional(),
    /** Per-file time limit, seconds or "90s"/"2m"; a file over it is reported as `timeout`. */
    timeout: Duration.optional(),
    /** PDFs with more pages are reported as `too-many-pages`. */
    maxPages: z.number().int().positive().optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Bundled pack id (`rssi-sante`) or a pack directory, relative to the config file. */
    pack: z.string().min(1).optional(),
    /** Force the language of the contracts instead of detecting it. */
    lang: z.enum(['fr', 'en']).optional(),
    rules: z.record(z.string(), RuleOverrideSchema).optional(),
    failOn: z.enum(FAIL_ON_VALUES).optional(),
    /** Fail (exit 1) when a baseline entry no longer matches any finding. */
    failOnStale: z.boolean().optional(),
    /** Globs (picomatch) a file found in a folder must match, relative to the config file's folder. */
    include: z.array(z.string().min(1)).optional(),
    /** Globs that exclude files and folders found while walking folders. */
    exclude: z.array(z.string().min(1)).optional(),
    format: z.enum(FORMAT_NAMES).optional(),
    /** Report file, relative to the config file. */
    output: z.string().min(1).optional(),
    csvSeparator: z.string().length(1).optional(),
    bom: z.boolean().optional(),
    cache: z.boolean().optional(),
    cacheDir: z.string().min(1).optional(),
    jobs: z.number().int().min(1).max(64).optional(),
    ocr: z.boolean().optional(),
    /** Accepted exceptions file, relative to the config file. */
    baseline: z.string().min(1).optional(),
    limits: LimitsSchema.optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;
