// The context boundaries of eslint.config.js, proved to fire: each case lints a small import
// as if it were a file at the given path (the file need not exist) with the project's own
// configuration, and expects the boundary rule to report it, or not.
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RULE = 'import-x/no-restricted-paths';

const eslint = new ESLint({
  cwd: ROOT,
  // Only the boundary rule runs; type information is not needed for it, and the project
  // service cannot type a file that is not on disk.
  ruleFilter: ({ ruleId }) => ruleId === RULE,
  overrideConfig: tseslint.configs.disableTypeChecked as Linter.Config,
});

/** The boundary messages for `code` linted as the file `file` (relative to the root). */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result?.messages.filter((m) => m.fatal) ?? [];
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const probe = (specifier: string) => `import * as probe from '${specifier}';\nexport { probe };\n`;

const CONTENT = 'Content scripts never hold the GWS session';
const VIEWS = 'Views never hold the GWS session or credentials';
const POLICY = 'Views get the policy without its password';
const BELOW_BACKGROUND = 'lib/background sits on top of the other lib/ folders';
const BELOW_UI = 'lib/ui holds view helpers';
const LIB = 'lib/ is shared by every context';

describe('lint boundaries', () => {
  it.each([
    // What the content script runs never holds the session, credentials or the GWS transport.
    ['lib/overlay/boundary-probe.ts', '../session/gws-session.ts', CONTENT],
    ['lib/overlay/boundary-probe.ts', '../credentials/sealed-secret.ts', CONTENT],
    ['lib/overlay/boundary-probe.ts', '../gws/http.ts', CONTENT],
    ['lib/overlay/boundary-probe.ts', '../gws/rest.ts', CONTENT],
    ['lib/overlay/boundary-probe.ts', '../background/page-sites.ts', CONTENT],
    ['lib/overlay/boundary-probe.ts', '../settings/managed-policy.ts', CONTENT],
    ['components/overlay/BoundaryProbe.tsx', '../../lib/session/gws-session.ts', CONTENT],
    ['components/overlay/BoundaryProbe.tsx', '../../lib/gws/notifications.ts', CONTENT],
    ['entrypoints/crm.content/boundary-probe.ts', '../../lib/background/page-sites.ts', CONTENT],
    // Views ask the background; they never import it, the session or the credentials.
    ['entrypoints/popup/boundary-probe.ts', '@/lib/background/page-sites', VIEWS],
    ['entrypoints/popup/boundary-probe.ts', '@/lib/session/gws-session', VIEWS],
    ['entrypoints/options/boundary-probe.ts', '@/lib/credentials/sealed-secret', VIEWS],
    ['entrypoints/options/boundary-probe.ts', '@/lib/background/settings-startup', VIEWS],
    ['components/options/BoundaryProbe.tsx', '../../lib/background/page-sites.ts', VIEWS],
    ['components/BoundaryProbe.tsx', '../lib/session/session-store.ts', VIEWS],
    // Views get the policy without its password.
    ['entrypoints/options/boundary-probe.ts', '@/lib/settings/managed-policy', POLICY],
    ['components/options/BoundaryProbe.tsx', '../../lib/settings/managed-policy.ts', POLICY],
    // The lower layers of lib/ never reach up.
    ['lib/settings/boundary-probe.ts', '../background/page-sites.ts', BELOW_BACKGROUND],
    ['lib/screen-pop/boundary-probe.ts', '../background/screen-pop.ts', BELOW_BACKGROUND],
    ['lib/settings/boundary-probe.ts', '../ui/format.ts', BELOW_UI],
    ['lib/overlay/boundary-probe.ts', '../ui/format.ts', BELOW_UI],
    ['lib/calls/boundary-probe.ts', '../../components/CallCard.tsx', LIB],
  ])('%s may not import %s', async (file, specifier, message) => {
    const messages = await boundaryMessages(file, probe(specifier));
    expect(messages.some((m) => m.includes(message))).toBe(true);
  });

  it.each([
    ['lib/overlay/boundary-probe.ts', '../messaging/page-messages.ts'],
    ['components/overlay/BoundaryProbe.tsx', '../../lib/overlay/overlay-model.ts'],
    ['entrypoints/popup/boundary-probe.ts', '@/lib/messaging/client'],
    ['entrypoints/options/boundary-probe.ts', '@/lib/settings/policy-view'],
    ['lib/background/boundary-probe.ts', '../settings/managed-policy.ts'],
    ['lib/background/boundary-probe.ts', '../session/gws-session.ts'],
    ['lib/background/boundary-probe.ts', '../ui/format.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await boundaryMessages(file, probe(specifier))).toEqual([]);
  });
});
