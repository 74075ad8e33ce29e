import { dirname, isAbsolute, resolve } from 'node:path';
import type { Language } from '../document/types.js';
import type { FormatName } from '../format/types.js';
import type { FailOn } from '../report/summary.js';
import { DEFAULT_PACK_ID } from '../rules/load-pack.js';
import type { CheckKind, RulePack, Thresholds } from '../rules/pack-schema.js';
import { ConfigError } from './errors.js';
import type { Config, RuleOverride } from './schema.js';
import { closest } from './suggest.js';
import { parseDuration, parseSize } from './units.js';

/**
 * The effective settings: command-line flags over the configuration file over
 * defaults. Pure: paths from the file resolve against the file's folder, paths
 * from flags against the working directory.
 */

export interface Limits {
  maxFileSizeBytes: number;
  timeoutMs: number;
  maxPages: number;
}

export interface Settings {
  configFile: string | null;
  pack: string;
  lang: Language | null;
  rules: Record<string, RuleOverride>;
  failOn: FailOn;
  failOnStale: boolean;
  include: string[];
  exclude: string[];
  /** Folder that include/exclude globs are relative to. */
  globBase: string;
  format: FormatName;
  output: string | null;
  csvSeparator: string;
  bom: boolean;
  cache: boolean;
  cacheDir: string;
  jobs: number;
  ocr: boolean;
  baseline: string | null;
  limits: Limits;
}

/** What the command line may set; sizes and durations still as typed. */
export type Flags = Partial<Omit<Config, 'rules' | 'include' | 'exclude' | 'limits' | '$schema'>> & {
  maxFileSize?: string;
  timeout?: string;
};

export const DEFAULT_LIMITS: Limits = {
  maxFileSizeBytes: 50 * 1024 * 1024,
  // OCR of a long scanned contract is the slow case: about 2–5 s a page on one core.
  timeoutMs: 300_000,
  maxPages: 500,
};

/** Lock files Word and LibreOffice leave next to an open document, and tool folders. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/~$*', '**/.~lock.*#'];

export interface ResolveInput {
  cwd: string;
  configFile: string | null;
  config: Config;
  flags: Flags;
  /** Where the content cache lives by default ($XDG_CACHE_HOME/clausier or ~/.cache/clausier). */
  defaultCacheDir: string;
  defaultJobs: number;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.');
}

function flagError(flag: string, message: string): ConfigError {
  return new ConfigError('command line', [`--${flag}: ${message}`]);
}

export function resolveSettings(input: ResolveInput): Settings {
  const { cwd, config, flags, configFile } = input;
  const configDir = configFile ? dirname(configFile) : cwd;
  const fromConfig = (path: string | undefined) => (path === undefined ? undefined : resolve(configDir, path));
  const fromFlag = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  const packFrom = (value: string, base: string) => (looksLikePath(value) && !isAbsolute(value) ? resolve(base, value) : value);

  const maxFileSize = flags.maxFileSize !== undefined ? parseSize(flags.maxFileSize) : undefined;
  if (maxFileSize === null) throw flagError('max-file-size', `expected a size such as 50MB, got "${flags.maxFileSize}"`);
  const timeout = flags.timeout !== undefined ? parseDuration(flags.timeout) : undefined;
  if (timeout === null) throw flagError('timeout', `expected seconds or a duration such as 90s or 2m, got "${flags.timeout}"`);
  if (flags.csvSeparator !== undefined && (flags.csvSeparator.length !== 1 || /["\r\n]/.test(flags.csvSeparator))) {
    throw flagError('csv-separator', `expected one character other than a quote or a line break, got "${flags.csvSeparator}"`);
  }

  const limits = config.limits ?? {};
  return {
    configFile,
    pack: flags.pack !== undefined ? packFrom(flags.pack, cwd) : config.pack !== undefined ? packFrom(config.pack, configDir) : DEFAULT_PACK_ID,
    lang: flags.lang ?? config.lang ?? null,
    rules: config.rules ?? {},
    failOn: (flags.failOn ?? config.failOn ?? 'weak') as FailOn,
    failOnStale: flags.failOnStale ?? config.failOnStale ?? false,
    include: config.include ?? [],
    exclude: [...DEFAULT_EXCLUDES, ...(config.exclude ?? [])],
    globBase: configDir,
    format: flags.format ?? config.format ?? 'pretty',
    output: fromFlag(flags.output) ?? fromConfig(config.output) ?? null,
    csvSeparator: flags.csvSeparator ?? config.csvSeparator ?? ',',
    bom: flags.bom ?? config.bom ?? false,
    cache: flags.cache ?? config.cache ?? true,
    cacheDir: fromFlag(flags.cacheDir) ?? fromConfig(config.cacheDir) ?? input.defaultCacheDir,
    jobs: flags.jobs ?? config.jobs ?? input.defaultJobs,
    ocr: flags.ocr ?? config.ocr ?? true,
    baseline: fromFlag(flags.baseline) ?? fromConfig(config.baseline) ?? null,
    limits: {
      maxFileSizeBytes: maxFileSize ?? (limits.maxFileSize !== undefined ? parseSize(limits.maxFileSize)! : DEFAULT_LIMITS.maxFileSizeBytes),
      timeoutMs: timeout ?? (limits.timeout !== undefined ? parseDuration(limits.timeout)! : DEFAULT_LIMITS.timeoutMs),
      maxPages: limits.maxPages ?? DEFAULT_LIMITS.maxPages,
    },
  };
}

/** Which thresholds each check kind reads (see ThresholdsSchema); others would be ignored silently. */
const THRESHOLDS_READ_BY_CHECK: Record<CheckKind, Array<keyof Thresholds>> = {
  'incident-notification': ['maxHours'],
  'log-retention': ['minMonths'],
  'audit-rights': ['maxNoticeDays', 'maxIntervalMonths'],
  'security-contacts': [],
  'security-penalties': [],
};

/** Rule overrides must name rules of the pack: a typo would silently leave a rule unchanged. */
export function checkRuleOverrides(settings: Settings, pack: RulePack): void {
  const ids = pack.rules.map((rule) => rule.id);
  const problems = Object.keys(settings.rules)
    .filter((id) => !ids.includes(id))
    .map((id) => {
      const suggestion = closest(id, ids);
      return `rules.${id}: no such rule in pack "${pack.id}"${suggestion ? ` — did you mean "${suggestion}"?` : ''} (rules: ${ids.join(', ')})`;
    });
  for (const [id, override] of Object.entries(settings.rules)) {
    const rule = pack.rules.find((candidate) => candidate.id === id);
    if (!rule || !override.thresholds) continue;
    const allowed = new Set([...THRESHOLDS_READ_BY_CHECK[rule.check], ...Object.keys(rule.thresholds)]);
    for (const key of Object.keys(override.thresholds)) {
      if (!allowed.has(key)) {
        problems.push(`rules.${id}.thresholds.${key}: rule "${id}" does not use this threshold (it uses: ${[...allowed].join(', ') || 'none'})`);
      }
    }
  }
  if (problems.length) throw new ConfigError(settings.configFile ?? 'configuration', problems);
}
