/* global document, window */
// The buurt leaflet's print button (progressive enhancement). Without this script the page says
// "Druk deze folder af met Ctrl+P"; with it, a button opens the browser's print dialogue.
(function () {
  'use strict';
  var button = document.getElementById('sm-print');
  var hint = document.getElementById('sm-print-hint');
  if (!button || typeof window.print !== 'function') return;
  button.hidden = false;
  if (hint) hint.hidden = true;
  button.addEventListener('click', function () {
    window.print();
  });
})();
