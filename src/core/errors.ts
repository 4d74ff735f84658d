/** The operation failed: exit 1. */
export class SvcError extends Error {
  override name = 'SvcError';
}

/** The command line was wrong: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
