/** Small helpers for the caller card: local time, calling hours, number types. */
import { numberTypeKey } from '../i18n/keys.ts';
import { ot } from '../i18n/overlay-messages.ts';

/** Hours (local to the callee) outside which a call is likely unwelcome: 08:00–21:00. */
export const CALLING_HOURS = { from: 8, to: 21 };

export interface LocalTime {
  /** e.g. "14:05" */
  time: string;
  /** e.g. "Tue" */
  weekday: string;
  outsideCallingHours: boolean;
}

/**
 * The time now in `timeZone`, the weekday written in `locale` (the overlay's language), or
 * undefined for an unknown zone.
 */
export function localTimeIn(timeZone: string, now: number, locale = 'en'): LocalTime | undefined {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const hour = Number(get('hour'));
    return {
      time: `${get('hour')}:${get('minute')}`,
      weekday: get('weekday'),
      outsideCallingHours: !(hour >= CALLING_HOURS.from && hour < CALLING_HOURS.to),
    };
  } catch {
    return undefined;
  }
}

/**
 * A libphonenumber number type in the overlay's language ("MOBILE" → "Mobile"); a type the
 * catalogue has no words for is shown as it is.
 */
export function numberTypeText(type: string | undefined): string | undefined {
  return type === undefined ? undefined : ot(numberTypeKey(type), type);
}
