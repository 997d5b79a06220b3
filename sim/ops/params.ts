/**
 * Request parameter checks. Missing or mistyped parameters answer statusCode 1, values of the
 * right type but out of range statusCode 10 (gws-api.md §2.4).
 */
import { GwsError, MISSING, OUT_OF_RANGE } from '../gws-error.ts';
import { normalizeNumber } from '../model/phone-numbers.ts';

type Body = Record<string, unknown>;

export function requireString(body: Body, key: string): string {
  const v = body[key];
  if (v === undefined || v === null || v === '')
    throw new GwsError(MISSING, `Missing required parameter '${key}'`);
  if (typeof v !== 'string') throw new GwsError(MISSING, `Parameter '${key}' must be a string`);
  return v;
}

export function optionalString(body: Body, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new GwsError(MISSING, `Parameter '${key}' must be a string`);
  return v;
}

export function optionalOneOf(
  body: Body,
  key: string,
  allowed: readonly string[],
): string | undefined {
  const v = optionalString(body, key);
  if (v !== undefined && !allowed.includes(v)) {
    throw new GwsError(OUT_OF_RANGE, `Parameter '${key}' must be one of ${allowed.join(', ')}`);
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function optionalUserData(
  body: Body,
  key = 'userData',
): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new GwsError(MISSING, `Parameter '${key}' must be an object`);
  return v;
}

export function requireUserData(body: Body): Record<string, unknown> {
  const v = optionalUserData(body);
  if (!v || Object.keys(v).length === 0)
    throw new GwsError(MISSING, "Missing required parameter 'userData'");
  return v;
}

/** `destination: {phoneNumber}` (a plain string is tolerated), normalized. */
export function requireDestination(body: Body): string {
  const d = body.destination;
  let raw: unknown = d;
  if (isPlainObject(d)) raw = d.phoneNumber;
  else if (d !== undefined && typeof d !== 'string') {
    throw new GwsError(MISSING, "Parameter 'destination' must be an object with 'phoneNumber'");
  }
  if (raw === undefined || raw === null || raw === '') {
    throw new GwsError(MISSING, "Missing required parameter 'destination.phoneNumber'");
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new GwsError(MISSING, "Parameter 'destination.phoneNumber' must be a string");
  }
  const n = normalizeNumber(String(raw));
  if (!/[0-9]/.test(n)) throw new GwsError(OUT_OF_RANGE, `Invalid phone number '${String(raw)}'`);
  return n;
}

export function requireStringArray(body: Body, key: string): string[] {
  const v = body[key];
  if (v === undefined || v === null)
    throw new GwsError(MISSING, `Missing required parameter '${key}'`);
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new GwsError(MISSING, `Parameter '${key}' must be an array of strings`);
  }
  if (v.length === 0) throw new GwsError(MISSING, `Parameter '${key}' must not be empty`);
  return v as string[];
}
