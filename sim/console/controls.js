// Agent pickers, fault switches and run-time configuration.
import { api, act } from './api.js';
import { $, $$, h, show, compact, sync, setText } from './dom.js';

// ---- agent pickers ----------------------------------------------------------------------

export function renderAgentChoices(agents) {
  for (const select of $$('select[data-agent-select]')) {
    const mode = select.dataset.agentSelect;
    const choices = agents.map((a) => ({
      value: a.userName,
      label: a.userName + ' (' + show(a.dn) + ')',
    }));
    if (mode === 'all') choices.unshift({ value: '', label: 'All agents' });
    if (mode === 'default') choices.unshift({ value: '', label: '(scenario default)' });
    const keep = select.value;
    sync(
      select,
      choices,
      (c) => c.value,
      (c) => h('option', { value: c.value }),
      (el, c) => setText(el, c.label),
    );
    if (choices.some((c) => c.value === keep)) select.value = keep;
  }
  sync(
    $('#agent-targets'),
    agents.flatMap((a) => [a.userName, a.dn].filter(Boolean)),
    (v) => v,
    (v) => h('option', { value: v }),
    () => {},
  );
}

// ---- faults and config --------------------------------------------------------------------

export function renderFaults(faults) {
  for (const box of $$('input[data-toggle]')) {
    if (!box.disabled) box.checked = Boolean(faults[box.dataset.stateKey]);
  }
  const delay = faults.delay || {};
  setText(
    $('#faults-now'),
    'Now: ' +
      (delay.ms
        ? 'REST delayed ' + delay.ms + ' ms on ' + show(delay.pathPrefix)
        : 'no REST delay') +
      (faults.voiceDown ? ' · voice down' : '') +
      (faults.stall ? ' · long polls stalled' : '') +
      (faults.duplicate ? ' · duplicating' : '') +
      (faults.reorder ? ' · reordering' : ''),
  );
}

export function renderConfig(config) {
  sync(
    $('#config-now'),
    Object.entries(config).flatMap(([k, v]) => [
      { key: 'k-' + k, text: k },
      { key: 'v-' + k, text: typeof v === 'object' ? compact(v) : String(v) },
    ]),
    (e) => e.key,
    (e) => h(e.key.startsWith('k-') ? 'dt' : 'dd'),
    (el, e) => setText(el, e.text),
  );
}

export function numberOrUndefined(value) {
  return value === '' || value === null ? undefined : Number(value);
}

export function wireFaults() {
  const result = $('#faults-result');
  for (const button of $$('button[data-fault]')) {
    button.addEventListener('click', () =>
      act(result, button.textContent, () => api('POST', 'faults/' + button.dataset.fault, {})),
    );
  }
  $('#expire-sessions').addEventListener('click', () => {
    const agent = $('#expire-agent').value;
    act(result, 'Expire sessions' + (agent ? ' of ' + agent : ''), () =>
      api('POST', 'faults/expire-sessions', agent ? { agent } : {}),
    );
  });
  for (const box of $$('input[data-toggle]')) {
    box.addEventListener('change', async () => {
      box.disabled = true;
      const label = box.parentElement.textContent.trim() + (box.checked ? ' on' : ' off');
      await act(result, label, () =>
        api('PUT', 'faults/' + box.dataset.toggle, { on: box.checked }),
      );
      box.disabled = false;
    });
  }
  $('#delay-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const body = { ms: Number(form.ms.value || 0) };
    if (form.pathPrefix.value.trim()) body.pathPrefix = form.pathPrefix.value.trim();
    act(result, 'Delay ' + body.ms + ' ms', () => api('PUT', 'faults/delay', body));
  });
}

export function wireConfig() {
  const form = $('#config-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    for (const name of ['longPollTimeoutMs', 'remoteAnswerDelayMs']) {
      const value = numberOrUndefined(form[name].value);
      if (value !== undefined) body[name] = value;
    }
    if (form.participantFormat.value) body.participantFormat = form.participantFormat.value;
    const target = $('.result', form);
    if (Object.keys(body).length === 0) {
      target.className = 'result error';
      target.textContent = 'Fill in at least one setting to change.';
      return;
    }
    act(target, 'Configuration', () => api('PUT', 'config', body));
  });
}
