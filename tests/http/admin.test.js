'use strict';
// admin.test.js - account administration for administrators (issue 3,
// leftovers): "Brugere" at /admin/accounts. An administrator creates an
// account whose generated password (shown once) logs in, edits it,
// resets its password (ending its sessions), disables and enables it,
// and makes and revokes API keys; the public is sent to log in, others
// get 403; a form without the session's CSRF token is 403; an
// administrator cannot demote or disable themselves; every change is in
// the account's history.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, json, Client, formFields, unescapeHtml } = require('./helpers');

let srv;
let admin;

before(async () => {
  srv = await start({ accounts: [{ username: 'hans', person: 'p-hans-norgaard' }] });
  admin = await srv.client('admin');
});
after(async () => { await srv.stop(); });

// The value shown once in <code id="...">, or null.
function secret(html, id) {
  const m = html.match(new RegExp(`<code class="secret" id="${id}">([^<]*)</code>`));
  return m ? unescapeHtml(m[1]) : null;
}

async function loginAs(username, password) {
  const c = new Client(srv.base);
  const page = await c.get('/login');
  const fields = formFields(page.text, '/login')
    .map(([n, v]) => [n, n === 'username' ? username : n === 'password' ? password : v]);
  const r = await c.post('/login', fields);
  return { c, status: r.status };
}

// Creates an account through the form; returns { id, password }.
async function createAccount(username, changes = {}) {
  const r = await admin.submit('/admin/accounts/new', '/admin/accounts/new',
    { username, name: `Navn ${username}`, ...changes });
  assert.equal(r.status, 200, r.text.slice(0, 2000));
  const password = secret(r.text, 'adgangskode');
  assert.ok(password && password.length >= 16, 'the generated password is shown');
  const link = r.text.match(/href="\/admin\/accounts\/(\d+)"/);
  assert.ok(link);
  return { id: Number(link[1]), password };
}

test('the public is sent to log in; a non-administrator gets 403', async () => {
  const pub = await fetch(`${srv.base}/admin/accounts`, { redirect: 'manual' });
  assert.equal(pub.status, 303);
  assert.equal(pub.headers.get('location'), '/login?next=%2Fadmin%2Faccounts');
  const hans = await srv.client('hans');
  for (const p of ['/admin/accounts', '/admin/accounts/new', '/admin/accounts/1']) {
    const r = await hans.get(p);
    assert.equal(r.status, 403, p);
    assert.match(r.text, /Du har ikke ret til at ændre dette\./);
  }
  const w = await hans.post('/admin/accounts/new', { username: 'sneaky' });
  assert.equal(w.status, 403);
  const pw = await hans.post('/admin/accounts/1/password', {});
  assert.equal(pw.status, 403);
  // No "Brugere" link for them; the administrator has one.
  assert.doesNotMatch((await hans.get('/')).text, /href="\/admin\/accounts"/);
  assert.match((await admin.get('/')).text, /href="\/admin\/accounts">Brugere</);
});

test('the list shows every account', async () => {
  const r = await admin.get('/admin/accounts');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1>Brugere<\/h1>/);
  assert.match(r.text, />admin<\/a>/);
  assert.match(r.text, />hans<\/a>/);
  assert.match(r.text, /Seneste login/);
  assert.match(r.headers.get('cache-control'), /no-store/);
});

test('an administrator creates an account; its generated password logs in', async () => {
  const { id, password } = await createAccount('karen', { admin: '1' });
  const { c, status } = await loginAs('karen', password);
  assert.equal(status, 303);
  assert.equal((await c.get('/admin/accounts')).status, 200, 'an administrator');
  // Shown once: the account's page does not show it again.
  const page = await admin.get(`/admin/accounts/${id}`);
  assert.equal(page.status, 200);
  assert.equal(secret(page.text, 'adgangskode'), null);
  assert.doesNotMatch(page.text, new RegExp(password));
  // Bad or duplicate usernames are refused in Danish, values kept.
  const dup = await admin.submit('/admin/accounts/new', '/admin/accounts/new', { username: 'karen' });
  assert.equal(dup.status, 409);
  assert.match(dup.text, /Brugernavnet er allerede i brug\./);
  const bad = await admin.submit('/admin/accounts/new', '/admin/accounts/new', { username: 'Karen Ø' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /små bogstaver/);
  assert.match(bad.text, /value="Karen Ø"/);
});

test('a form without the session\'s CSRF token is refused (403)', async () => {
  const r = await admin.post('/admin/accounts/new', { username: 'nocsrf' }, { csrf: false });
  assert.equal(r.status, 403);
  const list = await admin.get('/admin/accounts');
  assert.doesNotMatch(list.text, />nocsrf</);
});

test('edit name, person and administrator; the history records it', async () => {
  const { id } = await createAccount('lise');
  const r = await admin.submit(`/admin/accounts/${id}`, `/admin/accounts/${id}`,
    { name: 'Lise Ny', admin: '1' });
  assert.equal(r.status, 303);
  const page = await admin.get(`/admin/accounts/${id}`);
  assert.match(page.text, /value="Lise Ny"/);
  assert.match(page.text, /id="admin" name="admin" type="checkbox" value="1" checked/);
  assert.match(page.text, /<h2>Historik<\/h2>/);
  assert.match(page.text, /Lise Ny/);
  // A person that does not exist.
  const bad = await admin.submit(`/admin/accounts/${id}`, `/admin/accounts/${id}`, { person: '99999' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Personen findes ikke\./);
});

test('"Nulstil adgangskode" shows a new password once and ends every session', async () => {
  const { id, password } = await createAccount('mette');
  const { c } = await loginAs('mette', password);
  assert.match((await c.get('/')).text, /Navn mette/);
  const r = await admin.post(`/admin/accounts/${id}/password`, {});
  assert.equal(r.status, 200);
  const fresh = secret(r.text, 'adgangskode');
  assert.ok(fresh && fresh !== password);
  // The old session is over, the old password is refused, the new works.
  assert.doesNotMatch((await c.get('/')).text, /Navn mette/);
  assert.equal((await loginAs('mette', password)).status, 401);
  assert.equal((await loginAs('mette', fresh)).status, 303);
});

test('"Deaktiver" logs the account out and stops logins; "Aktiver" opens it again', async () => {
  const { id, password } = await createAccount('niels');
  const { c } = await loginAs('niels', password);
  assert.equal((await admin.post(`/admin/accounts/${id}/disable`, {})).status, 303);
  assert.doesNotMatch((await c.get('/')).text, /Navn niels/);
  assert.equal((await loginAs('niels', password)).status, 401);
  const list = await admin.get('/admin/accounts');
  assert.match(list.text, />niels<\/a>[\s\S]*?Deaktiveret/);
  assert.equal((await admin.post(`/admin/accounts/${id}/enable`, {})).status, 303);
  assert.equal((await loginAs('niels', password)).status, 303);
});

test('an administrator cannot remove their own administrator right or disable themselves', async () => {
  const me = (await admin.get('/admin/accounts')).text.match(/href="\/admin\/accounts\/(\d+)">admin</)[1];
  const demote = await admin.submit(`/admin/accounts/${me}`, `/admin/accounts/${me}`, { admin: null });
  assert.equal(demote.status, 422);
  assert.match(demote.text, /Du kan ikke fjerne din egen administratorret/);
  const off = await admin.post(`/admin/accounts/${me}/disable`, {});
  assert.equal(off.status, 422);
  assert.match(off.text, /Du kan ikke deaktivere din egen konto/);
  // Still an administrator, still logged in.
  assert.equal((await admin.get('/admin/accounts')).status, 200);
});

test('API keys: made on the account page (shown once), used, revoked', async () => {
  const { id } = await createAccount('robot');
  const r = await admin.submit(`/admin/accounts/${id}`, `/admin/accounts/${id}/tokens`, { label: 'Mødekalender' });
  assert.equal(r.status, 200);
  const token = secret(r.text, 'api-noegle');
  assert.match(token, /^klynge_[0-9a-f]{64}$/);
  const auth = { headers: { Authorization: `Bearer ${token}` } };
  assert.equal((await json(`${srv.base}/api/v1/bodies`, auth)).status, 200);
  const page = await admin.get(`/admin/accounts/${id}`);
  assert.match(page.text, /Mødekalender/);
  assert.doesNotMatch(page.text, new RegExp(token.slice(7)));
  const revoke = page.text.match(/action="(\/admin\/accounts\/\d+\/tokens\/\d+\/revoke)"/)[1];
  assert.equal((await admin.post(revoke, {})).status, 303);
  assert.equal((await json(`${srv.base}/api/v1/bodies`, auth)).status, 401);
  assert.match((await admin.get(`/admin/accounts/${id}`)).text, /Tilbagekaldt/);
  // Another account's key cannot be revoked through this one's page.
  const other = revoke.replace(`/admin/accounts/${id}/`, '/admin/accounts/1/');
  assert.equal((await admin.post(other, {})).status, 404);
});

test('unknown accounts are 404', async () => {
  assert.equal((await admin.get('/admin/accounts/99999')).status, 404);
  assert.equal((await admin.get('/admin/accounts/abc')).status, 404);
});

test('the login redirect from a form page keeps its query string (a local path only)', async () => {
  const c = new Client(srv.base);
  const r = await c.get('/organisations/new?kind=municipality&x=a%26b');
  assert.equal(r.status, 303);
  const loc = r.location;
  assert.equal(loc, '/login?next=' + encodeURIComponent('/organisations/new?kind=municipality&x=a%26b'));
  const page = await c.get(loc);
  const fields = formFields(page.text, '/login');
  assert.equal(fields.find(([n]) => n === 'next')[1], '/organisations/new?kind=municipality&x=a%26b');
  const done = await c.post('/login', fields.map(([n, v]) => [n,
    n === 'username' ? 'admin' : n === 'password' ? 'klynge-test-adgangskode' : v]));
  assert.equal(done.status, 303);
  assert.equal(done.location, '/organisations/new?kind=municipality&x=a%26b');
  // Not a way out of the site.
  const evil = await c.get('/login?next=' + encodeURIComponent('//evil.example/?a=b'));
  assert.equal(formFields(evil.text, '/login').find(([n]) => n === 'next')[1], '');
});
