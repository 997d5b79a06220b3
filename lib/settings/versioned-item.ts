import browser from 'webextension-polyfill';

/** The part of a `storage` area an item needs (`browser.storage.local` in the extension). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What is written under the item's key. */
export interface StoredItem {
  version: number;
  value: unknown;
}

/** Turns the value stored at version n-1 into the value of version n. */
export type Migration = (old: unknown) => unknown;

export interface VersionedItemOptions<T> {
  key: string;
  /** The value when nothing (usable) is stored; the item's type derives from it. */
  defaults: T;
  /**
   * `migrations[n]` upgrades a version n-1 value to version n. The item's version is the
   * highest n (1 with none). Version 0 is a bare value stored without the envelope.
   */
  migrations?: Readonly<Record<number, Migration>>;
  /**
   * Turns a migrated value into a valid one; parts that do not fit take their default.
   * Default: `mergeWithDefaults`.
   */
  normalize?: (value: unknown, defaults: T) => T;
  area?: () => StorageAreaLike;
}

export interface DecodedItem<T> {
  value: T;
  /** Version found in storage (0: bare value; undefined: nothing stored). */
  storedVersion?: number;
  /** Migrations ran: worth writing the result back. */
  migrated: boolean;
}

export interface VersionedItem<T> {
  readonly key: string;
  readonly version: number;
  /** A fresh copy of the defaults. */
  defaults(): T;
  /** Pure: whatever is stored → the current value. Never throws. */
  decode(raw: unknown): DecodedItem<T>;
  encode(value: T): StoredItem;
  /** Reads the item (migrated; an upgraded item is written back). */
  get(): Promise<T>;
  /** Writes the value after normalizing it; returns what was written. */
  set(value: T): Promise<T>;
  /** Read-modify-write. */
  update(change: (current: T) => T): Promise<T>;
  /** Calls `onChange` whenever the stored item changes (any context). Returns stop. */
  watch(onChange: (value: T) => void): () => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEnvelope(raw: unknown): raw is StoredItem {
  return (
    isRecord(raw) &&
    typeof raw.version === 'number' &&
    Number.isInteger(raw.version) &&
    raw.version >= 0 &&
    Object.hasOwn(raw, 'value')
  );
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Keeps each stored field whose kind matches the default's (objects merged recursively,
 * arrays taken whole); any other field takes its default; unknown fields are dropped.
 */
export function mergeWithDefaults<T>(value: unknown, defaults: T): T {
  if (isRecord(defaults)) {
    if (!isRecord(value)) return clone(defaults);
    const out: Record<string, unknown> = {};
    for (const [key, fallback] of Object.entries(defaults)) {
      out[key] = Object.hasOwn(value, key)
        ? mergeWithDefaults(value[key], fallback)
        : clone(fallback);
    }
    return out as T;
  }
  if (Array.isArray(defaults)) return (Array.isArray(value) ? clone(value) : clone(defaults)) as T;
  if (typeof value === typeof defaults && value !== null && !Number.isNaN(value)) {
    return value as T;
  }
  return clone(defaults);
}

/**
 * A settings item in extension storage, stored as `{ version, value }` with ordered
 * migrations. Reading never fails on old, foreign or broken data: it migrates what it can
 * and falls back to defaults for the rest. An item written by a newer version is read as far
 * as this version understands it and never rewritten by a read.
 */
export function defineVersionedItem<T>(options: VersionedItemOptions<T>): VersionedItem<T> {
  const migrations = options.migrations ?? {};
  const steps = Object.keys(migrations)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const version = Math.max(1, ...steps);
  const normalize = options.normalize ?? mergeWithDefaults;
  const area = options.area ?? (() => browser.storage.local as unknown as StorageAreaLike);
  const defaults = () => clone(options.defaults);

  const decode = (raw: unknown): DecodedItem<T> => {
    if (raw === undefined || raw === null) return { value: defaults(), migrated: false };
    const stored: StoredItem = isEnvelope(raw) ? raw : { version: 0, value: raw };
    let value = stored.value;
    let migrated = false;
    try {
      for (let v = stored.version + 1; v <= version; v++) {
        const step = migrations[v];
        if (step) value = step(value);
        migrated = true;
      }
      return { value: normalize(value, defaults()), storedVersion: stored.version, migrated };
    } catch {
      // A migration that cannot cope with what it found: the defaults are the safe answer.
      return { value: defaults(), storedVersion: stored.version, migrated: true };
    }
  };

  const encode = (value: T): StoredItem => ({ version, value: normalize(value, defaults()) });

  const write = async (value: T): Promise<T> => {
    const stored = encode(value);
    await area().set({ [options.key]: stored });
    return stored.value as T;
  };

  const get = async (): Promise<T> => {
    const raw = (await area().get(options.key))[options.key];
    const decoded = decode(raw);
    if (decoded.migrated) await write(decoded.value);
    return decoded.value;
  };

  return {
    key: options.key,
    version,
    defaults,
    decode,
    encode,
    get,
    set: write,
    update: async (change) => write(change(await get())),
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName !== 'local' || !Object.hasOwn(changes, options.key)) return;
        onChange(decode(changes[options.key]?.newValue).value);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
