// Staff intake during a call: the cursor starts where the next answer goes, so the form can be
// filled from the keyboard without reaching for the mouse. Errors keep site.js's focus on the summary.
(function () {
  "use strict";
  if (document.querySelector(".ciudad-error-summary")) {
    return;
  }
  var form = document.querySelector("form[data-initial-focus]");
  var target = document.querySelector("[data-focus-on-load]") ||
    (form && document.getElementById(form.getAttribute("data-initial-focus")));
  if (target) {
    target.focus();
  }
})();
