'use strict';
// Browser test of a closed agenda item [lukket punkt] (issue 3: a member
// "reads everything of the body, closed items included"; issue 4: the
// public sees closed items by number and title only), playwright-core
// driving Debian's /usr/bin/chromium with JavaScript off.
//
// The administrator sets up (through the API) a published meeting of
// fsn-sonderjylland with a public item and a closed one whose summary is
// a unique text, and uploads a PDF to the closed item. A member of the
// body (hans, p-hans-norgaard) logs in through the login form and reads
// the closed item's text on the item page and in the agenda HTML, and
// is offered private notes; a fresh public context sees the meeting and
// the closed item's title, never its text, and gets 404 for its
// attachment. Screenshots land in tests/e2e/out/closed-*.png.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, Client, repoRoot } = require('../http/helpers');

const outDir = path.join(__dirname, 'out');
const TODAY = '2026-11-23';
const PASSWORD = 'klynge-test-adgangskode';	// every test account's
const B_KEY = 'fsn-sonderjylland';
const MEMBER = { username: 'hans', person: 'p-hans-norgaard' };	// member of B on TODAY
const CLOSED_TITLE = 'Personalesag om ansættelse af projektleder';
const CLOSED_TEXT = 'LUKKET-RESUME-90417 om løn og vilkår';
const PUBLIC_TITLE = 'Godkendelse af akutplan for Sønderjylland';
const PUBLIC_TEXT = 'Offentligt resumé om akutplanen 7713';

let srv;
let browser;
const ids = {};

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: TODAY }, accounts: [{ ...MEMBER, admin: false }] });
  const admin = await srv.client('admin');
  const api = async (p, method, data) => {
    const r = await admin.request(method, p, {
      body: JSON.stringify(data), headers: { 'content-type': 'application/json' },
    });
    assert.ok(r.status < 300, `${method} ${p}: ${r.status} ${r.text}`);
    return r.text ? JSON.parse(r.text) : null;
  };
  const m = await api('/api/v1/meetings', 'POST', {
    body: B_KEY, date: '2026-11-30', start: '13:00', end: '15:00', place: 'Aabenraa Rådhus',
    title: 'Møde i det fagligt strategiske niveau',
  });
  ids.m = m.id;
  ids.pub = (await api(`/api/v1/meetings/${m.id}/items`, 'POST', {
    title: PUBLIC_TITLE, kind: 'approval', summary: PUBLIC_TEXT,
  })).id;
  ids.clo = (await api(`/api/v1/meetings/${m.id}/items`, 'POST', {
    title: CLOSED_TITLE, kind: 'discussion', closed: true, summary: CLOSED_TEXT,
  })).id;
  const pdf = fs.readFileSync(path.join(repoRoot, 'tests', 'e2e', 'fixtures', 'bilag-notat.pdf'));
  const fd = new FormData();
  fd.append('csrf', admin.csrf);
  fd.append('file', new Blob([pdf], { type: 'application/pdf' }), 'lukket-bilag.pdf');
  const up = await admin.request('POST', `/items/${ids.clo}/attachments`, { body: fd });
  assert.equal(up.status, 303, up.text);
  for (const state of ['invited', 'agenda_approved', 'published'])
    await api(`/api/v1/meetings/${m.id}/state`, 'POST', { state });
  const full = await api(`/api/v1/meetings/${m.id}`, 'GET');
  ids.file = new URL(full.items.find((i) => i.id === ids.clo).attachments[0].url, srv.base).pathname;

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(outDir, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (srv) await srv.stop();
});

const newContext = () => browser.newContext({
  javaScriptEnabled: false, locale: 'da-DK', viewport: { width: 1300, height: 900 },
});

test('a member logs in and reads the closed item; the public sees only its title', async () => {
  // 1. The member logs in through the form and lands on the item page.
  const mctx = await newContext();
  const page = await mctx.newPage();
  const shot = (p, name) => p.screenshot({ path: path.join(outDir, `closed-${name}.png`), fullPage: true });
  await page.goto(`${srv.base}/login?next=${encodeURIComponent(`/items/${ids.clo}`)}`);
  await page.getByLabel('Brugernavn').fill(MEMBER.username);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(new RegExp(`/items/${ids.clo}$`));
  await assert.doesNotReject(page.locator('h1', { hasText: CLOSED_TITLE }).waitFor());
  assert.ok(await page.getByText('Lukket punkt').count() >= 1);
  assert.ok(await page.getByText(CLOSED_TEXT).count() >= 1, 'the member reads the closed text');
  assert.ok(await page.getByText('lukket-bilag.pdf').count() >= 1, 'the member sees the attachment');
  assert.equal(await page.getByRole('heading', { name: 'Mine private noter (kun synlige for dig)' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: 'Log ud' }).count(), 1);
  await shot(page, '1-member-item');
  const own = await mctx.request.get(`${srv.base}${ids.file}`);
  assert.equal(own.status(), 200, 'the member downloads the closed attachment');

  // 2. The agenda as HTML: both items, the closed one with its text.
  await page.goto(`${srv.base}/meetings/${ids.m}/agenda`);
  assert.ok(await page.getByText(CLOSED_TITLE).count() >= 1);
  assert.ok(await page.getByText(CLOSED_TEXT).count() >= 1, 'the member reads it in the agenda');
  assert.ok(await page.getByText(PUBLIC_TEXT).count() >= 1);
  await shot(page, '2-member-agenda');
  await mctx.close();

  // 3. A fresh public context: the meeting and the title, not the text.
  const pctx = await newContext();
  const pub = await pctx.newPage();
  const mres = await pub.goto(`${srv.base}/meetings/${ids.m}`);
  assert.equal(mres.status(), 200);
  assert.ok(await pub.getByText(CLOSED_TITLE).count() >= 1, 'the public sees the title');
  assert.equal(await pub.getByText(CLOSED_TEXT).count(), 0);
  assert.equal(await pub.getByRole('button', { name: 'Log ud' }).count(), 0);
  await shot(pub, '3-public-meeting');

  const ires = await pub.goto(`${srv.base}/items/${ids.clo}`);
  assert.equal(ires.status(), 200);
  await assert.doesNotReject(pub.locator('h1', { hasText: CLOSED_TITLE }).waitFor());
  assert.equal(await pub.getByText(CLOSED_TEXT).count(), 0, 'the public reads no closed text');
  assert.equal(await pub.getByText('lukket-bilag.pdf').count(), 0);
  assert.equal(await pub.getByText('Mine private noter').count(), 0);
  assert.ok(!(await pub.content()).includes('LUKKET-RESUME-90417'));
  await shot(pub, '4-public-item');

  await pub.goto(`${srv.base}/meetings/${ids.m}/agenda`);
  assert.ok(await pub.getByText(CLOSED_TITLE).count() >= 1);
  assert.ok(await pub.getByText(PUBLIC_TEXT).count() >= 1, 'the public reads the public item');
  assert.ok(!(await pub.content()).includes('LUKKET-RESUME-90417'));
  await shot(pub, '5-public-agenda');

  const fres = await pctx.request.get(`${srv.base}${ids.file}`);
  assert.equal(fres.status(), 404, 'the closed attachment does not exist for the public');
  const fpage = await pub.goto(`${srv.base}${ids.file}`);
  assert.equal(fpage.status(), 404);
  await shot(pub, '6-public-attachment');
  await pctx.close();
});
