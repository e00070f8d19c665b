/*
 * meeting_notes.c - members' private notes on agenda items [private
 * noter] (issue 3: a member "reads everything of the body, closed items
 * included, and may annotate privately").
 *
 *   GET  /items/:id            the item page calls meeting_notes_form
 *   POST /items/:id/note       saves the note; 303 back to the item page
 *   GET  /api/v1/items/:id/note    {"item_id": .., "text": ".."}
 *   PUT  /api/v1/items/:id/note    {"text": ".."} -> the same
 *
 * Who may keep a note is core's access_annotate (members, chairs, the
 * secretariat, administrators, the item's case handler). A note is read
 * and written only under req->principal.account_id: no handler here
 * takes an account from the request, so nobody can reach another
 * account's note, and no other surface (meeting page, agenda, PDF, API
 * item, OParl, feeds, Historik) reads the table at all. Saving writes
 * no audit row (store.h, "annotations"). Every answer depends on who
 * asks, so none is cached.
 */
#include "meeting.h"

#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../../core/access.h"
#include "../../store/store.h"
#include "../../util/date.h"
#include "../api/api.h"
#include "pages.h"

/* Longest note, in characters (the table's CHECK says the same). */
#define NOTE_MAX 20000

static const char TOO_LONG[] =
	"Noten er for lang. Den må højst være på 20.000 tegn.";
static const char BAD_TEXT[] = "Noten indeholder ugyldige tegn.";
static const char ITEM_NOT_FOUND[] = "Punktet findes ikke.";

static void note_post(struct request *req, struct response *res);
static void note_api_get(struct request *req, struct response *res);
static void note_api_put(struct request *req, struct response *res);

const struct route note_routes[] = {
	{ "POST", "/items/:id/note", note_post },
	{ "GET", "/api/v1/items/:id/note", note_api_get },
	{ "PUT", "/api/v1/items/:id/note", note_api_put },
	{ NULL, NULL, NULL },
};

/* Characters (UTF-8 code points) in s. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			n++;
	return n;
}

/* Only whitespace? Such a note is no note: saving it deletes. */
static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

/* Checks a note's text; NULL when it may be saved, else the Danish
 * problem (and *status: 422). */
static const char *note_problem(const char *text)
{
	if (!web_utf8_valid(text, strlen(text)))
		return BAD_TEXT;
	if (utf8_chars(text) > NOTE_MAX)
		return TOO_LONG;
	return NULL;
}

static bool may_annotate(struct request *req, const struct meeting *m,
			 const struct agenda_item *it)
{
	return access_annotate(web_structure_full(req), &req->principal, m,
			       it, date_today());
}

/* The full item of the stored meeting with this id (NULL if none). */
static const struct agenda_item *full_item(const struct meeting *m,
					   int64_t id)
{
	for (size_t i = 0; i < m->n_items; i++)
		if (m->items[i].id == id)
			return &m->items[i];
	return NULL;
}

/*
 * The "Mine private noter" section of the item page, for those who may
 * annotate (nothing for others). After a refused POST to the note's
 * URL the text just sent is shown again instead of the stored one, so
 * nothing typed is lost.
 */
void meeting_notes_form(struct request *req, struct response *res,
			const struct mtg *c, const struct agenda_item *vit)
{
	req->no_cache = true;
	const struct agenda_item *it = full_item(&c->full, vit->id);
	if (!it || !may_annotate(req, &c->full, it))
		return;
	const char *text = NULL;
	bool again = req->method && strcmp(req->method, "POST") == 0 &&
		     req->path && strstr(req->path, "/note");
	if (again)
		text = req_form(req, "text");
	if (!text) {
		struct err err = { 0 };
		if (store_annotation_get(req->app->store, req->arena,
					 req->principal.account_id, it->id,
					 &text, &err) != 0)
			text = "";
	}
	html(res, "<section id=\"noter\" class=\"private-notes\">\n"
		  "<h2>Mine private noter (kun synlige for dig)</h2>\n");
	html_printf(res, "<form class=\"edit-form\" method=\"post\" action=\"/items/%lld/note\">",
		    (long long)it->id);
	html_csrf(req, res);
	html(res, "<div class=\"field\"><label for=\"f-note\">Din note til punktet</label>"
		  "<p class=\"hint\" id=\"f-note-hint\">Kun du kan se noten – ikke andre "
		  "medlemmer, sekretariatet eller administratorer, og den kommer ikke "
		  "med i dagsorden, referat, PDF eller historik. Højst 20.000 tegn; "
		  "gem en tom note for at slette den.</p>"
		  "<textarea id=\"f-note\" name=\"text\" rows=\"6\" aria-describedby=\"f-note-hint\"");
	if (again)
		html(res, " aria-invalid=\"true\"");
	/* The newline a browser drops after <textarea>: a note that starts
	 * with one keeps it. */
	html(res, ">\n");
	html_txt(res, text);
	html(res, "</textarea></div>"
		  "<div class=\"form-actions actions\"><button type=\"submit\">Gem note</button></div>"
		  "</form>\n</section>\n");
}

/* POST /items/:id/note: text -> saved (empty: deleted), 303 back. */
static void note_post(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	req->no_cache = true;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit))
		return;
	if (!vit || !may_annotate(req, &c.full, it)) {
		if (!req->principal.account_id)
			res_redirect(res, arena_printf(req->arena,
				"/login?next=%%2Fitems%%2F%lld", (long long)it->id));
		else
			page_error(req, res, 403,
				   "Du har ikke ret til at skrive noter til dette punkt.");
		return;
	}
	const char *text = req_form(req, "text");
	if (!text)
		text = "";
	const char *problem = note_problem(text);
	if (problem) {
		mtg_item_page(req, res, &c, vit, 422, problem);
		return;
	}
	struct err err = { 0 };
	if (store_annotation_set(req->app->store, req->principal.account_id,
				 it->id, blank(text) ? "" : text,
				 (int64_t)time(NULL), &err) != 0) {
		mtg_item_page(req, res, &c, vit, 500, err.msg);
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/items/%lld#noter",
				       (long long)it->id));
}

/* ---- the API -------------------------------------------------------------- */

/* The stored meeting holding item id and the item in it, when the
 * principal may see the meeting and annotate the item; otherwise the
 * answer (404 for what they may not see, 401/403) and false. */
static bool api_note_item(struct request *req, struct response *res,
			  struct meeting *m, const struct agenda_item **it)
{
	int64_t id = req_param_id(req, 0), mid = 0;
	struct err err = { 0 };
	req->no_cache = true;
	memset(m, 0, sizeof(*m));
	if (!id || store_item_meeting(req->app->store, id, &mid, &err) != 0 ||
	    store_meeting_get(req->app->store, req->arena, mid, m, &err) != 0 ||
	    !web_may_meeting(req, m, NULL, WEB_MEETING_VIEW) ||
	    !(*it = full_item(m, id))) {
		if (err.kind && err.kind != ERR_NOT_FOUND)
			api_error(res, 500, err.code[0] ? err.code : "internal",
				  "%s", err.msg);
		else
			api_error(res, 404, "not_found", "%s", ITEM_NOT_FOUND);
		return false;
	}
	if (!may_annotate(req, m, *it)) {
		if (!req->principal.account_id)
			api_error(res, 401, "login_required",
				  "Du skal være logget ind for at se og skrive noter.");
		else
			api_error(res, 403, "forbidden",
				  "Du har ikke ret til at skrive noter til dette punkt.");
		return false;
	}
	return true;
}

static void note_send(struct response *res, int64_t item_id,
		      const char *text)
{
	json_t *j = json_pack("{s:I, s:s}", "item_id", (json_int_t)item_id,
			      "text", text ? text : "");
	api_send(res, 200, j);
}

/* GET /api/v1/items/:id/note: the caller's own note ("" if none). */
static void note_api_get(struct request *req, struct response *res)
{
	struct meeting m;
	const struct agenda_item *it;
	const char *text = "";
	struct err err = { 0 };
	if (!api_note_item(req, res, &m, &it))
		return;
	if (store_annotation_get(req->app->store, req->arena,
				 req->principal.account_id, it->id, &text,
				 &err) != 0) {
		api_error(res, 500, "internal", "%s", err.msg);
		return;
	}
	note_send(res, it->id, text);
}

/* PUT /api/v1/items/:id/note {"text": ".."}: saves the caller's own
 * note ("" deletes it). */
static void note_api_put(struct request *req, struct response *res)
{
	struct meeting m;
	const struct agenda_item *it;
	struct err err = { 0 };
	if (!api_note_item(req, res, &m, &it))
		return;
	json_t *body = api_in_body(req, res);
	if (!body)
		return;
	json_t *t = json_object_get(body, "text");
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "text") != 0) {
			api_error(res, 400, "unknown_field",
				  "Ukendt felt: %s", key);
			json_decref(body);
			return;
		}
	}
	if (!json_is_string(t)) {
		api_error(res, 400, "bad_type",
			  "Feltet text skal være en tekst.");
		json_decref(body);
		return;
	}
	const char *text = arena_strdup(req->arena, json_string_value(t));
	json_decref(body);
	const char *problem = note_problem(text);
	if (problem) {
		api_error(res, 422, problem == TOO_LONG ? "too_long" : "invalid",
			  "%s", problem);
		return;
	}
	if (blank(text))
		text = "";
	if (store_annotation_set(req->app->store, req->principal.account_id,
				 it->id, text, (int64_t)time(NULL), &err) != 0) {
		api_error(res, 500, "internal", "%s", err.msg);
		return;
	}
	note_send(res, it->id, text);
}
