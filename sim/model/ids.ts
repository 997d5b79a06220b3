/**
 * Identifier formats (gws-api.md §11): device ids are lower-case UUIDs, call ids/callUuids are
 * 32 upper-case alphanumerics whose last characters count up, connIds are 16 lower-case hex,
 * user ids 32 lower-case hex.
 */
import { randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export function newDeviceId(): string {
  return randomUUID();
}

export function newUserId(): string {
  return randomBytes(16).toString('hex');
}

export function newCsrfToken(): string {
  return randomUUID();
}

export function newSessionId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** One per simulated T-Server: ids share a prefix and differ in a base-32 counter at the end. */
export class CallIdSource {
  private readonly uuidPrefix = randomFrom(UPPER_ALNUM, 26);
  private readonly connPrefix = '0071' + randomBytes(2).toString('hex');
  private counter = 0;

  next(): { callUuid: string; connId: string } {
    this.counter += 1;
    const n = this.counter;
    return {
      callUuid: this.uuidPrefix + n.toString(32).toUpperCase().padStart(6, '0'),
      connId: this.connPrefix + n.toString(16).padStart(8, '0'),
    };
  }
}
