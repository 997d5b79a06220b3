/**
 * A synchronous GWS rejection: the request changed nothing and is answered with this
 * statusCode/statusMessage (gws-api.md §2.4, §10).
 */
export class GwsError extends Error {
  readonly statusCode: number;
  /** HTTP status to use instead of the one mapped from statusCode (e.g. 503 for voice down). */
  readonly httpStatus?: number;

  constructor(statusCode: number, statusMessage: string, httpStatus?: number) {
    super(statusMessage);
    this.statusCode = statusCode;
    this.httpStatus = httpStatus;
  }
}

export const MISSING = 1;
export const INVALID_STATE = 2;
export const FORBIDDEN = 3;
export const INTERNAL = 4;
export const NO_PERMISSION = 5;
export const NOT_FOUND = 6;
export const PARTIAL = 7;
export const OUT_OF_RANGE = 10;
export const IN_USE = 19;
export const NOT_AUTHENTICATED = 20;
