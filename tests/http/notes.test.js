'use strict';
// notes.test.js - members' private notes on agenda items [private noter]
// (issue 3: a member "reads everything of the body, closed items
// included, and may annotate privately"; src/web/pages/meeting_notes.c,
// core access_annotate).
//
// A note is visible only to the account that wrote it: not to another
// member, the chair, the secretary, the administrator or the public, on
// no surface (item page, meeting page, agenda HTML, API item, the body
// page's Historik - notes write no audit row). The public is sent to
// log in; an account that may see the meeting but not annotate gets
// 403, one that may not see it 404; over 20,000 characters is 422; an
// empty note deletes.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, demo, idOf, Client, formFields } = require('./helpers');

const TODAY = '2026-11-23';
const B_KEY = 'fsn-sonderjylland';
const CLOSED_TEXT = 'FORTROLIGT-RESUME-3390';
const NOTE = 'PRIVAT-NOTE-7731 husk at spørge til <b>budgettet</b> & "tidsplanen"';
const NOTE2 = 'ANDEN-MEDLEMS-NOTE-5562';

const ROLES = {
  public: null,
  member: { username: 'hans', person: 'p-hans-norgaard' },
  member2: { username: 'jan', person: 'p-jan-fog' },
  chair: { username: 'astrid', person: 'p-astrid-bisgaard' },
  secretary: { username: 'ole', person: 'p-ole-kristensen' },
  other: { username: 'jakob', person: 'p-jakob-klitgaard' },	// another body's secretary
  admin: { username: 'admin' },
};

let srv;
const c = {};
const ids = {};

before(async () => {
  const d = demo();
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: Object.values(ROLES).filter((r) => r && r.username !== 'admin'),
  });
  for (const [role, r] of Object.entries(ROLES))
    c[role] = r ? await srv.client(r.username) : new Client(srv.base);
  ids.body = idOf(d.bodies, B_KEY);
  const api = async (p, method, data) => {
    const r = await c.admin.request(method, p, {
      body: JSON.stringify(data), headers: { 'content-type': 'application/json' },
    });
    assert.ok(r.status < 300, `${method} ${p}: ${r.status} ${r.text}`);
    return r.text ? JSON.parse(r.text) : null;
  };
  const m1 = await api('/api/v1/meetings', 'POST', {
    body: B_KEY, date: '2026-11-30', start: '13:00', end: '15:00', place: 'Aabenraa',
  });
  ids.m1 = m1.id;
  ids.pub = (await api(`/api/v1/meetings/${m1.id}/items`, 'POST', {
    title: 'Godkendelse af akutplan', kind: 'approval', summary: 'Offentligt resumé',
  })).id;
  ids.clo = (await api(`/api/v1/meetings/${m1.id}/items`, 'POST', {
    title: 'Personalesag', kind: 'discussion', closed: true, summary: CLOSED_TEXT,
  })).id;
  for (const state of ['invited', 'agenda_approved', 'published'])
    await api(`/api/v1/meetings/${m1.id}/state`, 'POST', { state });
  const m2 = await api('/api/v1/meetings', 'POST', {
    body: B_KEY, date: '2026-12-10', start: '13:00', end: '15:00', title: 'Ikke udsendt',
  });
  ids.draft = (await api(`/api/v1/meetings/${m2.id}/items`, 'POST', {
    title: 'Udkast', kind: 'discussion',
  })).id;
  // The public client needs its csrf cookie to reach the handler.
  await c.public.get('/');
});

after(async () => {
  if (srv)
    await srv.stop();
});

const noteAction = (id) => `/items/${id}/note`;
const hasForm = (html, id) => html.includes(`action="${noteAction(id)}"`);
const noteOf = (html, id) => {
  const f = formFields(html, noteAction(id)).find(([n]) => n === 'text');
  return f ? f[1] : undefined;
};
const escaped = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Neither the raw nor the escaped text of a note appears in html.
function noLeak(role, where, text, note) {
  assert.ok(!text.includes(note) && !text.includes(escaped(note)) &&
    !text.includes('PRIVAT-NOTE-7731'), `${role}: the note leaks on ${where}`);
}

test('a member writes a private note on a closed item and sees it after a reload', async () => {
  const page = await c.member.get(`/items/${ids.clo}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(CLOSED_TEXT));
  assert.ok(page.text.includes('Mine private noter (kun synlige for dig)'));
  assert.ok(page.text.includes('Gem note'));
  assert.equal(noteOf(page.text, ids.clo), '');

  const r = await c.member.post(noteAction(ids.clo), { text: NOTE });
  assert.equal(r.status, 303, r.text);
  assert.equal(r.headers.get('location'), `/items/${ids.clo}#noter`);
  for (let i = 0; i < 2; i++) {
    const again = await c.member.get(`/items/${ids.clo}`);
    assert.equal(noteOf(again.text, ids.clo), NOTE);
    assert.ok(again.text.includes(escaped(NOTE).replace(/"/g, '&quot;')) ||
      again.text.includes(escaped(NOTE)));
  }
  const a = await c.member.get(`/api/v1/items/${ids.clo}/note`);
  assert.equal(a.status, 200, a.text);
  assert.deepEqual(JSON.parse(a.text), { item_id: ids.clo, text: NOTE });
});

test('nobody else sees the note: item page, meeting page, agenda, API, Historik', async () => {
  for (const role of ['member2', 'chair', 'secretary', 'admin', 'public', 'other']) {
    const cl = c[role];
    const item = await cl.get(`/items/${ids.clo}`);
    assert.equal(item.status, 200, `${role} item page`);
    noLeak(role, 'item page', item.text, NOTE);
    if (['member2', 'chair', 'secretary', 'admin'].includes(role)) {
      assert.ok(hasForm(item.text, ids.clo), `${role} may annotate`);
      assert.equal(noteOf(item.text, ids.clo), '', `${role}'s own note is empty`);
      const a = await cl.get(`/api/v1/items/${ids.clo}/note`);
      assert.equal(a.status, 200, `${role} API note`);
      assert.equal(JSON.parse(a.text).text, '', `${role} API note is their own`);
    } else {
      assert.ok(!hasForm(item.text, ids.clo), `${role} has no note form`);
    }
    for (const p of [`/meetings/${ids.m1}`, `/meetings/${ids.m1}/agenda`,
      `/api/v1/items/${ids.clo}`, `/api/v1/meetings/${ids.m1}`,
      `/bodies/${ids.body}`, `/oparl/v1/organization/${ids.body}/meeting`]) {
      const r = await cl.get(p);
      noLeak(role, p, r.text, NOTE);
    }
  }
  // Not even the author finds it anywhere but the item page and the note API.
  for (const p of [`/meetings/${ids.m1}`, `/meetings/${ids.m1}/agenda`,
    `/api/v1/items/${ids.clo}`, `/bodies/${ids.body}`])
    noLeak('member', p, (await c.member.get(p)).text, NOTE);
});

test('each account has its own note; the API writes only the caller\'s', async () => {
  const put = await c.member2.request('PUT', `/api/v1/items/${ids.clo}/note`, {
    body: JSON.stringify({ text: NOTE2 }), headers: { 'content-type': 'application/json' },
  });
  assert.equal(put.status, 200, put.text);
  assert.equal(JSON.parse(put.text).text, NOTE2);
  assert.equal(noteOf((await c.member2.get(`/items/${ids.clo}`)).text, ids.clo), NOTE2);
  assert.equal(noteOf((await c.member.get(`/items/${ids.clo}`)).text, ids.clo), NOTE);
  for (const role of ['member', 'chair', 'admin', 'public'])
    assert.ok(!(await c[role].get(`/items/${ids.clo}`)).text.includes(NOTE2), role);
  // Unknown fields and wrong types are refused.
  for (const body of [{ text: 1 }, { text: 'x', account_id: 1 }]) {
    const r = await c.member2.request('PUT', `/api/v1/items/${ids.clo}/note`, {
      body: JSON.stringify(body), headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 400, r.text);
  }
});

test('the public is sent to log in; others without the right get 403 or 404', async () => {
  const r = await c.public.post(noteAction(ids.clo), { text: 'offentlig' });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /^\/login\?next=/);
  const ra = await c.public.request('PUT', `/api/v1/items/${ids.clo}/note`, {
    body: JSON.stringify({ text: 'x' }), headers: { 'content-type': 'application/json' },
  });
  assert.ok([401, 403].includes(ra.status), `public PUT: ${ra.status}`);
  assert.equal((await c.public.get(`/api/v1/items/${ids.clo}/note`)).status, 401);

  // Another body's secretary sees the published meeting, not the item in full.
  const o = await c.other.post(noteAction(ids.clo), { text: 'fremmed' });
  assert.equal(o.status, 403);
  assert.equal((await c.other.get(`/api/v1/items/${ids.clo}/note`)).status, 403);
  // ... and an unpublished meeting does not exist for them (or the public).
  assert.equal((await c.other.post(noteAction(ids.draft), { text: 'x' })).status, 404);
  assert.equal((await c.other.get(`/api/v1/items/${ids.draft}/note`)).status, 404);
  assert.equal((await c.public.post(noteAction(ids.draft), { text: 'x' })).status, 404);
  assert.equal((await c.member.post(noteAction(999999), { text: 'x' })).status, 404);
  // The member may annotate the unpublished meeting's item.
  assert.equal((await c.member.post(noteAction(ids.draft), { text: 'udkast-note' })).status, 303);
});

test('over 20,000 characters is 422 in Danish; exactly 20,000 is kept', async () => {
  const long = 'æ'.repeat(20001);
  const r = await c.member.post(noteAction(ids.pub), { text: long });
  assert.equal(r.status, 422);
  assert.match(r.text, /højst være på 20\.000 tegn/);
  assert.equal(noteOf(r.text, ids.pub), long, 'the text typed is shown again');
  assert.equal(noteOf((await c.member.get(`/items/${ids.pub}`)).text, ids.pub), '');
  const api = await c.member.request('PUT', `/api/v1/items/${ids.pub}/note`, {
    body: JSON.stringify({ text: long }), headers: { 'content-type': 'application/json' },
  });
  assert.equal(api.status, 422, api.text);
  const ok = await c.member.post(noteAction(ids.pub), { text: 'æ'.repeat(20000) });
  assert.equal(ok.status, 303);
  assert.equal(noteOf((await c.member.get(`/items/${ids.pub}`)).text, ids.pub), 'æ'.repeat(20000));
});

test('saving an empty note deletes it', async () => {
  for (const id of [ids.pub, ids.clo]) {
    const r = await c.member.post(noteAction(id), { text: '' });
    assert.equal(r.status, 303);
    assert.equal(noteOf((await c.member.get(`/items/${id}`)).text, id), '');
    assert.equal(JSON.parse((await c.member.get(`/api/v1/items/${id}/note`)).text).text, '');
  }
  // member2's note is untouched by the member's delete.
  assert.equal(noteOf((await c.member2.get(`/items/${ids.clo}`)).text, ids.clo), NOTE2);
  const del = await c.member2.request('PUT', `/api/v1/items/${ids.clo}/note`, {
    body: JSON.stringify({ text: '  \n' }), headers: { 'content-type': 'application/json' },
  });
  assert.equal(del.status, 200);
  assert.equal(JSON.parse(del.text).text, '');
});
