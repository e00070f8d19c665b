/*
 * admin.c - account administration for administrators (issue 3,
 * leftovers): "Brugere".
 *
 *   GET  /admin/accounts                         the list
 *   GET  /admin/accounts/new                     the form for a new account
 *   POST /admin/accounts/new                     create; the generated
 *                                                password is shown once
 *   GET  /admin/accounts/:id                     one account: edit, password
 *                                                reset, (de)activate, API keys
 *   POST /admin/accounts/:id                     save name, person, administrator
 *   POST /admin/accounts/:id/password            new generated password (shown
 *                                                once); every session ends
 *   POST /admin/accounts/:id/disable|enable
 *   POST /admin/accounts/:id/tokens              new API key (shown once)
 *   POST /admin/accounts/:id/tokens/:tid/revoke
 *
 * Every handler asks web_authorize_admin first (the one gate: the public
 * is sent to log in, others get 403). Forms are plain POST forms with
 * the session's CSRF token (checked by the request gate), no JavaScript.
 * Passwords and API keys are generated here (auth.c), shown once on the
 * answer to the POST and never stored in clear; the store audits every
 * change as a change of the account.
 *
 * An administrator cannot take away their own administrator right or
 * disable their own account: klynge would otherwise be one click from
 * having no administrator at all.
 */
#include "pages.h"
#include "forms.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../../util/num.h"

static const char SELF_DEMOTE[] =
	"Du kan ikke fjerne din egen administratorret. Bed en anden administrator om det.";
static const char SELF_DISABLE[] =
	"Du kan ikke deaktivere din egen konto. Bed en anden administrator om det.";

/* ---- small pieces --------------------------------------------------- */

/* Unix seconds as Danish local time ("3. marts 2025 kl. 14.05"); "–"
 * for 0. */
static void html_unix_time(struct response *res, int64_t t)
{
	if (t <= 0) {
		html(res, "–");
		return;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	char utc[32], out[64];
	if (!gmtime_r(&tt, &tm) ||
	    strftime(utc, sizeof(utc), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		html(res, "–");
		return;
	}
	audit_time_da(utc, out, sizeof(out));
	html_txt(res, out);
}

static void crumbs(struct response *res, const char *current)
{
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\">"
		  "<a href=\"/admin/accounts\">Brugere</a>");
	if (current) {
		html(res, "<span>›</span>");
		html_txt(res, current);
	}
	html(res, "</nav>\n");
}

static void error_summary(struct response *res, const char *message)
{
	if (!message)
		return;
	html(res, "<div class=\"error-summary\" role=\"alert\"><p>");
	html_txt(res, message);
	html(res, "</p></div>\n");
}

/* A value shown once (a password or an API key), with a warning. */
static void secret_box(struct response *res, const char *id,
		       const char *what, const char *value)
{
	html(res, "<div class=\"notice\" role=\"status\"><p>");
	html_txt(res, what);
	html(res, " vises kun denne ene gang – kopiér den nu, og giv den videre "
		  "på en sikker måde:</p>\n<p><code class=\"secret\" id=\"");
	html_attr(res, id);
	html(res, "\">");
	html_txt(res, value);
	html(res, "</code></p></div>\n");
}

/* The person select (all people; "(ingen)" first). */
static void person_select(struct request *req, struct response *res,
			  int64_t selected)
{
	const struct structure *s = web_structure_full(req);
	struct opts o = opts_people(req->arena, s);
	html(res, "<div class=\"field\"><label for=\"person\">Person</label>"
		  "<p class=\"hint\">Kontoens roller kommer fra personens "
		  "medlemskaber.</p><select id=\"person\" name=\"person\">"
		  "<option value=\"\">(ingen)</option>");
	for (size_t i = 0; i < o.n; i++) {
		bool sel = selected && num_positive(o.items[i].value) == selected;
		html(res, "<option value=\"");
		html_attr(res, o.items[i].value);
		html(res, sel ? "\" selected>" : "\">");
		html_txt(res, o.items[i].label);
		html(res, "</option>");
	}
	html(res, "</select></div>\n");
}

/* The person field of a POST: 0 for none; -1 when it names no person. */
static int64_t form_person(struct request *req)
{
	const char *v = req_form(req, "person");
	if (!v || !*v)
		return 0;
	int64_t id = num_positive(v);
	if (!id || !structure_person(web_structure_full(req), id))
		return -1;
	return id;
}

static bool form_checked(struct request *req, const char *name)
{
	const char *v = req_form(req, name);
	return v && *v;
}

/* The account named by :id (params[0]); a 404 page when there is none. */
static bool account_param(struct request *req, struct response *res,
			  struct account *acc)
{
	struct err err = { 0 };
	int64_t id = req_param_id(req, 0);
	if (!id || store_account_get(req->app->store, req->arena, id, acc,
				     &err) != 0) {
		page_error(req, res, err.kind == ERR_NOT_FOUND || !id ? 404 : 500,
			   !id || err.kind == ERR_NOT_FOUND
				   ? "Brugeren findes ikke."
				   : "Brugeren kan ikke vises lige nu.");
		return false;
	}
	return true;
}

static const char *account_url(struct request *req, int64_t id)
{
	return arena_printf(req->arena, "/admin/accounts/%lld", (long long)id);
}

/* ---- the list -------------------------------------------------------- */

static void admin_accounts(struct request *req, struct response *res)
{
	struct account *list = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res))
		return;
	if (store_account_list(req->app->store, req->arena, &list, &n, &err) != 0) {
		page_error(req, res, 500, "Brugerne kan ikke vises lige nu.");
		return;
	}
	const struct structure *s = web_structure_full(req);
	page_begin(req, res, "Brugere");
	html(res, "<h1>Brugere</h1>\n<p class=\"lead\">Konti, der kan logge ind. "
		  "En konto knyttet til en person får sine roller fra personens "
		  "medlemskaber; en administrator må alt.</p>\n"
		  "<p><a href=\"/admin/accounts/new\">Ny bruger</a></p>\n");
	html(res, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
		  "<th>Brugernavn</th><th>Navn</th><th>Person</th>"
		  "<th>Administrator</th><th>Status</th><th>Adgangskode</th>"
		  "<th>Seneste login</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct account *u = &list[i];
		html(res, "<tr><td><a href=\"");
		html_attr(res, account_url(req, u->id));
		html(res, "\">");
		html_txt(res, u->username);
		html(res, "</a></td><td>");
		html_txt(res, *u->display_name ? u->display_name : "–");
		html(res, "</td><td>");
		html_link_person(res, u->person_id ? structure_person(s, u->person_id)
						   : NULL);
		html(res, "</td><td>");
		html(res, u->admin ? "Ja" : "Nej");
		html(res, "</td><td>");
		html(res, u->disabled ? "<span class=\"badge warn\">Deaktiveret</span>"
				      : "Aktiv");
		html(res, "</td><td>");
		html(res, u->has_password ? "Ja" : "Nej");
		html(res, "</td><td>");
		html_unix_time(res, u->last_login);
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n");
	page_end(req, res);
}

/* ---- a new account ---------------------------------------------------- */

static void new_form(struct request *req, struct response *res, int status,
		     const char *message)
{
	const char *username = req_form(req, "username");
	const char *name = req_form(req, "name");
	int64_t person = form_person(req);
	res->status = status;
	buf_reset(&res->body);
	page_begin(req, res, "Ny bruger");
	crumbs(res, "Ny bruger");
	html(res, "<h1>Ny bruger</h1>\n");
	error_summary(res, message);
	html(res, "<form class=\"edit-form\" method=\"post\" action=\"/admin/accounts/new\">\n");
	html_csrf(req, res);
	html(res, "\n<div class=\"field\"><label for=\"username\">Brugernavn</label>"
		  "<p class=\"hint\">1-64 tegn: små bogstaver a-z, tal og . _ @ - "
		  "(fx en e-mailadresse med små bogstaver).</p>"
		  "<input id=\"username\" name=\"username\" type=\"text\" required "
		  "autocapitalize=\"none\" spellcheck=\"false\" value=\"");
	html_attr(res, username ? username : "");
	html(res, "\"></div>\n<div class=\"field\"><label for=\"name\">Navn</label>"
		  "<input id=\"name\" name=\"name\" type=\"text\" value=\"");
	html_attr(res, name ? name : "");
	html(res, "\"></div>\n");
	person_select(req, res, person > 0 ? person : 0);
	html(res, "<div class=\"field field-checkbox\"><input id=\"admin\" "
		  "name=\"admin\" type=\"checkbox\" value=\"1\"");
	if (form_checked(req, "admin"))
		html(res, " checked");
	html(res, "> <label for=\"admin\">Administrator</label></div>\n"
		  "<p class=\"hint\">Adgangskoden dannes automatisk og vises én gang, "
		  "når brugeren er oprettet.</p>\n"
		  "<div class=\"form-actions actions\"><button type=\"submit\">"
		  "Opret bruger</button> <a href=\"/admin/accounts\">Annullér</a></div>\n"
		  "</form>\n");
	page_end(req, res);
}

static void admin_account_new(struct request *req, struct response *res)
{
	if (!web_authorize_admin(req, res))
		return;
	new_form(req, res, 200, NULL);
}

static void admin_account_create(struct request *req, struct response *res)
{
	struct err err = { 0 };
	if (!web_authorize_admin(req, res))
		return;
	const char *username = req_form(req, "username");
	const char *name = req_form(req, "name");
	int64_t person = form_person(req);
	if (!store_username_valid(username)) {
		new_form(req, res, 422, "Brugernavnet skal være 1-64 tegn: små "
			 "bogstaver a-z, tal og . _ @ -");
		return;
	}
	if (person < 0) {
		new_form(req, res, 422, "Personen findes ikke.");
		return;
	}
	const char *password = auth_password_new(req->arena);
	const char *hash = auth_password_hash(req->arena, password);
	if (!hash) {
		page_error(req, res, 503, "Der er ikke hukommelse nok lige nu. Prøv igen om lidt.");
		return;
	}
	struct account acc = {
		.username = username,
		.display_name = name ? name : "",
		.person_id = person,
		.admin = form_checked(req, "admin"),
	};
	if (store_account_create(req->app->store, &acc, hash, &err) != 0) {
		new_form(req, res, err.kind == ERR_INTERNAL ? 500
				   : err.kind == ERR_CONFLICT ? 409 : 422,
			 err.msg);
		return;
	}
	page_begin(req, res, "Bruger oprettet");
	crumbs(res, username);
	html(res, "<h1>Brugeren er oprettet</h1>\n<p>Brugeren <strong>");
	html_txt(res, username);
	html(res, "</strong> kan nu logge ind med adgangskoden herunder.</p>\n");
	secret_box(res, "adgangskode", "Adgangskoden", password);
	html(res, "<p><a href=\"");
	html_attr(res, account_url(req, acc.id));
	html(res, "\">Til brugeren</a> · <a href=\"/admin/accounts\">Alle brugere</a></p>\n");
	page_end(req, res);
}

/* ---- one account -------------------------------------------------------- */

/* The account page; shown (once) after a reset or a new key, and with
 * an error above the profile form after a refused save. */
static void account_page(struct request *req, struct response *res,
			 const struct account *acc, int status,
			 const char *message, const char *new_password,
			 const char *new_token)
{
	struct api_token *tokens = NULL;
	size_t n_tokens = 0;
	struct err err = { 0 };
	const char *url = account_url(req, acc->id);
	bool self = acc->id == req->principal.account_id;
	/* After a refused save the form keeps what was sent. */
	bool resent = message && req_form(req, "name");
	const char *name = resent ? req_form(req, "name") : acc->display_name;
	int64_t person = resent ? form_person(req) : acc->person_id;
	bool admin = resent ? form_checked(req, "admin") : acc->admin;

	(void)store_token_list(req->app->store, req->arena, acc->id, &tokens,
			       &n_tokens, &err);
	res->status = status;
	buf_reset(&res->body);
	page_begin(req, res, acc->username);
	crumbs(res, acc->username);
	html(res, "<h1>");
	html_txt(res, acc->username);
	html(res, "</h1>\n<p class=\"lead\">");
	html(res, acc->disabled ? "<span class=\"badge warn\">Deaktiveret</span> " : "");
	html(res, acc->has_password ? "Har en adgangskode." : "Har ingen adgangskode.");
	html(res, " Seneste login: ");
	html_unix_time(res, acc->last_login);
	html(res, ".</p>\n");
	if (new_password)
		secret_box(res, "adgangskode", "Den nye adgangskode", new_password);
	if (new_token)
		secret_box(res, "api-noegle", "API-nøglen", new_token);
	error_summary(res, message);

	/* The profile. */
	html(res, "<form class=\"edit-form\" method=\"post\" action=\"");
	html_attr(res, url);
	html(res, "\">\n");
	html_csrf(req, res);
	html(res, "\n<div class=\"field\"><label for=\"name\">Navn</label>"
		  "<input id=\"name\" name=\"name\" type=\"text\" value=\"");
	html_attr(res, name ? name : "");
	html(res, "\"></div>\n");
	person_select(req, res, person > 0 ? person : 0);
	html(res, "<div class=\"field field-checkbox\"><input id=\"admin\" "
		  "name=\"admin\" type=\"checkbox\" value=\"1\"");
	if (admin)
		html(res, " checked");
	html(res, "> <label for=\"admin\">Administrator</label></div>\n");
	if (self)
		html(res, "<p class=\"hint\">Det er din egen konto: du kan ikke fjerne "
			  "din egen administratorret eller deaktivere den.</p>\n");
	html(res, "<div class=\"form-actions actions\"><button type=\"submit\">Gem</button>"
		  "</div>\n</form>\n");

	/* API keys. */
	html(res, "<section id=\"api-noegler\"><h2>API-nøgler</h2>\n"
		  "<p>En API-nøgle lader et program bruge <code>/api/v1</code> og "
		  "<code>/oparl/v1</code> som denne bruger (<code>Authorization: "
		  "Bearer …</code>). Den virker ikke, mens brugeren er deaktiveret.</p>\n");
	if (n_tokens) {
		html(res, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr>"
			  "<th>Betegnelse</th><th>Oprettet</th><th>Senest brugt</th>"
			  "<th>Status</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < n_tokens; i++) {
			const struct api_token *t = &tokens[i];
			html(res, "<tr><td>");
			html_txt(res, *t->label ? t->label : "(uden betegnelse)");
			html(res, "</td><td>");
			html_unix_time(res, t->created);
			html(res, "</td><td>");
			html_unix_time(res, t->last_used);
			html(res, "</td><td>");
			if (t->revoked) {
				html(res, "Tilbagekaldt ");
				html_unix_time(res, t->revoked);
			} else {
				html(res, "<form method=\"post\" action=\"");
				html_attr(res, arena_printf(req->arena, "%s/tokens/%lld/revoke",
							    url, (long long)t->id));
				html(res, "\">");
				html_csrf(req, res);
				html(res, "<button type=\"submit\" class=\"button-danger\">"
					  "Tilbagekald</button></form>");
			}
			html(res, "</td></tr>\n");
		}
		html(res, "</tbody></table></div>\n");
	} else {
		html(res, "<p class=\"empty\">Ingen API-nøgler.</p>\n");
	}
	html(res, "<form class=\"edit-form\" method=\"post\" action=\"");
	html_attr(res, arena_printf(req->arena, "%s/tokens", url));
	html(res, "\">\n");
	html_csrf(req, res);
	html(res, "\n<div class=\"field\"><label for=\"label\">Betegnelse</label>"
		  "<p class=\"hint\">Hvad nøglen bruges til, fx «Intranettets "
		  "mødekalender».</p><input id=\"label\" name=\"label\" type=\"text\" "
		  "maxlength=\"200\"></div>\n<div class=\"form-actions actions\">"
		  "<button type=\"submit\">Ny API-nøgle</button></div>\n</form>\n"
		  "</section>\n");

	/* Password and access. */
	html(res, "<section class=\"danger-zone\"><h2>Adgang</h2>\n"
		  "<p>En ny adgangskode dannes automatisk og vises én gang; brugeren "
		  "logges ud alle steder.</p>\n<form method=\"post\" action=\"");
	html_attr(res, arena_printf(req->arena, "%s/password", url));
	html(res, "\">");
	html_csrf(req, res);
	html(res, "<button type=\"submit\" class=\"button-danger\">Nulstil adgangskode"
		  "</button></form>\n");
	if (!self) {
		html(res, "<form method=\"post\" action=\"");
		html_attr(res, arena_printf(req->arena, "%s/%s", url,
					    acc->disabled ? "enable" : "disable"));
		html(res, "\">");
		html_csrf(req, res);
		html(res, acc->disabled
				  ? "<button type=\"submit\">Aktiver</button>"
				  : "<button type=\"submit\" class=\"button-danger\">Deaktiver</button>");
		html(res, "</form>\n");
	}
	html(res, "</section>\n");

	page_audit_section(req, res, "account", acc->id, 0, url);
	page_end(req, res);
}

static void admin_account(struct request *req, struct response *res)
{
	struct account acc;
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	account_page(req, res, &acc, 200, NULL, NULL, NULL);
}

/* Shows the account again after a store error (message from the store). */
static void store_failed(struct request *req, struct response *res,
			 const struct account *acc, const struct err *err)
{
	account_page(req, res, acc,
		     err->kind == ERR_INTERNAL ? 500
		     : err->kind == ERR_NOT_FOUND ? 404
		     : err->kind == ERR_CONFLICT ? 409 : 422,
		     err->msg[0] ? err->msg : "Ændringen kunne ikke gemmes.", NULL,
		     NULL);
}

static void admin_account_save(struct request *req, struct response *res)
{
	struct account acc;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	const char *name = req_form(req, "name");
	int64_t person = form_person(req);
	bool admin = form_checked(req, "admin");
	if (acc.id == req->principal.account_id && acc.admin && !admin) {
		account_page(req, res, &acc, 422, SELF_DEMOTE, NULL, NULL);
		return;
	}
	if (person < 0) {
		account_page(req, res, &acc, 422, "Personen findes ikke.", NULL, NULL);
		return;
	}
	if (name && strlen(name) > 200) {
		account_page(req, res, &acc, 422, "Navnet må højst være 200 tegn.",
			     NULL, NULL);
		return;
	}
	if (store_account_set_profile(req->app->store, acc.id, name ? name : "",
				      person, &err) != 0 ||
	    store_account_set_admin(req->app->store, acc.id, admin, &err) != 0) {
		store_failed(req, res, &acc, &err);
		return;
	}
	res_redirect(res, account_url(req, acc.id));
}

static void admin_account_password(struct request *req, struct response *res)
{
	struct account acc;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	const char *password = auth_password_new(req->arena);
	const char *hash = auth_password_hash(req->arena, password);
	if (!hash) {
		page_error(req, res, 503, "Der er ikke hukommelse nok lige nu. Prøv igen om lidt.");
		return;
	}
	/* A reset ends every session: whoever knew the old one is out. */
	if (store_account_set_password_hash(req->app->store, acc.id, hash, &err) != 0 ||
	    store_session_delete_account(req->app->store, acc.id, &err) != 0 ||
	    store_account_get(req->app->store, req->arena, acc.id, &acc, &err) != 0) {
		store_failed(req, res, &acc, &err);
		return;
	}
	account_page(req, res, &acc, 200, NULL, password, NULL);
}

static void set_disabled(struct request *req, struct response *res,
			 bool disabled)
{
	struct account acc;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	if (disabled && acc.id == req->principal.account_id) {
		account_page(req, res, &acc, 422, SELF_DISABLE, NULL, NULL);
		return;
	}
	if (store_account_set_disabled(req->app->store, acc.id, disabled, &err) != 0) {
		store_failed(req, res, &acc, &err);
		return;
	}
	res_redirect(res, account_url(req, acc.id));
}

static void admin_account_disable(struct request *req, struct response *res)
{
	set_disabled(req, res, true);
}

static void admin_account_enable(struct request *req, struct response *res)
{
	set_disabled(req, res, false);
}

static void admin_token_create(struct request *req, struct response *res)
{
	struct account acc;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	const char *label = req_form(req, "label");
	if (label && strlen(label) > STORE_TOKEN_LABEL_MAX) {
		account_page(req, res, &acc, 422, "Betegnelsen må højst være 200 tegn.",
			     NULL, NULL);
		return;
	}
	const char *token = auth_api_token_new(req->arena);
	const char *hash = auth_api_token_hash(req->arena, token);
	if (!hash || store_token_create(req->app->store, acc.id, label ? label : "",
					hash, (int64_t)time(NULL), NULL, &err) != 0) {
		store_failed(req, res, &acc, &err);
		return;
	}
	account_page(req, res, &acc, 200, NULL, NULL, token);
}

static void admin_token_revoke(struct request *req, struct response *res)
{
	struct account acc;
	struct api_token t;
	struct err err = { 0 };
	if (!web_authorize_admin(req, res) || !account_param(req, res, &acc))
		return;
	int64_t tid = req_param_id(req, 1);
	if (!tid || store_token_get(req->app->store, req->arena, tid, &t, &err) != 0 ||
	    t.account_id != acc.id) {
		page_error(req, res, 404, "API-nøglen findes ikke.");
		return;
	}
	if (store_token_revoke(req->app->store, tid, (int64_t)time(NULL), &err) != 0) {
		store_failed(req, res, &acc, &err);
		return;
	}
	res_redirect(res, arena_printf(req->arena, "%s#api-noegler",
				       account_url(req, acc.id)));
}

const struct route admin_routes[] = {
	{ "GET", "/admin/accounts", admin_accounts },
	{ "GET", "/admin/accounts/new", admin_account_new },
	{ "POST", "/admin/accounts/new", admin_account_create },
	{ "GET", "/admin/accounts/:id", admin_account },
	{ "POST", "/admin/accounts/:id", admin_account_save },
	{ "POST", "/admin/accounts/:id/password", admin_account_password },
	{ "POST", "/admin/accounts/:id/disable", admin_account_disable },
	{ "POST", "/admin/accounts/:id/enable", admin_account_enable },
	{ "POST", "/admin/accounts/:id/tokens", admin_token_create },
	{ "POST", "/admin/accounts/:id/tokens/:tid/revoke", admin_token_revoke },
	{ NULL, NULL, NULL },
};
