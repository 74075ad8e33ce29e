import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PackManifestSchema, RuleDefinitionSchema, type RulePack, type Thresholds } from './pack-schema.js';

/** Edge module: reads a rule pack's YAML files. Everything downstream is pure. */

/** `clausier/` at the repository root, from src/rules or dist/rules alike. */
export const BUNDLED_PACKS_DIR = fileURLToPath(new URL('../../../../clausier/', import.meta.url));
export const DEFAULT_PACK_ID = 'rssi-sante';

export class PackError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'PackError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PackError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new PackError(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Loads a pack from a directory holding `pack.yaml` and `rules/<id>.yaml`. */
export async function loadPackFromDir(dir: string): Promise<RulePack> {
  const manifestFile = join(dir, 'pack.yaml');
  const manifest = PackManifestSchema.safeParse(await readYaml(manifestFile));
  if (!manifest.success) throw new PackError(manifestFile, describeIssues(manifest.error));
  const rules = [];
  for (const id of manifest.data.rules) {
    const file = join(dir, 'rules', `${id}.yaml`);
    const rule = RuleDefinitionSchema.safeParse(await readYaml(file));
    if (!rule.success) throw new PackError(file, describeIssues(rule.error));
    if (rule.data.id !== id) throw new PackError(file, `id "${rule.data.id}" does not match the file name "${id}"`);
    rules.push(rule.data);
  }
  return { id: manifest.data.id, version: manifest.data.version, title: manifest.data.title, rules };
}

/** Loads a bundled pack by id (default `rssi-sante`) or a pack directory by path. */
export async function loadPack(idOrDir: string = DEFAULT_PACK_ID): Promise<RulePack> {
  const isPath = idOrDir.includes('/') || idOrDir.includes('\\') || idOrDir.startsWith('.');
  return loadPackFromDir(isPath ? idOrDir : join(BUNDLED_PACKS_DIR, idOrDir));
}

/** Returns a copy of the pack with per-rule threshold and severity overrides applied (from config). */
export function withOverrides(
  pack: RulePack,
  overrides: Record<string, { thresholds?: Thresholds; severity?: RulePack['rules'][number]['severity']; enabled?: boolean }>,
): RulePack {
  return {
    ...pack,
    rules: pack.rules
      .filter((rule) => overrides[rule.id]?.enabled !== false)
      .map((rule) => {
        const o = overrides[rule.id];
        if (!o) return rule;
        return {
          ...rule,
          severity: o.severity ?? rule.severity,
          thresholds: { ...rule.thresholds, ...o.thresholds },
        };
      }),
  };
}
