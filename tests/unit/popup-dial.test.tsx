// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { later, renderPopup, settle, signedIn, useCatalogue } from './popup-harness';
import { addRecent, RECENT_DESTINATIONS_KEY } from '@/lib/directory/recent-destinations';
import { agentKey } from '@/lib/history/call-history-book';
import { blankRule } from '@/lib/dial-plan/types';

function field(): HTMLInputElement {
  return screen.getByLabelText('Number to call') as HTMLInputElement;
}

function type(text: string) {
  // One input event per character, as typing produces.
  for (const ch of text) fireEvent.input(field(), { target: { value: field().value + ch } });
}

function dialled(sent: Array<{ command: string; payload: unknown }>): string[] {
  return sent
    .filter((s) => s.command === 'call.dial')
    .map((s) => (s.payload as { phoneNumber: string }).phoneNumber);
}

describe('popup: dialling', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('puts the keyboard in the number field when no call is ringing', () => {
    renderPopup(signedIn());
    expect(document.activeElement).toBe(field());
  });

  it('formats as you type for the default region', () => {
    renderPopup(signedIn());
    type('4155550123');
    expect(field().value).toBe('(415) 555-0123');
  });

  it('dials on Enter in E.164, from any pasted format', async () => {
    const popup = renderPopup(signedIn());
    fireEvent.input(field(), { target: { value: 'tel:+1 (415) 555.0123' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['+14155550123']));
    fireEvent.input(field(), { target: { value: '0044 20 7946 0958' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['+14155550123', '+442079460958']));
  });

  it('dials internal extensions as they are', async () => {
    const popup = renderPopup(signedIn());
    type('7002');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['7002']));
  });

  it('explains an empty or unusable number and does not call GWS', async () => {
    const popup = renderPopup(signedIn());
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('Enter a number to call.');
    fireEvent.input(field(), { target: { value: 'hello world' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe(
      'This is not a number that can be dialled. Use digits, optionally starting with +.',
    );
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    type('x');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(popup.sent).toEqual([]);
  });

  it('dials from the pad, and backspace removes a digit', async () => {
    const popup = renderPopup(signedIn());
    fireEvent.click(screen.getByRole('button', { name: 'Pad' }));
    const pad = screen.getByRole('group', { name: 'Dial pad' });
    for (const key of ['7', '0', '0', '9'])
      fireEvent.click(within(pad).getByRole('button', { name: `Key ${key}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(pad).getByRole('button', { name: 'Key 2' }));
    expect(field().value.replace(/\D/g, '')).toBe('7002');
    fireEvent.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['7002']));
  });

  it('disables Call with a spinner while a Dial is pending', () => {
    const state = signedIn();
    renderPopup(later(state, { type: 'intent', id: 'Dial:1', operation: 'Dial' }));
    const call = screen.getByRole('button', { name: 'Call' }) as HTMLButtonElement;
    expect(call.disabled).toBe(true);
    expect(call.getAttribute('aria-busy')).toBe('true');
  });

  it('shows the recent destinations the background recorded in the picker, one click away, and redials them', async () => {
    const server = 'http://gws.example';
    const me = agentKey('agent1', server);
    let book = addRecent({ agents: {} }, me, { number: '7011', use: 'dial', at: 1 });
    book = addRecent(book, me, { number: '+442079460958', use: 'transfer', at: 2 });
    // Another agent's recent destinations on the same desk are not this agent's.
    book = addRecent(book, agentKey('agent2', server), { number: '5999', use: 'dial', at: 3 });
    await fakeBrowser.storage.local.set({ [RECENT_DESTINATIONS_KEY]: book });
    const popup = renderPopup(signedIn(), { username: 'agent1', serverUrl: server });
    await settle();
    // The dial pad has no list of its own: the picker's Recent group is the one place.
    expect(screen.queryByText(/Recent numbers/)).toBeNull();
    fireEvent.click(field());
    const recent = await screen.findByRole('group', { name: 'Recent' });
    expect(
      within(recent)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['+442079460958', '7011']);
    expect(screen.queryByText('5999')).toBeNull();
    fireEvent.click(within(recent).getByRole('option', { name: '7011' }));
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['7011']));
  });

  it('writes no recent destination itself: the background records what GWS accepted', async () => {
    const popup = renderPopup(signedIn(), { username: 'agent1', serverUrl: 'http://gws.example' });
    fireEvent.input(field(), { target: { value: '5003' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(dialled(popup.sent)).toEqual(['5003']));
    await settle();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('says what the dial plan will dial when it differs from what was typed, and sends the typed number', async () => {
    const outside = {
      ...blankRule('Outside'),
      classes: ['national' as const],
      format: 'national' as const,
      prefix: '9',
    };
    const harness = renderPopup(signedIn(), {}, { dialRules: async () => [outside] });
    await settle();
    type('4155550123');
    const preview = screen.getByText('Dials 9 (415) 555-0123');
    expect(field().getAttribute('aria-describedby')).toBe(preview.id);
    // An internal number the plan leaves alone says nothing.
    fireEvent.input(field(), { target: { value: '7002' } });
    expect(screen.queryByText(/^Dials /)).toBeNull();
    fireEvent.input(field(), { target: { value: '(415) 555-0123' } });
    fireEvent.submit(field().form!);
    // The background applies the plan (one place for every dial path): the popup sends the number.
    await waitFor(() => expect(dialled(harness.sent)).toEqual(['+14155550123']));
  });
});
