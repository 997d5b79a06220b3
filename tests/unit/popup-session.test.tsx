// @vitest-environment happy-dom
import type { SerializedError } from '@/lib/errors/serialized-error';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initialCallsState, type CallsState } from '@/lib/calls';
import { build, later, renderPopup, signedIn, useCatalogue, T0 } from './popup-harness';

const loggedOut = (): CallsState => initialCallsState(T0);

async function fillLogin(user: string, password: string) {
  const userField = await screen.findByLabelText('User name');
  fireEvent.input(userField, { target: { value: user } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
}

describe('popup: session', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('shows the login form when signed out, with the default server', async () => {
    renderPopup(loggedOut());
    expect(await screen.findByRole('form', { name: 'Sign in to Genesys' })).toBeTruthy();
    expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe(
      'http://127.0.0.1:8090',
    );
    expect(screen.getByText('Signed out')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.queryByLabelText('Number to call')).toBeNull();
  });

  it('signs in with what was entered, spinner while in flight; state comes from the push', async () => {
    const popup = renderPopup(loggedOut());
    await fillLogin(' agent1 ', 'password');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember me on this computer' }));
    const release = popup.holdNext('session.login');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]).toEqual({
      command: 'session.login',
      payload: {
        serverUrl: 'http://127.0.0.1:8090',
        username: 'agent1',
        password: 'password',
        remember: true,
      },
    });
    const submit = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(submit.getAttribute('aria-busy')).toBe('true');
    release();
    await waitFor(() => expect(submit.disabled).toBe(false));
    // Still the form: only the pushed state signs the popup in.
    expect(screen.getByRole('form', { name: 'Sign in to Genesys' })).toBeTruthy();
    popup.push(signedIn(), { username: 'agent1', serverUrl: 'http://127.0.0.1:8090' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(screen.getByText('Signed in as agent1 on http://127.0.0.1:8090')).toBeTruthy();
    // The server and user (never the password) prefill the next sign-in.
    const stored = await fakeBrowser.storage.local.get('lastLogin');
    expect(stored.lastLogin).toEqual({ serverUrl: 'http://127.0.0.1:8090', username: 'agent1' });
  });

  it('offers no "Remember me" when policy turns it off, and never asks to remember', async () => {
    await fakeBrowser.storage.managed.set({ allowRememberMe: false });
    const popup = renderPopup(loggedOut());
    await fillLogin('agent1', 'password');
    expect(screen.queryByRole('checkbox', { name: 'Remember me on this computer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]?.payload).toMatchObject({ remember: false });
  });

  it('asks for access to the server first; refused, it explains and sends nothing', async () => {
    const popup = renderPopup(loggedOut());
    popup.grantAccess(false);
    await fillLogin('agent1', 'password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/not allowed to reach this server/)).toBeTruthy();
    expect(popup.accessRequests).toEqual(['http://127.0.0.1:8090']);
    expect(popup.sent).toEqual([]);
  });

  it('prefills server and user from the last sign-in', async () => {
    await fakeBrowser.storage.local.set({
      lastLogin: { serverUrl: 'https://gws.example.test', username: 'agent7' },
    });
    renderPopup(loggedOut());
    expect(((await screen.findByLabelText('User name')) as HTMLInputElement).value).toBe('agent7');
    expect((screen.getByLabelText('Server URL') as HTMLInputElement).value).toBe(
      'https://gws.example.test',
    );
  });

  it('checks the form before sending anything', async () => {
    const popup = renderPopup(loggedOut());
    await fillLogin('', 'x');
    fireEvent.input(screen.getByLabelText('Server URL'), { target: { value: 'gws server' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Enter the server address, for example http://127.0.0.1:8090.',
    );
    fireEvent.input(screen.getByLabelText('Server URL'), {
      target: { value: 'http://127.0.0.1:8090' },
    });
    fireEvent.submit(screen.getByRole('form'));
    expect(screen.getByRole('alert').textContent).toBe('Enter your user name.');
    expect(popup.sent).toEqual([]);
  });

  it.each<[SerializedError, string]>([
    [
      { name: 'GwsAuthError', message: 'Wrong user name or password', code: 'bad-credentials' },
      'Wrong user name or password.',
    ],
    [
      { name: 'GwsNetworkError', message: 'fetch failed', code: 'network' },
      'The server cannot be reached. Check the address and your network.',
    ],
    [
      { name: 'GwsApiError', message: 'Forbidden for user', code: 'rejected', statusCode: 5 },
      'You do not have permission to do this.',
    ],
    [
      { name: 'GwsApiError', message: 'odd', code: 'rejected', statusCode: 77 },
      'Genesys refused the request (status 77).',
    ],
  ])('explains a failed sign-in in words (%o)', async (error, words) => {
    const popup = renderPopup(loggedOut());
    await fillLogin('agent1', 'bad');
    popup.failNext('session.login', error);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const notice = (await screen.findByText('Sign-in failed.')).closest('.notice') as HTMLElement;
    expect(notice.textContent).toContain(words);
    expect(within(notice).getByText(error.message)).toBeTruthy();
  });

  it.each<[string, CallsState, string, boolean]>([
    [
      'connecting',
      build([{ type: 'connection', connection: { kind: 'connecting' } }]),
      'Connecting…',
      false,
    ],
    ['connected', signedIn(), 'Connected', false],
    [
      'reconnecting',
      later(signedIn(), {
        type: 'connection',
        connection: { kind: 'reconnecting', attempt: 3, reason: 'network error' },
      }),
      'Reconnecting (attempt 3: network error) for 0:00',
      true,
    ],
    [
      'session lost',
      later(signedIn(), {
        type: 'connection',
        connection: { kind: 'sessionLost', reason: 'the server closed the session' },
      }),
      'Session lost: the server closed the session',
      true,
    ],
  ])('shows the connection %s, with Retry only where it helps', async (_, state, text, retry) => {
    const popup = renderPopup(state);
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    const button = screen.queryByRole('button', { name: 'Retry' });
    expect(button !== null).toBe(retry);
    if (button) {
      fireEvent.click(button);
      await waitFor(() =>
        expect(popup.sent).toEqual([{ command: 'session.retry', payload: undefined }]),
      );
    }
  });

  it('shows a failed connection with its reason and the login form again', async () => {
    renderPopup(
      build([
        { type: 'connection', connection: { kind: 'error', reason: 'GWS answered HTTP 500' } },
      ]),
    );
    expect(screen.getByText('Could not connect: GWS answered HTTP 500')).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'Sign in to Genesys' })).toBeTruthy();
  });

  it('counts the outage time while reconnecting', () => {
    const state = later(signedIn(), {
      type: 'connection',
      connection: { kind: 'reconnecting', attempt: 1, reason: 'timeout' },
    });
    const popup = renderPopup(state);
    popup.setNow(state.clock + 75_000);
    popup.push(
      later(
        state,
        { type: 'connection', connection: { kind: 'reconnecting', attempt: 2, reason: 'timeout' } },
        75_000,
      ),
    );
    expect(screen.getByText('Reconnecting (attempt 2: timeout) for 1:15')).toBeTruthy();
  });

  it('signs out by intent, with a spinner until the background answers', async () => {
    const popup = renderPopup(signedIn());
    const release = popup.holdNext('session.logout');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() =>
      expect(popup.sent).toEqual([{ command: 'session.logout', payload: undefined }]),
    );
    expect((screen.getByRole('button', { name: 'Sign out' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    release();
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Sign out' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    popup.push(later(signedIn(), { type: 'logged-out' }));
    expect(await screen.findByRole('form', { name: 'Sign in to Genesys' })).toBeTruthy();
  });
});
