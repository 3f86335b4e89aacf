// Progress of running registry imports, polled from the JSON status endpoint. The page works without this file
// (the refresh link reloads it); with it, progress bars and counters move on their own.
(function () {
  'use strict';
  var POLL_MS = 2000;

  function poll(body) {
    var url = body.getAttribute('data-status-url');
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) {
        if (!status) {
          return;
        }
        var progress = body.querySelector('progress');
        if (progress) {
          progress.value = status.percent;
          progress.textContent = status.percent + ' %';
        }
        ['rowsRead', 'rowsImported', 'errorCount'].forEach(function (field) {
          var cell = body.querySelector('[data-field="' + field + '"]');
          if (cell) {
            cell.textContent = String(status[field]);
          }
        });
        var percent = body.querySelector('[data-field="percent"]');
        if (percent) {
          percent.textContent = status.percent + ' %';
        }
        if (status.state !== 'RUNNING') {
          // finished: reload once to show the final state, the errors and the failure, in the page's language
          window.location.reload();
        } else {
          window.setTimeout(function () { poll(body); }, POLL_MS);
        }
      })
      .catch(function () { window.setTimeout(function () { poll(body); }, POLL_MS * 5); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.registry-import[data-state="RUNNING"]').forEach(function (body) {
      window.setTimeout(function () { poll(body); }, POLL_MS);
    });
  });
})();
