/**
 * The service worker's JavaScript heap after a full garbage collection, read over CDP through a
 * page's session (Playwright opens sessions on pages only; a page's session may attach to
 * another target and pass messages to it).
 */
import type { CDPSession } from 'playwright-core';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export async function workerHeapAfterGc(cdp: CDPSession, workerUrlPrefix: string): Promise<number> {
  const { targetInfos } = (await cdp.send('Target.getTargets' as never)) as {
    targetInfos: TargetInfo[];
  };
  const worker = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(workerUrlPrefix),
  );
  if (!worker) throw new Error('no service worker target');
  const { sessionId } = (await cdp.send(
    'Target.attachToTarget' as never,
    {
      targetId: worker.targetId,
      flatten: false,
    } as never,
  )) as { sessionId: string };
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result);
  };
  cdp.on('Target.receivedMessageFromTarget' as never, onMessage as never);
  const call = <T>(method: string): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      waiting.set(id, (result) => resolve(result as T));
      void cdp.send(
        'Target.sendMessageToTarget' as never,
        {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        } as never,
      );
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    cdp.off('Target.receivedMessageFromTarget' as never, onMessage as never);
    await cdp.send('Target.detachFromTarget' as never, { sessionId } as never);
  }
}
