/**
 * Strict mode (the test harness's default): every resource carries only the members
 * gws-api.md §6 shows; the generous mode adds the inferred ones. Checked on the wire, in
 * notifications and in GET answers, for both participant formats.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyAgent, type SimAgent, type Wire } from '../support/sim-agent.ts';
import { startSim, type StartedSim } from '../support/sim.ts';
import {
  CALL,
  CHANNEL,
  DEVICE,
  extra,
  PARTICIPANT,
  USER_STATE,
} from '../support/documented-members.ts';

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

/** A ringing call from abroad to agent1 in a custom NotReady state; what the agent sees. */
async function observe(s: StartedSim): Promise<{ a: SimAgent; call: Wire; device: Wire }> {
  const a = await readyAgent(s.baseUrl, 'agent1');
  await a.op('/api/v2/me/channels/voice', 'OutToLunch');
  const device = (await a.nextDevice()).devices[0];
  const { callId } = await s.control.call({ to: 'agent1', from: '+442071838750' });
  const call = (await a.nextCall({ state: 'Ringing', callId })).call;
  return { a, call, device };
}

describe('strict mode', () => {
  it('sends only documented members in call and device notifications and GET answers', async () => {
    const { a, call, device } = await observe(strict);
    try {
      expect(extra(call, CALL)).toEqual([]);
      for (const p of call.participants) expect(extra(p, PARTICIPANT)).toEqual([]);
      expect(extra(device, DEVICE)).toEqual([]);
      expect(extra(device.userState, USER_STATE)).toEqual([]);
      expect(device.userState.reason).toBe('Lunch');
      const me = (await a.get('/api/v2/me?subresources=*')).body.user;
      for (const c of me.calls) expect(extra(c, CALL)).toEqual([]);
      for (const d of me.devices) expect(extra(d, DEVICE)).toEqual([]);
      for (const ch of me.channels) {
        expect(extra(ch, CHANNEL)).toEqual([]);
        expect(extra(ch.userState, USER_STATE)).toEqual([]);
      }
    } finally {
      await a.disconnect();
      await strict.control.reset();
    }
  });

  it('legacy participantsInfo carries only the captured members', async () => {
    await strict.control.config({ participantFormat: 'legacy' });
    const { a, call } = await observe(strict);
    try {
      expect(call.participants).toEqual(['+442071838750']);
      for (const p of call.participantsInfo)
        expect(Object.keys(p).sort()).toEqual(['digits', 'e164Number', 'formattedPhoneNumber']);
    } finally {
      await a.disconnect();
      await strict.control.reset();
    }
  });

  it('the generous mode adds the inferred members the strict one leaves out', async () => {
    const { a, call, device } = await observe(generous);
    try {
      expect(call.participants[0].country).toMatchObject({ code: 'GB' });
      expect(device.userState.reasonCode).toBe('1');
      expect(device.uri).toMatch(/\/api\/v2\/devices\//);
      const { a: b, call: strictCall } = await observe(strict);
      await b.disconnect();
      expect(strictCall.participants[0]).not.toHaveProperty('country');
    } finally {
      await a.disconnect();
      await generous.control.reset();
      await strict.control.reset();
    }
  });
});
