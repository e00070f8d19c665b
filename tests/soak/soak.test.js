'use strict';
// The bad-input soak (issue 3, item 7) and the request limits (item 6),
// over HTTP against a spawned server. scripts/test.sh runs this file
// against the sanitized server (build-asan/klynge, KLYNGE_SANITIZED=1):
// stop() then fails on any ASan/UBSan/LSan report in its stderr.
//
//   KLYNGE_BIN=./build-asan/klynge KLYNGE_SANITIZED=1 node --test tests/soak/
//
// KLYNGE_SOAK_TOTAL (default 10000) and KLYNGE_SOAK_SEED (default 1)
// change the mix; see soak.js for the categories.

const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { start } = require('../http/helpers');
const { soak, summary, raw } = require('./soak');

const TOTAL = Number(process.env.KLYNGE_SOAK_TOTAL) || 10000;
const SEED = Number(process.env.KLYNGE_SOAK_SEED) || 1;

test(`soak: ${TOTAL} mixed requests, bad input gets 4xx, never a 5xx`, { timeout: 180000 }, async () => {
  const srv = await start();
  try {
    const t0 = Date.now();
    const report = await soak(srv.port, { total: TOTAL, seed: SEED });
    console.log(summary(report));
    console.log(`soak: ${TOTAL} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s, seed ${SEED}, ${report.failures.length} failures`);
    assert.deepEqual(report.failures.slice(0, 10), [], `${report.failures.length} failures`);
    const all = Object.values(report.byCategory).reduce((n, c) => n + c.count, 0);
    assert.equal(all, TOTAL);
    // Still up, and still right.
    const res = await fetch(srv.base + '/api/v1/bodies');
    assert.equal(res.status, 200);
    assert.ok(Array.isArray(await res.json()));
  } finally {
    await srv.stop();	// fails on a sanitizer report
  }
});

test('limits: long URL 414, many headers 431, big headers 431, big body 413 (Danish where ours)', async () => {
  const srv = await start();
  try {
    const long = await raw(srv.port, `GET /bodies?q=${'a'.repeat(8300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(long.status, 414);
    assert.match(long.body, /Adressen er for lang/);
    const longApi = await raw(srv.port, `GET /api/v1/bodies?q=${'a'.repeat(8300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    assert.equal(longApi.status, 414);
    assert.match(longApi.body, /"code":"uri_too_long"/);
    // Just under the limits: served.
    const near = await fetch(`${srv.base}/bodies?q=${'a'.repeat(8000)}`);
    assert.equal(near.status, 200);
    const hundred = Object.fromEntries(Array.from({ length: 85 }, (_, i) => [`x-h${i}`, 'v']));
    assert.equal((await fetch(srv.base + '/', { headers: hundred })).status, 200);

    const lines = Array.from({ length: 101 }, (_, i) => `X-H${i}: v\r\n`).join('');
    const many = await raw(srv.port, `GET / HTTP/1.1\r\nHost: x\r\n${lines}Connection: close\r\n\r\n`);
    assert.equal(many.status, 431);
    assert.match(many.body, /for mange headerfelter/);
    // Beyond the 64 KiB per connection: MHD answers itself.
    const big = await raw(srv.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70000)}\r\nConnection: close\r\n\r\n`);
    assert.equal(big.status, 431);
    const body = await raw(srv.port, `POST /api/v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\nConnection: close\r\n\r\n{`);
    assert.equal(body.status, 413);
  } finally {
    await srv.stop();
  }
});

// Sends `bytes` one at a time every `ms` until the server closes the
// connection; resolves the seconds that took (or Infinity).
function trickle(port, head, bytes, ms, maxS) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const t0 = Date.now();
    let i = 0;
    let timer = null;
    let done = false;
    const finish = (v) => {
      if (done)
        return;
      done = true;
      clearInterval(timer);
      sock.destroy();
      resolve(v);
    };
    sock.on('error', () => finish((Date.now() - t0) / 1000));
    sock.on('close', () => finish((Date.now() - t0) / 1000));
    sock.on('data', () => {});
    sock.on('connect', () => {
      if (head)
        sock.write(head);
      timer = setInterval(() => {
        if ((Date.now() - t0) / 1000 > maxS)
          return finish(Infinity);
        sock.write(bytes[i++ % bytes.length]);
      }, ms);
    });
  });
}

test('slow clients: headers or a body sent byte by byte are cut off at the deadline', async () => {
  const srv = await start({ env: { KLYNGE_HEADER_TIMEOUT: '2', KLYNGE_BODY_TIMEOUT: '2' } });
  try {
    const hdr = 'GET / HTTP/1.1\r\nHost: x\r\n' + 'X-Slow: ' + 'a'.repeat(1000);
    const [slowHeaders, slowBody] = await Promise.all([
      trickle(srv.port, '', hdr, 200, 15),
      trickle(srv.port, 'POST /api/v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
        'a', 200, 15),
    ]);
    // The deadline is 2 s, checked every 0.25 s; the idle timeout (30 s)
    // alone would never end either of them.
    assert.ok(slowHeaders >= 1.5 && slowHeaders < 6, `headers cut after ${slowHeaders} s`);
    assert.ok(slowBody >= 1.5 && slowBody < 6, `body cut after ${slowBody} s`);
    // A request on a fresh connection is served as before.
    const ok = await raw(srv.port, 'GET /api/v1/bodies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(ok.status, 200);
    // A keep-alive connection serves several requests, each with its
    // own deadline: three requests 1.2 s apart outlive one deadline.
    const sock = net.connect({ host: '127.0.0.1', port: srv.port });
    await new Promise((r) => sock.on('connect', r));
    let got = '';
    sock.on('data', (d) => { got += d.toString('latin1'); });
    for (let i = 0; i < 3; i++) {
      sock.write('GET /api/v1/areas HTTP/1.1\r\nHost: x\r\n\r\n');
      await new Promise((r) => setTimeout(r, 1200));
    }
    sock.destroy();
    assert.equal((got.match(/HTTP\/1\.1 200/g) || []).length, 3);
  } finally {
    await srv.stop();
  }
});
