import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freshProfileDir } from './browsers.ts';

/**
 * The loopback origins the simulator and the demo CRM run on. Production builds do not hold
 * them (every agent would carry access to every local web server); a real agent grants the
 * GWS origin at the browser's prompt when signing in.
 */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

interface Manifest {
  manifest_version: number;
  host_permissions?: string[];
  permissions?: string[];
}

/**
 * Makes the manifest of a copy of an unpacked build grant the loopback origins at install:
 * what the agent would grant at the browser's prompt, which automation cannot answer. The
 * code stays the production build's; only the install-time grant differs. MV3 lists hosts
 * under `host_permissions`, Firefox's MV2 under `permissions`.
 */
export async function grantLoopback(extensionDir: string): Promise<void> {
  const file = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  const key = manifest.manifest_version >= 3 ? 'host_permissions' : 'permissions';
  manifest[key] = [...new Set([...(manifest[key] ?? []), ...LOOPBACK_ORIGINS])];
  await writeFile(file, JSON.stringify(manifest, null, 2));
}

/**
 * A private copy of an unpacked build with loopback granted (`remove()` deletes it). Being a
 * copy, a rebuild of `.output/` meanwhile cannot swap the extension's files mid-run either.
 */
export async function withLoopbackGranted(
  buildDir: string,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const copy = await freshProfileDir('gws-cti-extension');
  try {
    await cp(buildDir, copy.dir, { recursive: true });
    await grantLoopback(copy.dir);
    return copy;
  } catch (error) {
    await copy.remove();
    throw error;
  }
}
