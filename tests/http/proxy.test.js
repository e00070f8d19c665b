'use strict';
// proxy.test.js - behind a reverse proxy (KLYNGE_TRUSTED_PROXIES): the
// login rate limit counts the client named by X-Forwarded-For when the
// peer is a trusted proxy, and ignores the header otherwise.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { start, Client, formFields } = require('./helpers');

// One failed login as username from the given X-Forwarded-For.
async function fail(srv, username, xff) {
  const c = new Client(srv.base);
  const page = await c.get('/login');
  const fields = formFields(page.text, '/login')
    .map(([n, v]) => [n, n === 'username' ? username : n === 'password' ? 'forkert-forkert' : v]);
  const body = new URLSearchParams(fields).toString();
  const res = await fetch(srv.base + '/login', {
    method: 'POST', redirect: 'manual', body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: c.cookieHeader(), 'x-forwarded-for': xff },
  });
  await res.text();
  return res.status;
}

test('trusted proxy: each client behind it is limited on its own', async () => {
  const srv = await start({ env: { KLYNGE_TRUSTED_PROXIES: '127.0.0.1,::1' } });
  try {
    // Five failures from one client (its own forged entry on the left
    // does not help it), each for a different username.
    for (let i = 0; i < 5; i++)
      assert.equal(await fail(srv, `u${i}`, `9.9.9.${i}, 203.0.113.9`), 401);
    assert.equal(await fail(srv, 'u9', '203.0.113.9'), 429);
    // Another client behind the same proxy is not affected.
    assert.equal(await fail(srv, 'u10', '203.0.113.10'), 401);
  } finally {
    await srv.stop();
  }
});

test('no trusted proxies (the default): X-Forwarded-For is ignored', async () => {
  const srv = await start();
  try {
    for (let i = 0; i < 5; i++)
      assert.equal(await fail(srv, `u${i}`, `203.0.113.${i}`), 401);
    // Every request came from 127.0.0.1, whatever the header said.
    assert.equal(await fail(srv, 'u9', '203.0.113.99'), 429);
  } finally {
    await srv.stop();
  }
});
