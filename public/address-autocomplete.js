/* global document, window, fetch */
// Address autocomplete (progressive enhancement, ARIA 1.2 combobox with a listbox popup). It
// enhances every <input data-address-autocomplete="/{gemeente}/adressen/zoek">; without this
// script the field is a plain text field and the server geocodes what was typed.
(function () {
  'use strict';
  var count = 0;
  function enhance(input) {
    var url = input.getAttribute('data-address-autocomplete');
    if (!url) return;
    count += 1;
    var id = 'adres-suggesties-' + count;
    var list = document.createElement('ul');
    list.id = id;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || 'Adressen');
    list.className = 'address-suggestions';
    list.hidden = true;
    list.style.listStyle = 'none';
    list.style.margin = '0';
    list.style.padding = '0';
    list.style.border = '1px solid #555';
    list.style.background = '#fff';
    list.style.maxWidth = '40rem';
    var status = document.createElement('div');
    status.id = id + '-status';
    status.setAttribute('role', 'status');
    status.className = 'visually-hidden';
    status.style.position = 'absolute';
    status.style.width = '1px';
    status.style.height = '1px';
    status.style.overflow = 'hidden';
    status.style.clip = 'rect(0 0 0 0)';
    input.insertAdjacentElement('afterend', list);
    list.insertAdjacentElement('afterend', status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.setAttribute('autocomplete', 'off');
    var items = [];
    var active = -1;
    var timer = null;
    var asked = '';

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function mark(i) {
      active = i;
      var options = list.children;
      for (var k = 0; k < options.length; k++) {
        var on = k === i;
        options[k].setAttribute('aria-selected', on ? 'true' : 'false');
        options[k].style.background = on ? '#1d3c6e' : '';
        options[k].style.color = on ? '#fff' : '';
      }
      if (i >= 0) input.setAttribute('aria-activedescendant', id + '-' + i);
      else input.removeAttribute('aria-activedescendant');
    }
    function choose(i) {
      if (i < 0 || i >= items.length) return;
      input.value = items[i];
      close();
      status.textContent = '';
      input.focus();
    }
    function show(labels) {
      items = labels;
      list.textContent = '';
      labels.forEach(function (label, i) {
        var li = document.createElement('li');
        li.id = id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = label;
        li.style.padding = '0.5rem';
        li.style.cursor = 'pointer';
        li.addEventListener('mousedown', function (e) {
          e.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      active = -1;
      if (labels.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      } else close();
      var msg = input.getAttribute(labels.length === 1 ? 'data-msg-one' : 'data-msg-count') || '{count}';
      status.textContent = labels.length ? msg.replace('{count}', String(labels.length)) : '';
    }
    function ask() {
      var q = input.value.trim();
      if (q.length < 2) {
        show([]);
        return;
      }
      if (q === asked) return;
      asked = q;
      fetch(url + '?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (r) {
          return r.ok ? r.json() : { suggestions: [] };
        })
        .then(function (body) {
          if (input.value.trim() !== q) return;
          show(
            (body.suggestions || []).map(function (s) {
              return s.label;
            }),
          );
        })
        .catch(function () {
          show([]);
        });
    }
    input.addEventListener('input', function () {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(ask, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        if (list.hidden && items.length) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        if (items.length) mark((active + 1) % items.length);
        e.preventDefault();
      } else if (e.key === 'ArrowUp') {
        if (items.length) mark(active <= 0 ? items.length - 1 : active - 1);
        e.preventDefault();
      } else if (e.key === 'Enter') {
        // Only a chosen suggestion is taken; otherwise Enter submits the form as usual.
        if (!list.hidden && active >= 0) {
          choose(active);
          e.preventDefault();
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) {
          close();
          e.preventDefault();
        }
      }
    });
    input.addEventListener('blur', function () {
      window.setTimeout(close, 100);
    });
  }
  var inputs = document.querySelectorAll('input[data-address-autocomplete]');
  for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
})();
