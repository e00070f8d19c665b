'use strict';
// oparl_meetings.test.js - Meeting, AgendaItem, File and Location in
// /oparl/v1 (issue 4), validated against the official OParl 1.1 schemas
// like oparl.test.js: published meetings only (the public's view), a
// closed item by number and name with "public": false and nothing of its
// text, the lists paginated and filtered by date.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { start, send, repoRoot, demo, idOf } = require('./helpers');

const PUBLIC = 'https://oparl.klynge.example';
const SCHEMA = 'https://schema.oparl.org/1.1/';
const TODAY = '2026-11-23';
const SECRET = 'FORTROLIG-OPARL-8812';
const SECRET_TITLE = 'Lukket punkt om en personalesag';
const B = idOf(demo().bodies, 'fsn-sonderjylland');

function schemaDir() {
  const candidates = [
    process.env.OPARL_SCHEMA_DIR,
    path.resolve(repoRoot, '..', 'shared', 'oparl-1.1', 'schema'),
    path.resolve(repoRoot, 'shared', 'oparl-1.1', 'schema'),
  ].filter(Boolean);
  const dir = candidates.find((d) => fs.existsSync(path.join(d, 'Body.json')));
  if (!dir)
    throw new Error(`OParl 1.1 schemas not found in ${candidates.join(', ')}`);
  return dir;
}

function loadSchemas() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const dir = schemaDir();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')))
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
  return ajv;
}

let srv;
let ajv;
let sid;
const seen = [];
const m = {};		// published, planned, cancelled
const it = {};

const api = (p, method, data) => send(srv.base + p, method, data, { Cookie: sid });

async function create(date, title, place) {
  const r = await api('/api/v1/meetings', 'POST', {
    body: 'fsn-sonderjylland', date, start: '13:00', end: '15:00', title, place,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function addItem(meeting, data) {
  const r = await api(`/api/v1/meetings/${meeting.id}/items`, 'POST', data);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

async function publish(meeting) {
  for (const state of ['agenda_approved', 'published']) {
    const r = await api(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
}

before(async () => {
  ajv = loadSchemas();
  srv = await start({ env: { KLYNGE_BASE_URL: PUBLIC, KLYNGE_TODAY: TODAY } });
  sid = await srv.login('admin');
  m.published = await create('2026-12-10', 'Møde i december', 'Sønderborg Sygehus, Sydvang 1, 6400 Sønderborg');
  it.open = await addItem(m.published, { title: 'Godkendelse af dagsorden', kind: 'approval', presentation: 'Offentlig tekst' });
  it.closed = await addItem(m.published, { title: SECRET_TITLE, kind: 'discussion', closed: true, presentation: SECRET, summary: SECRET });
  await publish(m.published);
  m.planned = await create('2027-01-14', 'Planlagt møde', '');
  it.planned = await addItem(m.planned, { title: 'Ikke offentligt endnu', kind: 'information' });
  m.cancelled = await create('2027-02-11', 'Aflyst møde', 'Aabenraa');
  await addItem(m.cancelled, { title: 'Punkt', kind: 'information' });
  await publish(m.cancelled);
  const r = await api(`/api/v1/meetings/${m.cancelled.id}/state`, 'POST', { state: 'cancelled' });
  assert.equal(r.status, 200);
});

after(async () => {
  if (srv)
    await srv.stop();
});

function local(url) {
  assert.ok(url.startsWith(PUBLIC + '/oparl/v1'), `URL on the public base: ${url}`);
  return srv.base + url.slice(PUBLIC.length);
}

async function fetchOparl(url, status = 200) {
  const res = await fetch(local(url), { redirect: 'manual' });
  const text = await res.text();
  seen.push(text);
  assert.equal(res.status, status, `${url}: ${text.slice(0, 300)}`);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  return { res, body: JSON.parse(text) };
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

function validate(type, obj) {
  const v = ajv.getSchema(`${type}.json`);
  assert.ok(v(obj), `${type} ${obj && obj.id}: ${JSON.stringify(v.errors, null, 1)}`);
  assert.equal(obj.type, SCHEMA + type);
  for (const k of ['created', 'modified'])
    assert.match(obj[k] || '', DATE_TIME, `${type} ${obj.id}: ${k}`);
  assert.ok(Date.parse(obj.created) <= Date.parse(obj.modified));
}

// A Meeting and everything embedded in it.
function validateMeeting(o) {
  validate('Meeting', o);
  for (const a of o.agendaItem || []) {
    validate('AgendaItem', a);
    for (const f of a.auxiliaryFile || [])
      validate('File', f);
  }
  if (o.location)
    validate('Location', o.location);
  for (const k of ['invitation', 'resultsProtocol', 'verbatimProtocol'])
    if (o[k])
      validate('File', o[k]);
}

function validatePage(page) {
  assert.ok(Array.isArray(page.data));
  for (const k of ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'])
    assert.ok(Number.isInteger(page.pagination[k]));
  assert.equal(typeof page.links.first, 'string');
}

async function walk(url) {
  const items = [];
  let next = url;
  while (next) {
    const { body } = await fetchOparl(next);
    validatePage(body);
    for (const o of body.data)
      validateMeeting(o);
    items.push(...body.data);
    next = body.links.next;
  }
  return items;
}

const meetingUrl = (id) => `${PUBLIC}/oparl/v1/meeting/${id}`;

test('Body.meeting lists the published meetings of the region, valid Meetings', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const bodies = (await fetchOparl(sys.body)).body.data;
  const all = [];
  for (const b of bodies)
    all.push(...await walk(b.meeting));
  const ids = all.map((x) => x.id);
  assert.ok(ids.includes(meetingUrl(m.published.id)));
  assert.ok(ids.includes(meetingUrl(m.cancelled.id)));
  assert.ok(!ids.includes(meetingUrl(m.planned.id)), 'never published: not in OParl');
  const pubm = all.find((x) => x.id === meetingUrl(m.published.id));
  assert.equal(pubm.name, 'Møde i december');
  assert.equal(pubm.cancelled, false);
  assert.equal(pubm.start, '2026-12-10T13:00:00+01:00');
  assert.equal(pubm.end, '2026-12-10T15:00:00+01:00');
  assert.deepEqual(pubm.organization, [`${PUBLIC}/oparl/v1/organization/${B}`]);
  assert.equal(pubm.location.description, 'Sønderborg Sygehus, Sydvang 1, 6400 Sønderborg');
  assert.equal(pubm.agendaItem.length, 2);
  assert.equal(all.find((x) => x.id === meetingUrl(m.cancelled.id)).cancelled, true);
});

test('Meeting, AgendaItem and Location by their own URLs', async () => {
  const { body } = await fetchOparl(meetingUrl(m.published.id));
  validateMeeting(body);
  for (const a of body.agendaItem) {
    const one = (await fetchOparl(a.id)).body;
    validate('AgendaItem', one);
    assert.deepEqual(one, a);
    assert.equal(one.meeting, body.id);
  }
  const loc = (await fetchOparl(body.location.id)).body;
  validate('Location', loc);
  assert.deepEqual(loc.meetings, [body.id]);
  await fetchOparl(meetingUrl(m.planned.id), 404);
  await fetchOparl(`${PUBLIC}/oparl/v1/agendaitem/${it.planned.id}`, 404);
  await fetchOparl(`${PUBLIC}/oparl/v1/location/${m.planned.id}`, 404);
  await fetchOparl(`${PUBLIC}/oparl/v1/meeting/999999`, 404);
  await fetchOparl(`${PUBLIC}/oparl/v1/file/${'0'.repeat(32)}`, 404);
  await fetchOparl(`${PUBLIC}/oparl/v1/file/not-a-token`, 404);
});

test('a closed item: number, name and public=false, nothing else', async () => {
  const { body } = await fetchOparl(`${PUBLIC}/oparl/v1/agendaitem/${it.closed.id}`);
  validate('AgendaItem', body);
  assert.equal(body.public, false);
  assert.equal(body.name, SECRET_TITLE);
  assert.deepEqual(Object.keys(body).sort(),
    ['created', 'id', 'meeting', 'modified', 'name', 'number', 'order', 'public', 'type', 'web']);
  const open = (await fetchOparl(`${PUBLIC}/oparl/v1/agendaitem/${it.open.id}`)).body;
  assert.equal(open.public, true);
  for (const t of seen)
    assert.ok(!t.includes(SECRET), 'no closed text anywhere in OParl');
});

test('Organization.meeting and the date filters', async () => {
  const org = (await fetchOparl(`${PUBLIC}/oparl/v1/organization/${B}`)).body;
  validate('Organization', org);
  assert.equal(org.meeting, `${PUBLIC}/oparl/v1/organization/${B}/meeting`);
  const list = await walk(org.meeting);
  assert.deepEqual(list.map((x) => x.id).sort(), [meetingUrl(m.published.id), meetingUrl(m.cancelled.id)].sort());
  const none = await walk(`${org.meeting}?modified_since=2099-01-01T00:00:00%2B01:00`);
  assert.deepEqual(none, []);
  const paged = (await fetchOparl(`${org.meeting}?limit=1`)).body;
  assert.equal(paged.data.length, 1);
  assert.equal(paged.pagination.totalPages, 2);
  assert.ok(paged.links.next);
  await fetchOparl(`${org.meeting}?created_since=yesterday`, 400);
  await fetchOparl(`${PUBLIC}/oparl/v1/organization/999999/meeting`, 404);
});
