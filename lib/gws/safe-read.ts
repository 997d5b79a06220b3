/**
 * Defensive readers for untrusted JSON-ish input. Every function here is total: it never
 * throws, whatever it is given (proxies, throwing getters, cycles, prototype tricks).
 * Only own properties are read, so nothing leaks in from a prototype chain.
 */

export type UnknownRecord = { readonly [key: string]: unknown };

/** Collections from the wire are read up to this many items; the rest is ignored. */
export const MAX_ITEMS = 500;
/** Unknown members copied per object (extra bags, userData). */
export const MAX_KEYS = 200;
/** Strings kept in diagnostic copies are cut to this length. */
export const MAX_COPY_STRING = 2_000;

export function isRecord(value: unknown): value is UnknownRecord {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false; // a revoked Proxy throws on Array.isArray
  }
}

export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** An own property's value, or undefined when absent or when reading it throws. */
export function own(obj: unknown, key: string): unknown {
  try {
    if (typeof obj !== 'object' || obj === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(obj, key)) return undefined;
    return (obj as UnknownRecord)[key];
  } catch {
    return undefined;
  }
}

export function hasOwn(obj: unknown, key: string): boolean {
  try {
    return (
      typeof obj === 'object' && obj !== null && Object.prototype.hasOwnProperty.call(obj, key)
    );
  } catch {
    return false;
  }
}

/** Own enumerable string keys, bounded; [] when they cannot be listed. */
export function ownKeys(obj: unknown, max = MAX_KEYS): string[] {
  try {
    if (typeof obj !== 'object' || obj === null) return [];
    const keys = Object.keys(obj);
    return keys.length > max ? keys.slice(0, max) : keys;
  } catch {
    return [];
  }
}

/** A string member; numbers are accepted and turned into strings (ids, codes). */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string member (after trimming), else undefined. */
export function nonEmpty(value: unknown): string | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  return s.trim() === '' ? undefined : s;
}

export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** `On` → true, `Off` → false (any case), anything else undefined. */
export function onOff(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  return undefined;
}

/** A non-negative finite number from a number or a numeric string (`duration`, §6.1). */
export function nonNegativeNumber(value: unknown): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.length <= 32 && value.trim() !== '')
    n = Number(value.trim());
  else return undefined;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Array items (bounded), or [] when the value is not an array or cannot be read. */
export function items(value: unknown, max = MAX_ITEMS): unknown[] {
  if (!isArray(value)) return [];
  const out: unknown[] = [];
  try {
    const n = Math.min(value.length, max);
    for (let i = 0; i < n; i++) {
      try {
        out.push(value[i]);
      } catch {
        out.push(undefined);
      }
    }
  } catch {
    // a length getter that throws: keep what was read
  }
  return out;
}

/** The strings of an array, other items skipped. */
export function strings(value: unknown, max = MAX_ITEMS): string[] {
  return items(value, max).filter((v): v is string => typeof v === 'string');
}

/**
 * A JSON-safe copy: plain objects, arrays, strings, finite numbers, booleans and null only.
 * Cycles and depth beyond the limit become a marker string, failed reads are dropped,
 * and `__proto__` keys are skipped so the copy can never change an object's prototype.
 */
export function jsonCopy(
  value: unknown,
  maxDepth = 12,
  maxString = Infinity,
  ancestors: object[] = [],
): unknown {
  const seen: object[] = [...ancestors];
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null) return null;
    switch (typeof v) {
      case 'string':
        return v.length > maxString ? `${v.slice(0, maxString)}…(${v.length} chars)` : v;
      case 'number':
        return Number.isFinite(v) ? v : null;
      case 'boolean':
        return v;
      case 'object':
        break;
      default:
        return undefined; // functions, symbols, bigint, undefined
    }
    if (seen.includes(v)) return '[cycle]';
    if (depth >= maxDepth) return '[too deep]';
    seen.push(v);
    try {
      if (isArray(v)) {
        return items(v).map((item) => {
          const c = walk(item, depth + 1);
          return c === undefined ? null : c;
        });
      }
      return copyRecord(v, (item) => walk(item, depth + 1));
    } finally {
      seen.pop();
    }
  };
  try {
    return walk(value, 0);
  } catch {
    return '[unreadable]';
  }
}

/** Own members of `obj` not in `known`, JSON-copied; `__proto__` skipped. */
export function extraMembers(obj: unknown, known: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ownKeys(obj)) {
    if (known.has(key) || key === '__proto__') continue;
    const copy = jsonCopy(
      own(obj, key),
      12,
      Infinity,
      typeof obj === 'object' && obj !== null ? [obj] : [],
    );
    if (copy !== undefined) out[key] = copy;
  }
  return out;
}

/** A JSON-copied record (e.g. userData), or undefined when the value is not an object. */
export function recordCopy(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const copy = jsonCopy(value);
  return isRecord(copy) ? (copy as Record<string, unknown>) : {};
}

function copyRecord(obj: object, copy: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ownKeys(obj)) {
    if (key === '__proto__') continue;
    const c = copy(own(obj, key));
    if (c !== undefined) out[key] = c;
  }
  return out;
}

/** Last path segment after `/<collection>/` in a URI or path, URL-decoded when possible. */
export function idAfter(uriOrPath: string | undefined, collection: string): string | undefined {
  if (!uriOrPath) return undefined;
  const marker = `/${collection}/`;
  const at = uriOrPath.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = uriOrPath.slice(at + marker.length).split(/[/?#]/, 1)[0] ?? '';
  if (rest === '') return undefined;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
