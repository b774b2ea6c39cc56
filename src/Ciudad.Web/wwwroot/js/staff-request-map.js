// Enhancement for the staff request page: a small map around the request's point. Everything it
// needs comes from data-* attributes (the CSP forbids inline script); without JavaScript the page
// shows the address and coordinates with a link to a full map instead.
(function () {
  "use strict";
  var element = document.getElementById("request-map");
  if (!element || typeof L === "undefined") {
    return;
  }
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = "/lib/leaflet/leaflet.css";
  document.head.appendChild(css);

  var point = [parseFloat(element.getAttribute("data-lat")), parseFloat(element.getAttribute("data-lng"))];
  element.classList.add("ciudad-request-map--active");
  L.Icon.Default.imagePath = "/lib/leaflet/";
  // Zoom buttons and credit in the page's language come from leaflet-ciudad.js.
  var map = L.map(element, { scrollWheelZoom: false }).setView(point, 17);
  L.tileLayer(element.getAttribute("data-tile-url"), {
    maxZoom: 19,
    attribution: element.getAttribute("data-attribution"),
  }).addTo(map);
  // The marker only marks the spot; it is not a control, so it stays out of the tab order.
  L.marker(point, { keyboard: false, interactive: false, alt: element.getAttribute("data-marker-label") }).addTo(map);
})();
