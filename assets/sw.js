// The service worker: precaches every file of the build so the whole course works offline.
// tpm-site fills in VERSION and FILES (each with its content hash) after every release build.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `tpm-course-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(FILES.map(([path, hash]) => new Request(path, { cache: "reload" })))
    )
  );
  // A first install takes over at once; an update waits until the learner chooses to reload.
  if (!self.registration.active) self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith("tpm-course-") && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const url = new URL(request.url);
    url.search = "";
    url.hash = "";
    // A folder URL is served by its index.html, as the static host would.
    const hit = (await cache.match(url.href)) ||
      (url.pathname.endsWith("/") && (await cache.match(url.href + "index.html")));
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      if (request.mode === "navigate") {
        const notFound = await cache.match(new URL("404.html", self.registration.scope).href);
        if (notFound) return notFound;
      }
      throw error;
    }
  })());
});
