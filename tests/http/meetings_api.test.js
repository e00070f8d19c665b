'use strict';
// meetings_api.test.js - /api/v1 for meetings (issue 4): a meeting's
// whole life through the API (planned -> invited -> agenda approved ->
// published -> held -> minutes approved), the permission rule on every
// write (the public 401, a member 403, the secretary edits but does not
// approve, the chair approves), the closed item that never reaches the
// public, conditional writes (409 stale, 412 If-Match), the agenda order
// rule (422) and the quorum rule on decisions (422 inquorate).
//
// Roles on TODAY in data/demo.json (as permissions.test.js):
//   B = fsn-sonderjylland (no quorum rule), P = pn-sonderjylland
//   (political level: half of each sector must be present).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, json, send, demo, idOf } = require('./helpers');

const TODAY = '2026-11-23';
const SECRET = 'HEMMELIG-SAGSFREMSTILLING-7731';
const SECRET_TITLE_TEXT = 'Personalesag vedrørende';

let srv;
const sid = {};

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: [
      { username: 'hans', person: 'p-hans-norgaard' },		// member of B
      { username: 'astrid', person: 'p-astrid-bisgaard' },	// co-chair of B
      { username: 'ole', person: 'p-ole-kristensen' },		// secretary of B and P
    ],
  });
  for (const u of ['hans', 'astrid', 'ole', 'admin'])
    sid[u] = await srv.login(u);
});

after(async () => {
  if (srv)
    await srv.stop();
});

// A request as a role (null: the public).
function as(who) {
  // The session is looked up per request: the roles are defined before
  // the server logs them in.
  const h = () => (who ? { Cookie: sid[who] } : {});
  return {
    get: (p, headers = {}) => json(srv.base + p, { headers: { ...h(), ...headers } }),
    send: (p, method, data, headers = {}) => send(srv.base + p, method, data, { ...h(), ...headers }),
    del: (p, headers = {}) => json(srv.base + p, { method: 'DELETE', headers: { ...h(), ...headers } }),
  };
}
const pub = as(null);
const member = as('hans');
const chair = as('astrid');
const secretary = as('ole');
const admin = as('admin');

const NEW_MEETING = {
  body: 'fsn-sonderjylland', date: '2026-12-10', start: '13:00', end: '15:30',
  place: 'Sønderborg Sygehus, Sydvang 1, 6400 Sønderborg', kind: 'ordinary',
};

let meeting;		// the B meeting as created
const NEW_MEETING_BODY_ID = idOf(demo().bodies, 'fsn-sonderjylland');
const items = {};	// title key -> item

test('creating a meeting: the public 401, a member 403, the secretary 201 with the checklist', async () => {
  let r = await pub.send('/api/v1/meetings', 'POST', NEW_MEETING);
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'login_required');
  r = await member.send('/api/v1/meetings', 'POST', NEW_MEETING);
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'forbidden');
  r = await secretary.send('/api/v1/meetings', 'POST', NEW_MEETING);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  meeting = r.body;
  assert.equal(r.headers.get('location'), `/api/v1/meetings/${meeting.id}`);
  assert.equal(meeting.state, 'planned');
  assert.equal(meeting.body, 'fsn-sonderjylland');
  assert.equal(meeting.date, '2026-12-10');
  assert.equal(meeting.start, '13:00');
  assert.equal(meeting.end, '15:30');
  assert.ok(meeting.revision >= 1);
  assert.ok(Array.isArray(meeting.tasks) && meeting.tasks.length > 0, 'checklist generated');
  assert.ok(meeting.tasks.every((t) => /^\d{4}-\d\d-\d\d$/.test(t.due)), 'due dates');
});

test('meeting input is validated field by field, in Danish', async () => {
  const cases = [
    [{ ...NEW_MEETING, end: '12:00' }, 'end'],
    [{ ...NEW_MEETING, start: '25:00' }, 'start'],
    [{ ...NEW_MEETING, date: '2026-02-30' }, 'date'],
    [{ ...NEW_MEETING, kind: 'weekly' }, 'kind'],
    [{ ...NEW_MEETING, body: 'no-such-body' }, 'body'],
    [{ ...NEW_MEETING, online_url: 'javascript:alert(1)' }, 'online_url'],
    [{ body: 'fsn-sonderjylland' }, 'date'],
  ];
  for (const [data, field] of cases) {
    const r = await secretary.send('/api/v1/meetings', 'POST', data);
    assert.equal(r.status, 422, `${field}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 'validation');
    assert.ok(r.body.error.fields[field], `${field} in ${JSON.stringify(r.body.error.fields)}`);
    assert.match(r.body.error.message, /^Oplysningerne kan ikke gemmes: /);
  }
  let r = await secretary.send('/api/v1/meetings', 'POST', { ...NEW_MEETING, colour: 'red' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'unknown_field');
  r = await secretary.send('/api/v1/meetings', 'POST', '{"date": ');
  assert.equal(r.status, 400);
});

test('an unpublished meeting does not exist for the public; members read it', async () => {
  let r = await pub.get(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.status, 404);
  r = await pub.get('/api/v1/meetings?body=fsn-sonderjylland');
  assert.equal(r.status, 200);
  assert.ok(!r.body.some((m) => m.id === meeting.id));
  r = await member.get(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('etag'), `"v${r.body.revision}"`);
  r = await member.get('/api/v1/meetings?body=fsn-sonderjylland&from=2026-12-01&to=2026-12-31');
  assert.ok(r.body.some((m) => m.id === meeting.id));
  r = await member.get('/api/v1/meetings?from=2027-01-01');
  assert.ok(!r.body.some((m) => m.id === meeting.id));
  r = await member.get('/api/v1/meetings?from=tomorrow');
  assert.equal(r.status, 400);
});

test('items: added by the secretary, "eventuelt" kept last, case numbers normalised', async () => {
  const add = async (who, data) => who.send(`/api/v1/meetings/${meeting.id}/items`, 'POST', data);
  let r = await member.send(`/api/v1/meetings/${meeting.id}/items`, 'POST', { title: 'X', kind: 'approval' });
  assert.equal(r.status, 403);
  r = await add(secretary, { title: 'Godkendelse af dagsorden', kind: 'approval' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  items.agenda = r.body;
  r = await add(secretary, { title: 'Eventuelt', kind: 'aob' });
  items.aob = r.body;
  r = await add(secretary, {
    title: `${SECRET_TITLE_TEXT} en medarbejder`, kind: 'discussion', closed: true,
    presentation: SECRET, summary: SECRET, decision: '',
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  items.closed = r.body;
  r = await add(secretary, { title: 'Orientering om økonomi', kind: 'information', case_number: ' 22/17744 ' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.case_number, '22/17744');
  items.info = r.body;
  r = await add(secretary, { title: 'Forkert sagsnummer', kind: 'information', case_number: '//' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.case_number);
  r = await add(secretary, { kind: 'information' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.title);

  r = await secretary.get(`/api/v1/meetings/${meeting.id}/items`);
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 4);
  assert.deepEqual(r.body.map((i) => i.number), [1, 2, 3, 4]);
  assert.equal(r.body.at(-1).kind, 'aob', 'any other business last');
});

test('order: the charter\'s order is kept (422), a valid order is saved', async () => {
  const list = (await secretary.get(`/api/v1/meetings/${meeting.id}/items`)).body;
  const ids = list.map((i) => i.id);
  let r = await secretary.send(`/api/v1/meetings/${meeting.id}/order`, 'PUT', { items: [items.aob.id, ...ids.filter((x) => x !== items.aob.id)] });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'order');
  assert.ok(r.body.error.message.length > 0);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}/order`, 'PUT', { items: ids.slice(1) });
  assert.equal(r.status, 422);
  const wanted = [items.info.id, items.agenda.id, items.closed.id, items.aob.id];
  r = await member.send(`/api/v1/meetings/${meeting.id}/order`, 'PUT', { items: wanted });
  assert.equal(r.status, 403);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}/order`, 'PUT', { items: wanted });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body.map((i) => i.id), wanted);
});

test('conditional writes: revision in the body (409 stale), If-Match (412)', async () => {
  const got = await secretary.get(`/api/v1/meetings/${meeting.id}`);
  const rev = got.body.revision;
  let r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { ...got.body, title: 'Møde i det fagligt strategiske niveau' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.title, 'Møde i det fagligt strategiske niveau');
  assert.ok(r.body.revision > rev);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { revision: rev, place: 'Aabenraa' });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'stale');
  r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { place: 'Aabenraa' }, { 'If-Match': `"v${rev}"` });
  assert.equal(r.status, 412);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { place: 'Aabenraa' }, { 'If-Match': 'nonsense' });
  assert.equal(r.status, 412);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { state: 'published' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.state);
  // Items too.
  const it = (await secretary.get(`/api/v1/items/${items.info.id}`));
  assert.equal(it.headers.get('etag'), `"v${it.body.revision}"`);
  r = await secretary.send(`/api/v1/items/${items.info.id}`, 'PUT', { ...it.body, summary: 'Kort resumé' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await secretary.send(`/api/v1/items/${items.info.id}`, 'PUT', { summary: 'Igen' }, { 'If-Match': `"v${it.body.revision}"` });
  assert.equal(r.status, 412);
  r = await secretary.send(`/api/v1/items/${items.info.id}`, 'PUT', { number: 4 });
  assert.equal(r.status, 422, 'numbers change through /order');
});

async function moveTo(who, state, m = meeting) {
  return who.send(`/api/v1/meetings/${m.id}/state`, 'POST', { state });
}

test('states: the secretary invites and publishes, only the chair approves the agenda', async () => {
  let r = await pub.send(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'invited' });
  assert.equal(r.status, 404, 'the public cannot see it yet');
  r = await member.send(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'invited' });
  assert.equal(r.status, 403);
  r = await moveTo(secretary, 'invited');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.state, 'invited');
  assert.deepEqual(r.body.mail, { enabled: false, sent: 0, warning: null });
  r = await moveTo(secretary, 'held');
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'transition_not_allowed');
  r = await moveTo(secretary, 'agenda_approved');
  assert.equal(r.status, 403, 'the secretariat may not approve');
  r = await moveTo(chair, 'agenda_approved');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await secretary.send(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'nonsense' });
  assert.equal(r.status, 422);
  r = await secretary.send(`/api/v1/meetings/${meeting.id}/state`, 'POST', { state: 'published', revision: 1 });
  assert.equal(r.status, 409);
  r = await moveTo(secretary, 'published');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.was_published, true);
  assert.ok(r.body.events.length >= 4, 'history of state changes');
});

test('published: the public reads it, the closed item by number and title only', async () => {
  let r = await pub.get(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.status, 200);
  const text = JSON.stringify(r.body);
  assert.ok(!text.includes(SECRET), 'no closed text in the public meeting');
  const closed = r.body.items.find((i) => i.id === items.closed.id);
  assert.equal(closed.closed, true);
  assert.equal(closed.presentation, '');
  assert.deepEqual(r.body.attendance, []);
  assert.deepEqual(r.body.tasks, []);
  for (const p of [`/api/v1/items/${items.closed.id}`, `/api/v1/meetings/${meeting.id}/items`,
    '/api/v1/meetings', '/api/v1/meetings?body=fsn-sonderjylland']) {
    r = await pub.get(p);
    assert.equal(r.status, 200, p);
    assert.ok(!JSON.stringify(r.body).includes(SECRET), p);
  }
  r = await member.get(`/api/v1/items/${items.closed.id}`);
  assert.equal(r.body.presentation, SECRET, 'members read closed items');
  r = await pub.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { place: 'X' });
  assert.equal(r.status, 401);
  r = await member.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { place: 'X' });
  assert.equal(r.status, 403);
  r = await pub.send(`/api/v1/items/${items.info.id}/decision`, 'PUT', { outcome: 'noted' });
  assert.equal(r.status, 401);
  r = await pub.get(`/api/v1/meetings/${meeting.id}/attendance`);
  assert.notEqual(r.status, 200, 'attendance is not for the public');
  r = await member.get(`/api/v1/meetings/${meeting.id}/attendance`);
  assert.equal(r.status, 200);
  assert.ok(r.body.members.length > 5);
  r = await pub.del(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.status, 401);
  r = await secretary.del(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.status, 409, 'a published meeting is cancelled, not deleted');
});

test('decisions and minutes: recorded by the secretary, approved by the chair', async () => {
  let r = await member.send(`/api/v1/items/${items.agenda.id}/decision`, 'PUT', { outcome: 'approved' });
  assert.equal(r.status, 403);
  r = await secretary.send(`/api/v1/items/${items.agenda.id}/decision`, 'PUT', { outcome: 'sometimes' });
  assert.equal(r.status, 422);
  r = await secretary.send(`/api/v1/items/${items.agenda.id}/decision`, 'PUT', { outcome: 'approved', decision: 'Dagsordenen blev godkendt.' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.outcome, 'approved');
  for (const it of [items.closed, items.info, items.aob]) {
    r = await secretary.send(`/api/v1/items/${it.id}/decision`, 'PUT', { outcome: it === items.closed ? 'discussed' : 'noted', decision: it === items.closed ? SECRET : '' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  // Not before the meeting's day (2026-12-10; today is 2026-11-23).
  r = await moveTo(secretary, 'held');
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'transition_problem');
  assert.match(r.body.error.message, /først markeres som afholdt på mødedagen/);
  // Moved to today, it can.
  r = await secretary.send(`/api/v1/meetings/${meeting.id}`, 'PUT', { date: TODAY });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await moveTo(secretary, 'held');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await moveTo(secretary, 'minutes_approved');
  assert.equal(r.status, 403);
  r = await moveTo(chair, 'minutes_approved');
  assert.equal(r.status, 200, JSON.stringify(r.body));
  r = await pub.get(`/api/v1/meetings/${meeting.id}`);
  assert.equal(r.body.items.find((i) => i.id === items.agenda.id).decision, 'Dagsordenen blev godkendt.');
  assert.ok(!JSON.stringify(r.body).includes(SECRET));
  r = await secretary.send(`/api/v1/meetings/${meeting.id}/items`, 'POST', { title: 'For sent', kind: 'information' });
  assert.equal(r.status, 409, 'no new items after the meeting');
});

test('quorum: a decision at an inquorate political-level meeting is 422 until attendance is recorded', async () => {
  let r = await secretary.send('/api/v1/meetings', 'POST', { ...NEW_MEETING, body: 'pn-sonderjylland', date: '2026-12-14' });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const m = r.body;
  r = await secretary.send(`/api/v1/meetings/${m.id}/items`, 'POST', { title: 'Fælles indsats for ældre', kind: 'approval' });
  const item = r.body;
  r = await secretary.send(`/api/v1/items/${item.id}/decision`, 'PUT', { outcome: 'approved' });
  assert.equal(r.status, 409, 'no decisions before the agenda is out');
  assert.equal((await moveTo(admin, 'agenda_approved', m)).status, 200);
  assert.equal((await moveTo(secretary, 'published', m)).status, 200);
  r = await secretary.send(`/api/v1/items/${item.id}/decision`, 'PUT', { outcome: 'approved', decision: 'Godkendt' });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'inquorate');
  assert.match(r.body.error.message, /beslutningsdygtig/);
  r = await secretary.get(`/api/v1/meetings/${m.id}/quorum`);
  assert.equal(r.status, 200);
  assert.equal(r.body.rule, 'half_per_sector');
  assert.equal(r.body.quorate, false);

  const att = (await secretary.get(`/api/v1/meetings/${m.id}/attendance`)).body;
  const rows = att.members.map((x) => ({ membership_id: x.membership_id, status: 'present' }));
  r = await member.send(`/api/v1/meetings/${m.id}/attendance`, 'PUT', { attendance: rows });
  assert.ok(r.status === 403 || r.status === 404, `member of B only: ${r.status}`);
  const otherBody = (await admin.get('/api/v1/memberships?body_id=' + NEW_MEETING_BODY_ID)).body[0].id;
  r = await secretary.send(`/api/v1/meetings/${m.id}/attendance`, 'PUT', { attendance: [{ membership_id: otherBody, status: 'present' }] });
  assert.equal(r.status, 422, 'a membership of another body');
  r = await secretary.send(`/api/v1/meetings/${m.id}/attendance`, 'PUT', { attendance: rows });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.quorum.quorate, true);
  assert.ok(r.body.members.every((x) => x.status === 'present'));
  r = await secretary.send(`/api/v1/items/${item.id}/decision`, 'PUT', { outcome: 'approved', decision: 'Godkendt' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('a meeting never published can be deleted; an unknown one is 404', async () => {
  let r = await secretary.send('/api/v1/meetings', 'POST', { ...NEW_MEETING, date: '2027-01-20' });
  assert.equal(r.status, 201);
  const id = r.body.id;
  r = await member.del(`/api/v1/meetings/${id}`);
  assert.equal(r.status, 403);
  r = await secretary.del(`/api/v1/meetings/${id}`);
  assert.equal(r.status, 204);
  r = await secretary.get(`/api/v1/meetings/${id}`);
  assert.equal(r.status, 404);
  r = await secretary.get('/api/v1/items/999999');
  assert.equal(r.status, 404);
});
