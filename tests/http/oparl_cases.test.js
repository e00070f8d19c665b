'use strict';
// oparl_cases.test.js - Paper and Consultation in /oparl/v1 (issue 5),
// validated against the official OParl 1.1 schemas like
// oparl_meetings.test.js: a case [sag] is a Paper (name, reference = the
// case number, date, paperType = the flow template's name), listed per
// Body (the region of its origin body); a step of its flow treated at a
// meeting the public can see is a Consultation (organization = the
// step's body, role = the Danish action label, authoritative for
// "decide"), naming the agenda item only while it is public. A step on
// a meeting that is not published is not a Consultation at all.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { start, send, repoRoot, demo, idOf } = require('./helpers');

const PUBLIC = 'https://oparl.klynge.example';
const SCHEMA = 'https://schema.oparl.org/1.1/';
const TODAY = '2026-03-02';
const D = demo();
const B = idOf(D.bodies, 'fsn-sonderjylland');
const SYD = idOf(D.organisations, 'region-syddanmark');
const MIDT = idOf(D.organisations, 'region-midtjylland');

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
let kase;		// the case, as the API gave it after the steps were treated
const item = {};	// decide (published), psykiatri (published, closed), aeldre (planned)
const step = {};

const api = (p, method, data) => send(srv.base + p, method, data, { Cookie: sid });
const ok = (r, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

async function meeting(body, date) {
  const r = await api('/api/v1/meetings', 'POST', { body, date, start: '13:00', end: '15:00' });
  ok(r, 201);
  return r.body;
}

async function publish(m) {
  for (const state of ['agenda_approved', 'published'])
    ok(await api(`/api/v1/meetings/${m.id}/state`, 'POST', { state }));
}

async function onAgenda(st) {
  const r = await api(`/api/v1/cases/${kase.id}/steps/${st.id}/agenda`, 'POST', {});
  ok(r, 201);
  return r.body.item;
}

before(async () => {
  ajv = loadSchemas();
  srv = await start({ env: { KLYNGE_BASE_URL: PUBLIC, KLYNGE_TODAY: TODAY } });
  sid = await srv.login('admin');
  let r = await api('/api/v1/templates', 'POST', {
    key: 'klynge-fagligt-strategisk', name: 'Sag i klyngens fagligt strategiske niveau', region: 'region-syddanmark',
    steps: [
      { target: 'origin', action: 'decide', offset_days: 14 },
      { target: 'children', target_kind: 'implementation_group', action: 'implement', offset_days: 45 },
    ],
  });
  ok(r, 201);
  r = await api('/api/v1/cases', 'POST', {
    case_number: '26/5005', title: 'Fælles forløb for borgere med KOL', origin_body: 'fsn-sonderjylland',
    template: 'klynge-fagligt-strategisk', started: TODAY,
  });
  ok(r, 201);
  kase = r.body;
  const at = (body) => kase.steps.find((s) => s.body === body);
  step.decide = at('fsn-sonderjylland');
  step.psykiatri = at('ipg-sonderjylland-psykiatri');
  step.aeldre = at('ipg-sonderjylland-aeldre');

  const mb = await meeting('fsn-sonderjylland', '2026-03-19');
  item.decide = await onAgenda(step.decide);
  await publish(mb);
  ok(await api(`/api/v1/items/${item.decide.id}/decision`, 'PUT', { outcome: 'approved', decision: 'Godkendt.' }));
  ok(await api(`/api/v1/cases/${kase.id}/steps/${step.decide.id}`, 'PUT', { status: 'done' }));

  const mp = await meeting('ipg-sonderjylland-psykiatri', '2026-04-14');
  item.psykiatri = await onAgenda(step.psykiatri);
  ok(await api(`/api/v1/items/${item.psykiatri.id}`, 'PUT', { closed: true }));
  await publish(mp);

  await meeting('ipg-sonderjylland-aeldre', '2026-04-15');	// planned, never published
  item.aeldre = await onAgenda(step.aeldre);
  kase = (await api(`/api/v1/cases/${kase.id}`, 'GET')).body;
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

function validatePaper(p) {
  validate('Paper', p);
  for (const c of p.consultation || []) {
    validate('Consultation', c);
    assert.equal(c.paper, p.id);
  }
}

async function walk(url) {
  const items = [];
  let next = url;
  while (next) {
    const { body } = await fetchOparl(next);
    assert.ok(Array.isArray(body.data));
    for (const k of ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'])
      assert.ok(Number.isInteger(body.pagination[k]));
    for (const o of body.data)
      validatePaper(o);
    items.push(...body.data);
    next = body.links.next;
  }
  return items;
}

const paperUrl = (id) => `${PUBLIC}/oparl/v1/paper/${id}`;
const consultationUrl = (id) => `${PUBLIC}/oparl/v1/consultation/${id}`;

test('Body.paper lists the region\'s cases as valid Papers; the other region has none', async () => {
  const body = (await fetchOparl(`${PUBLIC}/oparl/v1/body/${SYD}`)).body;
  validate('Body', body);
  assert.equal(body.paper, `${PUBLIC}/oparl/v1/body/${SYD}/paper`);
  const papers = await walk(body.paper);
  assert.deepEqual(papers.map((p) => p.id), [paperUrl(kase.id)]);
  const midt = await walk(`${PUBLIC}/oparl/v1/body/${MIDT}/paper`);
  assert.deepEqual(midt, []);
  const none = await walk(`${body.paper}?created_since=2099-01-01T00:00:00%2B01:00`);
  assert.deepEqual(none, []);
  await fetchOparl(`${PUBLIC}/oparl/v1/body/999999/paper`, 404);
});

test('a Paper: the case\'s title, number, start date and template; consultations in flow order', async () => {
  const { body: p } = await fetchOparl(paperUrl(kase.id));
  validatePaper(p);
  assert.equal(p.name, 'Fælles forløb for borgere med KOL');
  assert.equal(p.reference, '26/5005');
  assert.equal(p.date, TODAY);
  assert.equal(p.paperType, 'Sag i klyngens fagligt strategiske niveau');
  assert.equal(p.body, `${PUBLIC}/oparl/v1/body/${SYD}`);
  assert.deepEqual(p.underDirectionOf, [`${PUBLIC}/oparl/v1/organization/${B}`]);
  assert.deepEqual(p.originatorOrganization, [`${PUBLIC}/oparl/v1/organization/${B}`]);
  assert.equal(p.mainFile, undefined, 'a case has no document of its own');
  assert.equal(p.web, `${PUBLIC}/cases/${kase.id}`);
  // The decide step (public item) and the psychiatry group's (closed
  // item); not the elderly group's, whose meeting is not published.
  assert.deepEqual(p.consultation.map((c) => c.id), [consultationUrl(step.decide.id), consultationUrl(step.psykiatri.id)]);
  const [dec, psy] = p.consultation;
  assert.equal(dec.agendaItem, `${PUBLIC}/oparl/v1/agendaitem/${item.decide.id}`);
  assert.equal(dec.meeting, `${PUBLIC}/oparl/v1/meeting/${item.decide.meeting_id}`);
  assert.deepEqual(dec.organization, [`${PUBLIC}/oparl/v1/organization/${B}`]);
  assert.equal(dec.role, 'Beslutte');
  assert.equal(dec.authoritative, true);
  assert.equal(psy.agendaItem, undefined, 'a closed item is not named');
  assert.equal(psy.meeting, `${PUBLIC}/oparl/v1/meeting/${item.psykiatri.meeting_id}`);
  assert.deepEqual(psy.organization, [`${PUBLIC}/oparl/v1/organization/${idOf(D.bodies, 'ipg-sonderjylland-psykiatri')}`]);
  assert.equal(psy.role, 'Implementere');
  assert.equal(psy.authoritative, false);
  await fetchOparl(paperUrl(999999), 404);
});

test('Consultation by its own URL; the links resolve; hidden ones are 404', async () => {
  const { body: p } = await fetchOparl(paperUrl(kase.id));
  for (const c of p.consultation) {
    const one = (await fetchOparl(c.id)).body;
    validate('Consultation', one);
    assert.deepEqual(one, c);
    validate('Meeting', (await fetchOparl(one.meeting)).body);
    if (one.agendaItem)
      validate('AgendaItem', (await fetchOparl(one.agendaItem)).body);
    for (const o of one.organization)
      validate('Organization', (await fetchOparl(o)).body);
  }
  await fetchOparl(consultationUrl(step.aeldre.id), 404);
  const pending = kase.steps.find((s) => s.body === 'ipg-sonderjylland-born');
  await fetchOparl(consultationUrl(pending.id), 404);
  await fetchOparl(consultationUrl(999999), 404);
  // The planned meeting is not reachable through the paper either.
  const text = JSON.stringify(p);
  assert.ok(!text.includes(`/agendaitem/${item.aeldre.id}`));
  assert.ok(!text.includes(`/meeting/${item.aeldre.meeting_id}`));
});
