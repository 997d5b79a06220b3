import { getCountries, getCountryCallingCode } from 'libphonenumber-js/core';
// The same metadata the popup formats numbers with (one shared chunk in the build).
import metadata from 'libphonenumber-js/max/metadata';
import { countryName } from '../phone/country-info.ts';

export interface RegionChoice {
  code: string;
  name: string;
  callingCode: string;
}

/** Every region the phone-number metadata knows, named in `locale` and sorted by name. */
export function regionChoices(locale: string): RegionChoice[] {
  const collator = new Intl.Collator(locale);
  return getCountries(metadata)
    .map((code) => ({
      code,
      name: countryName(code, locale),
      callingCode: getCountryCallingCode(code, metadata),
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
