/* The Returnee Portal's service worker (offline/views.py serves it at /sw.js).
 *
 * Pages come from the network whenever there is one; each public page opened is also kept
 * on the phone, and without a connection the kept copy is shown, saying when it was saved.
 * Only public pages (under a language prefix, Cache-Control: public) are kept: nothing of the
 * admin, of the API, of a form sent (POST), of a page for one visitor only.
 *
 * CONFIG.version is the release: a new release is a new worker, which drops the old
 * release's files and fetches the saved pages again.
 */
const CONFIG = {{ config|safe }};
{% verbatim %}
const ASSETS = `portal-static-${CONFIG.version}`;
const PAGES = "portal-pages"; // the kept pages, of every release (refreshed, never dropped)
const META = "portal-meta";
const RECONNECTED = "/offline/reconnected"; // META: when the last reconnection refreshed pages
const RECONNECT_PAUSE = 60 * 1000; // a flickering connection refreshes at most once a minute
const DOWNLOADS = 3; // pages fetched at once when keeping or refreshing a package
const NOTICE = '<p class="saved-copy" hidden>';
const UNSAVED = '<p class="unsaved" hidden>';
const SAVED_TIME = "<span data-saved></span>";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(CONFIG.assets))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter(
        (name) => name.startsWith("portal-static-") && name !== ASSETS,
      );
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
      // The pages open now were fetched before a worker served them: keep them too.
      const windows = await self.clients.matchAll({ type: "window" });
      await Promise.all(windows.map((client) => keepOpened(client.url)));
      if (old.length) await refresh(Date.now()); // a new release: the saved pages as it renders them
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (languageOf(url)) event.respondWith(page(event));
  } else if (CONFIG.assets.includes(url.pathname)) {
    event.respondWith(asset(request));
  } else if (isStylesheet(url)) {
    // A saved page of an earlier release asks for that release's stylesheet.
    event.respondWith(fetch(request).catch(() => caches.match(CONFIG.stylesheet)));
  }
});

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  const message = event.data || {};
  if (message.type === "keep") {
    event.waitUntil(keepPackage(message.package, (progress) => port.postMessage(progress)));
  } else if (message.type === "refresh") {
    event.waitUntil(refresh(Date.now() - message.olderThan));
  } else if (message.type === "reconnected") {
    event.waitUntil(reconnected(message.since));
  } else if (message.type === "version") {
    port.postMessage({ version: CONFIG.version });
  }
});

/* --- Pages --------------------------------------------------------------------------- */

function languageOf(url) {
  const first = url.pathname.split("/")[1];
  return CONFIG.languages.includes(first) ? first : null;
}

function isStylesheet(url) {
  return url.pathname.startsWith(`${CONFIG.staticUrl}css/portal.`) && url.pathname.endsWith(".css");
}

function isPublic(response, type) {
  return (
    response.ok &&
    response.type === "basic" &&
    (response.headers.get("content-type") || "").startsWith(type) &&
    /\bpublic\b/.test(response.headers.get("cache-control") || "")
  );
}

async function page(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (isPublic(response, "text/html")) {
      event.waitUntil(save(request.url, response.clone(), { kept: false }));
    }
    return response;
  } catch (error) {
    return (await savedCopy(request.url)) || (await offlinePage(request.url));
  }
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  return cached || fetch(request);
}

/* Store `response` as the saved copy of `url`, with when it was saved and its title. */
async function save(url, response, { kept }) {
  const cache = await caches.open(PAGES);
  const previous = await cache.match(url, { ignoreVary: true });
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  for (const name of ["content-encoding", "content-length", "vary", "set-cookie"]) {
    headers.delete(name);
  }
  headers.set("x-saved", new Date().toISOString());
  if (kept || (previous && previous.headers.has("x-kept"))) headers.set("x-kept", "1");
  const title = /<title>([^<]*)<\/title>/.exec(new TextDecoder().decode(body));
  if (title) headers.set("x-title", encodeURIComponent(unescapeHtml(title[1]).trim()));
  await cache.put(url, new Response(body, { status: 200, statusText: "OK", headers }));
  const language = languageOf(new URL(url, self.location.origin));
  if (language && !(await cache.match(CONFIG.offlinePages[language]))) {
    await download(CONFIG.offlinePages[language], { kept: true }).catch(() => null);
  }
  if (!kept) await forgetOldest(cache);
}

async function download(url, { kept }) {
  const response = await fetch(url);
  if (!isPublic(response, "text/html")) return false;
  await save(url, response, { kept });
  return true;
}

async function keepOpened(url) {
  if (!languageOf(new URL(url, self.location.origin))) return;
  const cache = await caches.open(PAGES);
  if (!(await cache.match(url, { ignoreVary: true }))) {
    await download(url, { kept: false }).catch(() => null);
  }
}

/* Of the pages kept because they were opened, only the newest CONFIG.visitedPages stay. */
async function forgetOldest(cache) {
  const requests = await cache.keys();
  if (requests.length <= CONFIG.visitedPages) return;
  const opened = [];
  for (const request of requests) {
    const response = await cache.match(request, { ignoreVary: true });
    if (!response.headers.has("x-kept")) opened.push([response.headers.get("x-saved"), request]);
  }
  opened.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [, request] of opened.slice(0, opened.length - CONFIG.visitedPages)) {
    await cache.delete(request);
  }
}

function unescapeHtml(text) {
  const entities = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" };
  return text.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (match, name) => entities[name]);
}

/* --- Without a connection -------------------------------------------------------------- */

/* A link with only ?municipality= (the way back to a family's municipality) finds the page
   saved with another municipality, or none: the text is the same. */
function placeOnly(url) {
  return [...url.searchParams.keys()].every((name) => name === "municipality");
}

async function savedCopy(url) {
  const cache = await caches.open(PAGES);
  let response = await cache.match(url, { ignoreVary: true });
  if (!response && placeOnly(new URL(url, self.location.origin))) {
    const requests = await cache.keys(url, { ignoreSearch: true, ignoreVary: true });
    const same = requests.find((request) => placeOnly(new URL(request.url)));
    if (same) response = await cache.match(same, { ignoreVary: true });
  }
  if (!response) return null;
  const saved = response.headers.get("x-saved");
  const time = `<time datetime="${saved}">${formatDate(new Date(saved), languageOf(new URL(url, self.location.origin)))}</time>`;
  const html = (await response.text())
    .replace(NOTICE, '<p class="saved-copy" role="status">')
    .replace(SAVED_TIME, time);
  return new Response(html, { headers: response.headers });
}

async function offlinePage(url) {
  const cache = await caches.open(PAGES);
  const language = languageOf(new URL(url, self.location.origin));
  const response =
    (await cache.match(CONFIG.offlinePages[language])) ||
    (await firstMatch(cache, Object.values(CONFIG.offlinePages)));
  if (!response) return Response.error();
  const html = (await response.text()).replace(UNSAVED, '<p class="unsaved" role="status">');
  return new Response(html, { headers: response.headers });
}

async function firstMatch(cache, urls) {
  for (const url of urls) {
    const response = await cache.match(url);
    if (response) return response;
  }
  return null;
}

/* Numbers only (3. 12. 2026. 18:05): Intl knows no Romani, and a month's name would be in
   another language; the page's own language where Intl has it. */
function formatDate(date, language) {
  const locales = { "sr-latn": "sr-Latn", sr: "sr-Cyrl", en: "en-GB" };
  const wanted = locales[language] || language;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([wanted]).length ? wanted : "sr-Latn";
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/* --- Keeping and refreshing ------------------------------------------------------------ */

/* "Keep for offline": the package's list of pages, then each page, DOWNLOADS at a time. */
async function keepPackage(packageUrl, report) {
  let pages;
  try {
    const response = await fetch(packageUrl, { cache: "no-store" });
    if (!isPublic(response, "application/json")) throw new Error(String(response.status));
    pages = (await response.clone().json()).pages;
    await savePackage(packageUrl, response);
  } catch (error) {
    report({ failed: true });
    return;
  }
  const progress = { saved: 0, missed: 0, total: pages.length };
  await inTurn(pages, async (url) => {
    const ok = await download(url, { kept: true }).catch(() => false);
    progress[ok ? "saved" : "missed"] += 1;
    report({ ...progress });
  });
  report({ ...progress, done: true });
}

async function savePackage(url, response) {
  const cache = await caches.open(PAGES);
  const headers = new Headers(response.headers);
  headers.set("x-saved", new Date().toISOString());
  headers.set("x-kept", "1");
  await cache.put(url, new Response(await response.arrayBuffer(), { headers }));
}

async function inTurn(items, work) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length) await work(queue.shift());
  };
  await Promise.all(Array.from({ length: DOWNLOADS }, worker));
}

/* The connection is back: the pages saved before it was lost (`since`, a time in ms). The
   browser may say so before requests get through: tried again a few times. */
async function reconnected(since) {
  const meta = await caches.open(META);
  const last = await meta.match(RECONNECTED);
  if (last && Date.now() - Number(await last.text()) < RECONNECT_PAUSE) return;
  await meta.put(RECONNECTED, new Response(String(Date.now())));
  for (const pause of [0, 2000, 10000, 30000]) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    if (await refresh(since)) return;
  }
}

/* Every page saved before `before` (a time in ms) fetched again, asking only whether it
   changed (If-None-Match: a page that did not change costs a few hundred bytes); a page that
   is gone is dropped; a package's new pages are kept. Stops at the first failure: the
   connection went again. */
async function refresh(before) {
  const cache = await caches.open(PAGES);
  const requests = await cache.keys();
  let online = true;
  await inTurn(requests, async (request) => {
    if (!online) return;
    const saved = await cache.match(request, { ignoreVary: true });
    if (!saved || Date.parse(saved.headers.get("x-saved")) >= before) return;
    const etag = saved.headers.get("etag");
    let response;
    try {
      response = await fetch(request.url, {
        cache: "no-store",
        headers: etag ? { "If-None-Match": etag } : {},
      });
    } catch (error) {
      online = false;
      return;
    }
    const kept = saved.headers.has("x-kept");
    if (response.status === 304) {
      const headers = new Headers(saved.headers);
      headers.set("x-saved", new Date().toISOString());
      await cache.put(request, new Response(await saved.arrayBuffer(), { headers }));
    } else if (response.status === 404 || response.status === 410) {
      await cache.delete(request);
    } else if (isPublic(response, "application/json")) {
      const pages = (await response.clone().json()).pages;
      await savePackage(request.url, response);
      for (const url of pages) {
        if (!(await cache.match(url, { ignoreVary: true }))) {
          await download(url, { kept: true }).catch(() => null);
        }
      }
    } else if (isPublic(response, "text/html")) {
      await save(request.url, response, { kept });
    }
  });
  return online;
}
{% endverbatim %}
