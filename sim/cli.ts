/**
 * Command line: `npm run sim -- --port 8090 --agents 3 --scenario busy-hour --participants legacy --hold 30`.
 * Starts the simulator (and the demo CRM on port+1 when crm/server.ts exists), prints the
 * URLs and demo credentials, stops cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_AGENTS, type AgentConfig, type SimOptions } from './config.ts';
import { startSimulator } from './server.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

const USAGE = `Usage: npm run sim -- [options]
  --port <n>              listening port (default 8090; 0 = any free port)
  --host <addr>           bind address (default 127.0.0.1)
  --agents <n>            number of agents besides supervisor1 (default 3)
  --participants <fmt>    objects | legacy (default objects)
  --hold <seconds>        CometD long-poll hold time (default 30)
  --max-interval <s>      CometD client expiry without re-poll (default 15)
  --answer-delay <ms>     external numbers answer after this (default 1500)
  --scenario <name>       run a scenario from sim/scenarios at start
  --scenario-agent <name> agent the scenario is for (default agent1)
  --speed <factor>        scenario speed factor (default 1)
  --public-base-url <url> base for absolute uris (default http://host:port)
  --allowed-origin <o>    grant this origin CORS (repeatable; default none, the extension needs none)
  --strict                send only the members gws-api.md §6 shows
  --voice-channel-messages  also send ChannelStateChangeMessageV2 for voice (v2 channel model)
  --no-csrf               turn CSRF protection off
  --no-crm                do not start the demo CRM
  --quiet                 no simulator log lines
  --help                  this text`;

const FIRST = ['Eva', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nora'];
const LAST = [
  'Novak',
  'Haddad',
  'Osei',
  'Lefebvre',
  'Costa',
  'Tanaka',
  'Mensah',
  'Berg',
  'Rossi',
  'Quinn',
];

/** agent1..agent3 from DEFAULT_AGENTS, more generated, plus supervisor1. */
export function agentsFor(count: number): AgentConfig[] {
  const regular = DEFAULT_AGENTS.filter((a) => !a.roles?.includes('ROLE_SUPERVISOR'));
  const supervisors = DEFAULT_AGENTS.filter((a) => a.roles?.includes('ROLE_SUPERVISOR'));
  const out = regular.slice(0, count);
  for (let i = out.length + 1; i <= count; i++) {
    const dn = String(i <= 8 ? 7000 + i : 7100 + i);
    out.push({
      userName: `agent${i}`,
      password: 'password',
      firstName: FIRST[(i - 4) % FIRST.length] as string,
      lastName: LAST[(i - 4) % LAST.length] as string,
      dn,
      place: `Place_${dn}`,
    });
  }
  return [...out, ...supervisors];
}

function num(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a non-negative number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      agents: { type: 'string' },
      participants: { type: 'string' },
      hold: { type: 'string' },
      'max-interval': { type: 'string' },
      'answer-delay': { type: 'string' },
      scenario: { type: 'string' },
      'scenario-agent': { type: 'string' },
      speed: { type: 'string' },
      'public-base-url': { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      strict: { type: 'boolean' },
      'voice-channel-messages': { type: 'boolean' },
      'no-csrf': { type: 'boolean' },
      'no-crm': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const participants = values.participants ?? 'objects';
  if (participants !== 'objects' && participants !== 'legacy')
    throw new Error('--participants is objects or legacy');
  const host = values.host ?? '127.0.0.1';
  const agents = agentsFor(Math.max(1, Math.min(50, Math.floor(num(values.agents, 'agents', 3)))));
  const options: SimOptions = {
    port: num(values.port, 'port', 8090),
    host,
    agents,
    participantFormat: participants,
    longPollTimeoutMs: num(values.hold, 'hold', 30) * 1000,
    maxIntervalMs: num(values['max-interval'], 'max-interval', 15) * 1000,
    remoteAnswerDelayMs: num(values['answer-delay'], 'answer-delay', 1500),
    csrf: !values['no-csrf'],
    voiceChannelMessages: values['voice-channel-messages'] ?? false,
    strict: values.strict ?? false,
    allowedOrigins: values['allowed-origin'] ?? [],
    publicBaseUrl: values['public-base-url'],
    log: values.quiet ? undefined : (line) => console.log(line),
  };
  const sim = await startSimulator(options);
  let crm: { baseUrl: string; close(): Promise<void> } | undefined;
  const crmFile = join(HERE, '..', 'crm', 'server.ts');
  if (!values['no-crm'] && existsSync(crmFile)) {
    // Imported lazily: the simulator runs without the demo CRM.
    const mod = (await import(pathToFileURL(crmFile).href)) as {
      startCrm?: (o: { port?: number; host?: string }) => Promise<typeof crm>;
    };
    if (typeof mod.startCrm === 'function') crm = await mod.startCrm({ port: sim.port + 1, host });
  }
  const base = sim.baseUrl;
  console.log(`GWS v2 simulator is running
  REST base    ${base}/api/v2
  CometD       ${base}/api/v2/notifications   (long-polling)
  Console      ${base}/sim/
  Control API  ${base}/sim/state   (see sim/README.md)
  Demo CRM     ${crm ? `${crm.baseUrl}/crm/contacts?phone=+442071838750` : '(not started)'}
Demo credentials (Basic auth on GET ${base}/api/v2/me):`);
  for (const a of agents) {
    const role = a.roles?.includes('ROLE_SUPERVISOR') ? '  supervisor' : '';
    console.log(
      `  ${a.userName.padEnd(12)} ${a.password.padEnd(10)} DN ${a.dn}  ${a.firstName} ${a.lastName}${role}`,
    );
  }
  if (values.scenario) {
    const res = await fetch(`${base}/sim/scenarios/${encodeURIComponent(values.scenario)}/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        agent: values['scenario-agent'] ?? 'agent1',
        speed: num(values.speed, 'speed', 1) || 1,
      }),
    });
    const answer = (await res.json()) as { statusCode: number; statusMessage?: string };
    console.log(
      answer.statusCode === 0
        ? `Scenario ${values.scenario} started.`
        : `Scenario ${values.scenario}: ${answer.statusMessage}`,
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    void Promise.allSettled([sim.close(), crm?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  console.error(USAGE);
  process.exit(1);
});
