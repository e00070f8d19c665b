'use strict';
// Bad-input soak: a bounded number of mixed requests, most of them
// malformed, against a running klynge server on 127.0.0.1.
//
//   const { soak } = require('./soak');
//   const report = await soak(port, { total: 10000, seed: 1 });
//
// Every request belongs to a category and has an expectation:
//   ok       2xx or 3xx (valid requests)
//   bad      4xx
//   closed   4xx, or the connection closed without an answer (truncated
//            requests, bodies cut off, random bytes)
//   any      any answer but a 5xx (syntax MHD tolerates)
// Whatever the expectation, a 5xx, a timeout or an answer that shows a
// filesystem path, /etc/passwd, a sanitizer report or a source location
// is a failure. Malformed requests go over raw sockets (node:net), the
// rest through fetch. The request mix is fixed by the seed.
//
// Run alone: node tests/soak/soak.js PORT [TOTAL] [SEED]

const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const LEAK = new RegExp([
  'root:x:0:0', 'AddressSanitizer', 'LeakSanitizer', 'runtime error:',
  '\\bsrc/[a-z_/]+\\.c\\b', '\\.c:\\d+', 'SQLITE_', 'sqlite3_',
  escapeRe(repoRoot + '/'), escapeRe(path.join(os.tmpdir(), 'klynge-')),
].join('|'));

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// mulberry32: a small seeded generator, so a failing mix can be rerun.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    bytes: (n) => {
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++)
        b[i] = Math.floor(next() * 256);
      return b;
    },
  };
}

// ---- transports -------------------------------------------------------------

// Writes data (a Buffer or string, or a list of them written in turn)
// to a new connection and reads one answer. end: half-close after
// writing (a truncated request). Resolves { status, body } where status
// is the HTTP status, 'closed' (closed without an answer), 'held' (a
// half-closed request with no answer yet: MHD 0.9.75 with edge-triggered
// epoll may not see a FIN that arrives with the last data, and then
// leaves the connection to the idle timeout or the request deadline) or
// 'timeout'.
function raw(port, data, { end = false, head = false, timeoutMs = end ? 2000 : 10000 } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (status) => {
      if (done)
        return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      const buf = Buffer.concat(chunks);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(buf.subarray(0, 20).toString('latin1'));
      const first = Array.isArray(data) ? data[0] : data;
      resolve({ status: m ? Number(m[1]) : status, body: buf.toString('latin1'),
        sent: Buffer.from(first).subarray(0, 160).toString('latin1') });
    };
    const timer = setTimeout(() => finish(end ? 'held' : 'timeout'), timeoutMs);
    sock.on('data', (d) => {
      chunks.push(d);
      size += d.length;
      // One complete answer is enough (the connection may stay open).
      const buf = Buffer.concat(chunks);
      const he = buf.indexOf('\r\n\r\n');
      if (he < 0)
        return;
      const headers = buf.subarray(0, he).toString('latin1');
      const cl = /\r\ncontent-length:\s*(\d+)/i.exec(headers);
      if (head || (cl && size >= he + 4 + Number(cl[1])))
        finish('closed');
    });
    sock.on('error', () => finish('closed'));
    sock.on('close', () => finish('closed'));
    sock.on('connect', () => {
      const parts = Array.isArray(data) ? data : [data];
      for (const p of parts)
        sock.write(p);
      if (end)
        sock.end();
    });
  });
}

async function viaFetch(base, p, init = {}) {
  try {
    const res = await fetch(base + p, {
      redirect: 'manual', signal: AbortSignal.timeout(10000), ...init,
    });
    const body = await res.text();
    return { status: res.status, body };
  } catch (e) {
    return { status: e.name === 'TimeoutError' ? 'timeout' : 'fetch-error', body: String(e) };
  }
}

// ---- the request mix ----------------------------------------------------------

const PAGES = [
  '/', '/bodies', '/bodies/1', '/bodies/2', '/people', '/people/1',
  '/organisations', '/organisations/1', '/areas', '/areas/1',
  '/bodies/new', '/people/new', '/organisations/new', '/bodies/1/edit',
  '/people/1/edit', '/bodies/1/memberships/new', '/bodies/1/charters/new',
  '/static/klynge.css', '/static/favicon.svg', '/?date=2026-01-01',
];
const API = [
  '/api/v1/bodies', '/api/v1/bodies/1', '/api/v1/people', '/api/v1/people/1',
  '/api/v1/organisations', '/api/v1/areas', '/api/v1/charters',
  '/api/v1/memberships', '/api/v1/rotations', '/api/v1/bodies/1/check',
  '/api/v1/bodies/1/members', '/api/v1/people/1/memberships',
  '/oparl/v1', '/oparl/v1/system', '/oparl/v1/bodies', '/oparl/v1/body/1',
  '/oparl/v1/body/1/person', '/oparl/v1/body/1/organization',
  '/oparl/v1/body/1/membership', '/oparl/v1/body/1/meeting',
  '/oparl/v1/body/1/paper', '/oparl/v1/person/1', '/oparl/v1/organization/1',
];
const FORM_POSTS = [
  '/organisations', '/organisations/1', '/organisations/1/delete', '/people',
  '/people/1', '/people/1/delete', '/bodies', '/bodies/1', '/bodies/1/delete',
  '/bodies/1/memberships', '/bodies/1/charters', '/charters/1',
  '/charters/1/approvals', '/memberships/1', '/memberships/1/delete',
];
const API_WRITES = ['/api/v1/organisations', '/api/v1/people', '/api/v1/bodies',
  '/api/v1/charters', '/api/v1/memberships', '/api/v1/areas', '/api/v1/rotations'];

const BAD_ESCAPES = ['%', '%g', '%zz', '%0', '%00', 'a%00b', '%C3%28', '%ED%A0%80',
  '%F4%90%80%80', '%C0%AF', '%FF%FE', '%E2%82', '%%%', '%2', '%u00e6'];
const BAD_UTF8 = [Buffer.from([0xff]), Buffer.from([0xc3, 0x28]),
  Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]), Buffer.from([0xe2, 0x82]),
  Buffer.from([0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80])];

function req(method, target, headers = {}, body = null) {
  if (body !== null && !Buffer.isBuffer(body))
    body = Buffer.from(body, 'latin1');
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [k, v] of Object.entries(headers))
    lines.push(`${k}: ${v}`);
  if (body !== null && !Object.keys(headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k)))
    lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  const head = Buffer.from(lines.join('\r\n'), 'latin1');
  return body === null ? head : Buffer.concat([head, body]);
}

// Deep nesting stays under the 1 MiB body limit (150,000 x '{"a":' plus
// the closing braces is 0.9 MB): a body over the limit is refused with
// 413 and the connection closed while the client may still be sending,
// so its answer can be lost to a TCP reset. Over-limit bodies are the
// 'huge-form' and 'bad-content-length' categories, which allow that.
function deepJson(r) {
  const n = r.pick([100, 3000, 50000, 150000]);
  const open = r.pick(['[', '{"a":']);
  const close = open === '[' ? ']' : '}';
  return open.repeat(n) + '1' + (r.next() < 0.5 ? close.repeat(n) : '');
}

// Each category: weight (share of the total), expectation, and a
// function making one request (given the generator and the context).
function categories(ctx) {
  const { base, port, csrf } = ctx;
  const cookie = `csrf=${csrf}`;
  return {
    'valid-page': { weight: 14, expect: 'ok',
      run: (r) => viaFetch(base, r.pick(PAGES)) },
    'valid-api': { weight: 12, expect: 'ok',
      run: (r) => viaFetch(base, r.pick(API)) },
    'valid-head': { weight: 2, expect: 'ok',
      run: (r) => raw(port, req('HEAD', r.pick(PAGES.concat(API))), { head: true }) },
    'bad-form': { weight: 8, expect: 'bad', run: (r) => {
      // A valid CSRF token, so the body parser itself is reached.
      const bad = r.pick(BAD_ESCAPES);
      const where = r.int(3);
      const body = where === 0 ? `name=${bad}&csrf=${csrf}`
        : where === 1 ? `${bad}=x&csrf=${csrf}`
        : `csrf=${csrf}&kind=other&x=${'y'.repeat(r.int(2000))}&name=a${bad}`;
      return raw(port, req('POST', r.pick(FORM_POSTS), {
        'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, body));
    } },
    'bad-form-bytes': { weight: 3, expect: 'bad', run: (r) => {
      const raw8 = Buffer.concat([Buffer.from(`csrf=${csrf}&name=`), r.pick(BAD_UTF8.concat([Buffer.from([0])]))]);
      return raw(port, req('POST', r.pick(FORM_POSTS), {
        'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, raw8));
    } },
    'huge-form': { weight: 1, expect: 'closed', run: (r) => {
      // Over 1 MiB (413), or just under it without a CSRF field (403).
      const over = r.next() < 0.5;
      const body = `csrf=${over ? csrf : 'x'}&name=${'a'.repeat(over ? 1100000 : 900000)}`;
      return raw(port, req('POST', r.pick(FORM_POSTS), {
        'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, body));
    } },
    'many-fields': { weight: 1, expect: 'bad', run: (r) => {
      const n = r.pick([5000, 20000]);
      const body = `csrf=${csrf}&` + Array.from({ length: n }, (_, i) => `f${i}=1`).join('&');
      return raw(port, req('POST', r.pick(FORM_POSTS), {
        'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie }, body));
    } },
    'multipart': { weight: 2, expect: 'bad', run: (r) => {
      const kind = r.int(4);
      const b = 'XyZ';
      const part = (name, val) => `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${val}\r\n`;
      let ct = `multipart/form-data; boundary=${b}`;
      let body = part('csrf', csrf) + part('name', 'x') + `--${b}--\r\n`;
      if (kind === 0)
        ct = 'multipart/form-data';                 // no boundary
      else if (kind === 1)
        body = part('csrf', 'wrong') + `--${b}--\r\n`;  // bad token
      else if (kind === 2)
        body = Buffer.concat([Buffer.from(part('csrf', csrf) + part('name', '')), Buffer.from([0, 0xff]), Buffer.from(`\r\n--${b}--\r\n`)]);
      else
        body = `--${b}\r\nContent-Disposition: form-data; name="\xff"\r\n\r\nx\r\n--${b}--\r\n`;
      return raw(port, req('POST', r.pick(FORM_POSTS), { 'Content-Type': ct, Cookie: cookie }, body));
    } },
    'csrf-less': { weight: 5, expect: 'bad', run: (r) => {
      const k = r.int(4);
      const p = r.pick(FORM_POSTS);
      if (k === 0)
        return viaFetch(base, p, { method: 'POST', body: 'name=x&kind=other',
          headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      if (k === 1)   // token in the form but another in the cookie
        return viaFetch(base, p, { method: 'POST', body: `name=x&csrf=${'0'.repeat(64)}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
      if (k === 2)   // text/plain, as a cross-site form can send
        return viaFetch(base, p, { method: 'POST', body: `csrf=${csrf}`,
          headers: { 'content-type': 'text/plain', cookie } });
      return viaFetch(base, p, { method: r.pick(['PUT', 'DELETE', 'PATCH']), body: 'x',
        headers: { cookie } });
    } },
    'wrong-type': { weight: 3, expect: 'bad', run: (r) => {
      const ct = r.pick(['text/plain', 'application/x-www-form-urlencoded',
        'application/jsonx', 'application/xml', '', 'multipart/form-data']);
      const headers = ct ? { 'content-type': ct } : {};
      return viaFetch(base, r.pick(API_WRITES), { method: r.pick(['POST', 'PUT']),
        body: '{"name":"x"}', headers });
    } },
    'bad-json': { weight: 6, expect: 'bad', run: (r) => {
      const k = r.int(8);
      let body;
      if (k === 0) body = deepJson(r);
      else if (k === 1) body = `{"name":"x","n":${'9'.repeat(r.pick([20, 400, 5000]))}}`;
      else if (k === 2) body = `{"name":1e${r.pick(['999', '99999', '-99999'])}}`;
      else if (k === 3) body = Buffer.concat([Buffer.from('{"name":"'), r.pick(BAD_UTF8), Buffer.from('"}')]);
      else if (k === 4) body = '{"name":"a\\u0000b"}';
      else if (k === 5) body = `{"name":"x","name":"y"}`;
      else if (k === 6) body = r.pick(['', '{', '[]', 'null', '"x"', '{"a":}', '\u0000', '{"name":"\\ud800"}']);
      else body = JSON.stringify({ name: 5, kind: [], key: {}, parent: 'x', area: -1, id: 'a' });
      const p = r.pick(API_WRITES);
      const method = r.next() < 0.7 ? 'POST' : 'PUT';
      // A PUT only with bodies that can never be a valid object.
      const target = method === 'PUT' ? `${p}/${r.pick(['1', '999999', '0', 'x'])}` : p;
      if (method === 'PUT' && k >= 5)
        body = '{"a":' ;
      return raw(port, req(method, target, { 'Content-Type': 'application/json' }, body));
    } },
    'bad-utf8': { weight: 6, expect: 'bad', run: (r) => {
      const k = r.int(3);
      const bad = r.pick(BAD_UTF8);
      if (k === 0)   // raw bytes in the path
        return raw(port, Buffer.concat([Buffer.from('GET /bodies/'), bad, Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]));
      if (k === 1)   // raw bytes in the query
        return raw(port, Buffer.concat([Buffer.from(`GET ${r.pick(['/', '/api/v1/bodies', '/oparl/v1/bodies'])}?q=`), bad, Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]));
      return viaFetch(base, `${r.pick(PAGES.concat(API).filter((x) => !x.includes('?')))}?${r.pick(['q', 'date', 'page'])}=${r.pick(
        ['%C3%28', '%ED%A0%80', '%F4%90%80%80', '%C0%AF', '%FF%FE', '%E2%82', '%ff', '%80'])}`);

    } },
    'bad-path-escape': { weight: 3, expect: 'bad', run: (r) =>
      viaFetch(base, `/${r.pick(['bodies', 'api/v1/bodies', 'oparl/v1/body', 'static'])}/${r.pick(['%ff', '%c3%28', '%ed%a0%80', '%C0%AF', '1%00', '%00'])}`) },
    'traversal': { weight: 5, expect: 'bad', run: (r) => {
      const t = r.pick([
        '/static/../../etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd',
        '/static/..%2f..%2fetc%2fpasswd', '/bodies/..%2f..%2fetc%2fpasswd',
        '/static//etc/passwd', '/static/%2fetc%2fpasswd', '/../../../../etc/passwd',
        '/static/..\\..\\etc\\passwd', '/%2e%2e/%2e%2e/etc/passwd',
        '/static/klynge.css/../../../etc/passwd', '/static/%252e%252e/etc/passwd',
        '/api/v1/../../etc/passwd', '/oparl/v1/body/..%2f..%2f', '/static/.',
        '/static/..', '/static/', '/static/%00', '//etc/passwd', '/bodies/1/../../etc',
        '/static/klynge.css%00.png', '/static/....//....//etc/passwd',
      ]);
      return raw(port, req(r.pick(['GET', 'HEAD']), t), { head: true });
    } },
    'odd-query': { weight: 4, expect: 'bad', run: (r) => {
      const p = r.pick(['/api/v1/bodies/1/check?date=',
        '/oparl/v1/bodies?page=', '/oparl/v1/body/1/person?limit=',
        '/oparl/v1/bodies?created_since=', '/api/v1/bodies/1/members?date=',
        '/oparl/v1/body/1/organization?page=']);
      const v = r.pick(['-1', '0', 'x', '99999999999999999999', '2026-02-30',
        '2026-13-01', '1e9', '%20', 'NaN', '0x10', '2026-1-1', '+1']);
      return viaFetch(base, p + v);
    } },
    'not-found': { weight: 3, expect: 'bad', run: (r) => viaFetch(base, r.pick([
      '/bodies/0', '/bodies/-1', '/bodies/99999999', '/bodies/1x', '/bodies/01',
      '/bodies/9223372036854775808', '/api/v1/bodies/0', '/api/v1/nope',
      '/oparl/v1/body/x', '/people/1/edit/x', '/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s',
      '/api/v1/people/99999999', '/oparl/v1/person/0', '/static/nope.css',
    ])) },
    'huge-header': { weight: 2, expect: 'bad', run: (r) => {
      const n = r.pick([70000, 100000, 300000]);
      const k = r.int(3);
      const h = k === 0 ? { 'X-Big': 'a'.repeat(n) }
        : k === 1 ? { Cookie: `csrf=${'a'.repeat(n)}` }
        : { Cookie: Array.from({ length: n / 10 }, (_, i) => `c${i}=v`).join('; ') };
      return raw(port, Buffer.concat([Buffer.from(`GET ${r.pick(PAGES)} HTTP/1.1\r\nHost: x\r\n`),
        Buffer.from(Object.entries(h).map(([a, b]) => `${a}: ${b}\r\n`).join('')),
        Buffer.from('Connection: close\r\n\r\n')]));
    } },
    'many-headers': { weight: 2, expect: 'bad', run: (r) => {
      const n = r.pick([101, 500, 3000, 20000]);
      const lines = Array.from({ length: n }, (_, i) => `X-H${i}: v\r\n`).join('');
      return raw(port, `GET ${r.pick(PAGES)} HTTP/1.1\r\nHost: x\r\n${lines}Connection: close\r\n\r\n`);
    } },
    'long-url': { weight: 2, expect: 'bad', run: (r) => {
      const n = r.pick([8200, 20000, 60000, 200000]);
      const p = r.pick(['/?q=', '/api/v1/bodies?q=', '/bodies/', '/oparl/v1/bodies?page=', '/static/']);
      return raw(port, req('GET', p + 'a'.repeat(n)));
    } },
    'bad-method': { weight: 3, expect: 'bad', run: (r) => {
      const m = r.pick(['FOO', 'get', 'TRACE', 'CONNECT', 'PATCH', 'OPTIONS', 'PROPFIND',
        'G\tT', 'DELETE', 'M'.repeat(300), '\x7f']);
      const target = m === 'CONNECT' ? '127.0.0.1:80' : r.pick(['/', '/bodies/1', '/api/v1/bodies', '/oparl/v1/bodies', '*']);
      return raw(port, req(m, target));
    } },
    'bad-request-line': { weight: 3, expect: 'closed', run: (r) => raw(port, r.pick([
      'GET\r\n\r\n', 'GET /\r\n\r\n', ' / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1 x\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.x\r\nHost: x\r\n\r\n', 'GET / FOO/1.1\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n', '\r\n\r\n\r\n',
      'GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\nX\x00Y: 1\r\n\r\n',
    ]), { end: true }) },
    // What MHD 0.9.75 accepts although it is not strict HTTP/1.1 (no
    // Host, an empty header name, obs-fold, bare LF, a NUL that ends the
    // request line early): any answer but a 5xx.
    'lenient-syntax': { weight: 1, expect: 'any', run: (r) => raw(port, r.pick([
      'GET  /  HTTP/1.1\r\nHost: x\r\n\r\n', 'GET / HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n',
      'GET / HTTP/1.1\nHost: x\n\n', 'GET /\x00x HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET\x00 / HTTP/1.1\r\nHost: x\r\n\r\n',
    ]), { end: true }) },
    'bad-content-length': { weight: 4, expect: 'closed', run: (r) => {
      const cl = r.pick(['abc', '-1', '1.5', '99999999999999999999999', '18446744073709551616',
        '2000000', ' 5', '5, 5', '0x10', '', '+5', '1048577']);
      const k = r.int(3);
      const extra = k === 0 ? 'Content-Length: 7\r\n' : k === 1 ? 'Transfer-Encoding: chunked\r\n' : '';
      return raw(port, `POST ${r.pick(['/api/v1/bodies', '/organisations', '/'])} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${cl}\r\n${extra}Connection: close\r\n\r\n{"a":1}`, { end: true });
    } },
    'chunked': { weight: 2, expect: 'closed', run: (r) => {
      const k = r.int(4);
      const head = `POST /api/v1/${r.pick(['bodies', 'people'])} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
      if (k === 0)
        return raw(port, head + 'zz\r\n{}\r\n0\r\n\r\n', { end: true });
      if (k === 1)
        return raw(port, head + 'FFFFFFFFFFFFFFFFFFFF\r\n{}\r\n', { end: true });
      if (k === 2) {   // over 1 MiB in chunks: 413
        const chunk = Buffer.alloc(65536, 0x61);
        const parts = [head];
        for (let i = 0; i < 20; i++)
          parts.push('10000\r\n', chunk, '\r\n');
        parts.push('0\r\n\r\n');
        return raw(port, parts);
      }
      return raw(port, head + '5\r\n{"a":\r\n', { end: true });
    } },
    'truncated': { weight: 4, expect: 'closed', run: (r) => raw(port, r.pick([
      'GET / HTTP/1.1\r\nHost: x', 'GET /bodies/1 HTT', 'GET', 'POST /api/v1/bodies HTTP/1.1\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{"na',
      'POST /organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\nname=%',
      'GET / HTTP/1.1\r\nHost: x\r\nCookie: csrf=', '',
    ]), { end: true }) },
    'random-bytes': { weight: 3, expect: 'closed', run: (r) => {
      const b = r.bytes(1 + r.int(r.next() < 0.9 ? 2000 : 70000));
      const data = r.next() < 0.5 ? Buffer.concat([Buffer.from('GET /'), b, Buffer.from('\r\n\r\n')]) : b;
      return raw(port, data, { end: true });
    } },
    'bad-cookie': { weight: 3, expect: 'ok', run: (r) => {
      // Garbage cookies on a read: the page, and a fresh token.
      const c = r.pick(['csrf', 'csrf=', 'csrf=%ff', `csrf=${csrf}; csrf=x`, '=;=;;;',
        `csrf="${csrf}"`, 'a=b; csrf=' + 'g'.repeat(64), ';;;;', 'csrf=' + 'A'.repeat(64),
        `csrf=${csrf.slice(0, 63)}`, 'x'.repeat(4000)]);
      return raw(port, Buffer.concat([Buffer.from(`GET ${r.pick(PAGES)} HTTP/1.1\r\nHost: x\r\nCookie: `),
        r.next() < 0.2 ? r.pick(BAD_UTF8) : Buffer.alloc(0), Buffer.from(`${c}\r\nConnection: close\r\n\r\n`)]));
    } },
  };
}

function classify(expect, status) {
  if (typeof status === 'number') {
    if (status >= 500)
      return false;
    if (expect === 'any')
      return true;
    if (expect === 'ok')
      return status >= 200 && status < 400;
    return status >= 400 && status < 500;
  }
  return (expect === 'closed' || expect === 'any') && (status === 'closed' || status === 'held');
}

// Runs `total` requests (concurrency at a time) and returns
// { byCategory: {name: {count, statuses: {status: n}}}, failures: [...] }.
async function soak(port, { total = 10000, seed = 1, concurrency = 16 } = {}) {
  const base = `http://127.0.0.1:${port}`;
  const first = await fetch(base + '/', { redirect: 'manual' });
  await first.arrayBuffer();
  const m = /csrf=([0-9a-f]{64})/.exec(first.headers.get('set-cookie') || '');
  if (!m)
    throw new Error('no csrf cookie from /');
  const cats = categories({ base, port, csrf: m[1] });
  const names = Object.keys(cats);
  const weightSum = names.reduce((s, n) => s + cats[n].weight, 0);
  // Deterministic plan: counts in proportion to the weights, shuffled.
  const plan = [];
  for (const n of names)
    for (let i = 0; i < Math.round(total * cats[n].weight / weightSum); i++)
      plan.push(n);
  while (plan.length < total)
    plan.push('valid-page');
  plan.length = total;
  const r = rng(seed);
  for (let i = plan.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [plan[i], plan[j]] = [plan[j], plan[i]];
  }

  const byCategory = {};
  const failures = [];
  let next = 0;
  async function worker(w) {
    const wr = rng(seed * 7919 + w);
    while (next < plan.length) {
      const i = next++;
      const name = plan[i];
      const c = cats[name];
      const res = await c.run(wr);
      const st = byCategory[name] ||= { count: 0, statuses: {} };
      st.count++;
      st.statuses[res.status] = (st.statuses[res.status] || 0) + 1;
      const leak = LEAK.exec(res.body || '');
      if (!classify(c.expect, res.status) || leak) {
        if (failures.length < 50)
          failures.push({ i, category: name, expect: c.expect, status: res.status,
            leak: leak ? leak[0] : undefined, sent: res.sent, body: String(res.body || '').slice(0, 200) });
        else
          failures.push({ i, category: name, status: res.status });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { byCategory, failures };
}

function summary(report) {
  return Object.entries(report.byCategory).sort().map(([name, st]) => {
    const hist = Object.entries(st.statuses).sort().map(([s, n]) => `${s}:${n}`).join(' ');
    return `soak ${name.padEnd(18)} ${String(st.count).padStart(5)}  ${hist}`;
  }).join('\n');
}

module.exports = { soak, summary, raw };

if (require.main === module) {
  const [port, total, seed] = process.argv.slice(2).map(Number);
  soak(port, { total: total || 10000, seed: seed || 1 }).then((rep) => {
    console.log(summary(rep));
    console.log(`failures: ${rep.failures.length}`);
    for (const f of rep.failures.slice(0, 20))
      console.log(JSON.stringify(f));
    process.exitCode = rep.failures.length ? 1 : 0;
  });
}
