// The location step's map: an enhancement over the address field, which always works alone.
// Settings and every message come from data-* attributes (no inline script under the CSP).
(function () {
  "use strict";
  var panel = document.querySelector("[data-report-map]");
  if (!panel) {
    return;
  }
  // The panel is drawn from the first paint (it has its room); without Leaflet it cannot work.
  if (!window.L) {
    panel.hidden = true;
    return;
  }
  var latInput = panel.querySelector("[data-map-latitude]");
  var lngInput = panel.querySelector("[data-map-longitude]");
  var status = panel.querySelector("[data-map-status]");
  var locateButton = panel.querySelector("[data-map-locate]");
  var data = panel.dataset;

  // The address hint is written for pages without the map; now that the map shows, mention the pin.
  var addressHint = document.getElementById("Input-Address-hint");
  if (addressHint && data.addressHint) {
    addressHint.textContent = data.addressHint;
  }

  var icon = L.icon({
    iconUrl: "/lib/leaflet/marker-icon.png",
    iconRetinaUrl: "/lib/leaflet/marker-icon-2x.png",
    shadowUrl: "/lib/leaflet/marker-shadow.png",
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    shadowSize: [41, 41],
  });
  var saved = latInput.value && lngInput.value ? L.latLng(parseFloat(latInput.value), parseFloat(lngInput.value)) : null;
  var centre = L.latLng(parseFloat(data.centerLat), parseFloat(data.centerLng));
  var map = L.map(panel.querySelector(".ciudad-report-map"), { center: saved || centre, zoom: saved ? 17 : 13 });
  L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  var marker = null;

  function say(message) {
    status.textContent = message;
  }

  function format(template, lat, lng) {
    return template.replace("{0}", lat.toFixed(5)).replace("{1}", lng.toFixed(5));
  }

  function record(latLng) {
    // Six decimals is about 10 cm: more would only pretend to precision.
    latInput.value = latLng.lat.toFixed(6);
    lngInput.value = latLng.lng.toFixed(6);
    say(format(data.msgPlaced, latLng.lat, latLng.lng));
  }

  function place(latLng) {
    if (marker) {
      marker.setLatLng(latLng);
    } else {
      marker = L.marker(latLng, { draggable: true, icon: icon, alt: data.pinLabel, title: data.pinLabel }).addTo(map);
      marker.on("dragend", function () {
        record(marker.getLatLng());
      });
    }
    record(latLng);
  }

  if (saved) {
    place(saved);
  }

  map.on("click", function (event) {
    place(event.latlng);
  });

  panel.querySelector("[data-map-centre]").addEventListener("click", function () {
    place(map.getCenter());
  });

  panel.querySelector("[data-map-clear]").addEventListener("click", function () {
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    latInput.value = "";
    lngInput.value = "";
    say(data.msgCleared);
  });

  if (!navigator.geolocation) {
    locateButton.hidden = true;
  } else {
    locateButton.addEventListener("click", function () {
      say(data.msgLocating);
      navigator.geolocation.getCurrentPosition(
        function (position) {
          var here = L.latLng(position.coords.latitude, position.coords.longitude);
          map.setView(here, 17);
          place(here);
        },
        function (error) {
          say(error.code === error.PERMISSION_DENIED ? data.msgDenied : data.msgUnavailable);
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
      );
    });
  }
})();
