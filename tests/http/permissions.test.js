'use strict';
// permissions.test.js - the permission matrix over HTTP (issue 3, items
// 2, 3 and 7): every role x every surface x a draft that only the body's
// people may see, e-mail addresses only for the logged-in, and writes
// refused or allowed as src/core/access.h says:
//
//   public          not logged in                 published data only
//   no person       an account that is no person  the same as the public
//                                                 for reading, but gets 403
//                                                 (not the login page) on writes
//   member of B     member/vice/substitute of B   + read B's drafts
//   chair of B      chair/co-chair of B           + approve for B
//   secretary of B  secretary of B                + edit B and the registry
//   secretary of C  secretary of another body     + the registry (not B)
//   admin           account flag                  everything
//
// B is Sundhedsklynge Sønderjylland's professional-strategic level; the
// people below hold these roles on TODAY in data/demo.json. The
// expectation tables (READS, FORM_PAGES, WRITES) are data at the top of
// the file: a change of the rule has to change them, loudly.
//
// Outcomes:
//   OK         form POST: 303 to a page that is not the login; form page:
//              200; API: 2xx
//   LOGIN      form POST/page: 303 to /login?next=...; API: 401
//              {"error": {"code": "login_required"}}
//   FORBIDDEN  page: 403; API: 403 {"error": {"code": "forbidden"}}
//   HIDDEN     404: for them the object does not exist
// A draft someone may not see does not exist for them: every URL of it
// (its edit page, its approval form and POST, the API) is HIDDEN, for the
// public too (not LOGIN: a 303 would say there is something to log in
// for), and no answer contains its title.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  start, json, send, demo, idOf, Client, unescapeHtml,
} = require('./helpers');

const TODAY = '2026-11-23';
const DRAFT_TITLE = 'Udkast til revideret kommissorium';
// Set by a later save of the draft, so that the audit log has an
// "ændret" row carrying the draft's text.
const DRAFT_TEXT = 'Forslag: det fagligt strategiske niveau mødes seks gange om året.';

const OK = 'ok';
const LOGIN = 'login';
const FORBIDDEN = 'forbidden';
const HIDDEN = 'hidden';

// Who plays each role (accounts on the test server; person = demo key).
const ROLES = {
  public: null,
  noPerson: { username: 'uden-person' },
  member: { username: 'hans', person: 'p-hans-norgaard' },	// member of B, nothing else
  chair: { username: 'astrid', person: 'p-astrid-bisgaard' },	// co-chair of B
  secretary: { username: 'ole', person: 'p-ole-kristensen' },	// secretary of B
  secretaryC: { username: 'jakob', person: 'p-jakob-klitgaard' }, // secretary of pn-fyn only
  admin: { username: 'admin' },					// every server has it
};
const ROLE_NAMES = Object.keys(ROLES);

const B_KEY = 'fsn-sonderjylland';
const C_KEY = 'pn-fyn';
// The person whose e-mail address is looked for (the member himself:
// also an OParl person, through his membership of B).
const MAIL_PERSON = 'p-hans-norgaard';
const MAIL = 'hans.norgaard@example.dk';
const NOTE = 'Fiktiv person';		// every demo person's note
// A person whose e-mail address and note the admin changes in the
// set-up: the change must not reach the public through the Historik.
const CHANGED_PERSON = 'p-julie-kjaer';
const CHANGED_MAIL = 'julie.kjaer.ny@example.dk';
const CHANGED_NOTE = 'Intern note: træder ud til sommer';

// ---- the expectations -------------------------------------------------------

// Reading: does the role see B's draft terms of reference, and people's
// contact details (e-mail address and note)? The draft's edit page is the only page that shows a
// draft's text, so a reader gets it (200); others get HIDDEN.
const READS = {
  //            draft         e-mail, note    /charters/:draft/edit when not a reader
  public: { draft: false, contact: false, editPage: HIDDEN },
  noPerson: { draft: false, contact: false, editPage: HIDDEN },
  member: { draft: true, contact: true },
  chair: { draft: true, contact: true },
  secretary: { draft: true, contact: true },
  secretaryC: { draft: false, contact: true, editPage: HIDDEN },
  admin: { draft: true, contact: true },
};

// Form pages (GET): may the role open the form?
const FORM_PAGES = {
  //            new membership of B  edit B      new approval step on the draft
  public: { membershipNew: LOGIN, bodyEdit: LOGIN, approvalNew: HIDDEN },
  noPerson: { membershipNew: FORBIDDEN, bodyEdit: FORBIDDEN, approvalNew: HIDDEN },
  member: { membershipNew: FORBIDDEN, bodyEdit: FORBIDDEN, approvalNew: FORBIDDEN },
  chair: { membershipNew: FORBIDDEN, bodyEdit: FORBIDDEN, approvalNew: OK },
  secretary: { membershipNew: OK, bodyEdit: OK, approvalNew: OK },
  secretaryC: { membershipNew: FORBIDDEN, bodyEdit: FORBIDDEN, approvalNew: HIDDEN },
  admin: { membershipNew: OK, bodyEdit: OK, approvalNew: OK },
};

// Writes.
//   formMembership  POST /bodies/B/memberships (the form)
//   apiMembership   POST /api/v1/memberships (body B)
//   apiBody         PUT /api/v1/bodies/B (a changed description)
//   apiPerson       POST /api/v1/people (the registry)
//   formApproval    POST /charters/:draft/approvals (the form)
const WRITES = {
  public: {
    formMembership: LOGIN, apiMembership: LOGIN, apiBody: LOGIN, apiPerson: LOGIN,
    formApproval: HIDDEN,
  },
  noPerson: {
    formMembership: FORBIDDEN, apiMembership: FORBIDDEN, apiBody: FORBIDDEN, apiPerson: FORBIDDEN,
    formApproval: HIDDEN,
  },
  member: {
    formMembership: FORBIDDEN, apiMembership: FORBIDDEN, apiBody: FORBIDDEN, apiPerson: FORBIDDEN,
    formApproval: FORBIDDEN,
  },
  chair: {
    formMembership: FORBIDDEN, apiMembership: FORBIDDEN, apiBody: FORBIDDEN, apiPerson: FORBIDDEN,
    formApproval: OK,
  },
  secretary: {
    formMembership: OK, apiMembership: OK, apiBody: OK, apiPerson: OK, formApproval: OK,
  },
  secretaryC: {
    formMembership: FORBIDDEN, apiMembership: FORBIDDEN, apiBody: FORBIDDEN, apiPerson: OK,
    formApproval: HIDDEN,
  },
  admin: {
    formMembership: OK, apiMembership: OK, apiBody: OK, apiPerson: OK, formApproval: OK,
  },
};

// ---- set-up ------------------------------------------------------------------

const d = demo();
const B = idOf(d.bodies, B_KEY);
const C = idOf(d.bodies, C_KEY);
const REGION = idOf(d.organisations, 'region-syddanmark');	// B's OParl Body
const MAIL_PERSON_ID = idOf(d.people, MAIL_PERSON);
const ANNE = idOf(d.people, 'p-anne-holm');
const TONDER = idOf(d.organisations, 'tonder-kommune');
const MAIL_MEMBERSHIP = idOf(d.memberships, d.memberships.find(
  (m) => m.person === MAIL_PERSON && m.body === B_KEY).key);

let srv;
let draft;			// the draft charter, as the admin's API gave it
const as = {};			// role -> { cookie, client } (public: anonymous)

before(async () => {
  srv = await start({
    env: { KLYNGE_TODAY: TODAY },
    accounts: Object.values(ROLES)
      .filter((r) => r && r.username !== 'admin')
      .map((r) => ({ username: r.username, person: r.person, admin: false })),
  });
  for (const role of ROLE_NAMES) {
    if (!ROLES[role]) {
      const c = new Client(srv.base);
      await c.get('/');	// the anonymous csrf cookie
      as[role] = { cookie: null, client: c };
    } else {
      as[role] = {
        cookie: await srv.login(ROLES[role].username),
        client: await srv.client(ROLES[role].username),
      };
    }
  }

  // The draft: the next version of B's terms of reference, by the admin.
  const list = await adminApi('GET', `/charters?body_id=${B}`);
  assert.equal(list.status, 200);
  const version = Math.max(0, ...list.body.map((c) => c.version)) + 1;
  const r = await adminApi('POST', '/charters', {
    body_id: B, version, status: 'draft', title: DRAFT_TITLE,
  });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  draft = r.body;
  assert.equal(draft.status, 'draft');
  const t = await adminApi('PUT', `/charters/${draft.id}`, { text: DRAFT_TEXT });
  assert.equal(t.status, 200, JSON.stringify(t.body));
  assert.equal(t.body.status, 'draft');

  // Contact details that change (for the Historik).
  const p = await adminApi('PUT', `/people/${idOf(d.people, CHANGED_PERSON)}`,
    { email: CHANGED_MAIL, note: CHANGED_NOTE });
  assert.equal(p.status, 200, JSON.stringify(p.body));
});

after(async () => {
  if (srv)
    await srv.stop();
});

// ---- helpers -----------------------------------------------------------------

function cookieHeaders(role) {
  return as[role].cookie ? { cookie: as[role].cookie } : {};
}

// GET url as role: { status, text, location, body (JSON or null) }.
async function get(role, url) {
  const res = await fetch(srv.base + url, { headers: cookieHeaders(role), redirect: 'manual' });
  const text = await res.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch { /* a page */ }
  return { status: res.status, text, location: res.headers.get('location'), body };
}

// An API write as role.
function api(role, method, path, data) {
  const url = `${srv.base}/api/v1${path}`;
  if (data === undefined)
    return json(url, { method, headers: cookieHeaders(role) });
  return send(url, method, data, cookieHeaders(role));
}

function adminApi(method, path, data) {
  return api('admin', method, path, data);
}

// The csrf token the role's forms carry: the one in the page's own
// forms when there is one (the header's "Log ud" form when logged in),
// else the client's csrf cookie (the public's double-submit cookie).
async function csrfOf(role) {
  const c = as[role].client;
  const page = await c.get('/bodies');
  const m = page.text.match(/<input type="hidden" name="csrf" value="([^"]*)"/);
  return m ? unescapeHtml(m[1]) : c.csrf;
}

async function formPost(role, path, fields) {
  const csrf = await csrfOf(role);
  return as[role].client.post(path, { ...fields, csrf });
}

// The outcome of an answer, as one of OK, LOGIN, FORBIDDEN, HIDDEN, or a
// description of anything else.
function formOutcome(r) {
  if (r.status === 303)
    return /^\/login\?next=/.test(r.location || '') ? LOGIN : OK;
  if (r.status === 403)
    return FORBIDDEN;
  if (r.status === 404)
    return HIDDEN;
  return `status ${r.status}${r.location ? ` -> ${r.location}` : ''}`;
}

function pageOutcome(r) {
  if (r.status === 200)
    return OK;
  return formOutcome(r);
}

function apiOutcome(r) {
  const code = r.body && r.body.error ? r.body.error.code : null;
  if (r.status >= 200 && r.status < 300)
    return OK;
  if (r.status === 401 && code === 'login_required')
    return LOGIN;
  if (r.status === 403 && code === 'forbidden')
    return FORBIDDEN;
  if (r.status === 404)
    return HIDDEN;
  return `status ${r.status} code ${code} ${JSON.stringify(r.body).slice(0, 300)}`;
}

function expectOutcome(got, want, what) {
  const wants = Array.isArray(want) ? want : [want];
  assert.ok(wants.includes(got), `${what}: expected ${wants.join(' or ')}, got ${got}`);
}

// A login redirect names the page to come back to.
function assertLoginNext(r, path, what) {
  assert.equal(r.status, 303, what);
  const m = (r.location || '').match(/^\/login\?next=([^&]*)$/);
  assert.ok(m, `${what}: Location ${r.location}`);
  assert.equal(decodeURIComponent(m[1]), path, `${what}: next=`);
}

const hasTitle = (text) => unescapeHtml(text).includes(DRAFT_TITLE);

// ---- (a) reading the draft ------------------------------------------------------

test('the expectation tables cover every role', () => {
  for (const t of [READS, FORM_PAGES, WRITES])
    assert.deepEqual(Object.keys(t).sort(), [...ROLE_NAMES].sort());
});

for (const role of ROLE_NAMES) {
  test(`${role}: the draft on the body page, its edit page and the API`, async () => {
    const { draft: reader } = READS[role];
    const who = `${role} (${ROLES[role] ? ROLES[role].username : 'not logged in'})`;

    // The body page: 200 for everyone; the draft's title only for readers.
    const page = await get(role, `/bodies/${B}`);
    assert.equal(page.status, 200, `GET /bodies/${B} as ${who}`);
    assert.equal(hasTitle(page.text), reader,
      `GET /bodies/${B} as ${who}: draft title ${reader ? 'expected' : 'must not appear'}`);
    // The approved version is there for everyone.
    const v1 = d.charters.find((c) => c.body === B_KEY && c.status === 'approved');
    assert.ok(unescapeHtml(page.text).includes(v1.title), `approved title on /bodies/${B} as ${who}`);

    // The draft's edit page.
    const edit = await get(role, `/charters/${draft.id}/edit`);
    if (reader) {
      expectOutcome(pageOutcome(edit), OK, `GET /charters/${draft.id}/edit as ${who}`);
      assert.ok(hasTitle(edit.text), `GET /charters/${draft.id}/edit as ${who}: the title`);
      assert.ok(unescapeHtml(edit.text).includes(DRAFT_TEXT), `GET /charters/${draft.id}/edit as ${who}: the text`);
    } else {
      expectOutcome(pageOutcome(edit), READS[role].editPage, `GET /charters/${draft.id}/edit as ${who}`);
      assert.ok(!hasTitle(edit.text), `GET /charters/${draft.id}/edit as ${who} shows the title`);
      assert.ok(!unescapeHtml(edit.text).includes(DRAFT_TEXT), `GET /charters/${draft.id}/edit as ${who} shows the text`);
      if (pageOutcome(edit) === LOGIN)
        assertLoginNext(edit, `/charters/${draft.id}/edit`, `GET /charters/${draft.id}/edit as ${who}`);
    }

    // The API: the object, and the body's list.
    const one = await get(role, `/api/v1/charters/${draft.id}`);
    expectOutcome(apiOutcome(one), reader ? OK : HIDDEN, `GET /api/v1/charters/${draft.id} as ${who}`);
    if (reader) {
      assert.equal(one.body.title, DRAFT_TITLE);
      assert.equal(one.body.text, DRAFT_TEXT);
    } else {
      assert.ok(!one.text.includes(DRAFT_TITLE), `GET /api/v1/charters/${draft.id} as ${who} names the draft`);
      assert.ok(!one.text.includes(DRAFT_TEXT), `GET /api/v1/charters/${draft.id} as ${who} has its text`);
    }

    const list = await get(role, `/api/v1/charters?body_id=${B}`);
    assert.equal(list.status, 200, `GET /api/v1/charters?body_id=${B} as ${who}`);
    assert.equal(list.body.some((c) => c.id === draft.id), reader,
      `GET /api/v1/charters?body_id=${B} as ${who}: draft ${reader ? 'missing' : 'listed'}`);
    assert.ok(list.body.some((c) => c.status === 'approved'), 'the approved version is listed');
    assert.equal(list.text.includes(DRAFT_TITLE), reader);
    // The whole list too.
    const all = await get(role, '/api/v1/charters');
    assert.equal(all.status, 200);
    assert.equal(all.body.some((c) => c.id === draft.id), reader,
      `GET /api/v1/charters as ${who}: draft ${reader ? 'missing' : 'listed'}`);
  });
}

// OParl is always public data: no draft, no e-mail address, whoever asks -
// and the very same bytes for every role.
const OPARL = [
  `/oparl/v1/organization/${B}`,
  `/oparl/v1/body/${REGION}/organization?limit=100`,
  `/oparl/v1/membership/${MAIL_MEMBERSHIP}`,
  `/oparl/v1/person/${MAIL_PERSON_ID}`,
  `/oparl/v1/body/${REGION}/person?limit=100`,
  `/oparl/v1/body/${REGION}/membership?limit=100`,
];

test('OParl: never the draft, never an e-mail address, the same for every role', async () => {
  for (const url of OPARL) {
    const pub = await get('public', url);
    assert.equal(pub.status, 200, `GET ${url}`);
    for (const role of ROLE_NAMES) {
      const r = await get(role, url);
      assert.equal(r.status, 200, `GET ${url} as ${role}`);
      assert.ok(!r.text.includes(DRAFT_TITLE), `GET ${url} as ${role} names the draft`);
      assert.ok(!r.text.includes('@example.dk'), `GET ${url} as ${role} has an e-mail address`);
      assert.equal(r.text, pub.text, `GET ${url} as ${role} differs from the public's`);
    }
  }
  // The person is really there (the check above is not vacuous).
  const p = await get('admin', `/oparl/v1/person/${MAIL_PERSON_ID}`);
  assert.equal(p.body.name, d.people.find((x) => x.key === MAIL_PERSON).name);
});

// ---- (b) e-mail addresses ---------------------------------------------------------

for (const role of ROLE_NAMES) {
  test(`${role}: e-mail addresses on the person's page and in the API`, async () => {
    const { contact: email } = READS[role];
    const page = await get(role, `/people/${MAIL_PERSON_ID}`);
    assert.equal(page.status, 200);
    assert.equal(unescapeHtml(page.text).includes(MAIL), email,
      `GET /people/${MAIL_PERSON_ID} as ${role}: e-mail ${email ? 'missing' : 'shown'}`);
    assert.equal(unescapeHtml(page.text).includes(NOTE), email,
      `GET /people/${MAIL_PERSON_ID} as ${role}: note ${email ? 'missing' : 'shown'}`);

    const one = await get(role, `/api/v1/people/${MAIL_PERSON_ID}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.email, email ? MAIL : '',
      `GET /api/v1/people/${MAIL_PERSON_ID} as ${role}: email`);
    assert.equal(one.body.note, email ? NOTE : '',
      `GET /api/v1/people/${MAIL_PERSON_ID} as ${role}: note`);

    const list = await get(role, `/api/v1/people?organisation_id=${one.body.organisation_id}`);
    assert.equal(list.status, 200);
    assert.equal(list.text.includes(MAIL), email, `GET /api/v1/people?organisation_id= as ${role}`);

    if (!email) {
      // Nowhere on the pages a member of the public opens.
      for (const url of [`/bodies/${B}`, '/people', `/people/${MAIL_PERSON_ID}`, '/api/v1/people']) {
        const r = await get(role, url);
        assert.equal(r.status, 200, url);
        assert.ok(!r.text.includes('@example.dk'), `GET ${url} as ${role} has an e-mail address`);
      }
    }
  });
}

// The audit log shown on pages ("Historik") is a surface too: rows about
// a draft carry its key, title and text, rows about a person their e-mail
// address and note, before and after.
for (const role of ROLE_NAMES) {
  test(`${role}: the Historik on the body and person pages`, async () => {
    const { draft: reader, contact } = READS[role];
    const leaks = [];
    const bodyUrl = `/bodies/${B}?historik=alle`;
    const body = await get(role, bodyUrl);
    assert.equal(body.status, 200);
    if (!reader) {
      const text = unescapeHtml(body.text);
      for (const secret of [DRAFT_TITLE, DRAFT_TEXT, draft.key])
        if (text.includes(secret))
          leaks.push(`GET ${bodyUrl} shows the draft: «${secret}»`);
    }
    const personUrl = `/people/${idOf(d.people, CHANGED_PERSON)}?historik=alle`;
    const person = await get(role, personUrl);
    assert.equal(person.status, 200);
    if (!contact) {
      const text = unescapeHtml(person.text);
      for (const m of text.matchAll(/[\w.-]+@example\.dk/g))
        leaks.push(`GET ${personUrl} shows an e-mail address: ${m[0]}`);
      if (text.includes(CHANGED_NOTE))
        leaks.push(`GET ${personUrl} shows the note «${CHANGED_NOTE}»`);
    }
    assert.deepEqual(leaks, [], `as ${role}`);
    if (role === 'admin') {
      // Not vacuous: the rows are there for those who may see them.
      assert.ok(unescapeHtml(body.text).includes(draft.key), 'the admin sees the draft\'s rows');
      assert.ok(unescapeHtml(person.text).includes(CHANGED_MAIL), 'the admin sees the e-mail change');
    }
  });
}

// Every other read surface, swept: lists, overviews, the other pages of
// B's cluster and the API's lists and sub-resources. Who may not see the
// draft finds no trace of it (title, text, key); who may not see contact
// details finds no e-mail address and not the changed note.
const SWEEP = [
  '/', '/bodies', '/people', '/organisations', '/areas',
  `/areas/${idOf(d.areas, 'klynge-sonderjylland')}?historik=alle`,
  `/organisations/${idOf(d.organisations, 'haderslev-kommune')}?historik=alle`,
  `/organisations/${REGION}?historik=alle`,
  `/bodies/${idOf(d.bodies, 'pn-sonderjylland')}?historik=alle`,
  `/bodies/${B}?date=2027-06-01`,
  '/api/v1/charters', '/api/v1/people', `/api/v1/people/${idOf(d.people, CHANGED_PERSON)}`,
  `/api/v1/memberships?body_id=${B}`, `/api/v1/bodies/${B}`,
  `/api/v1/bodies/${B}/members?date=${TODAY}`, `/api/v1/bodies/${B}/check?date=${TODAY}`,
  `/api/v1/people/${MAIL_PERSON_ID}/memberships`,
];

for (const role of ROLE_NAMES) {
  test(`${role}: no trace of what they may not see on any other page`, async () => {
    const { draft: reader, contact } = READS[role];
    const leaks = [];
    for (const url of SWEEP) {
      const r = await get(role, url);
      if (r.status !== 200) {
        leaks.push(`GET ${url}: status ${r.status}`);
        continue;
      }
      const text = url.startsWith('/api/') ? r.text : unescapeHtml(r.text);
      if (!reader)
        for (const secret of [DRAFT_TITLE, DRAFT_TEXT, draft.key])
          if (text.includes(secret))
            leaks.push(`GET ${url} shows the draft: «${secret}»`);
      if (!contact) {
        for (const m of text.matchAll(/[\w.-]+@example\.dk/g))
          leaks.push(`GET ${url} shows an e-mail address: ${m[0]}`);
        if (text.includes(CHANGED_NOTE))
          leaks.push(`GET ${url} shows the note «${CHANGED_NOTE}»`);
      }
    }
    assert.deepEqual(leaks, [], `as ${role}`);
  });
}

// ---- (c) writing -------------------------------------------------------------------

for (const role of ROLE_NAMES) {
  test(`${role}: form pages`, async () => {
    const pages = {
      membershipNew: `/bodies/${B}/memberships/new`,
      bodyEdit: `/bodies/${B}/edit`,
      approvalNew: `/charters/${draft.id}/approvals/new`,
    };
    for (const [what, url] of Object.entries(pages)) {
      const r = await get(role, url);
      const got = pageOutcome(r);
      expectOutcome(got, FORM_PAGES[role][what], `GET ${url} as ${role}`);
      if (got === LOGIN)
        assertLoginNext(r, url, `GET ${url} as ${role}`);
      if (!READS[role].draft)
        assert.ok(!hasTitle(r.text), `GET ${url} as ${role} shows the draft's title`);
    }
  });
}

async function membershipsOfB() {
  const r = await adminApi('GET', `/memberships?body_id=${B}`);
  assert.equal(r.status, 200);
  return r.body.length;
}

async function approvalsOfDraft() {
  const r = await adminApi('GET', `/charters/${draft.id}`);
  assert.equal(r.status, 200);
  return r.body;
}

for (const role of ROLE_NAMES) {
  test(`${role}: writes`, async () => {
    const want = WRITES[role];
    const tag = `${role} ${ROLES[role] ? ROLES[role].username : 'offentligheden'}`;

    // A membership of B through the form.
    {
      const n0 = await membershipsOfB();
      const url = `/bodies/${B}/memberships`;
      const r = await formPost(role, url, {
        person: String(ANNE), role: 'member', function: 'director',
        seat: 'municipal_director', represents: String(TONDER), start: TODAY, end: '', key: '',
      });
      const got = formOutcome(r);
      expectOutcome(got, want.formMembership, `POST ${url} (form) as ${role}`);
      if (got === OK)
        assert.equal(r.location, `/bodies/${B}`);
      if (got === LOGIN)	// back to the form after logging in
        assertLoginNext(r, `/bodies/${B}/memberships/new`, `POST ${url} as ${role}`);
      assert.equal(await membershipsOfB(), n0 + (got === OK ? 1 : 0), `POST ${url} as ${role}: memberships of B`);
    }

    // A membership of B through the API.
    {
      const n0 = await membershipsOfB();
      const r = await api(role, 'POST', '/memberships', {
        person: 'p-anne-holm', body: B_KEY, role: 'member', function: 'director',
        represents: 'tonder-kommune', start: TODAY,
      });
      const got = apiOutcome(r);
      expectOutcome(got, want.apiMembership, `POST /api/v1/memberships (body ${B_KEY}) as ${role}`);
      if (got === OK)
        assert.equal(r.status, 201);
      assert.equal(await membershipsOfB(), n0 + (got === OK ? 1 : 0), `POST /api/v1/memberships as ${role}: memberships of B`);
    }

    // B's own fields.
    {
      const before = (await adminApi('GET', `/bodies/${B}`)).body;
      const description = `Beskrivelse ændret af ${tag}`;
      const r = await api(role, 'PUT', `/bodies/${B}`, { description });
      const got = apiOutcome(r);
      expectOutcome(got, want.apiBody, `PUT /api/v1/bodies/${B} as ${role}`);
      const now = (await adminApi('GET', `/bodies/${B}`)).body;
      assert.equal(now.description, got === OK ? description : before.description,
        `PUT /api/v1/bodies/${B} as ${role}: the stored description`);
    }

    // The registry: a new person.
    {
      const name = `Testperson ${role}`;
      const r = await api(role, 'POST', '/people', {
        name, title: 'Konsulent', email: `${role.toLowerCase()}@example.org`, note: 'Fiktiv person',
      });
      const got = apiOutcome(r);
      expectOutcome(got, want.apiPerson, `POST /api/v1/people as ${role}`);
      const people = (await adminApi('GET', '/people')).body;
      assert.equal(people.some((p) => p.name === name), got === OK, `POST /api/v1/people as ${role}: stored`);
    }

    // An approval step on the draft (pre-approval: it stays unpublished).
    {
      const c0 = await approvalsOfDraft();
      const url = `/charters/${draft.id}/approvals`;
      const r = await formPost(role, url, {
        status: 'pre_approved', by_body: '', by_text: 'Formandskabet', date: TODAY, note: `Trin af ${tag}`,
      });
      const got = formOutcome(r);
      expectOutcome(got, want.formApproval, `POST ${url} (form) as ${role}`);
      if (got === OK)
        assert.equal(r.location, `/bodies/${B}`);
      if (!READS[role].draft)
        assert.ok(!hasTitle(r.text), `POST ${url} as ${role} shows the draft's title`);
      const c1 = await approvalsOfDraft();
      assert.equal(c1.approvals.length, c0.approvals.length + (got === OK ? 1 : 0),
        `POST ${url} as ${role}: approval steps`);
      assert.notEqual(c1.status, 'approved', 'the draft stays unpublished');
    }
  });
}

test('a secretary of C may not add a membership to B, but may to C', async () => {
  const to = (body) => ({
    person: 'p-anne-holm', body, role: 'member', function: 'director', start: TODAY,
  });
  const refused = await api('secretaryC', 'POST', '/memberships', to(B_KEY));
  expectOutcome(apiOutcome(refused), FORBIDDEN, 'POST /api/v1/memberships (B) as secretary of C');
  const form = await formPost('secretaryC', `/bodies/${B}/memberships`, {
    person: String(ANNE), role: 'member', start: TODAY,
  });
  expectOutcome(formOutcome(form), FORBIDDEN, `POST /bodies/${B}/memberships as secretary of C`);

  // Their own body: allowed (the 403 above is about B, not about them).
  const own = await api('secretaryC', 'POST', '/memberships', to(C_KEY));
  expectOutcome(apiOutcome(own), OK, 'POST /api/v1/memberships (C) as secretary of C');
  assert.equal(own.body.body_id, C);
  // ... but not moved from C to B (a move needs both bodies).
  const move = await api('secretaryC', 'PUT', `/memberships/${own.body.id}`, { body: B_KEY });
  expectOutcome(apiOutcome(move), FORBIDDEN, 'PUT /api/v1/memberships/:id (C -> B) as secretary of C');
  assert.equal((await adminApi('GET', `/memberships/${own.body.id}`)).body.body_id, C);
});

test('after every write the public still does not see the draft', async () => {
  const page = await get('public', `/bodies/${B}`);
  assert.equal(page.status, 200);
  assert.ok(!hasTitle(page.text));
  const one = await get('public', `/api/v1/charters/${draft.id}`);
  assert.equal(one.status, 404);
  // ... and the body's readers still do.
  assert.ok(hasTitle((await get('member', `/bodies/${B}`)).text));
});

test('a chair records an approval step through the API, but cannot slip a change of the text in with it', async () => {
  const c0 = (await adminApi('GET', `/charters/${draft.id}`)).body;
  const step = { status: 'pre_approved', by_text: 'Formandskabet', date: TODAY, note: 'Via API' };
  const approvals = [...c0.approvals, step];

  // Step + a new text: refused, nothing stored.
  const sneaky = await api('chair', 'PUT', `/charters/${draft.id}`,
    { approvals, status: 'pre_approved', text: 'Formandskabets egen tekst' });
  expectOutcome(apiOutcome(sneaky), FORBIDDEN, `PUT /api/v1/charters/${draft.id} (step + text) as chair`);
  const c1 = (await adminApi('GET', `/charters/${draft.id}`)).body;
  assert.equal(c1.text, DRAFT_TEXT);
  assert.equal(c1.approvals.length, c0.approvals.length);

  // A member may not record the step at all.
  const member = await api('member', 'PUT', `/charters/${draft.id}`, { approvals, status: 'pre_approved' });
  expectOutcome(apiOutcome(member), FORBIDDEN, `PUT /api/v1/charters/${draft.id} (step) as member`);

  // The step alone: the chair's to record.
  const ok = await api('chair', 'PUT', `/charters/${draft.id}`, { approvals, status: 'pre_approved' });
  expectOutcome(apiOutcome(ok), OK, `PUT /api/v1/charters/${draft.id} (step) as chair`);
  const c2 = (await adminApi('GET', `/charters/${draft.id}`)).body;
  assert.equal(c2.approvals.length, c0.approvals.length + 1);
  assert.equal(c2.text, DRAFT_TEXT);
  assert.notEqual(c2.status, 'approved');

  // The text alone: the secretary's, not the chair's.
  const text = await api('chair', 'PUT', `/charters/${draft.id}`, { text: 'Formandskabets egen tekst' });
  expectOutcome(apiOutcome(text), FORBIDDEN, `PUT /api/v1/charters/${draft.id} (text) as chair`);
  const sec = await api('secretary', 'PUT', `/charters/${draft.id}`, { text: DRAFT_TEXT + ' Rettet.' });
  expectOutcome(apiOutcome(sec), OK, `PUT /api/v1/charters/${draft.id} (text) as secretary`);
  // Who may not see the draft: it does not exist (404), for the public too.
  for (const role of ['public', 'noPerson', 'secretaryC']) {
    const r = await api(role, 'PUT', `/charters/${draft.id}`, { text: 'x' });
    expectOutcome(apiOutcome(r), HIDDEN,
      `PUT /api/v1/charters/${draft.id} as ${role}`);
    assert.ok(!JSON.stringify(r.body).includes(DRAFT_TITLE), `PUT /api/v1/charters/${draft.id} as ${role} names the draft`);
  }
  assert.equal((await adminApi('GET', `/charters/${draft.id}`)).body.text, DRAFT_TEXT + ' Rettet.');
});
