'use strict';
// /oparl/v1: every object and list page the server gives is validated
// against the official OParl 1.1 schemas (../shared/oparl-1.1/schema),
// the lists are walked page by page, and no e-mail address may appear.
//
// The server runs with KLYNGE_BASE_URL set to a public-looking host, as
// in production: ids are absolute URLs on that host (ajv-formats' "url"
// rejects 127.0.0.1 like the spec advises against IP addresses), and
// the test maps them back to the local server to follow them.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');
const { start, json, send: rawSend, repoRoot } = require('./helpers');

// API writes need a login (issue 3): they act as the administrator.
// OParl itself is read as the public.
let sid;
const send = (url, method, data, headers = {}) => rawSend(url, method, data, { ...headers, Cookie: sid });

const PUBLIC = 'https://oparl.klynge.example';
const SCHEMA = 'https://schema.oparl.org/1.1/';

// The schemas sit in shared/ beside the repository (../shared), or in a
// shared/ inside it on machines that carry it there.
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

// The schemas name each other by file name ("schema": "Membership.json");
// each is added under its file name.
function loadSchemas() {
  // unicodeRegExp: false because the official patterns escape ':' and
  // '/', which a /u regular expression refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const dir = schemaDir();
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json')))
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
  return ajv;
}

let srv;
let ajv;
const seen = [];	// every OParl body text fetched, for the e-mail check

before(async () => {
  ajv = loadSchemas();
  srv = await start({ env: { KLYNGE_BASE_URL: PUBLIC } });
  sid = await srv.login('admin');
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
  assert.equal(res.headers.get('access-control-allow-origin'), '*', 'CORS header');
  assert.match(res.headers.get('content-type'), /^application\/json/);
  return { res, body: JSON.parse(text) };
}

// OParl's form of a date-time (spec 2-04): yyyy-mm-ddThh:mm:ss±hh:mm.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

// The schema checks the format of "created" and "modified" when they are
// there; spec 3-01 says they must be there on every object, embedded
// ones too.
function validate(type, obj) {
  const v = ajv.getSchema(`${type}.json`);
  assert.ok(v, `schema ${type}.json`);
  const ok = v(obj);
  assert.ok(ok, `${type} ${obj && obj.id}: ${JSON.stringify(v.errors, null, 1)}`);
  assert.equal(obj.type, SCHEMA + type);
  for (const k of ['created', 'modified']) {
    assert.match(obj[k] || '', DATE_TIME, `${type} ${obj.id}: ${k}`);
    assert.ok(!Number.isNaN(Date.parse(obj[k])), `${type} ${obj.id}: ${k} is a date`);
  }
  assert.ok(Date.parse(obj.created) <= Date.parse(obj.modified), `${type} ${obj.id}: created <= modified`);
}

// A list page as chapter "Objektlisten und Paginierung" says.
function validatePage(page) {
  assert.ok(Array.isArray(page.data), 'data');
  const p = page.pagination;
  for (const k of ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'])
    assert.ok(Number.isInteger(p[k]), `pagination.${k}`);
  assert.ok(page.data.length <= p.elementsPerPage);
  assert.ok(page.links && typeof page.links.first === 'string');
  if (p.currentPage < p.totalPages)
    assert.equal(typeof page.links.next, 'string', 'next is required on all but the last page');
  else
    assert.equal(page.links.next, undefined);
  for (const l of Object.values(page.links))
    assert.ok(l.startsWith(PUBLIC), l);
}

// Walks a list from its first page; returns all items.
async function walk(url, type) {
  const items = [];
  let next = url;
  let pages = 0;
  while (next) {
    const { body } = await fetchOparl(next);
    validatePage(body);
    assert.equal(body.pagination.currentPage, pages + 1);
    for (const o of body.data)
      validate(type, o);
    items.push(...body.data);
    next = body.links.next;
    pages++;
    assert.ok(pages < 500, 'list ends');
  }
  return items;
}

test('System at /oparl/v1, /oparl/v1/system redirects there', async () => {
  const { body } = await fetchOparl(`${PUBLIC}/oparl/v1`);
  validate('System', body);
  assert.equal(body.id, `${PUBLIC}/oparl/v1`);
  assert.equal(body.oparlVersion, 'https://schema.oparl.org/1.1/');
  const r = await fetchOparl(`${PUBLIC}/oparl/v1/system`, 301);
  assert.equal(r.res.headers.get('location'), body.id);
});

test('Bodies are the regions, with the required lists', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const bodies = await walk(sys.body, 'Body');
  assert.ok(bodies.length >= 1);
  const regions = (await json(`${srv.base}/api/v1/organisations?kind=region`)).body;
  assert.deepEqual(bodies.map((b) => b.name).sort(), regions.map((o) => o.name).sort());
  for (const b of bodies) {
    const one = (await fetchOparl(b.id)).body;
    validate('Body', one);
    assert.deepEqual(one, b);
    assert.equal(b.system, sys.id);
    assert.deepEqual(b.legislativeTerm, []);
    assert.deepEqual(await walk(b.meeting, 'Meeting'), []);
    assert.deepEqual(await walk(b.paper, 'Paper'), []);
  }
});

test('Organizations: every body, with Danish classification and parents', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const bodies = await walk(sys.body, 'Body');
  const orgs = [];
  for (const b of bodies) {
    const list = await walk(b.organization, 'Organization');
    for (const o of list)
      assert.equal(o.body, b.id);
    orgs.push(...list);
  }
  const apiBodies = (await json(`${srv.base}/api/v1/bodies`)).body;
  assert.equal(orgs.length, apiBodies.length, 'every body, formal or not');
  const ids = new Set(orgs.map((o) => o.id));
  const broken = orgs.find((o) => o.name === 'Sundhedsklynge Sønderjylland – fagligt strategisk niveau');
  if (broken)
    assert.equal(broken.classification, 'Fagligt strategisk niveau');
  for (const o of orgs) {
    assert.equal(o.organizationType, 'Gremium');
    assert.ok(o.classification && !/_/.test(o.classification), 'a Danish label, not a code');
    if (o.subOrganizationOf)
      assert.ok(ids.has(o.subOrganizationOf), `parent ${o.subOrganizationOf} is listed`);
  }
  assert.ok(orgs.some((o) => o.subOrganizationOf), 'some body has a parent');
  const one = orgs.find((o) => o.membership);
  assert.ok(one);
  assert.deepEqual((await fetchOparl(one.id)).body, one);
  for (const m of one.membership.slice(0, 3)) {
    const mb = (await fetchOparl(m)).body;
    validate('Membership', mb);
    assert.equal(mb.organization, one.id);
  }
});

test('People with embedded memberships; roles in Danish; no e-mail', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const bodies = await walk(sys.body, 'Body');
  const people = [];
  const memberships = [];
  for (const b of bodies) {
    people.push(...await walk(b.person, 'Person'));
    memberships.push(...await walk(b.membership, 'Membership'));
  }
  assert.ok(people.length > 0);
  for (const p of people) {
    assert.equal(p.email, undefined);
    assert.ok(Array.isArray(p.membership) && p.membership.length > 0);
    for (const m of p.membership) {
      validate('Membership', m);	// embedded: with created and modified too
      assert.equal(m.person, p.id);
    }
  }
  const p = people[0];
  assert.deepEqual((await fetchOparl(p.id)).body, p);
  const omitted = (await fetchOparl(`${p.id}?omit_internal=true`)).body;
  assert.equal(omitted.membership, undefined);

  const danish = new Set(['Formand', 'Medformand', 'Næstformand', 'Medlem', 'Suppleant', 'Sekretær']);
  for (const m of memberships) {
    if (m.role)
      assert.ok(danish.has(m.role), m.role);
    if (m.role === 'Suppleant' || m.role === 'Sekretær')
      assert.equal(m.votingRight, false);
    if (m.role === 'Medlem' || m.role === 'Formand')
      assert.equal(m.votingRight, true);
  }
  const apiMs = (await json(`${srv.base}/api/v1/memberships`)).body;
  assert.equal(memberships.length, apiMs.length);
  // Affiliation: the employer's name.
  const apiPeople = (await json(`${srv.base}/api/v1/people`)).body;
  const orgs = (await json(`${srv.base}/api/v1/organisations`)).body;
  const withEmployer = apiPeople.find((x) => x.organisation_id &&
    people.some((q) => q.name === x.name));
  if (withEmployer) {
    const q = people.find((x) => x.name === withEmployer.name);
    assert.equal(q.affiliation, orgs.find((o) => o.id === withEmployer.organisation_id).name);
  }
});

test('Pagination: pages, links and filters kept', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const body = (await walk(sys.body, 'Body'))[0];
  const all = await walk(body.person, 'Person');
  assert.ok(all.length >= 3, 'enough people to page through');

  const first = (await fetchOparl(`${body.person}?limit=2`)).body;
  validatePage(first);
  const total = all.length;
  assert.deepEqual(first.pagination, {
    totalElements: total, elementsPerPage: 2, currentPage: 1,
    totalPages: Math.ceil(total / 2),
  });
  assert.equal(first.links.prev, undefined);
  assert.equal(first.links.first, `${body.person}?limit=2`);
  assert.equal(first.links.next, `${body.person}?limit=2&page=2`);
  assert.equal(first.links.last, `${body.person}?limit=2&page=${Math.ceil(total / 2)}`);

  const paged = await walk(`${body.person}?limit=2`, 'Person');
  assert.deepEqual(paged.map((p) => p.id), all.map((p) => p.id), 'same order, nothing twice');
  assert.equal(new Set(paged.map((p) => p.id)).size, total);

  const second = (await fetchOparl(first.links.next)).body;
  assert.equal(second.links.prev, first.links.self);
  assert.equal(second.links.self, first.links.next);

  const since = '2020-01-01T00:00:00+01:00';
  const f = (await fetchOparl(`${body.person}?modified_since=${encodeURIComponent(since)}&limit=2`)).body;
  assert.ok(f.links.next.includes(`modified_since=${encodeURIComponent(since)}`), f.links.next);

  const beyond = (await fetchOparl(`${body.person}?page=9999`, 404)).body;
  assert.equal(beyond.type, `${SCHEMA}Error`);
  assert.equal(typeof beyond.message, 'string');
  const bad = (await fetchOparl(`${body.person}?page=0`, 400)).body;
  assert.equal(bad.type, `${SCHEMA}Error`);
});

test('unknown objects are 404 with an OParl error', async () => {
  for (const p of ['body', 'organization', 'person', 'membership']) {
    const { body } = await fetchOparl(`${PUBLIC}/oparl/v1/${p}/999999`, 404);
    assert.equal(body.type, `${SCHEMA}Error`);
    assert.ok(body.message.length > 3);
  }
});

test('no e-mail address appears in any OParl output', async () => {
  // A published person (one membership) with an address, besides the
  // demo's own.
  const mail = 'skal.ikke.offentliggoeres@example.org';
  const apiBody = (await json(`${srv.base}/api/v1/bodies`)).body[0];
  const person = await send(`${srv.base}/api/v1/people`, 'POST',
    { name: 'Hemmelig Adresse', email: mail });
  assert.equal(person.status, 201, JSON.stringify(person.body));
  const ms = await send(`${srv.base}/api/v1/memberships`, 'POST', {
    person_id: person.body.id, body_id: apiBody.id, role: 'member', start: '2024-01-01',
  });
  assert.equal(ms.status, 201, JSON.stringify(ms.body));

  seen.length = 0;
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  let found = false;
  for (const b of await walk(sys.body, 'Body')) {
    for (const o of await walk(b.organization, 'Organization'))
      await fetchOparl(o.id);
    for (const p of await walk(b.person, 'Person')) {
      await fetchOparl(p.id);
      found = found || p.name === 'Hemmelig Adresse';
    }
    for (const m of await walk(b.membership, 'Membership'))
      await fetchOparl(m.id);
  }
  assert.ok(found, 'the new person is published');
  const emails = (await json(`${srv.base}/api/v1/people`, { headers: { Cookie: sid } })).body
    .map((p) => p.email).filter(Boolean);
  assert.ok(emails.includes(mail));
  const text = seen.join('\n');
  for (const e of emails)
    assert.ok(!text.includes(e), `${e} is published`);
  assert.ok(!/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/.test(text), 'something like an e-mail address');

  assert.equal((await send(`${srv.base}/api/v1/memberships/${ms.body.id}`, 'DELETE', '')).status, 204);
  assert.equal((await send(`${srv.base}/api/v1/people/${person.body.id}`, 'DELETE', '')).status, 204);
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const enc = encodeURIComponent;

test('created and modified: an edit changes modified, not created; the date filters', async () => {
  const sys = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  const body = (await walk(sys.body, 'Body'))[0];
  const all = await walk(body.organization, 'Organization');
  assert.ok(all.length >= 3);
  const before = all[1];
  const id = Number(before.id.split('/').pop());

  // Timestamps have whole seconds: let the clock pass the old one.
  const wait = Date.parse(before.modified) + 1000 - Date.now();
  if (wait > 0)
    await sleep(wait + 50);
  const apiBody = (await json(`${srv.base}/api/v1/bodies/${id}`)).body;
  const r = await send(`${srv.base}/api/v1/bodies/${id}`, 'PUT',
    { description: `${apiBody.description} (ændret af testen)` });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.created, apiBody.created);
  assert.ok(r.body.modified > apiBody.modified, 'API modified');

  const after = (await fetchOparl(before.id)).body;
  validate('Organization', after);
  assert.equal(after.created, before.created, 'created stays');
  assert.ok(Date.parse(after.modified) > Date.parse(before.modified), 'modified moves on');
  // The System's modified is the newest of anything.
  const sys2 = (await fetchOparl(`${PUBLIC}/oparl/v1`)).body;
  validate('System', sys2);
  assert.ok(Date.parse(sys2.modified) >= Date.parse(after.modified));
  assert.equal(sys2.created, sys.created);

  // What GET gave, PUT back, is no change.
  const same = await send(`${srv.base}/api/v1/bodies/${id}`, 'PUT', r.body);
  assert.equal(same.status, 200);
  assert.equal((await fetchOparl(before.id)).body.modified, after.modified);

  // modified_since (inclusive): the edited body, not those older.
  const since = await walk(`${body.organization}?modified_since=${enc(after.modified)}`, 'Organization');
  assert.ok(since.some((o) => o.id === before.id), 'the edited body is listed');
  assert.ok(since.length < all.length, 'the others are not');
  for (const o of since)
    assert.ok(Date.parse(o.modified) >= Date.parse(after.modified), o.id);
  // The same in another zone, and with the "+" sent unencoded.
  const cph = new Date(Date.parse(after.modified) + 3600e3).toISOString().slice(0, 19) + '+01:00';
  assert.deepEqual(await walk(`${body.organization}?modified_since=${enc(cph)}`, 'Organization'), since);
  assert.deepEqual(await walk(`${body.organization}?modified_since=${cph}`, 'Organization'), since);
  const page = (await fetchOparl(`${body.organization}?modified_since=${cph}&limit=1`)).body;
  assert.equal(page.links.self, `${body.organization}?modified_since=${enc(cph)}&limit=1`);

  // modified_until: up to the old time leaves the edited body out.
  const until = await walk(`${body.organization}?modified_until=${enc(before.modified)}`, 'Organization');
  assert.ok(!until.some((o) => o.id === before.id));
  assert.ok(until.length > 0);
  for (const o of until)
    assert.ok(Date.parse(o.modified) <= Date.parse(before.modified), o.id);
  // created_*: the edit created nothing.
  const future = new Date(Date.now() + 86400e3).toISOString().slice(0, 19) + 'Z';
  assert.deepEqual(await walk(`${body.organization}?created_since=${enc(future)}`, 'Organization'), []);
  assert.equal((await walk(`${body.organization}?created_until=${enc(future)}`, 'Organization')).length, all.length);
  assert.deepEqual((await walk(`${sys.body}?created_since=${enc(future)}`, 'Body')), []);
  assert.deepEqual(await walk(`${body.person}?modified_since=${enc(future)}`, 'Person'), []);
  assert.deepEqual(await walk(`${body.membership}?modified_since=${enc(future)}`, 'Membership'), []);

  // Not a date-time: 400 with an OParl error.
  for (const bad of ['2024-01-01', 'igår', '2024-01-01T00:00:00'])
    for (const list of [body.organization, body.meeting]) {
      const e = (await fetchOparl(`${list}?modified_since=${enc(bad)}`, 400)).body;
      assert.equal(e.type, `${SCHEMA}Error`);
      assert.match(e.message, /modified_since/);
    }
});
