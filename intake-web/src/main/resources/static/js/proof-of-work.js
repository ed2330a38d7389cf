// Starts the tip's proof of work as soon as the review page opens, so it is usually done before Send is pressed.
// Without JavaScript the tip is still accepted, after a short wait on the server.
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
  var worker = new Worker(workerUrl);
  worker.onmessage = function (event) {
    nonce.value = event.data.nonce;
    solved = true;
    if (waitingButton) {
      form.requestSubmit(waitingButton);
    }
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
  });
})();
