/**
 * libphonenumber-js's `isValid()` with its patterns compiled once. The library's own
 * `matchesEntirely` builds a new RegExp from the pattern's source on every call, and validity
 * asks up to eleven patterns per candidate (the country's, then each number type's): 18 % of the
 * detector's profile on a 5,000-row CRM page. The rule is the library's (helpers/isValid.js,
 * getNumberType.js of 1.13.16), only the compiled patterns are kept: a number is valid when the
 * country's national pattern matches it whole and, where the metadata has number types, one of
 * the types does (its possible lengths first). tests/unit/phone-valid-number.test.ts compares
 * both on every example number and on random digits.
 */
import { Metadata, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';

/** The parts of the library's (untyped) metadata classes read here. */
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlan {
  hasTypes(): boolean;
  nationalNumberPattern(): string;
  type(name: string): TypeDefinition | undefined;
}
interface SelectableMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  numberingPlan?: NumberingPlan;
}

/** Fixed line first, then the other types, as getNumberType.js tries them. */
const NUMBER_TYPES = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

/** Compiled whole-string patterns by source. Bounded by the metadata's patterns (~3,000). */
const compiled = new Map<string, RegExp>();

export function matchesEntirely(text: string, pattern: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, re);
  }
  return re.test(text);
}

function isOfType(national: string, type: TypeDefinition | undefined): boolean {
  const pattern = type?.pattern();
  if (!type || !pattern) return false;
  const lengths = type.possibleLengths();
  if (lengths && !lengths.includes(national.length)) return false;
  return matchesEntirely(national, pattern);
}

export type NumberValidator = (parsed: PhoneNumber) => boolean;

/** A validator for numbers parsed with `metadataJson`, equivalent to `parsed.isValid()`. */
export function createValidator(metadataJson: MetadataJson): NumberValidator {
  const metadata = new Metadata(metadataJson) as unknown as SelectableMetadata;
  return (parsed) => {
    metadata.selectNumberingPlan(parsed.country ?? parsed.countryCallingCode);
    const plan = metadata.numberingPlan;
    if (!plan) return false;
    const national = parsed.nationalNumber;
    if (!matchesEntirely(national, plan.nationalNumberPattern())) return false;
    if (!plan.hasTypes()) return true;
    return NUMBER_TYPES.some((name) => isOfType(national, plan.type(name)));
  };
}
