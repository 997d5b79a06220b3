import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSim, waitFor, type StartedSim } from '../support/sim.ts';
import { launchChromiumWithExtension, type ChromiumExtension } from '../support/extension.ts';
import {
  extensionCommands,
  inboundCallToTransfer,
  dumpLocalStorage,
  readSessionStorage,
  removeSessionStorage,
  sendRuntimeMessage,
} from '../support/extension-commands.ts';
import type { PersistedSession } from '../../lib/session/persistence.ts';
import type { CallsState } from '../../lib/calls/index.ts';

// The built extension in Debian's Chromium against the simulator: the background session
// driven through the same runtime messages the popup sends.
describe('Chromium: background session end to end', () => {
  let sim: StartedSim;
  let ext: ChromiumExtension;
  let page: Page;

  const commands = extensionCommands((message) => page.evaluate(sendRuntimeMessage, message));

  const { command, view, until, callOp, login } = commands;

  beforeAll(async () => {
    sim = await startSim({ longPollTimeoutMs: 10_000, maxIntervalMs: 15_000 });
    ext = await launchChromiumWithExtension();
    page = await ext.openPage('popup.html');
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('signs in and reaches connected', async () => {
    await login(sim.baseUrl, 'agent1');
    const v = await until((s) => s.calls.connection.kind === 'connected', 'connected');
    expect(v.username).toBe('agent1');
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(true);
  });

  it('rejects a wrong password with the GWS reason and stays signed out', async () => {
    await expect(login(sim.baseUrl, 'agent2', 'wrong')).rejects.toThrow(/GwsAuthError/);
    // The failed attempt replaced nothing on the server for agent2.
    expect((await sim.control.agent('agent2')).contactCenterSession).toBe(false);
    await login(sim.baseUrl, 'agent1');
    await until((s) => s.calls.connection.kind === 'connected', 'connected again');
  });

  it('handles an inbound call: ringing → answer → hold → retrieve → transfer → released', async () => {
    await inboundCallToTransfer(commands, sim.control, '7003');
    const ops = (await sim.control.requests('agent1')).map((r) => r.operationName).filter(Boolean);
    expect(ops).toEqual(
      expect.arrayContaining(['Answer', 'Hold', 'Retrieve', 'SingleStepTransfer']),
    );
    expect((await sim.control.agent('agent3')).calls).toHaveLength(1);
  });

  it('resumes after the service worker is stopped mid-call and catches what happened, within 2 s', async () => {
    const { callId } = await sim.control.call({ to: 'agent1', from: '+442079460958' });
    await until((v) => v.calls.calls.some((r) => r.call.id === callId), 'second call rings');
    await callOp(callId, 'Answer');
    await until((v) => v.calls.calls[0]?.call.state === 'Established', 'established');
    // Let the store reach storage.session before the worker is killed.
    await waitFor(
      async () => {
        const saved = (await page.evaluate(readSessionStorage, 'gwsSession')) as
          PersistedSession<CallsState> | undefined;
        return saved?.store?.calls[0]?.call.state === 'Established';
      },
      { message: 'the call to be persisted' },
    );
    await page.close();

    const worker = await ext.workerControl();
    await worker.stop();
    // While the worker is down, the caller hangs up.
    await sim.control.remote(callId, 'hangup');

    page = await ext.openPage('popup.html');
    const woke = Date.now();
    await until(
      (v) => v.calls.connection.kind === 'connected' && v.calls.calls.length === 0,
      'caught up',
      5_000,
    );
    const caughtUpMs = Date.now() - woke;
    console.log(`service worker restart: caught up ${caughtUpMs} ms after the wake-up`);
    expect(caughtUpMs).toBeLessThan(2_000);
    expect((await view()).username).toBe('agent1');
  });

  it('remember me: signs in again after a browser restart, with no password in plain text', async () => {
    await command('session.login', {
      serverUrl: sim.baseUrl,
      username: 'agent1',
      password: 'password',
      remember: true,
    });
    await until((v) => v.calls.connection.kind === 'connected', 'connected');
    // Nothing of it in storage.local, which content scripts can read: the sealed login sits
    // in the extension's IndexedDB beside its key.
    const local = await page.evaluate(dumpLocalStorage);
    expect(local).not.toContain('rememberedLogin');
    expect(local).not.toMatch(/"iv"|"data"|:\s*"password"/);
    const kept = await page.evaluate(rememberedLoginInIndexedDb);
    expect(kept).toMatchObject({ serverUrl: sim.baseUrl, username: 'agent1' });
    expect(JSON.stringify(kept)).not.toMatch(/:\s*"password"/);
    // A browser restart: storage.session is gone, the worker starts afresh.
    await page.evaluate(removeSessionStorage, 'gwsSession');
    await page.close();
    await (await ext.workerControl()).stop();
    page = await ext.openPage('popup.html');
    const v = await until(
      (s) => s.username === 'agent1' && s.calls.connection.kind === 'connected',
      'signed in again from the remembered login',
    );
    expect(v.serverUrl).toBe(sim.baseUrl);
  });

  it('logs out: ends the contact-center session', async () => {
    await command('session.logout');
    const v = await until((s) => s.calls.connection.kind === 'loggedOut', 'logged out');
    expect(v.username).toBeUndefined();
    expect((await sim.control.agent('agent1')).contactCenterSession).toBe(false);
    expect(await page.evaluate(dumpLocalStorage)).not.toContain('rememberedLogin');
  });
});

/** Runs in an extension page: the remembered login record in the extension's IndexedDB. */
async function rememberedLoginInIndexedDb(): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('gws-cti-keys', 1);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const req = db.transaction('keys').objectStore('keys').get('remember-me-login');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}
