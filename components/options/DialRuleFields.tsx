import { t } from '@/lib/i18n/messages';
import { problemText } from '@/lib/ui/rule-view';
import { CLASS_WORDS, FORMAT_WORDS } from '@/lib/ui/dial-plan-view';
import type { DialRuleDraft } from '@/lib/ui/dial-rule-drafts';
import type { DialRuleField, DialRuleProblem } from '@/lib/dial-plan/validate';
import { DIAL_FORMATS, NUMBER_CLASSES, type DialFormat } from '@/lib/dial-plan/types';
import { Field } from '../Field';

interface Props {
  draft: DialRuleDraft;
  index: number;
  count: number;
  problems: ReadonlyMap<DialRuleField, DialRuleProblem> | undefined;
  /** Fixed by policy: shown read-only (the section says so once). */
  locked: boolean;
  onChange: (patch: Partial<DialRuleDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

type TextField = 'name' | 'pattern' | 'stripDigits' | 'stripPrefix' | 'prefix';

const TEXT_FIELDS: ReadonlyArray<{
  field: TextField;
  label: Parameters<typeof t>[0];
  help?: boolean;
}> = [
  { field: 'name', label: 'optionsDialPlanName' },
  { field: 'pattern', label: 'optionsDialPlanPattern', help: true },
  { field: 'stripDigits', label: 'optionsDialPlanStripDigits' },
  { field: 'stripPrefix', label: 'optionsDialPlanStripPrefix' },
  { field: 'prefix', label: 'optionsDialPlanPrefix' },
];

/** One dial-plan rule in the editor: its fields, each with its problem under it. */
export function DialRuleFields(props: Props) {
  const { draft, index, count, problems, locked, onChange } = props;
  const id = (field: string) => `dial-rule-${draft.key}-${field}`;
  const problemOf = (field: DialRuleField) => {
    const p = problems?.get(field);
    return p ? { id: id(`${field}-problem`), text: problemText(p) } : undefined;
  };
  const position = String(index + 1);
  const classProblem = problemOf('classes');
  return (
    <fieldset class="dial-rule" data-rule={position}>
      <legend>{t('optionsDialPlanRule', position)}</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          name="enabled"
          checked={draft.enabled}
          disabled={locked}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
        />
        <span>{t('optionsDialPlanEnabled')}</span>
      </label>
      {TEXT_FIELDS.map(({ field, label, help }) => (
        <Field
          key={field}
          label={t(label)}
          problem={problemOf(field)}
          help={help ? { id: id('help'), text: t('optionsDialPlanPatternHelp') } : undefined}
        >
          {(attrs) => (
            <input
              {...attrs}
              type="text"
              name={field}
              spellcheck={false}
              autoComplete="off"
              {...(field === 'stripDigits' ? { inputMode: 'numeric' as const } : {})}
              value={draft[field]}
              readOnly={locked}
              onInput={(e) => onChange({ [field]: e.currentTarget.value })}
            />
          )}
        </Field>
      ))}
      <Field label={t('optionsDialPlanFormat')} problem={problemOf('format')}>
        {(attrs) => (
          <select
            {...attrs}
            name="format"
            value={draft.format}
            disabled={locked}
            onChange={(e) => onChange({ format: e.currentTarget.value as DialFormat })}
          >
            {DIAL_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(FORMAT_WORDS[f])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="dial-rule-classes" aria-describedby={classProblem?.id}>
        <legend>{t('optionsDialPlanClasses')}</legend>
        {NUMBER_CLASSES.map((c) => (
          <label class="checkbox" key={c}>
            <input
              type="checkbox"
              name={`class-${c}`}
              checked={draft.classes.includes(c)}
              disabled={locked}
              onChange={(e) =>
                onChange({
                  classes: e.currentTarget.checked
                    ? NUMBER_CLASSES.filter((k) => k === c || draft.classes.includes(k))
                    : draft.classes.filter((k) => k !== c),
                })
              }
            />
            <span>{t(CLASS_WORDS[c])}</span>
          </label>
        ))}
        {classProblem ? (
          <p class="field-error" id={classProblem.id}>
            {classProblem.text}
          </p>
        ) : null}
      </fieldset>
      {locked ? null : (
        <div class="button-row">
          <button
            type="button"
            class="btn btn-plain btn-small"
            disabled={index === 0}
            onClick={() => props.onMove(index - 1)}
          >
            {t('optionsDialPlanUp', position)}
          </button>
          <button
            type="button"
            class="btn btn-plain btn-small"
            disabled={index === count - 1}
            onClick={() => props.onMove(index + 1)}
          >
            {t('optionsDialPlanDown', position)}
          </button>
          <button type="button" class="btn btn-plain btn-small" onClick={props.onRemove}>
            {t('optionsDialPlanRemove', position)}
          </button>
        </div>
      )}
    </fieldset>
  );
}
