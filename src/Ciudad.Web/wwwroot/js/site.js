// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // (head.js has already marked the page as having JavaScript.)

  // Move focus to the error summary so screen readers announce what went wrong.
  var summary = document.querySelector(".ciudad-error-summary");
  if (summary) {
    summary.focus();
  }

  // Confirm destructive actions (the server still requires its own confirmation field).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) {
        event.preventDefault();
      }
    });
  });
})();
