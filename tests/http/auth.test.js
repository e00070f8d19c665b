'use strict';
// auth.test.js - accounts and login (issue 3, item 1): the session
// cookie and its flags, Danish failures that never say which part was
// wrong, rate limiting, logout and password resets that end sessions
// server-side, the token never stored in clear, local-only next=, the
// trusted-header mode (off by default), the audit log naming the user,
// and forms whose CSRF token is bound to the session. Writes need a
// login (the permission matrix itself is permissions.test.js).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  start, repoRoot, Client, formFields, unescapeHtml,
} = require('./helpers');

const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const PW = 'en meget lang adgangskode';
const FAILED = 'Forkert brugernavn eller adgangskode.';

let srv;

function klynge(db, args, input) {
  const r = spawnSync(bin, ['--db', db, ...args], { encoding: 'utf8', input });
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error:|LeakSanitizer/);
  return r;
}

function addUser(db, name, extra = [], pw = PW) {
  const r = klynge(db, ['user', 'add', name, ...extra], pw + '\n');
  assert.equal(r.status, 0, r.stderr);
}

function sqlite(db, sql) {
  const r = spawnSync('sqlite3', [db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// Logs c in through the form, the way a browser does.
async function login(c, username, password, next = null) {
  const page = await c.get(next === null ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  assert.equal(page.status, 200);
  const fields = formFields(page.text, '/login')
    .map(([n, v]) => [n, n === 'username' ? username : n === 'password' ? password : v]);
  return c.post('/login', fields);
}

function setCookies(res) {
  return res.headers.getSetCookie ? res.headers.getSetCookie() : [res.headers.get('set-cookie')];
}

function sidCookie(res) {
  return setCookies(res).find((c) => c.startsWith('sid='));
}

// The name in the page header, or null when it offers "Log ind".
function headerName(html) {
  const m = html.match(/<div class="account">([\s\S]*?)<\/div>/);
  assert.ok(m, 'the header has an account box');
  const who = m[1].match(/<span class="who">([^<]*)<\/span>/);
  if (who)
    return unescapeHtml(who[1]);
  assert.match(m[1], /Log ind/);
  return null;
}

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: '2025-06-01' } });
  addUser(srv.db, 'anna', ['--name', 'Anna Ørsted', '--admin']);
  addUser(srv.db, 'bo');
  addUser(srv.db, 'carl');
  addUser(srv.db, 'dora');
  const r = klynge(srv.db, ['user', 'disable', 'dora']);
  assert.equal(r.status, 0, r.stderr);
});

after(async () => {
  if (srv)
    await srv.stop();
});

test('klynge user: short passwords refused in Danish, list shows accounts', () => {
  const r = klynge(srv.db, ['user', 'add', 'kort'], 'elleve tegn\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /adgangskoden er for kort – den skal være mindst 12 tegn/);
  const bad = klynge(srv.db, ['user', 'add', 'Stort'], PW + '\n');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /ugyldigt brugernavn/);
  const dup = klynge(srv.db, ['user', 'add', 'bo'], PW + '\n');
  assert.equal(dup.status, 1);
  assert.match(dup.stderr, /Brugernavnet er allerede i brug/);
  const list = klynge(srv.db, ['user', 'list']);
  assert.equal(list.status, 0);
  assert.match(list.stdout, /^anna {2}"Anna Ørsted" {2}administrator$/m);
  assert.match(list.stdout, /^dora {2}.*spærret$/m);
  // No password hash in the audit log.
  const audit = klynge(srv.db, ['audit', '--kind', 'account']);
  assert.equal(audit.status, 0);
  assert.match(audit.stdout, /account anna \(id \d+\) {2}oprettet/);  // id 1 is the helpers' admin
  assert.doesNotMatch(audit.stdout, /argon2/);
});

test('login: sid cookie HttpOnly + SameSite=Lax (no Secure by default), header names the user', async () => {
  const c = new Client(srv.base);
  const anon = await c.get('/bodies');
  assert.equal(headerName(anon.text), null);
  assert.match(anon.text, /href="\/login\?next=%2Fbodies"/);
  const r = await login(c, 'anna', PW, '/bodies');
  assert.equal(r.status, 303);
  assert.equal(r.location, '/bodies');
  const sid = sidCookie(r);
  assert.match(sid, /^sid=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Lax$/);
  assert.doesNotMatch(sid, /Secure/);
  const page = await c.get('/bodies');
  assert.equal(page.status, 200);
  assert.equal(headerName(page.text), 'Anna Ørsted');
  assert.match(page.text, /<form method="post" action="\/logout">/);
  assert.match(page.headers.get('cache-control') || '', /private/);
  // The public still gets the shared page without a name.
  const pub = await fetch(srv.base + '/bodies');
  assert.equal(headerName(await pub.text()), null);
});

test('wrong password, unknown user and disabled account: 401, the same Danish message, username kept', async () => {
  const c = new Client(srv.base);
  for (const [user, pw] of [['bo', 'forkert forkert'], ['nemo', PW], ['dora', PW]]) {
    const r = await login(c, user, pw);
    assert.equal(r.status, 401, user);
    const html = unescapeHtml(r.text);
    assert.ok(html.includes(FAILED), user);
    assert.doesNotMatch(html, /findes ikke|spærret|forkert adgangskode\b/i);
    assert.equal(formFields(r.text, '/login').find(([n]) => n === 'username')[1], user);
    assert.equal(sidCookie(r), undefined);
  }
});

test('the session token is never stored in clear', async () => {
  const c = new Client(srv.base);
  const r = await login(c, 'bo', PW);
  assert.equal(r.status, 303);
  const token = sidCookie(r).match(/^sid=([0-9a-f]{64})/)[1];
  const hashes = sqlite(srv.db, 'SELECT token_hash FROM session').split('\n');
  assert.ok(hashes.length >= 1);
  assert.ok(hashes.every((h) => /^[0-9a-f]{64}$/.test(h) && h !== token));
  assert.equal(sqlite(srv.db, `SELECT count(*) FROM session WHERE token_hash = '${token}' OR csrf = '${token}'`), '0');
});

test('logout deletes the session server-side: the old cookie no longer logs in', async () => {
  const c = new Client(srv.base);
  assert.equal((await login(c, 'bo', PW)).status, 303);
  const sid = c.cookies.get('sid');
  const page = await c.get('/');
  assert.equal(headerName(page.text), 'bo');
  const out = await c.post('/logout', formFields(page.text, '/logout'));
  assert.equal(out.status, 303);
  assert.equal(out.location, '/');
  assert.match(sidCookie(out), /^sid=; .*Max-Age=0/);
  // A client that kept the old cookie is the public again.
  const old = new Client(srv.base);
  old.cookies.set('sid', sid);
  const again = await old.get('/');
  assert.equal(headerName(again.text), null);
});

test('klynge user passwd ends the account\'s sessions; the new password works, the old does not', async () => {
  const c = new Client(srv.base);
  assert.equal((await login(c, 'carl', PW)).status, 303);
  assert.equal(headerName((await c.get('/')).text), 'carl');
  const r = klynge(srv.db, ['user', 'passwd', 'carl'], 'en helt ny adgangskode\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(headerName((await c.get('/')).text), null);
  const c2 = new Client(srv.base);
  assert.equal((await login(c2, 'carl', PW)).status, 401);
  assert.equal((await login(c2, 'carl', 'en helt ny adgangskode')).status, 303);
});

test('next= only to local paths', async () => {
  for (const [next, want] of [['https://evil.example', '/'], ['//evil.example/x', '/'],
    ['/people?q=a', '/people?q=a'], ['', '/']]) {
    const c = new Client(srv.base);
    const r = await login(c, 'anna', PW, next);
    assert.equal(r.status, 303, next);
    assert.equal(r.location, want, next);
  }
});

test('forms work when logged in; the CSRF token is the session\'s, not the anonymous cookie', async () => {
  const c = new Client(srv.base);
  await c.get('/');			// an anonymous csrf cookie first
  const anonCsrf = c.csrf;
  assert.match(anonCsrf, /^[0-9a-f]{64}$/);
  assert.equal((await login(c, 'anna', PW)).status, 303);
  const form = '/memberships/3/edit';
  const page = await c.get(form);
  assert.equal(page.status, 200);
  const fields = formFields(page.text, '/memberships/3');
  const tok = fields.find(([n]) => n === 'csrf')[1];
  assert.notEqual(tok, anonCsrf, 'the page carries the session token');

  // The anonymous cookie's token does not pass for a logged-in POST.
  const forged = fields.map(([n, v]) => [n, n === 'csrf' ? anonCsrf : n === 'end' ? '2031-01-31' : v]);
  const refused = await c.post('/memberships/3', forged);
  assert.equal(refused.status, 403);

  // The form as the page gave it goes through, and the audit log names anna.
  const ok = await c.submit(form, '/memberships/3', { end: '2031-12-31' });
  assert.equal(ok.status, 303);
  const actor = sqlite(srv.db, "SELECT actor FROM audit WHERE kind = 'membership' ORDER BY id DESC LIMIT 1");
  assert.equal(actor, 'anna');
  const log = klynge(srv.db, ['audit', '--kind', 'membership', '--limit', '1']);
  assert.match(log.stdout, / anna {2}membership /);

  // An anonymous edit is sent to the login (the form's page as next=)
  // and changes nothing: the last writer is still anna.
  const anon = new Client(srv.base);
  const g = await anon.get(form);
  assert.equal(g.status, 303);
  assert.equal(g.location, '/login?next=%2Fmemberships%2F3%2Fedit');
  await anon.get('/');
  const r = await anon.post('/memberships/3', fields.map(([n, v]) => [n, n === 'csrf' ? anon.csrf : n === 'end' ? '2032-12-31' : v]));
  assert.equal(r.status, 303);
  assert.equal(r.location, '/login?next=%2Fmemberships%2F3%2Fedit');
  assert.equal(sqlite(srv.db, "SELECT actor FROM audit WHERE kind = 'membership' ORDER BY id DESC LIMIT 1"), 'anna');
});

test('trusted header is ignored when the mode is off', async () => {
  const r = await fetch(srv.base + '/', {
    headers: { 'X-Remote-User': 'anna', 'X-Klynge-Proxy-Secret': 'hemmelig' },
  });
  assert.equal(headerName(await r.text()), null);
});

test('Secure cookies with KLYNGE_SECURE_COOKIES=1; the 6th attempt in a row is refused with 429', async () => {
  const s = await start({ env: { KLYNGE_SECURE_COOKIES: '1' } });
  try {
    addUser(s.db, 'eva');
    const c = new Client(s.base);
    const ok = await login(c, 'eva', PW);
    assert.equal(ok.status, 303);
    assert.match(sidCookie(ok), /; HttpOnly; SameSite=Lax; Secure$/);

    const d = new Client(s.base);
    for (let i = 1; i <= 5; i++)
      assert.equal((await login(d, 'eva', 'forkert forkert ' + i)).status, 401, `attempt ${i}`);
    // Now refused without looking at the password: the right one too.
    const r = await login(d, 'eva', PW);
    assert.equal(r.status, 429);
    assert.match(unescapeHtml(r.text), /For mange forkerte forsøg\. Prøv igen om 15 minutter\./);
    assert.equal(sidCookie(r), undefined);
  } finally {
    await s.stop();
  }
});

test('trusted header: the right secret logs in as the named account, a wrong one is ignored', async () => {
  const secret = 'proxy-hemmelighed-123';
  const s = await start({ env: { KLYNGE_TRUSTED_HEADER: 'X-Remote-User', KLYNGE_TRUSTED_SECRET: secret } });
  try {
    addUser(s.db, 'anna', ['--name', 'Anna Ørsted']);
    addUser(s.db, 'dora');
    klynge(s.db, ['user', 'disable', 'dora']);
    const get = async (headers) => headerName(await (await fetch(s.base + '/', { headers })).text());
    assert.equal(await get({ 'X-Remote-User': 'anna', 'X-Klynge-Proxy-Secret': secret }), 'Anna Ørsted');
    assert.equal(await get({ 'X-Remote-User': 'anna', 'X-Klynge-Proxy-Secret': secret + 'x' }), null);
    assert.equal(await get({ 'X-Remote-User': 'anna' }), null);
    assert.equal(await get({ 'X-Remote-User': 'nemo', 'X-Klynge-Proxy-Secret': secret }), null);
    assert.equal(await get({ 'X-Remote-User': 'dora', 'X-Klynge-Proxy-Secret': secret }), null);
  } finally {
    await s.stop();
  }
});
