// Sender console, bulk publication: follows a running job without reloading the page (the page alone shows the
// progress at the moment it was loaded). Asks every two seconds; once the job is done, reloads the page once so the
// failed lines appear, rendered by the server in the page's language.
(function () {
  'use strict';
  var job = document.getElementById('bulk-job');
  var url = job && job.getAttribute('data-progress-url');
  if (!url) {
    return;
  }
  var bar = document.getElementById('bulk-progress');
  var summary = document.getElementById('bulk-summary');
  var lang = document.documentElement.getAttribute('lang') || '';

  function poll() {
    fetch(url + (lang ? '?lang=' + encodeURIComponent(lang) : ''), {
      headers: { 'Accept': 'application/json' },
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (progress) {
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.total === 0 ? 1 : progress.processed;
      bar.textContent = progress.processed + ' / ' + progress.total;
      if (summary.textContent !== progress.summary) {
        summary.textContent = progress.summary;
      }
      if (progress.state === 'DONE') {
        window.location.reload();
      } else {
        window.setTimeout(poll, 2000);
      }
    }).catch(function () {
      // a network hiccup: try again later, the page still shows the last known progress
      window.setTimeout(poll, 5000);
    });
  }

  window.setTimeout(poll, 1000);
}());
