// Sends the queue when the phone is online: each change once (its client id is the Idempotency-Key), in an order
// that keeps what a change refers to before it (a new household before its registration, a photo before the scores
// that need it), the local ids of new records mapped to the server's once they exist.
import * as store from './store.js';

const RANK = { 'family-create': 0, 'family-update': 1, register: 2, photo: 3, self: 4 };
const listeners = new Set();
let running = null;

export class SignedOut extends Error {}

export function onChange(listener) {
  listeners.add(listener);
}

function notify(event) {
  listeners.forEach((l) => l(event));
}

export function isLocal(ref) {
  return typeof ref === 'string' && ref.startsWith('L:');
}

/** Who is signed in and a fresh CSRF token; a redirect to the sign-in page means the session is gone. */
export async function me() {
  const response = await fetch('/field/api/me', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  const type = response.headers.get('content-type') || '';
  if (response.redirected || !type.includes('json') || response.status === 401 || response.status === 403) {
    throw new SignedOut('Phiên đăng nhập đã hết: hãy đăng nhập lại. Các thay đổi chưa gửi vẫn được giữ trên máy.');
  }
  if (!response.ok) throw new Error(`Máy chủ trả lời ${response.status}`);
  return response.json();
}

export function syncNow() {
  if (!running) {
    running = run().finally(() => {
      running = null;
      notify({ done: true });
    });
  }
  return running;
}

export function order(a, b) {
  return (RANK[a.kind] - RANK[b.kind]) || (a.seq - b.seq);
}

/** Changes of one kind to different records travel side by side: three at a time hide most of the latency. */
const PARALLEL = 3;

async function run() {
  if (!navigator.onLine) return { sent: 0, offline: true };
  const who = await me();
  const ids = new Map((await store.all('ids')).map((i) => [i.local, i.server]));
  const resolve = (ref) => (isLocal(ref) && ids.has(ref) ? ids.get(ref) : ref);
  const listed = (await store.queue()).sort(order);
  let sent = 0;
  let stop = false;
  let failure = null;
  for (const kind of Object.keys(RANK).sort((a, b) => RANK[a] - RANK[b])) {
    // grouped by record after the kinds before it went, so that a new household's later edits share its group
    const groups = new Map();
    listed.filter((i) => i.kind === kind).forEach((i) => {
      const key = String(resolve(i.ref));
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(i);
    });
    const waiting = [...groups.values()];
    const worker = async () => {
      while (!stop && waiting.length) {
        for (const item of waiting.shift()) {
          if (stop) return;
          try {
            const outcome = await one(item.seq, ids, resolve, who);
            if (outcome === 'sent') sent++;
            if (outcome === 'stop') stop = true;
          } catch (e) {
            failure = e;
            stop = true;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (stop) break;
  }
  if (failure) throw failure;
  return { sent };
}

/** Sends one change: 'sent', 'skip' (waits for what it refers to, or for the clerk), 'stop' (network or server down). */
async function one(seq, ids, resolve, who) {
  const item = await store.get('queue', seq);
  if (!item || item.status !== 'pending') return 'skip';
  const target = resolve(item.ref);
  const family = item.payload.familyRef === undefined ? undefined : resolve(item.payload.familyRef);
  if ((isLocal(target) && item.kind !== 'family-create' && item.kind !== 'register') || isLocal(family)) {
    return 'skip'; // what it refers to is not on the server yet (refused, or waiting for the clerk)
  }
  let response;
  try {
    response = await send(item, target, family, who);
  } catch (e) {
    return 'stop'; // the network went: the rest waits for the next try
  }
  const type = response.headers.get('content-type') || '';
  if (response.redirected || (!type.includes('json') && response.status < 500)) {
    throw new SignedOut('Phiên đăng nhập đã hết: hãy đăng nhập lại. Các thay đổi chưa gửi vẫn được giữ trên máy.');
  }
  const body = type.includes('json') ? await response.json() : null;
  let outcome = 'skip';
  if (response.ok) {
    await applied(item, body, ids);
    outcome = 'sent';
  } else if (response.status === 409 && body && body.server) {
    await store.put('queue', { ...item, status: 'conflict', message: body.detail, server: body.server });
  } else if (response.status >= 500 || response.status === 429) {
    return 'stop';
  } else {
    const reasons = (body && body.errors && body.errors.length)
      ? body.errors.map((e) => e.message).join(' ')
      : (body && body.detail) || `Máy chủ từ chối (${response.status}).`;
    await store.put('queue', { ...item, status: 'refused', message: reasons });
  }
  notify({ item: item.seq });
  return outcome;
}

function send(item, target, family, who) {
  const headers = { Accept: 'application/json', 'Idempotency-Key': item.clientId, [who.csrfHeader]: who.csrfToken };
  const json = (method, url, body) => fetch(url, {
    method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const p = item.payload;
  switch (item.kind) {
    case 'family-create':
      return json('POST', '/field/api/families', familyForm(p, null));
    case 'family-update':
      return json('PUT', `/field/api/families/${target}`, familyForm(p, item.baseVersion));
    case 'register':
      return json('POST', '/field/api/registrations', { roundId: p.roundId, familyId: family });
    case 'self':
      return json('POST', `/field/api/registrations/${target}/self-assessment`, {
        scores: p.scores, comment: p.comment, version: item.baseVersion,
      });
    case 'photo': {
      const form = new FormData();
      form.append('itemCode', p.itemCode);
      form.append('file', p.blob, p.fileName || 'minh-chung.jpg');
      return fetch(`/field/api/registrations/${target}/evidence`, { method: 'POST', headers, body: form });
    }
    default:
      return Promise.reject(new Error(item.kind));
  }
}

function familyForm(p, version) {
  return {
    villageCode: p.villageCode, headName: p.headName, address: p.address || null, members: p.members,
    adults: p.adults, schoolAgeChildren: p.schoolAgeChildren, phone: p.phone || null, since: p.since || null,
    confirmDuplicate: !!p.confirmDuplicate, version,
  };
}

export function household(view) {
  return {
    id: view.id, headName: view.headName, address: view.address, members: view.members, adults: view.adults,
    schoolAgeChildren: view.schoolAgeChildren, phone: view.phone, villageCode: view.villageCode,
    since: view.since, version: view.version,
  };
}

/** After the server took a change: its answer becomes the phone's data and later changes follow its new version. */
async function applied(item, body, ids) {
  const later = (await store.queue()).filter((q) => q.seq !== item.seq);
  const rebase = async (match, version) => {
    for (const q of later.filter(match)) await store.put('queue', { ...q, baseVersion: version });
  };
  const same = (q) => q.ref === item.ref || (ids.get(q.ref) !== undefined && ids.get(q.ref) === ids.get(item.ref));
  switch (item.kind) {
    case 'family-create':
      ids.set(item.ref, body.id);
      await store.put('ids', { local: item.ref, server: body.id });
      await store.put('households', household(body));
      await rebase((q) => q.kind === 'family-update' && q.ref === item.ref && q.baseVersion == null, body.version);
      break;
    case 'family-update':
      await store.put('households', household(body));
      await rebase((q) => q.kind === 'family-update' && same(q) && q.baseVersion === item.baseVersion, body.version);
      break;
    case 'register': {
      ids.set(item.ref, body.id);
      await store.put('ids', { local: item.ref, server: body.id });
      const family = await store.get('households', body.subjectId);
      await store.put('registrations', {
        id: body.id, roundId: body.roundId, subjectId: body.subjectId, subjectName: family ? family.headName : '',
        stage: body.stage, result: body.result, version: body.version, scores: null, comment: null,
        evidenceItems: [], returnComment: null,
      });
      await rebase((q) => q.kind === 'self' && q.ref === item.ref && q.baseVersion == null, body.version);
      break;
    }
    case 'self': {
      const state = body.registration;
      const current = (await store.get('registrations', state.id)) || {};
      await store.put('registrations', {
        ...current, ...state, scores: item.payload.scores, comment: item.payload.comment,
      });
      await rebase((q) => q.kind === 'self' && same(q) && q.baseVersion === item.baseVersion, state.version);
      break;
    }
    case 'photo': {
      const current = await store.get('registrations', body.registrationId);
      if (current) {
        const items = new Set(current.evidenceItems || []);
        items.add(body.itemCode);
        await store.put('registrations', { ...current, evidenceItems: [...items] });
      }
      break;
    }
    default:
  }
  await store.remove('queue', item.seq);
}

/** The clerk keeps their version: sent again on the server's newer version. */
export async function keepMine(seq) {
  const item = await store.get('queue', seq);
  await store.put('queue', { ...item, baseVersion: item.server.version, status: 'pending', message: null, server: null });
}

/** The clerk takes the server's version: theirs is dropped and the server's record kept on the phone. */
export async function useServer(seq) {
  const item = await store.get('queue', seq);
  if (item.kind === 'family-update') {
    await store.put('households', household(item.server));
  } else if (item.kind === 'self') {
    const current = await store.get('registrations', item.server.id);
    if (current) await store.put('registrations', { ...current, ...item.server });
  }
  await drop(seq);
}

export async function retry(seq) {
  const item = await store.get('queue', seq);
  await store.put('queue', { ...item, status: 'pending', message: null });
}

/** Drops a change and the changes that need it (the registration of a household never created…). */
export async function drop(seq) {
  const item = await store.get('queue', seq);
  if (!item) return;
  await store.remove('queue', seq);
  if (item.kind === 'family-create' || item.kind === 'register') {
    const dependents = (await store.queue()).filter((q) => q.ref === item.ref || q.payload.familyRef === item.ref);
    for (const q of dependents) await drop(q.seq);
  }
}
