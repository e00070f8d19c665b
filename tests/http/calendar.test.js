'use strict';
// calendar.test.js - the iCalendar feeds (src/web/calendar.c,
// src/render/ical.c): /bodies/:id/calendar.ics and
// /people/:id/calendar.ics. Checked: RFC 5545 structure (CRLF, folded
// lines of at most 75 octets, balanced BEGIN/END, one VTIMEZONE for
// Europe/Copenhagen, DTSTART/DTEND with its TZID), stable UIDs, SEQUENCE
// up after a change of time and after cancelling, STATUS:CANCELLED, and
// the public's feed without unpublished meetings (a member's with them).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, send, demo, idOf } = require('./helpers');

const TODAY = '2026-11-23';
const B = idOf(demo().bodies, 'fsn-sonderjylland');
const HANS = idOf(demo().people, 'p-hans-norgaard');	// member of B

let srv;
const sid = {};
let published;
let planned;

const api = (p, method, data, who = 'admin') => send(srv.base + p, method, data, { Cookie: sid[who] });

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: [{ username: 'hans', person: 'p-hans-norgaard' }],
  });
  sid.admin = await srv.login('admin');
  sid.hans = await srv.login('hans');
  const base = { body: 'fsn-sonderjylland', start: '13:00', end: '15:30', place: 'Regionshuset, Damhaven 12, 7100 Vejle' };
  let r = await api('/api/v1/meetings', 'POST', { ...base, date: '2026-12-10', title: 'Offentligt møde i december' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  published = r.body;
  r = await api(`/api/v1/meetings/${published.id}/items`, 'POST', { title: 'Godkendelse af dagsorden', kind: 'approval' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  for (const state of ['agenda_approved', 'published']) {
    r = await api(`/api/v1/meetings/${published.id}/state`, 'POST', { state });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  r = await api('/api/v1/meetings', 'POST', { ...base, date: '2027-02-04', title: 'Planlagt møde i februar' });
  assert.equal(r.status, 201);
  planned = r.body;
});

after(async () => {
  if (srv)
    await srv.stop();
});

async function feed(path, who = null) {
  const res = await fetch(srv.base + path, { headers: who ? { Cookie: sid[who] } : {} });
  const text = await res.text();
  assert.equal(res.status, 200, `${path}: ${text.slice(0, 200)}`);
  assert.match(res.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
  return text;
}

// RFC 5545 section 3.1: CRLF line ends, lines folded at 75 octets; the
// content lines unfolded, components properly nested.
function parse(text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  for (const line of text.split('\r\n'))
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l.length);
  const stack = [];
  const events = [];
  let cur = null;
  for (const l of lines) {
    assert.match(l, /^[A-Z][A-Z0-9-]*[;:]/, `content line: ${l}`);
    const m = l.match(/^BEGIN:(\w+)$/);
    if (m) {
      stack.push(m[1]);
      if (m[1] === 'VEVENT')
        cur = {};
      continue;
    }
    const e = l.match(/^END:(\w+)$/);
    if (e) {
      assert.equal(stack.pop(), e[1], 'nesting');
      if (e[1] === 'VEVENT') {
        events.push(cur);
        cur = null;
      }
      continue;
    }
    if (cur) {
      const [, name, params, value] = l.match(/^([A-Z-]+)((?:;[^:]*)?):(.*)$/);
      cur[name] = { params, value };
    }
  }
  assert.equal(stack.length, 0, 'all components closed');
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  return { lines, events };
}

test('the public body feed: valid iCalendar with the published meeting only', async () => {
  const text = await feed(`/bodies/${B}/calendar.ics`);
  const { lines, events } = parse(text);
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.includes('PRODID:-//klynge//klynge//DA'));
  assert.ok(!lines.some((l) => l.startsWith('METHOD:')), 'a feed has no METHOD');
  assert.ok(lines.includes('BEGIN:VTIMEZONE'));
  assert.ok(lines.includes('TZID:Europe/Copenhagen'));
  assert.ok(lines.some((l) => l.startsWith('X-WR-CALNAME:')));
  const uids = events.map((e) => e.UID.value);
  assert.ok(uids.includes(`meeting-${published.id}@klynge`));
  assert.ok(!uids.includes(`meeting-${planned.id}@klynge`), 'no unpublished meeting for the public');
  const ev = events.find((e) => e.UID.value === `meeting-${published.id}@klynge`);
  assert.equal(ev.DTSTART.params, ';TZID=Europe/Copenhagen');
  assert.equal(ev.DTSTART.value, '20261210T130000');
  assert.equal(ev.DTEND.value, '20261210T153000');
  assert.equal(ev.STATUS.value, 'CONFIRMED');
  assert.equal(ev.SUMMARY.value, 'Offentligt møde i december');
  assert.match(ev.LOCATION.value, /Damhaven 12/);
  assert.match(ev.URL.value, new RegExp(`/meetings/${published.id}$`));
  assert.match(ev.DTSTAMP.value, /^\d{8}T\d{6}Z$/);
  assert.match(ev.SEQUENCE.value, /^\d+$/);
  assert.ok(!text.includes('Godkendelse af dagsorden'), 'no agenda content in a feed');
});

test('a member\'s feed has the planned meeting too; the person feed is their bodies\'', async () => {
  let { events } = parse(await feed(`/bodies/${B}/calendar.ics`, 'hans'));
  assert.ok(events.some((e) => e.UID.value === `meeting-${planned.id}@klynge`));
  assert.equal(events.find((e) => e.UID.value === `meeting-${planned.id}@klynge`).STATUS.value, 'TENTATIVE');
  ({ events } = parse(await feed(`/people/${HANS}/calendar.ics`)));
  assert.deepEqual(events.map((e) => e.UID.value), [`meeting-${published.id}@klynge`]);
  ({ events } = parse(await feed(`/people/${HANS}/calendar.ics`, 'hans')));
  assert.equal(events.length, 2);
  let res = await fetch(`${srv.base}/bodies/999999/calendar.ics`);
  assert.equal(res.status, 404);
  res = await fetch(`${srv.base}/people/999999/calendar.ics`);
  assert.equal(res.status, 404);
});

function eventOf(text, id) {
  return parse(text).events.find((e) => e.UID.value === `meeting-${id}@klynge`);
}

test('SEQUENCE goes up when the time changes and when the meeting is cancelled', async () => {
  const seq0 = Number(eventOf(await feed(`/bodies/${B}/calendar.ics`), published.id).SEQUENCE.value);
  let r = await api(`/api/v1/meetings/${published.id}`, 'PUT', { start: '14:00', end: '16:00' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  let ev = eventOf(await feed(`/bodies/${B}/calendar.ics`), published.id);
  const seq1 = Number(ev.SEQUENCE.value);
  assert.ok(seq1 > seq0, `${seq1} > ${seq0}`);
  assert.equal(ev.DTSTART.value, '20261210T140000');
  // A change of title alone is no reschedule.
  r = await api(`/api/v1/meetings/${published.id}`, 'PUT', { title: 'Offentligt møde, ny titel' });
  assert.equal(r.status, 200);
  ev = eventOf(await feed(`/bodies/${B}/calendar.ics`), published.id);
  assert.equal(Number(ev.SEQUENCE.value), seq1);
  r = await api(`/api/v1/meetings/${published.id}/state`, 'POST', { state: 'cancelled' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  ev = eventOf(await feed(`/bodies/${B}/calendar.ics`), published.id);
  assert.equal(ev.STATUS.value, 'CANCELLED');
  assert.ok(Number(ev.SEQUENCE.value) > seq1);
});
