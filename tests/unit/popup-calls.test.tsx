// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  callEventFrom,
  consultPair,
  establishedCall,
  eventAction,
  later,
  parsed,
  renderPopup,
  signedIn,
  useCatalogue,
  CONSULT_ID,
  ESTABLISHED_CAPS,
  MAIN_ID,
  RINGING_ID,
} from './popup-harness';
import { loadFixture } from '../fixtures/gws/load.ts';
import { DATA_MORE_CHARS, DATA_PREVIEW_CHARS } from '@/components/DataValueText';

function card(name: string | RegExp): HTMLElement {
  return screen.getByRole('article', { name });
}

describe('popup: calls', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('answers a ringing call by intent; the card changes only when the notification arrives', async () => {
    const ringing = signedIn(eventAction(callEventFrom('call-ringing-inbound')));
    const popup = renderPopup(ringing);
    fireEvent.click(within(card('5125')).getByRole('button', { name: 'Answer' }));
    await waitFor(() =>
      expect(popup.sent).toEqual([
        { command: 'call.operation', payload: { callId: RINGING_ID, operation: 'Answer' } },
      ]),
    );
    // The command was accepted, yet nothing changed: still ringing.
    expect(within(card('5125')).getByText('Ringing')).toBeTruthy();

    // The background records the intent: spinner, disabled.
    const pending = later(ringing, {
      type: 'intent',
      id: 'Answer:1',
      operation: 'Answer',
      callId: RINGING_ID,
    });
    popup.push(pending);
    const answer = within(card('5125')).getByRole('button', {
      name: 'Answer',
    }) as HTMLButtonElement;
    expect(answer.disabled).toBe(true);
    expect(answer.getAttribute('aria-busy')).toBe('true');

    // The StatusChange Established notification settles it.
    popup.push(later(pending, eventAction(establishedCall())));
    expect(within(card('5125')).getByText('Connected')).toBeTruthy();
    expect(within(card('5125')).queryByRole('button', { name: 'Answer' })).toBeNull();
    expect(within(card('5125')).getByRole('button', { name: 'Hold' })).toBeTruthy();
  });

  it('explains a refused operation in words, with the server message as text', async () => {
    const popup = renderPopup(signedIn(eventAction(establishedCall())));
    popup.failNext('call.operation', {
      name: 'GwsApiError',
      message: 'Invalid state for the operation',
      statusCode: 2,
      code: 'rejected',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    const alert = await screen.findByText('Could not put the call on hold.');
    const notice = alert.closest('.notice') as HTMLElement;
    expect(notice.textContent).toContain('Not possible in the current state.');
    expect(notice.textContent).toContain('Invalid state for the operation');
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Could not put the call on hold.')).toBeNull();
  });

  it('shows a held call and its consult call together, the consult linked to its parent', () => {
    renderPopup(signedIn(...consultPair()));
    const group = screen.getByRole('group', { name: 'Call with consultation' });
    const cards = within(group).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-call-id'))).toEqual([MAIN_ID, CONSULT_ID]);
    const [main, consult] = cards as [HTMLElement, HTMLElement];
    expect(within(main).getByText('On hold')).toBeTruthy();
    expect(within(consult).getByText('Dialing')).toBeTruthy();
    expect(within(consult).getByText('Consultation for the call with 5125 (On hold)')).toBeTruthy();
    // Hanging up the consult leg cancels the consultation.
    expect(within(consult).getByRole('button', { name: 'Cancel consult' })).toBeTruthy();
    expect(within(consult).queryByRole('button', { name: 'Hang up' })).toBeNull();
    expect(within(main).getByRole('button', { name: 'Hang up' })).toBeTruthy();
  });

  it('completes, swaps and cancels a consult transfer on the right calls', async () => {
    const popup = renderPopup(signedIn(...consultPair()));
    const [main, consult] = within(
      screen.getByRole('group', { name: 'Call with consultation' }),
    ).getAllByRole('article') as [HTMLElement, HTMLElement];
    fireEvent.click(within(main).getByRole('button', { name: 'Complete transfer' }));
    fireEvent.click(within(main).getByRole('button', { name: 'Swap' }));
    fireEvent.click(within(consult).getByRole('button', { name: 'Cancel consult' }));
    await waitFor(() => expect(popup.sent).toHaveLength(3));
    expect(popup.sent.map((s) => s.payload)).toEqual([
      { callId: MAIN_ID, operation: 'CompleteTransfer' },
      { callId: MAIN_ID, operation: 'SwapCalls', params: { otherCallId: CONSULT_ID } },
      { callId: CONSULT_ID, operation: 'Hangup' },
    ]);
  });

  it('starts a consult transfer to a number typed in any format', async () => {
    const popup = renderPopup(signedIn(eventAction(establishedCall())));
    fireEvent.click(screen.getByRole('button', { name: 'Transfer / conference' }));
    const field = screen.getByLabelText('Number or extension');
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: ' (415) 555-0123 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Consult transfer' }));
    await waitFor(() =>
      expect(popup.sent.map((s) => s.payload)).toEqual([
        {
          callId: RINGING_ID,
          operation: 'InitiateTransfer',
          params: { destination: '+14155550123' },
        },
      ]),
    );
  });

  it('refuses an unusable destination without sending anything', async () => {
    const popup = renderPopup(signedIn(eventAction(establishedCall())));
    fireEvent.click(screen.getByRole('button', { name: 'Transfer / conference' }));
    const field = screen.getByLabelText('Number or extension');
    fireEvent.input(field, { target: { value: 'call mum' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is not a number that can be dialled. Use digits, optionally starting with +.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Transfer now' }));
    expect(await screen.findByText('Enter a number to call.')).toBeTruthy();
    expect(popup.sent).toEqual([]);
  });

  it('sends keypad tones, queueing keys pressed while a SendDtmf is in flight', async () => {
    const live = signedIn(eventAction(establishedCall()));
    const popup = renderPopup(live);
    fireEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    fireEvent.click(screen.getByRole('button', { name: 'Key 1' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]!.payload).toEqual({
      callId: RINGING_ID,
      operation: 'SendDtmf',
      params: { digits: '1' },
    });

    const pending = later(live, {
      type: 'intent',
      id: 'SendDtmf:1',
      operation: 'SendDtmf',
      callId: RINGING_ID,
    });
    popup.push(pending);
    const pad = screen.getByRole('group', { name: 'Keypad tones' }).parentElement as HTMLElement;
    fireEvent.keyDown(pad, { key: '2' });
    fireEvent.click(screen.getByRole('button', { name: 'Key hash' }));
    fireEvent.keyDown(pad, { key: 'x' });
    expect(popup.sent).toHaveLength(1);

    // DtmfSent arrives: the intent settles and the queued tones go as one request.
    const dtmf = loadFixture<{ data: { call: Record<string, unknown> } }>('call-dtmf-sent');
    dtmf.data.call = {
      ...dtmf.data.call,
      id: RINGING_ID,
      state: 'Established',
      capabilities: ESTABLISHED_CAPS,
    };
    popup.push(later(pending, eventAction(parsed(dtmf))));
    await waitFor(() => expect(popup.sent).toHaveLength(2));
    expect(popup.sent[1]!.payload).toEqual({
      callId: RINGING_ID,
      operation: 'SendDtmf',
      params: { digits: '2#' },
    });
    expect(pad.textContent).toContain('12#');
  });

  it('edits attached data: update a value, add a key, delete a key', async () => {
    const popup = renderPopup(signedIn(eventAction(establishedCall())));
    fireEvent.click(screen.getByRole('button', { name: 'Edit AccountNumber' }));
    const value = screen.getByLabelText('Value of AccountNumber');
    expect(document.activeElement).toBe(value);
    fireEvent.input(value, { target: { value: '999' } });
    fireEvent.keyDown(value, { key: 'Enter' });
    fireEvent.input(screen.getByLabelText('Key'), { target: { value: 'Reason' } });
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: 'Billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete AccountNumber' }));
    await waitFor(() => expect(popup.sent).toHaveLength(3));
    expect(popup.sent.map((s) => s.payload)).toEqual([
      {
        callId: RINGING_ID,
        operation: 'UpdateUserData',
        params: { userData: { AccountNumber: '999' } },
      },
      {
        callId: RINGING_ID,
        operation: 'UpdateUserData',
        params: { userData: { Reason: 'Billing' } },
      },
      { callId: RINGING_ID, operation: 'DeleteUserDataPair', params: { key: 'AccountNumber' } },
    ]);
    // Still the old value until AttachedDataChanged arrives.
    expect(screen.getByText('12345678')).toBeTruthy();
  });

  it('shows attached data read-only when the call does not offer editing', () => {
    renderPopup(
      signedIn(
        eventAction(
          establishedCall({ capabilities: ['Hangup', 'Hold'], userData: { Tier: 'Gold' } }),
        ),
      ),
    );
    expect(screen.getByText('Tier').nextElementSibling?.textContent).toBe('Gold');
    expect(screen.queryByRole('button', { name: /Edit|Delete|Add/ })).toBeNull();
    expect(screen.queryByLabelText('Key')).toBeNull();
  });

  it('renders a bounded preview of a huge attached-data value and edits the whole value', async () => {
    const huge = 'ab'.repeat(225_000);
    const popup = renderPopup(
      signedIn(
        eventAction(
          establishedCall({
            capabilities: ['Hangup', 'UpdateUserData'],
            userData: { Note: huge, Tier: 'Gold' },
          }),
        ),
      ),
    );
    const value = () => screen.getByText('Note').nextElementSibling as HTMLElement;
    const shownChars = () => (value().querySelector('.data-text span')?.textContent ?? '').length;
    expect(shownChars()).toBe(DATA_PREVIEW_CHARS + 1); // and the ellipsis
    expect(screen.getByText('Gold')).toBeTruthy();
    fireEvent.click(within(value()).getByRole('button', { name: /Show more/ }));
    expect(shownChars()).toBe(DATA_PREVIEW_CHARS + DATA_MORE_CHARS + 1);
    expect(within(value()).getByRole('button', { name: /Show more/ }).textContent).toContain(
      (450_000).toLocaleString(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Edit Note' }));
    const input = screen.getByLabelText('Value of Note') as HTMLInputElement;
    expect(input.value).toBe(huge);
    fireEvent.input(input, { target: { value: `${huge}!` } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]?.payload).toMatchObject({ params: { userData: { Note: `${huge}!` } } });
  });

  it('shows the recording state and its controls', async () => {
    const popup = renderPopup(
      signedIn(eventAction(parsed(loadFixture('call-recording-state-change')))),
    );
    const call = screen.getByRole('article');
    expect(within(call).getByText('Recording paused')).toBeTruthy();
    fireEvent.click(within(call).getByRole('button', { name: 'Resume recording' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]!.payload).toMatchObject({ operation: 'ResumeCallRecording' });
  });

  it('removes a party from a conference by its number', async () => {
    const popup = renderPopup(
      signedIn(
        eventAction(
          establishedCall({
            capabilities: [...ESTABLISHED_CAPS, 'RemoveParticipantFromConference'],
            participants: [
              { phoneNumber: '5125', digits: '5125', e164Number: '', formattedPhoneNumber: '5125' },
              { phoneNumber: '7002', digits: '7002', e164Number: '', formattedPhoneNumber: '7002' },
            ],
          }),
        ),
      ),
    );
    expect(screen.getByRole('article', { name: '5125 and 1 more' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove 7002 from the conference' }));
    await waitFor(() => expect(popup.sent).toHaveLength(1));
    expect(popup.sent[0]!.payload).toEqual({
      callId: RINGING_ID,
      operation: 'RemoveParticipantFromConference',
      params: { participant: '7002' },
    });
  });

  it('ticks the talk time while the popup is open, from the wire duration when first seen connected', () => {
    const state = signedIn(eventAction(establishedCall({ duration: '59' })));
    const popup = renderPopup(state);
    const timer = () => within(card('5125')).getByRole('timer', { name: 'Talk time' }).textContent;
    expect(timer()).toBe('0:59');
    popup.setNow(state.clock + 3_601_000);
    // A push re-reads the clock; between pushes the popup's own interval does (tested in agent tests).
    popup.push(state);
    expect(timer()).toBe('1:01:00');
  });

  it('shows an asynchronous GWS error and lets the agent dismiss it', () => {
    const state = signedIn(eventAction(establishedCall()));
    const popup = renderPopup(state);
    popup.push(later(state, eventAction(parsed(loadFixture('error-message')))));
    const notice = screen.getByText('Genesys reported an error.').closest('.notice') as HTMLElement;
    expect(notice).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Genesys reported an error.')).toBeNull();
  });
});
