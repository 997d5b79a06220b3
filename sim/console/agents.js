// Agent cards and their calls, updated in place every poll so buttons keep working.
import { api, act } from './api.js';
import { h, show, compact, sync, setText } from './dom.js';

function userStateText(device) {
  const s = device && device.userState;
  if (!s) return '–';
  return [
    s.state,
    s.workMode,
    s.displayName && s.displayName !== s.state ? '"' + s.displayName + '"' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function participantText(p) {
  if (p === null || typeof p !== 'object') return String(p);
  return p.formattedPhoneNumber || p.phoneNumber || p.digits || p.e164Number || compact(p);
}

function userDataText(userData) {
  if (!userData || typeof userData !== 'object') return '';
  return Object.entries(userData)
    .map(([k, v]) => k + '=' + (typeof v === 'string' ? v : compact(v)))
    .join(', ');
}

function createCallRow(call) {
  const result = h('span', { class: 'result' });
  const remote = (action, label) =>
    h('button', {
      type: 'button',
      class: 'btn small',
      text: label,
      onclick: () =>
        act(result, label, () =>
          api('POST', 'calls/' + encodeURIComponent(call.id) + '/remote', { action }),
        ),
    });
  const refs = {
    id: h('td', { class: 'mono' }),
    state: h('td', { class: 'state' }),
    type: h('td'),
    numbers: h('td'),
    participants: h('div'),
    caps: h('div', { class: 'caps' }),
    duration: h('td', { class: 'num' }),
    userData: h('td', { class: 'wrap' }),
  };
  const row = h('tr', {}, [
    refs.id,
    refs.state,
    refs.type,
    refs.numbers,
    h('td', { class: 'wrap' }, [refs.participants, refs.caps]),
    refs.duration,
    refs.userData,
    h('td', { class: 'actions' }, [
      remote('answer', 'Remote answer'),
      remote('hangup', 'Remote hang-up'),
      result,
    ]),
  ]);
  row._refs = refs;
  return row;
}

function updateCallRow(row, call) {
  const r = row._refs;
  setText(r.id, show(call.id));
  r.id.title = 'connId ' + show(call.connId) + ' · callUuid ' + show(call.callUuid);
  setText(r.state, show(call.state));
  r.state.dataset.state = String(call.state || '');
  setText(r.type, show(call.callType));
  setText(r.numbers, 'ANI ' + show(call.ani) + ' → DNIS ' + show(call.dnis));
  const list = Array.isArray(call.participants)
    ? call.participants.map(participantText).join(', ')
    : '';
  setText(r.participants, list || '–');
  setText(r.caps, Array.isArray(call.capabilities) ? call.capabilities.join(' ') : '');
  setText(r.duration, show(call.duration) + ' s');
  setText(r.userData, userDataText(call.userData) || '–');
}

function createAgentCard(agent, onCallAgent) {
  const refs = {};
  const field = (name, label) => {
    refs[name] = h('dd');
    return [h('dt', { text: label }), refs[name]];
  };
  refs.title = h('h3');
  refs.session = h('span', { class: 'badge' });
  refs.callCount = h('span', { class: 'muted' });
  refs.calls = h('tbody');
  refs.raw = h('pre', { class: 'raw' });
  const card = h('article', { class: 'agent' }, [
    h('header', {}, [
      refs.title,
      refs.session,
      h('button', {
        type: 'button',
        class: 'btn small',
        text: 'Call this agent',
        onclick: () => onCallAgent(agent.userName),
      }),
    ]),
    h('dl', { class: 'kv' }, [
      ...field('dn', 'DN'),
      ...field('deviceId', 'Device id'),
      ...field('userId', 'User id'),
      ...field('deviceState', 'Device'),
      ...field('userState', 'Agent state'),
      ...field('dnd', 'Do not disturb'),
      ...field('forward', 'Forwarding'),
      ...field('channels', 'Channels'),
    ]),
    h('div', { class: 'calls-head' }, [h('strong', { text: 'Calls ' }), refs.callCount]),
    h('div', { class: 'table-wrap' }, [
      h('table', { class: 'calls' }, [
        h('thead', {}, [
          h(
            'tr',
            {},
            [
              'Call id',
              'State',
              'Type',
              'Numbers',
              'Participants / capabilities',
              'Duration',
              'User data',
              'Remote party',
            ].map((t) => h('th', { text: t })),
          ),
        ]),
        refs.calls,
      ]),
    ]),
    h('details', { ontoggle: () => showRaw(card) }, [
      h('summary', { text: 'Raw agent state (JSON)' }),
      refs.raw,
    ]),
  ]);
  card._refs = refs;
  return card;
}

function showRaw(card) {
  if (card.querySelector('details').open)
    setText(card._refs.raw, JSON.stringify(card._agent, null, 2));
}

function updateAgentCard(card, agent) {
  const r = card._refs;
  const device = agent.device || null;
  setText(r.title, show(agent.userName));
  setText(r.session, agent.contactCenterSession ? 'In contact-center session' : 'No session');
  r.session.className = 'badge ' + (agent.contactCenterSession ? 'on' : 'off');
  setText(r.dn, show(agent.dn));
  setText(r.deviceId, show(agent.deviceId));
  setText(r.userId, show(agent.userId));
  setText(
    r.deviceState,
    device ? show(device.deviceState) + ' · ' + show(device.telephonyNetwork) : '–',
  );
  setText(r.userState, userStateText(device));
  setText(r.dnd, device ? show(device.doNotDisturb) : '–');
  setText(r.forward, device && device.forwardTo ? String(device.forwardTo) : 'Off');
  const channels = Array.isArray(agent.channels) ? agent.channels : [];
  setText(
    r.channels,
    channels
      .map((c) => show(c.channel) + ': ' + userStateText({ userState: c.userState }))
      .join(' | ') || '–',
  );
  const calls = Array.isArray(agent.calls) ? agent.calls : [];
  setText(r.callCount, '(' + calls.length + ')');
  sync(r.calls, calls, (c) => c.id, createCallRow, updateCallRow);
  card._agent = agent;
  showRaw(card);
}

/** Shows `agents` (from GET /sim/state) in `container`; onCallAgent(userName) prefills the call form. */
export function renderAgents(container, agents, onCallAgent) {
  sync(
    container,
    agents,
    (a) => a.userName,
    (a) => createAgentCard(a, onCallAgent),
    updateAgentCard,
  );
}
