'use strict';
// Browser journey of issue 5 (playwright-core driving Debian's
// /usr/bin/chromium, JavaScript off): cases that flow between bodies,
// through the pages and forms only, from 23 November 2026 (KLYNGE_TODAY)
// with the demo structure and the demo's 2026 meetings
// (data/demo-meetings.json: each cluster's professional-strategic level
// has a planned meeting on 10 December 2026; SSU and the strategic
// steering group have none).
//
// No demo casework: the database holds only the Region Syddanmark and
// Midtjylland health agreements and seed 001's three flow templates,
// taken from data/demo-casework.json (templates have no "new" form, they
// are data); every case, initiative and step below is made here.
//
//   A. template "ssu-til-klynger" (a): SSU's secretary creates "Ny
//      samarbejdsaftale om sammenhængende forløb" (started 1 June 2026,
//      so the clusters' due dates have passed) with its flow preview;
//      puts SSU's decision on a meeting planned today, which the chair's
//      approval, publication, the decision on the item and "held" carry
//      to a decision; the steering group prepares the same way; the four
//      professional-strategic levels' implement steps go on their
//      10 December agendas; time passes to 10 December (the server
//      starts again on that day; the browsers keep their sessions) and
//      Sønderjylland's secretary marks its step started on its meeting's
//      day; /leadtimes shows the number and who is late.
//   B. template "skalering-af-lokal-indsats" (b): Sønderjylland shares
//      an initiative, Fyn comments and adopts it; the scaling case is
//      carried through SSU (a second SSU meeting, on 10 December) to the
//      other clusters' implementation.
//   C. template "klynge-fagligt-strategisk" (c) with economic
//      consequences: Sønderjylland decides, the regional council and the
//      four city councils must approve (skipping one is refused), then an
//      implementation group starts (on 10 December too).
//
// Screenshots land in tests/e2e/out/cases-*.png.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, TEST_PASSWORD, repoRoot } = require('../http/helpers');

const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const outDir = path.join(__dirname, 'out');
const TODAY = '2026-11-23';
// The server's day: time passes in A6 (srv.restart with a later
// KLYNGE_TODAY; a step's change is recorded on its meeting's date only
// once that meeting has been).
let today = TODAY;
const LATER = '2026-12-10';

// Real accounts linked to demo people (data/demo.json).
const USERS = {
  ssuSec: { username: 'martin', person: 'p-martin-borup' },		// secretary of SSU and the steering group
  ssuChair: { username: 'frederik', person: 'p-frederik-norgaard' },	// chair of SSU
  ssgChair: { username: 'claus', person: 'p-claus-hviid' },		// co-chair of the steering group
  sdjSec: { username: 'anders', person: 'p-anders-mikkelsen' },	// secretary of fsn-sonderjylland and its IPGs
  fynSec: { username: 'kim', person: 'p-kim-kjaer' },			// secretary of fsn-fyn
};

const SSU = 'Sundhedssamarbejdsudvalget i Region Syddanmark';
const SSG = 'Strategisk Sundhedsstyregruppe';
const CLUSTERS = ['Fyn', 'Lillebælt', 'Sønderjylland', 'Sydvestjylland'];
const fsn = (c) => `Sundhedsklynge ${c} – fagligt strategisk niveau`;
const IPGS = [
  'Implementeringsgruppe for ældre og kronisk sygdom – Sundhedsklynge Sønderjylland',
  'Implementeringsgruppe for psykiatri og misbrug – Sundhedsklynge Sønderjylland',
  'Implementeringsgruppe for børn og unge – Sundhedsklynge Sønderjylland',
  'Implementeringsgruppe for akutte og sammenhængende forløb – Sundhedsklynge Sønderjylland',
];
const FOCUS = 'Sammenhæng for borgere med kronisk sygdom';
// Both demo regions' agreements are "Sundhedsaftalen 2024-2027" with the
// same focus areas: the forms group them by region.
const AGREEMENT = 'Sundhedsaftalen 2024-2027 (Region Syddanmark)';

const CASE_A = { number: '26/04711', title: 'Ny samarbejdsaftale om sammenhængende forløb' };
const INITIATIVE = 'Fælles hjemmebehandlingsteam for borgere med KOL';
const CASE_C = { number: '26/04713', title: 'Fælles akutteam i Sønderjylland' };

let srv;
let browser;
const pages = {};	// one logged-in page per account (own browser context)
const st = {};	// shared between the steps (node:test runs them in order)

// A step of the journey; once one fails, the later ones are skipped.
function step(name, fn) {
  test(name, async (t) => {
    if (st.failed) {
      t.skip('an earlier step failed');
      return;
    }
    try {
      await fn();
    } catch (e) {
      st.failed = true;
      throw e;
    }
  });
}

const out = (name) => path.join(outDir, `cases-${name}`);
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A form field by its label; required fields' labels end in
// "(skal udfyldes)".
function field(page, label) {
  return page.getByLabel(new RegExp(`^${esc(label)}( \\(skal udfyldes\\))?$`));
}

// Chooses the option of a <select> whose text starts with `text`
// (within the <optgroup> labelled `group` when given).
async function choose(select, text, group = null) {
  const within = group ? select.locator(`optgroup[label="${group}"]`) : select;
  const option = within.locator('option').filter({ hasText: new RegExp(`^\\s*${esc(text)}`) });
  assert.equal(await option.count(), 1, `one option "${text}"`);
  await select.selectOption(await option.getAttribute('value'));
}

async function newPage() {
  const ctx = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

// Clicks something that submits a form or follows a link and waits for
// the page it leads to.
async function go(page, locator) {
  const nav = page.waitForNavigation({ waitUntil: 'load' });
  await locator.click();
  await nav;
}

async function login(page, username) {
  await page.goto(`${srv.base}/login`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await go(page, page.getByRole('button', { name: 'Log ind' }));
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/login/, `${username} is logged in`);
}

async function errors(page) {
  return (await page.locator('.error-summary, .field-error').allInnerTexts()).join(' | ');
}

// ---- the case page -----------------------------------------------------------

// The row of the case's flow whose "Forum / råd" cell is `who` and whose
// action is `action` ("Beslutte", "Implementere", "Godkende" ...).
function flowRow(page, who, action) {
  return page.locator('#sagsflow tbody tr')
    .filter({ has: page.getByRole('cell', { name: who, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: new RegExp(`^${esc(action)}`) }) });
}

// The cells of a flow row: { stage, who, action, due, status, started,
// finished, item }.
async function rowCells(row) {
  const c = (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());
  return { stage: c[0], who: c[1], action: c[2], due: c[3], status: c[4], started: c[5],
    finished: c[6], item: c[7] };
}

// Clicks a step button on the case page and waits for the page after it;
// returns the HTTP status of the answer page.
async function stepButton(page, who, action, label) {
  await page.goto(`${srv.base}/cases/${st.current}`);
  const row = flowRow(page, who, action);
  assert.equal(await row.count(), 1, `one step "${who}: ${action}"`);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    go(page, row.getByRole('button', { name: label, exact: true })),
  ]);
  return res.status();
}

async function stepDone(page, who, action, label) {
  const status = await stepButton(page, who, action, label);
  assert.equal(status, 303, `${label} on ${who}: ${await errors(page)}`);
  assert.equal(new URL(page.url()).pathname, `/cases/${st.current}`);
  return rowCells(flowRow(page, who, action));
}

async function badges(page) {
  return page.locator('header.page-head .badge').allInnerTexts();
}

// ---- meetings through their pages -------------------------------------------

// Plans a meeting of the body (its page's "Planlæg møde") today.
async function planMeeting(page, bodyName, place) {
  await page.goto(`${srv.base}/bodies`);
  await go(page, page.getByRole('link', { name: bodyName, exact: true }).first());
  await go(page, page.locator('#moeder').getByRole('link', { name: 'Planlæg møde' }));
  await field(page, 'Mødetype').selectOption('ordinary');
  await field(page, 'Dato').fill(today);
  await field(page, 'Starttidspunkt').fill('09:00');
  await field(page, 'Sluttidspunkt').fill('11:00');
  await field(page, 'Sted').fill(place);
  await go(page, page.getByRole('button', { name: 'Gem møde' }));
  const m = new URL(page.url()).pathname.match(/^\/meetings\/(\d+)$/);
  assert.ok(m, `the meeting is planned: ${await errors(page)}`);
  return Number(m[1]);
}

async function stateButton(page, meeting, label, stateName) {
  await page.goto(`${srv.base}/meetings/${meeting}`);
  await go(page, page.getByRole('button', { name: label }));
  await assert.doesNotReject(page.locator('[aria-current="step"]', { hasText: stateName }).waitFor(),
    `${label} leads to ${stateName}: ${await errors(page)}`);
}

// Invites, has the chair approve the agenda, publishes, records the
// decision on the case's item and marks the meeting held.
async function holdMeeting(sec, chair, meeting, decision) {
  await stateButton(sec, meeting, 'Indkald til mødet', 'Indkaldt');
  await stateButton(chair, meeting, 'Godkend dagsordenen', 'Dagsorden godkendt');
  await stateButton(sec, meeting, 'Udsend dagsordenen', 'Dagsorden udsendt');
  await sec.goto(`${srv.base}/meetings/${meeting}`);
  await go(sec, sec.locator('#dagsorden').getByRole('link', { name: st.title, exact: true }));
  await go(sec, sec.getByRole('link', { name: 'Registrér beslutning' }));
  await field(sec, 'Udfald').selectOption('approved');
  await field(sec, 'Beslutning').fill(decision);
  await go(sec, sec.getByRole('button', { name: 'Gem beslutning' }));
  await assert.doesNotReject(sec.locator('.decision').waitFor(), await errors(sec));
  await stateButton(sec, meeting, 'Markér mødet som afholdt', 'Afholdt');
}

// The titles on a meeting's agenda.
async function agendaTitles(page, meeting) {
  await page.goto(`${srv.base}/meetings/${meeting}`);
  return page.locator('#dagsorden tbody tr td:nth-child(2) a').allInnerTexts();
}

// ---- setup ---------------------------------------------------------------------

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: TODAY }, accounts: Object.values(USERS) });
  const run = (args) => {
    const r = spawnSync(bin, ['--db', srv.db, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, `klynge ${args.join(' ')}: ${r.stderr}`);
  };
  run(['import-meetings', path.join(repoRoot, 'data', 'demo-meetings.json')]);
  // The agreements and templates of the demo casework, nothing else.
  const demo = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'demo-casework.json'), 'utf8'));
  const file = path.join(srv.dir, 'templates.json');
  fs.writeFileSync(file, JSON.stringify({ klynge: demo.klynge, agreements: demo.agreements,
    templates: demo.templates }));
  run(['import-casework', file]);
  fs.mkdirSync(outDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  for (const [k, u] of Object.entries({ admin: { username: 'admin' }, ...USERS })) {
    pages[k] = await newPage();
    await login(pages[k], u.username);
  }
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

// ---- A -------------------------------------------------------------------------

step('A1. SSU\'s secretary creates the case from template a, with its flow preview', async () => {
  const page = pages.ssuSec;
  await page.goto(`${srv.base}/cases`);
  await assert.doesNotReject(page.getByText('Ingen sager.').waitFor(), 'no casework yet');
  await go(page, page.getByRole('link', { name: 'Ny sag' }));
  await field(page, 'Sagsnummer').fill(CASE_A.number);
  await field(page, 'Titel').fill(CASE_A.title);
  await field(page, 'Beskrivelse').fill('Sundhedssamarbejdsudvalget beslutter en ny samarbejdsaftale om '
    + 'sammenhængende forløb for borgere med kronisk sygdom. Aftalen implementeres i alle fire klynger.');
  await choose(field(page, 'Startes i forum'), SSU);
  await choose(field(page, 'Sagsflow (skabelon)'), 'Fra Sundhedssamarbejdsudvalget til klyngerne');
  await choose(field(page, 'Indsatsområde'), FOCUS, AGREEMENT);
  await field(page, 'Startdato').fill('2026-06-01');
  await go(page, page.getByRole('button', { name: 'Vis sagsflow' }));

  // The preview: SSU decides, the steering group prepares, the four
  // professional-strategic levels and Sønderjylland's implementation
  // groups implement, with due dates chained from 1 June.
  const preview = page.locator('#forhaandsvisning tbody tr');
  const rows = (await preview.allInnerTexts()).map((r) => r.split('\t').map((s) => s.trim()));
  assert.deepEqual(rows, [
    ['1', SSU, 'Beslutte', '1.6.2026'],
    ['2', SSG, 'Forberede', '1.7.2026'],
    ...CLUSTERS.map((c) => ['3', fsn(c), 'Implementere', '30.8.2026']),
    ...IPGS.map((g) => ['4', g, 'Implementere', '29.10.2026']),
  ]);
  await go(page, page.getByRole('button', { name: 'Opret sag' }));
  const m = new URL(page.url()).pathname.match(/^\/cases\/(\d+)$/);
  assert.ok(m, `the case is created: ${await errors(page)}`);
  st.a = st.current = Number(m[1]);
  st.title = CASE_A.title;
  await page.locator('h1', { hasText: CASE_A.title }).waitFor();
  assert.deepEqual(await badges(page), ['Under behandling']);
  assert.equal(await page.locator('#sagsflow tbody tr').count(), 10);
  // Every due date has passed: all ten steps are overdue.
  assert.equal(await page.locator('#sagsflow tbody tr.overdue').count(), 10);
});

step('A2. "Sæt på dagsordenen" without a meeting is refused; on the SSU meeting planned today', async () => {
  const page = pages.ssuSec;
  assert.equal(await stepButton(page, SSU, 'Beslutte', 'Sæt på dagsordenen'), 409);
  assert.match(await page.getByRole('alert').innerText(),
    /Forummet har ikke et kommende møde – planlæg et møde først/);
  st.ssu1 = await planMeeting(page, SSU, 'Regionshuset, Vejle');
  await page.goto(`${srv.base}/cases/${st.a}`);
  const cells = await stepDone(page, SSU, 'Beslutte', 'Sæt på dagsordenen');
  assert.match(cells.item, new RegExp(`^${esc(CASE_A.title)} \\(23\\.11\\.2026\\)$`));
  assert.deepEqual(await agendaTitles(page, st.ssu1), [CASE_A.title]);
  // An approval item with the case number.
  assert.match(await page.locator('#dagsorden tbody tr').innerText(), /Godkendelse/);
  await go(page, page.locator('#dagsorden').getByRole('link', { name: CASE_A.title }));
  assert.match(await page.locator('.item-cases').innerText(), new RegExp(`Sager: ${esc(CASE_A.number)}`));
});

step('A3. the chair approves the agenda, the meeting decides and is held; "Afsluttet": decided', async () => {
  await holdMeeting(pages.ssuSec, pages.ssuChair, st.ssu1,
    'Sundhedssamarbejdsudvalget godkendte samarbejdsaftalen. Den implementeres i de fire klynger.');
  const page = pages.ssuSec;
  const cells = await stepDone(page, SSU, 'Beslutte', 'Afsluttet');
  // The decision takes the meeting's date.
  assert.equal(cells.status, 'Afsluttet');
  assert.equal(cells.finished, '23.11.2026');
  assert.match(await page.getByRole('status').innerText(), /^Beslutningen er registreret\.$/);
  assert.deepEqual(await badges(page), ['Besluttet', 'Besluttet']);
});

step('A4. the steering group prepares on its own meeting today (the same way)', async () => {
  const page = pages.ssuSec;
  st.ssg = await planMeeting(page, SSG, 'Regionshuset, Vejle');
  await page.goto(`${srv.base}/cases/${st.a}`);
  await stepDone(page, SSG, 'Forberede', 'Sæt på dagsordenen');
  await holdMeeting(page, pages.ssgChair, st.ssg,
    'Styregruppen drøftede implementeringsplanen og sender materialet til klyngerne.');
  const cells = await stepDone(page, SSG, 'Forberede', 'Afsluttet');
  assert.equal(cells.status, 'Afsluttet');
  assert.equal(cells.started, '23.11.2026');
  assert.equal(cells.finished, '23.11.2026');
});

step('A5. the item appears on all four clusters\' professional-strategic agendas of 10 December', async () => {
  const page = pages.ssuSec;
  for (const c of CLUSTERS) {
    const cells = await stepDone(page, fsn(c), 'Implementere', 'Sæt på dagsordenen');
    // The clusters' planned agendas are their members' only: SSU's
    // secretary put the item there but does not see it.
    assert.equal(cells.item, 'Dagsordenspunkt (ikke offentligt)', c);
  }
  // Each cluster's meeting page lists the case (the administrator sees
  // them all); the link on the case page leads to the item.
  const admin = pages.admin;
  st.clusterMeetings = {};
  for (const c of CLUSTERS) {
    await admin.goto(`${srv.base}/cases/${st.a}`);
    const cells = await rowCells(flowRow(admin, fsn(c), 'Implementere'));
    assert.match(cells.item, new RegExp(`^${esc(CASE_A.title)} \\(10\\.12\\.2026\\)$`), c);
  }
  for (const c of CLUSTERS) {
    const page = admin;
    await page.goto(`${srv.base}/cases/${st.a}`);
    await go(page, flowRow(page, fsn(c), 'Implementere').getByRole('link', { name: CASE_A.title }));
    const meeting = Number(((await page.locator('nav.crumbs a[href^="/meetings/"]').first()
      .getAttribute('href')) || '').split('/')[2]);
    assert.ok(meeting > 0, `${c}: the item's meeting`);
    st.clusterMeetings[c] = meeting;
    const titles = await agendaTitles(page, meeting);
    assert.ok(titles.includes(CASE_A.title), `${c}: ${titles.join(' / ')}`);
    assert.match(await page.locator('h1').innerText(), new RegExp(esc(fsn(c))));
    assert.match(await page.locator('dl.facts').innerText(), /10\. december 2026/);
  }
  // ... and the public sees it on the published meetings only: the
  // planned meetings' agendas are not public yet (nothing to assert).
});

step('A6. time passes to 10 December: Sønderjylland\'s secretary marks its implementation started', async () => {
  // The day of the clusters' meetings has come; the sessions survive the
  // restart (they are in the database).
  await srv.restart({ KLYNGE_TODAY: LATER });
  today = LATER;
  const page = pages.sdjSec;
  st.current = st.a;
  // The secretary of a cluster may change that cluster's steps only.
  await page.goto(`${srv.base}/cases/${st.a}`);
  assert.deepEqual(await flowRow(page, fsn('Sønderjylland'), 'Implementere').getByRole('button').allInnerTexts(),
    ['Påbegyndt', 'Afsluttet', 'Udgår']);
  assert.equal(await flowRow(page, fsn('Fyn'), 'Implementere').getByRole('button').count(), 0);
  const cells = await stepDone(page, fsn('Sønderjylland'), 'Implementere', 'Påbegyndt');
  // Treated on the 10 December agenda, now that the meeting's day has
  // come: "Påbegyndt" takes that meeting's date (case_step_date), 17 days
  // after SSU's decision.
  assert.equal(cells.status, 'I gang');
  assert.equal(cells.started, '10.12.2026');
  assert.deepEqual(await badges(page), ['Under implementering', 'Besluttet']);
  // The case's own lead-time table.
  const lt = page.locator('#gennemloebstid tbody tr');
  const sdj = (await lt.filter({ hasText: fsn('Sønderjylland') }).getByRole('cell').allInnerTexts())
    .map((s) => s.trim());
  assert.deepEqual(sdj, [fsn('Sønderjylland'), '23.11.2026', '30.8.2026', '10.12.2026', '17', 'Forsinket']);
  for (const c of ['Fyn', 'Lillebælt', 'Sydvestjylland']) {
    const r = (await lt.filter({ hasText: fsn(c) }).getByRole('cell').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(r, [fsn(c), '23.11.2026', '30.8.2026', '–', '–', 'Forsinket'], c);
  }
  await page.screenshot({ path: out('a-case.png'), fullPage: true });
  // The public reads the same flow, without buttons (docs/screenshots/case.png).
  const pub = await newPage();
  await pub.goto(`${srv.base}/cases/${st.a}`);
  await pub.locator('h1', { hasText: CASE_A.title }).waitFor();
  assert.equal(await pub.locator('#sagsflow').getByRole('button').count(), 0);
  assert.equal((await rowCells(flowRow(pub, fsn('Sønderjylland'), 'Implementere'))).started, '10.12.2026');
  await pub.screenshot({ path: out('a-case-public.png'), fullPage: true });
  await pub.context().close();
});

step('A7. /leadtimes: Sønderjylland 17 days, the three other clusters late', async () => {
  const page = pages.admin;
  await page.goto(`${srv.base}/leadtimes`);
  await page.locator('h1', { hasText: 'Gennemløbstider' }).waitFor();
  // Per cluster: Sønderjylland has its professional-strategic level and
  // four implementation groups (5 flows, 1 started, 17 days); every flow
  // is late (Sønderjylland started after its due date, 30.8.2026).
  const cluster = async (name) => (await page.locator('#klynger tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(await cluster('Sundhedsklynge Sønderjylland'), ['5', '1', '17', '17', '17', '5']);
  for (const c of ['Fyn', 'Lillebælt', 'Sydvestjylland'])
    assert.deepEqual(await cluster(`Sundhedsklynge ${c}`), ['1', '0', '–', '–', '–', '1'], c);
  // The chart: one bar, 4th quarter of 2026.
  const bars = await page.locator('svg.leadtime-chart rect title').allTextContents();
  assert.deepEqual(bars, ['Sundhedsklynge Sønderjylland, 4. kvt. 2026: median 17 dage (1 påbegyndt, 5 forsinket)']);
  // Who is late: the three clusters not started, Sønderjylland started late.
  const late = await page.locator('#klynger ul.late-flows li').allInnerTexts();
  for (const c of ['Fyn', 'Lillebælt', 'Sydvestjylland'])
    assert.ok(late.includes(`Forsinket ${CASE_A.number} ${CASE_A.title} – ${fsn(c)}: frist 30.8.2026, ikke påbegyndt`),
      `${c} late: ${late.join(' / ')}`);
  assert.ok(late.includes(`Forsinket ${CASE_A.number} ${CASE_A.title} – ${fsn('Sønderjylland')}: frist 30.8.2026, påbegyndt 10.12.2026`));
  await page.screenshot({ path: out('leadtimes.png'), fullPage: true });
});

// ---- B -------------------------------------------------------------------------

step('B1. Sønderjylland shares an initiative; Fyn comments and adopts it', async () => {
  const sdj = pages.sdjSec;
  await sdj.goto(`${srv.base}/initiatives`);
  await go(sdj, sdj.getByRole('link', { name: 'Del en indsats' }));
  // Anders sits in Sønderjylland only: the one cluster he may share for.
  await choose(field(sdj, 'Klynge'), 'Sundhedsklynge Sønderjylland');
  assert.equal(await field(sdj, 'Klynge').locator('option').count(), 2, '"Vælg klynge" and Sønderjylland');
  await field(sdj, 'Titel').fill(INITIATIVE);
  await field(sdj, 'Hvad er indsatsen').fill('Et tværsektorielt team af sygeplejersker fra sygehus og kommune '
    + 'behandler borgere med KOL i eget hjem.\n\n- opkald dagen efter udskrivelse\n- fælles plan med egen læge');
  await field(sdj, 'Resultater og erfaringer').fill('*30 % færre* genindlæggelser i pilotperioden.');
  await field(sdj, 'Kontakt (fritekst)').fill('Klyngesekretariatet i Sønderjylland');
  await choose(field(sdj, 'Indsatsområde'), FOCUS, AGREEMENT);
  await go(sdj, sdj.getByRole('button', { name: 'Del indsatsen' }));
  const m = new URL(sdj.url()).pathname.match(/^\/initiatives\/(\d+)$/);
  assert.ok(m, `the initiative is shared: ${await errors(sdj)}`);
  st.initiative = Number(m[1]);
  await assert.doesNotReject(sdj.locator('#resultater em', { hasText: '30 % færre' }).waitFor());
  // Its own cluster cannot adopt it.
  assert.equal(await sdj.getByRole('button', { name: 'Tag i brug i vores klynge' }).count(), 0);

  const fyn = pages.fynSec;
  await fyn.goto(`${srv.base}/initiatives`);
  await go(fyn, fyn.getByRole('link', { name: INITIATIVE }));
  await field(fyn, 'Din kommentar').fill('Det vil vi gerne prøve i Fyn – hvem kan vi tale med om teamets vagtplan?');
  await go(fyn, fyn.getByRole('button', { name: 'Kommentér' }));
  await assert.doesNotReject(fyn.locator('#kommentarer').getByText('hvem kan vi tale med').waitFor());
  assert.match(await fyn.locator('#kommentarer .meta').first().innerText(), /^kim \(Sundhedsklynge Fyn\), /);
  const adopt = field(fyn, 'Klyngens fagligt strategiske niveau');
  assert.deepEqual(await adopt.locator('option').allInnerTexts(), [fsn('Fyn')]);
  await go(fyn, fyn.getByRole('button', { name: 'Tag i brug i vores klynge' }));
  const c = new URL(fyn.url()).pathname.match(/^\/cases\/(\d+)$/);
  assert.ok(c, `a case: ${await errors(fyn)}`);
  st.b = st.current = Number(c[1]);
  st.title = INITIATIVE;
  const facts = await fyn.locator('dl.facts').innerText();
  assert.match(facts, /Skalering af en lokal indsats til de øvrige klynger/);
  assert.match(facts, new RegExp(`Skaleret fra\\s+${esc(INITIATIVE)}`));
  assert.match(facts, new RegExp(`Startet i\\s+${esc(fsn('Sønderjylland'))}`));
  // Origin recommends, the steering group discusses, SSU decides, the
  // other three clusters implement (not the initiative's own).
  const rows = await fyn.locator('#sagsflow tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.innerText.trim().split('\n')[0])));
  assert.deepEqual(rows, [
    ['1', fsn('Sønderjylland'), 'Indstille'],
    ['2', SSG, 'Drøfte'],
    ['3', SSU, 'Beslutte'],
    ...['Fyn', 'Lillebælt', 'Sydvestjylland'].map((x) => ['4', fsn(x), 'Implementere']),
  ]);
  await fyn.goto(`${srv.base}/initiatives/${st.initiative}`);
  assert.match(await fyn.locator('#taget-i-brug').innerText(), new RegExp(`${esc(INITIATIVE)}\\s+Under behandling`));
  await fyn.screenshot({ path: out('b-initiative.png'), fullPage: true });
});

step('B2. recommended, discussed, decided on a second SSU meeting (10 December); the clusters implement', async () => {
  const sdj = pages.sdjSec;
  let cells = await stepDone(sdj, fsn('Sønderjylland'), 'Indstille', 'Afsluttet');
  assert.equal(cells.status, 'Afsluttet');
  const sec = pages.ssuSec;
  // The steering group's step: marked done directly (no meeting).
  cells = await stepDone(sec, SSG, 'Drøfte', 'Afsluttet');
  assert.equal(cells.finished, '10.12.2026');
  // SSU's meeting of 23 November has been held: no meeting to come, so
  // plan another today.
  assert.equal(await stepButton(sec, SSU, 'Beslutte', 'Sæt på dagsordenen'), 409);
  st.ssu2 = await planMeeting(sec, SSU, 'Syddansk Sundhedsinnovation, Odense');
  cells = await stepDone(sec, SSU, 'Beslutte', 'Sæt på dagsordenen');
  assert.match(cells.item, new RegExp(`^${esc(INITIATIVE)} \\(10\\.12\\.2026\\)$`));
  assert.deepEqual(await agendaTitles(sec, st.ssu2), [INITIATIVE]);
  await holdMeeting(sec, pages.ssuChair, st.ssu2,
    'Sundhedssamarbejdsudvalget besluttede at skalere indsatsen til de øvrige klynger.');
  cells = await stepDone(sec, SSU, 'Beslutte', 'Afsluttet');
  assert.equal(cells.finished, '10.12.2026');
  assert.deepEqual(await badges(sec), ['Besluttet', 'Besluttet']);
  // Fyn starts today (0 days); the others wait for their due date.
  cells = await stepDone(pages.fynSec, fsn('Fyn'), 'Implementere', 'Påbegyndt');
  assert.equal(cells.started, '10.12.2026');
  const lt = (await pages.fynSec.locator('#gennemloebstid tbody tr').filter({ hasText: fsn('Fyn') })
    .getByRole('cell').allInnerTexts()).map((s) => s.trim());
  // Due: 10.12 + 30 + 30 + 60 days.
  assert.deepEqual(lt, [fsn('Fyn'), '10.12.2026', '9.4.2027', '10.12.2026', '0', 'Til tiden']);
  assert.deepEqual(await badges(pages.fynSec), ['Under implementering', 'Besluttet']);
});

// ---- C -------------------------------------------------------------------------

step('C1. a case with economic consequences in Sønderjylland: decided, awaiting the councils', async () => {
  const page = pages.sdjSec;
  await page.goto(`${srv.base}/bodies`);
  await go(page, page.getByRole('link', { name: fsn('Sønderjylland'), exact: true }).first());
  await go(page, page.locator('#opfoelgning').getByRole('link', { name: 'Ny sag' }));
  await field(page, 'Sagsnummer').fill(CASE_C.number);
  await field(page, 'Titel').fill(CASE_C.title);
  // The body's "Ny sag" chooses the body; the start date is today.
  assert.equal(await field(page, 'Startes i forum').locator('option:checked').innerText(), fsn('Sønderjylland'));
  assert.equal(await field(page, 'Startdato').inputValue(), today);
  await choose(field(page, 'Sagsflow (skabelon)'), 'Sag, der starter på klyngens fagligt strategiske niveau');
  await field(page, 'Økonomiske konsekvenser').check();
  await go(page, page.getByRole('button', { name: 'Vis sagsflow' }));
  const rows = (await page.locator('#forhaandsvisning tbody tr').allInnerTexts())
    .map((r) => r.split('\t').map((s) => s.trim()));
  assert.deepEqual(rows, [
    ['1', fsn('Sønderjylland'), 'Beslutte', '10.12.2026'],
    ...IPGS.map((g) => ['2', g, 'Implementere', '24.1.2027']),
  ]);
  await go(page, page.getByRole('button', { name: 'Opret sag' }));
  const m = new URL(page.url()).pathname.match(/^\/cases\/(\d+)$/);
  assert.ok(m, `case C: ${await errors(page)}`);
  st.c = st.current = Number(m[1]);
  assert.deepEqual(await badges(page), ['Under behandling', 'Økonomiske konsekvenser']);
  // Implementation cannot start before the decision.
  assert.equal(await stepButton(page, IPGS[0], 'Implementere', 'Påbegyndt'), 422);
  assert.match(await page.getByRole('alert').innerText(), /Implementeringen kan ikke begynde, før sagen er besluttet\./);
  // The decision: marked done directly, on today's date (not on the
  // agenda of the cluster's meeting of today).
  await stepDone(page, fsn('Sønderjylland'), 'Beslutte', 'Afsluttet');
  assert.match(await page.getByRole('status').innerText(),
    /afventer nu godkendelse i regionsrådet og byrådene/);
  assert.deepEqual(await badges(page), ['Afventer regionsråd og byråd', 'Økonomiske konsekvenser']);
  const councils = await page.locator('#sagsflow tbody tr')
    .filter({ has: page.getByRole('cell', { name: /^Godkende/ }) })
    .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1].innerText.trim()));
  st.councils = councils;
  assert.deepEqual(councils.slice().sort(), ['Byrådet i Aabenraa Kommune', 'Byrådet i Haderslev Kommune',
    'Byrådet i Sønderborg Kommune', 'Byrådet i Tønder Kommune', 'Regionsrådet'].sort());
  await page.screenshot({ path: out('c-awaiting.png'), fullPage: true });
});

step('C2. "Udgår" on a council approval is refused; each council approves; the group starts', async () => {
  const page = pages.sdjSec;
  assert.equal(await stepButton(page, 'Regionsrådet', 'Godkende', 'Udgår'), 422);
  assert.equal(await page.getByRole('alert').locator('p').innerText(),
    'Godkendelsen i regionsråd og byråd kan ikke springes over, når sagen har økonomiske konsekvenser.');
  for (const council of st.councils) {
    assert.deepEqual((await badges(page))[0], 'Afventer regionsråd og byråd', `before ${council}`);
    const cells = await stepDone(page, council, 'Godkende', 'Afsluttet');
    assert.equal(cells.status, 'Afsluttet');
    assert.equal(cells.finished, '10.12.2026');
  }
  assert.deepEqual(await badges(page), ['Besluttet', 'Økonomiske konsekvenser', 'Besluttet']);
  const cells = await stepDone(page, IPGS[3], 'Implementere', 'Påbegyndt');
  assert.equal(cells.started, '10.12.2026');
  assert.deepEqual(await badges(page), ['Under implementering', 'Økonomiske konsekvenser', 'Besluttet']);
  const lt = (await page.locator('#gennemloebstid tbody tr').filter({ hasText: IPGS[3] })
    .getByRole('cell').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(lt, [IPGS[3], '10.12.2026', '24.1.2027', '10.12.2026', '0', 'Til tiden']);
  await page.screenshot({ path: out('c-case.png'), fullPage: true });
});

// ---- follow-up -------------------------------------------------------------------

step('D. /followup lists the late flows; the focus area counts its cases', async () => {
  const page = pages.admin;
  await page.goto(`${srv.base}/followup`);
  // Case A's steps that are overdue: the three clusters not started, and
  // Sønderjylland's started step and its four groups (not done).
  const lead = await page.locator('header.page-head .lead').innerText();
  assert.match(lead, /^8 overskredne trin og opfølgningspunkter pr\. 10\. december 2026/);
  for (const c of ['Fyn', 'Lillebælt', 'Sydvestjylland']) {
    const section = page.locator('section').filter({ has: page.getByRole('heading', { name: `Sundhedsklynge ${c}`, exact: true }) });
    assert.match(await section.locator('ul.late-flows').innerText(),
      new RegExp(`${esc(CASE_A.title)} – ${esc(fsn(c))}: frist 30\\.8\\.2026, ikke påbegyndt`), c);
  }
  // The focus area from case A's facts (both regions' agreements have
  // one of that name).
  await page.goto(`${srv.base}/cases/${st.a}`);
  await go(page, page.locator('dl.facts').getByRole('link', { name: new RegExp(`^${esc(FOCUS)}`) }));
  await page.locator('h1', { hasText: FOCUS }).waitFor();
  const progress = await page.locator('#fremdrift').innerText();
  assert.match(progress, /2 sager:\s*2 Under implementering/);
  const cases = await page.locator('#sager').innerText();
  assert.match(cases, new RegExp(esc(CASE_A.title)));
  assert.match(cases, new RegExp(esc(INITIATIVE)));
  assert.match(await page.locator('#indsatser').innerText(), new RegExp(esc(INITIATIVE)));
  await page.screenshot({ path: out('focus-area.png'), fullPage: true });

  // The final /leadtimes: all three templates have numbers.
  await page.goto(`${srv.base}/leadtimes`);
  const tpl = async (name) => (await page.locator('#skabeloner tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(await tpl('Fra Sundhedssamarbejdsudvalget til klyngerne'), ['8', '1', '17', '17', '17', '8']);
  assert.deepEqual(await tpl('Skalering af en lokal indsats til de øvrige klynger'), ['3', '1', '0', '0', '0', '0']);
  assert.deepEqual(await tpl('Sag, der starter på klyngens fagligt strategiske niveau'), ['4', '1', '0', '0', '0', '0']);
  // Sønderjylland: case A (17 days, its level and four groups) and case
  // C (one group, 0 days): median of 0 and 17 in whole days.
  const sdj = (await page.locator('#klynger tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: 'Sundhedsklynge Sønderjylland', exact: true }) })
    .getByRole('cell').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(sdj, ['9', '2', '8', '8', '17', '5']);
  await page.screenshot({ path: out('leadtimes-all.png'), fullPage: true });
});
