// Tandem's search. The index of this language is split into small files
// (Sources/TandemCore/Search/SearchFiles.swift): a query fetches the term
// file of each word it has, the filter file of each filter chosen, and the
// result files of the pages it shows. Words are split and folded as the
// build does (SearchTokenizer.swift): letters, digits and marks; lower case;
// accents and Arabic harakat removed. A word of three letters or more also
// matches longer words. Results come newest first. No third-party code;
// without JavaScript the page offers the taxonomy listings instead.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list || !window.fetch || !window.TextEncoder) { return; }
  var data = list.dataset;
  var buckets = +data.buckets, block = +data.block, shown = 20;
  var digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var files = {}, found = [], count = 0, asked = 0;

  function get(url) {
    if (!files[url]) {
      files[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url); }
        return response.text();
      });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }

  // PostingsCode.swift: "~" and a bitmap, or gaps in base 32.
  function decode(code) {
    var numbers = [], i, value, bit, previous = -1, gap = 0;
    if (code.charAt(0) === "~") {
      for (i = 1; i < code.length; i++) {
        value = digits.indexOf(code.charAt(i));
        for (bit = 0; bit < 6; bit++) { if (value & (1 << bit)) { numbers.push((i - 1) * 6 + bit); } }
      }
      return numbers;
    }
    for (i = 0; i < code.length; i++) {
      value = digits.indexOf(code.charAt(i));
      gap = gap * 32 + (value & 31);
      if (value < 32) { previous += gap; numbers.push(previous); gap = 0; }
    }
    return numbers;
  }

  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\p{M}\u0640]/gu, "")
      .split(/[^\p{L}\p{N}]+/u).filter(function (word) { return Array.from(word).length >= 2; });
  }

  // SearchBuckets.swift: FNV-1a of the first three characters.
  function bucket(word) {
    var hash = 2166136261;
    new TextEncoder().encode(Array.from(word).slice(0, 3).join("")).forEach(function (byte) {
      hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    });
    return hash & (buckets - 1);
  }

  function pagesWith(word) {
    var prefix = Array.from(word).length >= 3;
    return get(data.terms + bucket(word) + ".txt").then(function (text) {
      var pages = {};
      text.split("\n").forEach(function (line) {
        var space = line.indexOf(" "), term = line.slice(0, space);
        if (space > 0 && (term === word || (prefix && term.indexOf(word) === 0))) {
          decode(line.slice(space + 1)).forEach(function (number) { pages[number] = true; });
        }
      });
      return Object.keys(pages).map(Number);
    });
  }

  function intersect(lists) {
    return lists.reduce(function (kept, next) {
      var set = {};
      next.forEach(function (number) { set[number] = true; });
      return kept.filter(function (number) { return set[number]; });
    }).sort(function (a, b) { return a - b; });
  }

  function record(number) {
    return get(data.pages + Math.floor(number / block) + ".json").then(function (text) {
      return JSON.parse(text)[number % block];
    });
  }

  function item(entry) {
    var element = document.createElement("li");
    element.className = "item";
    var link = document.createElement("a");
    link.className = "item-title";
    link.href = entry.url;
    link.textContent = entry.title;
    element.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "item-meta";
    meta.textContent = [entry.date, entry.section, entry.lead ? data.joint + " · " + entry.lead : ""]
      .filter(Boolean).join(" · ");
    element.appendChild(meta);
    [entry.summary, entry.notice].forEach(function (text) {
      if (!text) { return; }
      var paragraph = document.createElement("p");
      paragraph.className = "item-summary";
      paragraph.textContent = text;
      element.appendChild(paragraph);
    });
    return element;
  }

  function showMore() {
    var start = count, query = asked;
    count = Math.min(found.length, count + shown);
    Promise.all(found.slice(start, count).map(record)).then(function (entries) {
      if (query !== asked) { return; }
      entries.forEach(function (entry) { if (entry) { list.appendChild(item(entry)); } });
      if (more) { more.hidden = count >= found.length; }
    });
  }

  function run() {
    var query = ++asked, lookups = words(input.value).map(pagesWith);
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      var option = select.options[select.selectedIndex];
      if (option && option.dataset.url) { lookups.push(get(option.dataset.url).then(function (text) { return decode(text.trim()); })); }
    });
    list.textContent = "";
    if (more) { more.hidden = true; }
    if (!lookups.length) { status.textContent = ""; return; }
    Promise.all(lookups).then(function (lists) {
      if (query !== asked) { return; }
      found = intersect(lists);
      count = 0;
      status.textContent = found.length ? data.results.replace("{count}", found.length) : data.noResults;
      showMore();
    }).catch(function () { status.textContent = data.noResults; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    new FormData(form).forEach(function (value, name) {
      if (value) { url.searchParams.set(name, value); } else { url.searchParams.delete(name); }
    });
    window.history.replaceState(null, "", url);
    run();
  });
  if (more) { more.addEventListener("click", showMore); }
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
    select.value = params.get(select.name) || "";
  });
  if (params.toString()) { run(); }
})();
