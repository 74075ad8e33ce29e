import type { Io } from '../io.js';
import { loadSettings } from '../settings.js';

/** `clausier config print`: the effective settings after file and flags, as JSON. */
export async function configPrintCommand(options: Record<string, unknown>, io: Io): Promise<number> {
  const { settings, pack, password } = await loadSettings(io.cwd, options, io.env);
  const effective = {
    ...settings,
    pack: { source: settings.pack, id: pack.id, version: pack.version, rules: pack.rules.map((rule) => ({ id: rule.id, severity: rule.severity, thresholds: rule.thresholds })) },
    // Never printed: only whether one will be used.
    password: password ? '(set)' : null,
  };
  io.stdout.write(`${JSON.stringify(effective, null, 2)}\n`);
  if (!options.quiet) io.stderr.write(settings.configFile ? `clausier: configuration from ${settings.configFile}\n` : 'clausier: no configuration file found; defaults and flags only\n');
  return 0;
}
