'use strict';
// A minimal SMTP server for the tests (RFC 5321, no TLS, no auth): it
// listens on 127.0.0.1 on an ephemeral port, accepts every message and
// keeps it.
//
//   const { startSink, parseMail } = require('./smtp-sink');
//   const sink = await startSink();
//   const srv = await start({ env: { KLYNGE_SMTP_URL: sink.url } });
//   ... sink.messages: [{ from, to: [...], data }] (data without the
//   final ".", dot-unstuffed, CRLF line ends)
//   parseMail(sink.messages[0].data) -> { headers, parts: [{ headers, text }] }
//   await sink.close();
//
// Not a test file itself (node --test runs *.test.js only).

const net = require('node:net');

function startSink() {
  const messages = [];
  const sockets = new Set();
  const server = net.createServer((sock) => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    let buf = '';
    let inData = false;
    let cur = null;
    const reply = (line) => sock.write(line + '\r\n');
    reply('220 sink.klynge.test ESMTP test sink');
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buf.indexOf('\r\n.\r\n');
          // A message may also be just "." after DATA's 354.
          if (buf.startsWith('.\r\n')) {
            cur.data = '';
            buf = buf.slice(3);
          } else if (end < 0) {
            return;
          } else {
            const raw = buf.slice(0, end + 2);
            buf = buf.slice(end + 5);
            cur.data = Buffer.from(raw.replace(/^\.\./gm, '.'), 'latin1').toString('utf8');
          }
          messages.push(cur);
          cur = null;
          inData = false;
          reply('250 2.0.0 OK kept');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0)
          return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') {
          sock.write('250-sink.klynge.test\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n');
        } else if (verb === 'HELO') {
          reply('250 sink.klynge.test');
        } else if (verb === 'MAIL') {
          cur = { from: (line.match(/<([^>]*)>/) || [])[1] || '', to: [], data: null };
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          if (!cur) {
            reply('503 5.5.1 MAIL first');
            continue;
          }
          cur.to.push((line.match(/<([^>]*)>/) || [])[1] || '');
          reply('250 2.1.5 OK');
        } else if (verb === 'DATA') {
          if (!cur || !cur.to.length) {
            reply('503 5.5.1 RCPT first');
            continue;
          }
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          cur = null;
          reply('250 2.0.0 OK');
        } else if (verb === 'NOOP') {
          reply('250 2.0.0 OK');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 Bye');
          sock.end();
        } else {
          reply('502 5.5.2 Command not implemented');
        }
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        url: `smtp://127.0.0.1:${port}`,
        messages,
        close() {
          for (const s of sockets)
            s.destroy();
          return new Promise((r) => server.close(() => r()));
        },
      });
    });
  });
}

// Headers of a MIME entity (unfolded), names lower-cased.
function parseHeaders(text) {
  const h = {};
  for (const line of text.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const m = line.match(/^([^:]+):\s*(.*)$/);
    if (m)
      h[m[1].toLowerCase()] = m[2];
  }
  return h;
}

// RFC 2047 encoded words (B and Q) in a header value, decoded.
function decodeWords(v) {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs, enc, data) => {
    if (enc.toUpperCase() === 'B')
      return Buffer.from(data, 'base64').toString('utf8');
    return Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (m, x) => String.fromCharCode(parseInt(x, 16))), 'latin1').toString('utf8');
  });
}

function decodeBody(headers, body) {
  const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
  if (cte === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable')
    return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (m, x) => String.fromCharCode(parseInt(x, 16))), 'latin1').toString('utf8');
  return body;
}

// A message: its headers, its decoded subject, and its MIME parts
// (one part when it is not multipart), each { headers, text }.
function parseMail(data) {
  const sep = data.indexOf('\r\n\r\n');
  const headers = parseHeaders(data.slice(0, sep));
  const body = data.slice(sep + 4);
  const ct = headers['content-type'] || '';
  const bm = ct.match(/boundary="?([^";]+)"?/i);
  const parts = [];
  if (bm) {
    const chunks = body.split('--' + bm[1]);
    for (const c of chunks.slice(1)) {
      if (c.startsWith('--'))
        break;
      const p = c.replace(/^\r\n/, '');
      const s = p.indexOf('\r\n\r\n');
      const ph = parseHeaders(p.slice(0, s));
      parts.push({ headers: ph, text: decodeBody(ph, p.slice(s + 4)) });
    }
  } else {
    parts.push({ headers, text: decodeBody(headers, body) });
  }
  return { headers, subject: decodeWords(headers.subject || ''), to: decodeWords(headers.to || ''), parts };
}

module.exports = { startSink, parseMail, decodeWords };
