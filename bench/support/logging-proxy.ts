/**
 * A pass-through HTTP proxy that records every CometD request (`/api/v2/notifications`) the
 * client makes: when it arrived, which Bayeux channels it carried, when and how it was
 * answered, and whether the client gave up on it before the answer (an early abort).
 * Everything else is forwarded untouched and only counted.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const NOTIFICATIONS_PATH = '/api/v2/notifications';

export interface PollRecord {
  /** Epoch ms the request arrived at the proxy. */
  arrivedAt: number;
  /** Bayeux channels in the request body, e.g. ['/meta/connect']. */
  channels: string[];
  /** Epoch ms the answer was fully sent to the client; absent if it never was. */
  answeredAt?: number;
  /**
   * Epoch ms just before the answer was written: the client cannot have it earlier (the
   * callback that stamps `answeredAt` may run after the client already read it).
   */
  writtenAt?: number;
  status?: number;
  /** Channels of the messages in the answer (non-meta channels are delivered events). */
  answerChannels?: string[];
  /** Bayeux `error` fields in the answer, e.g. '402::Unknown client'. */
  answerErrors?: string[];
  /** The client closed the request before the answer was sent. */
  abortedAt?: number;
}

export interface RestRecord {
  at: number;
  method: string;
  path: string;
}

export interface LoggingProxy {
  url: string;
  polls: PollRecord[];
  rest: RestRecord[];
  close(): Promise<void>;
}

function bayeuxChannels(text: string): { channels: string[]; errors: string[] } {
  try {
    const parsed = JSON.parse(text) as unknown;
    const messages = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
      channel?: unknown;
      error?: unknown;
    }>;
    return {
      channels: messages.map((m) => String(m?.channel)),
      errors: messages.flatMap((m) => (typeof m?.error === 'string' ? [m.error] : [])),
    };
  } catch {
    return { channels: ['(unparsable)'], errors: [] };
  }
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts the proxy on 127.0.0.1 (ephemeral port). `target()` is read per request, so the
 * proxy can be started before the server it fronts (which may need the proxy's URL).
 */
export async function startLoggingProxy(target: () => string): Promise<LoggingProxy> {
  const polls: PollRecord[] = [];
  const rest: RestRecord[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = Date.now();
    const path = req.url ?? '/';
    const isPoll = path.split('?')[0] === NOTIFICATIONS_PATH && req.method === 'POST';
    const body = await readBody(req);
    const record: PollRecord | undefined = isPoll
      ? { arrivedAt, channels: bayeuxChannels(body.toString('utf8')).channels }
      : undefined;
    if (record) polls.push(record);
    else rest.push({ at: arrivedAt, method: req.method ?? 'GET', path });

    const upstream = request(new URL(path, target()), {
      method: req.method,
      headers: { ...req.headers, host: new URL(target()).host },
    });
    // A client that gives up closes its socket before the answer; pass that on upstream so
    // the server sees the same abort it would see without the proxy.
    res.on('close', () => {
      if (res.writableFinished) return;
      if (record) record.abortedAt = Date.now();
      upstream.destroy();
    });
    upstream.on('response', async (answer) => {
      const answerBody = await readBody(answer);
      const writtenAt = Date.now();
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(answerBody, () => {
        if (!record) return;
        const { channels, errors } = bayeuxChannels(answerBody.toString('utf8'));
        record.answeredAt = Date.now();
        record.writtenAt = writtenAt;
        record.status = answer.statusCode;
        record.answerChannels = channels;
        if (errors.length > 0) record.answerErrors = errors;
      });
    });
    upstream.on('error', () => {
      if (res.destroyed) return;
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    upstream.end(body);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    polls,
    rest,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
