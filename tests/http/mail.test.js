'use strict';
// mail.test.js - meeting notices by e-mail (src/render/mail.c) against
// a local SMTP sink (smtp-sink.js): inviting sends one message per
// member of the body with an e-mail address, each with a text/calendar
// METHOD:REQUEST part; cancelling sends METHOD:CANCEL; no message holds
// anything of the agenda (a closed item's title and text least of all);
// an SMTP server that cannot be reached is a warning, and the state
// change stands.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { start, send, json, demo, idOf } = require('./helpers');
const { startSink, parseMail } = require('./smtp-sink');

const TODAY = '2026-11-23';
const DATE = '2026-12-10';
const SECRET_TITLE = 'Lukket punkt om en navngiven medarbejder 5521';
const SECRET_TEXT = 'FORTROLIG-SAGSFREMSTILLING-5521';
const OPEN_TITLE = 'Orientering om budget 4410';
const B = idOf(demo().bodies, 'fsn-sonderjylland');

let sink;
let srv;
let sid;
let meeting;

const api = (p, method, data) => send(srv.base + p, method, data, { Cookie: sid });

before(async () => {
  sink = await startSink();
  srv = await start({
    env: { KLYNGE_TODAY: TODAY, KLYNGE_SMTP_URL: sink.url, KLYNGE_MAIL_FROM: 'sekretariat@klynge.test' },
  });
  sid = await srv.login('admin');
  let r = await api('/api/v1/meetings', 'POST', {
    body: 'fsn-sonderjylland', date: DATE, start: '09:30', end: '12:00',
    place: 'Sønderborg Sygehus', title: 'Møde i fagligt strategisk niveau',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  meeting = r.body;
  r = await api(`/api/v1/meetings/${meeting.id}/items`, 'POST', { title: OPEN_TITLE, kind: 'information' });
  assert.equal(r.status, 201);
  r = await api(`/api/v1/meetings/${meeting.id}/items`, 'POST', {
    title: SECRET_TITLE, kind: 'discussion', closed: true, presentation: SECRET_TEXT, summary: SECRET_TEXT,
  });
  assert.equal(r.status, 201);
});

after(async () => {
  if (srv)
    await srv.stop();
  if (sink)
    await sink.close();
});

// The e-mail addresses of B's members on the meeting's date, each once.
async function expectedRecipients() {
  const r = await json(`${srv.base}/api/v1/bodies/${B}/members?date=${DATE}`, { headers: { Cookie: sid } });
  const emails = new Set();
  for (const m of r.body.members) {
    const p = await json(`${srv.base}/api/v1/people/${m.person_id}`, { headers: { Cookie: sid } });
    if (p.body.email)
      emails.add(p.body.email.toLowerCase());
  }
  return emails;
}

function checkNoAgenda(msgs) {
  for (const m of msgs) {
    const mail = parseMail(m.data);
    const all = m.data + mail.subject + mail.parts.map((p) => p.text).join('\n');
    for (const s of [SECRET_TITLE, SECRET_TEXT, OPEN_TITLE])
      assert.ok(!all.includes(s), `no agenda content in a mail: ${s}`);
  }
}

test('inviting sends one message per member with an address, with METHOD:REQUEST', async () => {
  const want = await expectedRecipients();
  assert.ok(want.size >= 5, 'the demo body has members with addresses');
  const before = sink.messages.length;
  const r = await api(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'invited' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.mail.enabled, true);
  assert.equal(r.body.mail.warning, null);
  assert.equal(r.body.mail.sent, want.size);
  const msgs = sink.messages.slice(before);
  assert.equal(msgs.length, want.size);
  const got = new Set();
  for (const m of msgs) {
    assert.equal(m.to.length, 1, 'one recipient per message');
    assert.equal(m.from, 'sekretariat@klynge.test');
    got.add(m.to[0].toLowerCase());
    const mail = parseMail(m.data);
    assert.match(mail.headers['content-type'], /^multipart\/mixed/);
    for (const h of ['date', 'from', 'to', 'subject', 'message-id'])
      assert.ok(mail.headers[h], `header ${h}`);
    assert.match(mail.headers.subject, /^=\?UTF-8\?B\?/, 'subject RFC 2047 encoded');
    assert.match(mail.subject, /^Indkaldelse: Møde i fagligt strategisk niveau/);
    assert.ok(mail.to.toLowerCase().includes(m.to[0].toLowerCase()));
    const text = mail.parts.find((p) => /^text\/plain/.test(p.headers['content-type']));
    assert.ok(text, 'a text part');
    assert.match(text.headers['content-type'], /charset=UTF-8/i);
    assert.match(text.text, /Dato: 10\. december 2026/);
    assert.match(text.text, /kl\. 09:30–12:00/);
    assert.ok(text.text.includes(`/meetings/${meeting.id}`));
    const cal = mail.parts.find((p) => /^text\/calendar/.test(p.headers['content-type']));
    assert.ok(cal, 'a calendar part');
    assert.match(cal.headers['content-type'], /method=REQUEST/);
    assert.match(cal.text, /\r\nMETHOD:REQUEST\r\n/);
    assert.ok(cal.text.includes(`UID:meeting-${meeting.id}@klynge`));
    assert.match(cal.text, /DTSTART;TZID=Europe\/Copenhagen:20261210T093000/);
    assert.match(cal.text, /ORGANIZER;CN=klynge:mailto:sekretariat@klynge.test/);
  }
  assert.deepEqual([...got].sort(), [...want].sort());
  checkNoAgenda(msgs);
});

test('publishing sends the notice again; cancelling sends METHOD:CANCEL', async () => {
  let before = sink.messages.length;
  let r = await api(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'agenda_approved' });
  assert.equal(r.status, 200);
  assert.equal(sink.messages.length, before, 'approving the agenda sends nothing');
  r = await api(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'published' });
  assert.equal(r.status, 200);
  assert.ok(r.body.mail.sent > 0);
  const pubs = sink.messages.slice(before);
  assert.ok(pubs.every((m) => parseMail(m.data).subject.startsWith('Dagsorden udsendt')));
  checkNoAgenda(pubs);
  before = sink.messages.length;
  r = await api(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'cancelled' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  const msgs = sink.messages.slice(before);
  assert.equal(msgs.length, r.body.mail.sent);
  assert.ok(msgs.length > 0);
  for (const m of msgs) {
    const mail = parseMail(m.data);
    assert.match(mail.subject, /^Mødet er aflyst/);
    const cal = mail.parts.find((p) => /^text\/calendar/.test(p.headers['content-type']));
    assert.match(cal.headers['content-type'], /method=CANCEL/);
    assert.match(cal.text, /\r\nMETHOD:CANCEL\r\n/);
    assert.match(cal.text, /\r\nSTATUS:CANCELLED\r\n/);
  }
  checkNoAgenda(msgs);
});

test('an SMTP server that cannot be reached gives a warning; the state change stands', async () => {
  // A port nobody listens on: bind one, then close it.
  const port = await new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
  const other = await start({ env: { KLYNGE_TODAY: TODAY, KLYNGE_SMTP_URL: `smtp://127.0.0.1:${port}` } });
  try {
    const osid = await other.login('admin');
    const o = (p, method, data) => send(other.base + p, method, data, { Cookie: osid });
    let r = await o('/api/v1/meetings', 'POST', { body: 'fsn-sonderjylland', date: DATE, start: '09:00', end: '10:00' });
    assert.equal(r.status, 201);
    r = await o(`/api/v1/meetings/${r.body.id}/state`, 'POST', { state: 'invited' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.state, 'invited');
    assert.equal(r.body.mail.sent, 0);
    assert.match(r.body.mail.warning, /E-mail kunne ikke sendes/);
  } finally {
    await other.stop();
  }
});
