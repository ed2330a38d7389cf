// Quick exit: Esc, or the quick-exit link, leaves for a neutral site and replaces this page in the history, so
// the Back button does not return here. Without JavaScript the link is still a plain link to the same site.
(function () {
  'use strict';
  var link = document.querySelector('a.quick-exit');
  if (!link) {
    return;
  }
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    window.location.replace(link.href);
  }
  link.addEventListener('click', leave);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      leave(event);
    }
  });
}());
