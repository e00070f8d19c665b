'use strict';
// /api/v1: CRUD round trips for every resource, the error shapes (400,
// 404, 409, 415, 422 with Danish messages) and the rule check of the
// demo's deliberately broken body. Objects of the demo are found by key
// or name, never by id: data/demo.json changes.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, json, send } = require('./helpers');

let srv;
let api;

// "Today" for the server: the check's default date. The demo's
// Sønderjylland strategic level lacks Tønder from 2026-06-01 on.
const TODAY = '2026-11-23';

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: TODAY } });
  api = (p) => `${srv.base}/api/v1${p}`;
  // Writes need a login (issue 3): these tests act as the administrator.
  sid = await srv.login('admin');
});

after(async () => {
  if (srv)
    await srv.stop();
});

let sid;
const get = (p) => json(api(p), { headers: { Cookie: sid } });
const post = (p, data) => send(api(p), 'POST', data, { Cookie: sid });
const put = (p, data) => send(api(p), 'PUT', data, { Cookie: sid });
// server.c takes every /api write, DELETE too, only as application/json.
const del = (p) => json(api(p), { method: 'DELETE', headers: { 'Content-Type': 'application/json', Cookie: sid } });

// An error answer: status, {"error": {"code", "message"}} with a message
// a Danish user can read.
function assertError(r, status, code) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.ok(r.body && r.body.error, `no error object: ${JSON.stringify(r.body)}`);
  assert.equal(typeof r.body.error.message, 'string');
  assert.ok(r.body.error.message.length > 3, 'error message is empty');
  if (code)
    assert.equal(r.body.error.code, code);
}

async function list(resource) {
  const r = await get(`/${resource}`);
  assert.equal(r.status, 200);
  assert.ok(Array.isArray(r.body));
  return r.body;
}

async function orgByKind(kind) {
  const orgs = await list('organisations');
  const o = orgs.find((x) => x.kind === kind);
  assert.ok(o, `the demo has an organisation of kind ${kind}`);
  return o;
}

// POST, then GET the Location: both give the object; returns it.
async function create(resource, data) {
  const r = await post(`/${resource}`, data);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.headers.get('content-type').split(';')[0], 'application/json');
  const loc = r.headers.get('location');
  assert.equal(loc, `/api/v1/${resource}/${r.body.id}`);
  assert.equal(typeof r.body.id, 'number');
  assert.equal(Object.keys(r.body)[0], 'id', '"id" comes first');
  const g = await json(srv.base + loc, { headers: { Cookie: sid } });
  assert.equal(g.status, 200);
  assert.deepEqual(g.body, r.body);
  return r.body;
}

// PUT changes, then GET: the changes are there, other fields kept
// ("modified" and "revision" aside: the change sets them).
async function update(resource, obj, changes) {
  const r = await put(`/${resource}/${obj.id}`, changes);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const g = await get(`/${resource}/${obj.id}`);
  assert.deepEqual(g.body, r.body);
  for (const [k, v] of Object.entries(changes))
    assert.deepEqual(g.body[k], v, `field ${k} after PUT`);
  for (const [k, v] of Object.entries(obj))
    if (!(k in changes) && k !== 'modified' && k !== 'revision' && !k.endsWith('_id') && typeof v !== 'object')
      assert.deepEqual(g.body[k], v, `field ${k} kept`);
  return g.body;
}

async function remove(resource, obj) {
  const r = await del(`/${resource}/${obj.id}`);
  assert.equal(r.status, 204, JSON.stringify(r.body));
  assert.equal(r.body, null);
  assertError(await get(`/${resource}/${obj.id}`), 404, 'not_found');
}

// ---- reads -------------------------------------------------------------

test('lists every resource with ids and keys', async () => {
  for (const res of ['organisations', 'areas', 'bodies', 'charters', 'people',
    'memberships', 'rotations']) {
    const items = await list(res);
    assert.ok(items.length > 0, `${res}: the demo has some`);
    for (const o of items) {
      assert.equal(typeof o.id, 'number');
      if (res !== 'rotations')
        assert.match(o.key, /^[a-z0-9_-]{1,64}$/);
    }
    const one = await get(`/${res}/${items[0].id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body, items[0]);
  }
});

test('references are given as id and key', async () => {
  const bodies = await list('bodies');
  const orgs = await list('organisations');
  const b = bodies.find((x) => x.region_id);
  assert.ok(b);
  const region = orgs.find((o) => o.id === b.region_id);
  assert.equal(b.region, region.key);
  const top = bodies.find((x) => !x.parent_id);
  assert.equal(top.parent, null);
  const m = (await list('memberships'))[0];
  const p = (await get(`/people/${m.person_id}`)).body;
  assert.equal(m.person, p.key);
  assert.match(m.start, /^\d{4}-\d{2}-\d{2}$/);
});

test('GET /bodies filters by area_id and kind', async () => {
  const all = await list('bodies');
  const withArea = all.find((b) => b.area_id);
  const r = await get(`/bodies?area_id=${withArea.area_id}`);
  assert.equal(r.status, 200);
  assert.ok(r.body.length > 0);
  assert.ok(r.body.every((b) => b.area_id === withArea.area_id));
  assert.deepEqual(r.body.map((b) => b.id),
    all.filter((b) => b.area_id === withArea.area_id).map((b) => b.id));
  const k = await get(`/bodies?kind=${withArea.kind}&area_id=${withArea.area_id}`);
  assert.ok(k.body.length > 0 && k.body.every((b) => b.kind === withArea.kind));
  assertError(await get('/bodies?kind=nonsense'), 400, 'bad_parameter');
  assertError(await get('/bodies?area_id=abc'), 400, 'bad_parameter');
});

test('404 for ids that do not exist', async () => {
  for (const res of ['organisations', 'areas', 'bodies', 'charters', 'people',
    'memberships', 'rotations']) {
    assertError(await get(`/${res}/999999`), 404, 'not_found');
    assertError(await put(`/${res}/999999`, { note: 'x' }), 404, 'not_found');
    assertError(await del(`/${res}/999999`), 404, 'not_found');
  }
  assertError(await get('/organisations/abc'), 404);
  assertError(await get('/bodies/999999/check'), 404, 'not_found');
  assertError(await get('/people/999999/memberships'), 404, 'not_found');
});

// ---- writes: errors ----------------------------------------------------

test('415 without a JSON content type', async () => {
  const r = await json(api('/organisations'), {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: JSON.stringify({ name: 'X', kind: 'other' }),
  });
  assertError(r, 415);
  const f = await json(api('/organisations'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'name=X&kind=other',
  });
  assert.equal(f.status, 415);
  // A DELETE with a body is typed like any other write ...
  const made = await post('/organisations', { name: 'Slettes uden type', kind: 'other' });
  assert.equal(made.status, 201);
  const url = api(`/organisations/${made.body.id}`);
  const typed = await json(url, { method: 'DELETE', headers: { 'Content-Type': 'text/plain', Cookie: sid }, body: 'x' });
  assertError(typed, 415);
  // ... but a plain DELETE without a body needs no content type.
  const plain = await fetch(url, { method: 'DELETE', headers: { Cookie: sid } });
  assert.equal(plain.status, 204);
  assert.equal((await fetch(url)).status, 404);
});

test('400 for malformed JSON, unknown fields and wrong types', async () => {
  assertError(await post('/organisations', '{"name": '), 400, 'bad_json');
  assertError(await post('/organisations', '[1, 2]'), 400, 'bad_json');
  const u = await post('/organisations', { name: 'Ny', kind: 'other', colour: 'rød' });
  assertError(u, 400, 'unknown_field');
  assert.equal(u.body.error.message, 'ukendt felt «colour»');
  const t = await post('/organisations', { name: 5, kind: 'other' });
  assertError(t, 400, 'bad_type');
  assert.match(t.body.error.message, /«name»/);
  assertError(await post('/bodies', { name: 'X', kind: 'other', formal: 'ja' }), 400, 'bad_type');
  assertError(await post('/charters', { title: 'X', seats: [{ key: 'a', label: 'A', bogus: 1 }] }),
    400, 'unknown_field');
  assertError(await post('/organisations', { id: 7, name: 'X', kind: 'other' }), 400, 'bad_id');
});

test('422 with Danish messages per field', async () => {
  const r = await post('/organisations', { name: '', kind: 'other' });
  assertError(r, 422, 'validation');
  assert.equal(r.body.error.fields.name, 'Navn skal udfyldes');
  assert.match(r.body.error.message, /Navn skal udfyldes/);

  const k = await post('/organisations', { name: 'Noget', kind: 'hospitalet' });
  assertError(k, 422, 'validation');
  assert.match(k.body.error.fields.kind, /hospitalet/);

  const people = await list('people');
  const bodies = await list('bodies');
  const m = await post('/memberships', {
    person_id: people[0].id, body_id: bodies[0].id, role: 'member', start: '2024-02-30',
  });
  assertError(m, 422, 'validation');
  assert.match(m.body.error.fields.start, /2024-02-30/);

  const ref = await post('/bodies', { name: 'Nyt forum', kind: 'other', parent: 'findes-ikke' });
  assertError(ref, 422, 'validation');
  assert.match(ref.body.error.fields.parent, /findes ikke/);
  const refId = await post('/bodies', { name: 'Nyt forum', kind: 'other', parent_id: 999999 });
  assertError(refId, 422, 'validation');
  assert.match(refId.body.error.fields.parent, /findes ikke/);

  const end = await post('/memberships', {
    person_id: people[0].id, body_id: bodies[0].id, role: 'member',
    start: '2024-02-01', end: '2024-01-01',
  });
  assertError(end, 422, 'validation');
  assert.ok(end.body.error.fields.end);
});

test('422 for a charter names the row of its seats, approvals and overlaps', async () => {
  const ssu = (await list('charters')).find((c) => c.key === 'k-ssu-syddanmark-v1');
  assert.ok(ssu && ssu.seats.length >= 2, 'the demo has the SSU charter with seats');
  const n = ssu.seats.length;
  const r = await put(`/charters/${ssu.id}`, {
    seats: [...ssu.seats, { key: 'ny', label: 'Ny plads', min: 3, max: 1 }],
    approvals: [{ status: 'approved', date: '2024-01-01' }],
    overlaps: [{ body: ssu.body, min_persons: 1 }],
  });
  assertError(r, 422, 'validation');
  const f = r.body.error.fields;
  assert.match(f[`seats[${n}].min`], /kan ikke være mere end højst 1/);
  assert.match(f['approvals[0].by_body'], /Angiv hvem der godkendte: et forum eller en tekst/);
  assert.match(f['overlaps[0].body'], /et andet forum/);
  assert.equal(f.seats, undefined, 'no bare "seats" for a row');

  // A seat key memberships name cannot disappear: the list as a whole.
  const drop = await put(`/charters/${ssu.id}`, { seats: ssu.seats.slice(1) });
  assertError(drop, 422, 'validation');
  assert.match(drop.body.error.fields.seats,
    new RegExp(`Pladsen «${ssu.seats[0].key}» bruges af \\d+ medlemskab(er)?; flyt (det|dem) først`));

  // recommends_to goes with competence "recommend", and it needs one.
  const rec = await put(`/charters/${ssu.id}`, { competence: 'recommend' });
  assertError(rec, 422, 'validation');
  assert.match(rec.body.error.fields.recommends_to, /Vælg det forum, der indstilles til/);
  const other = (await list('bodies')).find((b) => b.key !== ssu.body);
  const to = await put(`/charters/${ssu.id}`, { competence: 'decide', recommends_to: other.key });
  assertError(to, 422, 'validation');
  assert.match(to.body.error.fields.recommends_to, /Kun et forum med kompetencen «Kan alene indstille»/);

  // Nothing was saved.
  assert.deepEqual((await get(`/charters/${ssu.id}`)).body, ssu);
});

test('409 when deleting an organisation that others refer to', async () => {
  const bodies = await list('bodies');
  const b = bodies.find((x) => x.region_id);
  const r = await del(`/organisations/${b.region_id}`);
  assertError(r, 409);
  assert.match(r.body.error.message, /slettes/);
  assert.equal((await get(`/organisations/${b.region_id}`)).status, 200);
});

test('409 for a duplicate key', async () => {
  const orgs = await list('organisations');
  const r = await post('/organisations', { key: orgs[0].key, name: 'Dublet', kind: 'other' });
  assert.ok(r.status === 409 || r.status === 422, `status ${r.status}`);
  assertError(r, r.status);
});

// ---- writes: round trips -------------------------------------------------

test('CRUD round trip through every resource', async () => {
  const region = await orgByKind('region');
  const hospital = await orgByKind('hospital');

  // organisations
  const org = await create('organisations', {
    name: 'Testrup Kommune', kind: 'municipality', sector: 'municipality',
    parent_id: null, note: 'Oprettet af testen',
  });
  assert.equal(org.key, 'testrup-kommune');
  assert.equal(org.kind, 'municipality');
  assert.equal(org.short_name, '');
  assert.equal(org.parent, null);
  const org2 = await update('organisations', org, { short_name: 'TK' });
  assert.equal(org2.name, 'Testrup Kommune');
  assert.ok((await list('organisations')).some((o) => o.id === org.id));
  // PUT of what GET gave back is accepted as it is.
  const same = await put(`/organisations/${org.id}`, org2);
  assert.equal(same.status, 200);
  assert.deepEqual(same.body, org2);
  assertError(await put(`/organisations/${org.id}`, { ...org2, id: org.id + 1 }), 400, 'bad_id');

  // areas, with municipalities by key
  const area = await create('areas', {
    name: 'Testklyngen', region: region.key, hospital_id: hospital.id,
    municipalities: [org.key],
  });
  assert.equal(area.region_id, region.id);
  assert.deepEqual(area.municipality_ids, [org.id]);
  assert.deepEqual(area.municipalities, [org.key]);
  await update('areas', area, { note: 'Demodata' });
  const a2 = await put(`/areas/${area.id}`, { municipality_ids: [] });
  assert.deepEqual(a2.body.municipalities, []);

  // bodies
  const body = await create('bodies', {
    name: 'Temagruppe for test', short_name: 'TG Test', kind: 'theme_group',
    area_id: area.id, region_id: region.id, formal: false,
    description: 'Bruges kun af testen',
  });
  assert.equal(body.formal, false);
  assert.equal(body.area, area.key);
  await update('bodies', body, { formal: true, description: 'Ændret' });
  const other = (await list('bodies')).find((b) => b.id !== body.id);

  // charters, nested lists
  const charter = await create('charters', {
    body_id: body.id, version: 1, title: 'Kommissorium for testgruppen',
    status: 'draft', chair_rule: 'single', decision_rule: 'consensus',
    competence: 'recommend', recommends_to_id: other.id,
    min_meetings_per_year: 4,
    seats: [
      { key: 'region', label: 'Repræsentanter for regionen', sector: 'region', min: 1, max: 2 },
      { key: 'kommune', label: 'En fra hver kommune', sector: 'municipality',
        per_municipality: true, min: 1, max: 1 },
    ],
    approvals: [{ status: 'pre_approved', by_text: 'Formandskabet', date: '2024-01-10' }],
    overlaps: [{ body: other.key, min_persons: 1 }],
  });
  assert.equal(charter.key, `${body.key}-v1`);
  assert.equal(charter.seats.length, 2);
  assert.equal(charter.seats[1].per_municipality, true);
  assert.equal(charter.seats[0].sector, 'region');
  assert.equal(charter.approvals[0].date, '2024-01-10');
  assert.equal(charter.approvals[0].by_body, null);
  assert.equal(charter.overlaps[0].body_id, other.id);
  assert.equal(charter.recommends_to, other.key);
  const c2 = await put(`/charters/${charter.id}`, {
    status: 'approved',
    approvals: [...charter.approvals,
      { status: 'approved', by_body_id: other.id, date: '2024-02-01', note: 'Godkendt' }],
  });
  assert.equal(c2.status, 200, JSON.stringify(c2.body));
  assert.equal(c2.body.approvals.length, 2);
  assert.equal(c2.body.approvals[1].by_body, other.key);
  assert.equal(c2.body.seats.length, 2, 'seats not given are kept');
  assert.deepEqual((await get(`/charters?body_id=${body.id}`)).body.map((c) => c.id), [charter.id]);
  const badSeat = await put(`/charters/${charter.id}`, { seats: [{ key: 'x', label: 'X', sector: 'kommunen' }] });
  assertError(badSeat, 422, 'validation');
  assert.ok(badSeat.body.error.fields['seats[0].sector']);

  // people
  const person = await create('people', {
    name: 'Testa Testesen', title: 'Konsulent', email: 'testa@example.org',
    organisation_id: org.id, note: 'Fiktiv person',
  });
  assert.equal(person.organisation, org.key);
  await update('people', person, { title: 'Chefkonsulent' });
  const badMail = await put(`/people/${person.id}`, { email: 'ikke en adresse' });
  assertError(badMail, 422, 'validation');
  assert.ok(badMail.body.error.fields.email);

  // memberships
  const ms = await create('memberships', {
    person_id: person.id, body: body.key, role: 'member', function: 'consultant',
    seat: 'kommune', represents_id: org.id, local: true, start: '2024-03-01',
  });
  assert.equal(ms.end, null);
  assert.equal(ms.body_id, body.id);
  assert.equal(ms.person, person.key);
  await update('memberships', ms, { end: '2025-12-31', role: 'chair' });
  const pm = await get(`/people/${person.id}/memberships`);
  assert.deepEqual(pm.body.map((m) => m.id), [ms.id]);
  const mem = await get(`/bodies/${body.id}/members?date=2024-06-01`);
  assert.equal(mem.status, 200);
  assert.equal(mem.body.date, '2024-06-01');
  assert.deepEqual(mem.body.members.map((m) => m.id), [ms.id]);
  assert.equal(mem.body.members[0].person_name, 'Testa Testesen');
  const before = await get(`/bodies/${body.id}/members?date=2024-02-01`);
  assert.deepEqual(before.body.members, []);
  assertError(await get(`/bodies/${body.id}/members?date=2024-13-01`), 400, 'bad_date');
  const filtered = await get(`/memberships?body_id=${body.id}&date=2026-01-01`);
  assert.deepEqual(filtered.body, []);

  // rotations (no key)
  const rot = await create('rotations', {
    body_id: body.id, start_year: 2024, end_year: 2025, organisation: org.key,
    note: 'Første periode',
  });
  assert.equal(rot.organisation_id, org.id);
  assert.equal(rot.key, undefined);
  await update('rotations', rot, { end_year: 2026 });
  assertError(await put(`/rotations/${rot.id}`, { end_year: 2020 }), 422, 'validation');

  // deleting: referenced objects first give 409, then all go in order
  assertError(await del(`/organisations/${org.id}`), 409);
  assertError(await del(`/bodies/${body.id}`), 409);
  await remove('rotations', rot);
  await remove('memberships', ms);
  await remove('charters', charter);
  await remove('people', person);
  await remove('bodies', body);
  await remove('areas', area);
  await remove('organisations', org);
});

const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

test('created and modified: on every object, set by the store, read-only', async () => {
  for (const res of ['organisations', 'areas', 'bodies', 'charters', 'people',
    'memberships', 'rotations']) {
    for (const o of await list(res)) {
      assert.match(o.created, STAMP, `${res} ${o.id} created`);
      assert.match(o.modified, STAMP, `${res} ${o.id} modified`);
      assert.ok(o.created <= o.modified, `${res} ${o.id}: created <= modified`);
      const keys = Object.keys(o);
      assert.deepEqual(keys.slice(-2), ['created', 'modified'], 'last');
    }
  }
  // A client's values are ignored, not refused.
  const org = await create('organisations', {
    name: 'Tidsstempel Kommune', kind: 'municipality',
    created: '1999-01-01T00:00:00Z', modified: 'i morgen',
  });
  assert.match(org.created, STAMP);
  assert.notEqual(org.created, '1999-01-01T00:00:00Z');
  assert.equal(org.modified, org.created);
  const r = await put(`/organisations/${org.id}`, { created: '1999-01-01T00:00:00Z', modified: 7 });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body, org, 'nothing changed');
  await remove('organisations', org);
});

test('what GET gives can be PUT back unchanged', async () => {
  for (const res of ['organisations', 'areas', 'bodies', 'charters', 'people',
    'memberships', 'rotations']) {
    const items = await list(res);
    for (const o of items.slice(0, 3)) {
      const r = await put(`/${res}/${o.id}`, o);
      assert.equal(r.status, 200, `${res} ${o.id}: ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.body, o, `${res} ${o.id}`);
    }
  }
});

// ---- rule check ------------------------------------------------------------

const BROKEN = 'Sundhedsklynge Sønderjylland – fagligt strategisk niveau';

test('check: bad dates are 400 with a Danish message', async () => {
  const b = (await list('bodies'))[0];
  for (const d of ['2024-02-30', 'i morgen', '2024-1-1']) {
    const r = await get(`/bodies/${b.id}/check?date=${encodeURIComponent(d)}`);
    assertError(r, 400, 'bad_date');
    assert.match(r.body.error.message, /Ugyldig dato/);
  }
});

test('check finds Tønder missing in the Sønderjylland strategic level, and a membership fixes it', async () => {
  const bodies = await list('bodies');
  const body = bodies.find((b) => b.name === BROKEN) ||
    bodies.find((b) => /s(ø|oe)nderjylland/i.test(b.key) && b.kind === 'strategic_level');
  assert.ok(body, `the demo has «${BROKEN}»`);

  const r = await get(`/bodies/${body.id}/check`);
  assert.equal(r.status, 200);
  assert.equal(r.body.body_id, body.id);
  assert.equal(r.body.date, TODAY, 'the date defaults to today');
  assert.equal(r.body.ok, false);
  for (const v of r.body.violations) {
    assert.deepEqual(Object.keys(v),
      ['code', 'message', 'seat', 'organisation_id', 'person_id', 'membership_id']);
  }
  const v = r.body.violations.find((x) => x.code === 'municipality_missing');
  assert.ok(v, JSON.stringify(r.body.violations));
  assert.match(v.message, /Tønder/);
  assert.equal(r.body.violations.length, 1, JSON.stringify(r.body.violations));

  // The same answer for the date given explicitly.
  const same = await get(`/bodies/${body.id}/check?date=${r.body.date}`);
  assert.deepEqual(same.body, r.body);

  // Fill the seat: a person from Tønder Kommune in the seat the check
  // names, with what the seat rule of the charter in force asks for.
  const orgs = await list('organisations');
  const tonder = v.organisation_id ? orgs.find((o) => o.id === v.organisation_id)
    : orgs.find((o) => o.kind === 'municipality' && /Tønder/.test(o.name));
  assert.ok(tonder, 'Tønder Kommune is an organisation');
  const charters = (await get(`/charters?body_id=${body.id}`)).body;
  const seat = charters.flatMap((c) => c.seats).find((s) => s.key === v.seat);
  assert.ok(seat, `seat ${v.seat} in a charter of the body`);
  const appointer = seat.appointed_by_kind
    ? orgs.find((o) => o.kind === seat.appointed_by_kind) : null;

  const person = await create('people', {
    name: 'Tove Tøndergaard', title: 'Sundhedschef', organisation_id: tonder.id,
    note: 'Fiktiv person',
  });
  const ms = await post('/memberships', {
    person_id: person.id, body_id: body.id, role: 'member',
    function: seat.function, seat: seat.key, represents_id: tonder.id,
    appointed_by_id: appointer ? appointer.id : null, local: true,
    start: r.body.date,
  });
  assert.equal(ms.status, 201, JSON.stringify(ms.body));

  const after = await get(`/bodies/${body.id}/check`);
  assert.equal(after.status, 200);
  assert.deepEqual(after.body.violations, []);
  assert.equal(after.body.ok, true);

  // The day before the membership starts, Tønder is still missing.
  const dayBefore = new Date(`${r.body.date}T12:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const earlier = await get(`/bodies/${body.id}/check?date=${dayBefore.toISOString().slice(0, 10)}`);
  assert.deepEqual(earlier.body.violations.map((x) => x.code), ['municipality_missing']);

  // Undo, so other tests see the demo as it is.
  assert.equal((await del(`/memberships/${ms.body.id}`)).status, 204);
  assert.equal((await del(`/people/${person.id}`)).status, 204);
  assert.equal((await get(`/bodies/${body.id}/check`)).body.ok, false);
});
