// Ciudad's Leaflet defaults, loaded right after leaflet.js (and the clustering plugin where a page
// clusters) and before the page's own map script, so every map on the page gets them:
// - Leaflet speaks the page's language: its zoom buttons, its credit's tooltip and its popups' close
//   button read the catalog's strings, put on this script's tag by _LeafletScripts.cshtml.
// - L.ciudad.clusters(markers) groups nearby markers into one control with a count, a name ("12 requests")
//   and a target a thumb can hit; Enter or a click zooms in to it (the plugin's own behaviour).
// - L.ciudad.fitMarkers(map, points, maxZoom) frames the points so no marker sits under the zoom
//   buttons or the credit, where it could not be tapped (and axe reports an obscured target).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!window.L || !script) {
    return;
  }
  var text = script.dataset;

  L.Control.Zoom.mergeOptions({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut });
  // Leaflet's own credit keeps its link; only its English tooltip becomes the page's language.
  L.Control.Attribution.mergeOptions({
    prefix: '<a href="https://leafletjs.com" title="' + escapeHtml(text.leafletTitle) + '">Leaflet</a>',
  });
  // Leaflet names every popup's close button "Close popup" in English, with no option to change it.
  L.Map.addInitHook(function () {
    this.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) {
        close.setAttribute("aria-label", text.close);
      }
    });
  });

  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  // A DivIcon with an accessible name: Leaflet gives a keyboard marker role="button" but names
  // only image icons (through alt), so a drawn icon would be a button without a name.
  var LabelledIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      icon.setAttribute("aria-label", this.options.label);
      return icon;
    },
  });

  function countLabel(count) {
    // The catalog's plural rule for both languages: exactly one is singular.
    return (count === 1 ? text.clusterOne : text.clusterOther).replace("{0}", numbers.format(count));
  }

  // How far a marker reaches from its point: a pin (25x41) hangs above it, a cluster (40x40) is
  // centred on it. The frame keeps that much, plus a small gap, inside the map's free area.
  var PIN_HEIGHT = 41;
  var CLUSTER_HALF = 20;
  var GAP = 6;

  function controlEdge(control, edge) {
    var box = control && control.getContainer && control.getContainer();
    if (!box || !box.offsetParent) {
      return 0;
    }
    var mapBox = box.closest(".leaflet-container").getBoundingClientRect();
    var rect = box.getBoundingClientRect();
    return edge === "right" ? rect.right - mapBox.left : mapBox.bottom - rect.top;
  }

  L.ciudad = {
    labelledIcon: function (options) {
      return new LabelledIcon(options);
    },

    fitMarkers: function (map, points, maxZoom) {
      if (points.length === 0) {
        return;
      }
      // Left clears the zoom buttons' column (they sit top-left); the bottom clears the credit,
      // which wraps onto more lines on a narrow phone in a longer language.
      var left = Math.max(controlEdge(map.zoomControl, "right"), 0) + CLUSTER_HALF + GAP;
      var top = PIN_HEIGHT + GAP;
      var right = CLUSTER_HALF + GAP;
      var bottom = Math.max(controlEdge(map.attributionControl, "bottom"), 0) + CLUSTER_HALF + GAP;
      // No zoom animation: the frame is the page settling once its markers arrive, not a motion the
      // reader asked for, and mid-animation markers drift across the controls.
      map.fitBounds(points, { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom], maxZoom: maxZoom, animate: false });
    },

    // The markers as one layer, clustering those closer than a thumb can tell apart.
    clusters: function (markers) {
      if (!L.markerClusterGroup) {
        return L.layerGroup(markers);
      }
      var group = L.markerClusterGroup({
        // Adds markers in slices between frames, so hundreds of them never block the page.
        chunkedLoading: true,
        showCoverageOnHover: false,
        spiderfyOnMaxZoom: true,
        iconCreateFunction: function (cluster) {
          var count = cluster.getChildCount();
          return new LabelledIcon({
            html: numbers.format(count),
            label: countLabel(count),
            className: "ciudad-map-cluster",
            iconSize: [40, 40],
          });
        },
      });
      group.addLayers(markers);
      return group;
    },
  };

  function escapeHtml(value) {
    return String(value || "").replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
})();
