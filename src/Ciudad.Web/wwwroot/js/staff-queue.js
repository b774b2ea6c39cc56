// Enhancement for the staff queue: "select all on this page" ticks the row boxes too. Without
// JavaScript the server applies the action to every request on the page when that box is ticked.
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (all) {
    var form = all.form;
    var rows = form.querySelectorAll('input[type=checkbox][name="' + all.getAttribute("data-select-all") + '"]');
    all.addEventListener("change", function () {
      rows.forEach(function (row) { row.checked = all.checked; });
    });
    rows.forEach(function (row) {
      row.addEventListener("change", function () {
        all.checked = Array.prototype.every.call(rows, function (r) { return r.checked; });
      });
    });
  });
})();
