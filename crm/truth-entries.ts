// Building blocks for ground-truth entries.
import type { LookAlike, LookAlikeCategory, PhoneFormat, PhoneSample } from './data/types.ts';
import { HANDS_OFF_CONTEXTS, type TruthContext, type TruthEntry } from './truth-types.ts';

type Extra = Partial<Pick<TruthEntry, 'href' | 'contactId' | 'batch' | 'frame' | 'note'>>;

export function phoneEntry(
  sample: PhoneSample,
  context: TruthContext,
  extra: Extra = {},
): TruthEntry {
  const entry: TruthEntry = {
    text: sample.text,
    type: 'phone',
    expect: HANDS_OFF_CONTEXTS.includes(context) ? 'ignore' : 'decorate',
    context,
    e164: sample.e164,
    region: sample.region,
    format: sample.format,
  };
  if (sample.ext) entry.ext = sample.ext;
  if (sample.dn) entry.dn = sample.dn;
  if (sample.hard) entry.hard = true;
  return { ...entry, ...extra };
}

export function lookAlikeEntry(
  item: LookAlike,
  context: TruthContext,
  extra: Extra = {},
): TruthEntry {
  const entry: TruthEntry = {
    text: item.text,
    type: 'look-alike',
    expect: 'ignore',
    context,
    category: item.category,
  };
  if (item.hard) entry.hard = true;
  return { ...entry, ...extra };
}

/** Shorthand for hand-written pages: a phone sample from its parts. */
export function sample(
  text: string,
  e164: string | null,
  region: string,
  format: PhoneFormat,
  more: Partial<PhoneSample> = {},
): PhoneSample {
  return { text, e164, region, format, ...more };
}

export function like(text: string, category: LookAlikeCategory, hard = false): LookAlike {
  return hard ? { text, category, hard } : { text, category };
}

/** tel:/callto: href for a sample, as the pages build it. */
export function telHref(s: PhoneSample, scheme: 'tel' | 'callto' = 'tel'): string {
  return `${scheme}:${s.e164 ?? s.dn ?? ''}${s.ext ? `;ext=${s.ext}` : ''}`;
}
