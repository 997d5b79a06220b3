/** Reading control-API bodies: the checks shared by fault, config and scenario endpoints. */
import { GwsError, MISSING, OUT_OF_RANGE } from '../gws-error.ts';

export type Body = Record<string, unknown>;

export function bool(body: Body, key = 'on'): boolean {
  const v = body[key];
  if (typeof v !== 'boolean') throw new GwsError(MISSING, `Parameter '${key}' must be a boolean`);
  return v;
}

export function optionalMs(body: Body, key: string): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 3_600_000) {
    throw new GwsError(
      OUT_OF_RANGE,
      `Parameter '${key}' must be a number of milliseconds (0..3600000)`,
    );
  }
  return v;
}
