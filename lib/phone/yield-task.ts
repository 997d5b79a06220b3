/** How the background's detection service yields between its slices (detection-service.ts). */

/** The Prioritized Task Scheduling API (Chromium; not in every browser's types yet). */
interface PostTaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * A task after the events waiting now. Where the browser has a task scheduler (Chromium), a
 * background-priority task: every task of normal priority already queued runs first, such as
 * a GWS answer that reached the worker while a slice ran (measured at 20,000 rows in two runs:
 * the wait from the answer being sent to our code seeing it, while detecting, at most 9 and
 * 13 ms, against 40 and 228 ms with a message task). Elsewhere a message-channel task: not
 * clamped like nested timers (4 ms after five levels), which would leave the worker idle half
 * of the time.
 */
export function taskAfterWaitingEvents(): (task: () => void) => void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return (task) => void scheduler.postTask(task, { priority: 'background' });
  }
  if (typeof MessageChannel !== 'function') return (task) => void setTimeout(task, 0);
  let channel: MessageChannel | undefined;
  const waiting: Array<() => void> = [];
  return (task) => {
    if (!channel) {
      // Made on first use: an open port with a listener keeps a Node process alive.
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(task);
    channel.port2.postMessage(null);
  };
}
