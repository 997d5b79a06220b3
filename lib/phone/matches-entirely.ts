/**
 * libphonenumber-js's `helpers/matchesEntirely.js`, with its compiled patterns kept. The
 * library builds `new RegExp('^(?:' + pattern + ')$')` on every call, and it calls this for
 * every validity check, every number-type check and, for a +1 number, for each NANP country's
 * types until one matches: the biggest single cost of the detector on a CRM page. The build
 * puts this module in the library's place (build/libphonenumber-patterns.ts says how and why);
 * the answer is the same, only the RegExp is made once per pattern.
 *
 * The patterns come from the metadata, a finite set (the complete metadata has fewer than
 * 2,000 pattern strings of any kind); the cache is bounded all the same, so no caller can make
 * it grow without end: past the bound the oldest pattern is dropped and compiled again when
 * asked for.
 */

/** Comfortably above the complete metadata's patterns, so a page never evicts one. */
export const MAX_COMPILED_PATTERNS = 4096;

const compiled = new Map<string, RegExp>();

/** Whether the whole of `text` matches the metadata pattern `pattern` (the library's contract). */
export default function matchesEntirely(text: string | undefined, pattern: string): boolean {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`);
    if (compiled.size >= MAX_COMPILED_PATTERNS) compiled.delete(compiled.keys().next().value!);
    compiled.set(pattern, re);
  }
  // The patterns have no global or sticky flag: test() keeps no state between calls.
  return re.test(text || '');
}

/** How many compiled patterns are kept now (for tests and the benchmarks). */
export function compiledPatternCount(): number {
  return compiled.size;
}
