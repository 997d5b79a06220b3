import type { CorpusCase } from './corpus/corpus.ts';

export interface Span {
  start: number;
  end: number;
  e164: string;
}

export type Finder = (c: CorpusCase) => Span[];

export interface Score {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Miss {
  id: string;
  text: string;
  missed: string[];
  extra: string[];
}

/** Where each expected number sits in its text (searched left to right). */
function expectedSpans(c: CorpusCase): Span[] {
  let from = 0;
  return c.expected.map((x) => {
    const start = c.text.indexOf(x.raw, from);
    if (start < 0) throw new Error(`corpus ${c.id}: ${JSON.stringify(x.raw)} not in its text`);
    from = start + x.raw.length;
    return { start, end: from, e164: x.e164 };
  });
}

/** A found number counts when it has an expected number's E.164 and overlaps its position. */
export function score(cases: CorpusCase[], find: Finder, misses?: Miss[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const open = expectedSpans(c).map((span) => ({ span, used: false }));
    const extra: string[] = [];
    for (const got of find(c)) {
      const hit = open.find(
        (x) =>
          !x.used && x.span.e164 === got.e164 && got.start < x.span.end && x.span.start < got.end,
      );
      if (hit) {
        hit.used = true;
        tp++;
      } else {
        fp++;
        extra.push(`${c.text.slice(got.start, got.end)} → ${got.e164}`);
      }
    }
    const missed = open
      .filter((x) => !x.used)
      .map((x) => `${c.text.slice(x.span.start, x.span.end)} (${x.span.e164})`);
    fn += missed.length;
    if (misses && (missed.length || extra.length))
      misses.push({ id: c.id, text: c.text, missed, extra });
  }
  return {
    cases: cases.length,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}
