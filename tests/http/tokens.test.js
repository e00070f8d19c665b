'use strict';
// tokens.test.js - API tokens for machine clients (issue 3, leftovers):
// "Authorization: Bearer klynge_<hex>" acts as the token's account on
// /api/ and /oparl/ without cookies (reads and JSON writes), a wrong,
// revoked or disabled account's token is 401 with WWW-Authenticate, the
// header means nothing on pages and forms (the public), the database
// keeps only a hash, and `klynge token add|list|revoke` manage them.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { start, json, send, repoRoot } = require('./helpers');

const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');

let srv;

function klynge(args) {
  const r = spawnSync(bin, ['--db', srv.db, ...args], { encoding: 'utf8' });
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error:|LeakSanitizer/);
  return r;
}

function tokenAdd(user, label) {
  const r = klynge(['token', 'add', user, ...(label ? ['--label', label] : [])]);
  assert.equal(r.status, 0, r.stderr);
  const token = r.stdout.trim();
  assert.match(token, /^klynge_[0-9a-f]{64}$/);
  return token;
}

function sqlite(sql) {
  const r = spawnSync('sqlite3', [srv.db, sql], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

const bearer = (t) => ({ Authorization: `Bearer ${t}` });
const api = (p) => `${srv.base}/api/v1${p}`;

before(async () => {
  srv = await start({ accounts: [{ username: 'hans', person: 'p-hans-norgaard' }] });
});
after(async () => { await srv.stop(); });

test('a token reads and writes the API as its account, with no cookies', async () => {
  const token = tokenAdd('admin', 'Intranettet');
  const g = await json(api('/organisations/1'), { headers: bearer(token) });
  assert.equal(g.status, 200);
  assert.doesNotMatch(g.headers.get('set-cookie') || '', /sid=/, 'no session for a token');
  const r = await send(api('/organisations/1'), 'PUT', { short_name: 'TOK' }, bearer(token));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.short_name, 'TOK');
  // The audit log names the account, as for a login.
  assert.equal(sqlite("SELECT actor FROM audit WHERE kind = 'organisation' ORDER BY id DESC LIMIT 1"), 'admin');
  // The JSON rule for writes still holds (no cookies: no CSRF either).
  const plain = await json(api('/organisations/1'), {
    method: 'PUT', headers: { ...bearer(token), 'Content-Type': 'text/plain' },
    body: JSON.stringify({ short_name: 'X' }),
  });
  assert.equal(plain.status, 415);
  // OParl too (always the public's view), and the scheme in any case.
  const o = await json(`${srv.base}/oparl/v1`, { headers: { Authorization: `bearer ${token}` } });
  assert.equal(o.status, 200);
});

test('the database keeps only a hash of the token; last use is recorded', async () => {
  const token = tokenAdd('admin', 'hash-test');
  const hex = token.slice('klynge_'.length);
  const rows = sqlite('SELECT token_hash FROM api_token').split('\n');
  assert.ok(rows.every((h) => /^[0-9a-f]{64}$/.test(h) && h !== hex && !token.includes(h)));
  await json(api('/bodies'), { headers: bearer(token) });
  assert.notEqual(sqlite("SELECT coalesce(last_used, 0) FROM api_token WHERE label = 'hash-test'"), '0');
});

test('a wrong or revoked token is 401 with WWW-Authenticate, never the public', async () => {
  const wrong = await json(api('/bodies'), { headers: bearer('klynge_' + '0'.repeat(64)) });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.code, 'invalid_token');
  assert.match(wrong.headers.get('www-authenticate'), /^Bearer realm="klynge", error="invalid_token"$/);
  const junk = await json(api('/bodies'), { headers: bearer('nonsense') });
  assert.equal(junk.status, 401);

  const token = tokenAdd('admin', 'revoke-me');
  assert.equal((await json(api('/bodies'), { headers: bearer(token) })).status, 200);
  const list = klynge(['token', 'list', 'admin']);
  assert.equal(list.status, 0, list.stderr);
  const line = list.stdout.split('\n').find((l) => l.includes('"revoke-me"'));
  assert.ok(line, list.stdout);
  const id = line.split(/\s+/)[0];
  const rv = klynge(['token', 'revoke', id]);
  assert.equal(rv.status, 0, rv.stderr);
  assert.match(klynge(['token', 'list', 'admin']).stdout, /"revoke-me".*tilbagekaldt/);
  const r = await json(api('/bodies'), { headers: bearer(token) });
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'invalid_token');
  assert.equal(klynge(['token', 'revoke', '99999']).status, 1);
  assert.equal(klynge(['token', 'add', 'nobody']).status, 1);
});

test('the API\'s 401 for a missing login names the Bearer scheme', async () => {
  const r = await send(api('/organisations/1'), 'PUT', { short_name: 'X' });
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'login_required');
  assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="klynge"');
});

test('a token on a page or form is ignored: the public', async () => {
  const token = tokenAdd('admin', 'page');
  const page = await fetch(`${srv.base}/organisations/new`, { headers: bearer(token), redirect: 'manual' });
  assert.equal(page.status, 303);
  assert.match(page.headers.get('location'), /^\/login\?next=/);
  const home = await fetch(`${srv.base}/`, { headers: bearer(token) });
  assert.match(await home.text(), /Log ind/);
  // A bad token on a page is ignored as well (not a 401).
  const bad = await fetch(`${srv.base}/`, { headers: bearer('klynge_x') });
  assert.equal(bad.status, 200);
});

test('a disabled account\'s tokens stop working, and work again when enabled', async () => {
  const token = tokenAdd('hans');
  assert.equal((await json(api('/bodies'), { headers: bearer(token) })).status, 200);
  // hans may read but not change organisations: 403, not 401.
  const w = await send(api('/organisations/1'), 'PUT', { short_name: 'H' }, bearer(token));
  assert.equal(w.status, 403);
  assert.equal(klynge(['user', 'disable', 'hans']).status, 0);
  const r = await json(api('/bodies'), { headers: bearer(token) });
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'invalid_token');
  assert.equal(klynge(['user', 'enable', 'hans']).status, 0);
  assert.equal((await json(api('/bodies'), { headers: bearer(token) })).status, 200);
});
