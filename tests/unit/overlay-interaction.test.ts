// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPhoneNumbers } from '../../lib/phone/detect.ts';
import { DecorationStore } from '../../lib/overlay/decorations.ts';
import { Interaction } from '../../lib/overlay/interaction.ts';
import { parseShortcut } from '../../lib/settings/numbers-shortcut.ts';
import { NumberLookups, type LookupTransport } from '../../lib/overlay/number-lookups.ts';
import { pickOverlayMessages, setOverlayWords } from '../../lib/i18n/overlay-messages.ts';
import type { OverlayActions, OverlayModel } from '../../lib/overlay/overlay-model.ts';
import type { PageLiveCall, PageLookup, PageOperation } from '../../lib/messaging/page-messages.ts';
import { readCatalogue, useCatalogue } from './popup-harness';

/** happy-dom has no layout: elements get one fixed box so targets have a place on screen. */
const BOX = { left: 10, top: 20, width: 120, height: 16, right: 130, bottom: 36, x: 10, y: 20 };

/** An element of the overlay's UI that clicks reach (the click guard is asked about it). */
const UI_BUTTON = document.createElement('button');

/**
 * The browser sets isTrusted for real user input; here it is set by hand for the positive
 * case, and a click is given the overlay button it reached.
 */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  if (event.type === 'click') Object.defineProperty(event, 'currentTarget', { value: UI_BUTTON });
  return event;
}

/** What the background tells about the test's number: an ordinary landline. */
const ORDINARY: LookupTransport = {
  enrich: async (numbers) =>
    numbers.map((number) => ({ number, valid: true, internal: false, type: 'FIXED_LINE' })),
};

let guardSays = true;

function setup(
  confirmBeforeDial = false,
  transport?: LookupTransport,
  shortcut = () => 'Alt+Shift+N',
) {
  const dialled: string[] = [];
  const operations: Array<[string, PageOperation, string]> = [];
  let model: OverlayModel | undefined;
  let actions: OverlayActions | undefined;
  const store = new DecorationStore({ add: () => {}, delete: () => {}, clear: () => {} }, (t) =>
    findPhoneNumbers(t, 'US'),
  );
  const link = document.createElement('a');
  link.href = 'tel:+14155550132';
  link.textContent = '(415) 555-0132';
  document.body.append(link);
  store.scanLink(link);
  const lifetime = new AbortController();
  const lookups = new NumberLookups(transport ?? ORDINARY);
  // What the background pushes (lib/background/page-live-push.ts), pushed by hand here.
  const watched: Array<string | undefined> = [];
  let onLive: ((lookup: PageLookup) => void) | undefined;
  const live = {
    watch: (number: string, listener: (lookup: PageLookup) => void) => {
      watched.push(number);
      onLive = listener;
    },
    unwatch: () => {
      watched.push(undefined);
      onLive = undefined;
    },
  };
  const interaction = new Interaction({
    win: window,
    store,
    find: (t) => findPhoneNumbers(t, 'US'),
    ownHost: () => null,
    lookups,
    live,
    sender: {
      dial: async (n) => void dialled.push(n),
      operate: async (c, o, n) => void operations.push([c, o, n]),
    },
    render: (m, a) => {
      model = m;
      actions = a;
    },
    confirmBeforeDial: () => confirmBeforeDial,
    numbersShortcut: () => parseShortcut(shortcut())!,
    // What the click guard says is set by the test (happy-dom has no layout to look at).
    guard: { allows: () => guardSays },
    signal: lifetime.signal,
    describeError: String,
  });
  interaction.start();
  return {
    link,
    interaction,
    lookups,
    watched,
    push: (lookup: Partial<PageLookup>) =>
      onLive?.({ number: '+14155550132', signedIn: true, calls: [], otherCalls: [], ...lookup }),
    dialled,
    operations,
    model: () => model,
    /** Focuses the number, and waits for its facts (a dial of a number not known asks first). */
    focus: async () => {
      link.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
      await vi.waitFor(() => expect(model?.info).toBeDefined());
    },
    actions: () => actions!,
    stop: () => lifetime.abort(),
  };
}

function liveCall(state: string, actions: PageLiveCall['actions']): PageLiveCall {
  return { callId: 'C1', state, callType: 'Outbound', startedAt: 0, userData: [], actions };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  useCatalogue('en');
  document.body.replaceChildren();
  vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([BOX] as unknown as DOMRectList);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(BOX as DOMRect);
});
afterEach(() => {
  vi.restoreAllMocks();
  setOverlayWords(undefined);
});

describe('interaction layer', () => {
  it('shows the card when a number gets keyboard focus, but not for a synthetic focus event', () => {
    const t = setup();
    t.link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(t.model()).toBeUndefined();
    t.link.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(t.model()).toMatchObject({ kind: 'link', number: '+14155550132', open: true });
    t.stop();
  });

  it('dials only on a trusted activation from the overlay UI', async () => {
    const t = setup();
    await t.focus();
    t.actions().activate(new MouseEvent('click'));
    t.actions().confirm(new MouseEvent('click'));
    await flush();
    expect(t.dialled).toEqual([]);
    t.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(t.dialled).toEqual(['+14155550132']);
    t.stop();
  });

  it('asks first when confirmation is on, and Cancel dials nothing', async () => {
    const t = setup(true);
    await t.focus();
    t.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(t.model()?.confirming).toBe(true);
    expect(t.dialled).toEqual([]);
    t.actions().cancel(trusted(new MouseEvent('click')));
    expect(t.model()?.confirming).toBe(false);
    t.actions().activate(trusted(new MouseEvent('click')));
    t.actions().confirm(trusted(new MouseEvent('click')));
    await flush();
    expect(t.dialled).toEqual(['+14155550132']);
    t.stop();
  });

  it('runs call operations only on trusted clicks, for the number shown', async () => {
    const t = setup();
    await t.focus();
    t.actions().operate(new MouseEvent('click'), 'IN', 'Answer');
    t.actions().operate(trusted(new MouseEvent('click')), 'IN', 'Answer');
    await flush();
    expect(t.operations).toEqual([['IN', 'Answer', '+14155550132']]);
    t.stop();
  });

  it("tells the progress of a dial and of a call control in the agent's language", async () => {
    // The browser speaks English; the agent chose French (words sent with the page config).
    setOverlayWords({ language: 'fr', messages: pickOverlayMessages(readCatalogue('fr')) });
    const t = setup();
    await t.focus();
    t.actions().activate(trusted(new MouseEvent('click')));
    expect(t.model()?.status).toEqual({ kind: 'busy', text: 'Appel du +14155550132…' });
    await flush();
    expect(t.model()?.status).toEqual({ kind: 'done', text: 'Numérotation en cours' });
    t.actions().operate(trusted(new MouseEvent('click')), 'IN', 'Hold');
    expect(t.model()?.status).toEqual({ kind: 'busy', text: 'Mettre en attente…' });
    t.stop();
  });

  it('a language change draws the open card again, its number facts asked anew', async () => {
    let language = 'en';
    const asked: string[] = [];
    const t = setup(false, {
      // The background writes country names in the agent's language.
      enrich: async (numbers) => {
        asked.push(language);
        return numbers.map((number) => ({
          number,
          valid: true,
          internal: false,
          countryName: language === 'fr' ? 'États-Unis' : 'United States',
        }));
      },
    });
    const settled = () => new Promise((r) => setTimeout(r, 40));
    t.link.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    await settled();
    expect(t.model()?.info?.countryName).toBe('United States');
    language = 'fr';
    t.lookups.forgetInfos();
    t.interaction.relabel();
    await settled();
    expect(t.model()?.info?.countryName).toBe('États-Unis');
    expect(asked).toEqual(['en', 'fr']);
    t.stop();
  });

  it('follows pushed live calls: no "Dialling" once the call is up, and none after it ended', async () => {
    const t = setup();
    await t.focus();
    expect(t.watched).toEqual(['+14155550132']);
    t.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(t.model()?.status?.text).toBe('Dialling');
    t.push({ calls: [liveCall('Dialing', ['Hangup'])] });
    expect(t.model()?.status).toBeUndefined();
    t.push({ calls: [liveCall('Established', ['Hangup', 'Hold'])] });
    expect(t.model()?.live?.calls[0]?.state).toBe('Established');
    t.push({ calls: [] });
    expect(t.model()?.status).toBeUndefined();
    expect(t.model()?.live?.calls).toEqual([]);
    t.link.dispatchEvent(trusted(new FocusEvent('focusout', { bubbles: true })));
    expect(t.watched).toEqual(['+14155550132', undefined]);
    t.stop();
  });

  it('one call per person: a number on a live call opens its controls, it is not dialled again', async () => {
    const t = setup();
    await t.focus();
    t.push({ calls: [liveCall('Established', ['Hangup', 'Hold'])] });
    t.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(t.dialled).toEqual([]);
    expect(t.model()).toMatchObject({ open: true, confirming: false });
    t.stop();
  });

  it('after an action on the card the keyboard is back on the number; Escape from anywhere closes', async () => {
    const t = setup();
    window.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyN' })),
    );
    expect(t.model()).toMatchObject({ open: true, focusRequest: 1 });
    t.push({ calls: [liveCall('Established', ['Hangup'])] });
    t.actions().operate(trusted(new MouseEvent('click')), 'C1', 'Hangup');
    expect(t.model()?.focusRequest).toBe(2);
    await flush();
    // Focus fell to the page (the pressed button is gone): Escape still closes the card.
    document.body.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(t.model()).toBeUndefined();
    t.stop();
  });

  it('a keyboard-opened card closes on a click elsewhere, as a hover card does', () => {
    const t = setup();
    window.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyN' })),
    );
    expect(t.model()?.open).toBe(true);
    // A page script's pointerdown closes nothing.
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(t.model()?.open).toBe(true);
    document.body.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(t.model()).toBeUndefined();
    t.stop();
  });

  it('the numbers shortcut is the one the agent chose', () => {
    let shortcut = 'Alt+Shift+N';
    const t = setup(false, undefined, () => shortcut);
    shortcut = 'Ctrl+Alt+7';
    window.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyN' })),
    );
    expect(t.model()).toBeUndefined();
    window.dispatchEvent(
      trusted(new KeyboardEvent('keydown', { ctrlKey: true, altKey: true, code: 'Digit7' })),
    );
    expect(t.model()).toMatchObject({ number: '+14155550132', open: true });
    t.stop();
  });

  it('a click the guard did not see never dials: it asks first, and its Call must be seen too', async () => {
    const t = setup();
    await t.focus();
    guardSays = false;
    try {
      t.actions().activate(trusted(new MouseEvent('click')));
      expect(t.model()).toMatchObject({ open: true, confirming: true });
      t.actions().confirm(trusted(new MouseEvent('click')));
      t.actions().operate(trusted(new MouseEvent('click')), 'IN', 'Answer');
      await flush();
      expect(t.dialled).toEqual([]);
      expect(t.operations).toEqual([]);
    } finally {
      guardSays = true;
    }
    t.actions().confirm(trusted(new MouseEvent('click')));
    await flush();
    expect(t.dialled).toEqual(['+14155550132']);
    t.stop();
  });

  it('asks first for a link whose text hides the number, and for premium-rate numbers', async () => {
    const t = setup(false, {
      enrich: async (numbers) =>
        numbers.map((number) => ({ number, valid: true, internal: false, type: 'PREMIUM_RATE' })),
    });
    await t.focus();
    t.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(t.model()?.confirming).toBe(true);
    expect(t.dialled).toEqual([]);
    t.stop();
    // Ordinary number, but the link reads "Download report".
    const u = setup();
    u.link.textContent = 'Download report';
    await u.focus();
    expect(u.model()?.linkHidesNumber).toBe(true);
    u.actions().activate(trusted(new MouseEvent('click')));
    await flush();
    expect(u.model()?.confirming).toBe(true);
    expect(u.dialled).toEqual([]);
    u.stop();
  });

  it('ignores synthetic pointer and keyboard events from the page', async () => {
    const t = setup();
    window.dispatchEvent(new MouseEvent('mousemove', { clientX: 20, clientY: 25 }));
    window.dispatchEvent(
      new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyN' }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(t.model()).toBeUndefined();
    t.stop();
  });

  it('stops listening when its lifetime ends', () => {
    const t = setup();
    t.stop();
    t.link.dispatchEvent(trusted(new FocusEvent('focusin', { bubbles: true })));
    expect(t.model()).toBeUndefined();
  });
});
