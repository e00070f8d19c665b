'use strict';
// The command line as a secretariat or an operator meets it:
// import -> export is byte-identical for the whole demo structure, the
// rule check lists exactly the demo's deliberate violations, and bad
// input gets a Danish message and a non-zero exit, never a crash.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');
const bin = path.resolve(repoRoot, process.env.KLYNGE_BIN || './build/klynge');
const demo = path.join(repoRoot, 'data', 'demo.json');
const demoMeetings = path.join(repoRoot, 'data', 'demo-meetings.json');
const demoCasework = path.join(repoRoot, 'data', 'demo-casework.json');

function tmpdir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'klynge-cli-'));
}

function klynge(db, ...args) {
  const r = spawnSync(bin, ['--db', db, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.doesNotMatch(r.stderr, /AddressSanitizer|runtime error:|LeakSanitizer/, 'no sanitizer report');
  assert.notEqual(r.signal, 'SIGSEGV');
  return r;
}

test('import then export of the demo structure is byte-identical', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  const imp = klynge(db, 'import', demo);
  assert.equal(imp.status, 0, imp.stderr);
  assert.match(imp.stdout, /Indlæst: 55 organisationer, 5 områder, 27 fora, 27 kommissorier, 201 personer, 322 medlemskaber/);
  const exp = klynge(db, 'export');
  assert.equal(exp.status, 0, exp.stderr);
  assert.ok(Buffer.from(exp.stdout, 'utf8').equals(fs.readFileSync(demo)), 'export equals data/demo.json byte for byte');

  // And the export imports again into a new database, giving the same bytes.
  const again = path.join(dir, 'again.json');
  fs.writeFileSync(again, exp.stdout);
  const db2 = path.join(dir, 'k2.db');
  assert.equal(klynge(db2, 'import', again).status, 0);
  assert.equal(klynge(db2, 'export').stdout, exp.stdout);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('check lists exactly the deliberate violations of the demo', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  klynge(db, 'import', demo);
  const im = klynge(db, 'import-meetings', demoMeetings);
  assert.equal(im.status, 0, im.stderr);
  assert.match(im.stdout, /Indlæst: 46 møder med 189 dagsordenspunkter/);
  const r = klynge(db, 'check', '--date', '2026-11-23');
  assert.equal(r.status, 1, 'exit 1 when there are violations');
  // Five in the structure, two in the meetings (docs/demo.md).
  assert.match(r.stdout, /I alt 7 problemer i 7 af 26 fora\./);
  assert.match(r.stdout, /Temagruppen for børn, unge og familie \(midt-tema-born\): 1 problem\n  - Kommissoriet kræver mindst 4 møder i 2026; der er 2 afholdte og 1 planlagt\. \[cadence\]/);
  assert.match(r.stdout, /koordineringsforum-sonderjylland\): 1 problem\n  - .*mellem mødet den 11\. juni 2026 og mødet den 10\. september 2026 \[meets_before_missing\]/);
  for (const code of ['municipality_missing', 'seat_not_local', 'rotation_same_year']) {
    assert.match(r.stdout, new RegExp(`\\[${code}\\]`));
  }
  assert.equal((r.stdout.match(/\[seat_missing\]/g) || []).length, 2);
  assert.match(r.stdout, /Tønder Kommune mangler sin repræsentant/);

  // One body, by key: Sønderjylland's professional-strategic level.
  const one = klynge(db, 'check', '--date', '2026-11-23', 'fsn-sonderjylland');
  assert.equal(one.status, 1);
  assert.match(one.stdout, /Tønder Kommune/);
  assert.doesNotMatch(one.stdout, /Lillebælt/);
  // A body without problems exits 0.
  assert.equal(klynge(db, 'check', '--date', '2026-11-23', 'ssu-syddanmark').status, 0);
  // Before the Tønder director left (2026-05-31) that body was complete.
  assert.equal(klynge(db, 'check', '--date', '2026-05-31', 'fsn-sonderjylland').status, 0);

  // Without meetings in klynge, every body with a cadence falls short.
  const db2 = path.join(dir, 'structure-only.db');
  klynge(db2, 'import', demo);
  const bare = klynge(db2, 'check', '--date', '2026-11-23');
  assert.equal((bare.stdout.match(/\[cadence\]/g) || []).length, 14);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('import-casework: the demo casework on top of the demo meetings, once', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  assert.equal(klynge(db, 'import', demo).status, 0);
  assert.equal(klynge(db, 'import-meetings', demoMeetings).status, 0);
  const r = klynge(db, 'import-casework', demoCasework);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'Indlæst: 2 sundhedsaftaler, 3 sagsforløb, 6 sager, 9 opfølgningspunkter, 3 initiativer');
  // A second time it names what is already there, and writes nothing.
  const again = klynge(db, 'import-casework', demoCasework);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /agreements\[0\]\.key: sundhedsaftalen «sundhedsaftale-midt-2024-2027» findes allerede/);
  // Without the meetings, the cases' links to agenda items name nothing.
  const bare = path.join(dir, 'bare.db');
  assert.equal(klynge(bare, 'import', demo).status, 0);
  const nolinks = klynge(bare, 'import-casework', demoCasework);
  assert.equal(nolinks.status, 1);
  assert.match(nolinks.stderr, /cases\[\d+\]/);
  // Every import is in the audit log.
  const audit = klynge(db, 'audit', '--kind', 'case', '--limit', '100');
  assert.equal(audit.status, 0, audit.stderr);
  assert.equal((audit.stdout.match(/oprettet/g) || []).length, 6);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('import-meetings refuses a bad file with the place of the problem, writing nothing', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  assert.equal(klynge(db, 'import', demo).status, 0);
  const good = JSON.parse(fs.readFileSync(demoMeetings, 'utf8'));
  const bad = path.join(dir, 'bad.json');
  const cases = [
    [(j) => { j.meetings[3].items[1].kind = 'x'; }, /meetings\[3\]\.items\[1\]: kind: ukendt værdi «x»/],
    [(j) => { j.meetings[0].body = 'findes-ikke'; }, /meetings\[0\]: body: ukendt forum «findes-ikke»/],
    [(j) => { j.meetings[0].date = '2026-02-30'; }, /meetings\[0\]: date: ugyldig dato/],
    [(j) => { j.meetings[0].end = '14:00'; j.meetings[0].start = '15:00'; }, /meetings\[0\]: end: mødet skal slutte efter det begynder/],
    [(j) => { j.meetings[0].items[0].case_number = '/22'; }, /meetings\[0\]\.items\[0\]: case_number:/],
    [(j) => { j.meetings[0].attendance[0].membership = 'm-ssu-syddanmark-frederik-norgaard'; }, /attendance\[0\]: membership: ukendt medlemskab af forummet/],
    [(j) => { delete j.meetings[0].items[1].outcome; }, /meetings\[0\]: state: mødet kan ikke blive «Referat godkendt»/],
    [(j) => { j.meetings[0].colour = 'blå'; }, /meetings\[0\]: ukendt felt «colour»/],
    [(j) => { j.klynge = 2; }, /formatversionen skal være 1/],
  ];
  for (const [mutate, want] of cases) {
    const j = JSON.parse(JSON.stringify(good));
    mutate(j);
    fs.writeFileSync(bad, JSON.stringify(j));
    const r = klynge(db, 'import-meetings', bad);
    assert.equal(r.status, 1, want.source);
    assert.match(r.stderr, want);
  }
  fs.writeFileSync(bad, '{"klynge": 1, "meetings": [');
  assert.match(klynge(db, 'import-meetings', bad).stderr, /ikke gyldig JSON/);
  // Nothing was written by any of them: the check still finds 14 short.
  const r = klynge(db, 'check', '--date', '2026-11-23');
  assert.equal((r.stdout.match(/\[cadence\]/g) || []).length, 14);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('bad input gets a Danish message and a non-zero exit', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  assert.equal(klynge(db, 'import', demo).status, 0);

  // Importing into a database that already holds a structure is refused.
  const twice = klynge(db, 'import', demo);
  assert.notEqual(twice.status, 0);
  assert.match(twice.stderr, /ikke tom|allerede/i);

  // A missing file.
  const missing = klynge(path.join(dir, 'x.db'), 'import', path.join(dir, 'nope.json'));
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /filen findes ikke/);

  // A reference to an unknown person names the JSON path.
  const bad = path.join(dir, 'bad.json');
  const j = JSON.parse(fs.readFileSync(demo, 'utf8'));
  j.memberships[0].person = 'p-findes-ikke';
  fs.writeFileSync(bad, JSON.stringify(j));
  const r = klynge(path.join(dir, 'bad.db'), 'import', bad);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /memberships\[0\]\.person/);
  assert.match(r.stderr, /p-findes-ikke/);

  // A validator's error about one row of a charter's list names the row
  // after the charter's path.
  const ci = j.charters.findIndex((c) => (c.seats || []).length >= 2);
  j.memberships[0].person = JSON.parse(fs.readFileSync(demo, 'utf8')).memberships[0].person;
  Object.assign(j.charters[ci].seats[1], { min: 5, max: 1 });
  fs.writeFileSync(bad, JSON.stringify(j));
  const row = klynge(path.join(dir, 'bad-row.db'), 'import', bad);
  assert.notEqual(row.status, 0);
  assert.match(row.stderr, new RegExp(`charters\\[${ci}\\]\\.seats\\[1\\]\\.min: Pladsen «[^»]+»: mindst 5 kan ikke være mere end højst 1`));

  // Invalid JSON and invalid UTF-8.
  fs.writeFileSync(bad, '{"klynge": 1, "organisations": [');
  assert.notEqual(klynge(path.join(dir, 'bad2.db'), 'import', bad).status, 0);
  fs.writeFileSync(bad, Buffer.from('{"klynge": 1, "organisations": [{"key": "s", "name": "S\xf8nder", "kind": "region"}]}', 'latin1'));
  const utf = klynge(path.join(dir, 'bad3.db'), 'import', bad);
  assert.notEqual(utf.status, 0);

  // Unknown command and bad date.
  const unk = klynge(db, 'frobnicate');
  assert.equal(unk.status, 2);
  assert.match(unk.stderr, /ukendt kommando/);
  const d = klynge(db, 'check', '--date', '2026-02-30');
  assert.notEqual(d.status, 0);
  assert.notEqual(d.status, 1, 'a bad date is a usage error, not a rule violation');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('klynge audit: an import is one row with its counts; filters; bad arguments', () => {
  const dir = tmpdir();
  const db = path.join(dir, 'k.db');
  assert.equal(klynge(db, 'import', demo).status, 0);
  const r = klynge(db, 'audit');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stdout);
  assert.match(lines[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}cli \([^)]+\) {2}structure {2}indlæst$/);
  assert.equal(lines[1], '    {"organisations":55,"areas":5,"bodies":27,"charters":27,"people":201,"memberships":322,"rotations":30}');
  const none = klynge(db, 'audit', '--kind', 'person', '--limit', '5');
  assert.equal(none.status, 0);
  assert.equal(none.stdout, '');
  for (const args of [['--kind', 'x'], ['--id', '0'], ['--limit', '-1'], ['--what']]) {
    const bad = klynge(db, 'audit', ...args);
    assert.equal(bad.status, 2, args.join(' '));
    assert.match(bad.stderr, /^klynge audit: /);
  }
  const help = klynge(db, '--help');
  assert.match(help.stderr, /audit \[--kind SLAGS\]/);
  fs.rmSync(dir, { recursive: true, force: true });
});
