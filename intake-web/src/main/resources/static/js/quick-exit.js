// Quick exit: Esc, or the quick-exit link, leaves for a neutral site and replaces this page in the history, so
// the Back button does not return here. Without JavaScript the link is still a plain link to the same site.
// While focus is in a field, one Esc could be a slip mid-sentence and would lose the tip: there it takes two
// presses in quick succession.
(function () {
  'use strict';
  var link = document.querySelector('a.quick-exit');
  if (!link) {
    return;
  }
  var TWICE_WITHIN_MS = 1000;
  var lastEscInField = 0;
  var hint = document.getElementById('quick-exit-hint');
  if (hint) {
    hint.hidden = false;
  }
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    window.location.replace(link.href);
  }
  function inField(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    if (!inField(event.target)) {
      leave(event);
      return;
    }
    var now = Date.now();
    if (now - lastEscInField <= TWICE_WITHIN_MS) {
      leave(event);
    } else {
      lastEscInField = now;
    }
  });
}());
