/** A problem with what the user asked for: reported in one line, exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** main's EXIT.findings, for the commands main loads lazily (they do not import main). */
export const EXIT_FINDINGS = 1;
