'use strict';
// meetings.test.js - meetings from planning to approved minutes through
// the HTML pages and forms (src/web/pages/meeting*.c), driven like a
// browser without JavaScript: GET a form, POST urlencoded (or multipart
// for uploads) with the session's CSRF token, follow the 303.
//
// The whole cycle runs on pn-sonderjylland (body 9: the political level,
// whose charter has the quorum rule "half of each sector"), because
// seed 001's quorum is what refuses a decision. The public's view is
// checked along the way: a published agenda without the closed item's
// texts, no full-edition PDF and no closed attachment (404, not 403).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { start, Client, demo, idOf, formFields, repoRoot } = require('./helpers');

let srv;
let d;
let admin;
const BODY = 'pn-sonderjylland';
let bodyId;
const pdfBytes = fs.readFileSync(path.join(repoRoot, 'tests', 'e2e', 'fixtures', 'bilag-notat.pdf'));

before(async () => {
  // Today is the meeting's day: it can be marked held (not before).
  srv = await start({ env: { KLYNGE_TODAY: '2026-03-12' } });
  d = demo();
  bodyId = idOf(d.bodies, BODY);
  admin = await srv.client('admin');
});

after(async () => {
  if (srv)
    await srv.stop();
});

// A multipart upload as a browser sends it (FormData), with the csrf field.
function upload(c, action, name, bytes, type = 'application/octet-stream', csrf = true) {
  const fd = new FormData();
  if (csrf)
    fd.append('csrf', c.csrf);
  fd.append('file', new Blob([bytes], { type }), name);
  return c.request('POST', action, { body: fd });
}

// Raw HTTP (a body the client does not finish sending): status and body.
function raw(port, head) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let data = '';
    sock.on('data', (b) => { data += b.toString('utf8'); });
    sock.on('error', () => {});
    sock.on('close', () => {
      const m = data.match(/^HTTP\/1\.[01] (\d{3})/);
      resolve({ status: m ? Number(m[1]) : 0, body: data });
    });
    sock.write(head);
    sock.write('x'.repeat(1000));
  });
}

// Shared between the steps (node:test runs tests in order).
const st = {};

test('plan a meeting: 422 with Danish field errors and kept values, then 303', async () => {
  const form = await admin.get(`/bodies/${bodyId}/meetings/new`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Planlæg møde i /);
  const bad = await admin.post(`/bodies/${bodyId}/meetings`, {
    kind: 'ordinary', title: 'Temamøde om ældre', date: '2026-02-30',
    start: '16:00', end: '14:00', place: 'Sønderborg', online_url: 'ftp://x',
  });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Formularen indeholder fejl/);
  assert.match(bad.text, /Datoen findes ikke/);
  assert.match(bad.text, /Sluttidspunktet skal ligge efter starttidspunktet/);
  assert.match(bad.text, /begynder med https:\/\//);
  assert.match(bad.text, /value="Temamøde om ældre"/);
  assert.match(bad.text, /value="Sønderborg"/);

  const ok = await admin.post(`/bodies/${bodyId}/meetings`, {
    kind: 'ordinary', title: '', date: '2026-03-12', start: '14:00', end: '16:30',
    place: 'Sønderborg Rådhus', online_url: 'https://meet.example/pn',
  });
  assert.equal(ok.status, 303);
  const m = ok.location.match(/^\/meetings\/(\d+)$/);
  assert.ok(m, ok.location);
  st.meeting = Number(m[1]);
  const page = await admin.get(ok.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Tjekliste for sekretariatet/);
  assert.match(page.text, /14:00–16:30/);
  assert.match(page.text, /aria-current="step">Planlagt/);
  // Not published: the public does not learn it exists.
  const pub = await new Client(srv.base).get(ok.location);
  assert.equal(pub.status, 404);
  // The body's list and the body page show it to the secretariat.
  const list = await admin.get(`/bodies/${bodyId}/meetings`);
  assert.equal(list.status, 200);
  assert.match(list.text, /af mindst 2 møder i 2026/);
  assert.ok(list.text.includes(`/meetings/${st.meeting}`));
  const body = await admin.get(`/bodies/${bodyId}`);
  assert.match(body.text, /<h2>Møder<\/h2>/);
  assert.ok(body.text.includes(`/meetings/${st.meeting}`));
});

test('edit with a stale revision: 409 "Gemt af en anden"', async () => {
  const url = `/meetings/${st.meeting}/edit`;
  const page = await admin.get(url);
  const fields = formFields(page.text, `/meetings/${st.meeting}`);
  const first = await admin.post(`/meetings/${st.meeting}`,
    fields.map(([n, v]) => [n, n === 'place' ? 'Alsion, Sønderborg' : v]));
  assert.equal(first.status, 303);
  const stale = await admin.post(`/meetings/${st.meeting}`,
    fields.map(([n, v]) => [n, n === 'place' ? 'Et andet sted' : v]));
  assert.equal(stale.status, 409);
  assert.match(stale.text, /Gemt af en anden: Alsion, Sønderborg/);
});

test('agenda items: a bad case number is 422; two items, one closed; order', async () => {
  const bad = await admin.post(`/meetings/${st.meeting}/items`, {
    title: 'Punkt', case_number: '/22/', kind: 'approval',
  });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /id="f-case_number-error"/);
  const a = await admin.post(`/meetings/${st.meeting}/items`, {
    title: 'Godkendelse af fælles akutplan', case_number: '22/17744', kind: 'approval',
    summary: 'Resumé af akutplanen.', presentation: 'Planen har **tre** dele.\n\n<script>alert(1)</script>',
    recommended_by: 'Administrationen indstiller, at', resolutions: 'planen godkendes\nden evalueres i 2027',
  });
  assert.equal(a.status, 303);
  st.itemA = Number(a.location.match(/^\/items\/(\d+)$/)[1]);
  const b = await admin.post(`/meetings/${st.meeting}/items`, {
    title: 'Personalesag', kind: 'discussion', closed: '1',
    summary: 'Fortroligt resumé om en medarbejder.',
  });
  assert.equal(b.status, 303);
  st.itemB = Number(b.location.match(/^\/items\/(\d+)$/)[1]);
  const item = await admin.get(`/items/${st.itemA}`);
  assert.equal(item.status, 200);
  assert.match(item.text, /<strong>tre<\/strong>/);
  assert.doesNotMatch(item.text, /<script>alert/);
  assert.match(item.text, /22\/17744/);

  // Move the closed item up: it becomes number 1.
  const mv = await admin.post(`/items/${st.itemB}/move`, { dir: 'up' });
  assert.equal(mv.status, 303);
  const page = await admin.get(`/meetings/${st.meeting}`);
  const ia = page.text.indexOf('Godkendelse af fælles akutplan');
  const ib = page.text.indexOf('Personalesag');
  assert.ok(ib > 0 && ia > ib, 'the moved item comes first');
  assert.match(page.text, /Lukket punkt/);
});

test('uploads: a PDF is kept; a wrong type 422; too large 413; no CSRF 403', async () => {
  const ok = await upload(admin, `/items/${st.itemA}/attachments`, 'notat.pdf', pdfBytes, 'text/html');
  assert.equal(ok.status, 303, ok.text.slice(0, 400));
  const ok2 = await upload(admin, `/items/${st.itemB}/attachments`, '../../fortroligt bilag.pdf', pdfBytes);
  assert.equal(ok2.status, 303);
  const item = await admin.get(`/items/${st.itemA}`);
  const tok = item.text.match(/href="\/files\/([0-9a-f]{32})">notat\.pdf</);
  assert.ok(tok, 'the attachment is listed with its token');
  st.tokA = tok[1];
  const itemB = await admin.get(`/items/${st.itemB}`);
  const tokB = itemB.text.match(/href="\/files\/([0-9a-f]{32})">fortroligt bilag\.pdf</);
  assert.ok(tokB, 'the filename is cleaned to its base name');
  st.tokB = tokB[1];
  const file = await admin.get(`/files/${st.tokA}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');

  const html = await upload(admin, `/items/${st.itemA}/attachments`, 'bilag.pdf',
    Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
  assert.equal(html.status, 422);
  assert.match(html.text, /Filtypen kan ikke bruges som bilag/);
  const exe = await upload(admin, `/items/${st.itemA}/attachments`, 'program.docx',
    Buffer.from('MZ\x90\x00\x03'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(exe.status, 422);

  // Declared over the multipart limit: refused before the body is read.
  const cookie = admin.cookieHeader();
  const big = await raw(srv.port, `POST /items/${st.itemA}/attachments HTTP/1.1\r\nHost: x\r\n` +
    `Cookie: ${cookie}\r\nContent-Type: multipart/form-data; boundary=b\r\n` +
    `Content-Length: ${25 * 1024 * 1024}\r\nConnection: close\r\n\r\n`);
  assert.equal(big.status, 413);
  assert.match(big.body, /Et bilag må højst fylde 20 MB/);
  // Sent whole, a file just over 20 MiB: the handler's 413.
  const over = Buffer.alloc(20 * 1024 * 1024 + 10, 0x41);
  over.write('%PDF-1.4\n');
  const big2 = await upload(admin, `/items/${st.itemA}/attachments`, 'stor.pdf', over, 'application/pdf');
  assert.equal(big2.status, 413);
  assert.match(big2.text, /højst fylde 20 MB/);

  const nocsrf = await upload(admin, `/items/${st.itemA}/attachments`, 'notat.pdf', pdfBytes, 'application/pdf', false);
  assert.equal(nocsrf.status, 403);
  const nocsrf2 = await admin.post(`/meetings/${st.meeting}/state`, { to: 'invited' }, { csrf: false });
  assert.equal(nocsrf2.status, 403);
});

test('states: invite, approve and publish the agenda; the public sees it without closed texts', async () => {
  for (const to of ['invited', 'agenda_approved', 'published']) {
    const page = await admin.get(`/meetings/${st.meeting}`);
    const fields = formFields(page.text, `/meetings/${st.meeting}/state`);
    assert.ok(fields.length, 'state form present');
    // Every state form posts to the same action: send the wanted one.
    const rev = page.text.match(/name="revision" value="(\d+)"/)[1];
    const r = await admin.post(`/meetings/${st.meeting}/state`, { to, revision: rev });
    assert.equal(r.status, 303, `${to}: ${r.text.slice(0, 300)}`);
  }
  const page = await admin.get(`/meetings/${st.meeting}`);
  assert.match(page.text, /aria-current="step">Dagsorden udsendt/);
  assert.match(page.text, /Statushistorik/);
  assert.match(page.text, /admin/);

  const pub = new Client(srv.base);
  const mp = await pub.get(`/meetings/${st.meeting}`);
  assert.equal(mp.status, 200);
  assert.match(mp.text, /Personalesag/);
  assert.doesNotMatch(mp.text, /Tjekliste/);
  assert.doesNotMatch(mp.text, /Rediger møde/);
  const agenda = await pub.get(`/meetings/${st.meeting}/agenda`);
  assert.equal(agenda.status, 200);
  assert.match(agenda.text, /Personalesag/);
  assert.match(agenda.text, /Resumé af akutplanen/);
  assert.doesNotMatch(agenda.text, /Fortroligt resumé/);
  assert.doesNotMatch(agenda.text, /fortroligt bilag/);
  const closed = await pub.get(`/items/${st.itemB}`);
  assert.equal(closed.status, 200);
  assert.doesNotMatch(closed.text, /Fortroligt resumé/);
  assert.match(closed.text, /Lukket punkt/);
  assert.equal((await pub.get(`/files/${st.tokB}`)).status, 404);
  const open = await pub.get(`/files/${st.tokA}`);
  assert.equal(open.status, 200);
  assert.match(open.headers.get('content-disposition'), /^attachment; filename="notat\.pdf"; filename\*=UTF-8''notat\.pdf$/);
  assert.equal(open.headers.get('content-security-policy'), 'sandbox');
  assert.equal(open.headers.get('x-content-type-options'), 'nosniff');
  // The public is sent to log in by a form, and cannot edit.
  const edit = await pub.get(`/meetings/${st.meeting}/edit`);
  assert.equal(edit.status, 303);
  assert.match(edit.location, /^\/login\?next=/);
});

test('decisions: refused while inquorate (422), accepted after attendance', async () => {
  const form = await admin.get(`/items/${st.itemA}/decision`);
  assert.equal(form.status, 200);
  assert.match(form.text, /ikke beslutningsdygtigt/i);
  const refused = await admin.post(`/items/${st.itemA}/decision`, {
    outcome: 'approved', decision: 'Planen blev godkendt.', dissent: '',
  });
  assert.equal(refused.status, 422);
  assert.match(refused.text, /Mødet er ikke beslutningsdygtigt/);

  const att = await admin.get(`/meetings/${st.meeting}/attendance`);
  assert.equal(att.status, 200);
  const ids = [...new Set([...att.text.matchAll(/name="status-(\d+)"/g)].map((m) => m[1]))];
  assert.ok(ids.length >= 2, 'members listed');
  const fields = [];
  for (const id of ids) {
    fields.push([`status-${id}`, 'present']);
    fields.push([`note-${id}`, '']);
  }
  fields[fields.length - 1][1] = 'deltog virtuelt';
  const saved = await admin.post(`/meetings/${st.meeting}/attendance`, fields);
  assert.equal(saved.status, 303);
  const after = await admin.get(saved.location);
  assert.match(after.text, /Fremmødet er gemt/);
  assert.match(after.text, /Beslutningsdygtigt/);
  assert.match(after.text, /deltog virtuelt/);

  for (const [item, outcome] of [[st.itemA, 'approved'], [st.itemB, 'discussed']]) {
    const r = await admin.post(`/items/${item}/decision`, {
      outcome, decision: 'Indstillingen blev **godkendt**.', dissent: '',
    });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }
  const item = await admin.get(`/items/${st.itemA}`);
  assert.match(item.text, /<h3>Beslutning<\/h3>/);
  assert.match(item.text, /<strong>godkendt<\/strong>/);
});

test('held, minutes approved, both PDFs generated and downloaded per edition', async () => {
  for (const to of ['held', 'minutes_approved']) {
    const page = await admin.get(`/meetings/${st.meeting}`);
    const rev = page.text.match(/name="revision" value="(\d+)"/)[1];
    const r = await admin.post(`/meetings/${st.meeting}/state`, { to, revision: rev });
    assert.equal(r.status, 303, `${to}: ${r.text.slice(0, 400)}`);
  }
  for (const kind of ['agenda', 'minutes']) {
    const r = await admin.post(`/meetings/${st.meeting}/documents`, { kind });
    assert.equal(r.status, 303, `${kind}: ${r.text.replace(/<[^>]+>/g, ' ').slice(0, 2000)}`);
  }
  const page = await admin.get(`/meetings/${st.meeting}`);
  const docs = [...page.text.matchAll(/<a href="\/files\/([0-9a-f]{32})">(Dagsorden|Referat), version 1 \(PDF\)<\/a><\/td><td>(Offentlig udgave|Fuld udgave)/g)]
    .map((m) => ({ token: m[1], kind: m[2], pub: m[3] === 'Offentlig udgave' }));
  assert.equal(docs.length, 4, 'two kinds x two editions');
  const pub = new Client(srv.base);
  for (const doc of docs) {
    const mine = await fetch(`${srv.base}/files/${doc.token}`, { headers: { cookie: admin.cookieHeader() } });
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await mine.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const theirs = await pub.get(`/files/${doc.token}`);
    assert.equal(theirs.status, doc.pub ? 200 : 404, `${doc.kind} ${doc.pub ? 'public' : 'full'}`);
    if (!doc.pub)
      assert.match(mine.headers.get('cache-control'), /private/);
  }
  const minutes = await pub.get(`/meetings/${st.meeting}/minutes`);
  assert.equal(minutes.status, 200);
  assert.match(minutes.text, /Indstillingen blev/);
  assert.doesNotMatch(minutes.text, /Fortroligt resumé/);
});

test('unknown and malformed tokens are 404', async () => {
  const c = new Client(srv.base);
  assert.equal((await c.get('/files/0123456789abcdef0123456789abcdef')).status, 404);
  assert.equal((await c.get('/files/nope')).status, 404);
  assert.equal((await admin.get('/files/0123456789abcdef0123456789abcdef')).status, 404);
  assert.equal((await admin.get('/meetings/999999')).status, 404);
  assert.equal((await admin.get('/items/999999')).status, 404);
});
