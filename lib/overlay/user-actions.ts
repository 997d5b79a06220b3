import type { PageOperation } from '../messaging/page-messages.ts';
import type { ClickGuard } from './click-guard.ts';
import type { OverlayActions } from './overlay-model.ts';

/** What the interaction layer does for the user's own input on the overlay UI. */
export interface UserIntents {
  /** `seen`: the click guard found the target visible long enough. */
  activate(seen: boolean): void;
  confirm(): void;
  cancel(): void;
  operate(callId: string, operation: PageOperation): void;
  pointer(inside: boolean): void;
  navigate(step: 1 | -1): void;
  dismiss(): void;
}

/**
 * The overlay UI's actions: each acts only on events the browser marks as the user's own
 * (`isTrusted`), and the ones that dial or control a call only when the user could see what
 * they clicked — the hit target, or the card around the button (click-guard.ts).
 */
export function userActions(guard: Pick<ClickGuard, 'allows'>, to: UserIntents): OverlayActions {
  const trusted = (e: Event) => e.isTrusted === true;
  const seen = (e: Event) => {
    const el = e.currentTarget as Element | null;
    const watched = el?.closest?.('.card, .hit') ?? el;
    return !!watched && guard.allows(watched, e);
  };
  return {
    activate: (e) => trusted(e) && to.activate(seen(e)),
    confirm: (e) => trusted(e) && seen(e) && to.confirm(),
    cancel: (e) => trusted(e) && to.cancel(),
    operate: (e, callId, op) => trusted(e) && seen(e) && to.operate(callId, op),
    pointer: (e, inside) => trusted(e) && to.pointer(inside),
    navigate: (e, step) => trusted(e) && to.navigate(step),
    dismiss: (e) => trusted(e) && to.dismiss(),
  };
}
