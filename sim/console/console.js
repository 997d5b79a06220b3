// Web console of the GWS simulator. It only talks to the control API under /sim/ and renders
// every value as text (textContent, attributes, form values), never as markup.
import { api, act, onActionDone } from './api.js';
import { $, show, setText } from './dom.js';
import { renderAgents } from './agents.js';
import {
  renderAgentChoices,
  renderConfig,
  renderFaults,
  wireConfig,
  wireFaults,
} from './controls.js';
import {
  loadScenarios,
  prefillCall,
  wireCallForm,
  wirePublish,
  wireRemoteParties,
  wireScenarios,
} from './forms.js';
import { logLoop, wireLog } from './request-log.js';

const POLL_MS = 1000;

// ---- state polling ----------------------------------------------------------------------

let polling = false;

function renderState(state) {
  const agents = Array.isArray(state.agents) ? state.agents : [];
  $('#agents-empty').hidden = agents.length > 0;
  if (agents.length === 0) setText($('#agents-empty'), 'The simulator reports no agents.');
  renderAgents($('#agents'), agents, prefillCall);
  setText($('#count-cometd'), show(state.cometdClients));
  setText($('#count-sessions'), show(state.httpSessions));
  setText($('#updated-at'), new Date().toLocaleTimeString());
  renderAgentChoices(agents);
  renderFaults(state.faults || {});
  renderConfig(state.config || {});
}

async function refreshState() {
  if (polling) return;
  polling = true;
  const status = $('#poll-status');
  try {
    renderState(await api('GET', 'state'));
    status.className = 'status ok';
    setText(status, 'Connected');
  } catch (error) {
    status.className = 'status error';
    setText(status, 'No state: ' + error.message + ' Retrying.');
  } finally {
    polling = false;
  }
}

function pollLoop() {
  const next = () => setTimeout(pollLoop, POLL_MS);
  if ($('#live').checked && !document.hidden) refreshState().finally(next);
  else next();
}

// ---- start ------------------------------------------------------------------------------------

$('#reset').addEventListener('click', () => {
  if (
    window.confirm(
      'Reset the simulator to its initial state? Calls, sessions and faults are cleared.',
    )
  ) {
    act($('#reset-result'), 'Reset', () => api('POST', 'reset', {}));
  }
});
wireFaults();
wireConfig();
wireCallForm();
wireRemoteParties();
wireScenarios();
wirePublish();
wireLog();
void loadScenarios();
pollLoop();
logLoop();
onActionDone(() => void refreshState());
