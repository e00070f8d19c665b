'use strict';
// Browser test of logging in (issue 3, item 7: "browser test of login and
// of a member seeing [what] the public cannot"), playwright-core driving
// Debian's /usr/bin/chromium with JavaScript off: B (Sønderjylland's
// professional-strategic level) has a draft of revised terms of
// reference. The public opens B's page and does not see it; a member of
// B logs in through the header's "Log ind" link, comes back to B's page
// and sees the draft; the header names them and offers "Log ud"; after
// logging out the draft is hidden again. Screenshots land in
// tests/e2e/out/login-*.png.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, send, demo, idOf } = require('../http/helpers');

const outDir = path.join(__dirname, 'out');
const TODAY = '2026-11-23';
const PASSWORD = 'klynge-test-adgangskode';	// every test account's
const DRAFT_TITLE = 'Udkast til revideret kommissorium';
const MEMBER = { username: 'hans', person: 'p-hans-norgaard' };	// member of B on TODAY

const d = demo();
const B = idOf(d.bodies, 'fsn-sonderjylland');
const memberName = d.people.find((p) => p.key === MEMBER.person).name;

let srv;
let ctx;
let profile;

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: TODAY }, accounts: [{ ...MEMBER, admin: false }] });

  // The draft, by the administrator through the API.
  const cookie = await srv.login('admin');
  const list = await fetch(`${srv.base}/api/v1/charters?body_id=${B}`, { headers: { cookie } });
  assert.equal(list.status, 200);
  const version = Math.max(0, ...(await list.json()).map((c) => c.version)) + 1;
  const r = await send(`${srv.base}/api/v1/charters`, 'POST',
    { body_id: B, version, status: 'draft', title: DRAFT_TITLE }, { cookie });
  assert.equal(r.status, 201, JSON.stringify(r.body));

  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'klynge-e2e-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: false,
    locale: 'da-DK',
    viewport: { width: 1300, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(outDir, { recursive: true });
});

after(async () => {
  if (ctx) await ctx.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  if (srv) await srv.stop();
});

test('the public does not see the draft; a member logs in, sees it, logs out', async () => {
  const page = ctx.pages()[0] || await ctx.newPage();
  const shot = (name) => page.screenshot({ path: path.join(outDir, `login-${name}.png`), fullPage: true });
  const account = page.locator('header .account, .account').first();
  const draftOnPage = () => page.getByText(DRAFT_TITLE).count();

  // 1. The public: B's page, without the draft, "Log ind" in the header.
  await page.goto(`${srv.base}/bodies/${B}`);
  await assert.doesNotReject(page.locator('h1', { hasText: 'fagligt strategisk niveau' }).waitFor());
  assert.equal(await draftOnPage(), 0, 'the public sees the draft');
  assert.equal(await page.getByRole('button', { name: 'Log ud' }).count(), 0);
  await shot('1-public');

  // 2. "Log ind" leads to the login form, which will come back here.
  await account.getByRole('link', { name: 'Log ind' }).click();
  await page.waitForURL(/\/login\?next=/);
  assert.equal(new URL(page.url()).searchParams.get('next'), `/bodies/${B}`);
  await page.getByLabel('Brugernavn').fill(MEMBER.username);
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await shot('2-form');
  await page.getByRole('button', { name: 'Log ind' }).click();

  // 3. Back on B's page as the member: the draft, their name, "Log ud".
  await page.waitForURL(new RegExp(`/bodies/${B}$`));
  await assert.doesNotReject(page.getByText(DRAFT_TITLE).first().waitFor());
  assert.ok(await draftOnPage() >= 1, 'the member sees the draft');
  // The header names the account: its display name, else its username
  // (the helper's accounts have none; a person's name would do as well).
  const who = (await account.locator('.who').innerText()).trim();
  assert.ok([MEMBER.username, memberName].includes(who), `header names ${who}`);
  const logout = page.getByRole('button', { name: 'Log ud' });
  assert.equal(await logout.count(), 1, 'the header offers "Log ud"');
  assert.equal(await account.getByRole('link', { name: 'Log ind' }).count(), 0);
  await shot('3-member');

  // 4. "Log ud": the public again, and B's page hides the draft.
  await logout.click();
  await assert.doesNotReject(account.getByRole('link', { name: 'Log ind' }).waitFor());
  await page.goto(`${srv.base}/bodies/${B}`);
  await assert.doesNotReject(page.locator('h1', { hasText: 'fagligt strategisk niveau' }).waitFor());
  assert.equal(await draftOnPage(), 0, 'the draft is hidden again after logging out');
  assert.equal(await page.getByRole('button', { name: 'Log ud' }).count(), 0);
  assert.equal(await account.locator('.who').count(), 0);
  await shot('4-logged-out');
});
