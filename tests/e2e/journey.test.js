'use strict';
// Browser journey (playwright-core driving Debian's /usr/bin/chromium):
// a secretariat consultant opens the structure diagram, follows the
// Sønderjylland professional-strategic level (which lacks Tønder
// Kommune's director in the demo), logs in as the administrator with the
// "Log ind" link (changes need a login), adds the director with the membership
// form - JavaScript switched off, as the pages must work without it - and
// sees the rule check pass. Screenshots land in tests/e2e/out/.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { start, TEST_PASSWORD } = require('../http/helpers');

const outDir = path.join(__dirname, 'out');
const TODAY = '2026-11-23';
let srv;
let ctx;
let profile;

before(async () => {
  srv = await start({ env: { KLYNGE_TODAY: TODAY } });
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

async function apiList(resource) {
  const res = await fetch(`${srv.base}/api/v1/${resource}`);
  assert.equal(res.status, 200);
  const j = await res.json();
  return j.data || j;
}

test('fix a missing municipal director from the diagram to a passing check', async () => {
  const bodies = await apiList('bodies');
  const body = bodies.find((b) => b.key === 'fsn-sonderjylland');
  assert.ok(body, 'demo has Sønderjylland\'s professional-strategic level');
  const people = await apiList('people');
  const anne = people.find((p) => p.key === 'p-anne-holm');
  assert.ok(anne, 'demo has Tønder\'s new director');
  const tonder = (await apiList('organisations')).find((o) => o.key === 'tonder-kommune');
  assert.ok(tonder);

  const page = ctx.pages()[0] || await ctx.newPage();

  // 1. The diagram: the body is a link inside the SVG, marked with a violation.
  await page.goto(`${srv.base}/`);
  await assert.doesNotReject(page.locator('h1', { hasText: 'Struktur' }).waitFor());
  const box = page.locator(`svg a[href="/bodies/${body.id}"]`).first();
  assert.equal(await box.count(), 1, 'body box in the organisation diagram');
  await page.screenshot({ path: path.join(outDir, '1-structure.png'), fullPage: true });
  await box.click();

  // 2. The body page shows the violation naming Tønder Kommune.
  await page.waitForURL(new RegExp(`/bodies/${body.id}`));
  await assert.doesNotReject(page.locator('h1', { hasText: 'fagligt strategisk niveau' }).waitFor());
  const problem = page.getByText(/Tønder Kommune mangler sin repræsentant/);
  assert.equal(await problem.count(), 1, 'the check names the missing director');
  await page.screenshot({ path: path.join(outDir, '2-body-violation.png'), fullPage: true });

  // Changes need a login: "Log ind" in the header, and back to the body.
  await page.getByRole('link', { name: 'Log ind' }).first().click();
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Brugernavn').fill('admin');
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(new RegExp(`/bodies/${body.id}(\\?|$)`));

  // 3. Add the membership with the form (no JavaScript).
  await page.getByRole('link', { name: 'Tilføj medlem' }).first().click();
  await page.waitForURL(new RegExp(`/bodies/${body.id}/memberships/new`));
  await page.getByLabel('Person').selectOption(String(anne.id));
  await page.getByLabel('Rolle').selectOption('member');
  await page.getByLabel('Funktion').selectOption('director');
  await page.getByLabel('Plads').selectOption('municipal_director');
  await page.getByLabel('Repræsenterer').selectOption(String(tonder.id));

  // A bad submit first (ends before it starts): the form comes back in
  // Danish with every value kept.
  await page.getByLabel('Startdato').fill(TODAY);
  await page.getByLabel('Slutdato').fill('2026-01-01');
  await page.getByRole('button', { name: 'Gem medlemskab' }).click();
  await assert.doesNotReject(page.getByText('Formularen indeholder fejl').waitFor());
  assert.match(await page.getByLabel('Person').inputValue(), new RegExp(`^${anne.id}$`),
    'the chosen person is kept after a bad submit');
  await page.screenshot({ path: path.join(outDir, '3-form-error.png'), fullPage: true });

  await page.getByLabel('Startdato').fill(TODAY);
  await page.getByLabel('Slutdato').fill('');
  await page.getByRole('button', { name: 'Gem medlemskab' }).click();

  // 4. Back on the body page: the check passes and Anne Holm is a member.
  await page.waitForURL(new RegExp(`/bodies/${body.id}(\\?|$)`));
  await assert.doesNotReject(page.getByText(/Ingen regelbrud/).first().waitFor());
  assert.equal(await page.getByText(/Tønder Kommune mangler/).count(), 0);
  assert.ok(await page.getByRole('link', { name: 'Anne Holm' }).count() >= 1);
  await page.screenshot({ path: path.join(outDir, '4-body-ok.png'), fullPage: true });

  // The API agrees.
  const res = await fetch(`${srv.base}/api/v1/bodies/${body.id}/check?date=${TODAY}`);
  const check = await res.json();
  assert.equal(check.ok, true);
  assert.deepEqual(check.violations, []);
});
