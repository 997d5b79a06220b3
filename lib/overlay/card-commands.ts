import type { PageOperation } from '../messaging/page-messages.ts';
import { ot } from '../i18n/overlay-messages.ts';
import { operationLabel } from './operation-labels.ts';
import type { OverlayModel } from './overlay-model.ts';
import { dialRisk } from './dial-risks.ts';

/** How the page reaches the background for the two things that act. */
export interface CallSender {
  dial(number: string): Promise<void>;
  operate(callId: string, operation: PageOperation, number: string): Promise<void>;
}

/** The card the commands act for (the interaction layer). */
export interface CommandedCard {
  model(): OverlayModel | undefined;
  /** Changes each time another number is shown: late answers for an old one are dropped. */
  generation(): number;
  update(change: Partial<OverlayModel>): void;
  /** Gives keyboard focus back to the number (the button pressed may be gone next). */
  focusNumber(): void;
}

export interface CardCommandOptions {
  sender: CallSender;
  confirmBeforeDial: () => boolean;
  describeError: (error: unknown) => string;
}

/**
 * What the card's buttons and the number's hit target do, with the progress told on the
 * card. Callers have already checked that the user really clicked (see interaction.ts).
 */
export class CardCommands {
  readonly #card: CommandedCard;
  readonly #o: CardCommandOptions;

  constructor(card: CommandedCard, options: CardCommandOptions) {
    this.#card = card;
    this.#o = options;
  }

  /**
   * A click or Enter on the number. `seen`: the click guard found the target visible long
   * enough; a click it did not is never lost, but never dials either: it asks first.
   */
  activate(seen: boolean): void {
    const model = this.#card.model();
    if (!model) return;
    // One call per person: a number on a live call gets its card and controls, never a
    // second call (the background refuses one too).
    if (model.live?.calls.length) {
      this.#card.update({ open: true });
      return;
    }
    const risky = dialRisk(model.info, !!model.linkHidesNumber) !== undefined;
    if ((!seen || risky || this.#o.confirmBeforeDial()) && !model.confirming) {
      this.#card.update({ open: true, confirming: true });
      return;
    }
    void this.#dial();
  }

  confirm(): void {
    this.#card.focusNumber();
    void this.#dial();
  }

  cancel(): void {
    this.#card.update({ confirming: false });
    this.#card.focusNumber();
  }

  async operate(callId: string, operation: PageOperation): Promise<void> {
    const model = this.#card.model();
    if (!model) return;
    const generation = this.#card.generation();
    this.#card.focusNumber();
    this.#card.update({
      status: { kind: 'busy', text: ot('overlayBusy', operationLabel(operation)) },
    });
    try {
      await this.#o.sender.operate(callId, operation, model.number);
      if (generation === this.#card.generation()) this.#card.update({ status: undefined });
    } catch (error) {
      this.#failed(error, generation);
    }
  }

  async #dial(): Promise<void> {
    const model = this.#card.model();
    if (!model) return;
    const generation = this.#card.generation();
    this.#card.update({
      open: true,
      confirming: false,
      status: { kind: 'busy', text: ot('overlayCalling', model.raw) },
    });
    try {
      await this.#o.sender.dial(model.number);
      if (generation !== this.#card.generation()) return;
      // The call may already have been pushed: then its live section tells the state.
      this.#card.update({
        status: this.#card.model()?.live?.calls.length
          ? undefined
          : { kind: 'done', text: ot('overlayDialling') },
      });
    } catch (error) {
      this.#failed(error, generation);
    }
  }

  #failed(error: unknown, generation: number): void {
    if (generation === this.#card.generation())
      this.#card.update({ status: { kind: 'error', text: this.#o.describeError(error) } });
  }
}
