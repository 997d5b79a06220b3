/** What a REST route handler receives and returns. */
import type { SimCore } from '../core.ts';
import type { Reply } from './envelope.ts';
import type { Params } from '../../http-kit/router.ts';
import type { Agent } from '../model/agents.ts';

export interface RestRequest {
  core: SimCore;
  method: string;
  path: string;
  query: URLSearchParams;
  params: Params;
  /** The authenticated user (the session's, or the Basic credentials'). */
  agent: Agent;
  body: Record<string, unknown>;
  /** The operationName of a POST, once read (for the request log). */
  operationName?: string;
  /** Runs after the HTTP answer and its notifications went out. */
  after(fn: () => void): void;
}

/** A plain object is a successful body (`statusCode:0` is added); a Reply is sent as is. */
export type RestHandler = (r: RestRequest) => Reply | Record<string, unknown>;
