// Keyboard shortcuts for the console (listed on /help). Only enhances: every action is also a link or a button.
// Never fires while focus is in a form field, so typing a "j" or a "/" into a filter stays typing.
(function () {
  'use strict';
  var script = document.currentScript;
  var paths = {
    queue: script.dataset.queue || '/queue',
    search: script.dataset.search || '/search',
    help: script.dataset.help || '/help'
  };
  var awaitingSecondKey = 0;

  function inField(element) {
    return !!element && !!element.closest &&
      element.closest('input, select, textarea, [contenteditable]:not([contenteditable="false"])') !== null;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
  }

  // The row a coordinator moved to: the one holding focus, else the one last marked, which a live swap keeps by id.
  function current(list) {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest('#queue tbody tr') : null;
    if (row) {
      return list.indexOf(row);
    }
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains('current')) {
        return i;
      }
    }
    return -1;
  }

  function move(step) {
    var list = rows();
    if (list.length === 0) {
      return;
    }
    var at = current(list);
    var next = at < 0 ? 0 : Math.max(0, Math.min(list.length - 1, at + step));
    list.forEach(function (row) { row.classList.remove('current'); });
    list[next].classList.add('current');
    list[next].querySelector('a.open-tip').focus();
  }

  function inCurrentRow(selector) {
    var list = rows();
    var at = current(list);
    return at < 0 ? null : list[at].querySelector(selector);
  }

  var search = document.getElementById('q');
  if (search && window.location.hash === '#q') {
    search.focus();
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || inField(event.target)) {
      return;
    }
    var key = event.key;
    if (awaitingSecondKey > Date.now() && key === 'q') {
      awaitingSecondKey = 0;
      window.location.href = paths.queue;
      event.preventDefault();
      return;
    }
    awaitingSecondKey = 0;
    var target = null;
    if (key === 'j' || key === 'k') {
      move(key === 'j' ? 1 : -1);
    } else if (key === 'o' || (key === 'Enter' && event.target === document.body)) {
      target = inCurrentRow('a.open-tip');
      if (!target) {
        return;
      }
      target.click();
    } else if (key === 'x') {
      target = inCurrentRow('input[name="tip"]');
      if (!target) {
        return;
      }
      target.click();
    } else if (key === '/') {
      if (search) {
        search.focus();
      } else {
        window.location.href = paths.search + '#q';
      }
    } else if (key === 'g') {
      awaitingSecondKey = Date.now() + 1500;
    } else if (key === '?') {
      window.location.href = paths.help;
    } else {
      return;
    }
    event.preventDefault();
  });
})();
