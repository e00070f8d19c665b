/*
 * test_pdf.c - the agenda package and the minutes as PDF
 * (src/render/pdf_client.c running klynge-pdf, src/render/pdf.c).
 *
 * The fixture is the extraordinary meeting of Det Administrative
 * Kontaktforum on 23-06-2022 (seed 001): five items ending with
 * "Eventuelt". For the test, item 3 is closed, item 1 has a PDF
 * attachment (made by klynge-pdf itself from a tiny meeting, so the
 * test links no cairo) and a Word file, item 2 has a "PDF" that is
 * garbage. Editions are made from access_meeting_view, as the server
 * does: the public's view and an administrator's.
 *
 * The PDFs are read back with poppler-utils (pdftotext, pdfinfo):
 * every title present, Danish letters extracted, the closed item's
 * texts absent from the public edition but its title present, the
 * table of contents' page numbers where the items begin, attachment
 * pages included, a garbage attachment not failing the document.
 *
 * KLYNGE_PDF_BIN names the builder (meson passes the one it built).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/access.h"
#include "core/meeting.h"
#include "render/pdf.h"
#include "util/buf.h"
#include "fixture.h"

#define DATE 20220623

static char tmpdir[64];

/* ---- the fixture: seed 001 ------------------------------------------- */

static const char *TITLES[5] = {
	"Godkendelse af ny organisering med sundhedsklynger",
	"Drøftelse af skitserede forslag til sagsflows",
	"Godkendelse af generiske kommissorier for det politiske- og "
	"fagligt strategiske niveau i de syddanske sundhedsklynger",
	"Godkendelse af notat om sekretariatsbetjening af det politiske- og "
	"fagligt strategiske niveau i de syddanske sundhedsklynger",
	"Eventuelt",
};

/* Words only in the closed item's texts (item 3). */
#define SECRET_TEXT "bekendtgørelsen om sundhedsklynger"
#define SECRET_DECISION "pårørendeinddragelse skal specificeres"

struct fixture {
	struct fx f;
	int64_t body;
	struct meeting m;
	struct agenda_item items[5];
	struct attendance att[5];
	struct attachment a1[2], a2[1];
	struct meeting_event ev[1];
	struct buf bilag;		/* a PDF made by klynge-pdf */
	int bilag_pages;
};

static struct fixture F;

static void build_structure(struct fixture *x)
{
	struct fx *f = &x->f;
	fx_init(f);
	int64_t region = fx_org(f, "Region Syddanmark", ORG_REGION,
				SECTOR_REGION, 0);
	int64_t vejle = fx_org(f, "Vejle Kommune", ORG_MUNICIPALITY,
			       SECTOR_MUNICIPALITY, 0);
	int64_t plo = fx_org(f, "PLO Syddanmark", ORG_GP_ORGANISATION,
			     SECTOR_GENERAL_PRACTICE, 0);
	x->body = fx_body(f, "Det Administrative Kontaktforum", BODY_OTHER, 0);
	fx_body_get(f, x->body)->region_id = region;
	int64_t ms[5];
	ms[0] = fx_seated(f, "Kirsten Ørum Jæger", x->body, ROLE_CHAIR,
			  FUNC_GROUP_DIRECTOR, region, 20200101, 0);
	ms[1] = fx_seated(f, "Søren Åberg", x->body, ROLE_CO_CHAIR,
			  FUNC_DIRECTOR, vejle, 20200101, 0);
	ms[2] = fx_seated(f, "Mette Bødker", x->body, ROLE_MEMBER, FUNC_GP,
			  plo, 20200101, 0);
	ms[3] = fx_seated(f, "Jørgen Ærø", x->body, ROLE_MEMBER,
			  FUNC_DIRECTOR, vejle, 20200101, 0);
	ms[4] = fx_seated(f, "Åse Møller", x->body, ROLE_MEMBER,
			  FUNC_HEAD_OF_UNIT, region, 20200101, 0);
	static const enum attendance_status st[5] = {
		ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_PRESENT, ATTEND_APOLOGY,
		ATTEND_ABSENT };
	for (int i = 0; i < 5; i++)
		x->att[i] = (struct attendance){ .id = i + 1, .meeting_id = 1,
			.membership_id = ms[i], .status = st[i],
			.note = i == 1 ? "deltog virtuelt" : "" };
}

static void item_init(struct agenda_item *it, int n, enum item_kind kind)
{
	memset(it, 0, sizeof(*it));
	it->id = 100 + n;
	it->meeting_id = 1;
	it->number = n;
	it->title = TITLES[n - 1];
	it->case_number = "22/17744";
	it->kind = kind;
	it->summary = it->presentation = it->recommended_by = "";
	it->resolutions = it->dissent = it->guests = it->decision = "";
	it->created = it->modified = "2022-06-16T08:00:00Z";
}

static struct attachment attachment(int64_t id, int64_t item, int pos,
				    const char *name, const char *type)
{
	return (struct attachment){ .id = id, .item_id = item, .position = pos,
		.token = "0123456789abcdef0123456789abcdef", .filename = name,
		.media_type = type, .size = 1, .sha256 = "", .created = "" };
}

static void build_meeting(struct fixture *x)
{
	struct meeting *m = &x->m;
	memset(m, 0, sizeof(*m));
	m->id = 1;
	m->body_id = x->body;
	m->kind = MEETING_EXTRAORDINARY;
	m->state = MEETING_MINUTES_APPROVED;
	m->title = "";
	m->date = DATE;
	m->start_min = 870;
	m->end_min = 930;
	m->place = "Virtuelt";
	m->online_url = "";
	m->was_published = true;
	m->created = m->modified = "2022-06-16T08:00:00Z";

	struct agenda_item *it = x->items;
	item_init(&it[0], 1, ITEM_APPROVAL);
	it[0].case_number = "2217744";
	it[0].summary =
		"Den 9. juni 2022 blev forslag til lov om ændring af "
		"sundhedsloven (Etablering af sundhedsklynger og "
		"sundhedssamarbejdsudvalg m.v.) vedtaget. Loven træder i kraft "
		"den 1. juli 2022 (se bilag 1).\n\n"
		"Loven fastlægger, at der etableres 21 nye sundhedsklynger, "
		"heraf fire i Syddanmark.";
	it[0].presentation =
		"#### Baggrund\n\n"
		"I løbet af foråret har Det Administrative Kontaktforum drøftet, "
		"hvordan forummet ser den kommende **tværsektorielle "
		"administrative organisering** under det nye "
		"Sundhedssamarbejdsudvalg og de nye sundhedsklynger.\n\n"
		"Efter de seneste drøftelser på mødet den 19. maj 2022 er "
		"notatet nu klar til *endelig godkendelse*.\n\n"
		"<script>alert('x')</script>\n";
	it[0].recommended_by = "Koordinationsgruppen indstiller, at Det "
			       "Administrative Kontaktforum";
	it[0].resolutions = "Godkender Organisering under "
			    "Sundhedssamarbejdsudvalg og sundhedsklynger (bilag 2)";
	it[0].decision =
		"Det Administrative Kontaktforum godkendte organiseringen under "
		"Sundhedssamarbejdsudvalget og sundhedsklynger med følgende "
		"bemærkninger:\n\n"
		"- I det fagligt strategiske niveau skrives det ind, at det skal "
		"være muligt at udpege suppleanter.\n"
		"- I beskrivelsen af klyngesekretariaterne præciseres det, at "
		"opgavedelingen fastlægges lokalt.\n";
	it[0].outcome = OUTCOME_APPROVED_CHANGED;
	x->a1[0] = attachment(11, it[0].id, 1,
			      "Lov om ændring af sundhedsloven_som vedtaget.pdf",
			      "application/pdf");
	x->a1[1] = attachment(12, it[0].id, 2,
			      "Organisering under Sundhedssamarbejdsudvalg.docx",
			      "application/vnd.openxmlformats-officedocument."
			      "wordprocessingml.document");
	it[0].attachments = x->a1;
	it[0].n_attachments = 2;

	item_init(&it[1], 2, ITEM_DISCUSSION);
	it[1].presentation =
		"Som grundlag for drøftelsen har Koordinationsgruppen "
		"udarbejdet 2 eksempler på sagsflow:\n\n"
		"1. fra Sundhedssamarbejdsudvalget til klyngerne\n"
		"2. skalering af en lokal indsats\n";
	it[1].recommended_by = it[0].recommended_by;
	it[1].resolutions = "Drøfter modeller for sagsflow mellem "
			    "Sundhedssamarbejdsudvalget, Sundhedsstrategisk "
			    "Styregruppe og klyngerne.";
	it[1].decision = "Det Administrative Kontaktforum drøftede de "
			 "vedlagte eksempler på sagsflows.";
	it[1].outcome = OUTCOME_DISCUSSED;
	x->a2[0] = attachment(21, it[1].id, 1,
			      "Eksempler på modeller for sagsflow.pdf",
			      "application/pdf");
	it[1].attachments = x->a2;
	it[1].n_attachments = 1;

	item_init(&it[2], 3, ITEM_APPROVAL);
	it[2].closed = true;
	it[2].summary = "Kommissorierne vil blive tilrettet i overensstemmelse "
			"med " SECRET_TEXT ", når den foreligger.";
	it[2].presentation = "### Proces\n\nSåfremt kommissoriet godkendes, "
			     "sendes det til Sundhedssamarbejdsudvalget.";
	it[2].dissent = "Regionen ønskede en anden formulering.";
	it[2].decision = "Beskrivelsen af patient- og " SECRET_DECISION
			 " ud fra ordlyden i bemærkningerne til lovteksten.";
	it[2].outcome = OUTCOME_APPROVED;

	item_init(&it[3], 4, ITEM_APPROVAL);
	it[3].summary = "Region og kommuner i sundhedsklyngen samarbejder om "
			"at sekretariatsbetjene sundhedsklyngen.";
	it[3].decision = "Det Administrative Kontaktforum godkendte notatet om "
			 "sekretariatsbetjening af sundhedsklyngerne.";
	it[3].outcome = OUTCOME_APPROVED;

	item_init(&it[4], 5, ITEM_AOB);
	it[4].case_number = "";
	it[4].presentation = "Idet Det Administrative Kontaktforum pr. 30. juni "
			     "2022 nedlægges, er dette det sidste møde.";
	it[4].decision = "Dette var sidste møde i Det Administrative "
			 "Kontaktforum, og der blev takket for godt samarbejde.";

	m->items = it;
	m->n_items = 5;
	m->attendance = x->att;
	m->n_attendance = 5;
	x->ev[0] = (struct meeting_event){ .id = 1, .from = MEETING_HELD,
		.to = MEETING_MINUTES_APPROVED, .actor = "admin",
		.at = "2022-08-12T08:00:00Z" };
	m->events = x->ev;
	m->n_events = 1;
}

/* ---- helpers ------------------------------------------------------------ */

static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_put(&b, chunk, n);
	pclose(p);
	buf_puts(&b, "");
	return buf_detach(&b);
}

static void save(const char *path, const struct buf *b)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(b->data, 1, b->len, fp), b->len);
	fclose(fp);
}

/* Whitespace runs (line breaks included) as one space, so a title that
 * wraps in the PDF still matches. In place. */
static char *squash(char *s)
{
	char *w = s;
	bool space = false;
	for (char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			space = true;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

/* The text of pages first..last (0, 0 = all), whitespace squashed. */
static char *text(const char *pdf, int first, int last)
{
	char cmd[512];
	if (first)
		snprintf(cmd, sizeof(cmd), "pdftotext -q -f %d -l %d '%s' -",
			 first, last, pdf);
	else
		snprintf(cmd, sizeof(cmd), "pdftotext -q '%s' -", pdf);
	return squash(run(cmd));
}

static int pages(const char *pdf)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' | awk '/^Pages:/ {print $2}'",
		 pdf);
	char *s = run(cmd);
	int n = atoi(s);
	free(s);
	return n;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* s without whitespace and hyphens, malloc'ed: pdftotext joins a word
 * hyphenated at a line end ("politiske-" + "og" -> "politiskeog"), so
 * titles are compared in this form. */
static char *flat(const char *s)
{
	char *o = malloc(strlen(s) + 1), *w = o;
	assert_non_null(o);
	for (; *s; s++)
		if (!isspace((unsigned char)*s) && *s != '-')
			*w++ = *s;
	*w = '\0';
	return o;
}

/* At least n times needle in hay (compared flat); says which text was
 * missing. */
static void expect(const char *hay, const char *needle, int n)
{
	char *fh = flat(hay), *fn = flat(needle);
	int c = count(fh, fn);
	free(fh);
	free(fn);
	if (c < n)
		print_error("expected %d x \"%s\", found %d in:\n%s\n", n,
			    needle, c, hay);
	assert_true(c >= n);
}

/* The meeting as principal p sees it. */
static struct meeting view(struct arena *a, bool public)
{
	struct principal pub = { 0, 0, false }, admin = { 1, 0, true };
	struct meeting out;
	assert_true(access_meeting_view(a, &F.f.s, public ? &pub : &admin,
					&F.m, DATE, &out));
	return out;
}

/* Makes a document and writes it to tmpdir/name; returns the path
 * (static storage per call site is not needed: arena-owned). */
static const char *make(struct arena *a, enum document_kind kind,
			bool public, const char *name)
{
	static const char garbage[] = "%PDF-1.7\n%\xe2\xe3 not really a pdf\n"
				      "%%EOF\n";
	struct meeting v = view(a, public);
	struct pdf_attachment_data att[2] = {
		{ &F.a1[0], F.bilag.data, F.bilag.len },
		{ &F.a2[0], garbage, sizeof(garbage) - 1 },
	};
	struct buf out = BUF_INIT;
	struct err err = { 0 };
	int rc = pdf_meeting_document(a, &F.f.s, &v, kind, public, att, 2,
				      &out, &err);
	if (rc != 0)
		print_error("pdf_meeting_document: %s\n", err.msg);
	assert_int_equal(rc, 0);
	assert_true(out.len > 1000);
	assert_memory_equal(out.data, "%PDF-", 5);
	char *path = arena_printf(a, "%s/%s", tmpdir, name);
	save(path, &out);
	buf_free(&out);
	return path;
}

/* ---- setup: the attachment, made by klynge-pdf from a tiny meeting ---- */

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/klynge-test-pdf.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	build_structure(&F);
	build_meeting(&F);

	struct fx *f = &F.f;
	int64_t b = fx_body(f, "Testforum for bilag", BODY_OTHER, 0);
	struct agenda_item it;
	item_init(&it, 1, ITEM_INFORMATION);
	it.title = "Bilagets eneste punkt";
	it.presentation = "Dette er bilagets tekst: Lovændringen træder i kraft.";
	struct meeting m = { .id = 2, .body_id = b, .kind = MEETING_ORDINARY,
		.state = MEETING_PUBLISHED, .title = "", .date = 20220609,
		.start_min = 600, .end_min = 660, .place = "", .online_url = "",
		.items = &it, .n_items = 1 };
	struct err err = { 0 };
	struct buf out = BUF_INIT;
	if (pdf_meeting_document(&f->a, &f->s, &m, DOCUMENT_AGENDA, false,
				 NULL, 0, &out, &err) != 0) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	F.bilag = out;
	char *p = arena_printf(&f->a, "%s/bilag.pdf", tmpdir);
	save(p, &F.bilag);
	F.bilag_pages = pages(p);
	return F.bilag_pages > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	/* KLYNGE_TEST_KEEP=1 keeps the PDFs to look at. */
	if (getenv("KLYNGE_TEST_KEEP"))
		fprintf(stderr, "PDFs kept in %s\n", tmpdir);
	else if (system(cmd) != 0)
		return -1;
	buf_free(&F.bilag);
	fx_free(&F.f);
	return 0;
}

/* ---- tests -------------------------------------------------------------- */

/* The full agenda: cover, every title, Danish letters, sections, the
 * closed item in full with its marker, metadata. */
static void test_agenda_full(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_AGENDA, false, "agenda-full.pdf");
	char *t = text(pdf, 0, 0);
	assert_non_null(strstr(t, "Det Administrative Kontaktforum"));
	assert_non_null(strstr(t, "Dagsorden"));
	assert_non_null(strstr(t, "Ekstraordinært møde"));
	assert_non_null(strstr(t, "23. juni 2022"));
	assert_non_null(strstr(t, "14:30–15:30"));
	assert_non_null(strstr(t, "Kirsten Ørum Jæger"));
	assert_null(strstr(t, "Offentlig udgave"));
	for (int i = 0; i < 5; i++) {
		char want[256];
		snprintf(want, sizeof(want), "Punkt %d: %s", i + 1, TITLES[i]);
		/* In the table of contents and as the item's heading. */
		expect(t, want, 2);
	}
	/* æøå and the sections of seed 001's layout. */
	assert_non_null(strstr(t, "Sagsnr.: 22/17744"));
	assert_non_null(strstr(t, "Resumé"));
	assert_non_null(strstr(t, "Sagsfremstilling"));
	assert_non_null(strstr(t, "Indstilling"));
	assert_non_null(strstr(t, "Koordinationsgruppen indstiller, at Det "
				  "Administrative Kontaktforum"));
	assert_non_null(strstr(t, "tværsektorielle administrative organisering"));
	assert_non_null(strstr(t, "Uenighed"));
	assert_non_null(strstr(t, "Lukket punkt"));
	assert_non_null(strstr(t, SECRET_TEXT));
	/* Markdown: raw HTML is not shown. */
	assert_null(strstr(t, "<script>"));
	assert_null(strstr(t, "alert("));
	/* The Word file is listed, not included. */
	assert_non_null(strstr(t, "Bilag 1.2: Organisering under "
				  "Sundhedssamarbejdsudvalg.docx (hentes i klynge)"));
	/* Minutes matter only in the minutes. */
	assert_null(strstr(t, "Beslutning for Punkt"));
	free(t);

	char cmd[512];
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s'", pdf);
	char *info = run(cmd);
	assert_non_null(strstr(info, "Dagsorden: Det Administrative "
				     "Kontaktforum 23. juni 2022"));
	assert_non_null(strstr(info, "Author:"));
	assert_non_null(strstr(info, "A4"));
	free(info);
	/* Outline and named destinations for each item and the bilag. */
	snprintf(cmd, sizeof(cmd), "pdfinfo -dests '%s'", pdf);
	char *dests = run(cmd);
	for (int i = 1; i <= 5; i++) {
		char want[32];
		snprintf(want, sizeof(want), "\"item-%d\"", i);
		assert_non_null(strstr(dests, want));
	}
	assert_non_null(strstr(dests, "\"bilag-1-1\""));
	free(dests);
	arena_free(&a);
}

/*
 * The table of contents: "Punkt N: ..." with the page where the item
 * begins. Read with -layout so each entry's number ends its line; the
 * page it names must start with that item's heading.
 */
static void test_agenda_toc_pages(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_AGENDA, false, "agenda-toc.pdf");
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "pdftotext -q -layout -f 1 -l 1 '%s' -", pdf);
	char *toc = run(cmd);
	int last = 1;
	for (int i = 1; i <= 5; i++) {
		char key[32];
		snprintf(key, sizeof(key), "Punkt %d: ", i);
		char *p = strstr(toc, key);
		assert_non_null(p);
		/* The entry's number: the first line from here ending in
		 * digits. */
		int page = 0;
		for (char *line = p; line && *line;) {
			char *eol = strchr(line, '\n');
			char *end = eol ? eol : line + strlen(line);
			char *q = end;
			while (q > line && isspace((unsigned char)q[-1]))
				q--;
			char *d = q;
			while (d > line && isdigit((unsigned char)d[-1]))
				d--;
			if (d < q && d > line && d[-1] == ' ') {
				page = atoi(d);
				break;
			}
			line = eol ? eol + 1 : NULL;
		}
		assert_true(page > last);
		last = page;
		char *pt = text(pdf, page, page);
		char want[256];
		snprintf(want, sizeof(want), "Punkt %d: %s", i, TITLES[i - 1]);
		/* The heading is the page's first text. */
		char *fp = flat(pt), *fw = flat(want);
		assert_ptr_equal(strstr(fp, fw), fp);
		free(pt);
		free(fp);
		if (page > 2) {
			char *prev = text(pdf, page - 1, page - 1);
			fp = flat(prev);
			assert_null(strstr(fp, fw));
			free(prev);
			free(fp);
		}
		free(fw);
	}
	free(toc);
	arena_free(&a);
}

/* The PDF attachment's pages are in the package, each with the note
 * "Bilag 1.1: ..." above it; the garbage one gets a page saying it could
 * not be included, and the document is made anyway. */
static void test_agenda_attachments(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_AGENDA, false, "agenda-att.pdf");
	int n = pages(pdf);
	char *t = text(pdf, 0, 0);
	/* The attachment's own text, once per page it has (its footer). */
	assert_int_equal(count(t, "Testforum for bilag · Dagsorden"),
			 F.bilag_pages);
	assert_non_null(strstr(t, "Dette er bilagets tekst: Lovændringen "
				  "træder i kraft."));
	for (int k = 1; k <= F.bilag_pages; k++) {
		char want[160];
		snprintf(want, sizeof(want), "Bilag 1.1: Lov om ændring af "
			 "sundhedsloven_som vedtaget.pdf (side %d af %d)", k,
			 F.bilag_pages);
		assert_int_equal(count(t, want), 1);
	}
	assert_int_equal(count(t, "Bilaget kunne ikke indsættes"), 1);
	assert_non_null(strstr(t, "Eksempler på modeller for sagsflow.pdf "
				  "(kunne ikke indsættes – hentes i klynge)"));
	free(t);

	/* Without the attachments' bytes: listed, not included. */
	struct meeting v = view(&a, false);
	struct buf out = BUF_INIT;
	struct err err = { 0 };
	assert_int_equal(pdf_meeting_document(&a, &F.f.s, &v, DOCUMENT_AGENDA,
					      false, NULL, 0, &out, &err), 0);
	char *p2 = arena_printf(&a, "%s/agenda-noatt.pdf", tmpdir);
	save(p2, &out);
	buf_free(&out);
	/* The bilag's pages and the garbage page are gone. */
	assert_int_equal(pages(p2), n - F.bilag_pages - 1);
	t = text(p2, 0, 0);
	assert_non_null(strstr(t, "(ikke indsat – hentes i klynge)"));
	assert_null(strstr(t, "Bilaget kunne ikke indsættes"));
	free(t);
	arena_free(&a);
}

/* The public edition: the closed item by number and title with the
 * line "Lukket punkt – behandles for lukkede døre.", none of its texts. */
static void test_agenda_public(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_AGENDA, true, "agenda-public.pdf");
	char *t = text(pdf, 0, 0);
	assert_non_null(strstr(t, "Offentlig udgave"));
	for (int i = 0; i < 5; i++)
		expect(t, TITLES[i], 1);
	assert_int_equal(count(t, "Lukket punkt – behandles for lukkede døre."),
			 1);
	assert_null(strstr(t, SECRET_TEXT));
	assert_null(strstr(t, SECRET_DECISION));
	assert_null(strstr(t, "Regionen ønskede en anden formulering"));
	assert_null(strstr(t, "Såfremt kommissoriet godkendes"));
	/* Public items in full. */
	assert_non_null(strstr(t, "tværsektorielle administrative organisering"));
	free(t);
	arena_free(&a);
}

/* The minutes, as seed 001 reads: "Beslutning for Punkt N: <title>"
 * after each item, attendance grouped, the approval line. */
static void test_minutes_full(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_MINUTES, false, "minutes-full.pdf");
	char *t = text(pdf, 0, 0);
	assert_non_null(strstr(t, "Referat"));
	for (int i = 0; i < 5; i++) {
		char want[256];
		snprintf(want, sizeof(want), "Beslutning for Punkt %d: %s",
			 i + 1, TITLES[i]);
		expect(t, want, 2);	/* TOC and heading */
	}
	assert_non_null(strstr(t, "Til stede"));
	assert_non_null(strstr(t, "Søren Åberg, Vejle Kommune (deltog virtuelt)"));
	assert_non_null(strstr(t, "Afbud"));
	assert_non_null(strstr(t, "Jørgen Ærø"));
	assert_non_null(strstr(t, "Fraværende"));
	assert_non_null(strstr(t, "Åse Møller"));
	assert_non_null(strstr(t, "I det fagligt strategiske niveau skrives "
				  "det ind, at det skal være muligt at udpege "
				  "suppleanter."));
	assert_non_null(strstr(t, "Resultat: Godkendt med ændringer"));
	assert_non_null(strstr(t, SECRET_DECISION));
	assert_non_null(strstr(t, "Referatet er godkendt den 12. august 2022."));
	/* The minutes list attachments; they do not include them. */
	assert_null(strstr(t, "Dette er bilagets tekst"));
	assert_null(strstr(t, "Bilaget kunne ikke indsættes"));
	free(t);
	arena_free(&a);
}

static void test_minutes_public(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *pdf = make(&a, DOCUMENT_MINUTES, true, "minutes-public.pdf");
	char *t = text(pdf, 0, 0);
	assert_non_null(strstr(t, "Offentlig udgave"));
	for (int i = 0; i < 5; i++)
		expect(t, TITLES[i], 1);
	assert_non_null(strstr(t, "Lukket punkt – behandlet for lukkede døre."));
	assert_null(strstr(t, SECRET_TEXT));
	assert_null(strstr(t, SECRET_DECISION));
	assert_null(strstr(t, "Beslutning for Punkt 3"));
	assert_non_null(strstr(t, "Beslutning for Punkt 1"));
	/* The public sees no attendance (access_meeting_view). */
	assert_null(strstr(t, "Fraværende"));
	assert_non_null(strstr(t, "Referatet er godkendt"));
	free(t);
	arena_free(&a);
}

/* Failures come back as Danish messages, not crashes. */
static void test_errors(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct buf out = BUF_INIT;
	struct err err = { 0 };
	const char *saved = getenv("KLYNGE_PDF_BIN");
	char *keep = saved ? strdup(saved) : NULL;

	setenv("KLYNGE_PDF_BIN", "/nonexistent/klynge-pdf", 1);
	assert_int_equal(pdf_meeting_document(&a, &F.f.s, &F.m,
					      DOCUMENT_AGENDA, false, NULL, 0,
					      &out, &err), ERR_INTERNAL);
	assert_non_null(strstr(err.msg, "PDF'en kunne ikke dannes"));
	assert_int_equal(out.len, 0);

	setenv("KLYNGE_PDF_BIN", "/bin/false", 1);
	assert_int_equal(pdf_meeting_document(&a, &F.f.s, &F.m,
					      DOCUMENT_MINUTES, false, NULL, 0,
					      &out, &err), ERR_INTERNAL);
	assert_non_null(strstr(err.msg, "PDF'en kunne ikke dannes"));
	assert_int_equal(out.len, 0);

	/* A builder that writes something that is not a PDF. */
	setenv("KLYNGE_PDF_BIN", "/bin/cat", 1);
	assert_int_equal(pdf_meeting_document(&a, &F.f.s, &F.m,
					      DOCUMENT_AGENDA, false, NULL, 0,
					      &out, &err), ERR_INTERNAL);
	assert_non_null(strstr(err.msg, "ikke en PDF"));
	assert_int_equal(out.len, 0);

	if (keep) {
		setenv("KLYNGE_PDF_BIN", keep, 1);
		free(keep);
	} else {
		unsetenv("KLYNGE_PDF_BIN");
	}
	assert_int_equal(pdf_meeting_document(&a, &F.f.s, &F.m,
					      DOCUMENT_KIND_NONE, false, NULL,
					      0, &out, &err), ERR_INVALID);
	buf_free(&out);
	arena_free(&a);
}

/* The server calls it from several threads at once. */
struct job {
	int rc;
	size_t len;
};

static void *job_run(void *arg)
{
	struct job *j = arg;
	struct arena a;
	arena_init(&a);
	struct buf out = BUF_INIT;
	struct err err = { 0 };
	struct pdf_attachment_data att = { &F.a1[0], F.bilag.data,
					   F.bilag.len };
	j->rc = pdf_meeting_document(&a, &F.f.s, &F.m, DOCUMENT_AGENDA, false,
				     &att, 1, &out, &err);
	j->len = out.len;
	buf_free(&out);
	arena_free(&a);
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	enum { N = 6 };
	pthread_t th[N];
	struct job jobs[N];
	for (int i = 0; i < N; i++)
		assert_int_equal(pthread_create(&th[i], NULL, job_run,
						&jobs[i]), 0);
	for (int i = 0; i < N; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < N; i++) {
		assert_int_equal(jobs[i].rc, 0);
		/* Same document; only the creation time may differ. */
		assert_true(jobs[i].len > 1000);
		assert_true(jobs[i].len + 64 > jobs[0].len &&
			    jobs[0].len + 64 > jobs[i].len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agenda_full),
		cmocka_unit_test(test_agenda_toc_pages),
		cmocka_unit_test(test_agenda_attachments),
		cmocka_unit_test(test_agenda_public),
		cmocka_unit_test(test_minutes_full),
		cmocka_unit_test(test_minutes_public),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
