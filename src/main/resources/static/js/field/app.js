// Sổ thôn: the village clerk's offline app. Every change goes to the queue first (IndexedDB) and is sent when the
// phone is online; the views are the last bundle with the queue laid over it.
import * as store from './store.js';
import * as sync from './sync.js';
import { load, fold, STAGES, KINDS, FAMILY_FIELDS } from './model.js';
import { downscale } from './photo.js';
import { confirmSignOut } from './signout.js';

const view = document.getElementById('view');
const RETRY_MS = 30000;
let model = null;
let notice = null;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  children.flat().forEach((c) => c != null && el.append(c instanceof Node ? c : String(c)));
  return el;
}

function show(...nodes) {
  const shown = nodes.filter((n) => n != null);
  view.replaceChildren(...(notice ? [h('p', { class: `flash ${notice.kind}`, role: 'status' }, notice.text)] : []), ...shown);
  notice = null;
}

function say(text, kind = 'ok') {
  notice = { text, kind };
}

function field(label, input) {
  const id = input.id || `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  return h('div', { class: 'field-row' }, h('label', { for: id }, label), input);
}

function pendingBadge(count) {
  return count ? h('span', { class: 'badge wait' }, 'chưa gửi') : null;
}

async function refresh() {
  model = await load();
  const count = model.queue.length;
  const link = document.getElementById('pending');
  link.textContent = `Chưa gửi: ${count}`;
  link.classList.toggle('has', count > 0);
  const who = document.getElementById('who');
  if (model.meta) who.textContent = `${model.meta.fullName} · ${model.meta.scopeName}`;
  await route(true);
}

function net() {
  const el = document.getElementById('net');
  el.textContent = navigator.onLine ? 'Có mạng' : 'Mất mạng';
  el.className = navigator.onLine ? 'net on' : 'net off';
}

// ---- views

let views = 0;
let drawn = { hash: null, form: false };

/**
 * Draws the view of the address. A refresh (after a sync, the retry timer) leaves an open form alone: what the clerk
 * is typing is never redrawn away.
 */
async function route(refreshing = false) {
  const hash = location.hash || '#/';
  if (refreshing && drawn.form && drawn.hash === hash) return;
  drawn = { hash, form: false };
  await draw();
  // for tests and the benchmark: which view is on screen, drawn how many times
  document.documentElement.dataset.view = `${location.hash || '#/'}@${++views}`;
}

async function draw() {
  const [, name, a, b] = (location.hash || '#/').split('/');
  if (!model.meta) {
    show(h('h1', {}, 'Sổ thôn'), h('p', {}, navigator.onLine
      ? 'Đang tải dữ liệu của địa bàn…'
      : 'Máy chưa có dữ liệu: hãy mở Sổ thôn một lần khi có mạng.'));
    return;
  }
  if (name === 'v') return village(decodeURIComponent(a));
  if (name === 'h' && a === 'new') return familyForm(null, decodeURIComponent(b));
  if (name === 'h') return familyForm(decodeURIComponent(a));
  if (name === 'r') return assessment(decodeURIComponent(a));
  if (name === 'q') return queueView();
  return home();
}

function openRound() {
  return model.rounds[0] || null;
}

function home() {
  const counts = new Map();
  model.families.forEach((f) => counts.set(f.villageCode, (counts.get(f.villageCode) || 0) + 1));
  const round = openRound();
  show(
    h('h1', {}, 'Sổ thôn'),
    round
      ? h('p', { class: 'muted' }, `Đợt ${round.title === 'LEARNING_FAMILY' ? 'Gia đình học tập' : round.title} năm ${round.year} (${round.localityName}): đăng ký đến ${day(round.registrationDue)}, tự đánh giá đến ${day(round.selfAssessmentDue)}.`)
      : h('p', { class: 'muted' }, 'Năm nay chưa có đợt công nhận Gia đình học tập đang mở.'),
    h('h2', {}, 'Thôn, tổ dân phố'),
    h('ul', { class: 'field-list' }, model.villages.map((v) => h('li', {},
      h('a', { href: `#/v/${encodeURIComponent(v.code)}`, class: 'field-item' },
        h('span', { class: 'name' }, v.name), h('span', { class: 'muted' }, `${counts.get(v.code) || 0} hộ`))))),
    h('p', { class: 'muted' }, `Dữ liệu tải lúc ${time(model.meta.loadedAt)}.`),
  );
}

function village(code) {
  const v = model.villages.find((x) => x.code === code);
  if (!v) return show(h('p', {}, 'Không có thôn này trong địa bàn của bạn.'), h('a', { href: '#/' }, 'Về danh sách thôn'));
  const round = openRound();
  const regsBySubject = new Map();
  if (round) model.registrations.forEach((r) => { if (r.roundId === round.id) regsBySubject.set(r.subjectId, r); });
  const families = [...model.families.values()].filter((f) => f.villageCode === code);
  const list = h('ul', { class: 'field-list', id: 'families' });
  const search = h('input', { type: 'search', id: 'q', placeholder: 'Gõ tên, không cần dấu', autocomplete: 'off' });
  const draw = () => {
    const q = fold(search.value.trim());
    list.replaceChildren(...families.filter((f) => !q || fold(f.headName).includes(q)).map((f) => {
      const reg = regsBySubject.get(f.id);
      return h('li', { class: 'family' },
        h('div', { class: 'field-item' },
          h('span', { class: 'name' }, f.headName, ' ', pendingBadge(f.pending)),
          h('span', { class: 'muted' }, `${f.members} nhân khẩu${f.address ? ` · ${f.address}` : ''}`)),
        h('div', { class: 'actions' },
          h('a', { class: 'field-button secondary', href: `#/h/${encodeURIComponent(f.id)}` }, 'Sửa'),
          round && !reg ? h('button', { type: 'button', class: 'field-button', onclick: () => register(round, f) }, 'Đăng ký') : null,
          reg ? h('a', { class: 'field-button', href: `#/r/${encodeURIComponent(reg.id)}` },
            `${STAGES[reg.stage] || reg.stage}`, pendingBadge(reg.pending)) : null));
    }));
  };
  search.addEventListener('input', draw);
  draw();
  show(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Các thôn'), ` › ${v.communeName}`),
    h('h1', {}, v.name),
    h('a', { class: 'field-button', href: `#/h/new/${encodeURIComponent(code)}` }, 'Thêm hộ'),
    field('Tìm hộ', search),
    list,
  );
}

async function register(round, family) {
  const ref = `L:${store.uuid()}`;
  await store.enqueue({ kind: 'register', ref, baseVersion: null, payload: { roundId: round.id, familyRef: family.id } });
  say(`Đã ghi đăng ký của hộ ${family.headName} (chưa gửi).`);
  changed();
}

function familyForm(id, villageCode, queued) {
  const existing = id == null ? null : model.families.get(/^\d+$/.test(id) ? Number(id) : id);
  if (id != null && !existing && !queued) return show(h('p', {}, 'Không tìm thấy hộ này trên máy.'));
  const values = queued ? queued.payload : existing || { villageCode, members: 4, adults: 2, schoolAgeChildren: 1 };
  const inputs = {
    headName: h('input', { name: 'headName', required: true, maxlength: 200, autocomplete: 'off' }),
    address: h('input', { name: 'address', maxlength: 300, autocomplete: 'off' }),
    members: h('input', { name: 'members', type: 'number', min: 1, max: 99, required: true, inputmode: 'numeric' }),
    adults: h('input', { name: 'adults', type: 'number', min: 0, max: 99, required: true, inputmode: 'numeric' }),
    schoolAgeChildren: h('input', { name: 'schoolAgeChildren', type: 'number', min: 0, max: 99, required: true, inputmode: 'numeric' }),
    phone: h('input', { name: 'phone', type: 'tel', maxlength: 20, autocomplete: 'off' }),
    villageCode: h('select', { name: 'villageCode' }, model.villages.map((v) => h('option', { value: v.code }, v.name))),
  };
  FAMILY_FIELDS.forEach((k) => { inputs[k].value = values[k] ?? ''; });
  const confirm = h('input', { type: 'checkbox', name: 'confirmDuplicate' });
  confirm.checked = !!values.confirmDuplicate;
  const form = h('form', { class: 'field-form', novalidate: false },
    field('Họ tên chủ hộ', inputs.headName),
    field('Địa chỉ', inputs.address),
    field('Số nhân khẩu', inputs.members),
    field('Số người lớn (19–60 tuổi)', inputs.adults),
    field('Số trẻ trong độ tuổi đi học', inputs.schoolAgeChildren),
    model.meta.phones ? field('Điện thoại', inputs.phone) : null,
    field('Thôn, tổ dân phố', inputs.villageCode),
    h('label', { class: 'check' }, confirm, ' Vẫn lưu nếu trùng tên chủ hộ trong thôn'),
    h('button', { type: 'submit', class: 'field-button' }, 'Lưu (chờ gửi)'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const payload = { confirmDuplicate: confirm.checked };
    FAMILY_FIELDS.forEach((k) => { payload[k] = inputs[k].value.trim(); });
    ['members', 'adults', 'schoolAgeChildren'].forEach((k) => { payload[k] = Number(payload[k]); });
    if (!model.meta.phones && existing) payload.phone = existing.phone;
    if (queued) {
      await store.put('queue', { ...queued, payload: { ...queued.payload, ...payload }, status: 'pending', message: null });
      say('Đã sửa thay đổi trong hàng chờ.');
      go('#/q');
    } else if (existing) {
      const base = existing.pending ? baseVersionOf(existing.id) : existing.version;
      await store.enqueue({ kind: 'family-update', ref: existing.id, baseVersion: base, payload });
      say(`Đã ghi hộ ${payload.headName} (chưa gửi).`);
      go(`#/v/${encodeURIComponent(payload.villageCode)}`);
    } else {
      await store.enqueue({ kind: 'family-create', ref: `L:${store.uuid()}`, baseVersion: null, payload });
      say(`Đã thêm hộ ${payload.headName} (chưa gửi).`);
      go(`#/v/${encodeURIComponent(payload.villageCode)}`);
    }
    changed();
  });
  show(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Các thôn')),
    h('h1', {}, queued ? 'Sửa thay đổi chưa gửi' : existing ? `Sửa hộ ${existing.headName}` : 'Thêm hộ'),
    queued && queued.message ? h('p', { class: 'flash bad', role: 'alert' }, queued.message) : null,
    form,
  );
  drawn.form = true;
}

/** A household edited again before the first edit was sent: built on the same server version. */
function baseVersionOf(ref) {
  const first = model.queue.find((q) => q.ref === ref && (q.kind === 'family-update' || q.kind === 'family-create'));
  return first && first.kind === 'family-update' ? first.baseVersion : null;
}

function assessment(id, queued) {
  const reg = model.registrations.get(/^\d+$/.test(id) ? Number(id) : id);
  if (!reg) return show(h('p', {}, 'Không tìm thấy hồ sơ này trên máy.'));
  const round = model.rounds.find((r) => r.id === reg.roundId);
  const set = round && model.criteria.get(round.criteriaSetId);
  if (!set) return show(h('p', {}, 'Máy chưa có bộ tiêu chí của đợt này: hãy tải lại dữ liệu khi có mạng.'));
  const editable = ['REGISTERED', 'RETURNED', 'SELF_ASSESSED'].includes(reg.stage);
  const scores = (queued ? queued.payload.scores : reg.scores) || {};
  const inputs = new Map();
  const total = h('output', { id: 'total', 'aria-live': 'polite' }, '0');
  const count = () => {
    let sum = 0;
    inputs.forEach(({ item, input }) => {
      if (item.kind === 'POINTS') sum += Number(input.value) || 0;
    });
    total.textContent = `${sum}${set.criteria ? ` / ${maxTotal(set)}` : ''}`;
  };
  const criteria = set.criteria.map((c) => h('fieldset', { class: 'criterion' },
    h('legend', {}, `${c.code}. ${c.name}`),
    c.items.map((item) => {
      let input;
      if (item.kind === 'POINTS') {
        input = h('input', { type: 'number', min: 0, max: item.maxPoints, inputmode: 'numeric', required: true, name: item.code, disabled: !editable });
        input.value = scores[item.code] ?? '';
        input.addEventListener('input', count);
      } else {
        input = h('input', { type: 'checkbox', name: item.code, disabled: !editable });
        input.checked = scores[item.code] === true || scores[item.code] === 'true';
      }
      inputs.set(item.code, { item, input });
      const label = `${item.code} ${item.name}${item.kind === 'POINTS' ? ` (tối đa ${item.maxPoints})` : ' (đạt)'}${item.evidenceRequired ? ' · cần minh chứng' : ''}`;
      return item.kind === 'POINTS' ? field(label, input) : h('label', { class: 'check' }, input, ` ${label}`);
    })));
  const comment = h('textarea', { name: 'comment', maxlength: 2000, rows: 3, disabled: !editable });
  comment.value = (queued ? queued.payload.comment : reg.comment) || '';
  const items = set.criteria.flatMap((c) => c.items);
  const itemSelect = h('select', { name: 'itemCode' }, items.map((i) => h('option', { value: i.code }, `${i.code} ${i.name}`)));
  const firstRequired = items.find((i) => i.evidenceRequired);
  if (firstRequired) itemSelect.value = firstRequired.code;
  const photo = h('input', { type: 'file', accept: 'image/*', capture: 'environment', name: 'photo', disabled: !editable });
  const photos = h('ul', { class: 'photos' }, reg.photos.map((p) => h('li', {}, `Ảnh cho mục ${p.payload.itemCode}, ${p.payload.width}×${p.payload.height} (chưa gửi)`)),
    (reg.evidenceItems || []).map((code) => h('li', {}, `Đã có minh chứng cho mục ${code}`)));
  photo.addEventListener('change', async () => {
    const file = photo.files[0];
    if (!file) return;
    try {
      const { blob, width, height } = await downscale(file);
      await store.enqueue({ kind: 'photo', ref: reg.id, baseVersion: null, payload: { itemCode: itemSelect.value, blob, fileName: 'minh-chung.jpg', width, height } });
      const url = URL.createObjectURL(blob);
      photos.append(h('li', {}, h('img', { src: url, alt: `Ảnh minh chứng mục ${itemSelect.value}`, width: 96 }), ` Ảnh cho mục ${itemSelect.value}, ${width}×${height}, ${Math.round(blob.size / 1024)} KB (chưa gửi)`));
      photo.value = '';
      await softRefresh();
    } catch (e) {
      photos.append(h('li', { class: 'bad' }, e.message));
    }
  });
  const form = h('form', { class: 'field-form' }, criteria,
    h('p', { class: 'total' }, 'Tổng điểm: ', total),
    field('Nhận xét', comment),
    h('fieldset', {}, h('legend', {}, 'Ảnh minh chứng'), field('Cho mục', itemSelect), field('Chụp hoặc chọn ảnh', photo), photos),
    editable ? h('button', { type: 'submit', class: 'field-button' }, 'Lưu tự đánh giá (chờ gửi)') : h('p', { class: 'muted' }, 'Hồ sơ đã qua bước tự đánh giá.'));
  count();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const values = {};
    inputs.forEach(({ item, input }) => { values[item.code] = item.kind === 'POINTS' ? Number(input.value) : input.checked; });
    const payload = { scores: values, comment: comment.value.trim() || null };
    if (queued) {
      await store.put('queue', { ...queued, payload, status: 'pending', message: null });
    } else {
      const earlier = model.queue.find((q) => q.kind === 'self' && q.ref === reg.id);
      const base = earlier ? earlier.baseVersion : reg.version;
      await store.enqueue({ kind: 'self', ref: reg.id, baseVersion: base, payload });
    }
    say(`Đã ghi tự đánh giá của hộ ${reg.subjectName} (chưa gửi).`);
    go(queued ? '#/q' : `#/v/${encodeURIComponent(model.families.get(reg.subjectId)?.villageCode || '')}`);
    changed();
  });
  show(
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Các thôn')),
    h('h1', {}, `Tự đánh giá: ${reg.subjectName}`),
    h('p', { class: 'muted' }, `${STAGES[reg.stage] || reg.stage}${reg.returnComment ? ` · Lý do trả lại: ${reg.returnComment}` : ''}`),
    queued && queued.message ? h('p', { class: 'flash bad', role: 'alert' }, queued.message) : null,
    form,
  );
  drawn.form = true;
}

function maxTotal(set) {
  return set.criteria.flatMap((c) => c.items).filter((i) => i.kind === 'POINTS').reduce((s, i) => s + (i.maxPoints || 0), 0);
}

const LABELS = {
  headName: 'Họ tên chủ hộ', address: 'Địa chỉ', members: 'Số nhân khẩu', adults: 'Số người lớn',
  schoolAgeChildren: 'Số trẻ đi học', phone: 'Điện thoại', villageCode: 'Thôn',
};

function describe(item) {
  const p = item.payload;
  const family = (ref) => model.families.get(model.resolve(ref));
  switch (item.kind) {
    case 'family-create':
    case 'family-update':
      return p.headName;
    case 'register':
      return family(p.familyRef)?.headName || '';
    default:
      return model.registrations.get(model.resolve(item.ref))?.subjectName || '';
  }
}

function villageName(code) {
  return model.villages.find((v) => v.code === code)?.name || code;
}

function conflictTable(item) {
  if (item.kind === 'family-update') {
    const server = item.server;
    return h('table', { class: 'versions' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Trường'), h('th', { scope: 'col' }, 'Bản của tôi'), h('th', { scope: 'col' }, 'Bản trên máy chủ'))),
      h('tbody', {}, FAMILY_FIELDS.filter((k) => k !== 'phone' || model.meta.phones).map((k) => {
        const mine = k === 'villageCode' ? villageName(item.payload[k]) : item.payload[k];
        const theirs = k === 'villageCode' ? villageName(server[k]) : server[k];
        const differs = String(mine ?? '') !== String(theirs ?? '');
        return h('tr', { class: differs ? 'differs' : null }, h('th', { scope: 'row' }, LABELS[k]), h('td', {}, mine ?? ''), h('td', {}, theirs ?? ''));
      })));
  }
  return h('p', {}, `Trên máy chủ hồ sơ đang ở bước “${STAGES[item.server.stage] || item.server.stage}” (phiên bản ${item.server.version}).`);
}

function queueView() {
  const items = [...model.queue].sort(sync.order);
  const act = (label, fn, cls = 'field-button secondary') => h('button', { type: 'button', class: cls, onclick: async () => { await fn(); changed(); } }, label);
  show(
    h('h1', {}, 'Hàng chờ gửi'),
    items.length ? null : h('p', {}, 'Mọi thay đổi đã được gửi.'),
    h('ul', { class: 'field-list queue' }, items.map((item) => h('li', { class: `queued ${item.status}` },
      h('div', { class: 'field-item' },
        h('span', { class: 'name' }, `${KINDS[item.kind]}: ${describe(item)}`),
        h('span', { class: 'badge ' + (item.status === 'pending' ? 'wait' : 'bad') },
          item.status === 'pending' ? 'chưa gửi' : item.status === 'conflict' ? 'xung đột' : 'bị từ chối')),
      item.message ? h('p', { class: 'reason' }, item.message) : null,
      item.status === 'conflict' ? h('div', { class: 'conflict' }, conflictTable(item),
        h('div', { class: 'actions' },
          act('Giữ bản của tôi', async () => { await sync.keepMine(item.seq); say('Bản của bạn sẽ được gửi lại trên phiên bản mới của máy chủ.'); queueSync(); }, 'field-button'),
          act('Dùng bản trên máy chủ', async () => { await sync.useServer(item.seq); say('Đã dùng bản trên máy chủ.'); }))) : null,
      item.status === 'refused' ? h('div', { class: 'actions' },
        ['family-create', 'family-update', 'self'].includes(item.kind)
          ? h('button', { type: 'button', class: 'field-button', onclick: () => editQueued(item) }, 'Sửa') : null,
        act('Gửi lại', async () => { await sync.retry(item.seq); queueSync(); }),
        act('Bỏ thay đổi', async () => {
          if (window.confirm('Bỏ thay đổi này (và những thay đổi cần đến nó)?')) await sync.drop(item.seq);
        })) : null))),
  );
}

function editQueued(item) {
  if (item.kind === 'self') return assessment(String(item.ref), item);
  return familyForm(item.kind === 'family-update' ? String(item.ref) : null, item.payload.villageCode, item);
}

// ---- data and sync

let skipHash = null;

/** Moves to a view after a change: the refresh that follows the change draws it, with its message. */
function go(hash) {
  if (location.hash !== hash) {
    skipHash = hash;
    location.hash = hash;
  }
}

let loading = false;

async function loadBundle() {
  if (loading || !navigator.onLine) return;
  loading = true;
  const started = performance.now();
  try {
    const me = await sync.me();
    const meta = await store.get('meta', 'bundle');
    if (meta && meta.username !== me.username) await store.wipe(); // another person's data never shows
    const response = await fetch('/field/api/bundle', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(`Không tải được dữ liệu (${response.status}).`);
    await store.replaceData(await response.json());
    performance.measure('field-bundle', { start: started });
    document.documentElement.dataset.bundle = 'loaded';
  } catch (e) {
    say(e.message, 'bad');
  } finally {
    loading = false;
  }
}

async function queueSync() {
  const started = performance.now();
  try {
    const result = await sync.syncNow();
    performance.measure('field-sync', { start: started, detail: result });
    if (result && result.sent) {
      say(`Đã gửi ${result.sent} thay đổi.`);
      await loadBundle();
    }
  } catch (e) {
    say(e instanceof sync.SignedOut ? e.message : `Chưa gửi được: ${e.message}`, 'bad');
  }
  await refresh();
  document.documentElement.dataset.synced = String(Date.now());
}

async function changed() {
  drawn.form = false; // the clerk saved or chose: the view follows
  await refresh();
  if (navigator.onLine) queueSync();
}

async function softRefresh() {
  model = await load();
  document.getElementById('pending').textContent = `Chưa gửi: ${model.queue.length}`;
}

function day(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function time(iso) {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
}

async function start() {
  net();
  window.addEventListener('online', () => { net(); queueSync(); });
  window.addEventListener('offline', net);
  window.addEventListener('hashchange', () => {
    if (location.hash === skipHash) {
      skipHash = null; // moved there by a save, which refreshes the view itself
      return;
    }
    route();
  });
  document.getElementById('send').addEventListener('click', () => queueSync());
  document.getElementById('reload').addEventListener('click', async () => { await loadBundle(); await refresh(); });
  document.getElementById('signout').addEventListener('click', signOut);
  setInterval(() => { if (navigator.onLine && model && model.queue.some((q) => q.status === 'pending')) queueSync(); }, RETRY_MS);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  }
  await refresh();
  performance.mark('field-shown');
  document.documentElement.dataset.shown = 'true';
  if (navigator.onLine) {
    await queueSync();
    await loadBundle();
    await refresh();
  }
  document.documentElement.dataset.ready = 'true';
}

async function signOut() {
  if (!(await confirmSignOut())) return;
  try {
    const me = await sync.me();
    const form = h('form', { method: 'post', action: '/logout' }, h('input', { type: 'hidden', name: '_csrf', value: me.csrfToken }));
    form.dataset.cleared = 'true';
    document.body.append(form);
    form.submit();
  } catch (e) {
    location.href = '/login?logout';
  }
}

start();
