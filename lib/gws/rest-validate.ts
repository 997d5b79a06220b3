import { GwsInputError } from './errors.ts';

/**
 * Local argument checks for REST operations: a refused argument throws GwsInputError before
 * anything is sent, so a typo never reaches T-Server as a half-valid request.
 */

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const MAX_DESTINATION_CHARS = 128;
/** DTMF keypad: §4.7 documents 0-9; `*` and `#` are keypad tones T-Server passes on too. */
const DTMF = /^[0-9*#]+$/;

/** A non-empty single-line string (ids, keys, operation names), returned trimmed. */
export function requireText(field: string, value: unknown, operationName?: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    throw new GwsInputError(field, `${field} must not be empty`, opDetails(operationName));
  }
  if (CONTROL_CHARS.test(trimmed)) {
    throw new GwsInputError(
      field,
      `${field} contains control characters`,
      opDetails(operationName),
    );
  }
  return trimmed;
}

/** An id that goes into a URL path: checked, then percent-encoded. */
export function pathId(field: string, value: unknown, operationName?: string): string {
  return encodeURIComponent(requireText(field, value, operationName));
}

/** A number or DN to dial, transfer or conference to: something a dial pad could produce. */
export function requireDestination(field: string, value: unknown, operationName?: string): string {
  const text = requireText(field, value, operationName);
  if (text.length > MAX_DESTINATION_CHARS) {
    throw new GwsInputError(
      field,
      `${field} is longer than ${MAX_DESTINATION_CHARS} characters`,
      opDetails(operationName),
    );
  }
  if (!/[0-9A-Za-z]/.test(text)) {
    throw new GwsInputError(field, `${field} has no digits or letters`, opDetails(operationName));
  }
  return text;
}

export function requireDtmfDigits(value: unknown, operationName?: string): string {
  if (typeof value !== 'string' || !DTMF.test(value)) {
    throw new GwsInputError(
      'digits',
      'DTMF digits must be one or more of 0-9, * and #',
      opDetails(operationName),
    );
  }
  return value;
}

/** Attached data: a plain, non-empty key/value object (gws-api.md §4.6). */
export function requireUserData(value: unknown, operationName?: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GwsInputError('userData', 'userData must be an object', opDetails(operationName));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    throw new GwsInputError('userData', 'userData must not be empty', opDetails(operationName));
  }
  for (const key of keys) requireText('userData key', key, operationName);
  return value as Record<string, unknown>;
}

/** Optional members are sent only when given, so the server applies its own defaults. */
export function optionalMembers(members: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(members)) if (value !== undefined) out[key] = value;
  return out;
}

function opDetails(operationName: string | undefined): { operationName?: string } {
  return operationName === undefined ? {} : { operationName };
}
