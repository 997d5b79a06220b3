// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  build,
  callEventFrom,
  eventAction,
  later,
  renderPopup,
  snapshotAction,
  useCatalogue,
  ESTABLISHED_CAPS,
} from './popup-harness';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert("x")</script>';
const SVG = '<svg onload=alert(2)><b>bold</b></svg>';

/** Nothing from GWS may become markup: no such elements, no event-handler attributes. */
function expectNoInjectedMarkup(root: ParentNode): void {
  expect(root.querySelectorAll('img, script, svg, iframe, b, object, embed').length).toBe(0);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
  }
}

function hostileState() {
  return build([
    { type: 'connection', connection: { kind: 'connecting' } },
    snapshotAction((user) => {
      user.firstName = IMG;
      user.lastName = SCRIPT;
      const settings = user.settings as Record<string, Record<string, unknown>>;
      settings['agent-states'] = {
        Hostile: { displayName: SCRIPT, state: 'NotReady', reason: IMG },
      };
      const device = (user.devices as Array<Record<string, unknown>>)[0]!;
      device.userState = { id: 'custom-1', displayName: SVG, state: 'NotReady' };
      device.capabilities = ['ForwardCallsOff', 'DoNotDisturbOn'];
      device.forwardTo = IMG;
    }),
    { type: 'connection', connection: { kind: 'connected' } },
    eventAction(
      callEventFrom('call-ringing-inbound', {
        state: 'Established',
        capabilities: [...ESTABLISHED_CAPS, 'RemoveParticipantFromConference'],
        ani: IMG,
        dnis: SCRIPT,
        participants: [
          {
            phoneNumber: SCRIPT,
            formattedPhoneNumber: IMG,
            location: SVG,
            country: { name: IMG, code: 'XX', callingCode: '' },
          },
          { phoneNumber: IMG },
        ],
        userData: { [IMG]: SCRIPT, [SCRIPT]: IMG, nested: { html: SVG } },
      }),
    ),
  ]);
}

describe('popup: hostile payloads from GWS are text, never markup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useCatalogue('en');
  });
  afterEach(() => cleanup());

  it('shows ANI, DNIS, parties, attached data, names and states literally', () => {
    const popup = renderPopup(hostileState());
    expectNoInjectedMarkup(popup.container);
    const text = popup.container.textContent ?? '';
    expect(screen.getByText('Caller (ANI)').nextElementSibling?.textContent).toBe(IMG);
    expect(screen.getByText('Dialled (DNIS)').nextElementSibling?.textContent).toBe(SCRIPT);
    // userData keys and values, both ways round, and a nested value as JSON text.
    expect(screen.getByText(IMG, { selector: 'dt' }).nextElementSibling?.textContent).toContain(
      SCRIPT,
    );
    expect(screen.getByText(SCRIPT, { selector: 'dt' }).nextElementSibling?.textContent).toContain(
      IMG,
    );
    expect(text).toContain(JSON.stringify({ html: SVG }));
    // Parties, their GWS location and country name.
    expect(text).toContain(SVG);
    expect(screen.getAllByText(IMG).length).toBeGreaterThan(2);
    // Agent identity, custom state (name and reason), forwarding target.
    expect(text).toContain(`${IMG} ${SCRIPT}`);
    const options = [...(screen.getByLabelText('My state') as HTMLSelectElement).options].map(
      (o) => o.textContent,
    );
    expect(options).toContain(`${SCRIPT} – ${IMG}`);
    expect(options).toContain(SVG);
    expect(text).toContain(`Calls forwarded to ${IMG}`);
  });

  it('keeps hostile text literal in accessible names and announcements', () => {
    const state = hostileState();
    const popup = renderPopup(state);
    expect(screen.getByRole('button', { name: `Delete ${IMG}` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Remove ${IMG} from the conference` })).toBeTruthy();
    popup.push(
      later(
        state,
        eventAction(
          callEventFrom('call-ringing-inbound', {
            id: 'HOSTILE0000000000000000000000001',
            participants: [{ phoneNumber: SCRIPT }],
          }),
        ),
      ),
    );
    const live = screen.getByTestId('live-assertive');
    expect(live.textContent).toBe(`Incoming call from ${SCRIPT}`);
    expectNoInjectedMarkup(popup.container);
  });

  it('shows a hostile server error message as text', async () => {
    const popup = renderPopup(hostileState());
    popup.failNext('call.operation', {
      name: 'GwsApiError',
      message: IMG,
      statusCode: 2,
      code: 'rejected',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hold' }));
    await waitFor(() => expect(screen.getByText('Could not put the call on hold.')).toBeTruthy());
    expect(screen.getByText(IMG, { selector: '.notice-detail' })).toBeTruthy();
    expectNoInjectedMarkup(popup.container);
  });
});
