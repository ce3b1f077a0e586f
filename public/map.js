/* global document, navigator, window, L */
// Maps (progressive enhancement, see docs/maps.md and src/ui/map.tsx). The server renders the fallback note, the
// hidden lat/lon inputs and data- attributes; this island turns them into Leaflet maps. Without this script, without
// Leaflet, or when the tiles do not load, the page still works with its address fields and lists.
(function () {
  'use strict';
  if (typeof L === 'undefined' || !document.querySelector) return;

  var NL = { lat: 52.2, lon: 5.3 };

  /** An HTML-escaped copy of a text (Leaflet's attribution is HTML). */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** A Leaflet map in `canvas`, with the configured tiles (if any) and a note when they fail. */
  function makeMap(box, canvas, status) {
    var map = L.map(canvas, { keyboard: true, zoomControl: true, attributionControl: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    var url = box.getAttribute('data-tiles');
    if (url) {
      var failed = false;
      var layer = L.tileLayer(url, {
        maxZoom: 19,
        attribution: escapeHtml(box.getAttribute('data-attribution') || ''),
      });
      layer.on('tileerror', function () {
        if (failed) return;
        failed = true;
        box.classList.add('map--no-tiles');
        if (status) status.textContent = box.getAttribute('data-msg-tiles-failed') || '';
        box.dispatchEvent(new window.CustomEvent('map:tiles-failed'));
      });
      layer.addTo(map);
    } else {
      box.classList.add('map--no-tiles');
    }
    return map;
  }

  function number(text) {
    var n = parseFloat(text);
    return isFinite(n) ? n : null;
  }

  function initPicker(box) {
    var latInput = document.getElementById(box.getAttribute('data-lat-input'));
    var lonInput = document.getElementById(box.getAttribute('data-lon-input'));
    var body = box.querySelector('[data-map-body]');
    var canvas = box.querySelector('[data-map-canvas]');
    var status = box.querySelector('[data-map-status]');
    var locate = box.querySelector('[data-map-locate]');
    var clear = box.querySelector('[data-map-clear]');
    var fallback = box.querySelector('[data-map-fallback]');
    if (!latInput || !lonInput || !body || !canvas || !status) return;
    body.hidden = false;
    if (fallback) fallback.hidden = true;

    var decimal = box.getAttribute('data-decimal') || '.';
    var centerParts = (box.getAttribute('data-center') || '').split(',');
    var center = { lat: number(centerParts[0]) || NL.lat, lon: number(centerParts[1]) || NL.lon };
    var start = { lat: number(latInput.value), lon: number(lonInput.value) };
    var hasPin = start.lat !== null && start.lon !== null;

    var map = makeMap(box, canvas, status);
    map.setView(hasPin ? [start.lat, start.lon] : [center.lat, center.lon], hasPin ? 17 : 14);
    var marker = null;

    function shown(v) {
      return v.toFixed(5).replace('.', decimal);
    }
    function say(text) {
      status.textContent = text;
    }
    function fill(latlng, announce) {
      latInput.value = latlng.lat.toFixed(6);
      lonInput.value = latlng.lng.toFixed(6);
      [latInput, lonInput].forEach(function (input) {
        input.dispatchEvent(new window.Event('change', { bubbles: true }));
      });
      if (clear) clear.hidden = false;
      if (announce !== false) {
        say(
          (box.getAttribute('data-msg-pin-at') || '{lat}, {lon}').replace('{lat}', shown(latlng.lat)).replace('{lon}', shown(latlng.lng)),
        );
      }
    }
    function place(latlng, announce) {
      if (marker) marker.setLatLng(latlng);
      else {
        marker = L.marker(latlng, {
          draggable: true,
          keyboard: true,
          alt: box.getAttribute('data-msg-marker') || '',
          title: box.getAttribute('data-msg-marker') || '',
        }).addTo(map);
        marker.on('dragend', function () {
          fill(marker.getLatLng());
        });
      }
      fill(latlng, announce);
    }
    if (hasPin) place(L.latLng(start.lat, start.lon), false);

    map.on('click', function (e) {
      place(e.latlng);
    });
    // Keyboard: the arrow keys move the map (Leaflet); Enter or space drops the pin in the middle.
    canvas.addEventListener('keydown', function (e) {
      if (e.target !== canvas) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        place(map.getCenter());
      }
    });

    if (clear) {
      clear.addEventListener('click', function () {
        if (marker) map.removeLayer(marker);
        marker = null;
        latInput.value = '';
        lonInput.value = '';
        clear.hidden = true;
        say(box.getAttribute('data-msg-removed') || '');
      });
    }

    if (locate && 'geolocation' in navigator) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        locate.disabled = true;
        say(box.getAttribute('data-msg-locating') || '');
        navigator.geolocation.getCurrentPosition(
          function (pos) {
            var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
            map.setView(here, 17);
            place(here);
            locate.disabled = false;
          },
          function () {
            say(box.getAttribute('data-msg-denied') || '');
            locate.disabled = false;
          },
          { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 },
        );
      });
    }
  }

  function initPoints(box) {
    var canvas = box.querySelector('[data-map-canvas]');
    var status = box.querySelector('[data-map-status]');
    var points;
    try {
      points = JSON.parse(box.getAttribute('data-points') || '[]');
    } catch {
      return;
    }
    if (!canvas || !points.length) return;
    box.hidden = false;
    // A server-drawn map this one stands in for: hidden while the tiles show, back when they fail.
    var replaced = box.getAttribute('data-tiles') ? document.querySelector(box.getAttribute('data-replaces') || '[data-none]') : null;
    if (replaced) {
      // style, not the hidden property: the target may be an SVG element.
      replaced.style.display = 'none';
      box.addEventListener('map:tiles-failed', function () {
        replaced.style.display = '';
      });
    }
    var map = makeMap(box, canvas, status);
    var bounds = [];
    // Places at the same spot share one marker whose popup lists them all.
    var groups = {};
    var order = [];
    points.forEach(function (p) {
      var key = p.lat.toFixed(5) + ',' + p.lon.toFixed(5);
      if (!groups[key]) {
        groups[key] = [];
        order.push(key);
      }
      groups[key].push(p);
    });
    order.forEach(function (key) {
      var group = groups[key];
      var first = group[0];
      var name = group
        .map(function (p) {
          return p.label;
        })
        .join('; ');
      var marker = L.marker([first.lat, first.lon], { keyboard: true, alt: name, title: name }).addTo(map);
      // The popup is built from DOM nodes: labels are text, never HTML.
      var list = document.createElement('ul');
      list.className = 'points-map__popup';
      group.forEach(function (p) {
        var item = document.createElement('li');
        var content = document.createElement(p.href ? 'a' : 'span');
        content.textContent = p.label;
        if (p.href) {
          content.href = p.href;
          content.className = 'utrecht-link';
        }
        item.appendChild(content);
        list.appendChild(item);
      });
      marker.bindPopup(list);
      bounds.push([first.lat, first.lon]);
    });
    if (bounds.length === 1) map.setView(bounds[0], 16);
    else map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  }

  var boxes = document.querySelectorAll('[data-map]');
  for (var i = 0; i < boxes.length; i++) {
    var kind = boxes[i].getAttribute('data-map');
    if (kind === 'picker') initPicker(boxes[i]);
    else if (kind === 'points') initPoints(boxes[i]);
  }
})();
