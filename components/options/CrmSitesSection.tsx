import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import {
  siteLabel,
  siteToPattern,
  withSite,
  withoutSite,
  type SiteProblem,
} from '@/lib/settings/crm-sites';
import { revokeDecision, type SiteAccess } from '@/lib/settings/site-access';
import type { RuleProblem } from '@/lib/screen-pop/types';
import { PendingButton } from '../PendingButton';
import { ProblemList } from './ProblemList';
import { SiteScopeNote } from './SiteScopeNote';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { Field } from '../Field';
import { ExplainedError, SaveStatus, useSaver } from './SaveStatus';

interface Props {
  sites: readonly string[];
  /** Sites policy adds; listed, locked. */
  managedSites?: readonly string[];
  /** Sites policy sets that are refused (too broad, not a site): told, never used. */
  policyProblems?: readonly RuleProblem[];
  access: SiteAccess;
  /** Where the GWS server lives: its access is never given back from here. */
  serverUrls: readonly string[];
  onChange: (sites: string[]) => Promise<void>;
}

const PROBLEMS: Readonly<Record<SiteProblem, MessageKey>> = {
  empty: 'optionsSiteProblemEmpty',
  invalid: 'optionsSiteProblemInvalid',
  scheme: 'optionsSiteProblemScheme',
  'too-broad': 'optionsSiteProblemTooBroad',
};

/**
 * The CRM sites the overlay runs on. Adding one asks the browser for that site alone (from
 * the click itself, which browsers require); removing one gives the access back.
 */
export function CrmSitesSection({
  sites,
  managedSites = [],
  policyProblems = [],
  access,
  serverUrls,
  onChange,
}: Props) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [granted, setGranted] = useState<Readonly<Record<string, boolean>>>({});
  const saver = useSaver();

  const refresh = () => {
    Promise.all(sites.map(async (s) => [s, await access.granted(s).catch(() => false)] as const))
      .then((entries) => setGranted(Object.fromEntries(entries)))
      .catch(() => undefined);
  };
  useEffect(refresh, [sites.join('\n')]);

  /** Must run inside the click: no await before `access.request`. */
  const ask = (pattern: string): Promise<boolean> => {
    try {
      return access.request(pattern);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const add = (event: Event) => {
    event.preventDefault();
    if (saver.pending) return;
    const check = siteToPattern(input);
    if (!check.ok) return setProblem(t(PROBLEMS[check.problem]));
    const { pattern } = check;
    if (sites.includes(pattern)) return setProblem(t('optionsSiteDuplicate'));
    setProblem(undefined);
    const asked = ask(pattern);
    const label = siteLabel(pattern);
    void saver.run(t('optionsSiteAddFailed', label), async () => {
      if (!(await asked)) throw new ExplainedError(t('optionsSiteDenied', label));
      await onChange(withSite(sites, pattern));
      setInput('');
      return t('optionsSiteAdded', label);
    });
  };

  const remove = (pattern: string) => {
    const label = siteLabel(pattern);
    void saver.run(t('optionsSiteRemoveFailed', label), async () => {
      const decision = revokeDecision(pattern, access.required(), serverUrls);
      if (decision === 'revoke') await access.revoke(pattern);
      await onChange(withoutSite(sites, pattern));
      if (decision === 'required') return t('optionsSiteRemovedKeptRequired', label);
      if (decision === 'in-use') return t('optionsSiteRemovedKeptInUse', label);
      return t('optionsSiteRemoved', label);
    });
  };

  const grant = (pattern: string) => {
    const asked = ask(pattern);
    const label = siteLabel(pattern);
    void saver.run(t('optionsSiteAddFailed', label), async () => {
      if (!(await asked)) throw new ExplainedError(t('optionsSiteDenied', label));
      refresh();
      return t('optionsSiteGrantedNow', label);
    });
  };

  return (
    <OptionsSection id="crm-sites" title={t('optionsSitesTitle')} help={t('optionsSitesHelp')}>
      {managedSites.length > 0 ? (
        <ul class="site-list" aria-label={t('optionsSitesManaged')}>
          {managedSites.map((pattern, i) => (
            <li key={pattern} class="site site-locked">
              <span class="site-name mono">{siteLabel(pattern)}</span>
              <LockedNote id={`managed-site-${i}`} />
            </li>
          ))}
        </ul>
      ) : null}
      {policyProblems.length > 0 ? (
        <div class="notice notice-error">
          <p class="notice-text">{t('optionsSitesPolicyProblems')}</p>
          <ProblemList problems={policyProblems} showRule={false} />
        </div>
      ) : null}
      {sites.length === 0 ? (
        managedSites.length === 0 ? (
          <p class="muted">{t('optionsSitesNone')}</p>
        ) : null
      ) : (
        <ul class="site-list" aria-label={t('optionsSitesTitle')}>
          {sites.map((pattern) => {
            const label = siteLabel(pattern);
            const ok = granted[pattern];
            return (
              <li key={pattern} class="site">
                <span class="site-name mono">{label}</span>
                <span class={`site-access ${ok === false ? 'site-missing' : ''}`}>
                  {ok === undefined
                    ? ''
                    : ok
                      ? t('optionsSiteGranted')
                      : t('optionsSiteNotGranted')}
                </span>
                <span class="button-row">
                  {ok === false ? (
                    <PendingButton
                      class="btn-small"
                      label={t('optionsSiteGrant')}
                      ariaLabel={t('optionsSiteGrantNamed', label)}
                      onClick={() => grant(pattern)}
                    />
                  ) : null}
                  <PendingButton
                    class="btn-small"
                    label={t('optionsSiteRemove')}
                    ariaLabel={t('optionsSiteRemoveNamed', label)}
                    disabled={saver.pending}
                    onClick={() => remove(pattern)}
                  />
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form class="site-add" onSubmit={add} noValidate>
        <Field
          label={t('optionsSiteInput')}
          attrs={problem ? { 'aria-invalid': 'true', 'aria-describedby': 'site-problem' } : {}}
        >
          {(attrs) => (
            <input
              type="text"
              name="site"
              value={input}
              spellcheck={false}
              autoComplete="off"
              placeholder={t('optionsSitePlaceholder')}
              {...attrs}
              onInput={(e) => setInput(e.currentTarget.value)}
            />
          )}
        </Field>
        <PendingButton
          type="submit"
          variant="primary"
          label={t('optionsSiteAdd')}
          pending={saver.pending}
        />
      </form>
      <SiteScopeNote input={input} />
      {problem ? (
        <p id="site-problem" class="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}
