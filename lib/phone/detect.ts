/**
 * Default phone-number detector for the content script, on libphonenumber-js's "min" metadata.
 *
 * Why "min" (libphonenumber-js 1.13.16, measured with vite 8 minify + gzip -9):
 *   metadata as bundled      min 118.6 KB (20.6 KB gz)   max 206.8 KB (41.7 KB gz)
 *   whole detector bundle    min 181.3 KB (37.4 KB gz)   max 269.5 KB (58.7 KB gz)
 *   tests/fixtures/phone/detect-corpus.json (664 texts, 431 numbers): identical results,
 *     precision 1.000 / recall 1.000 with either set (the context and shape rules, not the
 *     metadata, reject the look-alikes there).
 *   all 245 countries' example numbers, national + international form: 477/490 found with
 *     either set (the 13 misses are national forms of ≤6-digit plans such as Tokelau's, below
 *     the 7-digit floor; their international forms are found).
 *   48 000 random 7–12 digit strings in neutral text ("Customer called from N yesterday."),
 *     16 regions: reported as numbers by min 12.2%, by max 5.4%.
 * "max" halves false positives only on unlabelled random digit strings, which real pages rarely
 * contain, and costs 21 KB gz more in the script injected into every CRM page, so the default is
 * "min". Callers that need stricter validation build a finder with createPhoneFinder(max).
 */
import metadata from 'libphonenumber-js/min/metadata';
import { createPhoneFinder } from './detect-core.ts';

export type { PhoneMatch } from './types.ts';

/**
 * Finds phone numbers in `text`. National numbers are read in `defaultRegion` (ISO 3166-1
 * alpha-2); without it only international numbers (+, ++, 00) are found. Matches are in order,
 * never overlap, and `text.slice(start, end) === raw`. Never throws.
 */
export const findPhoneNumbers = createPhoneFinder(metadata);
