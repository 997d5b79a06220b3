/**
 * The benchmarks' side of build/libphonenumber-patterns.ts: Node resolves libphonenumber-js's
 * own imports of its `matchesEntirely` helper to lib/phone/matches-entirely.ts, as the
 * extension's build does, so a benchmark in Node runs the detector the extension ships. Loaded
 * with `node --import` (package.json's bench scripts), before any module is resolved.
 *
 * A module imported with `?as-shipped` in its URL, and everything it imports in turn, gets the
 * library as npm ships it instead: the detector benchmark loads the detector both ways in one
 * process (two module instances) to measure the gain in the same run.
 */
import { registerHooks } from 'node:module';
import { CACHED_HELPER_URL, isLibraryHelperImport } from '../../build/libphonenumber-patterns.ts';

export const AS_SHIPPED = 'as-shipped';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    const parent = context.parentURL;
    if (!parent?.startsWith('file:') || !result.url.startsWith('file:')) return result;
    if (new URL(parent).searchParams.has(AS_SHIPPED)) {
      const url = new URL(result.url);
      url.searchParams.set(AS_SHIPPED, '');
      return { ...result, url: url.href };
    }
    if (isLibraryHelperImport(result.url, parent))
      return { url: CACHED_HELPER_URL.href, shortCircuit: true };
    return result;
  },
});
