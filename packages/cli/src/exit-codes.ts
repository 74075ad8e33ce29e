/** The CLI's exit codes (docs/cli.md). */
export const EXIT = {
  /** Nothing at or above the --fail-on threshold. */
  OK: 0,
  /** At least one finding at or above the threshold (or a stale baseline entry with --fail-on-stale). */
  FINDINGS: 1,
  /** Usage or configuration error, or at least one file could not be audited. */
  USAGE_OR_UNREADABLE: 2,
  /** Interrupted (Ctrl-C): 128 + SIGINT. */
  INTERRUPTED: 130,
} as const;

/** A mistake in how clausier was called: reported on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
