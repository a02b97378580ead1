// Progressive enhancement only: every page works without this file.
// Sortable tables: a table with class "sortable" gets a button in each header cell; cells may carry
// data-sort (a number or text) to sort by instead of their visible text. Empty values sort last.
(function () {
  "use strict";

  // 引用本页: the citation's access date is the reader's today (the page itself stays the same for everyone).
  Array.prototype.forEach.call(document.querySelectorAll("[data-today]"), function (el) {
    var d = new Date();
    el.textContent = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" +
      String(d.getDate()).padStart(2, "0");
  });

  // The search page: start fetching the index's meta.json now, while search.js (deferred after this file) is
  // still downloading — one round trip less before the first results. Only where the page links search.js,
  // which it does only when the theme has it; search.js takes this response instead of fetching again.
  var searchApp = document.getElementById("search-app");
  if (searchApp && document.querySelector('script[src$="/search.js"]')) {
    var searchBase = searchApp.getAttribute("data-base") || "/";
    if (searchBase.charAt(searchBase.length - 1) !== "/") searchBase += "/";
    window.gongkaiSearchMeta = fetch(searchBase + "search/data/meta.json");
  }

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }

  function sortTable(table, index, type, button) {
    var th = button.closest("th");
    var descending = th.getAttribute("aria-sort") !== "descending";
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === "" && y === "") return 0;
      if (x === "") return 1;
      if (y === "") return -1;
      var c = type === "number" ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh-CN");
      return descending ? -c : c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  function enhance(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var type = th.getAttribute("data-sort-type");
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, index, type, button); });
    });
    var caption = table.caption;
    if (caption) caption.appendChild(document.createTextNode("（点击表头可排序）"));
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
  });

  // A printed page carries all of its text: folded prose and tables open for printing and fold back after.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details.long"), function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
