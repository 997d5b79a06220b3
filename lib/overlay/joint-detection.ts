import type { PhoneMatch } from '../phone/types.ts';

/**
 * Finds numbers in `text`; `node` is the text node it comes from (its record is context), the
 * first one when `text` is several texts joined by line breaks; `group` the texts' group
 * (StoreOptions.groupOf) when they have one. The page's finder answers later (detection runs
 * in the background: detection-client.ts).
 */
export type NumberFinder = (
  text: string,
  node?: Node,
  group?: object,
) => PhoneMatch[] | Promise<PhoneMatch[]>;

/** What a text without numbers is handed (never added to). */
const NO_MATCHES: PhoneMatch[] = [];

/** One text of a joint detection. */
export interface JointPart {
  node: Text;
  text: string;
}

/**
 * Detects texts as one, joined by line breaks (a line break ends any number, label and context
 * rule of the detector, so each text reads as it would alone), and hands each its own numbers,
 * with offsets into its own text. Returns the sum of what `apply` returned when the finder
 * answered at once (else 0); `done` follows the last `apply`, or a failure.
 */
export function detectJointly<P extends JointPart>(
  find: NumberFinder,
  parts: P[],
  apply: (part: P, matches: PhoneMatch[]) => number,
  done: () => void,
  group?: object,
): number {
  const shareOut = (matches: PhoneMatch[]) => {
    let at = 0;
    let applied = 0;
    for (const part of parts) {
      let own: PhoneMatch[] | undefined;
      for (const m of matches)
        if (m.start >= at && m.end <= at + part.text.length)
          (own ??= []).push(at ? { ...m, start: m.start - at, end: m.end - at } : m);
      applied += apply(part, own ?? NO_MATCHES);
      at += part.text.length + 1;
    }
    done();
    return applied;
  };
  const found = find(parts.map((p) => p.text).join('\n'), parts[0]!.node, group);
  if (Array.isArray(found)) return shareOut(found);
  found.then(shareOut, done);
  return 0;
}

/**
 * Texts found during one task, by group (compared by identity): after the task, each group is
 * handed to `detect` once, with the function that settles it.
 */
export class TaskGroups<P> {
  #groups = new Map<object, { parts: P[]; done: () => void }>();
  readonly #detect: (parts: P[], done: () => void, group: object) => void;

  constructor(detect: (parts: P[], done: () => void, group: object) => void) {
    this.#detect = detect;
  }

  /** Adds `part` to group `key`; a new group is counted as awaited by `begin`. */
  add(key: object, part: P, begin: () => () => void): void {
    let group = this.#groups.get(key);
    if (!group) {
      if (this.#groups.size === 0)
        queueMicrotask(() => {
          const groups = this.#groups;
          this.#groups = new Map();
          for (const [group, { parts, done }] of groups) this.#detect(parts, done, group);
        });
      this.#groups.set(key, (group = { parts: [], done: begin() }));
    }
    group.parts.push(part);
  }
}
