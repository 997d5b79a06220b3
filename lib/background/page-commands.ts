import type { CommandHandlers } from '../messaging/router.ts';
import type { SenderLike } from '../messaging/sender.ts';
import type { CallsState } from '../calls/index.ts';
import type { GwsSession } from '../session/gws-session.ts';
import { CommandRejectedError } from '../session/errors.ts';
import { enrichNumber, normalizeDialString } from '../phone/enrich.ts';
import type { EnrichedNumber } from '../phone/types.ts';
import { PAGE_BATCH_LIMIT, type PageNumberInfo } from '../messaging/page-messages.ts';
import { DetectionService } from '../phone/detection-service.ts';
import { readDetectRequest } from '../phone/detect-request.ts';
import { detector } from '../phone/detect.ts';
import { compiledPatternCount } from '../phone/matches-entirely.ts';
import { callTraffic } from './call-traffic.ts';
import type { OverlayWords } from '../i18n/overlay-messages.ts';
import type { UiLanguage } from '../settings/agent-settings.ts';
import { languageTag } from '../i18n/messages.ts';
import { overlayWordsFor } from './background-language.ts';
import { checkPageOperation, isOnLiveCall } from './page-live-calls.ts';
import { readSiteLists, siteVerdict, type SiteLists } from './page-sites.ts';
import { DEFAULT_NUMBERS_SHORTCUT, parseShortcut } from '../settings/numbers-shortcut.ts';

let sharedDetection: DetectionService | undefined;

/** The one detection service of the worker: every tab and frame shares its queue and cache. */
function workerDetection(): DetectionService {
  if (!sharedDetection) {
    sharedDetection = new DetectionService({
      find: detector.find,
      regions: detector.regions,
      // Slices wait while a call event is on its way from GWS to the views.
      gate: callTraffic,
    });
    // For the benchmark (bench/overlay/detection-bench.ts): the worker's global is reachable
    // by extension code and debuggers only, never by pages.
    const service = sharedDetection;
    (globalThis as { gwsCtiDetection?: unknown }).gwsCtiDetection = {
      stats: service.stats,
      compiledPatterns: compiledPatternCount,
      cache: () => ({ entries: service.cached, chars: service.cachedChars }),
      // The slices and the call traffic from now on, on the worker's performance.now() clock.
      startTrace: () => ({
        slices: service.startTrace(),
        traffic: callTraffic.startTrace(),
        timeOrigin: performance.timeOrigin,
      }),
    };
  }
  return sharedDetection;
}

let recordReadingWarm = false;

/**
 * The first record read loads the browser's region names (ICU data: 20–160 ms once per worker).
 * It is done in a task of its own when the first page asks for its configuration, before its
 * texts come, rather than inside a detection slice where a call event could be waiting.
 */
function warmRecordReading(): void {
  if (recordReadingWarm) return;
  recordReadingWarm = true;
  setTimeout(() => detector.regions('', undefined, { context: 'France' }), 0);
}

export type PageCommand =
  'page.config' | 'page.detect' | 'page.enrich' | 'page.dial' | 'page.callOperation';

export type PageCommandHandlers = Pick<CommandHandlers, PageCommand>;

/** What the page commands need of the session. */
export type PageSession = Pick<GwsSession, 'operate'> & { readonly calls: CallsState };

export interface PageCommandOptions {
  lists?: () => Promise<SiteLists>;
  /** `locale`: the language country names are written in. */
  enrich?: (raw: string, region: string, locale: string) => EnrichedNumber;
  /** The overlay's words in the agent's chosen language (default: the packaged catalogue). */
  words?: (language: UiLanguage) => Promise<OverlayWords | undefined>;
  /** Finds numbers in page texts (default: the worker's shared service). */
  detection?: DetectionService;
}

const MAX_NUMBER_LENGTH = 64;

/**
 * The frame's site: its URL, or for an `about:blank` or `about:srcdoc` frame (a CRM's own
 * widget, which inherits the origin of the document that made it) the origin the browser
 * reports for the sender. A sandboxed frame's origin is "null" and matches nothing.
 */
function frameUrl(sender: SenderLike): string | undefined {
  if (typeof sender.url !== 'string') return undefined;
  if (!sender.url.startsWith('about:')) return sender.url;
  return typeof sender.origin === 'string' && /^https?:\/\//.test(sender.origin)
    ? `${sender.origin}/`
    : undefined;
}

/** The frame's URL and its tab's URL, as the browser reports them for the sender. */
function senderUrls(sender: SenderLike): { frame?: string; tab?: string } {
  const tab = sender.tab as { url?: unknown } | undefined;
  const frame = frameUrl(sender);
  return {
    ...(frame !== undefined ? { frame } : {}),
    ...(typeof tab?.url === 'string' ? { tab: tab.url } : {}),
  };
}

/**
 * The overlay may act for a frame only when the frame and the tab's page are both on an
 * enabled CRM site: a CRM page framed by another site (where the framing page could lure
 * clicks onto our targets) gets nothing.
 */
export function senderVerdict(sender: SenderLike, lists: SiteLists) {
  const { frame, tab } = senderUrls(sender);
  const ofFrame = siteVerdict(frame, lists);
  if (!ofFrame.on) return ofFrame;
  return siteVerdict(tab, lists);
}

/** The numbers a page sent (strings of bounded length, at most `limit` of them). */
export function numbersOf(
  request: { numbers?: unknown } | undefined,
  limit = PAGE_BATCH_LIMIT,
): string[] {
  const list = Array.isArray(request?.numbers) ? request.numbers : [];
  return list
    .filter((n): n is string => typeof n === 'string' && n.length <= MAX_NUMBER_LENGTH)
    .slice(0, limit);
}

function numberOf(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_NUMBER_LENGTH) {
    throw new CommandRejectedError('missing-parameter', 'A number is required');
  }
  return value.trim();
}

export function toPageNumberInfo(number: string, e: EnrichedNumber): PageNumberInfo {
  const info: PageNumberInfo = { number, valid: e.valid, internal: e.internal };
  if (e.e164 !== undefined) info.e164 = e.e164;
  if (e.national !== undefined) info.national = e.national;
  if (e.international !== undefined) info.international = e.international;
  if (e.country) {
    info.countryCode = e.country.code;
    info.countryName = e.country.name;
  }
  if (e.region !== undefined) info.location = e.region;
  if (e.type !== undefined) info.type = e.type;
  if (e.timeZone !== undefined) info.timeZone = e.timeZone;
  return info;
}

/**
 * The content-script commands. Each checks the sender's site first: the router already keeps
 * content scripts to these commands, and this keeps them to enabled CRM sites.
 */
export function createPageCommandHandlers(
  session: PageSession,
  options: PageCommandOptions = {},
): PageCommandHandlers {
  const lists = options.lists ?? readSiteLists;
  const enrich = options.enrich ?? enrichNumber;
  const words = options.words ?? ((language: UiLanguage) => overlayWordsFor(language));
  const detection = options.detection ?? workerDetection();

  // page.detect comes in hundreds of messages while a big page is read, several at once: those
  // that arrive while the site lists are being read share that read (three storage areas)
  // instead of each starting its own. A read that has finished is never reused, so a change of
  // settings (a dial plan, a site switched off) holds for the next message.
  let reading: Promise<SiteLists> | undefined;
  const sharedLists = () => {
    reading ??= lists().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  const requireSite = async (
    sender: SenderLike,
    read: () => Promise<SiteLists> = lists,
  ): Promise<SiteLists> => {
    const current = await read();
    const verdict = senderVerdict(sender, current);
    if (!verdict.on) {
      throw new CommandRejectedError('site-not-enabled', 'The overlay is not enabled on this site');
    }
    return current;
  };

  return {
    'page.config': async (_request, sender) => {
      const current = await lists();
      const verdict = senderVerdict(sender, current);
      // Words go only to frames the overlay runs in, and only the overlay's own.
      const chosen = verdict.on ? await words(current.language) : undefined;
      if (verdict.on && !options.detection) warmRecordReading();
      return {
        enabled: verdict.on,
        ...(verdict.on ? {} : { reason: verdict.reason }),
        region: current.region,
        confirmBeforeDial: current.confirmBeforeDial,
        ...(current.internalNumbers?.length ? { internalNumbers: current.internalNumbers } : {}),
        numbersShortcut:
          parseShortcut(current.numbersShortcut) ?? parseShortcut(DEFAULT_NUMBERS_SHORTCUT)!,
        ...(chosen ? { words: chosen } : {}),
      };
    },
    'page.detect': async (request, sender) => {
      const { region, internalNumbers } = await requireSite(sender, sharedLists);
      const verdict = readDetectRequest(request);
      if (!verdict.ok) throw new CommandRejectedError('invalid-input', verdict.reason);
      return detection.detect(verdict.items, {
        region,
        ...(internalNumbers?.length ? { internal: internalNumbers } : {}),
      });
    },
    'page.enrich': async (request, sender) => {
      const { region, language } = await requireSite(sender);
      const locale = languageTag(language);
      return numbersOf(request).map((n) => toPageNumberInfo(n, enrich(n, region, locale)));
    },
    'page.dial': async (request, sender) => {
      const { region } = await requireSite(sender);
      const normalized = normalizeDialString(numberOf(request?.number), region);
      if (!normalized.ok) throw new CommandRejectedError('invalid-number', normalized.reason);
      // One call per person: a number already on a live call gets its controls, not a second call.
      if (isOnLiveCall(session.calls, normalized.dial)) {
        throw new CommandRejectedError('already-on-call', 'This number is already on a live call');
      }
      await session.operate({ kind: 'dial', phoneNumber: normalized.dial });
    },
    'page.callOperation': async (request, sender) => {
      await requireSite(sender);
      const callId = typeof request?.callId === 'string' ? request.callId : '';
      const number = numberOf(request?.number);
      const operation = checkPageOperation(session.calls, callId, request?.operation, number);
      await session.operate({ kind: 'call', callId, request: operation });
    },
  };
}
