/* stmtdiff report: row filters, translation toggle and keyboard navigation. No network, no
   innerHTML: the script only flips attributes and classes on markup the report already has. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  var table = document.getElementById("rows");
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var buttons = document.querySelectorAll(".controls [data-filter]");
  var shown = document.getElementById("shown");
  var current = null;

  function visible(row) {
    return row.getClientRects().length > 0;
  }

  function countShown() {
    var n = 0;
    for (var i = 0; i < body.rows.length; i += 1) {
      if (visible(body.rows[i])) {
        n += 1;
      }
    }
    shown.textContent = n + " of " + body.rows.length + " rows shown";
  }

  function setFilter(name) {
    table.setAttribute("data-filter", name);
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-filter") === name));
    }
    countShown();
  }

  for (var i = 0; i < buttons.length; i += 1) {
    buttons[i].addEventListener("click", function (event) {
      setFilter(event.currentTarget.getAttribute("data-filter"));
    });
  }

  var toggle = document.getElementById("show-tr");
  if (toggle) {
    toggle.addEventListener("change", function () {
      table.classList.toggle("show-tr", toggle.checked);
    });
    table.classList.toggle("show-tr", toggle.checked);
  }

  function rowFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var row = id ? document.getElementById(id) : null;
    return row && row.parentNode === body ? row : null;
  }

  function go(row) {
    if (current) {
      current.classList.remove("cur");
    }
    current = row;
    row.classList.add("cur");
    row.setAttribute("tabindex", "-1");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#" + row.id);
  }

  /* The next (step 1) or previous (step -1) visible differing row after the current one. */
  function move(step) {
    var rows = body.rows;
    var start = current ? current.sectionRowIndex : step > 0 ? -1 : rows.length;
    for (var k = start + step; k >= 0 && k < rows.length; k += step) {
      if (rows[k].classList.contains("d") && visible(rows[k])) {
        go(rows[k]);
        return;
      }
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      return;
    }
    if (event.key === "j" || event.key === "n") {
      move(1);
    } else if (event.key === "k" || event.key === "p") {
      move(-1);
    } else {
      return;
    }
    event.preventDefault();
  });

  window.addEventListener("hashchange", function () {
    var row = rowFromHash();
    if (row) {
      if (current) {
        current.classList.remove("cur");
      }
      current = row;
    }
  });

  current = rowFromHash();
  countShown();
})();
