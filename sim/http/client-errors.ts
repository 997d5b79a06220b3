/**
 * Requests Node's HTTP parser refuses before any handler runs: headers over the limit (431),
 * headers not complete in time (408), anything unparsable (400). Node's default answer is a bare
 * status line followed by a close that resets a client still sending; this answers with the GWS
 * envelope (statusCode 1, like any request GWS cannot read), keeps reading what the client still
 * sends, and closes once it stops or after a grace period, so the client reads the answer.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const GRACE_MS = 2_000;

const REFUSALS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message: 'The request headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    message: 'The request did not arrive in time',
  },
};
const MALFORMED = { status: 400, reason: 'Bad Request', message: 'The request is malformed' };

function answer(socket: Duplex, code: string | undefined): void {
  const r = REFUSALS[code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ statusCode: 1, statusMessage: r.message });
  socket.end(
    `HTTP/1.1 ${r.status} ${r.reason}\r\nContent-Type: application/json;charset=UTF-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.resume();
  socket.once('end', () => socket.destroy());
  setTimeout(() => socket.destroy(), GRACE_MS).unref();
}

export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    answer(socket, err.code);
  });
}
