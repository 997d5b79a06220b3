import browser from 'webextension-polyfill';
import {
  hasCapability,
  otherParty,
  type CallAlert,
  type CallsState,
  type PartyNameResolver,
} from '../calls/index.ts';
import type { DiagnosticsLog } from '../diagnostics/diagnostics-log.ts';
import { enrichNumber } from '../phone/enrich.ts';
import {
  badgeFor,
  describeIncomingCall,
  ringingCallIds,
  type BadgeView,
} from '../screen-pop/call-alert-view.ts';
import { enrichAni } from '../screen-pop/decide.ts';
import { popCallFromAlert, popCallFromRecord } from '../screen-pop/pop-call.ts';
import type { PopCall } from '../screen-pop/types.ts';
import { openConsoleWindow } from './console-window.ts';
import { TaskQueue } from './task-queue.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { loadScreenPopSettingsInForce } from '../settings/managed-screen-pop.ts';
import { agentSettings } from '../settings/agent-settings.ts';
import { t } from '../i18n/messages.ts';
import { uiLanguage } from '../i18n/messages.ts';

/** Notification ids are derived from the call id, so a restarted worker finds its own. */
const NOTIFICATION_PREFIX = 'gws-cti-call:';
export const ANSWER_BUTTON = 0;
export const DECLINE_BUTTON = 1;

/** A 48 px handset disc (Chrome requires an icon for basic notifications). */
const ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAx0lEQVR42u2aSwqAMAxEvYNH8WjeH10KClLNJJlME3Dte8XafLosHVes+3aMPCWh6WSs4GkiaPAwEW9wV5FoeKhEFjxEIhveJMEC/0uCDf6zhOUl9wgXQIF7CAxJoMBTBNDwHgKvEmj4UAHmz2ZIgnHDuggwwD8ErKuffrBVW32oAEVq0QIt0AITC5T6jdIeZOVTiamSOdp0unxBI1FSli/qJdoq5RtbEq3F8s1difa6xIBDYsQkMeSTGLPKDLplrhrIXPbIjhO6NaTN9ZKHBwAAAABJRU5ErkJggg==';

export function notificationIdFor(callId: string): string {
  return NOTIFICATION_PREFIX + callId;
}

function callIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(NOTIFICATION_PREFIX)
    ? notificationId.slice(NOTIFICATION_PREFIX.length)
    : undefined;
}

/** Firefox shows no notification buttons (and rejects options it does not know). */
function supportsButtons(): boolean {
  return !browser.runtime.getURL('').startsWith('moz-extension:');
}

/** The live session: calls are read from it and Answer/Hangup go through it. */
export type CallAlertsSession = Pick<GwsSession, 'calls' | 'operate'> & {
  readonly diagnostics: Pick<DiagnosticsLog, 'record'>;
};

/**
 * Incoming-call alerts outside the page: a system notification per ringing call (with
 * Answer and Decline where the browser has buttons), cleared once the call is answered
 * anywhere or ends, and the toolbar badge (call count; red while ringing).
 */
export class CallAlerts {
  private readonly session: () => CallAlertsSession;
  private readonly queue = new TaskQueue((error) => {
    this.session().diagnostics.record('error', 'call alert failed', String(error));
  });
  private lastBadge: BadgeView | undefined;
  private lastRinging: string | undefined;
  private missed = 0;
  private readonly languageReady: () => Promise<void>;
  private readonly resolveName: PartyNameResolver | undefined;

  /**
   * `languageReady` resolves once the background speaks the agent's language: a worker woken
   * by a ringing call words the notification only after it. `resolveName` names internal
   * callers (the directory: a colleague's DN reads as the colleague).
   */
  constructor(
    session: () => CallAlertsSession,
    languageReady: () => Promise<void> = async () => {},
    resolveName?: PartyNameResolver,
  ) {
    this.session = session;
    this.languageReady = languageReady;
    this.resolveName = resolveName;
  }

  /** Registers the notification listeners; call synchronously at the worker's top level. */
  listen(): void {
    browser.notifications.onButtonClicked.addListener((id, index) => {
      void this.onButtonClicked(id, index);
    });
    browser.notifications.onClicked.addListener((id) => void this.onClicked(id));
  }

  /**
   * A click on the notification itself: the console comes to the front, one click from
   * Answer. The only way to act on a call from a Firefox notification, which has no buttons.
   */
  async onClicked(notificationId: string): Promise<void> {
    if (callIdOf(notificationId) === undefined) return;
    try {
      await openConsoleWindow();
    } catch (error) {
      this.session().diagnostics.record('error', 'console window not opened', String(error));
    }
  }

  onAlerts(alerts: CallAlert[]): void {
    const state = this.session().calls;
    for (const alert of alerts) {
      const record = state.calls.find((r) => r.call.id === alert.callId);
      const call = record ? popCallFromRecord(record) : popCallFromAlert(alert);
      this.queue.push(() => this.show(call));
    }
  }

  /** Missed calls not seen yet, counted on the badge while no call is up. */
  setMissed(count: number): void {
    this.missed = count;
    this.onChange(this.session().calls);
  }

  /** Every store change: the badge follows, notifications of calls no longer ringing go. */
  onChange(state: CallsState): void {
    const badge = badgeFor(state, this.missed);
    if (badge.text !== this.lastBadge?.text || badge.color !== this.lastBadge.color) {
      this.lastBadge = badge;
      // Painted when its turn comes, as it is then: a burst of changes is one paint.
      this.queue.pushLatest('badge', () => this.paintBadge(this.lastBadge ?? badge));
    }
    const ringing = ringingCallIds(state).join('\n');
    if (ringing !== this.lastRinging) {
      this.lastRinging = ringing;
      this.queue.pushLatest('clear-stale', () => this.clearStale());
    }
  }

  /**
   * What a click on a notification button does; the `notifications.onButtonClicked`
   * listener calls exactly this. Answer answers through the session. Decline hangs up a
   * ringing call when GWS offers Hangup on it, otherwise it only dismisses the alert.
   */
  async onButtonClicked(notificationId: string, buttonIndex: number): Promise<void> {
    const callId = callIdOf(notificationId);
    if (callId === undefined) return;
    const session = this.session();
    const record = session.calls.calls.find((r) => r.call.id === callId);
    let operation: 'Answer' | 'Hangup' | undefined;
    if (buttonIndex === ANSWER_BUTTON) operation = 'Answer';
    else if (buttonIndex === DECLINE_BUTTON && record && hasCapability(record, 'Hangup')) {
      operation = 'Hangup';
    }
    if (buttonIndex === DECLINE_BUTTON || !record) await this.clear(notificationId);
    if (!operation || !record) return;
    const op = operation;
    try {
      await session.operate({ kind: 'call', callId, request: { operation: op } });
    } catch (error) {
      this.session().diagnostics.record('error', `notification ${op} failed`, String(error));
    }
  }

  /** Resolves when everything queued so far is done (tests, diagnostics). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async show(call: PopCall): Promise<void> {
    // Answered or ended while waiting its turn: nothing to alert any more.
    if (!this.stillRinging(call.id)) return;
    const settings = await loadScreenPopSettingsInForce();
    if (!settings.notifications) return;
    await this.languageReady().catch(() => undefined);
    // Country names in the agent's language too.
    const locale = uiLanguage();
    const ani = enrichAni(call, settings.region, (raw, region) =>
      enrichNumber(raw, region, locale),
    );
    const { partyNameKey } = await agentSettings.get().catch(() => agentSettings.defaults());
    const party = otherParty(call, {
      nameKey: partyNameKey,
      ...(this.resolveName ? { resolveName: this.resolveName } : {}),
    });
    const text = describeIncomingCall(
      call,
      ani,
      settings.notificationUserDataKey,
      {
        title: (caller) => t('callAlertTitle', caller),
        to: (dnis) => t('callAlertTo', dnis),
        unknown: t('callAlertUnknownCaller'),
      },
      party.name,
    );
    const id = notificationIdFor(call.id);
    const buttons = supportsButtons();
    // Without buttons (Firefox) the notification shows title and message only: the chosen
    // attached data goes into the message, with what a click does.
    const message = buttons
      ? text.message
      : [text.message, text.contextMessage, t('callAlertOpenConsole')].filter(Boolean).join('\n');
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: ICON_URL,
      title: text.title,
      message,
      ...(buttons
        ? {
            ...(text.contextMessage ? { contextMessage: text.contextMessage } : {}),
            buttons: [{ title: t('callAlertAnswer') }, { title: t('callAlertDecline') }],
            requireInteraction: true,
          }
        : {}),
    });
    // Answered elsewhere while the notification was being built: take it down again.
    if (!this.stillRinging(call.id)) await this.clear(id);
  }

  private stillRinging(callId: string): boolean {
    const live = this.session().calls.calls.find((r) => r.call.id === callId);
    return live?.call.state === 'Ringing';
  }

  /** Clears our notifications whose call no longer rings (also those a previous worker left). */
  private async clearStale(): Promise<void> {
    const ringing = new Set(ringingCallIds(this.session().calls));
    const shown = Object.keys(await browser.notifications.getAll());
    for (const id of shown) {
      const callId = callIdOf(id);
      if (callId !== undefined && !ringing.has(callId)) await this.clear(id);
    }
  }

  private async clear(notificationId: string): Promise<void> {
    await browser.notifications.clear(notificationId);
  }

  private async paintBadge(badge: BadgeView): Promise<void> {
    // MV3 has `action`, Firefox's MV2 build `browserAction`.
    const action = browser.action ?? browser.browserAction;
    await action.setBadgeBackgroundColor({ color: badge.color });
    await action.setBadgeText({ text: badge.text });
  }
}
