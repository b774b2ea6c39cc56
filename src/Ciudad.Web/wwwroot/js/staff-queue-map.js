// Enhancement for the staff queue's map view: a marker for each request listed in the table under
// the map (the table is the source, so the map never shows what the list does not). Each marker's
// popup links to the request; the table is the same list for people who do not use the map.
// Up to 500 markers (QueueQuery.MaxMapPoints): nearby ones are clustered (leaflet-ciudad.js).
(function () {
  "use strict";
  var element = document.getElementById("queue-map");
  if (!element || typeof L === "undefined" || !L.ciudad) {
    return;
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/lib/leaflet/leaflet.css";
  document.head.appendChild(css);
  var clusterCss = document.createElement("link");
  clusterCss.rel = "stylesheet";
  clusterCss.href = "/lib/leaflet.markercluster/MarkerCluster.css";
  document.head.appendChild(clusterCss);

  element.classList.add("ciudad-queue-map--active");
  L.Icon.Default.imagePath = "/lib/leaflet/";
  var map = L.map(element, { scrollWheelZoom: false, keyboard: false });
  L.tileLayer(element.getAttribute("data-tile-url"), {
    maxZoom: 19,
    attribution: element.getAttribute("data-attribution"),
  }).addTo(map);

  var bounds = [];
  var markers = [];
  document.querySelectorAll(".ciudad-queue-points tbody tr[data-lat]").forEach(function (row) {
    var point = [parseFloat(row.getAttribute("data-lat")), parseFloat(row.getAttribute("data-lng"))];
    var link = row.querySelector("a");
    var popup = document.createElement("a");
    popup.href = link.getAttribute("href");
    popup.textContent = link.textContent + " · " + row.cells[1].textContent + " · " + row.cells[2].textContent;
    markers.push(L.marker(point, { keyboard: false, alt: link.textContent }).bindPopup(popup));
    bounds.push(point);
  });
  L.ciudad.fitMarkers(map, bounds, 17);
  L.ciudad.clusters(markers).addTo(map);
})();
