/*
 * html.h - writing HTML safely (cgit style: escape where it is written).
 *
 * Everything goes into res->body. html() writes trusted markup literally;
 * html_txt() and html_attr() escape user data for text and attribute
 * context. Never pass user data to html() or html_printf()'s format.
 */
#ifndef KLYNGE_HTML_H
#define KLYNGE_HTML_H

#include "web.h"

void html(struct response *res, const char *markup);
void html_printf(struct response *res, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));	/* numbers only in args! */
void html_txt(struct response *res, const char *text);	/* < > & " ' escaped */
void html_attr(struct response *res, const char *text);	/* for attribute values */
void html_url_param(struct response *res, const char *text); /* %-encoded */
void html_date(struct response *res, int date);		/* "19. september 2022" or "–" */

/* Escaping into any buffer (used by svg.c too). */
void buf_html_escape(struct buf *b, const char *text);

/*
 * Page frame: <!doctype html>, <head> with title and /static/klynge.css,
 * the top navigation (Struktur, Fora, Personer, Organisationer, Klynger;
 * the current section marked aria-current), and <main>. page_end closes
 * it with the footer. title is escaped.
 */
void page_begin(struct request *req, struct response *res, const char *title);
void page_end(struct request *req, struct response *res);

/* A Danish error page with status (404, 400, 500...); replaces whatever
 * the body held. Under /api/ and /oparl/ a JSON error instead. */
void page_error(struct request *req, struct response *res, int status,
		const char *message);

/* Hidden CSRF field for every POST form: <input type=hidden name=csrf ...>. */
void html_csrf(struct request *req, struct response *res);

/* Links to objects ("<a href='/bodies/12'>Name</a>"), name escaped. */
void html_link_body(struct response *res, const struct body *b);
void html_link_person(struct response *res, const struct person *p);
void html_link_org(struct response *res, const struct organisation *o);
void html_link_area(struct response *res, const struct area *a);

/* Version tag of the embedded stylesheet ("?v=" cache buster). */
const char *html_asset_version(void);

#endif
