/**
 * HTTP sessions (JSESSIONID) with their CSRF token, which lives as long as the session
 * (gws-api.md §2.3). CometD clients are tied to these sessions.
 */
import { newCsrfToken, newSessionId } from '../model/ids.ts';

export interface HttpSession {
  readonly id: string;
  readonly userName: string;
  readonly csrfToken: string;
  readonly createdAt: number;
}

export class HttpSessions {
  private readonly map = new Map<string, HttpSession>();
  /** Called for every invalidated session (CometD clients of it are dropped there). */
  onInvalidate: (session: HttpSession) => void = () => {};

  create(userName: string): HttpSession {
    const s: HttpSession = {
      id: newSessionId(),
      userName,
      csrfToken: newCsrfToken(),
      createdAt: Date.now(),
    };
    this.map.set(s.id, s);
    return s;
  }

  get(id: string | undefined): HttpSession | undefined {
    return id ? this.map.get(id) : undefined;
  }

  invalidate(id: string): void {
    const s = this.map.get(id);
    if (!s) return;
    this.map.delete(id);
    this.onInvalidate(s);
  }

  /** All sessions, or those of one user; returns how many were invalidated. */
  invalidateWhere(userName?: string): number {
    const ids = [...this.map.values()]
      .filter((s) => !userName || s.userName === userName)
      .map((s) => s.id);
    for (const id of ids) this.invalidate(id);
    return ids.length;
  }

  hasUser(userName: string): boolean {
    for (const s of this.map.values()) if (s.userName === userName) return true;
    return false;
  }

  get size(): number {
    return this.map.size;
  }
}
