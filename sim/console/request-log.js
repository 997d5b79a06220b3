// The REST request log (GET/DELETE /sim/requests), newest first.
import { api, act } from './api.js';
import { $, h, show, compact, sync, setText } from './dom.js';

const LOG_POLL_MS = 2000;
const LOG_ROWS = 200;

let logSignature = '';

function createLogRow() {
  const row = h('tr');
  row._cells = Array.from({ length: 8 }, () => row.appendChild(h('td')));
  return row;
}

function updateLogRow(row, entry) {
  const body = entry.body === undefined ? '' : compact(entry.body);
  const values = [
    show(entry.at),
    show(entry.agent),
    show(entry.method),
    show(entry.path),
    show(entry.operationName),
    show(entry.httpStatus),
    show(entry.statusCode),
    body.length > 120 ? body.slice(0, 117) + '…' : body,
  ];
  row._cells.forEach((cell, i) => setText(cell, values[i]));
  row._cells[7].title = body;
  row.classList.toggle(
    'failed',
    Number(entry.httpStatus) >= 400 || (entry.statusCode !== undefined && entry.statusCode !== 0),
  );
}

export async function refreshLog() {
  const agent = $('#log-agent').value;
  const target = $('#log-result');
  try {
    const data = await api(
      'GET',
      'requests' + (agent ? '?agent=' + encodeURIComponent(agent) : ''),
    );
    const entries = Array.isArray(data)
      ? data
      : data && Array.isArray(data.requests)
        ? data.requests
        : [];
    const newest = entries.slice(-LOG_ROWS).reverse();
    const signature = agent + '|' + entries.length + '|' + compact(newest[0]);
    if (signature !== logSignature) {
      logSignature = signature;
      // Entries have no id: key by position from the oldest kept, so appends reuse rows.
      const keyed = newest.map((entry, i) => ({ entry, key: entries.length - i }));
      sync(
        $('#log-rows'),
        keyed,
        (k) => k.key,
        createLogRow,
        (row, k) => updateLogRow(row, k.entry),
      );
    }
    target.className = 'result';
    target.textContent =
      entries.length > LOG_ROWS
        ? 'Newest ' + LOG_ROWS + ' of ' + entries.length + ' requests.'
        : entries.length + ' requests.';
  } catch (error) {
    target.className = 'result error';
    target.textContent = 'Could not read the request log. ' + error.message;
  }
}

export function logLoop() {
  const next = () => setTimeout(logLoop, LOG_POLL_MS);
  if ($('#log-auto').checked && $('#live').checked && !document.hidden) refreshLog().finally(next);
  else next();
}

export function wireLog() {
  $('#log-refresh').addEventListener('click', () => void refreshLog());
  $('#log-agent').addEventListener('change', () => void refreshLog());
  $('#log-clear').addEventListener('click', async () => {
    await act($('#log-result'), 'Clear log', () => api('DELETE', 'requests'));
    void refreshLog();
  });
}
