'use strict';
// cases_pages.test.js - casework through the HTML pages and forms
// (src/web/pages/cases*.c, issue 5), driven like a browser without
// JavaScript: GET a page, POST urlencoded with the session's CSRF token,
// follow the 303.
//
// The server runs on 2026-11-23 (KLYNGE_TODAY) with the demo structure
// and a small casework file of our own (imported with `klynge
// import-casework`): seed 001's three flow templates for Region
// Syddanmark (a: SSU decides, the clusters implement; b: a local
// initiative scaled; c: a cluster's professional-strategic level
// decides), one more for a proposal from an implementation group (its
// charter may only recommend), a health agreement with one focus area,
// one shared initiative, and one decided case whose implementation
// started on known dates (the lead-time numbers).
//
// At the end time passes (srv.restart with a later KLYNGE_TODAY) to the
// day of SSU's meeting of 10 December: only once the meeting has been
// is a step it treats recorded on its date (case_step_date).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { start, Client, demo, idOf, repoRoot } = require('./helpers');

const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
let srv;
let d;
let admin;
let sekSdj;	// secretary of fsn-sonderjylland and its implementation groups
let sekFyn;	// secretary of fsn-fyn (another body's secretary)
const st = {};	// shared between the steps (node:test runs them in order)

const casework = {
  klynge: 1,
  agreements: [{
    key: 'sundhedsaftale-test', title: 'Sundhedsaftalen 2024-2027 (test)',
    region: 'region-syddanmark', valid_from: '2024-01-01', valid_to: '2027-12-31',
    items: [
      { key: 'vision-1', part: 'vision', title: 'Vi skaber lighed i sundhed' },
      { key: 'psykiatri', part: 'focus_area', title: 'Psykiatri og mental trivsel' },
      { key: 'maal-1', part: 'goal', parent: 'psykiatri', title: 'Flere i job eller uddannelse' },
      { key: 'princip-1', part: 'principle', title: 'Borgeren som aktiv partner' },
    ],
  }],
  templates: [
    { key: 'ssu-til-klynger', name: 'Fra SSU til klyngerne', region: 'region-syddanmark',
      steps: [
        { target: 'body', body: 'ssu-syddanmark', action: 'decide' },
        { target: 'body', body: 'strategisk-sundhedsstyregruppe', action: 'prepare', offset_days: 30 },
        { target: 'kind_all', kind: 'strategic_level', action: 'implement', offset_days: 60 },
        { target: 'children', kind: 'implementation_group', action: 'implement', offset_days: 60 },
      ] },
    { key: 'skalering-af-lokal-indsats', name: 'Skalering af lokal indsats', region: 'region-syddanmark',
      steps: [
        { target: 'origin', action: 'recommend' },
        { target: 'body', body: 'strategisk-sundhedsstyregruppe', action: 'discuss', offset_days: 30 },
        { target: 'body', body: 'ssu-syddanmark', action: 'decide', offset_days: 30 },
        { target: 'kind_others', kind: 'strategic_level', action: 'implement', offset_days: 60 },
      ] },
    { key: 'klynge-fagligt-strategisk', name: 'Sag i klyngens fagligt strategiske niveau', region: 'region-syddanmark',
      steps: [
        { target: 'origin', action: 'decide' },
        { target: 'children', kind: 'implementation_group', action: 'implement', offset_days: 45 },
      ] },
    { key: 'forslag-fra-ipg', name: 'Forslag fra en implementeringsgruppe', region: 'region-syddanmark',
      steps: [
        { target: 'origin', action: 'decide' },
        { target: 'kind_origin_area', kind: 'strategic_level', action: 'implement', offset_days: 30 },
      ] },
  ],
  initiatives: [
    { key: 'opsporing', area: 'klynge-sonderjylland', title: 'Tidlig opsporing af KOL i almen praksis',
      what: 'Praksis og kommune *opsporer* sammen.', results: '- 40 nye diagnoser', contact_text: 'Klyngesekretariatet',
      focus_area: 'psykiatri' },
  ],
  cases: [
    { key: 'aftale', case_number: '26/1000', title: 'Ny samarbejdsaftale om behandlingsredskaber',
      origin: 'ssu-syddanmark', template: 'ssu-til-klynger', started: '2026-03-01', focus_area: 'psykiatri',
      steps: [
        { body: 'ssu-syddanmark', action: 'decide', status: 'done', finished: '2026-03-10' },
        { body: 'strategisk-sundhedsstyregruppe', action: 'prepare', status: 'done', finished: '2026-04-01' },
        { body: 'fsn-sonderjylland', action: 'implement', status: 'started', started: '2026-04-19' },
        { body: 'fsn-fyn', action: 'implement', status: 'started', started: '2026-05-19' },
      ] },
  ],
};

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: '2026-11-23' },
    accounts: [
      { username: 'sek-sdj', person: 'p-anders-mikkelsen' },
      { username: 'sek-fyn', person: 'p-kim-kjaer' },
    ],
  });
  const file = path.join(srv.dir, 'casework.json');
  fs.writeFileSync(file, JSON.stringify(casework));
  const r = spawnSync(bin, ['--db', srv.db, 'import-casework', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  d = demo();
  admin = await srv.client('admin');
  sekSdj = await srv.client('sek-sdj');
  sekFyn = await srv.client('sek-fyn');
});

after(async () => {
  if (srv)
    await srv.stop();
});

const body = (key) => idOf(d.bodies, key);

// The ids of a template by its name on /cases/new.
async function templateId(name) {
  const page = await admin.get('/cases/new');
  const m = page.text.match(new RegExp(`<option value="(\\d+)"[^>]*>${name}</option>`));
  assert.ok(m, `template ${name} on the form`);
  return m[1];
}

// Step ids of a case in page order, with the row text.
function steps(html, caseId) {
  const rows = [...html.matchAll(/<tr[^>]*>(<td class="num">\d+<\/td>[\s\S]*?)<\/tr>/g)].map((m) => m[1]);
  return rows.map((r) => {
    const id = (r.match(new RegExp(`/cases/${caseId}/steps/(\\d+)`)) || [])[1];
    return { id, text: r.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() };
  });
}

function alertText(html) {
  const m = html.match(/role="alert"[\s\S]*?<p>([^<]*)<\/p>/);
  return m ? m[1] : null;
}

async function newCase(c, fields) {
  const preview = await c.post('/cases', fields);
  assert.equal(preview.status, 200, (preview.text.match(/field-error[^>]*>[\s\S]{0,300}/g) || []).join(' '));
  assert.match(preview.text, /Sagsflowet/);
  assert.match(preview.text, /name="confirm" value="1"/);
  const r = await c.post('/cases', { ...fields, confirm: '1' });
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/cases\/\d+$/);
  return Number(r.location.split('/')[2]);
}

test('the public reads casework; forms send it to log in', async () => {
  for (const p of ['/cases', '/followup', '/leadtimes', '/initiatives', '/agreement', '/templates']) {
    const r = await fetch(srv.base + p);
    assert.equal(r.status, 200, p);
  }
  const pub = new Client(srv.base);
  await pub.get('/cases');
  let r = await pub.get('/cases/new');
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login\?next=%2Fcases%2Fnew/);
  r = await pub.post('/cases', { title: 'x' });
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/login\?next=/);
  r = await pub.get('/initiatives/new');
  assert.equal(r.status, 303);
  const home = await pub.get('/');
  for (const label of ['Sager', 'Opfølgning', 'Vidensdeling', 'Sundhedsaftale'])
    assert.match(home.text, new RegExp(`<a href="/[a-z]+">${label}</a>`));
});

test('a case per template from the form, with its steps', async () => {
  const ta = await templateId('Fra SSU til klyngerne');
  const tc = await templateId('Sag i klyngens fagligt strategiske niveau');
  const bad = await admin.post('/cases', { case_number: '22//1', title: '', origin: '', template: '', started: '2026-02-30' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Skriv sagens titel/);
  st.a = await newCase(admin, {
    case_number: '26/2001', title: 'Fælles retningslinje for medicingennemgang', description: 'Tekst',
    origin: String(body('ssu-syddanmark')), template: ta, focus_area: '', started: '2026-11-01',
  });
  let page = await admin.get(`/cases/${st.a}`);
  assert.equal(page.status, 200);
  const rows = steps(page.text, st.a);
  // SSU, SSG, four strategic levels, Sønderjylland's four groups.
  assert.equal(rows.length, 10);
  assert.match(rows[0].text, /Sundhedssamarbejdsudvalget.*Beslutte/);
  assert.match(page.text, /Under behandling/);
  st.c = await newCase(admin, {
    case_number: '26/2003', title: 'Fælles akutteam i Sønderjylland', origin: String(body('fsn-sonderjylland')),
    template: tc, economic: 'on', focus_area: '', started: '2026-11-01',
  });
  page = await admin.get(`/cases/${st.c}`);
  assert.match(page.text, /Økonomiske konsekvenser/);
});

test('"Sæt på dagsordenen" puts the case on the body\'s next meeting; 409 without one', async () => {
  const ssu = body('ssu-syddanmark');
  const plan = await admin.post(`/bodies/${ssu}/meetings`, {
    kind: 'ordinary', title: '', date: '2026-12-10', start: '13:00', end: '15:00', place: 'Vejle', online_url: '',
  });
  assert.equal(plan.status, 303);
  const meeting = plan.location;
  st.meeting = meeting;
  let page = await admin.get(`/cases/${st.a}`);
  const rows = steps(page.text, st.a);
  let r = await admin.post(`/cases/${st.a}/steps/${rows[1].id}`, { do: 'agenda' });
  assert.equal(r.status, 409);
  assert.equal(alertText(r.text), 'Forummet har ikke et kommende møde – planlæg et møde først');
  r = await admin.post(`/cases/${st.a}/steps/${rows[0].id}`, { do: 'agenda' });
  assert.equal(r.status, 303);
  page = await admin.get(`/cases/${st.a}`);
  const item = page.text.match(/<a href="(\/items\/\d+)">Fælles retningslinje for medicingennemgang<\/a>/);
  assert.ok(item, 'the item is linked on the case page');
  const mp = await admin.get(meeting);
  assert.match(mp.text, /Fælles retningslinje for medicingennemgang/);
  assert.match(mp.text, /26\/2001/);
  assert.match(mp.text, /Godkendelse/);	// DECIDE -> an approval item
  const ip = await admin.get(item[1]);
  assert.match(ip.text, /class="item-cases">Sager: <a href="\/cases\/\d+">/);
  // "Påbegyndt" while the meeting of 10 December is still to come:
  // today's date, not the meeting's (the row still shows the item's
  // meeting date).
  r = await admin.post(`/cases/${st.a}/steps/${rows[0].id}`, { do: 'start' });
  assert.equal(r.status, 303);
  page = await admin.get(`/cases/${st.a}`);
  const row = steps(page.text, st.a)[0].text;
  assert.match(row, /I gang 23\.11\.2026 – Fælles retningslinje for medicingennemgang \(10\.12\.2026\)/);
  assert.doesNotMatch(row, /I gang 10\.12\.2026/);
});

test('competence: a body that may only recommend gets a recommendation, the decision moves on', async () => {
  const tp = await templateId('Forslag fra en implementeringsgruppe');
  const id = await newCase(sekSdj, {
    case_number: '', title: 'Fælles tovholder for borgere med demens',
    origin: String(body('ipg-sonderjylland-aeldre')), template: tp, focus_area: '', started: '2026-11-02',
  });
  let page = await sekSdj.get(`/cases/${id}`);
  const rows = steps(page.text, id);
  const r = await sekSdj.post(`/cases/${id}/steps/${rows[0].id}`, { do: 'done' });
  assert.equal(r.status, 303);
  assert.match(r.location, /besked=indstilling/);
  page = await sekSdj.get(r.location);
  assert.match(page.text, /kan ikke selv beslutte sagen/);
  const after = steps(page.text, id);
  assert.match(after[0].text, /Indstille/);
  assert.ok(after.some((s) => /fagligt strategisk niveau.*Beslutte/.test(s.text)), 'a decide step at fsn-sonderjylland');
  assert.match(page.text, /Under behandling/);
});

test('economic routing: awaiting the councils until every council approval is done; skipping refused', async () => {
  let page = await admin.get(`/cases/${st.c}`);
  let rows = steps(page.text, st.c);
  let r = await admin.post(`/cases/${st.c}/steps/${rows[0].id}`, { do: 'done' });
  assert.equal(r.status, 303);
  assert.match(r.location, /besked=raad/);
  page = await admin.get(`/cases/${st.c}`);
  assert.match(page.text, /Afventer regionsråd og byråd/);
  rows = steps(page.text, st.c);
  const councils = rows.filter((s) => /Regionsrådet|Byrådet i/.test(s.text));
  assert.ok(councils.length >= 2, 'the regional council and the municipalities');
  assert.ok(councils.some((s) => /Regionsrådet/.test(s.text)));
  r = await admin.post(`/cases/${st.c}/steps/${councils[0].id}`, { do: 'skip' });
  assert.equal(r.status, 422);
  assert.match(alertText(r.text), /kan ikke springes over/);
  for (const s of councils.slice(0, -1)) {
    r = await admin.post(`/cases/${st.c}/steps/${s.id}`, { do: 'done' });
    assert.equal(r.status, 303);
  }
  page = await admin.get(`/cases/${st.c}`);
  assert.match(page.text, /<span class="badge warn">Afventer regionsråd og byråd<\/span>/);
  r = await admin.post(`/cases/${st.c}/steps/${councils[councils.length - 1].id}`, { do: 'done' });
  assert.equal(r.status, 303);
  page = await admin.get(`/cases/${st.c}`);
  assert.doesNotMatch(page.text, /<span class="badge warn">Afventer regionsråd og byråd<\/span>/);
  assert.match(page.text, /<span class="badge ok">Besluttet<\/span>/);
});

test('implementation plan: a follow-up action, its status and a progress note', async () => {
  const c = await admin.get(`/cases/${st.a}`);
  assert.match(c.text, /Nyt opfølgningspunkt/);
  let r = await admin.post(`/cases/${st.a}/actions`, {
    what: 'Udarbejd fælles instruks', body: String(body('ssu-syddanmark')), person: '', org: '', due: '2026-11-01',
  });
  assert.equal(r.status, 303);
  let page = await admin.get(`/cases/${st.a}`);
  const aid = page.text.match(/action="\/actions\/(\d+)"/)[1];
  assert.match(page.text, /Udarbejd fælles instruks/);
  assert.match(page.text, /0 af 1 handlinger udført/);
  r = await admin.post(`/actions/${aid}/notes`, { text: 'Udkast sendt til høring.' });
  assert.equal(r.status, 303);
  r = await admin.post(`/actions/${aid}`, { status: 'in_progress' });
  assert.equal(r.status, 303);
  page = await admin.get(`/cases/${st.a}`);
  assert.match(page.text, /Udkast sendt til høring\./);
  // Overdue (due 1.11.2026, today 23.11.2026): on the follow-up list.
  const fu = await fetch(srv.base + '/followup').then((x) => x.text());
  assert.match(fu, /Opfølgning: Udarbejd fælles instruks/);
  r = await admin.post(`/actions/${aid}`, { status: 'nonsense' });
  assert.equal(r.status, 422);
});

test('overdue lists: /followup per cluster and body, the body and cluster pages', async () => {
  const fu = await fetch(srv.base + '/followup').then((x) => x.text());
  assert.match(fu, /overskredne trin og opfølgningspunkter/);
  assert.match(fu, /Forløb, der er forsinket/);
  assert.match(fu, /Ny samarbejdsaftale om behandlingsredskaber/);
  const lb = await fetch(srv.base + `/bodies/${body('fsn-lillebaelt')}`).then((x) => x.text());
  assert.match(lb, /<section id="opfoelgning">/);
  assert.match(lb, /Trin: Implementere/);	// Lillebælt never started case 26/1000
  const area = await fetch(srv.base + `/areas/${idOf(d.areas, 'klynge-lillebaelt')}`).then((x) => x.text());
  assert.match(area, /<section id="opfoelgning">[\s\S]*Forsinket/);
});

test('lead times: numbers per template and cluster, and the SVG chart', async () => {
  const lt = await fetch(srv.base + '/leadtimes').then((x) => x.text());
  // 26/1000: decided 10.3.2026; Sønderjylland started 19.4 (40 days),
  // Fyn 19.5 (70 days).
  assert.match(lt, /<svg class="leadtime-chart"/);
  assert.match(lt, /<title>Sundhedsklynge Sønderjylland, 1\. kvt\. 2026: median 40 dage/);
  assert.match(lt, /<title>Sundhedsklynge Fyn, 1\. kvt\. 2026: median 70 dage/);
  assert.match(lt, /Diagrammets tal/);
  assert.match(lt, /Forsinket/);
  const page = await fetch(srv.base + '/cases?state=implementing').then((x) => x.text());
  assert.match(page, /Ny samarbejdsaftale om behandlingsredskaber/);
});

test('knowledge sharing: share, comment, adopt -> a case with the scaling template', async () => {
  const list = await fetch(srv.base + '/initiatives').then((x) => x.text());
  const iid = list.match(/<a href="\/initiatives\/(\d+)">Tidlig opsporing af KOL i almen praksis<\/a>/)[1];
  let page = await sekFyn.get(`/initiatives/${iid}`);
  assert.match(page.text, /<em>opsporer<\/em>/);	// markdown, safe mode
  assert.match(page.text, /Tag i brug i vores klynge/);
  let r = await sekFyn.post(`/initiatives/${iid}/comments`, { text: 'Det vil vi gerne prøve i Fyn.' });
  assert.equal(r.status, 303);
  r = await sekFyn.post(`/initiatives/${iid}/adopt`, { body: String(body('fsn-sonderjylland')) });
  assert.equal(r.status, 403);	// not their cluster's body
  r = await sekFyn.post(`/initiatives/${iid}/adopt`, { body: String(body('fsn-fyn')) });
  assert.equal(r.status, 303);
  const cid = Number(r.location.split('/')[2]);
  page = await sekFyn.get(r.location);
  assert.match(page.text, /Skalering af lokal indsats/);
  assert.match(page.text, /Skaleret fra/);
  const rows = steps(page.text, cid);
  assert.match(rows[0].text, /Sønderjylland.*Indstille/);	// origin: the initiative's cluster
  assert.ok(!rows.some((s) => /Sønderjylland.*Implementere/.test(s.text)), 'kind_others leaves the origin out');
  // Adopting it again joins the same flow: no second case.
  r = await sekFyn.post(`/initiatives/${iid}/adopt`, { body: String(body('fsn-fyn')) });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/cases/${cid}`);
  page = await sekFyn.get(`/initiatives/${iid}`);
  assert.match(page.text, /Det vil vi gerne prøve i Fyn\./);
  // A new initiative through the form.
  r = await sekFyn.post('/initiatives', {
    area: String(idOf(d.areas, 'klynge-fyn')), title: 'Sygeplejeklinik i Svendborg', what: 'En klinik.',
    results: '', contact: '', contact_text: '', focus_area: '',
  });
  assert.equal(r.status, 303);
  r = await sekFyn.post('/initiatives', {
    area: String(idOf(d.areas, 'klynge-sonderjylland')), title: 'Ikke vores', what: 'x',
  });
  assert.equal(r.status, 403);
});

test('health agreement and a focus area with its progress', async () => {
  const ag = await fetch(srv.base + '/agreement').then((x) => x.text());
  assert.match(ag, /Vi skaber lighed i sundhed/);
  assert.match(ag, /Borgeren som aktiv partner/);
  const fid = ag.match(/<a href="\/focus-areas\/(\d+)"><strong>Psykiatri og mental trivsel/)[1];
  const fa = await fetch(srv.base + `/focus-areas/${fid}`).then((x) => x.text());
  assert.match(fa, /Flere i job eller uddannelse/);
  // 26/1000 (implementing) and the adopted initiative's case.
  assert.match(fa, /2 sager:( \d+ <span class="badge [a-z]*">[^<]*<\/span>)* 1 <span class="badge current">Under implementering<\/span>/);
  assert.match(fa, /Tidlig opsporing af KOL i almen praksis/);
  assert.match(fa, /af \d+ handlinger udført/);
});

test('permissions: another body\'s secretary gets 403; templates only for the region', async () => {
  const page = await admin.get(`/cases/${st.c}`);
  const rows = steps(page.text, st.c);
  const impl = rows.find((s) => s.id && /Implementere/.test(s.text));
  let r = await sekFyn.post(`/cases/${st.c}/steps/${impl ? impl.id : rows[0].id}`, { do: 'start' });
  assert.equal(r.status, 403);
  r = await sekFyn.get(`/cases/new?body=${body('fsn-sonderjylland')}`);
  assert.equal(r.status, 403);
  r = await sekFyn.post('/cases', {
    case_number: '', title: 'x', origin: String(body('fsn-sonderjylland')),
    template: await templateId('Sag i klyngens fagligt strategiske niveau'), started: '2026-11-01', confirm: '1',
  });
  assert.equal(r.status, 403);
  const pub = new Client(srv.base);
  await pub.get('/');
  r = await pub.post(`/cases/${st.c}/steps/${rows.find((x) => x.id).id}`, { do: 'done' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/login?next=%2Fcases%2F${st.c}`);
  // The template edit form: the region's administrator only.
  const tid = await templateId('Forslag fra en implementeringsgruppe');
  r = await sekFyn.get(`/templates/${tid}/edit`);
  assert.equal(r.status, 403);
  const form = await admin.get(`/templates/${tid}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="step-0-target"/);
  r = await admin.submit(`/templates/${tid}/edit`, `/templates/${tid}`, { 'step-1-offset': '21' });
  assert.equal(r.status, 303);
  const shown = await fetch(srv.base + `/templates/${tid}`).then((x) => x.text());
  assert.match(shown, /\+21 dage/);
});

test('time passes to SSU\'s meeting of 10 December: held that day, "Afsluttet" takes the meeting\'s date', async () => {
  const setState = async (to) => {
    const page = await admin.get(st.meeting);
    const rev = page.text.match(/name="revision" value="(\d+)"/)[1];
    return admin.post(`${st.meeting}/state`, { to, revision: rev });
  };
  for (const to of ['invited', 'agenda_approved', 'published']) {
    const r = await setState(to);
    assert.equal(r.status, 303, `${to}: ${alertText(r.text)}`);
  }
  // Not held before its day.
  let r = await setState('held');
  assert.equal(r.status, 422);
  assert.match(alertText(r.text), /først markeres som afholdt på mødedagen/);
  await srv.restart({ KLYNGE_TODAY: '2026-12-10' });
  r = await setState('held');
  assert.equal(r.status, 303, alertText(r.text));
  // The session survived the restart; the decision is recorded on the
  // meeting's date.
  let page = await admin.get(`/cases/${st.a}`);
  const rows = steps(page.text, st.a);
  r = await admin.post(`/cases/${st.a}/steps/${rows[0].id}`, { do: 'done' });
  assert.equal(r.status, 303);
  page = await admin.get(`/cases/${st.a}`);
  assert.match(steps(page.text, st.a)[0].text, /23\.11\.2026 10\.12\.2026 Fælles retningslinje for medicingennemgang/);
  assert.match(page.text, /<span class="badge ok">Besluttet<\/span>/);
});
