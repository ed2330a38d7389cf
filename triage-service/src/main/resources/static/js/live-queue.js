// Live queue for coordinators. Only enhances: without it the queue page reloads itself every minute.
(function () {
  'use strict';
  var polite = document.getElementById('live-notice');
  var urgent = document.getElementById('live-alert');
  if (!polite || !urgent || !window.EventSource) {
    return;
  }

  function say(region, template, change) {
    var item = document.createElement('p');
    var parts = template.split('{0}');
    item.appendChild(document.createTextNode(parts[0]));
    var link = document.createElement('a');
    link.href = polite.dataset.tipPath.replace('ID', change.id);
    link.textContent = polite.dataset.tipLabel.replace('{0}', change.id.substring(0, 8));
    item.appendChild(link);
    item.appendChild(document.createTextNode((parts[1] || '').replace('{1}', change.tier)));
    region.appendChild(item);
  }

  // On the queue itself, the list is fetched again and swapped in, with the filters as they are in the address. Never
  // while a tip is ticked for a bulk change: the swap would untick it, and the fresh list would carry newer versions
  // than the coordinator saw. The swap waits until the last box is unticked.
  var swapWaiting = false;

  function ticked(list) {
    return list.querySelector('input[name="tip"]:checked') !== null;
  }

  function refreshQueue() {
    var current = document.getElementById('queue-results');
    if (!current) {
      return;
    }
    if (ticked(current)) {
      swapWaiting = true;
      return;
    }
    swapWaiting = false;
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('queue-results');
        if (!fresh) {
          return;
        }
        if (ticked(current)) {
          swapWaiting = true;
          return;
        }
        // Keyboard users keep their place: the focused element and the row moved to, found again by id.
        var focused = current.contains(document.activeElement) ? document.activeElement.id : null;
        var marked = current.querySelector('tr.current');
        current.replaceWith(fresh);
        var row = marked && document.getElementById(marked.id);
        if (row) {
          row.classList.add('current');
        }
        var again = focused && document.getElementById(focused);
        if (again) {
          again.focus();
        }
      });
  }

  document.addEventListener('change', function (event) {
    var list = document.getElementById('queue-results');
    if (swapWaiting && list && list.contains(event.target) && !ticked(list)) {
      refreshQueue();
    }
  });

  var source = new EventSource(polite.dataset.events);
  source.addEventListener('queue', function (event) {
    var changes = JSON.parse(event.data);
    var arrived = 0;
    changes.forEach(function (change) {
      if (change.kind === 'REPLY') {
        say(polite, polite.dataset.reply, change);
      } else if (change.urgent) {
        say(urgent, polite.dataset.urgent, change);
      } else {
        arrived++;
      }
    });
    if (arrived > 0) {
      var line = document.createElement('p');
      line.textContent = polite.dataset.arrived.replace('{0}', arrived);
      polite.appendChild(line);
    }
    refreshQueue();
  });
})();
