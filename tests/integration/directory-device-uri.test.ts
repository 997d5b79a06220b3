/**
 * Device URIs when GWS's public base URL is not the address the browser signs in through
 * (a proxy, `externalApiUrlV2`, gws-api.md §11). A device carries no `uri` of its own (§6.3;
 * strict mode sends none), so the directory builds an agent's device URI, and a supervisor
 * monitors with it (`targetDeviceUri`, §4.3): built the way GWS builds its own URIs, from the
 * public base it sends on the device (`voiceEnvironmentUri`), it is the URI GWS reports back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SimControl, startSim, type StartedSim } from '../support/sim.ts';
import { agentSession, credentials, type AgentHarness } from '../support/session-harness.ts';
import { Directory } from '../../lib/background/directory.ts';
import { DiagnosticsLog } from '../../lib/diagnostics/diagnostics-log.ts';

/** The base GWS builds its URIs from; the simulator itself listens on 127.0.0.1. */
const PUBLIC = 'https://gws.example.test/cti';

let sim: StartedSim;
/** Where the simulator listens: what the agent signs in to, and its control API. */
let address: string;
let control: SimControl;
let sam: AgentHarness;
let ben: AgentHarness;

beforeAll(async () => {
  sim = await startSim({ publicBaseUrl: PUBLIC });
  address = `http://127.0.0.1:${sim.sim.port}`;
  control = new SimControl(address);
  sam = agentSession(address);
  ben = agentSession(address);
  await sam.session.login(credentials(address, 'supervisor1'));
  await ben.session.login(credentials(address, 'agent2'));
  await sam.until((s) => s.connection.kind === 'connected', 'supervisor1 connected');
  await ben.until((s) => s.connection.kind === 'connected', 'agent2 connected');
});
afterAll(async () => {
  await sam?.close();
  await ben?.close();
  await sim?.close();
});
beforeEach(() => fakeBrowser.reset());

describe('an agent’s device URI behind a public base URL', () => {
  it('is the URI GWS uses for that device, and monitoring with it is reported with it', async () => {
    const directory = new Directory({
      session: () => sam.session,
      diagnostics: () => new DiagnosticsLog(),
    });
    directory.start();
    directory.onChange(sam.session.view);
    const list = await directory.agents('now');
    const truth = await control.agent('agent2');
    const gwsUri = `${PUBLIC}/api/v2/devices/${truth.deviceId as string}`;
    // The simulator sends no device uri in strict mode: the URI is not read, it is built.
    expect(truth.device.uri).toBeUndefined();
    const listed = list.agents.find((a) => a.userName === 'agent2');
    expect(listed?.deviceUri).toBe(gwsUri);

    await sam.session.operate({
      kind: 'device',
      request: { operation: 'ListenIn', params: { targetDeviceUri: listed!.deviceUri! } },
    });
    const monitoring = await sam.until(
      (s) => s.agent.devices[0]?.device.supervisorMonitoringState !== undefined,
      'monitoring set',
    );
    // GWS names the target by its own URI: the one sent.
    expect(monitoring.agent.devices[0]?.device.supervisorMonitoringState).toMatchObject({
      state: 'ListenIn',
      targetDeviceUri: gwsUri,
    });
    await sam.session.operate({
      kind: 'device',
      request: { operation: 'CancelSupervisorMonitoring' },
    });
    await sam.until(
      (s) => s.agent.devices[0]?.device.supervisorMonitoringState === undefined,
      'monitoring cancelled',
    );
  });
});
