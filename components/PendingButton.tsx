import type { ComponentChildren } from 'preact';

export type ButtonVariant = 'primary' | 'danger' | 'success' | 'plain';

interface Props {
  label: string;
  onClick?: () => void;
  /** The intent this button sends is in flight: disabled, with a spinner, until it settles. */
  pending?: boolean;
  disabled?: boolean;
  variant?: ButtonVariant;
  type?: 'button' | 'submit';
  /** A decorative glyph before the label; hidden from assistive technology. */
  icon?: ComponentChildren;
  /** Extra context read after the label (e.g. which call). */
  describedBy?: string;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  class?: string;
  title?: string;
  /** A fuller accessible name when the visible label is short (e.g. "Remove" → "Remove 5125"). */
  ariaLabel?: string;
}

/** A labelled button that shows a spinner and refuses clicks while its intent is pending. */
export function PendingButton(props: Props) {
  const pending = props.pending === true;
  const classes = ['btn', `btn-${props.variant ?? 'plain'}`, props.class ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={props.type ?? 'button'}
      class={classes}
      disabled={pending || props.disabled === true}
      aria-busy={pending ? 'true' : undefined}
      aria-label={props.ariaLabel}
      aria-describedby={props.describedBy}
      aria-pressed={props.pressed === undefined ? undefined : props.pressed ? 'true' : 'false'}
      aria-expanded={props.expanded === undefined ? undefined : props.expanded ? 'true' : 'false'}
      aria-controls={props.controls}
      title={props.title}
      onClick={props.onClick}
    >
      {pending ? (
        <span class="spinner" aria-hidden="true" />
      ) : props.icon ? (
        <span class="btn-icon" aria-hidden="true">
          {props.icon}
        </span>
      ) : null}
      <span class="btn-label">{props.label}</span>
    </button>
  );
}
