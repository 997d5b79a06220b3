/* global document */
// The quick call log is a plain editable form; saving only confirms locally.
'use strict';

(function () {
  const form = document.getElementById('quick-log');
  const status = document.getElementById('quick-log-status');
  if (!form || !status) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'Saved (demo only, nothing was sent).';
  });
})();
