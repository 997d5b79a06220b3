// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import fc from 'fast-check';
import { isPending, type CallsState } from '@/lib/calls';
import type { PopupCallRequest } from '@/lib/messaging/protocol';
import { CallCard } from '@/components/CallCard';
import {
  callEventFrom,
  eventAction,
  later,
  signedIn,
  useCatalogue,
  RINGING_ID,
} from './popup-harness';

/** What the agent sees for each capability (gws-api.md §7): the control's accessible name. */
const CONTROL_FOR: Record<string, string[]> = {
  Answer: ['Answer'],
  Hangup: ['Hang up'],
  Hold: ['Hold'],
  Retrieve: ['Resume'],
  SwapCalls: ['Swap'],
  CompleteTransfer: ['Complete transfer'],
  CompleteConference: ['Complete conference'],
  SendDtmf: ['Keypad'],
  StartCallRecording: ['Record'],
  PauseCallRecording: ['Pause recording'],
  ResumeCallRecording: ['Resume recording'],
  StopCallRecording: ['Stop recording'],
  UpdateUserData: ['Edit AccountNumber', 'Add'],
  DeleteUserDataPair: ['Delete AccountNumber'],
  RemoveParticipantFromConference: ['Remove 5125 from the conference'],
};
const TRANSFER_OPS = [
  'InitiateTransfer',
  'SingleStepTransfer',
  'InitiateConference',
  'SingleStepConference',
];
const TRANSFER_LABELS: Record<string, string> = {
  InitiateTransfer: 'Consult transfer',
  SingleStepTransfer: 'Transfer now',
  InitiateConference: 'Consult conference',
  SingleStepConference: 'Add to conference',
};
/** Capabilities no agent control stands for (supervisor and bulk operations). */
const NO_CONTROL = ['AttachUserData', 'DeleteUserData', 'SwitchToListenIn', 'SwitchToCoach'];
const ALL_CAPS = [...Object.keys(CONTROL_FOR), ...TRANSFER_OPS, ...NO_CONTROL];

function stateWith(capabilities: string[]): CallsState {
  return signedIn(
    eventAction(callEventFrom('call-ringing-inbound', { state: 'Established', capabilities })),
  );
}

function renderCard(state: CallsState, onOperation = vi.fn()) {
  const record = state.calls[0]!;
  const result = render(
    <CallCard
      record={record}
      now={state.clock}
      isPending={(op) => isPending(state, op, record.call.id)}
      onOperation={onOperation}
    />,
  );
  return { ...result, container: result.container as HTMLElement, onOperation };
}

function buttonNames(container: HTMLElement): string[] {
  return within(container)
    .queryAllByRole('button')
    .map((b) => b.getAttribute('aria-label') ?? (b.querySelector('.btn-label')?.textContent || ''))
    .sort();
}

describe('CallControls: a control exists iff its operation is in the capabilities', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('holds for any capability set', () => {
    fc.assert(
      fc.property(fc.subarray(ALL_CAPS), (caps) => {
        const { container, unmount } = renderCard(stateWith(caps));
        const expected = caps.flatMap((c) => CONTROL_FOR[c] ?? []);
        if (caps.some((c) => TRANSFER_OPS.includes(c))) expected.push('Transfer / conference');
        expect(buttonNames(container)).toEqual(expected.sort());
        unmount();
      }),
      { numRuns: 80 },
    );
  });

  it('offers exactly the transfer and conference kinds the call allows, in the panel', () => {
    fc.assert(
      fc.property(fc.subarray(TRANSFER_OPS, { minLength: 1 }), (ops) => {
        const { container, unmount } = renderCard(stateWith(ops));
        fireEvent.click(within(container).getByRole('button', { name: 'Transfer / conference' }));
        const panel = within(container).getByRole('group', { name: 'Transfer or conference' });
        const shown = within(panel)
          .getAllByRole('button')
          .map((b) => b.textContent);
        expect(shown).toEqual(
          TRANSFER_OPS.filter((op) => ops.includes(op)).map((op) => TRANSFER_LABELS[op]),
        );
        unmount();
      }),
      { numRuns: 30 },
    );
  });

  it('sends the operation of the pressed control for this call', () => {
    const state = stateWith(['Hold', 'Hangup', 'StartCallRecording']);
    const { onOperation } = renderCard(state);
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    expect(onOperation.mock.calls).toEqual([
      [{ operation: 'Hold' }],
      [{ operation: 'StartCallRecording' }],
    ]);
  });

  it('disables a control and shows a spinner while its intent is pending, others stay usable', () => {
    const idle = stateWith(['Hold', 'Hangup']);
    const pending = later(idle, {
      type: 'intent',
      id: 'Hold:1',
      operation: 'Hold',
      callId: RINGING_ID,
    });
    const { onOperation } = renderCard(pending);
    const hold = screen.getByRole('button', { name: 'Hold' }) as HTMLButtonElement;
    expect(hold.disabled).toBe(true);
    expect(hold.getAttribute('aria-busy')).toBe('true');
    expect(hold.querySelector('.spinner')).not.toBeNull();
    fireEvent.click(hold);
    const hangup = screen.getByRole('button', { name: 'Hang up' }) as HTMLButtonElement;
    expect(hangup.disabled).toBe(false);
    expect(hangup.querySelector('.spinner')).toBeNull();
    fireEvent.click(hangup);
    expect(
      onOperation.mock.calls.map((c: unknown[]) => (c[0] as PopupCallRequest).operation),
    ).toEqual(['Hangup']);
  });

  it('an intent for another call does not disable this one', () => {
    const idle = stateWith(['Hold']);
    const other = later(idle, { type: 'intent', id: 'Hold:1', operation: 'Hold', callId: 'OTHER' });
    renderCard(other);
    expect((screen.getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('shows direction, state, ringing time, ANI/DNIS and attached data of the call', () => {
    const state = signedIn(eventAction(callEventFrom('call-ringing-inbound', { duration: '65' })));
    const record = state.calls[0]!;
    render(
      <CallCard
        record={record}
        now={record.firstSeenAt + 10_000}
        isPending={() => false}
        onOperation={vi.fn()}
      />,
    );
    const card = screen.getByRole('article', { name: '5125' });
    expect(within(card).getByText('Ringing')).toBeTruthy();
    expect(within(card).getByText('Inbound')).toBeTruthy();
    // Rang for 65 s before it was first seen, 10 s since.
    expect(within(card).getByRole('timer', { name: 'Ringing time' }).textContent).toBe('1:15');
    expect(within(card).getByText('Caller (ANI)').nextElementSibling?.textContent).toBe('5125');
    expect(within(card).getByText('Dialled (DNIS)').nextElementSibling?.textContent).toBe('8012');
    expect(within(card).getByText('AccountNumber').nextElementSibling?.textContent).toContain(
      '12345678',
    );
  });
});
