'use strict';
// audit.test.js - concurrent edits and the audit log (issue 3, items 4
// and 5): two people editing the same membership, the API's ETag,
// If-Match and "revision", the "Historik" section of the body page and
// `klynge audit` on the same database.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  start, json: rawJson, send: rawSend, repoRoot, demo, idOf, formFields, fieldValue, unescapeHtml,
} = require('./helpers');

// Writes need a login (issue 3): every client and API call here acts as
// the administrator 'admin', whom the audit log then names as the actor.
let sid;
const json = (url, init = {}) => rawJson(url, { ...init, headers: { ...(init.headers || {}), Cookie: sid } });
const send = (url, method, data, headers = {}) => rawSend(url, method, data, { ...headers, Cookie: sid });

const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const STALE = 'Nogen har ændret medlemskabet, siden du åbnede det. Dine ændringer er ikke gemt – se forskellen herunder og gem igen.';

let srv;
let d;

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: '2025-06-01' } });
  d = demo();
  sid = await srv.login('admin');
});

after(async () => {
  if (srv)
    await srv.stop();
});

const api = (p) => `${srv.base}/api/v1${p}`;

async function client(p) {
  const c = await srv.client('admin');
  const r = await c.get(p);
  assert.equal(r.status, 200, `GET ${p}`);
  return c;
}

function klynge(...args) {
  const r = spawnSync(bin, ['--db', srv.db, ...args], { encoding: 'utf8' });
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error:|LeakSanitizer/);
  return r;
}

test('two people edit one membership: the second gets 409, keeps their text, sees the other value', async () => {
  const id = 3;
  const m = d.memberships[id - 1];
  const bodyId = idOf(d.bodies, m.body);
  const form = `/memberships/${id}/edit`;
  const a = await client(form);
  const b = await client(form);
  const pageA = await a.get(form);
  const pageB = await b.get(form);
  const rev = fieldValue(pageA.text, 'revision');
  assert.match(rev, /^[1-9][0-9]*$/, 'the edit form carries the revision');
  assert.equal(fieldValue(pageB.text, 'revision'), rev);

  // A saves first.
  const ra = await a.submit(form, `/memberships/${id}`, { end: '2030-12-31' });
  assert.equal(ra.status, 303);
  assert.equal(ra.location, `/bodies/${bodyId}`);

  // B saves the form it opened before: refused, nothing lost.
  const fieldsB = formFields(pageB.text, `/memberships/${id}`)
    .map(([n, v]) => [n, n === 'end' ? '2029-06-30' : v]);
  const rb = await b.post(`/memberships/${id}`, fieldsB);
  assert.equal(rb.status, 409);
  const html = unescapeHtml(rb.text);
  assert.ok(html.includes(STALE), 'the Danish message at the top');
  assert.equal(fieldValue(rb.text, 'end'), '2029-06-30', "B's own text is kept");
  assert.ok(html.includes('Gemt af en anden: 31. december 2030'), 'the stored value next to the field');
  const newRev = fieldValue(rb.text, 'revision');
  assert.equal(Number(newRev), Number(rev) + 1, 'the hidden revision is the current one');

  // Saving the re-shown form goes through.
  const again = formFields(rb.text, `/memberships/${id}`);
  const rc = await b.post(`/memberships/${id}`, again);
  assert.equal(rc.status, 303);
  const after = await b.get(form);
  assert.equal(fieldValue(after.text, 'end'), '2029-06-30');
  assert.equal(Number(fieldValue(after.text, 'revision')), Number(rev) + 2);

  // A form posted without a revision (an old page) still saves.
  const ro = await b.post(`/memberships/${id}`, formFields(after.text, `/memberships/${id}`)
    .filter(([n]) => n !== 'revision'));
  assert.equal(ro.status, 303);
});

test('API: ETag and "revision" on GET; If-Match 412; a stale "revision" 409; GET -> PUT unchanged', async () => {
  const g = await json(api('/people/5'));
  assert.equal(g.status, 200);
  const rev = g.body.revision;
  assert.equal(typeof rev, 'number');
  assert.equal(g.headers.get('etag'), `"v${rev}"`);

  // GET -> PUT round trip: no change, same revision, same ETag.
  const same = await send(api('/people/5'), 'PUT', g.body);
  assert.equal(same.status, 200, JSON.stringify(same.body));
  assert.deepEqual(same.body, g.body);
  assert.equal(same.headers.get('etag'), `"v${rev}"`);

  // A real change moves the revision on.
  const ch = await send(api('/people/5'), 'PUT', { title: 'Ny titel', revision: rev });
  assert.equal(ch.status, 200, JSON.stringify(ch.body));
  assert.equal(ch.body.revision, rev + 1);
  assert.equal(ch.headers.get('etag'), `"v${rev + 1}"`);

  // The old revision in the body: 409 "stale", nothing saved.
  const stale = await send(api('/people/5'), 'PUT', { title: 'Forkert', revision: rev });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'stale');
  assert.match(stale.body.error.message, /ændret, siden du hentede dem/);
  assert.equal((await json(api('/people/5'))).body.title, 'Ny titel');

  // A bad revision is a client error.
  const bad = await send(api('/people/5'), 'PUT', { revision: 'x' });
  assert.equal(bad.status, 400);

});

test('API: If-Match on PUT and DELETE (412 when it does not match)', async () => {
  const rev = (await json(api('/people/5'))).body.revision;
  const probe = await send(api('/people/5'), 'PUT', {}, { 'If-Match': '"v999999"' });
  assert.equal(probe.status, 412, 'the server passes If-Match on to the handler');
  assert.equal(probe.body.error.code, 'precondition_failed');
  assert.match(probe.body.error.message, /If-Match/);
  const ok = await send(api('/people/5'), 'PUT', { title: 'Med If-Match' }, { 'If-Match': `"v${rev}"` });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const del = await json(api('/people/5'), { method: 'DELETE', headers: { 'If-Match': '"v1"' } });
  assert.equal(del.status, 412);
});

test('the body page shows the change in "Historik"', async () => {
  const id = 4;
  const m = d.memberships[id - 1];
  const bodyId = idOf(d.bodies, m.body);
  const c = await client(`/memberships/${id}/edit`);
  const r = await c.submit(`/memberships/${id}/edit`, `/memberships/${id}`, { end: '2031-03-31' });
  assert.equal(r.status, 303);
  const page = await c.get(`/bodies/${bodyId}`);
  assert.equal(page.status, 200);
  const html = unescapeHtml(page.text);
  const sec = html.slice(html.indexOf('<section id="aendringer"'));
  assert.match(sec, /<h2>Historik<\/h2>/);
  assert.ok(sec.includes(`Medlemskab <code>${m.key}</code> ændret`), sec.slice(0, 2000));
  assert.match(sec, /Slutdato: .* → 2031-03-31/);
  assert.match(sec, /admin/);  // the logged-in writer (was "anonym" before logins were required)
  assert.match(sec, /kl\. \d\d\.\d\d/);
});

test('klynge audit prints the import and the changes, newest first', () => {
  const all = klynge('audit');
  assert.equal(all.status, 0, all.stderr);
  const lines = all.stdout.split('\n');
  assert.match(lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}admin {2}/, "the actor names the logged-in user");
  assert.match(all.stdout, /cli \([^)]+\) {2}structure {2}indlæst\n {4}\{"organisations":55,/);
  const one = klynge('audit', '--kind', 'membership', '--id', '4', '--limit', '1');
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /membership \S+ \(id 4\) {2}ændret\n {4}end: .* → 2031-03-31\n$/);
  // Meetings are a kind the log knows (none written here).
  const meetings = klynge('audit', '--kind', 'meeting');
  assert.equal(meetings.status, 0, meetings.stderr);
  const bad = klynge('audit', '--kind', 'møde');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /ukendt slags 'møde' \(brug organisation, .* initiative eller comment\)/);
});
