// The control API under /sim/ (and nothing else): requests, and failures explained in words.
import { compact } from './dom.js';

export const BASE = (() => {
  const at = location.pathname.indexOf('/sim/');
  return (at >= 0 ? location.pathname.slice(0, at) : '') + '/sim/';
})();

function describeFailure(response, data) {
  const parts = [];
  if (response && !response.ok)
    parts.push('HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : ''));
  if (data && typeof data === 'object') {
    const message = data.statusMessage || data.error || data.message;
    if (message) parts.push(String(message));
    if (typeof data.statusCode === 'number' && data.statusCode !== 0)
      parts.push('statusCode ' + data.statusCode);
  } else if (typeof data === 'string' && data.trim()) {
    parts.push(data.trim().slice(0, 300));
  }
  return parts.join(': ') || 'The simulator refused the request.';
}

/** Calls the control API; resolves with the parsed body or rejects with an Error in words. */
export async function api(method, path, body) {
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      cache: 'no-store',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new Error(
      'Could not reach the simulator (' + (error && error.message ? error.message : error) + ').',
      { cause: error },
    );
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  const refused =
    data &&
    typeof data === 'object' &&
    typeof data.statusCode === 'number' &&
    data.statusCode !== 0;
  if (!response.ok || refused) throw new Error(describeFailure(response, data));
  return data;
}

/** Runs an action and reports its outcome in `target` (a .result element). */
export async function act(target, label, run) {
  target.className = 'result pending';
  target.textContent = label + '…';
  try {
    const data = await run();
    target.className = 'result ok';
    const detail = data && typeof data === 'object' ? ' ' + compact(data) : '';
    target.textContent = label + ': done.' + detail;
    afterAction();
  } catch (error) {
    target.className = 'result error';
    target.textContent = label + ' failed. ' + error.message;
  }
}

let afterAction = () => {};

/** Registers what to do after every successful action (refresh the state view). */
export function onActionDone(fn) {
  afterAction = fn;
}
