import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/**
 * `region` as a country code the metadata knows ("gb" → "GB"), or undefined. Callers pass
 * settings and page hints here, so anything else (typos, "__proto__") is simply no region.
 */
export function toCountryCode(
  metadata: MetadataJson,
  region: string | undefined,
): CountryCode | undefined {
  if (typeof region !== 'string' || region === '') return undefined;
  const upper = region.toUpperCase();
  return Object.hasOwn(metadata.countries, upper) ? (upper as CountryCode) : undefined;
}
