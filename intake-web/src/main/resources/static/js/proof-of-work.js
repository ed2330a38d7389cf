// Starts the tip's proof of work as soon as the review page opens, so it is usually done before Send is pressed.
// The pass is also valid without work once its wait is over (as for browsers without JavaScript), so a slow phone
// never waits longer than that.
(function () {
  'use strict';
  var form = document.getElementById('review-form');
  if (!form || !window.Worker || !window.TextEncoder) {
    return;
  }
  var script = document.currentScript;
  var workerUrl = script ? script.src.replace(/proof-of-work\.js(\?.*)?$/, 'proof-of-work-worker.js') : '/js/proof-of-work-worker.js';
  var nonce = document.getElementById('pow-nonce');
  var status = document.getElementById('pow-status');
  var solved = false;
  var waitingButton = null;
  // One second of margin: the server counts the wait from when it issued the pass, a little before this.
  var validWithoutWorkAt = Date.now() + ((parseInt(form.getAttribute('data-pow-wait'), 10) || 0) + 1) * 1000;
  var worker = new Worker(workerUrl);
  function ready() {
    if (solved) {
      return;
    }
    solved = true;
    worker.terminate();
    if (waitingButton) {
      form.requestSubmit(waitingButton);
    }
  }
  worker.onmessage = function (event) {
    nonce.value = event.data.nonce;
    ready();
  };
  worker.postMessage({
    challenge: document.getElementById('pow-challenge').value,
    token: form.querySelector('input[name="submission"]').value,
    difficulty: parseInt(form.getAttribute('data-pow-difficulty'), 10)
  });
  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (solved || !button || button.value !== 'send') {
      return;
    }
    event.preventDefault();
    waitingButton = button;
    status.hidden = false;
    setTimeout(ready, Math.max(0, validWithoutWorkAt - Date.now()));
  });
})();
