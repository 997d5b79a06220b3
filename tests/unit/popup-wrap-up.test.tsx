// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { agentKey, addEntries, emptyBook, CALL_HISTORY_KEY } from '@/lib/history/call-history-book';
import { historyEntryFrom } from '@/lib/history/history-entry';
import { WRAP_UP_STATE_KEY, emptyWrapUpState, type WrapUpState } from '@/lib/wrap-up/wrap-up-state';
import {
  callEventFrom,
  establishedCall,
  eventAction,
  renderPopup,
  signedIn,
  useCatalogue,
  RINGING_ID,
  T0,
} from './popup-harness';

const WHO = { username: 'agent1', serverUrl: 'http://gws' };
const DISPOSITIONS = [
  { code: 'Sale', label: 'Sale' },
  { code: 'NoSale', label: 'No sale' },
];

async function storeWrapUp(patch: Partial<WrapUpState>): Promise<void> {
  await fakeBrowser.storage.session.set({
    [WRAP_UP_STATE_KEY]: { ...emptyWrapUpState(), dispositions: DISPOSITIONS, ...patch },
  });
}

/** A history with one answered call and one missed call that ended after `seenAt`. */
async function storeHistory(seenAt = 0): Promise<void> {
  const userData = { CustomerName: 'Ada' };
  const answeredState = signedIn(
    eventAction(callEventFrom('call-ringing-inbound', { userData })),
    eventAction(establishedCall({ userData })),
    eventAction(
      callEventFrom('call-ringing-inbound', { state: 'Released', capabilities: [], userData }),
    ),
  );
  const answered = historyEntryFrom(answeredState.ended[0]!, {
    keys: [],
    dispositionKey: 'DispositionCode',
    nameKey: 'CustomerName',
  });
  const missed = {
    ...answered,
    callId: 'missed-1',
    name: undefined,
    number: '+442079460958',
    missed: true,
    talkMs: 0,
    endedAt: T0 + 60_000,
  };
  delete missed.name;
  const book = addEntries(
    emptyBook(),
    agentKey(WHO.username, WHO.serverUrl),
    [answered, missed],
    T0,
  );
  book.agents[agentKey(WHO.username, WHO.serverUrl)]!.seenAt = seenAt;
  await fakeBrowser.storage.local.set({ [CALL_HISTORY_KEY]: book });
}

describe('popup: wrap-up, dispositions and the call history', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('offers the disposition combobox on a connected call and sends the choice', async () => {
    await storeWrapUp({});
    const popup = renderPopup(signedIn(eventAction(establishedCall())), WHO);
    const box = await screen.findByRole('combobox', { name: 'Disposition' });
    fireEvent.change(box, { target: { value: 'NoSale' } });
    await waitFor(() =>
      expect(popup.sent).toContainEqual({
        command: 'wrapUp.choose',
        payload: { callId: RINGING_ID, code: 'NoSale' },
      }),
    );
  });

  it('a ringing call has no disposition yet; it takes the keyboard to Answer', async () => {
    await storeWrapUp({});
    const popup = renderPopup(signedIn(), WHO);
    popup.push(signedIn(eventAction(callEventFrom('call-ringing-inbound'))), WHO);
    const answer = await screen.findByRole('button', { name: 'Answer' });
    await waitFor(() => expect(document.activeElement).toBe(answer));
    expect(screen.queryByRole('combobox', { name: 'Disposition' })).toBeNull();
  });

  it('wrap-up: countdown, Done refused while the disposition is required, then Done', async () => {
    const now = signedIn().clock;
    await storeWrapUp({
      required: true,
      pending: [
        {
          callId: 'c1',
          number: '5125',
          name: 'Ada',
          endedAt: T0,
          choice: {},
          acw: true,
          acwUntil: now + 30_000,
        },
      ],
    });
    const popup = renderPopup(signedIn(), WHO);
    const wrapUp = await screen.findByRole('region', { name: 'Wrap-up' });
    expect(
      within(wrapUp).getByRole('timer', { name: 'After call work time left' }).textContent,
    ).toBe('After call work: 0:30 left');
    const done = within(wrapUp).getByRole('button', { name: 'Done' });
    expect(done.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(done);
    expect(popup.sent.filter((s) => s.command === 'wrapUp.done')).toEqual([]);
    fireEvent.change(within(wrapUp).getByRole('combobox', { name: 'Disposition' }), {
      target: { value: 'Sale' },
    });
    await waitFor(() =>
      expect(popup.sent).toContainEqual({
        command: 'wrapUp.choose',
        payload: { callId: 'c1', code: 'Sale' },
      }),
    );
    // The background's answer arrives as a storage change.
    await storeWrapUp({
      required: true,
      pending: [{ callId: 'c1', number: '5125', endedAt: T0, choice: { code: 'Sale' }, acw: true }],
    });
    await waitFor(() => expect(done.getAttribute('aria-disabled')).toBeNull());
    fireEvent.click(done);
    await waitFor(() =>
      expect(popup.sent).toContainEqual({ command: 'wrapUp.done', payload: { callId: 'c1' } }),
    );
  });

  it('lists the call history; call back dials; a missed call is marked and reported seen', async () => {
    await storeHistory();
    const popup = renderPopup(signedIn(), WHO);
    const list = await screen.findByRole('list', { name: 'Call history' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Missed');
    expect(items[1]!.textContent).toContain('Ada');
    await waitFor(() =>
      expect(popup.sent).toContainEqual({ command: 'history.seen', payload: undefined }),
    );
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Call back' }));
    await waitFor(() =>
      expect(popup.sent).toContainEqual({ command: 'call.dial', payload: { phoneNumber: '5125' } }),
    );
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Open in CRM' }));
    await waitFor(() =>
      expect(popup.sent).toContainEqual({
        command: 'history.popAgain',
        payload: { callId: 'missed-1' },
      }),
    );
  });

  it('does not report seen when no missed call is new', async () => {
    await storeHistory(T0 + 120_000);
    const popup = renderPopup(signedIn(), WHO);
    await screen.findByRole('list', { name: 'Call history' });
    expect(popup.sent.filter((s) => s.command === 'history.seen')).toEqual([]);
  });

  it('attached-data keys marked read-only have no Edit or Delete', async () => {
    await storeWrapUp({ readOnlyKeys: ['GSIP_*'] });
    renderPopup(
      signedIn(eventAction(establishedCall({ userData: { GSIP_REC_FN: 'rec-1', Ticket: 'T-1' } }))),
      WHO,
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: /GSIP_REC_FN/ })).toBeNull());
    expect(screen.getByRole('button', { name: 'Edit Ticket' })).toBeTruthy();
    expect(screen.getByText('rec-1')).toBeTruthy();
  });
});
