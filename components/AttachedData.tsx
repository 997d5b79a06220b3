import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/messages';
import { formatDataValue } from '@/lib/ui/format';
import { PendingButton } from './PendingButton';
import { DataValueText } from './DataValueText';

interface Props {
  userData: Readonly<Record<string, unknown>>;
  /** Present when the call offers UpdateUserData: add or replace one key (gws-api.md §4.6). */
  onUpdate?: (key: string, value: string) => void;
  /** Present when the call offers DeleteUserDataPair. */
  onDelete?: (key: string) => void;
  updatePending?: boolean;
  deletePending?: boolean;
  /** Shown unfolded (the agent can still fold or unfold it). */
  open?: boolean;
  /** Keys the administrator marked read-only: no Edit, no Delete, not added from here. */
  readOnly?: (key: string) => boolean;
}

/**
 * Attached data as a key/value list; keys and values are shown as text, whatever they hold.
 * Editable when the call offers it: a value is replaced, a pair added or deleted, and the
 * list changes only when GWS reports the new data.
 */
export function AttachedData(props: Props) {
  const entries = Object.entries(props.userData);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const editInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing !== undefined) editInput.current?.focus();
  }, [editing]);
  const canEdit = props.onUpdate !== undefined;
  const readOnly = props.readOnly ?? (() => false);
  if (entries.length === 0 && !canEdit) return null;

  const save = (key: string) => {
    props.onUpdate?.(key, draft);
    setEditing(undefined);
  };
  const add = () => {
    const key = newKey.trim();
    if (!key) return setProblem(t('dataMissingKey'));
    if (readOnly(key)) return setProblem(t('dataReadOnlyKey', key));
    setProblem(undefined);
    props.onUpdate?.(key, newValue);
    setNewKey('');
    setNewValue('');
  };
  const onEnter = (action: () => void) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (!props.updatePending) action();
  };

  return (
    <details class="attached-data" open={props.open ?? true}>
      <summary>{t('dataTitle', entries.length)}</summary>
      {entries.length > 0 ? (
        <dl class="data-list">
          {entries.map(([key, value]) => (
            <div class="data-row" key={key}>
              <dt class="data-key">{key}</dt>
              {editing === key ? (
                <dd class="data-edit">
                  <input
                    type="text"
                    value={draft}
                    aria-label={t('dataValueFor', key)}
                    onInput={(e) => setDraft(e.currentTarget.value)}
                    onKeyDown={onEnter(() => save(key))}
                    ref={editInput}
                  />
                  <PendingButton
                    class="btn-small"
                    label={t('dataSave')}
                    pending={props.updatePending}
                    onClick={() => save(key)}
                  />
                  <button
                    type="button"
                    class="btn btn-plain btn-small"
                    onClick={() => setEditing(undefined)}
                  >
                    {t('cancel')}
                  </button>
                </dd>
              ) : (
                <dd class="data-value">
                  <DataValueText text={formatDataValue(value)} />
                  {canEdit && !readOnly(key) ? (
                    <PendingButton
                      class="btn-small"
                      label={t('dataEdit')}
                      ariaLabel={t('dataEditKey', key)}
                      pending={props.updatePending}
                      onClick={() => {
                        setDraft(formatDataValue(value));
                        setEditing(key);
                      }}
                    />
                  ) : null}
                  {props.onDelete && !readOnly(key) ? (
                    <PendingButton
                      class="btn-small"
                      label={t('dataDelete')}
                      ariaLabel={t('dataDeleteKey', key)}
                      pending={props.deletePending}
                      onClick={() => props.onDelete?.(key)}
                    />
                  ) : null}
                </dd>
              )}
            </div>
          ))}
        </dl>
      ) : (
        <p class="muted">{t('dataEmpty')}</p>
      )}
      {canEdit ? (
        <div class="data-add" role="group" aria-label={t('dataAdd')}>
          <input
            type="text"
            value={newKey}
            placeholder={t('dataKey')}
            aria-label={t('dataKey')}
            aria-invalid={problem ? 'true' : undefined}
            onInput={(e) => setNewKey(e.currentTarget.value)}
            onKeyDown={onEnter(add)}
          />
          <input
            type="text"
            value={newValue}
            placeholder={t('dataValue')}
            aria-label={t('dataValue')}
            onInput={(e) => setNewValue(e.currentTarget.value)}
            onKeyDown={onEnter(add)}
          />
          <PendingButton
            class="btn-small"
            label={t('dataAddButton')}
            pending={props.updatePending}
            onClick={add}
          />
          {problem ? (
            <p class="field-error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}
