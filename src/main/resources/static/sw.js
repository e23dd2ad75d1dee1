// The field app's service worker: keeps the app's shell (page, scripts, style, icons) so that /field opens without
// network, and nothing else. Data calls (/field/api/…) are never cached here: personal data lives in IndexedDB only.
const SHELL = 'khuyenhoc-field-shell-v1';
const FILES = [
  '/field',
  '/css/field.css',
  '/js/field/app.js',
  '/js/field/model.js',
  '/js/field/photo.js',
  '/js/field/signout.js',
  '/js/field/store.js',
  '/js/field/sync.js',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('khuyenhoc-field-') && k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function shellKey(url) {
  if (url.pathname === '/field' || url.pathname === '/field/') return '/field';
  return FILES.includes(url.pathname) ? url.pathname : null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const key = shellKey(url);
  if (!key) return; // everything else goes to the network as if there were no worker
  // the shell from the cache at once, refreshed in the background when the network answers with the real thing
  event.respondWith(caches.open(SHELL).then(async (cache) => {
    const cached = await cache.match(key);
    const fresh = fetch(request).then((response) => {
      if (response.ok && !response.redirected && response.type === 'basic') cache.put(key, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  }));
});
