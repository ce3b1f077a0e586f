/* global document, navigator */
// Social map search: "Gebruik mijn locatie" (progressive enhancement). Without this script, or
// without geolocation, the search form works with postcode, house number or address.
(function () {
  'use strict';
  var box = document.getElementById('sm-geo');
  var button = document.getElementById('sm-geo-button');
  var lat = document.getElementById('sm-lat');
  var lon = document.getElementById('sm-lon');
  var status = document.getElementById('sm-geo-status');
  if (!box || !button || !lat || !lon || !status || !('geolocation' in navigator)) return;
  box.hidden = false;
  var form = button.form;
  button.addEventListener('click', function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        lat.value = pos.coords.latitude.toFixed(5);
        lon.value = pos.coords.longitude.toFixed(5);
        // The location replaces a typed postcode or address.
        ['veld-postcode', 'veld-huisnummer', 'veld-adres'].forEach(function (id) {
          var el = document.getElementById(id);
          if (el) el.value = '';
        });
        status.textContent = box.getAttribute('data-msg-set') || '';
        button.disabled = false;
        if (form) {
          if (form.requestSubmit) form.requestSubmit();
          else form.submit();
        }
      },
      function () {
        status.textContent = box.getAttribute('data-msg-denied') || '';
        button.disabled = false;
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 },
    );
  });
})();
