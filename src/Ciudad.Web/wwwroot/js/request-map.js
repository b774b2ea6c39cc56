// Maps on the tracking pages. An enhancement only: every page says in words where a request is
// and lists the same requests, so nothing is lost when this file or the tiles do not load.
// Configuration comes from data-* attributes (the CSP forbids inline script); Leaflet's own words
// and the clusters come from leaflet-ciudad.js, loaded before this file.
(function () {
  "use strict";
  if (!window.L || !L.ciudad) {
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
        var layers = markers.map(function (m) {
          var point = [m.lat, m.lon];
          bounds.push(point);
          var name = m.service + " " + m.number + ", " + m.status;
          var layer = m.approximate
            ? L.marker(point, { icon: approximateIcon(name + " · " + data.approximateLabel) })
            : L.marker(point, { alt: name });
          // The popup is built when opened, not for every marker up front.
          return layer.bindPopup(function () { return popup(m, data); });
        });
        L.ciudad.fitMarkers(map, bounds, 16);
        // Requests a few doors apart would overlap (and be too small to tap apart): cluster them.
        L.ciudad.clusters(layers).addTo(map);
      })
      .catch(function () { /* the list below the map still shows every request */ });
  }

  // Only the neighbourhood is public: a round mark, not a pin, still big enough to tap (24px).
  function approximateIcon(label) {
    return L.ciudad.labelledIcon({ label: label, className: "ciudad-map-approximate", iconSize: [24, 24] });
  }

  function popup(m, data) {
    var content = document.createElement("div");
    var link = document.createElement("a");
    link.href = m.url;
    link.textContent = m.service + " " + m.number;
    content.appendChild(link);
    content.appendChild(document.createElement("br"));
    content.appendChild(document.createTextNode(m.status + (m.approximate ? " · " + data.approximateLabel : "")));
    return content;
  }
})();
