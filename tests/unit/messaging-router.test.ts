import { describe, expect, it } from 'vitest';
import { createCommandRouter, type CommandHandlers } from '../../lib/messaging/router.ts';
import { classifySender } from '../../lib/messaging/sender.ts';
import { MESSAGE_CHANNEL } from '../../lib/messaging/protocol.ts';

const EXT_ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const popup = { id: EXT_ID, url: `${ORIGIN}popup.html` };
const optionsInTab = { id: EXT_ID, url: `${ORIGIN}options.html`, tab: { id: 3 } };
const contentScript = { id: EXT_ID, url: 'http://127.0.0.1:8091/crm/contacts', tab: { id: 4 } };
const otherExtension = { id: 'zzzzzzzz', url: 'chrome-extension://zzzzzzzz/page.html' };

function handlers(log: string[]): CommandHandlers {
  const ok = (name: string) => () => {
    log.push(name);
  };
  return {
    'session.getState': () => {
      log.push('getState');
      return { marker: 'state' } as never;
    },
    'session.login': ok('login'),
    'session.logout': ok('logout'),
    'session.retry': ok('retry'),
    'agent.setState': ({ operationName }) => {
      log.push(`state:${operationName}`);
    },
    'device.operation': ok('device'),
    'call.dial': ({ phoneNumber }) => {
      if (!phoneNumber)
        throw Object.assign(new Error('Enter a number'), { code: 'invalid-number' });
      log.push(`dial:${phoneNumber}`);
    },
    'call.operation': async () => {
      throw Object.assign(new Error('Invalid state'), { name: 'GwsApiError', statusCode: 2 });
    },
    'diagnostics.export': () => ({ exportedAt: 1, entries: {}, dropped: {} }) as never,
    'history.seen': ok('history.seen'),
    'page.detect': () => [],
    'history.popAgain': () => ({ opened: false }),
    'wrapUp.choose': ok('wrapUp.choose'),
    'wrapUp.done': ok('wrapUp.done'),
    'wrapUp.nextState': ok('wrapUp.nextState'),
    'directory.agents': () => ({ agent: '', status: 'none', agents: [], fetchedAt: 0 }),
    'page.config': () => ({
      enabled: false,
      region: 'US',
      confirmBeforeDial: false,
      numbersShortcut: { alt: true, shift: true, ctrl: false, meta: false, code: 'KeyN' },
    }),
    'page.enrich': () => [],
    'page.dial': ok('page.dial'),
    'page.callOperation': ok('page.callOperation'),
  };
}

const classify = (sender: Parameters<typeof classifySender>[0]) =>
  classifySender(sender, EXT_ID, ORIGIN);
const msg = (command: string, payload?: unknown) => ({
  channel: MESSAGE_CHANNEL,
  command,
  payload,
});

describe('classifySender', () => {
  it('tells extension pages, content scripts and foreign senders apart', () => {
    expect(classify(popup)).toBe('extension-page');
    expect(classify(optionsInTab)).toBe('extension-page');
    expect(classify(contentScript)).toBe('content-script');
    expect(classify(otherExtension)).toBe('foreign');
    expect(classify({ id: EXT_ID })).toBe('foreign');
  });
});

describe('command router', () => {
  it('runs the handler for an extension page and replies with its result', async () => {
    const log: string[] = [];
    const route = createCommandRouter(handlers(log), classify);
    await expect(route(msg('call.dial', { phoneNumber: '+14155550132' }), popup)).resolves.toEqual({
      ok: true,
      value: null,
    });
    await expect(route(msg('session.getState'), optionsInTab)).resolves.toEqual({
      ok: true,
      value: { marker: 'state' },
    });
    expect(log).toEqual(['dial:+14155550132', 'getState']);
  });

  it('refuses privileged commands from content scripts and other extensions, running nothing', async () => {
    const log: string[] = [];
    const route = createCommandRouter(handlers(log), classify);
    for (const sender of [contentScript, otherExtension]) {
      const reply = await route(msg('call.dial', { phoneNumber: '123' }), sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      const state = await route(msg('session.getState'), sender);
      expect(state).toMatchObject({ ok: false, error: { name: 'ForbiddenSender' } });
    }
    expect(log).toEqual([]);
  });

  it('serializes thrown errors, keeping the GWS statusCode and the reason code', async () => {
    const route = createCommandRouter(handlers([]), classify);
    await expect(
      route(msg('call.operation', { callId: 'X', operation: 'Hold' }), popup),
    ).resolves.toEqual({
      ok: false,
      error: { name: 'GwsApiError', message: 'Invalid state', statusCode: 2 },
    });
    await expect(route(msg('call.dial', { phoneNumber: '' }), popup)).resolves.toEqual({
      ok: false,
      error: { name: 'Error', message: 'Enter a number', code: 'invalid-number' },
    });
  });

  it('ignores messages that are not ours and answers unknown commands with an error', async () => {
    const route = createCommandRouter(handlers([]), classify);
    expect(route({ type: 'something-else' }, popup)).toBeUndefined();
    expect(route('text', popup)).toBeUndefined();
    await expect(route(msg('toString'), popup)).resolves.toMatchObject({
      ok: false,
      error: { name: 'UnknownCommand' },
    });
    await expect(route(msg('__proto__'), popup)).resolves.toMatchObject({ ok: false });
  });
});
