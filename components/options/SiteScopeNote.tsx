import { t } from '@/lib/i18n/messages';
import { siteScope, siteToPattern } from '@/lib/settings/crm-sites';

/**
 * What the site being typed would cover, said before it is saved: the one port typed, or
 * every port of the host; the host alone, or its subdomains too.
 */
export function SiteScopeNote({ input }: { input: string }) {
  const check = siteToPattern(input);
  const scope = check.ok ? siteScope(check.pattern) : undefined;
  if (!scope) return null;
  const site = `${scope.scheme}://${scope.subdomains ? '*.' : ''}${scope.host}`;
  const where = scope.port
    ? t('optionsSiteCoversPort', [site, scope.port])
    : t('optionsSiteCoversEveryPort', site);
  return (
    <p id="site-scope" class="muted help-text" aria-live="polite">
      {where}
      {scope.subdomains ? ` ${t('optionsSiteCoversSubdomains', scope.host)}` : ''}
    </p>
  );
}
