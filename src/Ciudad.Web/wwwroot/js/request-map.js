// Maps on the tracking pages. An enhancement only: every page says in words where a request is
// and lists the same requests, so nothing is lost when this file or the tiles do not load.
// Configuration comes from data-* attributes (the CSP forbids inline script).
(function () {
  "use strict";
  if (!window.L) {
    return;
  }
  // The images are served flat under /lib/leaflet/, not in Leaflet's default images/ folder.
  L.Icon.Default.imagePath = "/lib/leaflet/";

  document.querySelectorAll("[data-request-map]").forEach(function (element) {
    var data = element.dataset;
    element.hidden = false;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", data.label || "");
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(data.tileUrl, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
    var centre = [parseFloat(data.lat), parseFloat(data.lon)];
    map.setView(centre, parseInt(data.zoom, 10) || 13);

    if (data.markersUrl) {
      showMarkers(map, data);
    } else if (data.approximate === "true") {
      // Only the neighbourhood is public: a circle about the size of the grid cell, never a pin.
      L.circle(centre, { radius: parseInt(data.radius, 10) / 2 }).addTo(map);
    } else {
      L.marker(centre, { alt: data.markerLabel || "", keyboard: false }).addTo(map);
    }
  });

  function showMarkers(map, data) {
    fetch(data.markersUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (markers) {
        var bounds = [];
        markers.forEach(function (m) {
          var point = [m.lat, m.lon];
          bounds.push(point);
          var popup = document.createElement("div");
          var link = document.createElement("a");
          link.href = m.url;
          link.textContent = m.service + " " + m.number;
          popup.appendChild(link);
          popup.appendChild(document.createElement("br"));
          popup.appendChild(document.createTextNode(m.status + (m.approximate ? " · " + data.approximateLabel : "")));
          var layer = m.approximate
            ? L.circleMarker(point, { radius: 8 })
            : L.marker(point, { alt: m.service + " " + m.number + ", " + m.status });
          layer.bindPopup(popup).addTo(map);
        });
        if (bounds.length > 0) {
          map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
        }
      })
      .catch(function () { /* the list below the map still shows every request */ });
  }
})();
