/** Command-line options of `pnpm bench`. */
export interface BenchOptions {
  /** How many contracts to generate. */
  contracts: number;
  /** Where to write the corpus; null = a fresh temp dir. */
  out: string | null;
  /** Keep the generated corpus and caches after the run. */
  keep: boolean;
  /** Print JSON instead of the table. */
  json: boolean;
  /** Exit 1 when a target fails. */
  strict: boolean;
}

const USAGE = 'Usage: pnpm bench [--contracts N] [--out DIR] [--keep] [--json] [--strict]';

export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { contracts: 200, out: null, keep: false, json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue; // pnpm forwards a bare `--`
    if (arg === '--contracts') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`--contracts needs an integer 1–100000. ${USAGE}`);
      options.contracts = n;
    } else if (arg === '--out') {
      const dir = argv[++i];
      if (!dir) throw new Error(`--out needs a directory. ${USAGE}`);
      options.out = dir;
    } else if (arg === '--keep') options.keep = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else throw new Error(`unknown argument "${arg}". ${USAGE}`);
  }
  return options;
}
