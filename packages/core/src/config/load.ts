import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigSchema, type Config } from './schema.js';
import { ConfigError, describeIssues } from './errors.js';

/** Edge module: finds and reads the configuration file; validation is the schema's. */

/** Looked for in this order in each folder, from the working directory up to the root. */
export const CONFIG_FILE_NAMES = ['clausier.config.json', 'clausier.config.yaml', 'clausier.config.yml', '.clausierrc'] as const;

export interface LoadedConfig {
  /** Absolute path of the file read, or null when none was found. */
  file: string | null;
  config: Config;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The nearest configuration file from `startDir` upward, or null. */
export async function discoverConfigFile(startDir: string): Promise<string | null> {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** JSON for `.json`, YAML for `.yaml`/`.yml`, and for `.clausierrc` whichever it is (JSON is YAML). */
function parseText(file: string, text: string): unknown {
  const name = basename(file);
  try {
    if (name.endsWith('.json')) return JSON.parse(text);
    return parseYaml(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid ${name.endsWith('.json') ? 'JSON' : 'JSON or YAML'}: ${(error as Error).message.split('\n')[0]}`]);
  }
}

/** Validates an already-parsed configuration object; `file` names it in errors. */
export function validateConfig(file: string, value: unknown): Config {
  // An empty file is an empty configuration.
  const parsed = ConfigSchema.safeParse(value ?? {});
  if (!parsed.success) throw new ConfigError(file, describeIssues(ConfigSchema, parsed.error));
  return parsed.data;
}

export async function readConfigFile(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [`cannot read the configuration file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  return validateConfig(file, parseText(file, text));
}

/** `--config FILE` when given, else the nearest file upward from `cwd`, else an empty configuration. */
export async function loadConfig(options: { cwd: string; file?: string }): Promise<LoadedConfig> {
  const file = options.file ? resolve(options.cwd, options.file) : await discoverConfigFile(options.cwd);
  if (!file) return { file: null, config: {} };
  return { file, config: await readConfigFile(file) };
}
