'use strict';
// forms.test.js - the create/edit forms (src/web/pages/forms.c,
// form_*.c) driven like a browser without JavaScript: GET a form, keep
// the csrf cookie, POST urlencoded fields, follow the 303.
//
// Objects of data/demo.json are found by their place in the file: the
// import keeps file order, so the i-th body has id i + 1.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  start, Client, demo, idOf, formFields, fieldValue, selectOptions,
} = require('./helpers');

let srv;
let d;

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: '2025-06-01' } });
  d = demo();
});

after(async () => {
  if (srv)
    await srv.stop();
});

// A client logged in as the administrator (writes need a login, issue 3).
async function client(path = '/organisations/new') {
  const c = await srv.client('admin');
  const r = await c.get(path);
  assert.equal(r.status, 200, `GET ${path}`);
  assert.ok(c.csrf, 'the server sets a csrf cookie');
  return c;
}

// The error summary and one field's message, tied together by id.
function assertFieldError(html, name, message) {
  assert.match(html, /<h2 id="error-summary-title">Formularen indeholder fejl<\/h2>/);
  assert.ok(html.includes(`href="#f-${name}"`), `summary links to #f-${name}`);
  const m = html.match(new RegExp(`<(p|div) class="field-error" id="f-${name}-error">([\\s\\S]*?)</\\1>`));
  assert.ok(m, `an error is shown at ${name}`);
  assert.match(html, new RegExp(`id="f-${name}" name="${name}" aria-describedby="f-${name}-error`));
  if (message)
    assert.match(m[2], message);
}

test('organisation form: labels, csrf field, Danish selects', async () => {
  const c = await srv.client('admin');
  const r = await c.get('/organisations/new');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>Ny organisation<\/h1>/);
  assert.match(r.text, /<label for="f-name">Navn/);
  assert.match(r.text, /<label for="f-kind">Type/);
  assert.equal(fieldValue(r.text, 'csrf'), c.csrf);
  const kinds = selectOptions(r.text, 'kind');
  assert.ok(kinds.some((o) => o.value === 'hospital' && o.label === 'Somatisk sygehus'));
  const parents = selectOptions(r.text, 'parent').filter((o) => o.value);
  assert.equal(parents.length, d.organisations.length);
  assert.match(r.text, /<button type="submit">Gem<\/button>/);
});

test('creating an organisation redirects 303 to its page', async () => {
  const c = await client();
  const r = await c.post('/organisations', {
    name: 'Testkommune Nord', short_name: 'TKN', kind: 'municipality',
    sector: 'municipality', parent: '', note: 'Oprettet af testen', key: '',
  });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/organisations/${d.organisations.length + 1}`);
  const page = await c.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Testkommune Nord/);
  const edit = await c.get(`${r.location}/edit`);
  assert.equal(edit.status, 200);
  assert.equal(fieldValue(edit.text, 'key'), 'testkommune-nord');
  assert.equal(fieldValue(edit.text, 'sector'), 'municipality');
});

test('an invalid organisation gives 422 and keeps every value', async () => {
  const c = await client();
  const r = await c.post('/organisations', {
    name: '   ', short_name: '<b>TKN</b>', kind: 'hospital', sector: 'region',
    parent: '1', note: 'Må ikke gå tabt\nheller ikke linje to', key: '',
  });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'name', /Navn skal udfyldes/);
  assert.ok(!r.text.includes('id="f-key-error"'),
            'no error about the key left to be made from the missing name');
  assert.equal(fieldValue(r.text, 'short_name'), '<b>TKN</b>');
  assert.ok(r.text.includes('value="&lt;b&gt;TKN&lt;/b&gt;"'), 'escaped');
  assert.ok(!r.text.includes('<b>TKN'), 'never raw');
  assert.equal(fieldValue(r.text, 'kind'), 'hospital');
  assert.equal(fieldValue(r.text, 'sector'), 'region');
  assert.equal(fieldValue(r.text, 'parent'), '1');
  assert.equal(fieldValue(r.text, 'note'), 'Må ikke gå tabt\nheller ikke linje to');
  assert.equal(fieldValue(r.text, 'csrf'), c.csrf, 'the re-rendered form can be sent again');
});

test('a POST without the csrf token is refused with 403', async () => {
  const c = await client();
  let r = await c.post('/organisations', { name: 'Uden token', kind: 'other' }, { csrf: false });
  assert.equal(r.status, 403);
  r = await c.post('/organisations', { name: 'Forkert token', kind: 'other', csrf: 'x'.repeat(32) });
  assert.equal(r.status, 403);
  const anon = new Client(srv.base);
  r = await anon.post('/organisations', { name: 'Ingen cookie', kind: 'other', csrf: c.csrf });
  assert.equal(r.status, 403);
});

test('an organisation still referenced cannot be deleted (409 on its edit page)', async () => {
  const c = await client();
  // The first region owns areas, bodies and hospitals in the demo.
  const region = d.organisations.findIndex((o) => o.kind === 'region') + 1;
  const r = await c.post(`/organisations/${region}/delete`, {});
  assert.equal(r.status, 409);
  assert.match(r.text, /Formularen indeholder fejl/);
  assert.ok(r.text.includes(`action="/organisations/${region}"`), 'the edit form is shown');
  const still = await c.get(`/organisations/${region}/edit`);
  assert.equal(still.status, 200);
});

test('an unreferenced organisation is deleted', async () => {
  const c = await client();
  const r = await c.post('/organisations', { name: 'Kortlivet Organisation', kind: 'other' });
  assert.equal(r.status, 303);
  const del = await c.post(`${r.location}/delete`, {});
  assert.equal(del.status, 303);
  assert.equal(del.location, '/organisations');
  assert.equal((await c.get(`${r.location}/edit`)).status, 404);
});

test('bodies and people: create, and a bad e-mail kept on 422', async () => {
  const c = await client('/bodies/new');
  const parent = 1;
  let r = await c.post('/bodies', {
    name: 'Testgruppe om forløb', short_name: 'TG', kind: 'adhoc_group',
    parent: String(parent), area: '', region: '', formal: '1', description: '',
  });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/bodies/${d.bodies.length + 1}`);
  const edit = await c.get(`${r.location}/edit`);
  assert.equal(fieldValue(edit.text, 'parent'), String(parent));
  assert.equal(fieldValue(edit.text, 'formal'), '1');

  r = await c.post('/people', { name: 'Testa Testesen', email: 'ikke en adresse', title: 'Konsulent' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'email', /e-mail/);
  assert.equal(fieldValue(r.text, 'email'), 'ikke en adresse');
  assert.equal(fieldValue(r.text, 'title'), 'Konsulent');
  r = await c.post('/people', { name: 'Testa Testesen', email: 'testa@example.dk' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/people/${d.people.length + 1}`);
});

// ---- memberships -------------------------------------------------------------

function bodyWithMembers() {
  const key = d.memberships[0].body;
  return { key, id: idOf(d.bodies, key) };
}

test('membership form: seat select, labels, "Gem medlemskab"', async () => {
  const { id } = bodyWithMembers();
  const c = await srv.client('admin');
  const r = await c.get(`/bodies/${id}/memberships/new`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<button type="submit">Gem medlemskab<\/button>/);
  assert.match(r.text, /<label for="f-local">Udpeget inden for klyngens område<\/label>/);
  assert.match(r.text, /<input type="date" id="f-start" name="start"/);
  const seats = selectOptions(r.text, 'seat');
  assert.equal(seats[0].label, '(automatisk)');
  const people = selectOptions(r.text, 'person').filter((o) => o.value);
  assert.ok(people.length >= d.people.length);
  // Sorted by name: compare the first letters only, in Danish order
  // (punctuation and "aa" are collation details of the server's own).
  const rank = (n) => 'abcdefghijklmnopqrstuvwxyzæøå'.indexOf(n[0].toLowerCase());
  const ranks = people.map((o) => rank(o.label));
  assert.deepEqual(ranks, ranks.slice().sort((a, b) => a - b), 'people sorted by name');
  assert.equal(fieldValue(r.text, 'start'), '2025-06-01', 'start defaults to today');
});

test('a membership ending before it starts gives 422 with the values kept', async () => {
  const { id } = bodyWithMembers();
  const c = await client(`/bodies/${id}/memberships/new`);
  const person = String(idOf(d.people, d.people[0].key));
  const r = await c.post(`/bodies/${id}/memberships`, {
    person, role: 'member', function: 'director', seat: '', represents: '1',
    appointed_by: '', substitute_for: '', local: '1',
    start: '2024-01-01', end: '2023-12-31', key: '',
  });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'end', /Slutdato kan ikke ligge før startdato/);
  assert.equal(fieldValue(r.text, 'person'), person);
  assert.equal(fieldValue(r.text, 'role'), 'member');
  assert.equal(fieldValue(r.text, 'function'), 'director');
  assert.equal(fieldValue(r.text, 'represents'), '1');
  assert.equal(fieldValue(r.text, 'local'), '1');
  assert.equal(fieldValue(r.text, 'start'), '2024-01-01');
  assert.equal(fieldValue(r.text, 'end'), '2023-12-31');
});

test('dates: bad ones are named in Danish, typed text is kept, D.M.YYYY accepted', async () => {
  const { id } = bodyWithMembers();
  const c = await client(`/bodies/${id}/memberships/new`);
  const person = String(idOf(d.people, d.people[0].key));
  let r = await c.post(`/bodies/${id}/memberships`, {
    person, role: 'member', represents: '1', start: '2024-02-30', end: 'næste år',
  });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'start', /Datoen findes ikke/);
  assertFieldError(r.text, 'end', /Skriv datoen som ÅÅÅÅ-MM-DD/);
  // Shown as text: a type=date input would blank a value that is no date.
  assert.match(r.text, /<input type="text" id="f-end" name="end"[^>]*value="næste år"/);
  assert.equal(fieldValue(r.text, 'start'), '2024-02-30');

  r = await c.post(`/bodies/${id}/memberships`, {
    person, role: 'member', represents: '1', start: '1.2.2024', end: '',
  });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/bodies/${id}`);
  const created = d.memberships.length + 1;
  const edit = await c.get(`/memberships/${created}/edit`);
  assert.equal(edit.status, 200);
  assert.equal(fieldValue(edit.text, 'start'), '2024-02-01');
});

test('editing a membership (ending it) keeps the rest', async () => {
  const m = d.memberships[0];
  const bodyId = idOf(d.bodies, m.body);
  const c = await client('/memberships/1/edit');
  const before = await c.get('/memberships/1/edit');
  assert.equal(fieldValue(before.text, 'person'), String(idOf(d.people, m.person)));
  assert.equal(fieldValue(before.text, 'start'), m.start);
  assert.match(before.text, /Afslut medlemskab/);
  const r = await c.submit('/memberships/1/edit', '/memberships/1', { end: '2030-12-31' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/bodies/${bodyId}`);
  const afterEdit = await c.get('/memberships/1/edit');
  const skip = ['end', 'csrf', 'revision'];
  const was = formFields(before.text, '/memberships/1').filter(([n]) => !skip.includes(n));
  const now = formFields(afterEdit.text, '/memberships/1').filter(([n]) => !skip.includes(n));
  assert.equal(Number(fieldValue(afterEdit.text, 'revision')),
    Number(fieldValue(before.text, 'revision')) + 1, 'the save counts as one revision');
  assert.deepEqual(now, was);
  assert.equal(fieldValue(afterEdit.text, 'end'), '2030-12-31');
});

test('an unknown membership is a 404 page', async () => {
  const c = await client();
  assert.equal((await c.get('/memberships/999999/edit')).status, 404);
  assert.equal((await c.post('/memberships/999999', { role: 'member' })).status, 404);
});

// ---- terms of reference and approvals ---------------------------------------

test('a new charter version: prefilled, rows kept on 422, saved with rows', async () => {
  // The body whose latest charter has the most seat rules.
  const latest = {};
  for (const ch of d.charters)
    if (!latest[ch.body] || ch.version > latest[ch.body].version)
      latest[ch.body] = ch;
  const ch = Object.values(latest).sort((a, b) => (b.seats || []).length - (a.seats || []).length)[0];
  const seats = ch.seats || [];
  assert.ok(seats.length >= 2, 'the demo has a charter with seat rules');
  const bodyId = idOf(d.bodies, ch.body);
  const c = await client(`/bodies/${bodyId}/charters/new`);
  const form = await c.get(`/bodies/${bodyId}/charters/new`);
  assert.equal(fieldValue(form.text, 'version'), String(ch.version + 1));
  assert.equal(fieldValue(form.text, 'status'), 'draft');
  assert.equal(fieldValue(form.text, 'title'), ch.title);
  assert.equal(fieldValue(form.text, 'seat_rows'), String(seats.length + 3));
  assert.equal(fieldValue(form.text, 'seat-0-key'), seats[0].key);
  assert.equal(fieldValue(form.text, `seat-${seats.length}-key`), '');
  assert.match(form.text, /aria-label="Slet plads 1"/);

  const n = seats.length;
  const changes = {
    'seat-0-delete': '1',
    [`seat-${n}-label`]: 'Testplads for pårørende',
    [`seat-${n}-sector`]: 'patients',
    [`seat-${n}-min`]: 'to',
  };
  let r = await c.submit(`/bodies/${bodyId}/charters/new`, `/bodies/${bodyId}/charters`, changes);
  assert.equal(r.status, 422);
  assertFieldError(r.text, `seat-${n}-min`, /helt tal/);
  assert.equal(fieldValue(r.text, 'seat-0-delete'), '1', 'the delete mark is kept');
  assert.equal(fieldValue(r.text, 'seat-0-key'), seats[0].key);
  assert.equal(fieldValue(r.text, `seat-${n}-label`), 'Testplads for pårørende');
  assert.equal(fieldValue(r.text, `seat-${n}-sector`), 'patients');
  assert.equal(fieldValue(r.text, `seat-${n}-min`), 'to');
  assert.equal(fieldValue(r.text, 'version'), String(ch.version + 1));

  const again = formFields(r.text, `/bodies/${bodyId}/charters`)
    .map(([k, v]) => [k, k === `seat-${n}-min` ? '2' : v]);
  r = await c.post(`/bodies/${bodyId}/charters`, again);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/bodies/${bodyId}`);

  const id = d.charters.length + 1;
  const edit = await c.get(`/charters/${id}/edit`);
  assert.equal(edit.status, 200);
  const keys = formFields(edit.text).filter(([k]) => /^seat-\d+-key$/.test(k)).map(([, v]) => v).filter(Boolean);
  assert.equal(keys.length, n, 'one deleted, one added');
  assert.ok(!keys.includes(seats[0].key));
  assert.ok(keys.includes('testplads-for-paaroerende'), `key made from the label: ${keys}`);
  assert.equal(fieldValue(edit.text, 'status'), 'draft');

  // An approval step: appended, and the charter gets its status.
  r = await c.post(`/charters/${id}/approvals`, { status: '', by_body: '', by_text: '', date: '31-13-2025', note: '' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'status', /Vælg/);
  assertFieldError(r.text, 'date');
  assert.equal(fieldValue(r.text, 'date'), '31-13-2025');
  const ap = await c.get(`/charters/${id}/approvals/new`);
  assert.equal(ap.status, 200);
  assert.deepEqual(selectOptions(ap.text, 'status').map((o) => o.value), ['', 'pre_approved', 'approved']);
  r = await c.post(`/charters/${id}/approvals`, {
    status: 'approved', by_body: '', by_text: 'Formandskabet', date: '2025-05-01', note: 'Testgodkendelse',
  });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/bodies/${bodyId}`);
  const approved = await c.get(`/charters/${id}/edit`);
  assert.equal(fieldValue(approved.text, 'status'), 'approved');
  assert.match(approved.text, /Formandskabet/);
  assert.match(approved.text, /Testgodkendelse/);
});

test('charter edit: an overlap row without a forum but with a number is not lost', async () => {
  const c = await client('/charters/1/edit');
  const form = await c.get('/charters/1/edit');
  const rows = Number(fieldValue(form.text, 'overlap_rows'));
  const last = rows - 1;
  const r = await c.submit('/charters/1/edit', '/charters/1', { [`overlap-${last}-min_persons`]: '2' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, `overlap-${last}-body`, /Vælg et forum/);
  assert.equal(fieldValue(r.text, `overlap-${last}-min_persons`), '2');
});

test('rule errors about one seat rule or approval step are shown in its row; about the list, at its group', async () => {
  const c = await client('/charters/1/edit');
  // The validator says "seats[0].min"; the form shows it in row 0.
  let r = await c.submit('/charters/1/edit', '/charters/1', { 'seat-0-min': '5', 'seat-0-max': '1' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'seat-0-min', /kan ikke være mere end/);
  assert.ok(!r.text.includes('id="f-seats-error"'), 'not at the group');
  assert.equal(fieldValue(r.text, 'seat-0-min'), '5');
  assert.equal(fieldValue(r.text, 'seat-0-max'), '1');

  // A seat the demo's memberships name cannot be deleted: a problem of
  // the list, shown at the group.
  r = await c.submit('/charters/1/edit', '/charters/1', { 'seat-0-delete': '1' });
  assert.equal(r.status, 422);
  assert.ok(r.text.includes('href="#f-seats"'), 'the summary links to the seat rules');
  assert.match(r.text, /<div class="group-errors" tabindex="-1" id="f-seats"><p class="field-error" id="f-seats-error">[\s\S]*?bruges af 1 medlemskab; flyt det først[\s\S]*?<\/p>/);
  assert.equal(fieldValue(r.text, 'seat-0-delete'), '1', 'the delete mark is kept');

  // The new step's errors ("approvals[1].by_body") land at its controls.
  r = await c.post('/charters/1/approvals', { status: 'approved', by_body: '999999', by_text: '', date: '2025-01-01' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'by_body', /Forummet findes ikke/);
  assert.equal(fieldValue(r.text, 'by_body'), '999999', 'an unknown value is kept as an option');
  r = await c.post('/charters/1/approvals', { status: 'approved', by_body: '', by_text: '', date: '2025-01-01' });
  assert.equal(r.status, 422);
  assertFieldError(r.text, 'by_body', /Angiv hvem der godkendte: et forum eller en tekst/);
});
