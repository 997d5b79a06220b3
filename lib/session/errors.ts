import type { ErrorCode } from '../errors/error-codes.ts';

/** A request the agent cannot make right now; nothing was sent to GWS. */
export class CommandRejectedError extends Error {
  override name = 'CommandRejectedError';
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
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
