import type { ScreenPopRule } from './types.ts';

/**
 * The demo CRM (`npm start` serves it here). The one default for the CRM base URL: relative
 * rule templates and tab patterns resolve against the configured base, so pointing the
 * extension at another CRM host is one setting.
 */
export const DEFAULT_CRM_BASE_URL = 'http://127.0.0.1:8091';

/** Region for national-format numbers until the agent picks one. */
export const DEFAULT_REGION = 'US';

/** Incoming external calls open the caller's contact page, found by number. */
export function defaultRules(): ScreenPopRule[] {
  return [
    {
      id: 'default-contact-by-ani',
      name: 'Caller contact page',
      enabled: true,
      when: { callTypes: ['Inbound'], direction: 'incoming' },
      trigger: 'ringing',
      url: '/crm/contacts?phone={ani.e164|ani}',
      tab: { matchUrl: '/crm/*', reusePopTab: true, newWindow: false },
    },
  ];
}
