// The phone's copy of the clerk's scope and the queue of changes not yet sent, in IndexedDB: it outlives a reload
// and a restart. The Cache API holds only the app's shell, never these.
const NAME = 'khuyenhoc-field';
const DATA = ['villages', 'households', 'rounds', 'registrations', 'criteria'];
let opened;

export function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('meta', { keyPath: 'name' });
        db.createObjectStore('villages', { keyPath: 'code' });
        db.createObjectStore('households', { keyPath: 'id' });
        db.createObjectStore('rounds', { keyPath: 'id' });
        db.createObjectStore('registrations', { keyPath: 'id' });
        db.createObjectStore('criteria', { keyPath: 'id' });
        db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('ids', { keyPath: 'local' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB blocked'));
    });
  }
  return opened;
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
}

function result(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function all(store) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).getAll());
}

export async function get(store, key) {
  const db = await open();
  return result(db.transaction(store).objectStore(store).get(key));
}

export async function put(store, value) {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  const key = result(tx.objectStore(store).put(value));
  await done(tx);
  return key;
}

export async function remove(store, key) {
  const db = await open();
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).delete(key);
  await done(tx);
}

/** Replaces the scope's data with a fresh bundle in one transaction; the queue and the id map stay. */
export async function replaceData(bundle) {
  const db = await open();
  const tx = db.transaction([...DATA, 'meta'], 'readwrite');
  for (const store of DATA) tx.objectStore(store).clear();
  bundle.villages.forEach((v) => tx.objectStore('villages').put(v));
  bundle.households.forEach((h) => tx.objectStore('households').put(h));
  bundle.rounds.forEach((r) => tx.objectStore('rounds').put(r));
  bundle.registrations.forEach((r) => tx.objectStore('registrations').put({
    ...r, scores: r.scores ? JSON.parse(r.scores) : null,
  }));
  bundle.criteriaSets.forEach((c) => tx.objectStore('criteria').put(c));
  tx.objectStore('meta').put({
    name: 'bundle', username: bundle.username, fullName: bundle.fullName, scopeName: bundle.scopeName,
    phones: bundle.phones, loadedAt: bundle.loadedAt,
  });
  await done(tx);
}

export async function queue() {
  return all('queue');
}

export async function enqueue(item) {
  return put('queue', {
    clientId: uuid(), status: 'pending', message: null, server: null,
    createdAt: new Date().toISOString(), ...item,
  });
}

/** Everything of this phone's clerk, at sign-out or when another person signs in on the phone. */
export async function wipe() {
  const db = await open();
  db.close();
  opened = null;
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

export async function unsentCount() {
  try {
    const db = await open();
    return await result(db.transaction('queue').objectStore('queue').count());
  } catch (e) {
    return 0;
  }
}

export function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
