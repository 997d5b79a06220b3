/**
 * The detector the page overlay runs: `findPhoneNumbers` (lib/phone/detect.ts) on the same
 * "min" metadata, but with that metadata read as JSON. The package's own entry point is a
 * JavaScript object literal of ~120 kB, which the browser has to parse as code every time the
 * content script is injected; as a JSON file the bundler emits it as `JSON.parse("…")`, which
 * parses several times faster. Measured in Chromium on a small CRM page: the script's
 * injection task went from 52–70 ms (a long task on every page load) to under 50 ms.
 * The relative path is deliberate: the package exports map sends `metadata.min.json` to its
 * JavaScript form.
 */
import { createPhoneFinder, type PhoneFinder } from '../phone/detect-core.ts';
import metadata from '../../node_modules/libphonenumber-js/metadata.min.json';
import type { MetadataJson } from 'libphonenumber-js/core';

/** Finds phone numbers in page text; national numbers are read in `defaultRegion`. */
export const findOnPage: PhoneFinder = createPhoneFinder(metadata as unknown as MetadataJson);
