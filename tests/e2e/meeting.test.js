'use strict';
// Browser journey of issue 4 (playwright-core driving Debian's
// /usr/bin/chromium, JavaScript off): the secretariat re-creates the
// extraordinary meeting of Det Administrative Kontaktforum on 23 June
// 2022 (seed 001, tests/e2e/seed001.js) through the pages and forms only,
// from a new forum to approved minutes:
//
//   1. the administrator creates the forum with the "Nyt forum" form and
//      adds its chair and a member with the membership form;
//   2. plans the meeting (the secretariat's checklist appears);
//   3. writes the five items, "Eventuelt" early on - it stays last -
//      and uploads the two attachments of item 1 with the file input;
//   4. invites; the chair (an account linked to the chair's person)
//      approves the agenda; the secretariat publishes it and generates
//      the agenda PDF, downloads both editions and reads them with
//      pdftotext/pdfinfo (titles, place, date, attachment pages);
//   5. records attendance and the seed's decisions, marks the meeting
//      held; the chair approves the minutes;
//   6. generates and reads the minutes PDF; PDF pages rendered to PNG;
//   7. the public (a fresh browser context) sees the published meeting
//      with its items and no edit buttons.
//
// The server runs with KLYNGE_TODAY=2022-06-23, the meeting's own day
// (a meeting can be marked held only on or after its date), so the
// secretariat plans, holds and approves it that day. Screenshots and PDFs land in tests/e2e/out/meeting-*.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, TEST_PASSWORD } = require('../http/helpers');
const seed = require('./seed001');

const outDir = path.join(__dirname, 'out');
const fixtures = path.join(__dirname, 'fixtures');
const TODAY = '2022-06-23';
// The chair logs in as an account linked to a demo person (Region
// Syddanmark's group director); the membership form makes them chair of
// the new forum, which gives the account the right to approve.
const CHAIR = { username: 'formand', person: 'p-claus-hviid', name: 'Claus Hviid' };
const MEMBER = { name: 'Esben Lassen', org: 'Odense Kommune' };

let srv;
let browser;
let admin;	// the secretariat (administrator) - a page
let chair;	// the chair - a page in its own context
const st = {};	// shared between the steps (node:test runs them in order)

// A step of the journey; once one fails, the later ones are skipped
// (they would only fail for the same reason).
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

const out = (name) => path.join(outDir, `meeting-${name}`);
// Text compared without whitespace, soft hyphens and hyphens (pdftotext
// may break "politiske-" at a line end or hyphenate a long word).
const squash = (s) => s.replace(/[\s\u00ad\u2010\u2011-]+/g, '').toLowerCase();

// A form field by its label; required fields' labels end in
// "(skal udfyldes)".
function field(page, label) {
  const re = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${re}( \\(skal udfyldes\\))?$`));
}

// Chooses the option of a <select> whose text is `text`, or starts with
// it followed by a comma or parenthesis ("Region Syddanmark (Region)",
// "Claus Hviid, Koncerndirektør (RSD)").
async function choose(select, text) {
  const re = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const option = select.locator('option').filter({ hasText: new RegExp(`^\\s*${re}(\\s*[,(].*)?$`) });
  assert.equal(await option.count(), 1, `one option "${text}"`);
  await select.selectOption(await option.getAttribute('value'));
}

async function newPage() {
  const ctx = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

// Clicks something that submits a form or follows a link and waits for
// the page it leads to (a POST answered 303 to the same URL included).
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

// A PDF's text without the running footers ("... · Side 2 af 6"), so
// that a paragraph broken across pages reads as one.
function pdftotext(file) {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\n').filter((l) => !/Side \d+ af \d+\s*$/.test(l)).join('\n');
}

function pdfPages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(info.match(/^Pages:\s+(\d+)/m)[1]);
}

// One page of a PDF as PNG at 80 dpi: tests/e2e/out/meeting-<name>.png.
function pdfPng(file, pageNo, name) {
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(pageNo), '-l', String(pageNo),
    '-singlefile', file, out(name)]);
}

// The first page (1-based, from page `from` on: page 1 holds the table
// of contents) of a PDF whose text contains needle; 0 when none.
function pageWith(file, needle, from = 2) {
  const n = pdfPages(file);
  for (let i = from; i <= n; i++) {
    const t = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), file, '-'], { encoding: 'utf8' });
    if (squash(t).includes(squash(needle)))
      return i;
  }
  return 0;
}

// Downloads the document in the meeting page's "Dokumenter" table whose
// row names kind ("Dagsorden"/"Referat") and edition ("Offentlig
// udgave"/"Fuld udgave") by clicking its link, as a user would.
async function download(page, kind, edition, file) {
  const row = page.locator('#dokumenter').getByRole('row')
    .filter({ hasText: `${kind}, version` }).filter({ hasText: edition });
  assert.equal(await row.count(), 1, `one ${kind} row of ${edition}`);
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link').click(),
  ]);
  assert.equal(await dl.failure(), null);
  await dl.saveAs(file);
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  return file;
}

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: [{ username: CHAIR.username, person: CHAIR.person, admin: false }],
  });
  fs.mkdirSync(outDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  admin = await newPage();
  await login(admin, 'admin');
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

step('1. a new forum with the "Nyt forum" form, its chair and a member', async () => {
  const page = admin;
  // /bodies has no link to the form; the address is the form's own.
  await page.goto(`${srv.base}/bodies/new`);
  await page.locator('h1', { hasText: 'Nyt forum' }).waitFor();
  await field(page, 'Navn').fill(seed.body.name);
  await field(page, 'Kort navn').fill(seed.body.short_name);
  await field(page, 'Type').selectOption('steering_group');
  await choose(field(page, 'Region'), 'Region Syddanmark');
  await go(page, page.getByRole('button', { name: 'Gem', exact: true }));
  const m = new URL(page.url()).pathname.match(/^\/bodies\/(\d+)$/);
  assert.ok(m, `on the new forum's page: ${page.url()}`);
  st.body = Number(m[1]);
  await page.locator('h1', { hasText: seed.body.name }).waitFor();

  // The chair and a member, from 1 January 2022.
  for (const [person, role, org] of [[CHAIR.name, 'chair', 'Region Syddanmark'],
    [MEMBER.name, 'member', MEMBER.org]]) {
    await go(page, page.getByRole('link', { name: 'Tilføj medlem' }).first());
    await choose(field(page, 'Person'), person);
    await field(page, 'Rolle').selectOption(role);
    await field(page, 'Funktion').selectOption('director');
    await choose(field(page, 'Repræsenterer'), org);
    await field(page, 'Startdato').fill('2022-01-01');
    await go(page, page.getByRole('button', { name: 'Gem medlemskab' }));
    assert.match(new URL(page.url()).pathname, new RegExp(`^/bodies/${st.body}$`),
      `${person} saved: ${await page.locator('.error-summary').allInnerTexts()}`);
  }
  assert.ok(await page.getByRole('link', { name: CHAIR.name }).count() >= 1);
  assert.ok(await page.getByRole('link', { name: MEMBER.name }).count() >= 1);
  await page.screenshot({ path: out('1-body.png'), fullPage: true });
});

step('2. plan the meeting: extraordinary, 23 June 2022 14:30-15:30, Virtuelt', async () => {
  const page = admin;
  await go(page, page.locator('#moeder').getByRole('link', { name: 'Planlæg møde' }));
  await page.locator('h1', { hasText: `Planlæg møde i ${seed.body.name}` }).waitFor();
  await field(page, 'Mødetype').selectOption(seed.meeting.kind);
  await field(page, 'Dato').fill(seed.meeting.date);
  await field(page, 'Starttidspunkt').fill(seed.meeting.start);
  await field(page, 'Sluttidspunkt').fill(seed.meeting.end);
  await field(page, 'Sted').fill(seed.meeting.place);
  await go(page, page.getByRole('button', { name: 'Gem møde' }));
  const m = new URL(page.url()).pathname.match(/^\/meetings\/(\d+)$/);
  assert.ok(m, `on the meeting's page: ${page.url()}`);
  st.meeting = Number(m[1]);
  st.url = `${srv.base}/meetings/${st.meeting}`;

  const facts = page.locator('dl.facts');
  await assert.doesNotReject(facts.getByText('Virtuelt').waitFor());
  assert.match(await facts.innerText(), /23\. juni 2022/);
  assert.match(await facts.innerText(), /14:30–15:30/);
  assert.match(await page.locator('.kicker').first().textContent(), /Ekstraordinært møde/);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Tjekliste for sekretariatet' }).waitFor());
  assert.ok(await page.locator('#tjekliste').getByRole('row').count() > 2, 'the checklist has tasks');
  assert.equal(await page.locator('[aria-current="step"]').innerText(), 'Planlagt');
});

// Writes one of the seed's items with the item form; returns its id.
async function writeItem(page, it) {
  await page.goto(st.url);
  await go(page, page.getByRole('link', { name: 'Nyt dagsordenspunkt' }));
  await field(page, 'Titel').fill(it.title);
  await field(page, 'Sagsnummer').fill(it.case_number);
  await field(page, 'Type').selectOption(it.kind);
  await field(page, 'Resumé').fill(it.summary);
  await field(page, 'Sagsfremstilling').fill(it.presentation);
  await field(page, 'Indstilling fra').fill(it.recommended_by);
  await field(page, 'Indstillinger').fill(it.resolutions);
  await go(page, page.getByRole('button', { name: 'Gem punkt' }));
  const m = new URL(page.url()).pathname.match(/^\/items\/(\d+)$/);
  assert.ok(m, `${it.title}: ${await page.locator('.error-summary').allInnerTexts()}`);
  await page.locator('h1', { hasText: it.title }).waitFor();
  return Number(m[1]);
}

// The agenda table's titles, in order.
async function agendaTitles(page) {
  return page.locator('#dagsorden tbody tr td:nth-child(2) a').allInnerTexts();
}

step('3. the five items, "Eventuelt" stays last, two attachments on item 1', async () => {
  const page = admin;
  const [first, second, third, fourth, aob] = seed.items;
  st.items = [];
  // The secretariat puts "Eventuelt" on the agenda early; the items
  // written after it still come before it.
  st.items[0] = await writeItem(page, first);
  st.items[4] = await writeItem(page, aob);
  st.items[1] = await writeItem(page, second);
  st.items[2] = await writeItem(page, third);
  st.items[3] = await writeItem(page, fourth);
  await page.goto(st.url);
  assert.deepEqual(await agendaTitles(page), seed.items.map((i) => i.title));

  // "Eventuelt" cannot go up (the order rule would undo it), nor the
  // first item up or the item above "Eventuelt" down: those buttons are
  // disabled; the others are not.
  const rows = page.locator('#dagsorden tbody tr');
  const aobRow = rows.filter({ hasText: 'Eventuelt' });
  assert.equal(await aobRow.getByRole('button', { name: 'Op' }).isDisabled(), true);
  assert.equal(await aobRow.getByRole('button', { name: 'Ned' }).isDisabled(), true);
  assert.equal(await rows.nth(0).getByRole('button', { name: 'Op' }).isDisabled(), true);
  assert.equal(await rows.nth(3).getByRole('button', { name: 'Ned' }).isDisabled(), true);
  assert.equal(await rows.nth(1).getByRole('button', { name: 'Op' }).isDisabled(), false);
  assert.deepEqual(await agendaTitles(page), seed.items.map((i) => i.title),
    'Eventuelt is still last');
  assert.equal(await page.locator('#dagsorden .violations').count(), 0, 'no order problem');

  // Item 1: the two attachments with the file input.
  await page.goto(`${srv.base}/items/${st.items[0]}`);
  for (const name of first.attachments) {
    await page.getByLabel('Tilføj bilag').setInputFiles(path.join(fixtures, name));
    await go(page, page.getByRole('button', { name: 'Upload bilag' }));
    await assert.doesNotReject(page.locator('ol.attachments').getByRole('link', { name }).waitFor());
  }
  assert.equal(await page.locator('ol.attachments li').count(), 2);
  // One "Bilag" heading (the item's list); the section to change them
  // has its own name.
  assert.equal(await page.getByRole('heading', { name: 'Bilag', exact: true }).count(), 1);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Rediger bilag' }).waitFor());
  // The item page shows the texts (markdown rendered) and the case number.
  await assert.doesNotReject(page.getByRole('heading', { name: 'Baggrund' }).waitFor());
  assert.match(await page.locator('dl.facts').innerText(), /22\/17744/);
  await page.screenshot({ path: out('3-item.png'), fullPage: true });
});

// Clicks a state button on the meeting page and checks the new step.
async function stateButton(page, label, step) {
  await page.goto(st.url);
  const button = page.getByRole('button', { name: label });
  assert.equal(await button.isDisabled(), false, `${label} is enabled`);
  await go(page, button);
  await assert.doesNotReject(page.locator('[aria-current="step"]', { hasText: step }).waitFor(),
    `${label} leads to ${step}: ${await page.locator('.error-summary').allInnerTexts()}`);
}

step('4. invited, approved by the chair, published; the agenda PDF in both editions', async () => {
  await stateButton(admin, 'Indkald til mødet', 'Indkaldt');
  // The secretariat may not approve its own agenda: the chair does.
  assert.equal(await admin.getByRole('button', { name: 'Godkend dagsordenen' }).count(), 1,
    'the administrator could, but the chair will');
  chair = await newPage();
  await login(chair, CHAIR.username);
  await chair.goto(st.url);
  assert.equal(await chair.getByRole('button', { name: 'Indkald til mødet' }).count(), 0);
  assert.equal(await chair.getByRole('link', { name: 'Rediger møde' }).count(), 0,
    'the chair approves but does not edit');
  await stateButton(chair, 'Godkend dagsordenen', 'Dagsorden godkendt');
  await stateButton(admin, 'Udsend dagsordenen', 'Dagsorden udsendt');

  // The history names the chair's approval.
  const history = admin.locator('details.events');
  await history.locator('summary').click();
  assert.match(await history.innerText(), new RegExp(CHAIR.username));

  // Dan dagsorden (PDF): a full and a public edition.
  await go(admin, admin.getByRole('button', { name: 'Dan dagsorden (PDF)' }));
  assert.equal(await admin.locator('.error-summary').count(), 0,
    (await admin.locator('.error-summary').allInnerTexts()).join());
  st.agendaFull = await download(admin, 'Dagsorden', 'Fuld udgave', out('agenda-full.pdf'));
  st.agendaPublic = await download(admin, 'Dagsorden', 'Offentlig udgave', out('agenda-public.pdf'));
  await admin.screenshot({ path: out('4-meeting.png'), fullPage: true });
  // The page down to the checklist (docs/screenshots/meeting.png); a
  // fresh load, scrolled to the top, so the box is the page's.
  await admin.goto(st.url);
  const checklist = await admin.locator('#tjekliste').boundingBox();
  await admin.screenshot({ path: out('4-meeting-top.png'), fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.round(checklist.y) } });

  for (const file of [st.agendaFull, st.agendaPublic]) {
    const text = pdftotext(file);
    for (const it of seed.items)
      assert.ok(squash(text).includes(squash(it.title)), `${path.basename(file)}: ${it.title}`);
    assert.match(text, /Virtuelt/);
    assert.match(text, /23\. juni 2022/);
    assert.match(text, /14:30/);
    assert.ok(squash(text).includes(squash(seed.items[0].summary.slice(0, 60))), 'item 1 summary');
    // The attachments are inserted after a strip "Bilag 1.1: ..." each:
    // cover and table of contents, the items, then 2 + 1 attachment pages.
    assert.match(text, /Bilag 1\.1/);
    assert.match(text, /Bilag 1\.2/);
    const attachmentPages = pdfPages(path.join(fixtures, 'bilag-lov.pdf')) +
      pdfPages(path.join(fixtures, 'bilag-notat.pdf'));
    assert.ok(pdfPages(file) >= 2 + 1 + attachmentPages,
      `${path.basename(file)}: ${pdfPages(file)} pages`);
  }
  pdfPng(st.agendaFull, 1, 'agenda-pdf-1');
  const itemPage = pageWith(st.agendaFull, seed.items[0].presentation.split('\n')[2].slice(0, 40));
  assert.ok(itemPage > 1, 'item 1 has its page');
  pdfPng(st.agendaFull, itemPage, 'agenda-pdf-item');
  const attPage = pageWith(st.agendaFull, 'Bilag 1.1:', itemPage + 1);
  assert.ok(attPage > itemPage, 'the first attachment follows item 1');
  pdfPng(st.agendaFull, attPage, 'agenda-pdf-attachment');

  // The agenda as HTML.
  await go(admin, admin.getByRole('link', { name: 'Dagsorden (HTML)' }));
  await admin.locator('h1', { hasText: 'Dagsorden' }).waitFor();
  await admin.screenshot({ path: out('4-agenda-html.png'), fullPage: true });
});

step('5. attendance, the seed\'s decisions, held; the chair approves the minutes', async () => {
  const page = admin;
  await page.goto(st.url);
  await go(page, page.getByRole('link', { name: 'Registrér fremmøde' }));
  // The forum has no charter, so no quorum rule: attendance is for the
  // minutes' list of participants.
  await assert.doesNotReject(page.getByText('Kommissoriet har ingen regel om beslutningsdygtighed').first().waitFor());
  const rows = page.locator('form.attendance tbody tr');
  await rows.filter({ hasText: CHAIR.name }).getByLabel('Til stede').check();
  await rows.filter({ hasText: MEMBER.name }).getByLabel('Til stede').check();
  await rows.filter({ hasText: MEMBER.name }).getByLabel('Note').fill('deltog virtuelt');
  await go(page, page.getByRole('button', { name: 'Gem fremmøde' }));
  await assert.doesNotReject(page.getByText('Fremmødet er gemt.').waitFor());
  assert.equal(await rows.filter({ hasText: CHAIR.name }).getByLabel('Til stede').isChecked(), true);

  for (let i = 0; i < seed.items.length; i++) {
    const it = seed.items[i];
    await page.goto(`${srv.base}/items/${st.items[i]}`);
    await go(page, page.getByRole('link', { name: 'Registrér beslutning' }));
    await field(page, 'Udfald').selectOption(it.outcome);
    await field(page, 'Beslutning').fill(it.decision);
    await go(page, page.getByRole('button', { name: 'Gem beslutning' }));
    assert.match(new URL(page.url()).pathname, new RegExp(`^/items/${st.items[i]}$`),
      `decision ${i + 1}: ${await page.locator('.error-summary').allInnerTexts()}`);
    const decision = page.locator('.decision');
    await assert.doesNotReject(decision.waitFor());
    assert.ok(squash(await decision.innerText()).includes(squash(it.decision.slice(0, 50))));
  }

  await stateButton(page, 'Markér mødet som afholdt', 'Afholdt');
  await stateButton(chair, 'Godkend referatet', 'Referat godkendt');
  await page.goto(st.url);
  const outcomes = await page.locator('#dagsorden tbody tr td:nth-child(6)').allInnerTexts();
  assert.deepEqual(outcomes, ['Godkendt med ændringer', 'Drøftet', 'Godkendt med ændringer',
    'Godkendt med ændringer', 'Taget til efterretning']);
});

step('6. the minutes PDF reads like the original minutes', async () => {
  const page = admin;
  await page.goto(st.url);
  await go(page, page.getByRole('button', { name: 'Dan referat (PDF)' }));
  assert.equal(await page.locator('.error-summary').count(), 0,
    (await page.locator('.error-summary').allInnerTexts()).join());
  st.minutes = await download(page, 'Referat', 'Fuld udgave', out('minutes-full.pdf'));
  await page.screenshot({ path: out('6-meeting.png'), fullPage: true });

  const text = pdftotext(st.minutes);
  const flat = squash(text);
  seed.items.forEach((it, i) => {
    assert.ok(flat.includes(squash(`Beslutning for Punkt ${i + 1}`)), `Beslutning for Punkt ${i + 1}`);
    const words = it.decision.split(/\s+/).slice(0, 8).join(' ');
    assert.ok(flat.includes(squash(words)), `decision ${i + 1}: ${words}`);
  });
  assert.match(text, /Referatet er godkendt/);
  assert.match(text, /Claus Hviid/);
  assert.match(text, /Virtuelt/);
  assert.match(text, /23\. juni 2022/);

  pdfPng(st.minutes, 1, 'minutes-pdf-1');
  const decisionPage = pageWith(st.minutes, seed.items[0].decision.slice(0, 60));
  assert.ok(decisionPage > 0);
  pdfPng(st.minutes, decisionPage, 'minutes-pdf-decision');

  await go(page, page.getByRole('link', { name: 'Referat (HTML)' }));
  await page.locator('h1', { hasText: 'Referat' }).waitFor();
  assert.equal(await page.getByText('Udkast – referatet er endnu ikke godkendt').count(), 0);
  assert.match(await page.locator('.notice.ok').innerText(), /^Referatet er godkendt den \d+\. \S+ \d{4}/);
  await assert.doesNotReject(page.getByRole('heading', { name: 'Deltagere' }).waitFor());
  await page.screenshot({ path: out('6-minutes-html.png'), fullPage: true });
});

step('7. the public sees the published meeting and its items, no edit buttons', async () => {
  const page = await newPage();
  await page.goto(st.url);
  await page.locator('h1').first().waitFor();
  assert.equal(new URL(page.url()).pathname, `/meetings/${st.meeting}`);
  assert.deepEqual(await agendaTitles(page), seed.items.map((i) => i.title));
  assert.equal(await page.getByRole('link', { name: 'Log ind' }).count(), 1);
  for (const name of ['Rediger møde', 'Nyt dagsordenspunkt', 'Registrér fremmøde'])
    assert.equal(await page.getByRole('link', { name }).count(), 0, `no ${name}`);
  assert.equal(await page.getByRole('button').filter({ hasNotText: /Søg/ }).count(), 0, 'no buttons');
  assert.equal(await page.getByText('Tjekliste for sekretariatet').count(), 0);
  // The documents without the account that generated them.
  assert.equal(await page.locator('#dokumenter').getByRole('row').count(), 3, 'two public editions');
  assert.doesNotMatch(await page.locator('#dokumenter').innerText(), /\baf admin\b/);
  await page.screenshot({ path: out('7-public.png'), fullPage: true });
  // The public minutes: the decisions, no attendance.
  await go(page, page.getByRole('link', { name: 'Referat (HTML)' }));
  assert.ok(squash(await page.locator('article').innerText()).includes(squash(seed.items[4].decision)));
  assert.equal(await page.locator('.notice.ok').innerText(), 'Referatet er godkendt.');
  assert.equal(await page.getByRole('heading', { name: 'Deltagere' }).count(), 0);
  await page.context().close();
});
