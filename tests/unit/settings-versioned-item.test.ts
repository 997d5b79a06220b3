import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineVersionedItem, mergeWithDefaults } from '@/lib/settings/versioned-item';
import type { StorageAreaLike } from '@/lib/settings/versioned-item';

const DEFAULTS = { name: 'anon', volume: 5, tags: [] as string[], nested: { on: true, level: 1 } };
type Prefs = typeof DEFAULTS;

/** A storage area that counts writes, so "written back" and "left alone" can be told apart. */
function countingArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  let writes = 0;
  const area: StorageAreaLike = {
    get: async (key) => (Object.hasOwn(data, key) ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      writes++;
      Object.assign(data, structuredClone(items));
    },
  };
  return { area, data, writes: () => writes };
}

describe('defineVersionedItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the defaults when nothing is stored, and does not write them', async () => {
    const store = countingArea();
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS, area: () => store.area });
    expect(await item.get()).toEqual(DEFAULTS);
    expect(store.writes()).toBe(0);
  });

  it('stores { version, value } and reads back what it wrote', async () => {
    const store = countingArea();
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS, area: () => store.area });
    const next: Prefs = { name: 'ann', volume: 7, tags: ['a'], nested: { on: false, level: 3 } };
    await item.set(next);
    expect(store.data.prefs).toEqual({ version: 1, value: next });
    expect(await item.get()).toEqual(next);
  });

  it('runs the migrations in order, from a bare (version 0) value, and writes the result back', async () => {
    const steps: number[] = [];
    const store = countingArea({ prefs: { user: 'bob', vol: '9' } });
    const item = defineVersionedItem<Prefs>({
      key: 'prefs',
      defaults: DEFAULTS,
      area: () => store.area,
      migrations: {
        // Declared out of order on purpose: the version number decides the order.
        3: (old) => {
          steps.push(3);
          return { ...(old as object), tags: ['migrated'] };
        },
        1: (old) => {
          steps.push(1);
          const { user, ...rest } = old as { user: string };
          return { ...rest, name: user };
        },
        2: (old) => {
          steps.push(2);
          const { vol, ...rest } = old as { vol: string };
          return { ...rest, volume: Number(vol) };
        },
      },
    });
    expect(item.version).toBe(3);
    const value = await item.get();
    expect(steps).toEqual([1, 2, 3]);
    expect(value).toEqual({ ...DEFAULTS, name: 'bob', volume: 9, tags: ['migrated'] });
    expect(store.data.prefs).toEqual({ version: 3, value });
  });

  it('starts the migrations after the stored version', () => {
    const ran: number[] = [];
    const item = defineVersionedItem<Prefs>({
      key: 'prefs',
      defaults: DEFAULTS,
      migrations: { 1: () => ran.push(1), 2: (old) => (ran.push(2), old) },
    });
    const decoded = item.decode({ version: 1, value: { name: 'kept' } });
    expect(ran).toEqual([2]);
    expect(decoded).toMatchObject({ storedVersion: 1, migrated: true });
    expect(decoded.value.name).toBe('kept');
  });

  it('a migration that throws leaves the defaults, never a half-migrated value', () => {
    const item = defineVersionedItem<Prefs>({
      key: 'prefs',
      defaults: DEFAULTS,
      migrations: {
        1: () => {
          throw new Error('cannot read this');
        },
      },
    });
    expect(item.decode({ name: 'x' }).value).toEqual(DEFAULTS);
  });

  it('reads an item a newer version wrote as far as it can, and a read never rewrites it', async () => {
    const newer = { version: 9, value: { name: 'future', volume: 2, colour: 'teal' } };
    const store = countingArea({ prefs: newer });
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS, area: () => store.area });
    expect(await item.get()).toEqual({ ...DEFAULTS, name: 'future', volume: 2 });
    expect(store.writes()).toBe(0);
    expect(store.data.prefs).toEqual(newer);
  });

  it('a field of the wrong kind takes its default; unknown fields are dropped', () => {
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS });
    const { value } = item.decode({
      version: 1,
      value: { name: 42, volume: Number.NaN, tags: 'a,b', nested: { on: 'yes', level: 4 }, x: 1 },
    });
    expect(value).toEqual({ ...DEFAULTS, nested: { on: true, level: 4 } });
  });

  it('hands out copies: changing a read value or the defaults changes nothing stored', async () => {
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS });
    const first = await item.get();
    first.tags.push('mutated');
    item.defaults().nested.level = 99;
    expect(await item.get()).toEqual(DEFAULTS);
  });

  it('update() is read-modify-write on browser.storage.local', async () => {
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS });
    await item.update((p) => ({ ...p, volume: p.volume + 1 }));
    await item.update((p) => ({ ...p, volume: p.volume + 1 }));
    const raw = (await fakeBrowser.storage.local.get('prefs')).prefs;
    expect(raw).toEqual({ version: 1, value: { ...DEFAULTS, volume: 7 } });
  });

  it('watch() reports changes of its own key, decoded', async () => {
    const item = defineVersionedItem({ key: 'prefs', defaults: DEFAULTS });
    const seen: Prefs[] = [];
    const stop = item.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ other: 1 });
    await item.set({ ...DEFAULTS, name: 'watched' });
    await fakeBrowser.storage.local.set({ prefs: { version: 1, value: { volume: 'loud' } } });
    stop();
    await item.set({ ...DEFAULTS, name: 'after stop' });
    expect(seen.map((p) => [p.name, p.volume])).toEqual([
      ['watched', 5],
      ['anon', 5],
    ]);
  });

  it('decodes anything at all without throwing, into the shape of the defaults', () => {
    const item = defineVersionedItem<Prefs>({
      key: 'prefs',
      defaults: DEFAULTS,
      migrations: { 1: (old) => old, 2: (old) => old },
    });
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.integer({ min: -1, max: 4 }), (v, wrap, ver) => {
        const raw = wrap ? { version: ver, value: v } : v;
        const { value } = item.decode(raw);
        expect(typeof value.name).toBe('string');
        expect(typeof value.volume).toBe('number');
        expect(Array.isArray(value.tags)).toBe(true);
        expect(typeof value.nested.on).toBe('boolean');
        expect(Object.keys(value).sort()).toEqual(Object.keys(DEFAULTS).sort());
      }),
    );
  });
});

describe('mergeWithDefaults', () => {
  it('keeps arrays whole and scalars of the right type', () => {
    expect(mergeWithDefaults({ a: [1, 'x'], b: 'y' }, { a: [] as unknown[], b: 'z' })).toEqual({
      a: [1, 'x'],
      b: 'y',
    });
    expect(mergeWithDefaults(null, { a: 1 })).toEqual({ a: 1 });
    expect(mergeWithDefaults('text', 3)).toBe(3);
  });
});
