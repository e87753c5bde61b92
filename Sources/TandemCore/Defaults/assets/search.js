// Tandem's offline search: fetches this language's search/index.json and
// lists the pages whose title, summary, section or persons contain every
// word typed. No third-party code; without JavaScript the page offers the
// taxonomy listings instead.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list || !window.fetch) { return; }
  var records = null;

  function normalise(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function show(query) {
    var words = normalise(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = records.filter(function (record) {
      var text = normalise([record.title, record.summary, record.section, (record.persons || []).join(" "), record.notice].join(" "));
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    });
    found.slice(0, 50).forEach(function (record) {
      var item = document.createElement("li");
      item.className = "item";
      var link = document.createElement("a");
      link.className = "item-title";
      link.href = record.url;
      link.textContent = record.title;
      item.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "item-meta";
      meta.textContent = [record.date_display || "", record.section, record.joint ? list.dataset.joint + " · " + record.lead : ""]
        .filter(Boolean).join(" · ");
      item.appendChild(meta);
      if (record.summary) {
        var summary = document.createElement("p");
        summary.className = "item-summary";
        summary.textContent = record.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    status.textContent = found.length ? list.dataset.results.replace("{count}", found.length) : list.dataset.noResults;
  }

  function run(query) {
    if (records) { show(query); return; }
    fetch(list.dataset.index).then(function (response) { return response.json(); }).then(function (data) {
      records = data;
      show(query);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
