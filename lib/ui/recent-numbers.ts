import browser from 'webextension-polyfill';

const KEY = 'recentNumbers';
export const MAX_RECENT_NUMBERS = 10;

/** Numbers the agent dialled, newest first, as the text that was dialled (`storage.local`). */
export interface RecentNumbers {
  load(): Promise<string[]>;
  /** Puts `number` first (once), keeps the last MAX_RECENT_NUMBERS, returns the new list. */
  add(number: string): Promise<string[]>;
}

function readList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .slice(0, MAX_RECENT_NUMBERS);
}

export function withRecent(list: readonly string[], number: string): string[] {
  const text = number.trim();
  if (!text) return [...list];
  return [text, ...list.filter((n) => n !== text)].slice(0, MAX_RECENT_NUMBERS);
}

export const storageRecentNumbers: RecentNumbers = {
  async load() {
    return readList((await browser.storage.local.get(KEY))[KEY]);
  },
  async add(number) {
    const next = withRecent(await this.load(), number);
    await browser.storage.local.set({ [KEY]: next });
    return next;
  },
};
