// Address suggestions on the report page: an enhancement over the plain address field (which
// works alone, without JavaScript). ARIA 1.2 combobox with a listbox popup: arrows move through
// the suggestions, Enter takes one, Escape closes the list. Messages come from data-* attributes.
(function () {
  "use strict";
  var box = document.querySelector("[data-address-suggest]");
  if (!box || !window.fetch) {
    return;
  }
  var input = box.querySelector("input");
  var zip = document.querySelector(box.dataset.zipField);
  if (!input) {
    return;
  }
  var data = box.dataset;
  var list = document.createElement("ul");
  list.id = input.id + "-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", data.msgLabel);
  list.className = "usa-list usa-list--unstyled bg-white border-1px border-base-light shadow-2 margin-top-05 maxw-mobile-lg";
  list.hidden = true;
  var status = document.createElement("p");
  status.className = "usa-sr-only";
  status.setAttribute("role", "status");
  input.insertAdjacentElement("afterend", list);
  list.insertAdjacentElement("afterend", status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("autocomplete", "off"); // the browser's own list would cover ours

  var suggestions = [];
  var active = -1;
  var timer = null;
  var asked = "";

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    options.forEach(function (option, i) {
      var on = i === index;
      option.setAttribute("aria-selected", on ? "true" : "false");
      option.classList.toggle("bg-primary-lighter", on);
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(index) {
    var chosen = suggestions[index];
    if (!chosen) {
      return;
    }
    input.value = chosen.label;
    if (zip && chosen.zipcode) {
      zip.value = chosen.zipcode;
    }
    asked = input.value;
    close();
    status.textContent = data.msgChosen.replace("{0}", chosen.label);
  }

  function show(items) {
    suggestions = items;
    list.textContent = "";
    items.forEach(function (item, i) {
      var option = document.createElement("li");
      option.id = list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "padding-1 cursor-pointer";
      option.textContent = item.zipcode ? item.label + ", " + item.zipcode : item.label;
      option.addEventListener("mousedown", function (e) {
        e.preventDefault(); // keep focus in the field
        choose(i);
      });
      list.appendChild(option);
    });
    active = -1;
    if (items.length === 0) {
      close();
      return;
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = data.msgCount.replace("{0}", String(items.length));
  }

  function ask() {
    var q = input.value.trim();
    if (q === asked) {
      return;
    }
    asked = q;
    if (q.length < 3) {
      show([]);
      return;
    }
    fetch(data.url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) {
        if (input.value.trim() === q) {
          show(items);
        }
      })
      .catch(function () { show([]); });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener("keydown", function (e) {
    var open = !list.hidden;
    if (e.key === "ArrowDown" && open) {
      e.preventDefault();
      highlight((active + 1) % suggestions.length);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      highlight(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault(); // take the suggestion, do not send the form yet
      choose(active);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
})();
