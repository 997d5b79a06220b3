import type { ComponentChildren } from 'preact';
import { LockedNote } from './options/LockedNote';

/** What ties a control to its label's notes (and, in the rule form, its id). */
export interface ControlAttrs {
  id?: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/** A note under a field: its id (what the control points to) and its text. */
export interface FieldNote {
  id: string;
  text: ComponentChildren;
}

interface Props {
  label: ComponentChildren;
  /** Draws the control with the attributes that tie it to the notes. */
  children: (attrs: ControlAttrs) => ComponentChildren;
  /** Extra classes on the label (`field` is always there). */
  class?: string;
  /** What is wrong with the value; `announce` reads it out at once (role=alert). */
  problem?: (FieldNote & { announce?: boolean }) | undefined;
  /** Fixed by enterprise policy: the id of the note that says so. */
  lockedId?: string | undefined;
  help?: FieldNote | undefined;
  /**
   * Notes drawn elsewhere that describe the control (a row's problems, a form's help), and
   * attributes the rule form computes for its fields (`fieldAttrs`).
   */
  attrs?: ControlAttrs;
}

/**
 * One form field: its label wrapping the control, then the notes under it — locked by policy,
 * the problem, the help — each pointed to by the control's aria-describedby, with
 * aria-invalid while there is a problem.
 */
export function Field({ label, children, problem, lockedId, help, attrs = {}, ...rest }: Props) {
  const describedBy = [problem?.id, lockedId, help?.id, attrs['aria-describedby']]
    .filter(Boolean)
    .join(' ');
  const control: ControlAttrs = {
    ...(attrs.id ? { id: attrs.id } : {}),
    ...(problem || attrs['aria-invalid'] ? { 'aria-invalid': 'true' as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  return (
    <>
      <label class={rest.class ? `field ${rest.class}` : 'field'}>
        <span>{label}</span>
        {children(control)}
      </label>
      {lockedId ? <LockedNote id={lockedId} /> : null}
      {problem ? (
        <p class="field-error" id={problem.id} {...(problem.announce ? { role: 'alert' } : {})}>
          {problem.text}
        </p>
      ) : null}
      {help ? (
        <p class="muted help-text" id={help.id}>
          {help.text}
        </p>
      ) : null}
    </>
  );
}
