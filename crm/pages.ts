// The CRM's files: public/crm (served as they are) and its HTML pages, which get the header and
// navigation every page shares (kept once in crm/shell/) spliced in.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStaticFile, type StaticFile } from '../http-kit/static-files.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC_ROOT = path.join(HERE, 'public', 'crm');
const SHELL_DIR = path.join(HERE, 'shell');
const SHELL_MARKER = /^( *)<!-- crm-(header|nav) -->\n/gm;

/** public/crm/<segments…>, or null (see http-kit/static-files.ts for what is refused). */
export function readPublicFile(segments: string[]): Promise<StaticFile | null> {
  return readStaticFile(PUBLIC_ROOT, segments);
}

async function withShell(html: string): Promise<string> {
  const parts = {
    header: await readFile(path.join(SHELL_DIR, 'header.html'), 'utf8'),
    nav: await readFile(path.join(SHELL_DIR, 'nav.html'), 'utf8'),
  };
  return html.replace(SHELL_MARKER, (_match, indent: string, name: 'header' | 'nav') =>
    parts[name].replace(/^(?=.)/gm, indent),
  );
}

export async function readPage(name: string): Promise<StaticFile> {
  const page = await readPublicFile(['pages', `${name}.html`]);
  if (!page) throw new Error(`missing CRM page ${name}`);
  return { ...page, body: Buffer.from(await withShell(page.body.toString('utf8'))) };
}
