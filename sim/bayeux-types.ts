/**
 * The part of cometd-nodejs-server 1.2.1 the simulator uses. The package ships typings, but the
 * project declares it as an untyped module; these are checked against its source
 * (cometd-nodejs-server.js). Members starting with `_` are library internals that have no
 * public equivalent: `_removeServerSession` forgets a client without queueing a
 * /meta/disconnect (which would make the client stop instead of re-handshaking), and
 * `_flush` answers a held /meta/connect at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BayeuxMessage {
  channel: string;
  id?: string;
  clientId?: string;
  successful?: boolean;
  error?: string;
  advice?: Record<string, unknown>;
  data?: unknown;
  subscription?: string | string[];
  reply?: BayeuxMessage;
}

export type Callback<R> = (failure?: Error | null, result?: R) => void;

export interface ServerChannel {
  readonly name: string;
}

export interface ServerSession {
  readonly id: string;
  readonly subscriptions: ServerChannel[];
  deliver(
    sender: ServerSession | null,
    channel: string,
    data: unknown,
    callback?: Callback<boolean>,
  ): void;
  addListener(event: 'removed', fn: (session: ServerSession, timeout: boolean) => void): void;
  _flush(): void;
}

export interface CometDServer {
  readonly options: { timeout?: number; maxInterval?: number; [k: string]: unknown };
  readonly context: { request?: IncomingMessage & { body?: unknown }; response?: ServerResponse };
  policy: {
    canHandshake?(session: ServerSession, message: BayeuxMessage, cb: Callback<boolean>): void;
    canPublish?(
      session: ServerSession,
      message: BayeuxMessage,
      channel: ServerChannel,
      cb: Callback<boolean>,
    ): void;
  } | null;
  addExtension(ext: {
    outgoing?(
      server: CometDServer,
      sender: ServerSession | null,
      session: ServerSession | null,
      message: BayeuxMessage,
      cb: Callback<boolean>,
    ): void;
  }): void;
  addListener(
    event: 'sessionRemoved',
    fn: (session: ServerSession, timeout: boolean) => void,
  ): void;
  handle(req: IncomingMessage, res: ServerResponse): void;
  getServerSession(id: string): ServerSession | undefined;
  close(): void;
  _removeServerSession(session: ServerSession, timeout: boolean): unknown;
}

export type CreateCometDServer = (options: Record<string, unknown>) => CometDServer;
