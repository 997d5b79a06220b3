/**
 * `GET /api/v2/users` on the wire: the user list the transfer directory reads (gws-api.md §6.6,
 * not in the contract table [INF]). Strict mode sends only the documented user, device and
 * userState members; the generous mode adds the device's `uri`; the list follows the switch's
 * agent model (DN, device id, agent state); an agent the deployment refuses gets statusCode 5.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';
import { DEVICE, extra, USER, USER_STATE } from '../support/documented-members.ts';

let strict: StartedSim;
let generous: StartedSim;
beforeAll(async () => {
  strict = await startSim();
  generous = await startSim({ strict: false });
});
afterAll(async () => {
  await strict.close();
  await generous.close();
});

async function signedIn(s: StartedSim, userName: string): Promise<SimAgent> {
  const a = new SimAgent(s.baseUrl, userName);
  const login = await a.login();
  if (login.status !== 200) throw new Error(`login ${userName}: ${login.text}`);
  return a;
}

describe('GET /api/v2/users', () => {
  it('strict: every user, device and userState carries only documented members', async () => {
    const agent2 = await readyAgent(strict.baseUrl, 'agent2');
    try {
      await agent2.op('/api/v2/me/channels/voice', 'OutToLunch');
      await agent2.nextDevice();
      const reader = await signedIn(strict, 'agent1');
      const answer = await reader.get('/api/v2/users?fields=*&subresources=devices');
      expect(answer.status).toBe(200);
      expect(answer.body.statusCode).toBe(0);
      const users: Wire[] = answer.body.users;
      expect(users.map((u) => u.userName).sort()).toEqual([
        'agent1',
        'agent2',
        'agent3',
        'supervisor1',
      ]);
      for (const u of users) {
        expect(extra(u, USER)).toEqual([]);
        expect(u.id).toMatch(/^[0-9a-f]{32}$/);
        for (const d of u.devices) {
          expect(extra(d, DEVICE)).toEqual([]);
          if (d.userState) expect(extra(d.userState, USER_STATE)).toEqual([]);
        }
      }
      const ben = users.find((u) => u.userName === 'agent2');
      expect(ben).toMatchObject({ firstName: 'Ben', lastName: 'Okafor' });
      expect(ben.devices[0]).toMatchObject({
        id: agent2.deviceId,
        phoneNumber: '7002',
        deviceState: 'Active',
        userState: { state: 'NotReady', reason: 'Lunch', displayName: 'Out to Lunch' },
      });
      // Not signed in to the switch: the device is there, without a state.
      const chloe = users.find((u) => u.userName === 'agent3');
      expect(chloe.devices[0].deviceState).toBe('Inactive');
      expect(chloe.devices[0]).not.toHaveProperty('userState');
      // Another user's calls and settings are never embedded.
      const all = await reader.get('/api/v2/users?fields=*&subresources=*');
      for (const u of all.body.users as Wire[]) {
        expect(u).not.toHaveProperty('calls');
        expect(u).not.toHaveProperty('settings');
      }
    } finally {
      await agent2.disconnect();
      await strict.control.reset();
    }
  });

  it('answers uris without fields, like every collection', async () => {
    const reader = await signedIn(strict, 'agent1');
    const answer = await reader.get('/api/v2/users');
    expect(answer.body.uris).toHaveLength(4);
    for (const uri of answer.body.uris as string[])
      expect(uri).toMatch(new RegExp(`^${strict.baseUrl}/api/v2/users/[0-9a-f]{32}$`));
  });

  it('generous: devices carry their absolute uri, the form ListenIn takes', async () => {
    const reader = await signedIn(generous, 'supervisor1');
    const answer = await reader.get('/api/v2/users?fields=*&subresources=devices');
    const anna = (answer.body.users as Wire[]).find((u) => u.userName === 'agent1');
    expect(anna.devices[0].uri).toBe(
      `${generous.baseUrl}/api/v2/devices/${anna.devices[0].id as string}`,
    );
  });

  it('refuses an agent where the deployment keeps the list to supervisors', async () => {
    await strict.control.config({ agentsListUsers: false });
    try {
      const agent = await signedIn(strict, 'agent1');
      const refused = await agent.get('/api/v2/users?fields=*');
      expect(refused.status).toBe(403);
      expect(refused.body.statusCode).toBe(5);
      const supervisor = await signedIn(strict, 'supervisor1');
      const allowed = await supervisor.get('/api/v2/users?fields=*');
      expect(allowed.body.users).toHaveLength(4);
    } finally {
      await strict.control.reset();
    }
  });
});
