// What the clerk sees: the server's data of the last bundle with the queued changes laid over it, in queue order.
import * as store from './store.js';

export const FAMILY_FIELDS = ['headName', 'address', 'members', 'adults', 'schoolAgeChildren', 'phone', 'villageCode'];

export async function load() {
  const [meta, villages, households, rounds, registrations, criteria, queue, ids] = await Promise.all([
    store.get('meta', 'bundle'), store.all('villages'), store.all('households'), store.all('rounds'),
    store.all('registrations'), store.all('criteria'), store.queue(), store.all('ids'),
  ]);
  const idMap = new Map(ids.map((i) => [i.local, i.server]));
  const resolve = (ref) => (typeof ref === 'string' && idMap.has(ref) ? idMap.get(ref) : ref);
  const families = new Map(households.map((h) => [h.id, { ...h, pending: 0 }]));
  const regs = new Map(registrations.map((r) => [r.id, { ...r, pending: 0, photos: [] }]));
  for (const item of queue) {
    const ref = resolve(item.ref);
    if (item.kind === 'family-create') {
      if (!families.has(ref)) families.set(ref, { id: ref, version: null, ...item.payload, pending: 0 });
      families.get(ref).pending++;
    } else if (item.kind === 'family-update') {
      const f = families.get(ref);
      if (f) Object.assign(f, pick(item.payload), { pending: f.pending + 1 });
    } else if (item.kind === 'register') {
      const family = resolve(item.payload.familyRef);
      if (!regs.has(ref)) {
        const name = families.get(family)?.headName || '';
        regs.set(ref, {
          id: ref, roundId: item.payload.roundId, subjectId: family, subjectName: name, stage: 'REGISTERED',
          version: null, scores: null, comment: null, evidenceItems: [], pending: 0, photos: [],
        });
      }
      regs.get(ref).pending++;
    } else if (item.kind === 'self') {
      const r = regs.get(ref);
      if (r) Object.assign(r, { scores: item.payload.scores, comment: item.payload.comment, stage: 'SELF_ASSESSED', pending: r.pending + 1 });
    } else if (item.kind === 'photo') {
      const r = regs.get(ref);
      if (r) { r.photos.push(item); r.pending++; }
    }
  }
  for (const r of regs.values()) {
    r.subjectId = resolve(r.subjectId);
    if (!r.subjectName) r.subjectName = families.get(r.subjectId)?.headName || '';
  }
  return {
    meta, villages, rounds, criteria: new Map(criteria.map((c) => [c.id, c])), queue, resolve,
    families, registrations: regs,
  };
}

function pick(payload) {
  const out = {};
  FAMILY_FIELDS.forEach((f) => { if (f in payload) out[f] = payload[f]; });
  return out;
}

/** Lower case without diacritics, đ as d: "Buôn Đôn" is found by "buon don". */
export function fold(text) {
  return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

export const STAGES = {
  REGISTERED: 'Đã đăng ký', SELF_ASSESSED: 'Đã tự đánh giá', REVIEWED: 'Đã bình xét', RETURNED: 'Trả lại bổ sung',
  APPRAISED: 'Đã thẩm định', REJECTED: 'Không đạt', RECOGNISED: 'Đã công nhận', REVOKED: 'Đã thu hồi',
};

export const KINDS = {
  'family-create': 'Thêm hộ', 'family-update': 'Sửa hộ', register: 'Đăng ký', self: 'Tự đánh giá', photo: 'Ảnh minh chứng',
};
