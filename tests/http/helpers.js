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

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const sanitized = process.env.KLYNGE_SANITIZED === '1';

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

  // A free port can be taken between the probe and the server's bind:
  // try a few times.
  let lastErr;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { ...baseEnv };
    if (opts.baseUrl) env.KLYNGE_BASE_URL = opts.baseUrl(port);
    const child = spawn(bin, ['--db', db, 'serve', '--port', String(port), '--addr', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let exited = null;
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => { stderr += d; });
    const exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); });
    });

    const deadline = Date.now() + (sanitized ? 60000 : 15000);
    let up = false;
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(base + '/', { redirect: 'manual' });
        await res.arrayBuffer();
        up = true;
        break;
      } catch {
        await sleep(50);
      }
    }
    if (up) {
      return {
        base,
        port,
        db,
        dir,
        publicBase: env.KLYNGE_BASE_URL || base,
        stderr: () => stderr,
        async stop() {
          if (!exited) {
            child.kill('SIGTERM');
            const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 5000);
            await exitPromise;
            clearTimeout(timer);
          }
          fs.rmSync(dir, { recursive: true, force: true });
          if (sanitized && sanitizerReport(stderr)) {
            throw new Error(`sanitizer report from the server:\n${stderr.slice(-4000)}`);
          }
        },
      };
    }
    if (!exited) {
      child.kill('SIGKILL');
      await exitPromise;
    }
    lastErr = new Error(`klynge serve did not answer on ${base} (exit ${JSON.stringify(exited)}):\n${stderr}`);
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

module.exports = { start, json, send, repoRoot, sleep };
