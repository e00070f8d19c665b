/*
 * html.c - writing HTML safely, and the page frame; see html.h.
 *
 * Escaping happens where output is written (cgit style): html() for
 * trusted markup, html_txt()/html_attr() for everything that came from a
 * user or the database. Pages carry no inline script or style (the CSP
 * forbids both) and work without JavaScript.
 */
#include "html.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../util/date.h"
#include "../util/embed.h"

void html(struct response *res, const char *markup)
{
	buf_puts(&res->body, markup);
}

void html_printf(struct response *res, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&res->body, fmt, ap);
	va_end(ap);
}

/* Writes text with < > & " ' replaced by entities. Runs of safe bytes
 * are copied at once, which keeps long pages cheap. */
void buf_html_escape(struct buf *b, const char *text)
{
	if (!text)
		return;
	const char *run = text;
	const char *p = text;
	for (; *p; p++) {
		const char *ent;
		switch (*p) {
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '&': ent = "&amp;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		if (p > run)
			buf_put(b, run, (size_t)(p - run));
		buf_puts(b, ent);
		run = p + 1;
	}
	if (p > run)
		buf_put(b, run, (size_t)(p - run));
}

void html_txt(struct response *res, const char *text)
{
	buf_html_escape(&res->body, text);
}

/* Attribute values are always written inside quotes by our markup, and
 * both quote kinds are escaped, so the same escaping is sufficient. */
void html_attr(struct response *res, const char *text)
{
	buf_html_escape(&res->body, text);
}

/* Percent-encodes everything but RFC 3986 unreserved characters; the
 * result is also safe inside an HTML attribute. */
void html_url_param(struct response *res, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	if (!text)
		return;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			buf_putc(&res->body, (char)c);
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };
			buf_put(&res->body, e, 3);
		}
	}
}

void html_date(struct response *res, int date)
{
	char d[40];
	date_format_da(date, d, sizeof(d));
	if (!d[0]) {
		html(res, "–");
		return;
	}
	html_txt(res, d);
}

/* ---- page frame ------------------------------------------------------ */

/* A short hash of the stylesheet, appended as ?v= so browsers may cache
 * /static/ files for long and still see a new version at once. */
static char css_version[17];
static pthread_once_t css_once = PTHREAD_ONCE_INIT;

static void css_version_init(void)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	const struct embedded_file *f = embed_find(web_assets, "klynge.css");
	if (f)
		for (size_t i = 0; i < f->len; i++) {
			h ^= (unsigned char)f->data[i];
			h *= 1099511628211ULL;
		}
	snprintf(css_version, sizeof(css_version), "%016llx",
		 (unsigned long long)h);
}

const char *html_asset_version(void)
{
	pthread_once(&css_once, css_version_init);
	return css_version;
}

static const struct {
	const char *href;
	const char *label;
	const char *prefix;	/* path prefix that marks it current */
} nav_items[] = {
	{ "/", "Struktur", NULL },
	{ "/bodies", "Fora", "/bodies" },
	{ "/people", "Personer", "/people" },
	{ "/organisations", "Organisationer", "/organisations" },
	{ "/areas", "Klynger", "/areas" },
	/* Casework (issue 5, pages/cases*.c). */
	{ "/cases", "Sager", "/cases" },
	{ "/followup", "Opfølgning", "/followup" },
	{ "/initiatives", "Vidensdeling", "/initiatives" },
	{ "/agreement", "Sundhedsaftale", "/agreement" },
};

/* Is path the section prefix itself or below it ("/bodies", "/bodies/3")? */
static bool path_in(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/*
 * Who is logged in, at the right of the header: "Log ind" (back to this
 * page afterwards) for the public; the name and a "Log ud" button (a
 * POST form, so it works without JavaScript and cannot be triggered by
 * a link) for a session. Behind a trusted proxy the proxy owns the
 * login, so only the name is shown.
 */
static void account_box(struct request *req, struct response *res,
			const char *path)
{
	if (!req)
		return;
	html(res, "<div class=\"account\">");
	if (!req->principal.account_id) {
		if (strcmp(path, "/login") == 0 || !*path) {
			html(res, "<a href=\"/login\">Log ind</a>");
		} else {
			html(res, "<a href=\"/login?next=");
			html_url_param(res, path);
			html(res, "\">Log ind</a>");
		}
	} else {
		/* Accounts are administered on a page of their own. */
		if (req->principal.admin)
			html(res, "<a href=\"/admin/accounts\">Brugere</a> · ");
		html(res, "<span class=\"who\">");
		html_txt(res, req->display_name ? req->display_name : "");
		html(res, "</span>");
		if (!req->via_proxy) {
			html(res, " · <form method=\"post\" action=\"/logout\">");
			html_csrf(req, res);
			html(res, "<button type=\"submit\" class=\"link\">Log ud</button></form>");
		}
	}
	html(res, "</div>\n");
}

void page_begin(struct request *req, struct response *res, const char *title)
{
	const char *path = req && req->path ? req->path : "";
	html(res, "<!doctype html>\n<html lang=\"da\">\n<head>\n"
		  "<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		  "<title>");
	if (title && *title) {
		html_txt(res, title);
		html(res, " – ");
	}
	html(res, "klynge</title>\n<link rel=\"stylesheet\" href=\"/static/klynge.css?v=");
	html(res, html_asset_version());
	html(res, "\">\n<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n"
		  "<a class=\"skip\" href=\"#indhold\">Gå til indholdet</a>\n"
		  "<header class=\"site\">\n<div class=\"wrap\">\n"
		  "<a class=\"brand\" href=\"/\">klynge<span> – sundhedsklynger</span></a>\n"
		  "<nav aria-label=\"Hovedmenu\"><ul>\n");
	for (size_t i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		bool cur = nav_items[i].prefix ? path_in(path, nav_items[i].prefix)
					       : strcmp(path, "/") == 0;
		html(res, "<li><a href=\"");
		html_attr(res, nav_items[i].href);
		html(res, cur ? "\" aria-current=\"page\">" : "\">");
		html_txt(res, nav_items[i].label);
		html(res, "</a></li>\n");
	}
	html(res, "</ul></nav>\n");
	account_box(req, res, path);
	html(res, "</div>\n</header>\n"
		  "<main id=\"indhold\" class=\"wrap\">\n");
}

void page_end(struct request *req, struct response *res)
{
	(void)req;
	html(res, "</main>\n<footer class=\"site\"><div class=\"wrap\">"
		  "<p>klynge – tværsektoriel styring af sundhedsklynger</p>"
		  "</div></footer>\n</body>\n</html>\n");
}

static const char *status_title(int status)
{
	switch (status) {
	case 400: return "Ugyldig forespørgsel";
	case 403: return "Adgang nægtet";
	case 404: return "Siden findes ikke";
	case 405: return "Metoden er ikke tilladt";
	case 409: return "Konflikt";
	case 413: return "Forespørgslen er for stor";
	case 414: return "Adressen er for lang";
	case 415: return "Ukendt indholdstype";
	case 422: return "Ugyldige data";
	case 431: return "For mange headerfelter";
	case 500: return "Der opstod en fejl";
	case 503: return "Tjenesten er ikke tilgængelig";
	default: return status >= 500 ? "Der opstod en fejl" : "Fejl";
	}
}

static const char *status_code(int status)
{
	switch (status) {
	case 400: return "bad_request";
	case 403: return "forbidden";
	case 404: return "not_found";
	case 405: return "method_not_allowed";
	case 409: return "conflict";
	case 413: return "payload_too_large";
	case 414: return "uri_too_long";
	case 415: return "unsupported_media_type";
	case 422: return "invalid";
	case 431: return "header_fields_too_large";
	default: return status >= 500 ? "internal" : "error";
	}
}

static bool is_machine_path(const char *path)
{
	return path && (strncmp(path, "/api/", 5) == 0 ||
			strcmp(path, "/api") == 0 ||
			strncmp(path, "/oparl/", 7) == 0 ||
			strcmp(path, "/oparl") == 0);
}

/* Paths under /api/ and /oparl/ get the JSON error shape of the API;
 * everything else a Danish page. The body is rebuilt from scratch. */
void page_error(struct request *req, struct response *res, int status,
		const char *message)
{
	buf_reset(&res->body);
	if (req && is_machine_path(req->path)) {
		res_json_error(res, status, status_code(status),
			       message ? message : status_title(status));
		return;
	}
	res->status = status;
	res->content_type = "text/html; charset=utf-8";
	page_begin(req, res, status_title(status));
	html(res, "<section class=\"error-page\">\n<h1>");
	html_txt(res, status_title(status));
	html(res, "</h1>\n<p class=\"lead\">");
	html_txt(res, message ? message : status_title(status));
	html(res, "</p>\n<p><a href=\"/\">Til forsiden</a></p>\n</section>\n");
	page_end(req, res);
}

void html_csrf(struct request *req, struct response *res)
{
	if (req)
		req->no_cache = true;	/* the token is per client */
	html(res, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(res, req && req->csrf ? req->csrf : "");
	html(res, "\">");
}

/* ---- links ----------------------------------------------------------- */

static void link(struct response *res, const char *base, int64_t id,
		 const char *name)
{
	html_printf(res, "<a href=\"%s/%lld\">", base, (long long)id);
	html_txt(res, name && *name ? name : "(uden navn)");
	html(res, "</a>");
}

void html_link_body(struct response *res, const struct body *b)
{
	if (!b) {
		html(res, "–");
		return;
	}
	link(res, "/bodies", b->id, b->name);
}

void html_link_person(struct response *res, const struct person *p)
{
	if (!p) {
		html(res, "–");
		return;
	}
	link(res, "/people", p->id, p->name);
}

void html_link_org(struct response *res, const struct organisation *o)
{
	if (!o) {
		html(res, "–");
		return;
	}
	link(res, "/organisations", o->id, o->name);
}

void html_link_area(struct response *res, const struct area *a)
{
	if (!a) {
		html(res, "–");
		return;
	}
	link(res, "/areas", a->id, a->name);
}
