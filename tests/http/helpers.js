'use strict';
// Shared helpers for the HTTP tests (node:test + fetch).
//
//   const { start } = require('./helpers');
//   const srv = await start();          // fresh DB from data/demo.json
//   const res = await fetch(srv.base + '/api/v1/bodies');
//   await srv.stop();
//
// start() copies nothing from the developer's klynge.db: it creates a
// temporary directory, imports data/demo.json into a new database with
// `klynge import`, starts `klynge serve` on a free port of 127.0.0.1 and
// waits until it answers. The binary is $KLYNGE_BIN (default
// ./build/klynge). Under $KLYNGE_SANITIZED=1 (the ASan/UBSan server of
// `make test`) start-up may take longer, and stop() fails when the
// server's stderr holds a sanitizer report.
//
// Options:
//   env:      extra environment for the server (e.g. { KLYNGE_TODAY })
//   baseUrl:  port => the public base URL the server should put into
//             absolute links (KLYNGE_BASE_URL); default http://127.0.0.1:PORT
//   data:     structure file to import (default data/demo.json); null for
//             an empty database
//   accounts: [{ username, person, admin }] created with `klynge user add`
//             before the server starts (person: a person's key, whose
//             memberships give the account its roles; admin: true for an
//             administrator). Every server also gets the administrator
//             'admin'. All test passwords are TEST_PASSWORD.
//
// The returned server also has
//   srv.login(username)  -> Promise<'sid=...'> (POST /login; the Cookie
//                           header value of the new session)
//   srv.restart(env)      -> the same database and port, env changed
//                            (KLYNGE_TODAY: time passes)
//   srv.client(username) -> Promise<Client> logged in, whose forms carry
//                           the session's CSRF token

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const sanitized = process.env.KLYNGE_SANITIZED === '1';
const TEST_PASSWORD = 'klynge-test-adgangskode';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function sanitizerReport(stderr) {
  return /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: UndefinedBehaviorSanitizer/.test(stderr);
}

async function start(opts = {}) {
  if (!fs.existsSync(bin)) {
    throw new Error(`klynge binary not found: ${bin} (build it, or set KLYNGE_BIN)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klynge-http-'));
  const db = path.join(dir, 'test.db');
  const data = opts.data === undefined ? path.join(repoRoot, 'data', 'demo.json') : opts.data;
  const baseEnv = { ...process.env, KLYNGE_DB: db, ...(opts.env || {}) };
  if (data) {
    const imp = spawnSync(bin, ['--db', db, 'import', data], { env: baseEnv, encoding: 'utf8' });
    if (imp.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`klynge import ${data} failed (${imp.status}):\n${imp.stderr}`);
    }
  }
  const accounts = [{ username: 'admin', admin: true }, ...(opts.accounts || [])];
  for (const a of accounts) {
    const args = ['--db', db, 'user', 'add', a.username];
    if (a.person)
      args.push('--person', a.person);
    if (a.admin)
      args.push('--admin');
    const r = spawnSync(bin, args, { env: baseEnv, encoding: 'utf8', input: TEST_PASSWORD + '\n' });
    if (r.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`klynge user add ${a.username} failed (${r.status}):\n${r.stderr}`);
    }
  }

  // A free port can be taken between the probe and the server's bind:
  // try a few times.
  // Starts `klynge serve` on port with env; resolves to a handle once it
  // answers, or to null (the process stopped) after the deadline.
  async function launch(port, env) {
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(bin, ['--db', db, 'serve', '--port', String(port), '--addr', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const h = { child, stderr: '', exited: null };
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => { h.stderr += d; });
    h.exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => { h.exited = { code, signal }; resolve(h.exited); });
    });
    const deadline = Date.now() + (sanitized ? 60000 : 15000);
    while (Date.now() < deadline && !h.exited) {
      try {
        const res = await fetch(base + '/', { redirect: 'manual' });
        await res.arrayBuffer();
        h.up = true;
        return h;
      } catch {
        await sleep(50);
      }
    }
    if (!h.exited) {
      child.kill('SIGKILL');
      await h.exitPromise;
    }
    return h;
  }

  async function halt(h) {
    if (!h.exited) {
      h.child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!h.exited) h.child.kill('SIGKILL'); }, 5000);
      await h.exitPromise;
      clearTimeout(timer);
    }
  }

  let lastErr;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let env = { ...baseEnv };
    if (opts.baseUrl) env.KLYNGE_BASE_URL = opts.baseUrl(port);
    let h = await launch(port, env);
    let stderrBefore = '';
    if (h.up) {
      return {
        base,
        port,
        db,
        dir,
        publicBase: env.KLYNGE_BASE_URL || base,
        stderr: () => stderrBefore + h.stderr,
        async login(username) {
          const c = new Client(base);
          await loginClient(c, username);
          return `sid=${c.cookies.get('sid')}`;
        },
        async client(username) {
          const c = new Client(base);
          await loginClient(c, username);
          return c;
        },
        // Stops the server and starts it again on the same database and
        // port with env changed (e.g. { KLYNGE_TODAY: '2026-03-12' }:
        // time passes). Sessions are in the database: logins survive.
        async restart(changes = {}) {
          await halt(h);
          stderrBefore += h.stderr;
          env = { ...env, ...changes };
          h = await launch(port, env);
          if (!h.up)
            throw new Error(`klynge serve did not come back on ${base}:\n${h.stderr}`);
        },
        async stop() {
          await halt(h);
          fs.rmSync(dir, { recursive: true, force: true });
          const all = stderrBefore + h.stderr;
          if (sanitized && sanitizerReport(all)) {
            throw new Error(`sanitizer report from the server:\n${all.slice(-4000)}`);
          }
        },
      };
    }
    lastErr = new Error(`klynge serve did not answer on ${base} (exit ${JSON.stringify(h.exited)}):\n${h.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  throw lastErr;
}

// fetch + JSON: returns { status, headers, body } (body null when empty).
async function json(url, init = {}) {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body = null;
  if (text.length) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body };
}

// JSON request with a body (Content-Type application/json).
function send(url, method, data, headers = {}) {
  return json(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof data === 'string' ? data : JSON.stringify(data),
  });
}

// ---- HTML forms (tests/http/forms.test.js) ---------------------------------
//
//   const c = new Client(srv.base);
//   await c.get('/organisations/new');          // gets the csrf cookie
//   const r = await c.post('/organisations', { name: 'X', kind: 'other' });
//   r.status === 303 && r.location === '/organisations/12'
//
// Client keeps cookies (the "csrf" double-submit cookie: the form field
// must equal it) and posts urlencoded forms the way a browser without
// JavaScript does; formFields() reads the controls a browser would
// submit from a page.

// The demo structure file, parsed: ids in the store follow its order
// (store_import keeps file order), so object i of a list has id i + 1.
function demo() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'demo.json'), 'utf8'));
}

function idOf(list, key) {
  const i = list.findIndex((o) => o.key === key);
  if (i < 0)
    throw new Error(`no object with key ${key}`);
  return i + 1;
}

// ---- HTML ---------------------------------------------------------------

function unescapeHtml(s) {
  return s.replace(/&(lt|gt|amp|quot|#39|#x27|apos);/g, (m, e) => ({
    lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'", apos: "'",
  }[e]));
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}=("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  if (!m)
    return null;
  return unescapeHtml(m[2] ?? m[3] ?? m[4] ?? '');
}

function hasAttr(tag, name) {
  return new RegExp(`\\s${name}(\\s|=|>|$)`, 'i').test(tag);
}

// The successful controls of the first <form> whose action is `action`
// (or of the whole document when action is null), as a browser would
// submit them: [[name, value], ...] in document order.
function formFields(html, action = null) {
  let part = html;
  if (action !== null) {
    const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)];
    const f = forms.find((m) => attr(m[0].match(/<form\b[^>]*>/i)[0], 'action') === action);
    if (!f)
      throw new Error(`no form with action ${action}`);
    part = f[0];
  }
  const out = [];
  const re = /<(input|select|textarea)\b([^>]*)>([\s\S]*?<\/\1>)?/gi;
  for (const m of part.matchAll(re)) {
    const kind = m[1].toLowerCase();
    const tag = `<${m[1]}${m[2]}>`;
    const name = attr(tag, 'name');
    if (!name || hasAttr(tag, 'disabled'))
      continue;
    if (kind === 'input') {
      const type = (attr(tag, 'type') || 'text').toLowerCase();
      if (type === 'submit' || type === 'button' || type === 'reset')
        continue;
      if ((type === 'checkbox' || type === 'radio') && !hasAttr(tag, 'checked'))
        continue;
      out.push([name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')]);
    } else if (kind === 'textarea') {
      const inner = (m[3] || '').replace(/<\/textarea>$/i, '').replace(/^\r?\n/, '');
      out.push([name, unescapeHtml(inner)]);
    } else {
      const inner = m[3] || '';
      const opts = [...inner.matchAll(/<option\b[^>]*>/gi)].map((o) => o[0]);
      const sel = opts.find((o) => hasAttr(o, 'selected')) || opts[0];
      if (sel)
        out.push([name, attr(sel, 'value') ?? '']);
    }
  }
  return out;
}

// The value a control would submit, or undefined.
function fieldValue(html, name) {
  const f = formFields(html).find(([n]) => n === name);
  return f ? f[1] : undefined;
}

// [{value, label}] of a <select name=...>.
function selectOptions(html, name) {
  const m = html.match(new RegExp(`<select\\b[^>]*\\sname="${name}"[^>]*>([\\s\\S]*?)</select>`));
  if (!m)
    return [];
  return [...m[1].matchAll(/<option\b([^>]*)>([^<]*)<\/option>/g)]
    .map((o) => ({ value: attr(`<option${o[1]}>`, 'value'), label: unescapeHtml(o[2]) }));
}

// ---- a browser-like client -------------------------------------------------

class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keepCookies(res) {
    const list = typeof res.headers.getSetCookie === 'function'
      ? res.headers.getSetCookie()
      : (res.headers.get('set-cookie') ? [res.headers.get('set-cookie')] : []);
    for (const c of list) {
      const m = c.match(/^\s*([^=;\s]+)=([^;]*)/);
      if (m)
        this.cookies.set(m[1], m[2]);
    }
  }

  async request(method, path, { body, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookies.size)
      h.cookie = this.cookieHeader();
    const res = await fetch(this.base + path, { method, headers: h, body, redirect: 'manual' });
    this.keepCookies(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  get(path) {
    return this.request('GET', path);
  }

  // The csrf token the server gave this client (cookie = form field);
  // once logged in, the session's own token (loginClient sets it).
  get csrf() {
    return this.sessionCsrf || this.cookies.get('csrf');
  }

  // Posts fields (an object or [[name, value]] pairs) urlencoded; adds
  // the csrf field unless opts.csrf === false or fields already have one.
  post(path, fields, opts = {}) {
    const pairs = Array.isArray(fields) ? fields.slice() : Object.entries(fields);
    if (opts.csrf !== false && !pairs.some(([n]) => n === 'csrf') && this.csrf)
      pairs.push(['csrf', this.csrf]);
    const body = new URLSearchParams(pairs).toString();
    return this.request('POST', path, {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  // Fetches a form page, then submits its controls with `changes`
  // applied (name -> value; null removes the control, e.g. a checkbox).
  async submit(formPath, action, changes = {}) {
    const page = await this.get(formPath);
    if (page.status !== 200)
      throw new Error(`GET ${formPath}: ${page.status}`);
    const fields = formFields(page.text, action);
    const seen = new Set();
    const out = [];
    for (const [n, v] of fields) {
      if (n in changes) {
        if (seen.has(n))
          continue;
        seen.add(n);
        if (changes[n] !== null)
          out.push([n, changes[n]]);
      } else {
        out.push([n, v]);
      }
    }
    for (const [n, v] of Object.entries(changes))
      if (!seen.has(n) && v !== null)
        out.push([n, v]);
    return this.post(action, out);
  }
}

// Logs c in as username (password TEST_PASSWORD) through the login form
// and remembers the session's CSRF token (the logout form's field) so
// that c's forms carry it.
async function loginClient(c, username) {
  const page = await c.get('/login');
  if (page.status !== 200)
    throw new Error(`GET /login: ${page.status}`);
  const fields = formFields(page.text, '/login')
    .map(([n, v]) => [n, n === 'username' ? username : n === 'password' ? TEST_PASSWORD : v]);
  const r = await c.post('/login', fields);
  if (r.status !== 303 || !c.cookies.get('sid'))
    throw new Error(`login as ${username}: ${r.status}`);
  const home = await c.get('/');
  const token = formFields(home.text, '/logout').find(([n]) => n === 'csrf');
  if (!token)
    throw new Error(`login as ${username}: no session csrf on /`);
  c.sessionCsrf = token[1];
  return c;
}

module.exports = {
  start, json, send, repoRoot, sleep, TEST_PASSWORD, loginClient,
  demo, idOf, Client, formFields, fieldValue, selectOptions, unescapeHtml,
};
