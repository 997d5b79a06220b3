/**
 * Puts lib/phone/matches-entirely.ts (the same function with its compiled patterns kept) in the
 * place of libphonenumber-js's `es6/helpers/matchesEntirely.js`, which builds a new RegExp on
 * every call. One rule, used by the bundler (the extension's build and the tests, through the
 * Vite plugin below) and by Node (the benchmarks, bench/support/library-patterns.ts).
 *
 * Why a module replacement rather than patching node_modules (patch-package): the library stays
 * as npm installs it, nothing is written into node_modules at install time (worktrees and CI
 * caches that share or restore it stay untouched), and the library as shipped can still be
 * loaded beside ours, which is how the detector benchmark measures the gain and how
 * tests/unit/phone-matches-entirely.test.ts compares the two. Only imports made by the library
 * itself are redirected. The replaced module is one small pure function; a library upgrade
 * that moves or changes it fails that test (it checks the library still imports it).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const LIBRARY = '/node_modules/libphonenumber-js/';
/** The library module that is replaced, as the end of its path. */
const LIBRARY_HELPER = `${LIBRARY}es6/helpers/matchesEntirely.js`;

/** The module put in its place. */
export const CACHED_HELPER_URL = new URL('../lib/phone/matches-entirely.ts', import.meta.url);

/** `path` (a file path or a file: URL, any separators) as a plain path with forward slashes. */
function plainPath(path: string): string {
  const file = path.startsWith('file:') ? fileURLToPath(path) : path;
  return file.replaceAll('\\', '/').split('?')[0]!;
}

/**
 * Whether the library module `importer` imports the replaced helper as `resolved` (both file
 * paths or file: URLs). Anyone else importing the helper gets the library's own.
 */
export function isLibraryHelperImport(resolved: string, importer: string): boolean {
  return plainPath(resolved).endsWith(LIBRARY_HELPER) && plainPath(importer).includes(LIBRARY);
}

/** The Vite plugin: resolves the library's own imports of the helper to ours. */
export function libphonenumberPatternCache(): Plugin {
  const replacement = fileURLToPath(CACHED_HELPER_URL);
  return {
    name: 'libphonenumber-pattern-cache',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('matchesEntirely.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && isLibraryHelperImport(resolved.id, importer) ? replacement : null;
    },
  };
}
