import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ViewState } from '../../lib/messaging/view-state.ts';

/** What the call-log hook received: one entry per POST. */
export interface LoggedPost {
  path: string;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
}

export interface CallLogHook {
  server: Server;
  url: string;
  posts: LoggedPost[];
}

/** A CRM stand-in for the call-log hook: records every POST, answers 201. */
export async function startCallLogHook(): Promise<CallLogHook> {
  const posts: LoggedPost[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST') {
        const key = req.headers['idempotency-key'];
        posts.push({
          path: req.url ?? '',
          idempotencyKey: typeof key === 'string' ? key : undefined,
          body: JSON.parse(text) as Record<string, unknown>,
        });
      }
      res.writeHead(req.method === 'POST' ? 201 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, posts };
}

/** The agent's state and work mode as the popup's view reports them. */
export function agentState(v: ViewState): { state?: string; workMode?: string } {
  const userState = v.calls.agent.devices[0]?.device.userState;
  return { ...(userState?.state ? { state: userState.state } : {}), workMode: userState?.workMode };
}
