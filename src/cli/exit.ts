// Exit codes of the CLI contract (docs/design/CONTENT.md).
/** Content errors, reported with file:line. */
export const EXIT_CONTENT = 1;
/** Usage errors: unknown command or option, bad argument. */
export const EXIT_USAGE = 2;
/** A bug in bulletin (EX_SOFTWARE): never for anything the user supplied. */
export const EXIT_INTERNAL = 70;

/** A usage error found after commander parsed the arguments (e.g. a bad --format value). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
