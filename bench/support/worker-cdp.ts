/**
 * A CDP client on the extension's service worker, over the browser endpoint (flattened
 * session): forces a full garbage collection and reads the worker's JavaScript heap, and
 * evaluates expressions in it. Raw WebSocket, because Playwright opens CDP sessions on pages
 * only.
 */
import { waitFor } from '../../tests/support/wait-for.ts';

interface Reply {
  id?: number;
  method?: string;
  params?: { chunk?: string };
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

export interface WorkerCdp {
  /** Used JS heap after a full garbage collection, in bytes. */
  heapAfterGc(): Promise<number>;
  /**
   * Bytes of compiled code (bytecode, optimised machine code and their metadata) in a heap
   * snapshot after a full GC: what the worker compiled to run, as opposed to what it keeps.
   */
  codeBytes(): Promise<number>;
  /** How many live objects have this prototype (e.g. `Promise.prototype`). */
  countObjects(prototypeExpression: string): Promise<number>;
  /** Evaluates an expression in the worker and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): void;
}

export async function attachToWorker(wsUrl: string, workerUrlPrefix: string): Promise<WorkerCdp> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`CDP connection to ${wsUrl} failed`));
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  let snapshotText = '';
  ws.onmessage = (event) => {
    const reply = JSON.parse(String(event.data)) as Reply;
    if (reply.method === 'HeapProfiler.addHeapSnapshotChunk') snapshotText += reply.params?.chunk;
    const waiter = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    waiting.delete(reply.id);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  };
  const send = <T>(method: string, params: object = {}, sessionId?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve: (r) => resolve(r as T), reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  const target = await waitFor(
    async () => {
      const { targetInfos } = await send<{
        targetInfos: Array<{ targetId: string; type: string; url: string }>;
      }>('Target.getTargets');
      return targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith(workerUrlPrefix),
      );
    },
    { timeoutMs: 15_000, intervalMs: 200, message: "the extension's service worker" },
  );
  const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: true,
  });
  await send('Runtime.enable', {}, sessionId);
  return {
    async heapAfterGc() {
      await send('HeapProfiler.collectGarbage', {}, sessionId);
      const usage = await send<{ usedSize: number }>('Runtime.getHeapUsage', {}, sessionId);
      return usage.usedSize;
    },
    async codeBytes() {
      snapshotText = '';
      await send('HeapProfiler.collectGarbage', {}, sessionId);
      await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, sessionId);
      const text = snapshotText;
      snapshotText = '';
      return codeBytesOf(JSON.parse(text) as HeapSnapshot);
    },
    async countObjects(prototypeExpression) {
      const proto = await send<{ result: { objectId: string } }>(
        'Runtime.evaluate',
        { expression: prototypeExpression, objectGroup: 'count' },
        sessionId,
      );
      const found = await send<{ objects: { objectId: string } }>(
        'Runtime.queryObjects',
        { prototypeObjectId: proto.result.objectId, objectGroup: 'count' },
        sessionId,
      );
      const length = await send<{ result: { value: number } }>(
        'Runtime.callFunctionOn',
        {
          objectId: found.objects.objectId,
          functionDeclaration: 'function () { return this.length; }',
          returnByValue: true,
        },
        sessionId,
      );
      // The console holds what it was handed until the group is released.
      await send('Runtime.releaseObjectGroup', { objectGroup: 'count' }, sessionId);
      return length.result.value;
    },
    async evaluate<T>(expression: string) {
      const answer = await send<{ result: { value?: T }; exceptionDetails?: unknown }>(
        'Runtime.evaluate',
        { expression, returnByValue: true, awaitPromise: true },
        sessionId,
      );
      if (answer.exceptionDetails) throw new Error(`evaluate ${expression} threw`);
      return answer.result.value as T;
    },
    close: () => ws.close(),
  };
}

/** The parts of V8's heap-snapshot format read here: flat node records and their field names. */
interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

function codeBytesOf(heap: HeapSnapshot): number {
  const fields = heap.snapshot.meta.node_fields;
  const codeType = heap.snapshot.meta.node_types[0].indexOf('code');
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    if (heap.nodes[i + typeAt] === codeType) bytes += heap.nodes[i + sizeAt]!;
  }
  return bytes;
}
