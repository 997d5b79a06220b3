import type { ComponentChildren, Ref } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { searchDirectory, type DirectoryMatch } from '@/lib/directory/search';
import type {
  AgentListStatus,
  AgentPresence,
  DirectoryEntry,
  EntryKind,
} from '@/lib/directory/types';
import type { ControlAttrs } from './Field';

const GROUP_TITLES: Readonly<Record<EntryKind, MessageKey>> = {
  'speed-dial': 'directoryGroupSpeedDial',
  favourite: 'directoryGroupFavourite',
  recent: 'directoryGroupRecent',
  agent: 'directoryGroupAgent',
};

const AGENT_NOTICES: Partial<Record<AgentListStatus, MessageKey>> = {
  forbidden: 'directoryAgentsForbidden',
  unavailable: 'directoryAgentsUnavailable',
  none: 'directoryAgentsLoading',
};

export interface DirectoryPickerProps {
  /** Ids of the input, list and options derive from it. */
  id: string;
  /** The field's label (a `<label for>`: the list is not part of the field's name). */
  label: ComponentChildren;
  /** `visually-hidden` where the form says what the field is by itself. */
  labelClass?: string;
  value: string;
  onInput: (input: HTMLInputElement) => void;
  entries: readonly DirectoryEntry[];
  /** Only these groups (e.g. agents only for a supervisor's monitoring form). */
  kinds?: readonly EntryKind[];
  /** An entry was chosen (Enter on it, or a click). */
  onPick: (entry: DirectoryEntry) => void;
  /** Enter with no entry chosen: what was typed is the destination. */
  onSubmitTyped: () => void;
  /** Why agents are missing, when the agent group is offered. */
  agentStatus?: AgentListStatus;
  /** The list opened: a chance to read a stale agent list again. */
  onOpen?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  /** From `Field`: label notes, aria-invalid. */
  attrs?: ControlAttrs;
  placeholder?: string;
  disabled?: boolean;
}

/** Names search by letters; digits and phone marks are a number typed to be dialled as is. */
function looksLikeName(typed: string): boolean {
  return /\p{L}/u.test(typed);
}

function presenceText(presence: AgentPresence | undefined): string | undefined {
  if (!presence) return undefined;
  if (!presence.loggedIn) return t('directoryAgentLoggedOut');
  const words = presence.displayName ?? presence.workMode ?? presence.state;
  if (!words) return undefined;
  return presence.reason && !words.includes(presence.reason)
    ? `${words} · ${presence.reason}`
    : words;
}

function presenceClass(presence: AgentPresence | undefined): string {
  if (!presence?.loggedIn) return 'state-badge state-off';
  return presence.state === 'Ready' ? 'state-badge state-ready' : 'state-badge state-busy';
}

/**
 * A destination field with the directory under it: type to filter (names, numbers, DNs,
 * speed-dial codes), ↑/↓ to move, Enter to take the highlighted entry (or, with none, what
 * was typed), Escape to close the list. ARIA combobox with a grouped listbox; the list is in
 * the flow of the form, so it never covers the buttons after it. Everything is text: names
 * and states from GWS are never read as HTML.
 */
export function DirectoryPicker(props: DirectoryPickerProps) {
  const { id, value, entries, kinds, agentStatus } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<number | undefined>(undefined);
  const matches = useMemo(
    () => searchDirectory(entries, value, kinds ? { kinds } : {}),
    [entries, value, kinds],
  );
  // A name typed, or a speed-dial code: the best entry is the one Enter takes. Digits typed
  // are dialled as typed unless the agent moves to an entry.
  const suggested =
    matches.length > 0 && (looksLikeName(value) || matches[0]?.rank === 0) ? 0 : undefined;
  const current = active !== undefined && active < matches.length ? active : suggested;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const showAgentsNotice =
    (kinds ?? ['agent']).includes('agent') &&
    agentStatus !== undefined &&
    AGENT_NOTICES[agentStatus] !== undefined;
  const expanded = open && (matches.length > 0 || value.trim() !== '' || showAgentsNotice);

  const show = () => {
    if (!open) props.onOpen?.();
    setOpen(true);
  };
  const pick = (match: DirectoryMatch | undefined) => {
    if (!match) return;
    setOpen(false);
    setActive(undefined);
    props.onPick(match.entry);
  };
  const move = (step: 1 | -1) => {
    if (!expanded) return show();
    if (matches.length === 0) return;
    const from = current ?? (step === 1 ? -1 : matches.length);
    setActive((from + step + matches.length) % matches.length);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (expanded && current !== undefined) pick(matches[current]);
      else props.onSubmitTyped();
    } else if (e.key === 'Escape' && expanded) {
      // Only the list closes; a second Escape reaches the form around it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(undefined);
    }
  };

  let lastKind: EntryKind | undefined;
  const groups: Array<{ kind: EntryKind; items: Array<{ match: DirectoryMatch; index: number }> }> =
    [];
  matches.forEach((match, index) => {
    if (match.entry.kind !== lastKind) {
      lastKind = match.entry.kind;
      groups.push({ kind: match.entry.kind, items: [] });
    }
    groups[groups.length - 1]?.items.push({ match, index });
  });

  return (
    <div class="directory-picker">
      <label for={id} class={props.labelClass ?? 'directory-label'}>
        {props.label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        type="text"
        inputMode="tel"
        autoComplete="off"
        spellcheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        {...(expanded && current !== undefined
          ? { 'aria-activedescendant': optionId(current) }
          : {})}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
        disabled={props.disabled}
        value={value}
        {...props.attrs}
        onInput={(e) => {
          setActive(undefined);
          show();
          props.onInput(e.currentTarget);
        }}
        onKeyDown={onKeyDown}
        // A click opens the list too: with nothing typed it shows every group, the recent
        // destinations among them, to a mouse as ↓ does to the keyboard.
        onClick={show}
        onBlur={(e) => {
          // Focus going to the form's own buttons keeps the list: closing it there would move
          // the button away between the press and the release of the click.
          const next = e.relatedTarget instanceof Node ? e.relatedTarget : null;
          const scope = e.currentTarget.closest('form, [role="group"]');
          if (next && scope?.contains(next)) return;
          setOpen(false);
        }}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('directoryListLabel')}
        class="directory-list"
        hidden={!expanded}
      >
        {expanded
          ? groups.map((group) => (
              <div
                key={group.kind}
                role="group"
                aria-labelledby={`${id}-group-${group.kind}`}
                class="directory-group"
              >
                <div
                  id={`${id}-group-${group.kind}`}
                  class="directory-group-title"
                  role="presentation"
                >
                  {t(GROUP_TITLES[group.kind])}
                </div>
                {group.items.map(({ match, index }) => (
                  <EntryOption
                    key={index}
                    id={optionId(index)}
                    entry={match.entry}
                    selected={index === current}
                    onChoose={() => pick(match)}
                  />
                ))}
              </div>
            ))
          : null}
        {expanded && matches.length === 0 && value.trim() !== '' ? (
          <div class="directory-empty muted" role="presentation">
            {t('directoryNoMatch')}
          </div>
        ) : null}
      </div>
      {expanded && showAgentsNotice && agentStatus ? (
        <p class="directory-notice muted" role="status">
          {t(AGENT_NOTICES[agentStatus] as MessageKey)}
        </p>
      ) : null}
    </div>
  );
}

function EntryOption({
  id,
  entry,
  selected,
  onChoose,
}: {
  id: string;
  entry: DirectoryEntry;
  selected: boolean;
  onChoose: () => void;
}) {
  const state = entry.kind === 'agent' ? presenceText(entry.agent?.presence) : undefined;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected ? 'true' : 'false'}
      class={selected ? 'directory-option active' : 'directory-option'}
      // The field keeps the focus: the keyboard stays where the agent types.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onChoose}
    >
      <span class="directory-name">{entry.name}</span>
      {entry.number && entry.number !== entry.name ? (
        <span class="directory-number mono">{entry.number}</span>
      ) : null}
      {entry.code ? <span class="directory-code">{t('directoryCode', entry.code)}</span> : null}
      {state ? <span class={presenceClass(entry.agent?.presence)}>{state}</span> : null}
    </div>
  );
}
