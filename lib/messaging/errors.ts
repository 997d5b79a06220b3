import type { ErrorCode } from '../errors/error-codes.ts';
import type { SerializedError } from '../errors/serialized-error.ts';

/** The error a view sees when the background refused or failed a command. */
export class CommandError extends Error {
  readonly statusCode?: number;
  readonly code?: ErrorCode;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    if (serialized.statusCode !== undefined) this.statusCode = serialized.statusCode;
    if (serialized.code !== undefined) this.code = serialized.code;
  }
}
