/**
 * One control request: the guard against forged requests, the JSON body, the route, the
 * envelope (`{statusCode:0, …}` or the GWS error shape), and — once the answer is out — the
 * notifications the change produced.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from '../../http-kit/router.ts';
import { GwsError, NOT_FOUND } from '../gws-error.ts';
import { checkControlRequest } from '../http/control-guard.ts';
import { replyForError, send, type Reply } from '../gws/envelope.ts';
import { parseJsonObject, readBody } from '../http/request-parts.ts';
import type { OutgoingEvent } from '../notify.ts';
import type { ControlDeps, ControlHandler, ReplyExtras } from './routes.ts';

export async function handleControl(
  d: ControlDeps,
  router: Router<ControlHandler>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '');
  const extras: ReplyExtras = { headers: {} };
  let reply: Reply;
  let events: OutgoingEvent[] = [];
  try {
    const text = await readBody(req, d.core.options.bodyTimeoutMs);
    checkControlRequest(req, d.core.baseUrl, text);
    const body = method === 'GET' || method === 'DELETE' ? {} : parseJsonObject(text);
    const match = router.match(method, path);
    if (!match) throw new GwsError(NOT_FOUND, `No control endpoint ${method} ${path}`);
    if ('allowed' in match)
      throw new GwsError(NOT_FOUND, `Use ${match.allowed.join(', ')} for ${path}`);
    const captured = d.core.notify.capture(() =>
      match.handler(body, match.params, url.searchParams, extras),
    );
    events = captured.events;
    reply = {
      httpStatus: 200,
      body: { statusCode: 0, ...(captured.result ?? {}) },
      headers: extras.headers,
    };
  } catch (e) {
    if (!(e instanceof GwsError))
      d.core.log(`control error ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
    reply = replyForError(e, 'mapped');
    extras.after = undefined;
  }
  send(res, reply, () =>
    setImmediate(() => {
      d.core.notify.dispatch(events);
      extras.after?.();
    }),
  );
}
