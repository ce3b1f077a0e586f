/* global document */
// Help request form (progressive enhancement): show only the parts that fit the choices made, while
// the person chooses. Without this script the server shows the right parts after each step or submit.
(function () {
  'use strict';
  var form = document.querySelector('[data-hm-form]');
  if (!form) return;
  var parts = form.querySelectorAll('[data-show-if]');
  function checked(name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }
  function update() {
    for (var i = 0; i < parts.length; i++) {
      var rule = parts[i].getAttribute('data-show-if').split('=');
      parts[i].hidden = checked(rule[0]) !== rule[1];
    }
  }
  form.addEventListener('change', update);
  update();
})();
