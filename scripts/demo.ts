// The demo: the GWS simulator, the demo CRM and Chromium with the built extension loaded.
//
//   npm start                       simulator on 8090, CRM on 8091, Chromium (headed if DISPLAY)
//   npm start -- --sim-port 0 --crm-port 0 --once    ephemeral ports, check and exit
//
// Flags (environment variables in brackets):
//   --sim-port N [SIM_PORT]   --crm-port N [CRM_PORT]   --host H [DEMO_HOST] (default 127.0.0.1)
//   --headless / --headed     default: headed when DISPLAY is set
//   --once                    exit after the start-up check (non-zero if it failed)
//   --rebuild                 build the extension even if the build looks current
//   --no-browser              only the two servers
//
// Chromium loads a private copy of the build whose manifest grants the loopback origins the
// simulator and the CRM run on (tests/support/loopback-grant.ts): production builds grant no
// host at install, and the demo should not stop at a permission prompt.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIRS, REPO_ROOT } from '../tests/support/browsers.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../tests/support/extension.ts';

interface Running {
  baseUrl: string;
  close(): Promise<void>;
}
interface SimulatorModule {
  startSimulator(o: {
    port?: number;
    host?: string;
    log?: (line: string) => void;
  }): Promise<Running>;
}
interface CrmModule {
  startCrm(o: { port?: number; host?: string }): Promise<Running>;
}

interface Options {
  simPort: number;
  crmPort: number;
  host: string;
  headless: boolean;
  once: boolean;
  rebuild: boolean;
  browser: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    simPort: Number(process.env.SIM_PORT ?? 8090),
    crmPort: Number(process.env.CRM_PORT ?? 8091),
    host: process.env.DEMO_HOST ?? '127.0.0.1',
    headless: !process.env.DISPLAY,
    once: false,
    rebuild: false,
    browser: true,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sim-port' || arg === '--port') o.simPort = Number(value(++i, arg));
    else if (arg === '--crm-port') o.crmPort = Number(value(++i, arg));
    else if (arg === '--host') o.host = value(++i, arg);
    else if (arg === '--headless') o.headless = true;
    else if (arg === '--headed') o.headless = false;
    else if (arg === '--once') o.once = true;
    else if (arg === '--rebuild') o.rebuild = true;
    else if (arg === '--no-browser') o.browser = false;
    else throw new Error(`unknown argument ${arg} (see the top of scripts/demo.ts)`);
  }
  for (const [name, port] of [
    ['simulator', o.simPort],
    ['CRM', o.crmPort],
  ] as const) {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`bad ${name} port ${port}`);
    }
  }
  return o;
}

const say = (line: string) => console.log(`[demo] ${line}`);

/** Imports a module of the repo by path, failing with a message that names what is missing. */
async function importPart<T>(relative: string, what: string): Promise<T> {
  const file = path.join(REPO_ROOT, relative);
  if (!existsSync(file)) {
    throw new Error(`${what} is missing: ${relative} does not exist in this checkout.`);
  }
  return (await import(pathToFileURL(file).href)) as T;
}

/** Newest modification time under the extension's sources. */
function newestSource(): number {
  const roots = [
    'entrypoints',
    'components',
    'lib',
    'public',
    'assets',
    'wxt.config.ts',
    'package.json',
  ];
  let newest = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const r of roots) visit(path.join(REPO_ROOT, r));
  return newest;
}

async function buildIfNeeded(force: boolean): Promise<void> {
  const manifest = path.join(BUILD_DIRS.chromium, 'manifest.json');
  const stale = force || !existsSync(manifest) || statSync(manifest).mtimeMs < newestSource();
  if (!stale) {
    say(`extension build is current: ${path.relative(REPO_ROOT, BUILD_DIRS.chromium)}`);
    return;
  }
  say('building the extension (wxt build)…');
  const env = {
    ...process.env,
    PATH: [
      path.join(REPO_ROOT, 'node_modules', '.bin'),
      path.dirname(process.execPath),
      process.env.PATH,
    ].join(path.delimiter),
  };
  const code = await new Promise<number>((resolve) => {
    const child = spawn('wxt build', { cwd: REPO_ROOT, env, shell: true, stdio: 'inherit' });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`wxt build failed (exit ${code})`);
}

async function check(ext: ChromiumExtension, crmUrl: string): Promise<boolean> {
  let ok = true;
  const shots = path.join(REPO_ROOT, 'test-results', 'demo');
  mkdirSync(shots, { recursive: true });

  const sw = await ext.serviceWorker();
  say(`service worker up: ${sw.url()} (extension id ${ext.extensionId})`);

  const popup = await ext.openPopup();
  const popupText = await popup
    .locator('#app > *')
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => popup.locator('#app').innerText())
    .catch(() => null);
  if (popupText === null) {
    ok = false;
    say('popup did NOT render');
  } else say(`popup rendered: "${popupText.replace(/\s+/g, ' ').trim().slice(0, 80)}"`);
  const popupShot = path.join(shots, 'popup.png');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.screenshot({ path: popupShot });

  const crm = await ext.context.newPage();
  const response = await crm.goto(crmUrl).catch((e: unknown) => {
    say(`CRM page failed to load: ${String(e)}`);
    return null;
  });
  if (!response?.ok()) {
    ok = false;
    say(`CRM page NOT opened (HTTP ${response?.status() ?? 'no response'})`);
  } else say(`CRM page opened: ${crm.url()} — "${await crm.title()}"`);
  const crmShot = path.join(shots, 'crm.png');
  await crm.screenshot({ path: crmShot, fullPage: false });
  say(`screenshots: ${path.relative(REPO_ROOT, popupShot)}, ${path.relative(REPO_ROOT, crmShot)}`);
  return ok;
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const closers: Array<() => Promise<void>> = [];
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    for (const close of closers.splice(0).reverse()) await close().catch(() => {});
  };
  process.on('SIGINT', () => {
    say('stopping…');
    void shutdown().then(() => process.exit(0));
  });
  process.on('SIGTERM', () => void shutdown().then(() => process.exit(0)));

  try {
    const { startSimulator } = await importPart<SimulatorModule>(
      'sim/index.ts',
      'The GWS simulator (startSimulator)',
    );
    const { startCrm } = await importPart<CrmModule>('crm/server.ts', 'The demo CRM (startCrm)');

    const sim = await startSimulator({ port: o.simPort, host: o.host });
    closers.push(() => sim.close());
    say(`GWS simulator: ${sim.baseUrl}/api/v2 — control console ${sim.baseUrl}/sim/`);
    const crm = await startCrm({ port: o.crmPort, host: o.host });
    closers.push(() => crm.close());
    const crmUrl = `${crm.baseUrl}/crm/contacts`;
    say(`demo CRM: ${crmUrl}`);

    let ok = true;
    if (o.browser) {
      await buildIfNeeded(o.rebuild);
      say(`starting Chromium (${o.headless ? 'headless' : 'headed'})`);
      const ext = await launchChromiumWithExtension({ headless: o.headless });
      closers.push(() => ext.close());
      ok = await check(ext, crmUrl);
      if (!o.headless && !o.once) {
        ext.context.on('close', () => {
          if (stopping) return;
          say('browser closed');
          void shutdown().then(() => process.exit(0));
        });
      }
    }

    if (o.once) {
      say(ok ? 'start-up check passed' : 'start-up check FAILED');
      await shutdown();
      return ok ? 0 : 1;
    }
    say('running; press Ctrl-C to stop');
    await new Promise<never>(() => {});
    return 0;
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    await shutdown();
    return 1;
  }
}

process.exitCode = await main();
