import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { problemText } from '@/lib/ui/rule-view';
import { checkAdminEntry, type AdminEntry } from '@/lib/directory/admin-entries';
import type { DirectorySettings } from '@/lib/directory/directory-settings';
import { DESTINATION_KINDS, type DestinationKind } from '@/lib/directory/types';
import type { PolicyProblem } from '@/lib/settings/policy-view';
import type { RuleProblem } from '@/lib/screen-pop/types';
import { Field } from '../Field';
import { OptionsSection } from './OptionsSection';
import { LockedNote } from './LockedNote';
import { ProblemList } from './ProblemList';
import { SaveStatus, useSaver } from './SaveStatus';

export const KIND_WORDS: Readonly<Record<DestinationKind, MessageKey>> = {
  agent: 'directoryKindAgent',
  queue: 'directoryKindQueue',
  'routing-point': 'directoryKindRoutingPoint',
  external: 'directoryKindExternal',
  other: 'directoryKindOther',
};

type ListName = keyof DirectorySettings;

interface Props {
  /** The lists in force (policy's where it sets them); undefined while loading. */
  settings?: DirectorySettings;
  /** Lists set by policy: shown, not editable. */
  locks: Readonly<Record<ListName, boolean>>;
  /** What is wrong with the policy's lists (those entries are never offered). */
  policyProblems: readonly PolicyProblem[];
  onSave: (list: ListName, entries: AdminEntry[]) => Promise<void>;
}

/**
 * Favourites and speed dials: what the transfer form and the dial pad offer before recent
 * destinations and agents. Each list is edited on its own: an entry is checked when it is
 * added (the same check policy entries get) and the list is saved at once.
 */
export function DirectorySection({ settings, locks, policyProblems, onSave }: Props) {
  const saver = useSaver();
  const save = (list: ListName, entries: AdminEntry[]) =>
    saver.run(t('optionsSaveFailed'), async () => {
      await onSave(list, entries);
      return t('optionsSaved');
    });
  return (
    <OptionsSection
      id="directory"
      title={t('optionsDirectoryTitle')}
      help={t('optionsDirectoryIntro')}
    >
      {policyProblems.length > 0 ? (
        <div class="policy-problems">
          <p>{t('optionsDirectoryPolicyProblems')}</p>
          <ProblemList problems={policyProblems} />
        </div>
      ) : null}
      {(['favourites', 'speedDials'] as const).map((list) => (
        <EntryList
          key={list}
          list={list}
          entries={settings?.[list]}
          locked={locks[list]}
          pending={saver.pending}
          onSave={(entries) => save(list, entries)}
        />
      ))}
      <SaveStatus outcome={saver.outcome} onDismiss={saver.clear} />
    </OptionsSection>
  );
}

interface Draft {
  name: string;
  number: string;
  kind: DestinationKind;
  code: string;
}

const EMPTY_DRAFT: Draft = { name: '', number: '', kind: 'other', code: '' };

function EntryList({
  list,
  entries,
  locked,
  pending,
  onSave,
}: {
  list: ListName;
  entries: readonly AdminEntry[] | undefined;
  locked: boolean;
  pending: boolean;
  onSave: (entries: AdminEntry[]) => Promise<unknown>;
}) {
  const speedDial = list === 'speedDials';
  const id = `directory-${list}`;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<readonly RuleProblem[]>([]);
  const problemAt = (field: keyof Draft) => {
    const found = problems.find((p) => p.path.endsWith(`.${field}`));
    return found ? { id: `${id}-${field}-problem`, text: problemText(found) } : undefined;
  };
  const set = (field: keyof Draft, value: string) => {
    setDraft({ ...draft, [field]: value });
    setProblems((ps) => ps.filter((p) => !p.path.endsWith(`.${field}`)));
  };
  const add = async () => {
    if (!entries) return;
    const codes = new Set(entries.map((e) => e.code).filter((c): c is string => Boolean(c)));
    const raw = speedDial ? draft : { name: draft.name, number: draft.number, kind: draft.kind };
    const checked = checkAdminEntry(raw, `${list}[${entries.length}]`, speedDial, codes);
    setProblems(checked.problems);
    if (!checked.entry) return;
    await onSave([...entries, checked.entry]);
    setDraft(EMPTY_DRAFT);
  };

  return (
    <section class="directory-admin" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {t(speedDial ? 'optionsSpeedDialsTitle' : 'optionsFavouritesTitle')}
      </h3>
      {locked ? <LockedNote id={`${id}-locked`} /> : null}
      {entries && entries.length > 0 ? (
        <ul class="directory-admin-list">
          {entries.map((entry, i) => (
            <li key={`${entry.number}-${i}`}>
              <span class="directory-name">{entry.name}</span>{' '}
              <span class="mono">{entry.number}</span> <span>· {t(KIND_WORDS[entry.kind])}</span>
              {entry.code ? <span> · {t('directoryCode', entry.code)}</span> : null}
              {locked ? null : (
                <button
                  type="button"
                  class="btn btn-plain btn-small"
                  disabled={pending}
                  onClick={() => void onSave(entries.filter((_, j) => j !== i))}
                >
                  {t('optionsDirectoryRemove', entry.name)}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{entries ? t('optionsDirectoryNone') : t('loading')}</p>
      )}
      {locked ? null : (
        <form
          class="stack-form directory-admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field label={t('optionsDirectoryName')} problem={problemAt('name')}>
            {(attrs) => (
              <input
                type="text"
                name="name"
                autoComplete="off"
                value={draft.name}
                {...attrs}
                onInput={(e) => set('name', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('optionsDirectoryNumber')} problem={problemAt('number')}>
            {(attrs) => (
              <input
                type="text"
                name="number"
                inputMode="tel"
                autoComplete="off"
                spellcheck={false}
                value={draft.number}
                {...attrs}
                onInput={(e) => set('number', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('optionsDirectoryKind')}>
            {(attrs) => (
              <select
                name="kind"
                value={draft.kind}
                {...attrs}
                onChange={(e) => set('kind', e.currentTarget.value)}
              >
                {DESTINATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(KIND_WORDS[kind])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {speedDial ? (
            <Field label={t('optionsDirectoryCode')} problem={problemAt('code')}>
              {(attrs) => (
                <input
                  type="text"
                  name="code"
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft.code}
                  {...attrs}
                  onInput={(e) => set('code', e.currentTarget.value)}
                />
              )}
            </Field>
          ) : null}
          <div class="button-row">
            <button type="submit" class="btn btn-primary" disabled={!entries || pending}>
              {t('optionsDirectoryAdd')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
