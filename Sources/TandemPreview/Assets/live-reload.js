// Live reload for `tandem serve` (injected into served pages only, never built).
// Reloads the page when its own file changed, swaps a changed stylesheet
// without a reload, and shows or hides the error overlay.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) { return; }
  var served = script.dataset.path;   // the file this page was served from
  var wanted = script.dataset.want;   // the file its URL asks for (differs on a 404)
  var base = script.dataset.base || "/"; // the path of the site's base URL ("/joint/")
  var query = "?session=" + encodeURIComponent(script.dataset.session) +
              "&since=" + encodeURIComponent(script.dataset.version);
  var source = new EventSource("/_tandem/events" + query);

  // The file of the site a URL names, as the server names files: decoded
  // ("images/my photo.jpg", not "my%20photo.jpg") and without the base path.
  function pathOf(url) {
    try {
      var path = decodeURIComponent(new URL(url, location.href).pathname);
      return path.indexOf(base) === 0 ? path.slice(base.length) : "";
    } catch (e) { return ""; }
  }

  function uses(path) {
    var elements = document.querySelectorAll("[src], [href]");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      if (element.tagName === "A") { continue; }
      if (pathOf(element.getAttribute("src") || element.getAttribute("href")) === path) { return true; }
    }
    return false;
  }

  function swapStylesheet(path, version) {
    var links = document.querySelectorAll("link[rel~='stylesheet'][href]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), location.href);
      if (pathOf(url.href) === path) {
        url.searchParams.set("tandem", version);
        links[i].href = url.href;
      }
    }
  }

  source.addEventListener("change", function (event) {
    var change = JSON.parse(event.data);
    var paths = change.paths || [];
    if (served === "*" || paths.indexOf(served) >= 0 || paths.indexOf(wanted) >= 0) {
      location.reload();
      return;
    }
    for (var i = 0; i < paths.length; i++) {
      var path = paths[i];
      if (/\.css$/.test(path)) {
        swapStylesheet(path, change.version);
      } else if (!/\.html$/.test(path) && uses(path)) {
        location.reload();
        return;
      }
    }
  });

  source.addEventListener("reload", function () { location.reload(); });

  source.addEventListener("problems", function (event) {
    var old = document.getElementById("tandem-problems");
    if (old) { old.remove(); }
    var html = JSON.parse(event.data).html;
    if (html) { document.body.insertAdjacentHTML("beforeend", html); }
  });

  document.addEventListener("click", function (event) {
    if (event.target && event.target.hasAttribute && event.target.hasAttribute("data-tandem-dismiss")) {
      var overlay = document.getElementById("tandem-problems");
      if (overlay) { overlay.remove(); }
    }
  });
})();
