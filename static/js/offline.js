/* The offline copy, for browsers that can keep one (the pages work without this script):
 * registers the service worker (/sw.js), runs the "keep for offline" buttons, lists on the
 * "without a connection" page what this phone has kept, and refreshes the kept pages when
 * the connection returns. Texts come translated in the page's data-* attributes. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;

  var PAGES = "portal-pages"; // the service worker's cache of kept pages (templates/offline/sw.js)
  var REFRESH_AFTER = 6 * 60 * 60 * 1000; // on a visit, refresh kept pages older than this
  var language = document.documentElement.lang;

  // Refused (a private window, a browser set to block it): the pages simply stay online-only.
  navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(function () {});

  function ask(message, onReply) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        if (onReply) onReply(event.data);
      };
      registration.active.postMessage(message, [channel.port2]);
    });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  function dateText(iso) {
    return new Date(iso).toLocaleDateString([language, "sr-Latn"]);
  }

  function isSavedCopy() {
    return document.querySelector(".saved-copy:not([hidden]), .unsaved:not([hidden])") !== null;
  }

  /* "Keep for offline" (templates/offline/keep.html). */
  function keepBox(box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    box.hidden = false;
    caches.match(box.dataset.keep).then(function (kept) {
      if (kept && !status.textContent) {
        status.textContent = fill(box.dataset.keptOn, { date: dateText(kept.headers.get("x-saved")) });
      }
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      status.textContent = box.dataset.starting;
      ask({ type: "keep", package: box.dataset.keep }, function (progress) {
        if (progress.failed) {
          status.textContent = box.dataset.failed;
        } else if (!progress.done) {
          status.textContent = fill(box.dataset.saving, progress);
          return;
        } else {
          status.textContent = fill(progress.missed ? box.dataset.partly : box.dataset.done, progress);
        }
        button.disabled = false;
      });
    });
  }

  /* The "without a connection" page: what this phone keeps in this language. */
  function savedList(section) {
    var list = section.querySelector("ul");
    var none = section.querySelector("[data-none]");
    var prefix = "/" + section.dataset.language + "/";
    section.hidden = false;
    caches
      .open(PAGES)
      .then(function (cache) {
        return cache.keys().then(function (requests) {
          return Promise.all(
            requests.map(function (request) {
              return cache.match(request, { ignoreVary: true }).then(function (response) {
                return { url: new URL(request.url), response: response };
              });
            })
          );
        });
      })
      .then(function (entries) {
        var pages = entries.filter(function (entry) {
          return entry.url.pathname.indexOf(prefix) === 0 && entry.response.headers.has("x-title");
        });
        pages.sort(function (a, b) {
          return a.url.pathname < b.url.pathname ? -1 : 1;
        });
        pages.forEach(function (entry) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = entry.url.pathname + entry.url.search;
          link.textContent = decodeURIComponent(entry.response.headers.get("x-title"));
          var saved = document.createElement("small");
          saved.textContent = fill(section.dataset.savedOn, {
            date: dateText(entry.response.headers.get("x-saved")),
          });
          item.append(link, " ", saved);
          list.append(item);
        });
        none.hidden = pages.length > 0;
      });
  }

  document.querySelectorAll("[data-keep]").forEach(keepBox);
  document.querySelectorAll("[data-saved-list]").forEach(savedList);

  // A saved copy shown though the browser says it is online: the connection is coming back
  // (or barely there). Try the page itself again a few times, waiting longer each time.
  var RETRIES = [3000, 15000, 60000];
  var retryKey = "portal-retry:" + window.location.href;
  if (isSavedCopy() && navigator.onLine) {
    var tried = Number(sessionStorage.getItem(retryKey) || 0);
    if (tried < RETRIES.length) {
      sessionStorage.setItem(retryKey, tried + 1);
      setTimeout(function () {
        if (navigator.onLine) window.location.reload();
      }, RETRIES[tried]);
    }
  } else if (!isSavedCopy()) {
    sessionStorage.removeItem(retryKey);
  }

  // When the connection was lost: the pages kept before it may have changed since.
  var offlineSince = isSavedCopy() ? Date.now() : null;
  window.addEventListener("offline", function () {
    offlineSince = offlineSince || Date.now();
  });
  window.addEventListener("online", function () {
    var since = offlineSince || Date.now();
    offlineSince = null;
    ask({ type: "reconnected", since: since }).then(function () {
      // A saved copy on the screen: the page itself, from the network, now.
      if (isSavedCopy()) window.location.reload();
    });
  });
  if (navigator.onLine && !isSavedCopy()) {
    ask({ type: "refresh", olderThan: REFRESH_AFTER });
  }
})();
