'use strict';
// permissions_meetings.test.js - the permission matrix for meetings
// (issue 3 items 3 and 7, issue 4): every role x every surface that shows
// a meeting x a public item, a closed item, a decision whose minutes are
// not approved yet, and a meeting that was never published:
//
//   surfaces  meeting page, item page, agenda and minutes HTML, the body
//             page and its meeting list, /api/v1 (meeting, items, item),
//             /oparl/v1 (the body's meetings), the body's and a person's
//             iCalendar feed, attachment and document downloads
//             (/files/:token), the public PDF's text, the body's Historik
//
// The rule (src/core/access.h, access_meeting_view): the body's members,
// chairs, secretaries and administrators see everything; the case
// handler of the closed item sees that item; everyone else (the public,
// an account that is no person, the secretary of another body) sees a
// published meeting with closed items by title only, no decisions until
// the minutes are approved, and no meeting that was never published.
// Something a role may not see does not exist for them: 404, and no
// answer contains its text.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { start, demo, idOf, Client, formFields, repoRoot } = require('./helpers');

const TODAY = '2026-11-23';
const B_KEY = 'fsn-sonderjylland';

// Texts that must reach only those allowed to see them.
const PUBLIC_TEXT = 'Offentligt resumé om akutplanen 5521';
const CLOSED_TITLE = 'Personalesag om projektleder';
const CLOSED_TEXT = 'FORTROLIGT-RESUME-8843';
const DECISION_TEXT = 'BESLUTNING-IKKE-GODKENDT-2291';
const DRAFT_MEETING_TITLE = 'Ikke-udsendt møde 6610';
const DRAFT_ITEM_TEXT = 'UDKAST-PUNKT-4417';

const ROLES = {
  public: null,
  noPerson: { username: 'uden-person' },
  member: { username: 'hans', person: 'p-hans-norgaard' },
  chair: { username: 'astrid', person: 'p-astrid-bisgaard' },
  secretary: { username: 'ole', person: 'p-ole-kristensen' },
  secretaryC: { username: 'jakob', person: 'p-jakob-klitgaard' },
  handler: { username: 'sagsbehandler' },	// person chosen below
  admin: { username: 'admin' },
};
const FULL = new Set(['member', 'chair', 'secretary', 'admin']);

// A person with no membership of B and no role anywhere near it: the
// closed item's case handler.
function handlerPerson(d) {
  const inB = new Set(d.memberships.filter((m) => m.body === B_KEY).map((m) => m.person));
  const taken = new Set(Object.values(ROLES).filter((r) => r && r.person).map((r) => r.person));
  const p = d.people.find((x) => !inB.has(x.key) && !taken.has(x.key) &&
    !d.memberships.some((m) => m.person === x.key && m.role === 'secretary'));
  return p.key;
}

let srv;
let d;
const clients = {};
const ids = {};

function pdfText(buf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klynge-perm-'));
  const f = path.join(dir, 'x.pdf');
  fs.writeFileSync(f, buf);
  const r = spawnSync('pdftotext', [f, '-'], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.stdout;
}

before(async () => {
  d = demo();
  ROLES.handler.person = handlerPerson(d);
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: Object.values(ROLES).filter((r) => r && r.username !== 'admin'),
  });
  for (const [role, r] of Object.entries(ROLES))
    clients[role] = r ? await srv.client(r.username) : new Client(srv.base);
  ids.body = idOf(d.bodies, B_KEY);
  ids.handlerPerson = idOf(d.people, ROLES.handler.person);
  const admin = clients.admin;
  const api = async (p, method, data) => {
    const r = await admin.request(method, p, {
      body: JSON.stringify(data), headers: { 'content-type': 'application/json' },
    });
    const body = r.text ? JSON.parse(r.text) : null;
    assert.ok(r.status < 300, `${method} ${p}: ${r.status} ${r.text}`);
    return body;
  };

  // M1: published, with a public and a closed item, both with an
  // attachment; a decision recorded, minutes not approved; both PDFs.
  const m1 = await api('/api/v1/meetings', 'POST', {
    body: B_KEY, date: '2026-11-30', start: '13:00', end: '15:00', place: 'Aabenraa',
  });
  ids.m1 = m1.id;
  const pub = await api(`/api/v1/meetings/${m1.id}/items`, 'POST', {
    title: 'Godkendelse af akutplan', kind: 'approval', summary: PUBLIC_TEXT,
    resolutions: 'planen godkendes',
  });
  ids.pub = pub.id;
  const clo = await api(`/api/v1/meetings/${m1.id}/items`, 'POST', {
    title: CLOSED_TITLE, kind: 'discussion', closed: true, summary: CLOSED_TEXT,
    handler_person_id: ids.handlerPerson,
  });
  ids.clo = clo.id;
  const pdf = fs.readFileSync(path.join(repoRoot, 'tests', 'e2e', 'fixtures', 'bilag-notat.pdf'));
  for (const item of [pub.id, clo.id]) {
    const fd = new FormData();
    fd.append('csrf', admin.csrf);
    fd.append('file', new Blob([pdf], { type: 'application/pdf' }), `bilag-${item}.pdf`);
    const r = await admin.request('POST', `/items/${item}/attachments`, { body: fd });
    assert.equal(r.status, 303, r.text);
  }
  for (const state of ['invited', 'agenda_approved', 'published'])
    await api(`/api/v1/meetings/${m1.id}/state`, 'POST', { state });
  await api(`/api/v1/items/${pub.id}/decision`, 'PUT', { outcome: 'approved', decision: DECISION_TEXT });
  const gen = await admin.post(`/meetings/${m1.id}/documents`, { kind: 'agenda' });
  assert.equal(gen.status, 303, gen.text);
  const full = await api(`/api/v1/meetings/${m1.id}`, 'GET');
  const urlOf = (u) => new URL(u, srv.base).pathname;
  ids.pubFile = urlOf(full.items.find((i) => i.id === pub.id).attachments[0].url);
  ids.closedFile = urlOf(full.items.find((i) => i.id === clo.id).attachments[0].url);
  ids.fullDoc = urlOf(full.documents.find((x) => !x.public_edition).url);
  ids.publicDoc = urlOf(full.documents.find((x) => x.public_edition).url);

  // M2: never published.
  const m2 = await api('/api/v1/meetings', 'POST', {
    body: B_KEY, date: '2026-12-10', start: '13:00', end: '15:00', title: DRAFT_MEETING_TITLE,
  });
  ids.m2 = m2.id;
  const di = await api(`/api/v1/meetings/${m2.id}/items`, 'POST', {
    title: 'Udkast', kind: 'discussion', summary: DRAFT_ITEM_TEXT,
  });
  ids.draftItem = di.id;
});

after(async () => {
  if (srv)
    await srv.stop();
});

// What each role should see of M1 / M2 on the surfaces.
function sees(role) {
  return {
    closed: FULL.has(role) || role === 'handler',
    decision: FULL.has(role),
    draft: FULL.has(role),
  };
}

// Surfaces that show item texts: what the role may see is there, what
// it may not is not.
function check(role, surface, text, want) {
  const say = `${role} on ${surface}`;
  assert.equal(text.includes(CLOSED_TEXT), want.closed, `${say}: closed item text`);
  assert.equal(text.includes(DECISION_TEXT), want.decision, `${say}: unapproved decision`);
  assert.equal(text.includes(DRAFT_ITEM_TEXT), want.draft, `${say}: unpublished meeting's item`);
}

// Surfaces that show titles only (lists, the meeting page, feeds): what
// the role may not see is not there.
function noLeak(role, surface, text, want) {
  const say = `${role} on ${surface}`;
  if (!want.closed)
    assert.ok(!text.includes(CLOSED_TEXT), `${say}: closed item text`);
  if (!want.decision)
    assert.ok(!text.includes(DECISION_TEXT), `${say}: unapproved decision`);
  if (!want.draft) {
    assert.ok(!text.includes(DRAFT_ITEM_TEXT), `${say}: unpublished meeting's item`);
    assert.ok(!text.includes(DRAFT_MEETING_TITLE), `${say}: unpublished meeting`);
  }
}

for (const role of Object.keys(ROLES)) {
  test(`${role}: pages, API, OParl, feeds, files and PDF show only what the rule allows`, async () => {
    const c = clients[role];
    const w = sees(role);

    // The published meeting: everyone sees it, the closed title too.
    const page = await c.get(`/meetings/${ids.m1}`);
    assert.equal(page.status, 200, `${role} meeting page`);
    assert.ok(page.text.includes(CLOSED_TITLE), `${role} sees the closed item's title`);
    assert.ok(page.text.includes('Godkendelse af akutplan'));
    noLeak(role, 'meeting page', page.text, { ...w, draft: false });
    const agenda = await c.get(`/meetings/${ids.m1}/agenda`);
    assert.equal(agenda.status, 200, `${role} agenda HTML`);
    check(role, 'agenda HTML', agenda.text, { ...w, decision: false, draft: false });
    // The minutes before their approval: the body's people only.
    const minutes = await c.get(`/meetings/${ids.m1}/minutes`);
    assert.equal(minutes.status, 200, `${role} minutes HTML`);
    check(role, 'minutes HTML', minutes.text, { ...w, draft: false });
    const item = await c.get(`/items/${ids.clo}`);
    assert.equal(item.status, 200, `${role} closed item page`);
    check(role, 'closed item page', item.text, { ...w, decision: false, draft: false });
    const pubItem = await c.get(`/items/${ids.pub}`);
    assert.ok(pubItem.text.includes(PUBLIC_TEXT), `${role} reads the public item`);
    check(role, 'public item page', pubItem.text, { ...w, closed: false, draft: false });

    // The unpublished meeting and its item: 404 unless allowed.
    for (const p of [`/meetings/${ids.m2}`, `/items/${ids.draftItem}`, `/meetings/${ids.m2}/agenda`]) {
      const r = await c.get(p);
      assert.equal(r.status, w.draft ? 200 : 404, `${role} ${p}`);
      if (!w.draft)
        assert.ok(!r.text.includes(DRAFT_ITEM_TEXT) && !r.text.includes(DRAFT_MEETING_TITLE), `${role} ${p}`);
    }
    for (const p of [`/bodies/${ids.body}`, `/bodies/${ids.body}/meetings`]) {
      const r = await c.get(p);
      assert.equal(r.status, 200);
      assert.equal(r.text.includes(DRAFT_MEETING_TITLE), w.draft, `${role} ${p}: unpublished meeting listed`);
      noLeak(role, p, r.text, w);
      // The cadence is the check's answer for everyone (klynge check):
      // counted over all meetings, the unpublished one too.
      assert.match(r.text, /2 af mindst 4 møder i 2026 <span class="muted">\(0 afholdt, 2 planlagt\)/, `${role} ${p}: cadence`);
    }

    // The API, through the session (the public has none: it reads too).
    const am = await c.get(`/api/v1/meetings/${ids.m1}`);
    assert.equal(am.status, 200, `${role} API meeting`);
    check(role, 'API meeting', am.text, { ...w, draft: false });
    const ai = await c.get(`/api/v1/items/${ids.clo}`);
    assert.equal(ai.status, 200);
    check(role, 'API closed item', ai.text, { ...w, decision: false, draft: false });
    const al = await c.get(`/api/v1/meetings?body=${ids.body}`);
    assert.equal(al.status, 200);
    assert.equal(al.text.includes(DRAFT_MEETING_TITLE), w.draft, `${role} API list: unpublished meeting`);
    noLeak(role, 'API list', al.text, w);
    const am2 = await c.get(`/api/v1/meetings/${ids.m2}`);
    assert.equal(am2.status, w.draft ? 200 : 404, `${role} API unpublished meeting`);

    // OParl is the public's view for everyone.
    const op = await c.get(`/oparl/v1/organization/${ids.body}/meeting`);
    assert.equal(op.status, 200);
    assert.ok(op.text.includes(CLOSED_TITLE), 'OParl names the closed item');
    noLeak(role, 'OParl', op.text, { closed: false, decision: false, draft: false });

    // Calendar feeds: the unpublished meeting only for those allowed.
    const cal = await c.get(`/bodies/${ids.body}/calendar.ics`);
    assert.equal(cal.status, 200);
    assert.equal(cal.text.includes(DRAFT_MEETING_TITLE), w.draft, `${role} body feed`);
    noLeak(role, 'body feed', cal.text, { closed: false, decision: false, draft: w.draft });

    // Downloads: an unguessable token is still checked against the rule.
    const f = async (p) => (await c.get(p)).status;
    assert.equal(await f(ids.pubFile), 200, `${role} public attachment`);
    assert.equal(await f(ids.closedFile), w.closed ? 200 : 404, `${role} closed attachment`);
    assert.equal(await f(ids.fullDoc), FULL.has(role) ? 200 : 404, `${role} full edition`);
    assert.equal(await f(ids.publicDoc), 200, `${role} public edition`);
    assert.equal(await f('/files/0123456789abcdef0123456789abcdef'), 404);

    // Historik on the body page never carries what the role may not see.
    const hist = await c.get(`/bodies/${ids.body}`);
    noLeak(role, 'body Historik', hist.text, w);
  });
}

test('the public edition of the agenda PDF has the closed item by title only; the full edition has it all', async () => {
  const admin = clients.admin;
  const pubRes = await fetch(srv.base + ids.publicDoc);
  const pubText = pdfText(Buffer.from(await pubRes.arrayBuffer()));
  assert.match(pubText, /Personalesag om/);
  assert.ok(!pubText.includes(CLOSED_TEXT), 'public PDF lacks the closed text');
  assert.ok(pubText.includes(PUBLIC_TEXT.slice(0, 20)), 'public PDF has the public text');
  const fullRes = await admin.request('GET', ids.fullDoc);
  assert.equal(fullRes.status, 200);
  const fullBuf = await (await fetch(srv.base + ids.fullDoc, { headers: { cookie: admin.cookieHeader() } })).arrayBuffer();
  assert.ok(pdfText(Buffer.from(fullBuf)).includes(CLOSED_TEXT), 'full PDF has the closed text');
});

// Writes: who may change what (OK / LOGIN / FORBIDDEN / HIDDEN).
const OK = 'ok';
const LOGIN = 'login';
const FORBIDDEN = 'forbidden';
const HIDDEN = 'hidden';

function outcome(r) {
  if (r.status === 303)
    return /^\/login/.test(r.location || '') ? LOGIN : OK;
  if (r.status === 403)
    return FORBIDDEN;
  if (r.status === 404)
    return HIDDEN;
  return `status ${r.status}`;
}

test('writes: new items, the case handler\'s own item, and approvals', async () => {
  const expect = {
    //            new item  edit closed (handler's)  edit public item
    public:     [LOGIN, LOGIN, LOGIN],
    noPerson:   [FORBIDDEN, FORBIDDEN, FORBIDDEN],
    member:     [FORBIDDEN, FORBIDDEN, FORBIDDEN],
    chair:      [FORBIDDEN, FORBIDDEN, FORBIDDEN],
    secretary:  [OK, OK, OK],
    secretaryC: [FORBIDDEN, FORBIDDEN, FORBIDDEN],
    handler:    [FORBIDDEN, OK, FORBIDDEN],
    admin:      [OK, OK, OK],
  };
  for (const [role, want] of Object.entries(expect)) {
    const c = clients[role];
    const got = [];
    got.push(outcome(await c.post(`/meetings/${ids.m1}/items`, { title: `Nyt punkt fra ${role}`, kind: 'information' })));
    // The item form as the secretariat sees it, with one change: what a
    // browser would send (a case handler's own form has fewer fields).
    for (const item of [ids.clo, ids.pub]) {
      const form = await clients.admin.get(`/items/${item}/edit`);
      const fields = formFields(form.text, `/items/${item}`)
        .filter(([n]) => n !== 'csrf')
        .map(([n, v]) => [n, n === 'presentation' ? `Rettet af ${role}` : v]);
      const rr = await c.post(`/items/${item}`, fields);
      got.push(outcome(rr));
    }
    assert.deepEqual(got, want, role);
  }

  // Approving the agenda of M2: the chair, not the secretary.
  const api = (role) => (p, method, data) => clients[role].request(method, p, {
    body: JSON.stringify(data), headers: { 'content-type': 'application/json' },
  });
  assert.equal((await api('secretary')(`/api/v1/meetings/${ids.m2}/state`, 'POST', { state: 'invited' })).status, 200);
  assert.equal((await api('secretary')(`/api/v1/meetings/${ids.m2}/state`, 'POST', { state: 'agenda_approved' })).status, 403);
  assert.equal((await api('member')(`/api/v1/meetings/${ids.m2}/state`, 'POST', { state: 'agenda_approved' })).status, 403);
  assert.equal((await api('chair')(`/api/v1/meetings/${ids.m2}/state`, 'POST', { state: 'agenda_approved' })).status, 200);
  // Still not published: the public still gets nothing.
  assert.equal((await clients.public.get(`/meetings/${ids.m2}`)).status, 404);
});
