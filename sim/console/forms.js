// Forms that make things happen: inbound calls, remote parties, scenarios, raw publish.
import { api, act } from './api.js';
import { $, $$, h, sync } from './dom.js';
import { numberOrUndefined } from './controls.js';

// ---- calls, remote parties ----------------------------------------------------------------

function addUserDataRow(key, value) {
  const row = h('div', { class: 'pair' }, [
    h('input', { 'aria-label': 'Key', placeholder: 'key', value: key || '' }),
    h('input', { 'aria-label': 'Value', placeholder: 'value', value: value || '' }),
    h('button', {
      type: 'button',
      class: 'btn small',
      text: 'Remove',
      onclick: () => row.remove(),
    }),
  ]);
  $('#userdata-rows').append(row);
}

export function prefillCall(userName) {
  const form = $('#place-call');
  form.to.value = userName;
  form.scrollIntoView({ behavior: 'smooth', block: 'start' });
  form.from.focus();
}

export function wireCallForm() {
  const form = $('#place-call');
  addUserDataRow('AccountNumber', '12345678');
  $('#userdata-add').addEventListener('click', () => addUserDataRow());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { to: form.to.value.trim(), callType: form.callType.value };
    if (form.from.value.trim()) body.from = form.from.value.trim();
    if (form.dnis.value.trim()) body.dnis = form.dnis.value.trim();
    const userData = {};
    for (const pair of $$('#userdata-rows .pair')) {
      const [k, v] = $$('input', pair).map((i) => i.value);
      if (k.trim()) userData[k.trim()] = v;
    }
    if (Object.keys(userData).length > 0) body.userData = userData;
    act($('.result', form), 'Call to ' + body.to, () => api('POST', 'calls', body));
  });
}

export function wireRemoteParties() {
  const form = $('#remote-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const number = form.number.value.trim();
    const body = { behaviour: form.behaviour.value };
    const answerDelayMs = numberOrUndefined(form.answerDelayMs.value);
    const hangupAfterMs = numberOrUndefined(form.hangupAfterMs.value);
    if (answerDelayMs !== undefined) body.answerDelayMs = answerDelayMs;
    if (hangupAfterMs !== undefined) body.hangupAfterMs = hangupAfterMs;
    act($('.result', form), number + ' → ' + body.behaviour, () =>
      api('PUT', 'remote-parties/' + encodeURIComponent(number), body),
    );
  });
}

// ---- scenarios, publish ---------------------------------------------------------------------

export async function loadScenarios() {
  const form = $('#scenario-form');
  const target = $('.result', form);
  try {
    const data = await api('GET', 'scenarios');
    const list = Array.isArray(data)
      ? data
      : data && Array.isArray(data.scenarios)
        ? data.scenarios
        : [];
    const names = list.map((s) => (typeof s === 'string' ? s : s && s.name)).filter(Boolean);
    sync(
      $('#scenario-name'),
      names,
      (n) => n,
      (n) => h('option', { value: n, text: n }),
      () => {},
    );
    if (names.length === 0) {
      target.className = 'result';
      target.textContent = 'The simulator has no scenarios.';
    }
  } catch (error) {
    target.className = 'result error';
    target.textContent = 'Could not list scenarios. ' + error.message;
  }
}

export function wireScenarios() {
  const form = $('#scenario-form');
  const target = $('.result', form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = form.scenario.value;
    if (!name) {
      target.className = 'result error';
      target.textContent = 'Choose a scenario first.';
      return;
    }
    const body = {};
    if (form.agent.value) body.agent = form.agent.value;
    const speed = numberOrUndefined(form.speed.value);
    if (speed !== undefined) body.speed = speed;
    act(target, 'Scenario ' + name, () =>
      api('POST', 'scenarios/' + encodeURIComponent(name) + '/run', body),
    );
  });
  $('#scenario-stop').addEventListener('click', () =>
    act(target, 'Stop scenarios', () => api('POST', 'scenarios/stop', {})),
  );
  $('#scenario-reload').addEventListener('click', () => void loadScenarios());
}

export function wirePublish() {
  const form = $('#publish-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = $('.result', form);
    const agent = form.agent.value;
    const mode = form.mode.value;
    let body;
    if (mode === 'rawFrame') body = { agent, rawFrame: form.payload.value };
    else {
      try {
        body = {
          agent,
          channel: form.channel.value.trim(),
          data: JSON.parse(form.payload.value),
        };
      } catch (error) {
        target.className = 'result error';
        target.textContent = 'The payload is not valid JSON: ' + error.message;
        return;
      }
    }
    act(target, mode === 'rawFrame' ? 'Raw frame for ' + agent : 'Publish to ' + agent, () =>
      api('POST', 'publish', body),
    );
  });
}
