'use strict';
// cases_api.test.js - /api/v1 for casework (issue 5): each of seed 001's
// three flow templates end to end through the API (the case made from
// the template, its steps put on the bodies' agendas, the meetings'
// decisions recorded through the meetings API, steps started and done,
// the case decided -> implementing -> closed, lead times from the
// meeting dates); competence (an implementation group's decision
// becomes a recommendation and a decide step at the body it recommends
// to); economic routing (a case decided in a cluster stays
// awaiting_councils until the regional council and every municipality
// of the cluster approve, and every way around that through the API is
// refused); permissions (the public 401, another body's secretary 403,
// the origin's secretary allowed); conditional writes (409 stale, 412
// If-Match); follow-up actions, shared initiatives, templates.
//
// Time passes as it does in reality: a step goes on the agenda of its
// body's next meeting (today or later), and only when the meeting day
// has come (srv.restart with a later KLYNGE_TODAY; sessions survive) is
// the meeting held and its decision recorded - a step's change is
// recorded on the meeting's date only once the meeting has been
// (case_step_date). Time only moves forward, so each template's flow
// runs on later dates than the one before: a from 2 March 2026, b from
// June, c from July, competence from October.
//
// Seed 001, item 2: "(a) SSU beslutter -> strategisk styregruppe
// forbereder -> klyngernes fagligt strategiske niveau implementerer ->
// implementeringsgrupperne udfører; (b) lokal indsats i én klynge
// skaleres til de øvrige; (c) en sag, der starter på klyngens fagligt
// strategiske niveau" - with time perspectives.
//
// Roles on TODAY in data/demo.json:
//   martin  secretary of SSU and Strategisk Sundhedsstyregruppe (region-wide)
//   ole     secretary of fsn-sonderjylland and pn-sonderjylland
//   sofie   secretary of fsn-fyn and pn-fyn (another cluster)
//   anders  secretary of ipg-sonderjylland-aeldre (recommends to fsn-sonderjylland)
//   jorgen  secretary of fsn-sydvestjylland
//   hans    member of fsn-sonderjylland (no secretariat)

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { start, json, send } = require('./helpers');

const TODAY = '2026-03-02';

let srv;
const sid = {};

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: [
      { username: 'martin', person: 'p-martin-borup' },
      { username: 'ole', person: 'p-ole-kristensen' },
      { username: 'sofie', person: 'p-sofie-engel' },
      { username: 'anders', person: 'p-anders-mikkelsen' },
      { username: 'jorgen', person: 'p-jorgen-kirk' },
      { username: 'hans', person: 'p-hans-norgaard' },
    ],
  });
  for (const u of ['martin', 'ole', 'sofie', 'anders', 'jorgen', 'hans', 'admin'])
    sid[u] = await srv.login(u);
});

after(async () => {
  if (srv)
    await srv.stop();
});

function as(who) {
  const h = () => (who ? { Cookie: sid[who] } : {});
  return {
    get: (p, headers = {}) => json(srv.base + p, { headers: { ...h(), ...headers } }),
    send: (p, method, data, headers = {}) => send(srv.base + p, method, data, { ...h(), ...headers }),
    del: (p) => json(srv.base + p, { method: 'DELETE', headers: h() }),
  };
}
const pub = as(null);
const admin = as('admin');
const martin = as('martin');
const ole = as('ole');
const sofie = as('sofie');
const anders = as('anders');
const jorgen = as('jorgen');
const hans = as('hans');

const ok = (r, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

// ---- time ----

// The server's day; time passes by starting the server again on the same
// database on a later day.
let today = TODAY;
async function timePasses(date) {
  assert.ok(date >= today, `time only moves forward: ${today} -> ${date}`);
  if (date === today)
    return;
  await srv.restart({ KLYNGE_TODAY: date });
  today = date;
}

// ---- meetings through the meetings API (the administrator runs them) ----

const meetings = {};
async function meeting(body, date) {
  const key = `${body}@${date}`;
  if (meetings[key])
    return meetings[key];
  const r = await admin.send('/api/v1/meetings', 'POST', { body, date, start: '10:00', end: '12:00', kind: 'ordinary' });
  ok(r, 201);
  meetings[key] = r.body;
  return r.body;
}

async function publish(m) {
  const now = (await admin.get(`/api/v1/meetings/${m.id}`)).body;
  for (const state of ['agenda_approved', 'published']) {
    if (now.state === 'published' || (state === 'agenda_approved' && now.state === 'agenda_approved'))
      continue;
    ok(await admin.send(`/api/v1/meetings/${m.id}/state`, 'POST', { state }));
  }
}

async function decideItem(itemId, outcome = 'approved', decision = 'Indstillingen godkendes.') {
  ok(await admin.send(`/api/v1/items/${itemId}/decision`, 'PUT', { outcome, decision }));
}

async function hold(m) {
  ok(await admin.send(`/api/v1/meetings/${m.id}/state`, 'POST', { state: 'held' }));
}

// ---- casework helpers ----

const stepsOf = (c, pred) => c.steps.filter(pred);
const stepAt = (c, body, action) => {
  const s = c.steps.find((x) => x.body === body && (!action || x.action === action));
  assert.ok(s, `a ${action || ''} step at ${body} in ${JSON.stringify(c.steps.map((x) => [x.body || x.org, x.action]))}`);
  return s;
};
const putStep = (who, c, st, data) => who.send(`/api/v1/cases/${c.id}/steps/${st.id}`, 'PUT', data);
const onAgenda = (who, c, st) => who.send(`/api/v1/cases/${c.id}/steps/${st.id}/agenda`, 'POST', {});
const getCase = async (id) => (await pub.get(`/api/v1/cases/${id}`)).body;

// Puts a step on its body's meeting of `date` (today or later) and
// publishes the meeting; returns the item.
async function schedule(who, c, st, date) {
  const m = await meeting(st.body, date);
  const r = await onAgenda(who, c, st);
  ok(r, 201);
  assert.equal(r.body.item.meeting_id, m.id, 'the body\'s next editable meeting');
  assert.equal(r.body.item.meeting_date, date);
  await publish(m);
  return r.body.item;
}

// schedule(), then the meeting day comes: the meeting is held and the
// decision recorded there; returns the item.
async function treat(who, c, st, date, outcome = 'approved') {
  const item = await schedule(who, c, st, date);
  await timePasses(date);
  await hold(await meeting(st.body, date));
  await decideItem(item.id, outcome);
  return item;
}

// ---- templates (seed 001's three flows; data, per region) ----

const T = {
  a: {
    key: 'ssu-til-klynger', name: 'SSU beslutter – klyngerne implementerer', region: 'region-syddanmark',
    description: 'Seed 001, model a',
    steps: [
      { target: 'body', target_body: 'ssu-syddanmark', action: 'decide', offset_days: 14, note: 'SSU træffer beslutning' },
      { target: 'body', target_body: 'strategisk-sundhedsstyregruppe', action: 'prepare', offset_days: 30, note: 'Styregruppen forbereder implementeringen' },
      { target: 'kind_all', target_kind: 'strategic_level', action: 'implement', offset_days: 60, note: 'Klyngerne implementerer' },
      { target: 'children', target_kind: 'implementation_group', action: 'implement', offset_days: 60, note: 'Implementeringsgrupperne udfører' },
    ],
  },
  b: {
    key: 'skalering-af-lokal-indsats', name: 'Skalering af en lokal indsats', region: 'region-syddanmark',
    steps: [
      { target: 'origin', action: 'recommend', offset_days: 0 },
      { target: 'body', target_body: 'strategisk-sundhedsstyregruppe', action: 'discuss', offset_days: 30 },
      { target: 'body', target_body: 'ssu-syddanmark', action: 'decide', offset_days: 30 },
      { target: 'kind_others', target_kind: 'strategic_level', action: 'implement', offset_days: 60 },
    ],
  },
  c: {
    key: 'klynge-fagligt-strategisk', name: 'Sag i klyngens fagligt strategiske niveau', region: 'region-syddanmark',
    steps: [
      { target: 'origin', action: 'decide', offset_days: 14 },
      { target: 'children', target_kind: 'implementation_group', action: 'implement', offset_days: 45 },
    ],
  },
  ipg: {
    key: 'implementeringsgruppe-beslutter', name: 'Implementeringsgruppen beslutter selv', region: 'region-syddanmark',
    steps: [
      { target: 'origin', action: 'decide', offset_days: 14 },
      { target: 'origin', action: 'implement', offset_days: 30 },
    ],
  },
};
const tpl = {};

test('templates: the public 401, a cluster secretary 403, the region-wide secretariat creates and edits them', async () => {
  let r = await pub.send('/api/v1/templates', 'POST', T.a);
  assert.equal(r.status, 401);
  assert.equal(r.body.error.code, 'login_required');
  r = await sofie.send('/api/v1/templates', 'POST', T.a);
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'forbidden');
  r = await martin.send('/api/v1/templates', 'POST', { ...T.a, steps: [{ target: 'body', action: 'decide' }] });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.ok(r.body.error.fields['steps[0].target_body'], JSON.stringify(r.body.error.fields));
  r = await martin.send('/api/v1/templates', 'POST', { ...T.a, steps: [{ target: 'everywhere', action: 'decide' }] });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields['steps[0].target']);
  r = await martin.send('/api/v1/templates', 'POST', { ...T.a, colour: 'blå' });
  assert.equal(r.status, 400);
  for (const k of Object.keys(T)) {
    r = await (k === 'ipg' ? admin : martin).send('/api/v1/templates', 'POST', T[k]);
    ok(r, 201);
    assert.equal(r.headers.get('location'), `/api/v1/templates/${r.body.id}`);
    assert.equal(r.body.key, T[k].key);
    assert.equal(r.body.steps.length, T[k].steps.length);
    tpl[k] = r.body;
  }
  r = await pub.get('/api/v1/templates');
  ok(r);
  assert.deepEqual(r.body.map((t) => t.key).sort(), Object.values(T).map((t) => t.key).sort());
  r = await pub.get(`/api/v1/templates/${tpl.a.id}`);
  ok(r);
  assert.equal(r.body.steps[2].target, 'kind_all');
  assert.equal(r.body.steps[2].target_kind, 'strategic_level');
  // Editing: the region's secretariat; a cluster secretary may not.
  const edited = { ...r.body, description: 'Seed 001, model a (redigeret)' };
  r = await ole.send(`/api/v1/templates/${tpl.a.id}`, 'PUT', edited);
  assert.equal(r.status, 403);
  r = await martin.send(`/api/v1/templates/${tpl.a.id}`, 'PUT', edited);
  ok(r);
  assert.equal(r.body.description, 'Seed 001, model a (redigeret)');
  assert.equal(r.body.steps.length, 4);
  r = await pub.get('/api/v1/templates/99999');
  assert.equal(r.status, 404);
});

// ---- template a: SSU decides, the clusters implement ----

const A = {};

test('template a: creating the case - the public 401, a member 403, another cluster\'s secretary 403, SSU\'s secretary 201 with the flow', async () => {
  const data = {
    case_number: ' 26/1001 ', title: 'Ny samarbejdsaftale om behandlingsredskaber',
    description: 'Fælles aftale om udlån af behandlingsredskaber på tværs af sektorer.',
    origin_body: 'ssu-syddanmark', template: 'ssu-til-klynger', economic: false, started: TODAY,
  };
  let r = await pub.send('/api/v1/cases', 'POST', data);
  assert.equal(r.status, 401);
  r = await hans.send('/api/v1/cases', 'POST', data);
  assert.equal(r.status, 403);
  r = await sofie.send('/api/v1/cases', 'POST', data);
  assert.equal(r.status, 403);
  r = await martin.send('/api/v1/cases', 'POST', { ...data, template: 'ingen-skabelon' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.template);
  r = await admin.send('/api/v1/cases', 'POST', { ...data, origin_body: 'midt-ksg' });
  assert.equal(r.status, 422, 'a template of another region');
  assert.equal(r.body.error.code, 'flow');
  r = await martin.send('/api/v1/cases', 'POST', { ...data, title: '' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.title);
  r = await martin.send('/api/v1/cases', 'POST', { ...data, case_number: '//' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.case_number);
  r = await martin.send('/api/v1/cases', 'POST', data);
  ok(r, 201);
  assert.equal(r.headers.get('location'), `/api/v1/cases/${r.body.id}`);
  A.c = r.body;
  assert.equal(A.c.case_number, '26/1001');
  assert.equal(A.c.state, 'open');
  assert.equal(A.c.decided, false);
  assert.equal(A.c.template, 'ssu-til-klynger');
  assert.equal(A.c.origin_body, 'ssu-syddanmark');
  // SSU decides, SSG prepares, the four clusters' strategic levels and
  // Sønderjylland's four implementation groups (the only ones) implement.
  assert.deepEqual(A.c.steps.map((s) => [s.stage, s.body, s.action]), [
    [1, 'ssu-syddanmark', 'decide'],
    [2, 'strategisk-sundhedsstyregruppe', 'prepare'],
    [3, 'fsn-fyn', 'implement'],
    [3, 'fsn-lillebaelt', 'implement'],
    [3, 'fsn-sonderjylland', 'implement'],
    [3, 'fsn-sydvestjylland', 'implement'],
    [4, 'ipg-sonderjylland-aeldre', 'implement'],
    [4, 'ipg-sonderjylland-psykiatri', 'implement'],
    [4, 'ipg-sonderjylland-born', 'implement'],
    [4, 'ipg-sonderjylland-akut', 'implement'],
  ]);
  assert.ok(A.c.steps.every((s) => s.status === 'pending'));
  // Time perspectives chained per stage: +14, +30, +60, +60.
  assert.deepEqual([...new Set(A.c.steps.map((s) => s.due))], ['2026-03-16', '2026-04-15', '2026-06-14', '2026-08-13']);
  r = await pub.get(`/api/v1/cases/${A.c.id}`);
  ok(r);
  assert.equal(r.headers.get('etag'), `"v${r.body.revision}"`);
  r = await pub.get('/api/v1/cases?body=fsn-fyn');
  assert.ok(r.body.some((c) => c.id === A.c.id));
  r = await pub.get('/api/v1/cases?area=klynge-fyn&state=open');
  assert.ok(r.body.some((c) => c.id === A.c.id));
  r = await pub.get('/api/v1/cases?state=closed');
  assert.ok(!r.body.some((c) => c.id === A.c.id));
  r = await pub.get('/api/v1/cases?state=nonsense');
  assert.equal(r.status, 400);
  r = await pub.get('/api/v1/cases?body=no-such-body');
  assert.equal(r.status, 400);
});

test('template a: on SSU\'s agenda, decided at the meeting, the clusters implement, lead times from the meeting dates, closed', async () => {
  const c = A.c;
  const ssu = stepAt(c, 'ssu-syddanmark', 'decide');
  // No meeting yet: 409 with the Danish reason.
  let r = await onAgenda(martin, c, ssu);
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'no_meeting');
  assert.match(r.body.error.message, /kommende møde/);
  // Implementation cannot start before the decision.
  const fyn = stepAt(c, 'fsn-fyn');
  r = await putStep(sofie, c, fyn, { status: 'started' });
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'step_change');
  assert.match(r.body.error.message, /besluttet/);

  const item = await treat(martin, c, ssu, '2026-03-12');
  r = await admin.get(`/api/v1/items/${item.id}`);
  assert.equal(r.body.kind, 'approval');
  assert.equal(r.body.case_number, '26/1001');
  assert.equal(r.body.title, c.title);
  r = await onAgenda(martin, c, ssu);
  assert.equal(r.status, 409, 'a step is put on an agenda once');
  let now = await getCase(c.id);
  assert.deepEqual(now.item_ids, [item.id]);
  assert.equal(stepAt(now, 'ssu-syddanmark').item_id, item.id);

  // The decision recorded on the step the day after: done on the
  // meeting's date.
  await timePasses('2026-03-13');
  r = await putStep(martin, c, ssu, { status: 'done' });
  ok(r);
  assert.equal(r.body.state, 'decided');
  assert.equal(r.body.decided, true);
  assert.equal(stepAt(r.body, 'ssu-syddanmark').finished, '2026-03-12');
  assert.equal(r.body.steps.length, 10, 'a region-wide body adds no council approvals');
  r = await putStep(martin, c, stepAt(now, 'strategisk-sundhedsstyregruppe'), { status: 'done', note: 'Implementeringsplan udsendt' });
  ok(r);

  // Fyn (after the change to summer time) and Sønderjylland start at
  // their meetings; their secretaries do it.
  await treat(sofie, c, fyn, '2026-04-16', 'noted');
  r = await putStep(sofie, c, fyn, { status: 'started' });
  ok(r);
  assert.equal(stepAt(r.body, 'fsn-fyn').started, '2026-04-16');
  assert.equal(r.body.state, 'implementing');
  // ... but not another cluster's step, nor the case itself.
  r = await putStep(sofie, c, stepAt(now, 'fsn-sonderjylland'), { status: 'started' });
  assert.equal(r.status, 403);
  r = await sofie.send(`/api/v1/cases/${c.id}`, 'PUT', { title: 'Andet' });
  assert.equal(r.status, 403);
  r = await pub.send(`/api/v1/cases/${c.id}/steps/${fyn.id}`, 'PUT', { status: 'done' });
  assert.equal(r.status, 401);
  const sj = stepAt(now, 'fsn-sonderjylland');
  await treat(ole, c, sj, '2026-05-20', 'noted');
  ok(await putStep(ole, c, sj, { status: 'started' }));
  // Sydvestjylland starts after its time perspective (due 2026-06-14).
  ok(await putStep(jorgen, c, stepAt(now, 'fsn-sydvestjylland'), { status: 'started', started: '2026-07-01' }));

  r = await pub.get(`/api/v1/cases/${c.id}/leadtimes`);
  ok(r);
  assert.equal(r.body.decided, true);
  const lt = Object.fromEntries(r.body.lead_times.map((x) => [x.body, x]));
  assert.equal(lt['fsn-fyn'].decided, '2026-03-12');
  assert.equal(lt['fsn-fyn'].started, '2026-04-16');
  assert.equal(lt['fsn-fyn'].days, 35, '12 March to 16 April, across the change to summer time');
  assert.equal(lt['fsn-fyn'].late, false);
  assert.equal(lt['fsn-sonderjylland'].days, 69);
  assert.equal(lt['fsn-sydvestjylland'].days, 111);
  assert.equal(lt['fsn-sydvestjylland'].late, true, 'started after its due date');
  assert.equal(lt['fsn-lillebaelt'].days, null);
  assert.equal(lt['fsn-lillebaelt'].started, null);
  assert.equal(lt['fsn-lillebaelt'].late, false);
  assert.equal(r.body.lead_times.length, 8, 'every implementing body');

  // Every remaining step done: closed.
  now = await getCase(c.id);
  for (const st of now.steps.filter((s) => s.status !== 'done'))
    ok(await putStep(martin, now, st, { status: 'done', finished: '2026-09-01' }));
  now = await getCase(c.id);
  assert.equal(now.state, 'closed');
  assert.equal(now.decided, true);
  // A done step is final.
  r = await putStep(martin, now, stepAt(now, 'ssu-syddanmark'), { status: 'pending' });
  assert.equal(r.status, 422);
});

// ---- template b: a local initiative scaled to the other clusters ----

const B = {};

test('template b: Sønderjylland shares an initiative, Fyn comments and adopts it: a scaling case to the other clusters', async () => {
  const ini = {
    area: 'klynge-sonderjylland', title: 'Tværsektoriel faldforebyggelse',
    what: 'Fælles screening for faldrisiko ved udskrivelse.', results: '20 % færre genindlæggelser efter fald.',
    contact_person: 'p-ole-kristensen',
  };
  let r = await pub.send('/api/v1/initiatives', 'POST', ini);
  assert.equal(r.status, 401);
  r = await sofie.send('/api/v1/initiatives', 'POST', ini);
  assert.equal(r.status, 403, 'another cluster cannot post for Sønderjylland');
  r = await ole.send('/api/v1/initiatives', 'POST', { ...ini, title: '' });
  assert.equal(r.status, 422);
  r = await ole.send('/api/v1/initiatives', 'POST', ini);
  ok(r, 201);
  B.ini = r.body;
  assert.equal(B.ini.area, 'klynge-sonderjylland');
  assert.equal(B.ini.contact_person, 'p-ole-kristensen');

  r = await pub.send(`/api/v1/initiatives/${B.ini.id}/comments`, 'POST', { text: 'Spam' });
  assert.equal(r.status, 401);
  r = await sofie.send(`/api/v1/initiatives/${B.ini.id}/comments`, 'POST', { text: '' });
  assert.equal(r.status, 422);
  r = await sofie.send(`/api/v1/initiatives/${B.ini.id}/comments`, 'POST', { text: 'Det vil vi gerne prøve på Fyn.' });
  ok(r, 201);
  assert.equal(r.body.comments.length, 1);
  assert.equal(r.body.comments[0].area, 'klynge-fyn', 'the commenter\'s cluster');
  assert.equal(r.body.comments[0].text, 'Det vil vi gerne prøve på Fyn.');

  r = await ole.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-sonderjylland' });
  assert.equal(r.status, 422, 'not from the initiative\'s own cluster');
  r = await hans.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-fyn' });
  assert.equal(r.status, 403);
  r = await pub.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-fyn' });
  assert.equal(r.status, 401);
  r = await sofie.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-fyn', case_number: '26/2002' });
  ok(r, 201);
  B.c = r.body;
  assert.equal(B.c.template, 'skalering-af-lokal-indsats');
  assert.equal(B.c.origin_body, 'fsn-sonderjylland', 'starts where the initiative came from');
  assert.equal(B.c.initiative_id, B.ini.id);
  assert.equal(B.c.title, 'Tværsektoriel faldforebyggelse');
  // One scaling flow per initiative: Sydvestjylland adopting it too is
  // pointed to the case that already goes to every other cluster.
  const again = await jorgen.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-sydvestjylland' });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'already_adopted');
  assert.equal(again.headers.get('location'), `/api/v1/cases/${B.c.id}`);
  assert.equal((await pub.send(`/api/v1/initiatives/${B.ini.id}/adopt`, 'POST', { body: 'fsn-sydvestjylland' })).status, 401, 'the public still logs in first');
  assert.deepEqual(B.c.steps.map((s) => [s.body, s.action]), [
    ['fsn-sonderjylland', 'recommend'],
    ['strategisk-sundhedsstyregruppe', 'discuss'],
    ['ssu-syddanmark', 'decide'],
    ['fsn-fyn', 'implement'],
    ['fsn-lillebaelt', 'implement'],
    ['fsn-sydvestjylland', 'implement'],
  ]);
  r = await pub.get(`/api/v1/initiatives/${B.ini.id}`);
  assert.deepEqual(r.body.case_ids, [B.c.id]);
});

test('template b: recommended, discussed, decided by SSU, implemented in the others; closed', async () => {
  const c = B.c;
  // SSU cannot decide before the recommendation is made.
  const decide = stepAt(c, 'ssu-syddanmark', 'decide');
  let r = await putStep(martin, c, decide, { status: 'done' });
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'step_change');
  // The bodies' meetings after template a's: Sønderjylland's of 4 June,
  // the steering group's of 8 June, SSU's of 11 June and Fyn's of
  // 16 July (an agenda takes the body's next editable meeting).
  await treat(ole, c, stepAt(c, 'fsn-sonderjylland'), '2026-06-04');
  ok(await putStep(ole, c, stepAt(c, 'fsn-sonderjylland'), { status: 'done' }));
  await treat(martin, c, stepAt(c, 'strategisk-sundhedsstyregruppe'), '2026-06-08', 'discussed');
  ok(await putStep(martin, c, stepAt(c, 'strategisk-sundhedsstyregruppe'), { status: 'done' }));
  await treat(martin, c, decide, '2026-06-11');
  r = await putStep(martin, c, decide, { status: 'done' });
  ok(r);
  assert.equal(r.body.state, 'decided');
  assert.equal(stepAt(r.body, 'ssu-syddanmark').finished, '2026-06-11');
  // A step marked started while its meeting is still to come is recorded
  // on today's date, not the meeting's: Sydvestjylland starts on the day
  // of the decision, before its meeting of 2 July.
  const svj = stepAt(c, 'fsn-sydvestjylland');
  await schedule(jorgen, c, svj, '2026-07-02');
  r = await putStep(jorgen, c, svj, { status: 'started' });
  ok(r);
  assert.equal(stepAt(r.body, 'fsn-sydvestjylland').started, '2026-06-11', 'today, not the meeting of 2 July');
  await treat(sofie, c, stepAt(c, 'fsn-fyn'), '2026-07-16', 'noted');
  r = await putStep(sofie, c, stepAt(c, 'fsn-fyn'), { status: 'started' });
  ok(r);
  assert.equal(r.body.state, 'implementing');
  r = await pub.get(`/api/v1/cases/${c.id}/leadtimes`);
  const lt = Object.fromEntries(r.body.lead_times.map((x) => [x.body, x]));
  assert.equal(lt['fsn-fyn'].days, 35);
  assert.equal(lt['fsn-fyn'].decided, '2026-06-11');
  assert.equal(lt['fsn-fyn'].started, '2026-07-16');
  assert.equal(lt['fsn-sydvestjylland'].started, '2026-06-11');
  assert.equal(lt['fsn-sydvestjylland'].days, 0, 'no meeting still to come is counted');
  assert.equal(lt['fsn-lillebaelt'].days, null);
  assert.equal(r.body.lead_times.length, 3);
  for (const st of (await getCase(c.id)).steps.filter((s) => s.status !== 'done'))
    ok(await putStep(ole, c, st, { status: 'done', finished: '2026-08-01' }));
  assert.equal((await getCase(c.id)).state, 'closed');
});

// ---- template c: a case of a cluster, with economic consequences ----

const C = {};

test('template c: economic case decided in Sønderjylland awaits the regional council and each municipality', async () => {
  let r = await sofie.send('/api/v1/cases', 'POST', {
    case_number: '26/3003', title: 'Fælles akutteam', origin_body: 'fsn-sonderjylland', template: 'klynge-fagligt-strategisk', economic: true,
  });
  assert.equal(r.status, 403, 'another cluster\'s secretary');
  r = await ole.send('/api/v1/cases', 'POST', {
    case_number: '26/3003', title: 'Fælles akutteam i Sønderjylland', origin_body: 'fsn-sonderjylland',
    template: 'klynge-fagligt-strategisk', economic: true,
  });
  ok(r, 201);
  C.c = r.body;
  assert.equal(today, '2026-07-16', 'the day template b ended');
  assert.equal(C.c.started, today, 'the flow starts today by default');
  assert.deepEqual(C.c.steps.map((s) => [s.body, s.action, s.due]), [
    ['fsn-sonderjylland', 'decide', '2026-07-30'],
    ['ipg-sonderjylland-aeldre', 'implement', '2026-09-13'],
    ['ipg-sonderjylland-psykiatri', 'implement', '2026-09-13'],
    ['ipg-sonderjylland-born', 'implement', '2026-09-13'],
    ['ipg-sonderjylland-akut', 'implement', '2026-09-13'],
  ]);
  const decide = stepAt(C.c, 'fsn-sonderjylland', 'decide');
  await treat(ole, C.c, decide, '2026-07-23');
  r = await putStep(ole, C.c, decide, { status: 'done' });
  ok(r);
  assert.equal(r.body.state, 'awaiting_councils');
  assert.equal(r.body.decided, false);
  assert.deepEqual(r.body.decision.added.map((s) => [s.org, s.action]), [
    ['regionsraadet-syddanmark', 'approve_council'],
    ['aabenraa-kommune', 'approve_council'],
    ['haderslev-kommune', 'approve_council'],
    ['sonderborg-kommune', 'approve_council'],
    ['tonder-kommune', 'approve_council'],
  ]);
  C.c = r.body;
  const councils = stepsOf(C.c, (s) => s.action === 'approve_council');
  assert.equal(councils.length, 5);
  assert.ok(councils.every((s) => s.body === null && s.status === 'pending' && s.due === '2026-09-21'), '60 days after the decision of 23 July');
  assert.equal(councils[0].target_name, 'Regionsrådet');
  assert.match(councils[1].target_name, /Aabenraa/);
});

test('economic routing cannot be bypassed through the API', async () => {
  const c = C.c;
  const council = stepsOf(c, (s) => s.action === 'approve_council');
  const refused = async (r, field, why) => {
    assert.ok(r.status === 422 || r.status === 400, `${why}: ${r.status} ${JSON.stringify(r.body)}`);
    if (field && r.status === 422 && r.body.error.fields)
      assert.ok(r.body.error.fields[field], `${why}: ${JSON.stringify(r.body.error)}`);
    const now = await getCase(c.id);
    assert.equal(now.state, 'awaiting_councils', why);
    assert.equal(now.decided, false, why);
    assert.equal(stepsOf(now, (s) => s.action === 'approve_council').length, 5, why);
  };
  // Skipping a council approval.
  let r = await putStep(ole, c, council[0], { status: 'skipped' });
  await refused(r, 'status', 'skip');
  assert.match(r.body.error.message, /kan ikke springes over/);
  // Turning it into something else, or moving it to another organisation.
  await refused(await putStep(ole, c, council[0], { status: 'pending', action: 'inform' }), 'action', 'action');
  await refused(await putStep(ole, c, council[0], { status: 'pending', org: 'region-syddanmark' }), 'org', 'org');
  await refused(await putStep(ole, c, council[1], { status: 'pending', org_id: null }), 'org_id', 'org_id');
  await refused(await putStep(ole, c, council[1], { status: 'pending', body: 'fsn-sonderjylland' }), 'body', 'body');
  // No economic consequences after all? Not once it is decided.
  const cur = await getCase(c.id);
  await refused(await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { economic: false }), 'economic', 'economic');
  await refused(await admin.send(`/api/v1/cases/${c.id}`, 'PUT', { ...cur, economic: false }), 'economic', 'economic as admin');
  // Setting it decided, or its state.
  await refused(await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { decided: true }), 'decided', 'decided');
  await refused(await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { state: 'decided' }), 'state', 'state');
  // Removing the council steps with the case, or sending them back done.
  await refused(await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { ...cur, steps: cur.steps.filter((s) => s.action !== 'approve_council') }), 'steps', 'steps removed');
  await refused(await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { ...cur, steps: cur.steps.map((s) => ({ ...s, status: 'done' })) }), 'steps', 'steps done');
  // No route deletes a step.
  r = await ole.del(`/api/v1/cases/${c.id}/steps/${council[0].id}`);
  assert.ok(r.status === 404 || r.status === 405, `DELETE step: ${r.status}`);
  r = await admin.del(`/api/v1/cases/${c.id}`);
  assert.ok(r.status === 404 || r.status === 405, `DELETE case: ${r.status}`);
  await refused({ status: 422, body: {} }, null, 'after the deletes');
  // Implementation cannot start while the councils have not approved.
  await refused(await putStep(anders, c, stepAt(c, 'ipg-sonderjylland-aeldre'), { status: 'started' }), 'status', 'implement early');
  // The decide step cannot be undone and redone to get around it.
  await refused(await putStep(ole, c, stepAt(c, 'fsn-sonderjylland'), { status: 'pending' }), 'status', 'undo decision');
  // A new case cannot come with its own steps or state.
  r = await ole.send('/api/v1/cases', 'POST', {
    title: 'Genvej', origin_body: 'fsn-sonderjylland', template: 'klynge-fagligt-strategisk', economic: true,
    steps: [{ body: 'fsn-sonderjylland', action: 'decide', status: 'done' }],
  });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.steps);
  r = await ole.send('/api/v1/cases', 'POST', {
    title: 'Genvej', origin_body: 'fsn-sonderjylland', template: 'klynge-fagligt-strategisk', decided: true,
  });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.decided);
  // Other bodies' secretaries cannot approve on the councils' behalf.
  r = await putStep(sofie, c, council[0], { status: 'done' });
  assert.equal(r.status, 403);
  r = await pub.send(`/api/v1/cases/${c.id}/steps/${council[0].id}`, 'PUT', { status: 'done' });
  assert.equal(r.status, 401);
});

test('template c: decided only when every council approved; then implemented; lead times from the last approval', async () => {
  const c = C.c;
  const council = stepsOf(c, (s) => s.action === 'approve_council');
  // The secretary records the councils' approvals once the last one has
  // been given.
  const dates = ['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-07', '2026-09-08'];
  await timePasses('2026-09-08');
  for (let i = 0; i < council.length; i++) {
    const r = await putStep(ole, c, council[i], { status: 'done', finished: dates[i] });
    ok(r);
    if (i < council.length - 1) {
      assert.equal(r.body.state, 'awaiting_councils', `after ${i + 1} approvals`);
      assert.equal(r.body.decided, false);
    } else {
      assert.equal(r.body.state, 'decided');
      assert.equal(r.body.decided, true);
    }
  }
  // The implementation group's secretary starts its step at its meeting.
  const aeldre = stepAt(c, 'ipg-sonderjylland-aeldre');
  await treat(anders, c, aeldre, '2026-09-22', 'noted');
  let r = await putStep(anders, c, aeldre, { status: 'started' });
  ok(r);
  assert.equal(r.body.state, 'implementing');
  r = await pub.get(`/api/v1/cases/${c.id}/leadtimes`);
  const lt = Object.fromEntries(r.body.lead_times.map((x) => [x.body, x]));
  assert.equal(lt['ipg-sonderjylland-aeldre'].decided, '2026-09-08', 'the last council approval');
  assert.equal(lt['ipg-sonderjylland-aeldre'].started, '2026-09-22');
  assert.equal(lt['ipg-sonderjylland-aeldre'].days, 14);
  assert.equal(lt['ipg-sonderjylland-aeldre'].late, true, 'due 2026-09-13, started 2026-09-22');
  for (const st of (await getCase(c.id)).steps.filter((s) => s.status !== 'done'))
    ok(await putStep(ole, c, st, { status: 'done', finished: '2026-11-30' }));
  assert.equal((await getCase(c.id)).state, 'closed');
});

test('economic consequences found after a cluster decided: the council approvals are added at once', async () => {
  let r = await ole.send('/api/v1/cases', 'POST', {
    case_number: '26/3004', title: 'Fælles hjælpemiddeldepot', origin_body: 'fsn-sonderjylland',
    template: 'klynge-fagligt-strategisk', economic: false,
  });
  ok(r, 201);
  let c = r.body;
  ok(await putStep(ole, c, stepAt(c, 'fsn-sonderjylland'), { status: 'done', finished: '2026-10-08' }));
  c = await getCase(c.id);
  assert.equal(c.state, 'decided');
  r = await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { economic: true, revision: c.revision });
  ok(r);
  assert.equal(r.body.economic, true);
  assert.equal(r.body.state, 'awaiting_councils');
  assert.equal(r.body.decided, false);
  assert.equal(stepsOf(r.body, (s) => s.action === 'approve_council').length, 5);
  // ... and now it cannot go back.
  r = await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { economic: false });
  assert.equal(r.status, 422);
});

// ---- competence: an implementation group may only recommend ----

test('competence: an implementation group\'s decision becomes a recommendation and a decide step at fsn-sonderjylland', async () => {
  let r = await anders.send('/api/v1/cases', 'POST', {
    case_number: '26/4004', title: 'Ny procedure for medicingennemgang', origin_body: 'ipg-sonderjylland-aeldre',
    template: 'implementeringsgruppe-beslutter',
  });
  ok(r, 201);
  let c = r.body;
  assert.deepEqual(c.steps.map((s) => [s.body, s.action]), [
    ['ipg-sonderjylland-aeldre', 'decide'],
    ['ipg-sonderjylland-aeldre', 'implement'],
  ]);
  const st = stepAt(c, 'ipg-sonderjylland-aeldre', 'decide');
  await treat(anders, c, st, '2026-10-06');
  r = await putStep(anders, c, st, { status: 'done' });
  ok(r);
  assert.equal(r.body.decision.became, 'recommend');
  assert.equal(stepAt(r.body, 'ipg-sonderjylland-aeldre', 'recommend').finished, '2026-10-06');
  assert.deepEqual(r.body.decision.added.map((s) => [s.body, s.action, s.due]), [['fsn-sonderjylland', 'decide', '2026-11-05']]);
  c = r.body;
  assert.equal(c.state, 'open');
  assert.equal(c.decided, false);
  assert.equal(c.steps[0].action, 'recommend');
  assert.equal(c.steps[0].status, 'done');
  // The step's action cannot be set back to decide.
  r = await putStep(anders, c, c.steps[0], { status: 'done', action: 'decide' });
  assert.equal(r.status, 422);
  // Implementation waits for the decision at the parent.
  r = await putStep(anders, c, stepAt(c, 'ipg-sonderjylland-aeldre', 'implement'), { status: 'started' });
  assert.equal(r.status, 422);
  // fsn-sonderjylland's secretary decides (a step of their body).
  const parent = stepAt(c, 'fsn-sonderjylland', 'decide');
  await treat(ole, c, parent, '2026-10-08');
  r = await putStep(ole, c, parent, { status: 'done' });
  ok(r);
  assert.equal(r.body.state, 'decided');
  assert.equal(r.body.decided, true);
  assert.equal(r.body.decision, undefined, 'the parent may decide: nothing added');
  r = await putStep(anders, c, stepAt(c, 'ipg-sonderjylland-aeldre', 'implement'), { status: 'started', started: '2026-12-01' });
  ok(r);
  assert.equal(r.body.state, 'implementing');
});

// ---- case edits: permissions and conditional writes ----

test('editing a case: own fields only, the origin\'s secretary; 409 on a stale revision, 412 on If-Match', async () => {
  const c = await getCase(A.c.id);
  let r = await pub.send(`/api/v1/cases/${c.id}`, 'PUT', { title: 'X' });
  assert.equal(r.status, 401);
  r = await ole.send(`/api/v1/cases/${c.id}`, 'PUT', { title: 'X' });
  assert.equal(r.status, 403, 'a step body\'s secretary edits the step, not the case');
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { ...c, title: 'Samarbejdsaftale om behandlingsredskaber' });
  ok(r);
  assert.equal(r.body.title, 'Samarbejdsaftale om behandlingsredskaber');
  assert.ok(r.body.revision > c.revision);
  // What GET gave, sent back with its old revision: stale.
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { ...c, title: 'Forældet' });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'stale');
  const fresh = await pub.get(`/api/v1/cases/${c.id}`);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { description: 'Ny beskrivelse' }, { 'If-Match': '"v999"' });
  assert.equal(r.status, 412);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { description: 'Ny beskrivelse' }, { 'If-Match': fresh.headers.get('etag') });
  ok(r);
  assert.equal(r.headers.get('etag'), `"v${r.body.revision}"`);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { origin_body: 'fsn-fyn' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.origin_body);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { template: 'klynge-fagligt-strategisk' });
  assert.equal(r.status, 422);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { colour: 'rød' });
  assert.equal(r.status, 400);
  r = await martin.send(`/api/v1/cases/${c.id}`, 'PUT', { id: c.id + 1 });
  assert.equal(r.status, 400);
  r = await pub.get('/api/v1/cases/99999');
  assert.equal(r.status, 404);
  r = await pub.get(`/api/v1/cases/${c.id}/steps/99999`);
  assert.ok(r.status === 404 || r.status === 405);
  r = await martin.send(`/api/v1/cases/${c.id}/steps/99999`, 'PUT', { status: 'done' });
  assert.equal(r.status, 404);
  r = await pub.get(`/api/v1/cases/${c.id}/steps`);
  ok(r);
  assert.equal(r.body.length, 10);
});

// ---- follow-up actions ----

test('follow-up actions: the body\'s secretariat creates them, the responsible person notes progress, overdue lists', async () => {
  const data = {
    case_id: C.c.id, body: 'fsn-sonderjylland', what: 'Udarbejd fælles instruks for akutteamet',
    responsible_person: 'p-hans-norgaard', responsible_org: 'sonderborg-kommune', due: '2026-02-15',
  };
  let r = await pub.send('/api/v1/actions', 'POST', data);
  assert.equal(r.status, 401);
  r = await hans.send('/api/v1/actions', 'POST', data);
  assert.equal(r.status, 403, 'naming oneself responsible gives no right to create');
  r = await sofie.send('/api/v1/actions', 'POST', data);
  assert.equal(r.status, 403);
  r = await ole.send('/api/v1/actions', 'POST', { ...data, what: '' });
  assert.equal(r.status, 422);
  assert.ok(r.body.error.fields.what);
  r = await ole.send('/api/v1/actions', 'POST', { ...data, status: 'someday' });
  assert.equal(r.status, 422);
  r = await ole.send('/api/v1/actions', 'POST', data);
  ok(r, 201);
  const fa = r.body;
  assert.equal(fa.status, 'open');
  assert.equal(fa.overdue, true, `due 2026-02-15, today ${today}`);
  assert.equal(fa.responsible_person, 'p-hans-norgaard');
  r = await pub.get('/api/v1/actions?overdue=1&area=klynge-sonderjylland');
  assert.ok(r.body.some((a) => a.id === fa.id));
  r = await pub.get('/api/v1/actions?body=fsn-fyn');
  assert.ok(!r.body.some((a) => a.id === fa.id));
  r = await pub.get(`/api/v1/actions?case=${C.c.id}`);
  assert.deepEqual(r.body.map((a) => a.id), [fa.id]);
  // The responsible person notes progress and changes the status.
  r = await hans.send(`/api/v1/actions/${fa.id}/notes`, 'POST', { text: 'Første udkast sendt i høring.' });
  ok(r, 201);
  assert.equal(r.body.notes.length, 1);
  assert.equal(r.body.notes[0].text, 'Første udkast sendt i høring.');
  r = await sofie.send(`/api/v1/actions/${fa.id}/notes`, 'POST', { text: 'Nej' });
  assert.equal(r.status, 403);
  const got = await pub.get(`/api/v1/actions/${fa.id}`);
  assert.equal(got.headers.get('etag'), `"v${got.body.revision}"`);
  r = await hans.send(`/api/v1/actions/${fa.id}`, 'PUT', { ...got.body, status: 'done' });
  ok(r);
  assert.equal(r.body.status, 'done');
  assert.equal(r.body.overdue, false);
  r = await hans.send(`/api/v1/actions/${fa.id}`, 'PUT', { ...got.body, status: 'cancelled' });
  assert.equal(r.status, 409, 'stale');
  r = await hans.send(`/api/v1/actions/${fa.id}`, 'PUT', { status: 'in_progress' }, { 'If-Match': '"v1"' });
  assert.equal(r.status, 412);
  r = await pub.get('/api/v1/actions/99999');
  assert.equal(r.status, 404);
});

test('initiatives: edited by their cluster; lists; agreements readable', async () => {
  const ini = (await pub.get(`/api/v1/initiatives/${B.ini.id}`)).body;
  let r = await sofie.send(`/api/v1/initiatives/${ini.id}`, 'PUT', { ...ini, results: 'X' });
  assert.equal(r.status, 403);
  r = await ole.send(`/api/v1/initiatives/${ini.id}`, 'PUT', { ...ini, results: '25 % færre genindlæggelser.' });
  ok(r);
  assert.equal(r.body.results, '25 % færre genindlæggelser.');
  r = await ole.send(`/api/v1/initiatives/${ini.id}`, 'PUT', { ...ini, results: 'Forældet' });
  assert.equal(r.status, 409);
  r = await ole.send(`/api/v1/initiatives/${ini.id}`, 'PUT', { area: 'klynge-fyn' });
  assert.equal(r.status, 422);
  r = await pub.get('/api/v1/initiatives?area=klynge-sonderjylland');
  assert.deepEqual(r.body.map((i) => i.id), [ini.id]);
  r = await pub.get('/api/v1/initiatives?area=klynge-fyn');
  assert.deepEqual(r.body, []);
  r = await pub.get('/api/v1/agreements');
  ok(r);
  assert.ok(Array.isArray(r.body));
});
