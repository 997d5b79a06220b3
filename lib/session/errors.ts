/** A request the agent cannot make right now; nothing was sent to GWS. */
export class CommandRejectedError extends Error {
  override name = 'CommandRejectedError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export class NotSignedInError extends CommandRejectedError {
  override name = 'NotSignedInError';
  constructor() {
    super('not-signed-in', 'Not signed in to GWS');
  }
}

/** Name and message of anything thrown, for diagnostics and connection reasons. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
