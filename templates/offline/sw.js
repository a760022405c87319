{% autoescape off %}// The service worker (core.offline): the app shell kept for offline use, the officer's own
// pages kept as last seen (only those the server marks), and the forms waiting for a
// signal sent when it returns (Background Sync; the pages also retry on "online").
"use strict";
const VERSION = "{{ version }}";
const SHELL_CACHE = `cpo-shell-${VERSION}`;
const PAGES_CACHE = "cpo-pages";
const SHELL = {{ shell }};
const OFFLINE_URL = {{ offline_url }};
const STATIC_PREFIX = {{ static_prefix }};
const COPY_HEADER = {{ copy_header }};
importScripts({{ outbox_url }});

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll([...SHELL, OFFLINE_URL])).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("cpo-shell-") && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// A kept page says so: the page script shows "saved copy as of" for it.
async function keptCopy(request) {
  const cache = await caches.open(PAGES_CACHE);
  const copy = await cache.match(request, { ignoreVary: true });
  if (!copy) return null;
  const html = (await copy.text()).replace("<body ", "<body data-offline-copy ");
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

async function page(request) {
  try {
    const response = await fetch(request);
    const cache = await caches.open(PAGES_CACHE);
    if (response.ok && !response.redirected && response.headers.get(COPY_HEADER)) {
      await cache.put(request, response.clone());
    } else if (response.ok) {
      await cache.delete(request, { ignoreVary: true });  // no longer a page to keep
    }
    return response;
  } catch (offline) {
    return (await keptCopy(request)) || (await caches.match(OFFLINE_URL)) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith(STATIC_PREFIX)) {
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag !== "outbox") return;
  // the open pages say what was sent (keep.js)
  const tell = () => self.clients.matchAll().then((pages) => pages.forEach((page) => page.postMessage("outbox")));
  event.waitUntil(self.Outbox.flush().then(tell));
});

// Sign-out and a new person on the phone: nothing of the previous one stays.
self.addEventListener("message", (event) => {
  if (event.data === "forget") {
    event.waitUntil(caches.delete(PAGES_CACHE).then(() => self.Outbox.clear()));
  } else if (event.data?.keep) {
    // A page the worker did not answer for (the first after sign-in), or a form the
    // page leads to (fetched once, for a dead zone later): kept if the server marks it.
    const url = new URL(event.data.keep);
    if (url.origin !== self.location.origin) return;
    const request = new Request(url, { credentials: "same-origin" });
    const kept = event.data.ifMissing ? caches.open(PAGES_CACHE).then((cache) => cache.match(request, { ignoreVary: true })) : null;
    event.waitUntil(Promise.resolve(kept).then((copy) => copy || page(request)).catch(() => {}));
  }
});
{% endautoescape %}
