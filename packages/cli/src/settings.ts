import { availableParallelism } from 'node:os';
import {
  checkRuleOverrides,
  defaultCacheDir,
  loadConfig,
  loadPack,
  resolveSettings,
  withOverrides,
  type Flags,
  type RulePack,
  type Settings,
} from '@clausier/core';

/**
 * Files read at once by default. On the 2-vCPU reference machine two extraction
 * children were never slower than one on 72 mixed contracts: 1.3–1.5× faster when
 * the machine was busy, ~1.1× when quieter; three did no better than two
 * (docs/cli.md, "Parallelism"). A single-core machine gets 1.
 */
export const DEFAULT_JOBS = Math.min(2, availableParallelism());

export interface LoadedSettings {
  settings: Settings;
  /** The pack with the configuration's per-rule overrides applied. */
  pack: RulePack;
  password?: string;
  quiet: boolean;
}

/** Flags (explicit options only) + configuration file + defaults → effective settings and pack. */
export async function loadSettings(cwd: string, options: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Promise<LoadedSettings> {
  const loaded = await loadConfig({ cwd, file: options.config as string | undefined });
  const flags: Flags = {
    format: options.format as Flags['format'],
    output: options.output as string | undefined,
    failOn: options.failOn as Flags['failOn'],
    failOnStale: options.failOnStale as boolean | undefined,
    baseline: options.baseline as string | undefined,
    csvSeparator: options.csvSeparator as string | undefined,
    bom: options.bom as boolean | undefined,
    lang: options.lang as Flags['lang'],
    pack: options.pack as string | undefined,
    ocr: options.ocr as boolean | undefined,
    jobs: options.jobs as number | undefined,
    cacheDir: options.cacheDir as string | undefined,
    cache: options.cache as boolean | undefined,
    maxFileSize: options.maxFileSize as string | undefined,
    timeout: options.timeout as string | undefined,
  };
  for (const key of Object.keys(flags) as Array<keyof Flags>) if (flags[key] === undefined) delete flags[key];
  const settings = resolveSettings({
    cwd,
    configFile: loaded.file,
    config: loaded.config,
    flags,
    defaultCacheDir: defaultCacheDir(env),
    defaultJobs: DEFAULT_JOBS,
  });
  const basePack = await loadPack(settings.pack);
  checkRuleOverrides(settings, basePack);
  const password = (options.password as string | undefined) ?? (env.CLAUSIER_PDF_PASSWORD || undefined);
  return { settings, pack: withOverrides(basePack, settings.rules), password, quiet: options.quiet === true };
}
