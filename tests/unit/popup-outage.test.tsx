// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  establishedCall,
  eventAction,
  later,
  renderPopup,
  signedIn,
  useCatalogue,
} from './popup-harness';

const card = () => screen.getByRole('article');
const timer = () => within(card()).getByRole('timer').textContent;
const hangUp = () => within(card()).getByRole('button', { name: 'Hang up' }) as HTMLButtonElement;
const status = () => document.querySelector('.connection-status')?.textContent;

describe('popup: outages the agent can see', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('voice down: the header says so, the card is off, and recovery clears what failed', async () => {
    const up = signedIn(eventAction(establishedCall()));
    const popup = renderPopup(up);
    expect(status()).toBe('Connected');
    popup.failNext('call.operation', {
      name: 'GwsUnavailableError',
      message: 'Voice service is not available at this time',
      statusCode: 4,
      code: 'unavailable',
    });
    fireEvent.click(within(card()).getByRole('button', { name: 'Hold' }));
    expect(await screen.findByText('Could not put the call on hold.')).toBeTruthy();

    const down = later(up, { type: 'voice', available: false, reason: 'Voice service down' });
    popup.push(down);
    expect(status()).toBe('Voice service unavailable');
    expect(within(card()).getByText(/^Voice service unavailable: this call/)).toBeTruthy();
    expect(hangUp().closest('fieldset')?.disabled).toBe(true);

    popup.push(later(down, { type: 'voice', available: true }));
    expect(status()).toBe('Connected');
    await waitFor(() => expect(screen.queryByText('Could not put the call on hold.')).toBeNull());
    expect(hangUp().closest('fieldset')?.disabled).toBe(false);
    expect(within(card()).queryByText(/^Voice service unavailable/)).toBeNull();
  });

  it('push channel lost: every card says so, its timer stops, its controls are off', () => {
    const up = signedIn(eventAction(establishedCall()));
    const popup = renderPopup(up);
    const lost = later(up, {
      type: 'connection',
      connection: { kind: 'reconnecting', attempt: 1, reason: 'network' },
    });
    popup.setNow(lost.clock);
    popup.push(lost);
    const frozen = timer();
    expect(within(card()).getByText(/^Connection lost: this call may have changed/)).toBeTruthy();
    expect(hangUp().closest('fieldset')?.disabled).toBe(true);
    popup.setNow(lost.clock + 65_000);
    popup.push(later(lost, { type: 'intents-expire', timeoutMs: 1e9 }, 65_000));
    expect(timer()).toBe(frozen);
    // Back: the clock runs again from the call's own start.
    const back = later(lost, { type: 'connection', connection: { kind: 'connected' } }, 65_000);
    popup.push(back);
    expect(timer()).not.toBe(frozen);
    expect(hangUp().closest('fieldset')?.disabled).toBe(false);
  });

  it('an asynchronous error about a call that has ended no longer stands', () => {
    const up = signedIn(eventAction(establishedCall()));
    const failed = later(up, {
      type: 'event',
      event: {
        kind: 'error',
        raw: {},
        errorMessage: 'Hangup failed',
        callId: establishedCall().call.id,
      },
    });
    const popup = renderPopup(failed);
    expect(screen.getByText(/Hangup failed/)).toBeTruthy();
    popup.push(
      later(failed, {
        type: 'event',
        event: { ...establishedCall(), call: { ...establishedCall().call, state: 'Released' } },
      }),
    );
    expect(screen.queryByText(/Hangup failed/)).toBeNull();
  });
});
