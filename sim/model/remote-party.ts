/**
 * How external numbers behave when dialled (`PUT /sim/remote-parties/{number}`). Numbers are
 * matched on their digits, so "+44 20 7183 8750" and "+442071838750" are the same party.
 */
import { numberKey } from './phone-numbers.ts';

export type RemoteBehaviour = 'answer' | 'busy' | 'no-answer';

export interface RemoteScript {
  behaviour: RemoteBehaviour;
  answerDelayMs?: number;
  hangupAfterMs?: number;
}

export class RemotePartyScripts {
  private readonly scripts = new Map<string, RemoteScript & { number: string }>();

  set(number: string, script: RemoteScript): void {
    this.scripts.set(numberKey(number) || number, { number, ...script });
  }

  get(number: string): RemoteScript {
    return this.scripts.get(numberKey(number) || number) ?? { behaviour: 'answer' };
  }

  list(): Array<RemoteScript & { number: string }> {
    return [...this.scripts.values()];
  }

  clear(): void {
    this.scripts.clear();
  }
}
