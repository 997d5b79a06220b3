import { describe, expect, it } from 'vitest';
import { initialCallsState, reduce, type CallsState } from '../../lib/calls/index.ts';
import { PageLivePush, type PagePort } from '../../lib/background/page-live-push.ts';
import { senderVerdict } from '../../lib/background/page-commands.ts';
import type { SiteLists } from '../../lib/background/page-sites.ts';
import { classifySender, type SenderLike } from '../../lib/messaging/sender.ts';
import { PAGE_LIVE_PORT, type PageLivePush as Push } from '../../lib/messaging/page-messages.ts';
import { callEvent, deviceEvent } from '../fixtures/gws/builders.ts';

const T0 = 1_764_000_000_000;
const EXT_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const LISTS: SiteLists = {
  crmSites: ['http://127.0.0.1/*'],
  disabledSites: [],
  region: 'US',
  confirmBeforeDial: false,
  numbersShortcut: 'Alt+Shift+N',
  language: 'browser',
  partyNameKey: '',
};
const crmFrame = {
  id: EXT_ID,
  url: 'http://127.0.0.1:8091/crm',
  tab: { id: 1, url: 'http://127.0.0.1:8091/crm' },
};

/** A port as the browser hands it to onConnect; what the background posts is recorded. */
function port(sender: SenderLike, name = PAGE_LIVE_PORT) {
  const posted: Push[] = [];
  const onMessage: Array<(m: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  let disconnected = false;
  const p: PagePort = {
    name,
    sender,
    postMessage: (m) => void posted.push(m as Push),
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (l) => void onMessage.push(l) },
    onDisconnect: { addListener: (l) => void onDisconnect.push(l) },
  };
  return {
    p,
    posted,
    send: (m: unknown) => onMessage.forEach((l) => l(m)),
    close: () => onDisconnect.forEach((l) => l()),
    disconnected: () => disconnected,
  };
}

function calls(...events: ReturnType<typeof callEvent>[]): CallsState {
  let s = initialCallsState(T0);
  s = reduce(s, { type: 'connection', connection: { kind: 'connected' } }, T0);
  for (const [i, e] of [deviceEvent(), ...events].entries())
    s = reduce(s, { type: 'event', event: e }, T0 + i);
  return s;
}

const caller = (state: string, capabilities: string[]) =>
  callEvent('IN', state, {
    participants: [{ phoneNumber: '+14155550132', digits: '14155550132' }],
    ani: '+14155550132',
    capabilities,
    userData: { Ticket: 'T-1' },
  });
const stranger = (state: string) =>
  callEvent('OTHER', state, {
    participants: [{ phoneNumber: '+442079460958', digits: '442079460958' }],
    ani: '+442079460958',
    capabilities: ['Hangup'],
    userData: { Secret: 'not for this page' },
  });

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(initial: CallsState) {
  let state = initial;
  const push = new PageLivePush({
    calls: () => state,
    isContentScript: (s) => classifySender(s, EXT_ID, ORIGIN) === 'content-script',
    onEnabledSite: async (s) => (senderVerdict(s, LISTS).on ? {} : undefined),
  });
  return {
    push,
    set: (next: CallsState) => {
      state = next;
      push.onChange();
    },
  };
}

describe('live calls pushed to pages', () => {
  it('pushes the watched number’s calls at once and on each change, and nothing else', async () => {
    const t = setup(calls(caller('Ringing', ['Answer']), stranger('Established')));
    const page = port(crmFrame);
    t.push.connect(page.p);
    page.send({ type: 'watch', numbers: ['(415) 555-0132'] });
    await settle();
    expect(page.posted).toHaveLength(1);
    expect(page.posted[0]!.lookups[0]!.calls).toEqual([
      expect.objectContaining({ callId: 'IN', state: 'Ringing', actions: ['Answer'] }),
    ]);
    expect(JSON.stringify(page.posted)).not.toContain('not for this page');

    // A change of another call only: the page hears nothing.
    t.set(calls(caller('Ringing', ['Answer']), stranger('Held')));
    expect(page.posted).toHaveLength(1);
    t.set(calls(caller('Established', ['Hangup', 'Hold']), stranger('Held')));
    expect(page.posted).toHaveLength(2);
    expect(page.posted[1]!.lookups[0]!.calls[0]).toMatchObject({ state: 'Established' });
    t.set(calls(stranger('Held')));
    expect(page.posted[2]!.lookups[0]!.calls).toEqual([]);

    // No number watched: nothing is sent; watching again is answered at once.
    page.send({ type: 'watch', numbers: [] });
    t.set(calls(caller('Ringing', ['Answer'])));
    expect(page.posted).toHaveLength(3);
    page.send({ type: 'watch', numbers: ['+14155550132'] });
    expect(page.posted).toHaveLength(4);
    page.close();
    t.set(calls());
    expect(t.push.size).toBe(0);
    expect(page.posted).toHaveLength(4);
  });

  it('sends nothing to frames outside the enabled CRM sites, nor to anything but a content script', async () => {
    const t = setup(calls(caller('Ringing', ['Answer'])));
    const framed = port({ ...crmFrame, tab: { id: 1, url: 'https://evil.example.net/' } });
    const elsewhere = port({ ...crmFrame, url: 'https://evil.example.net/' });
    const foreign = port({ id: 'another-extension', url: 'http://127.0.0.1:8091/', tab: {} });
    for (const page of [framed, elsewhere, foreign]) {
      t.push.connect(page.p);
      page.send({ type: 'watch', numbers: ['+14155550132'] });
    }
    await settle();
    t.set(calls(caller('Established', ['Hangup'])));
    for (const page of [framed, elsewhere, foreign]) {
      expect(page.posted).toEqual([]);
      expect(page.disconnected()).toBe(true);
    }
    expect(t.push.size).toBe(0);
  });
});
