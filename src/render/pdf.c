/*
 * pdf.c - the agenda package and the minutes, laid out with cairo and
 * pango; PDF attachments placed with poppler. Runs only inside
 * klynge-pdf (pdf_main.c), never in the server.
 *
 * Input: one JSON object, written by pdf_client.c. Every text is final
 * (labels, dates, names already resolved and in Danish); this file only
 * lays it out, so the layout can be tested and benchmarked from a JSON
 * file alone.
 *
 *   kind            "agenda" | "minutes"
 *   public          true for the public edition
 *   title           the meeting's display title (PDF metadata)
 *   body, region, area          names ("" when none)
 *   meeting_kind    "Ordinært møde" ...
 *   date, time      "23. juni 2022", "14:30 - 15:30"
 *   place, online_url
 *   chairs          [{name, role, organisation}]
 *   approved        minutes only: true once the minutes are approved
 *   approved_date   "12. august 2022" or ""
 *   attendance      [{name, organisation, status: present|apology|absent,
 *                     note}]  (minutes; [] when not shown)
 *   created         "YYYY-MM-DDTHH:MM:SSZ" (metadata)
 *   items           [{number, title, case_number, kind (label), closed,
 *                     summary (plain), presentation (markdown),
 *                     recommended_by, resolutions [..], dissent,
 *                     guests [..], decision (markdown), outcome (label),
 *                     attachments [{position, filename, media_type,
 *                                   data (base64, absent when the bytes
 *                                   were not given)}]}]
 *
 * Layout is done twice: a measuring pass on a PDF surface that writes
 * nowhere records where each item, decision and attachment begins and
 * how many pages there are; the drawing pass then writes the table of
 * contents, its links and "Side X af Y" with those numbers. Both passes
 * run the same code on the same kind of surface, so the metrics agree.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <cmark.h>
#include <glib.h>
#include <jansson.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include "pdf_build.h"

/* A4 in points, and the text area. */
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN_L 62.0
#define MARGIN_R 56.0
#define MARGIN_T 60.0
#define MARGIN_B 72.0
#define CONTENT_W (PAGE_W - MARGIN_L - MARGIN_R)
#define BOTTOM (PAGE_H - MARGIN_B)
/* Attachment pages: the strip above holds "Bilag N.M: ...", the one
 * below the footer. */
#define ATT_TOP 46.0
#define ATT_BOTTOM 56.0
#define ATT_SIDE 24.0

#define FONT "DejaVu Sans"
#define F_BODY FONT " 10"
#define F_SMALL FONT " 8"
#define F_SECTION FONT " Bold 10.5"
#define F_ITEM FONT " Bold 15"
#define F_DECISION FONT " Bold 12.5"
#define F_COVER_BODY FONT " Bold 18"
#define F_COVER_TITLE FONT " Bold 28"
#define F_H2 FONT " Bold 13"
#define F_MONO "DejaVu Sans Mono 9"

#define GREY 0.38
#define ACCENT_R 0.05
#define ACCENT_G 0.27
#define ACCENT_B 0.47

struct att {
	int item;			/* the item's number */
	int pos;
	const char *filename;
	bool is_pdf;			/* media type application/pdf */
	bool has_data;			/* bytes given */
	bool failed;			/* given, PDF, poppler could not open */
	GBytes *bytes;
	PopplerDocument *pdoc;
	int n_pages;			/* pages it takes in the package */
	int first_page;			/* measured */
};

struct doc {
	json_t *in;
	bool minutes;
	bool public_ed;
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoContext *pc;
	bool measure;			/* first pass: layout only, no drawing */
	bool page_open;
	double y;
	int page;
	int total;			/* pages, from the measuring pass */
	size_t n_items;
	int *item_page;			/* per item index: first page */
	int *decision_page;		/* minutes: page of "Beslutning for" */
	struct att *atts;
	size_t n_atts;
	char *footer;			/* markup, left side of the footer */
	int fd;				/* where the PDF goes */
	bool write_failed;
};

/* ---- JSON access ------------------------------------------------------ */

static const char *js(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return s ? s : "";
}

static bool jb(json_t *o, const char *key)
{
	return json_is_true(json_object_get(o, key));
}

static int ji(json_t *o, const char *key)
{
	return (int)json_integer_value(json_object_get(o, key));
}

/* ---- text helpers ----------------------------------------------------- */

/* Escaped for pango markup; g_free the result. */
static char *esc(const char *s)
{
	return g_markup_escape_text(s ? s : "", -1);
}

/* Appends s escaped to g. */
static void gesc(GString *g, const char *s)
{
	char *e = esc(s);
	g_string_append(g, e);
	g_free(e);
}

/* ---- base64 (the attachments' bytes) ---------------------------------- */

static int b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decodes standard base64 (padding optional, whitespace skipped); NULL
 * when s is not base64. */
static GBytes *b64_decode(const char *s)
{
	size_t n = strlen(s);
	unsigned char *out = g_malloc(n / 4 * 3 + 3);
	size_t o = 0;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '=' || c == '\n' || c == '\r' || c == ' ')
			continue;
		int v = b64val(c);
		if (v < 0) {
			g_free(out);
			return NULL;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	return g_bytes_new_take(out, o);
}

/* ---- output ----------------------------------------------------------- */

static cairo_status_t write_fd(void *closure, const unsigned char *data,
			       unsigned int len)
{
	struct doc *d = closure;
	while (len > 0) {
		ssize_t w = write(d->fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			d->write_failed = true;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		data += w;
		len -= (unsigned int)w;
	}
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t write_nowhere(void *closure, const unsigned char *data,
				    unsigned int len)
{
	(void)closure;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

/* ---- pages ------------------------------------------------------------ */

/* The footer: what the document is, left; "Side X af Y", right. */
static void draw_footer(struct doc *d)
{
	cairo_t *cr = d->cr;
	PangoLayout *l = pango_layout_new(d->pc);
	PangoFontDescription *fd = pango_font_description_from_string(F_SMALL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_L, PAGE_H - 48);
	cairo_line_to(cr, PAGE_W - MARGIN_R, PAGE_H - 48);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, GREY, GREY, GREY);
	pango_layout_set_width(l, (int)((CONTENT_W - 80) * PANGO_SCALE));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_markup(l, d->footer, -1);
	cairo_move_to(cr, MARGIN_L, PAGE_H - 42);
	pango_cairo_show_layout(cr, l);

	char pg[64];
	snprintf(pg, sizeof(pg), "Side %d af %d", d->page, d->total);
	pango_layout_set_width(l, -1);
	pango_layout_set_text(l, pg, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	cairo_move_to(cr, PAGE_W - MARGIN_R - (double)w / PANGO_SCALE,
		      PAGE_H - 42);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	g_object_unref(l);
}

static void page_finish(struct doc *d)
{
	if (!d->page_open)
		return;
	if (!d->measure) {
		draw_footer(d);
		cairo_show_page(d->cr);
	}
	d->page_open = false;
}

static void page_new(struct doc *d)
{
	page_finish(d);
	d->page++;
	d->y = MARGIN_T;
	d->page_open = true;
}

/* Makes room for h points: a new page when they do not fit. */
static void ensure(struct doc *d, double h)
{
	if (!d->page_open || d->y + h > BOTTOM)
		page_new(d);
}

/* ---- flowing text ----------------------------------------------------- */

static PangoLayout *layout_new(struct doc *d, const char *markup,
			       const char *font, double width)
{
	PangoLayout *l = pango_layout_new(d->pc);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_markup(l, markup, -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/*
 * Draws layout l line by line at x from the current position, going on
 * to a new page where a line does not fit (so a long text splits between
 * lines, and each line is drawn once: pdftotext sees it once). prefix
 * (markup, may be NULL) is drawn left of the first line, right-aligned
 * to x - 5 (list bullets and numbers). dest (may be NULL) names a PDF
 * destination at the first line. keep: points of the following text to
 * keep on the same page as the first line (headings). Returns the page
 * of the first line.
 */
static int flow(struct doc *d, PangoLayout *l, double x, const char *prefix,
		const char *prefix_font, const char *dest, double keep)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int first_page = 0;
	bool first = true;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double top = (double)log.y / PANGO_SCALE;
		double h = (double)log.height / PANGO_SCALE;
		double base = (double)pango_layout_iter_get_baseline(it) /
			      PANGO_SCALE - top;
		ensure(d, first ? h + keep : h);
		if (first)
			first_page = d->page;
		if (!d->measure) {
			cairo_t *cr = d->cr;
			if (first && dest) {
				char *attr = g_strdup_printf("name='%s'", dest);
				cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
				g_free(attr);
			}
			cairo_move_to(cr, x + (double)log.x / PANGO_SCALE,
				      d->y + base);
			pango_cairo_show_layout_line(cr, line);
			if (first && prefix) {
				PangoLayout *p = layout_new(d, prefix,
							    prefix_font, 0);
				int pw, ph;
				pango_layout_get_size(p, &pw, &ph);
				cairo_move_to(cr, x - 5 - (double)pw / PANGO_SCALE,
					      d->y + base -
					      (double)pango_layout_get_baseline(p) /
					      PANGO_SCALE);
				pango_cairo_show_layout(cr, p);
				g_object_unref(p);
			}
			if (first && dest)
				cairo_tag_end(cr, CAIRO_TAG_DEST);
		}
		d->y += h;
		first = false;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return first_page;
}

/* A paragraph of markup at indent, with space after. Returns its page. */
static int para(struct doc *d, const char *markup, const char *font,
		double indent, const char *prefix, double after)
{
	PangoLayout *l = layout_new(d, markup, font, CONTENT_W - indent);
	int pg = flow(d, l, MARGIN_L + indent, prefix, font, NULL, 0);
	g_object_unref(l);
	d->y += after;
	return pg;
}

/* A plain-text paragraph (escaped here). */
static void para_text(struct doc *d, const char *text, const char *font,
		      double indent, double after)
{
	char *e = esc(text);
	para(d, e, font, indent, NULL, after);
	g_free(e);
}

/* Plain text with blank lines between paragraphs and single newlines
 * kept as line breaks (the summary). */
static void plain_flow(struct doc *d, const char *text)
{
	char **paras = g_regex_split_simple("\\n[ \\t]*\\n", text, 0, 0);
	for (char **p = paras; *p; p++) {
		char *t = g_strstrip(*p);
		if (*t)
			para_text(d, t, F_BODY, 0, 6);
	}
	g_strfreev(paras);
}

/* A section heading ("Resumé", "Sagsfremstilling" ...) kept with the
 * first lines that follow it. */
static void section(struct doc *d, const char *title)
{
	d->y += 8;
	char *e = esc(title);
	char *m = g_strdup_printf("<span foreground='#0d4578'>%s</span>", e);
	PangoLayout *l = layout_new(d, m, F_SECTION, CONTENT_W);
	flow(d, l, MARGIN_L, NULL, NULL, NULL, 40);
	g_object_unref(l);
	g_free(m);
	g_free(e);
	d->y += 4;
}

static void rule(struct doc *d, double gap)
{
	ensure(d, 2 * gap);
	d->y += gap;
	if (!d->measure) {
		cairo_save(d->cr);
		cairo_set_source_rgb(d->cr, ACCENT_R, ACCENT_G, ACCENT_B);
		cairo_set_line_width(d->cr, 0.8);
		cairo_move_to(d->cr, MARGIN_L, d->y);
		cairo_line_to(d->cr, PAGE_W - MARGIN_R, d->y);
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	d->y += gap;
}

/* ---- markdown (cmark AST -> pango markup) ------------------------------
 * Paragraphs, headings, emphasis, bullet and numbered lists, block
 * quotes, code; links as their text followed by the address; images as
 * their description. Raw HTML is dropped (safe mode). Every literal is
 * escaped on its way into the markup.
 */
struct md {
	struct doc *d;
	GString *buf;
	double indent;
	int depth;			/* list nesting */
	bool ordered[16];
	int counter[16];
	bool tight[16];
	char *prefix;			/* for the next block (list item) */
	size_t link_start[16];		/* buf offset where a link's text begins */
	int link_depth;
};

static void md_flush(struct md *s, const char *font, double after)
{
	if (s->buf->len == 0 && !s->prefix)
		return;
	double in_list = s->depth > 0 && s->tight[s->depth - 1] ? 2 : after;
	para(s->d, s->buf->str, font, s->indent, s->prefix, in_list);
	g_string_truncate(s->buf, 0);
	g_free(s->prefix);
	s->prefix = NULL;
}

static void md_flow(struct doc *d, const char *text, double indent)
{
	cmark_node *root = cmark_parse_document(text, strlen(text),
						CMARK_OPT_SAFE);
	cmark_iter *it = cmark_iter_new(root);
	struct md s = { .d = d, .buf = g_string_new(""), .indent = indent };
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		bool enter = ev == CMARK_EVENT_ENTER;
		const char *lit = cmark_node_get_literal(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			s.indent += enter ? 14 : -14;
			break;
		case CMARK_NODE_LIST:
			if (enter && s.depth < 16) {
				s.ordered[s.depth] = cmark_node_get_list_type(n) ==
						     CMARK_ORDERED_LIST;
				s.counter[s.depth] = cmark_node_get_list_start(n);
				s.tight[s.depth] = cmark_node_get_list_tight(n);
				s.depth++;
			} else if (!enter && s.depth > 0) {
				s.depth--;
				d->y += 4;
			}
			break;
		case CMARK_NODE_ITEM:
			if (enter) {
				md_flush(&s, F_BODY, 6);
				g_free(s.prefix);
				int k = s.depth > 0 ? s.depth - 1 : 0;
				s.prefix = s.ordered[k] ?
					g_strdup_printf("%d.", s.counter[k]++) :
					g_strdup(k % 2 ? "–" : "•");
				s.indent += 18;
			} else {
				md_flush(&s, F_BODY, 6);
				s.indent -= 18;
			}
			break;
		case CMARK_NODE_PARAGRAPH:
			if (!enter)
				md_flush(&s, F_BODY, 6);
			break;
		case CMARK_NODE_HEADING:
			if (enter) {
				md_flush(&s, F_BODY, 6);
				d->y += 4;
			} else {
				const char *font = cmark_node_get_heading_level(n) <= 2 ?
						   F_H2 : F_SECTION;
				PangoLayout *l = layout_new(d, s.buf->str, font,
							    CONTENT_W - s.indent);
				flow(d, l, MARGIN_L + s.indent, NULL, NULL, NULL, 30);
				g_object_unref(l);
				g_string_truncate(s.buf, 0);
				d->y += 4;
			}
			break;
		case CMARK_NODE_CODE_BLOCK:
			md_flush(&s, F_BODY, 6);
			gesc(s.buf, lit);
			while (s.buf->len && s.buf->str[s.buf->len - 1] == '\n')
				g_string_truncate(s.buf, s.buf->len - 1);
			md_flush(&s, F_MONO, 6);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			md_flush(&s, F_BODY, 6);
			rule(d, 4);
			break;
		case CMARK_NODE_TEXT:
			gesc(s.buf, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			g_string_append_c(s.buf, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			g_string_append_c(s.buf, '\n');
			break;
		case CMARK_NODE_CODE:
			g_string_append(s.buf, "<tt>");
			gesc(s.buf, lit);
			g_string_append(s.buf, "</tt>");
			break;
		case CMARK_NODE_EMPH:
			g_string_append(s.buf, enter ? "<i>" : "</i>");
			break;
		case CMARK_NODE_STRONG:
			g_string_append(s.buf, enter ? "<b>" : "</b>");
			break;
		case CMARK_NODE_LINK:
			if (enter) {
				if (s.link_depth < 16)
					s.link_start[s.link_depth] = s.buf->len;
				s.link_depth++;
			} else if (s.link_depth-- <= 16) {
				/* The address after the text, unless the
				 * text is the address (an autolink). */
				const char *url = cmark_node_get_url(n);
				char *e = esc(url ? url : "");
				const char *txt = s.buf->str +
						  s.link_start[s.link_depth];
				if (*e && strcmp(txt, e) != 0 &&
				    strncmp(e, "mailto:", 7) != 0)
					g_string_append_printf(s.buf,
						" <span foreground='#555555'>(%s)</span>",
						e);
				g_free(e);
			}
			break;
		case CMARK_NODE_IMAGE:
			g_string_append(s.buf, enter ? "[Billede: " : "]");
			break;
		default:		/* document, raw HTML: nothing */
			break;
		}
	}
	md_flush(&s, F_BODY, 6);
	g_free(s.prefix);
	g_string_free(s.buf, TRUE);
	cmark_iter_free(it);
	cmark_node_free(root);
}

/* ---- attachments ------------------------------------------------------ */

/* Reads the attachments of every item and opens the PDFs with poppler.
 * An attachment poppler cannot open is marked failed: it gets one page
 * saying so. */
static void atts_open(struct doc *d)
{
	json_t *items = json_object_get(d->in, "items");
	size_t i, j;
	json_t *it, *a;
	size_t n = 0;
	json_array_foreach(items, i, it)
		n += json_array_size(json_object_get(it, "attachments"));
	d->atts = g_new0(struct att, n ? n : 1);
	json_array_foreach(items, i, it) {
		json_array_foreach(json_object_get(it, "attachments"), j, a) {
			struct att *t = &d->atts[d->n_atts++];
			t->item = ji(it, "number");
			t->pos = ji(a, "position");
			t->filename = js(a, "filename");
			t->is_pdf = strcmp(js(a, "media_type"),
					   "application/pdf") == 0;
			const char *data = json_string_value(
				json_object_get(a, "data"));
			t->has_data = data != NULL;
			if (!t->has_data || !t->is_pdf || d->minutes)
				continue;
			t->bytes = b64_decode(data);
			GError *gerr = NULL;
			if (t->bytes)
				t->pdoc = poppler_document_new_from_bytes(
					t->bytes, NULL, &gerr);
			if (gerr)
				g_error_free(gerr);
			t->n_pages = t->pdoc ?
				poppler_document_get_n_pages(t->pdoc) : 0;
			if (t->n_pages <= 0) {
				t->failed = true;
				t->n_pages = 1;
			}
		}
	}
}

static void atts_close(struct doc *d)
{
	for (size_t i = 0; i < d->n_atts; i++) {
		if (d->atts[i].pdoc)
			g_object_unref(d->atts[i].pdoc);
		if (d->atts[i].bytes)
			g_bytes_unref(d->atts[i].bytes);
	}
	g_free(d->atts);
}

/* Is attachment t placed as pages in this document? */
static bool att_placed(const struct att *t)
{
	return t->is_pdf && t->has_data && t->n_pages > 0;
}

static struct att *att_find(struct doc *d, int item, int pos)
{
	for (size_t i = 0; i < d->n_atts; i++)
		if (d->atts[i].item == item && d->atts[i].pos == pos)
			return &d->atts[i];
	return NULL;
}

/* The small note above an attachment page. */
static void att_header(struct doc *d, const struct att *t, int k,
		       const char *dest)
{
	char *e = esc(t->filename);
	char *m = g_strdup_printf("<b>Bilag %d.%d:</b> %s  <span foreground="
				  "'#777777'>(side %d af %d)</span>",
				  t->item, t->pos, e, k, t->n_pages);
	PangoLayout *l = layout_new(d, m, F_SMALL, PAGE_W - 2 * ATT_SIDE);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_MIDDLE);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_height(l, 0);	/* one line */
	cairo_t *cr = d->cr;
	cairo_save(cr);
	if (dest) {
		char *attr = g_strdup_printf("name='%s'", dest);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		g_free(attr);
	}
	cairo_set_source_rgb(cr, ACCENT_R, ACCENT_G, ACCENT_B);
	cairo_move_to(cr, ATT_SIDE, 20);
	pango_cairo_show_layout(cr, l);
	if (dest)
		cairo_tag_end(cr, CAIRO_TAG_DEST);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, ATT_SIDE, ATT_TOP - 6);
	cairo_line_to(cr, PAGE_W - ATT_SIDE, ATT_TOP - 6);
	cairo_stroke(cr);
	cairo_restore(cr);
	g_object_unref(l);
	g_free(m);
	g_free(e);
}

/* The pages of attachment t, each scaled to fit the page under its
 * header note (vector: poppler draws onto the PDF surface). */
static void att_pages(struct doc *d, struct att *t)
{
	char dest[48];
	snprintf(dest, sizeof(dest), "bilag-%d-%d", t->item, t->pos);
	for (int k = 0; k < t->n_pages; k++) {
		page_new(d);
		if (k == 0)
			t->first_page = d->page;
		d->y = BOTTOM;		/* nothing flows onto this page */
		if (d->measure)
			continue;
		att_header(d, t, k + 1, k == 0 ? dest : NULL);
		if (t->failed) {
			d->y = MARGIN_T + 40;
			para(d, "<b>Bilaget kunne ikke indsættes</b>",
			     FONT " 14", 0, NULL, 8);
			char *e = esc(t->filename);
			char *m = g_strdup_printf("Filen »%s« kunne ikke læses "
						  "som PDF. Den kan hentes i "
						  "klynge under mødet.", e);
			para(d, m, F_BODY, 0, NULL, 0);
			g_free(m);
			g_free(e);
			d->y = BOTTOM;
			continue;
		}
		PopplerPage *pp = poppler_document_get_page(t->pdoc, k);
		if (!pp)
			continue;
		double pw, ph;
		poppler_page_get_size(pp, &pw, &ph);
		double aw = PAGE_W - 2 * ATT_SIDE;
		double ah = PAGE_H - ATT_TOP - ATT_BOTTOM;
		if (pw > 1 && ph > 1) {
			double sc = aw / pw < ah / ph ? aw / pw : ah / ph;
			cairo_t *cr = d->cr;
			cairo_save(cr);
			cairo_translate(cr, ATT_SIDE + (aw - pw * sc) / 2,
					ATT_TOP);
			cairo_rectangle(cr, 0, 0, pw * sc, ph * sc);
			cairo_clip(cr);
			cairo_scale(cr, sc, sc);
			poppler_page_render_for_printing(pp, cr);
			cairo_restore(cr);
			/* A thin frame shows where the attachment ends. */
			cairo_save(cr);
			cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
			cairo_set_line_width(cr, 0.5);
			cairo_rectangle(cr, ATT_SIDE + (aw - pw * sc) / 2,
					ATT_TOP, pw * sc, ph * sc);
			cairo_stroke(cr);
			cairo_restore(cr);
		}
		g_object_unref(pp);
	}
}

/* ---- cover and table of contents -------------------------------------- */

static void kv(struct doc *d, const char *key, const char *value)
{
	if (!*value)
		return;
	char *e = esc(value);
	char *m = g_strdup_printf("<span foreground='#555555'>%s</span>\t%s",
				  key, e);
	PangoLayout *l = layout_new(d, m, FONT " 11", CONTENT_W);
	PangoTabArray *tabs = pango_tab_array_new_with_positions(
		1, TRUE, PANGO_TAB_LEFT, 110);
	pango_layout_set_tabs(l, tabs);
	pango_layout_set_indent(l, -110 * PANGO_SCALE);
	flow(d, l, MARGIN_L, NULL, NULL, NULL, 0);
	pango_tab_array_free(tabs);
	g_object_unref(l);
	g_free(m);
	g_free(e);
	d->y += 3;
}

static void cover(struct doc *d)
{
	json_t *in = d->in;
	page_new(d);
	GString *g = g_string_new("");
	gesc(g, js(in, "body"));
	para(d, g->str, F_COVER_BODY, 0, NULL, 2);
	g_string_truncate(g, 0);
	const char *region = js(in, "region"), *area = js(in, "area");
	if (*area) {
		gesc(g, area);
		if (*region)
			g_string_append(g, " · ");
	}
	gesc(g, region);
	if (g->len) {
		g_string_prepend(g, "<span foreground='#555555'>");
		g_string_append(g, "</span>");
		para(d, g->str, FONT " 11", 0, NULL, 0);
	}
	d->y += 22;
	para(d, d->minutes ? "<span foreground='#0d4578'>Referat</span>" :
			     "<span foreground='#0d4578'>Dagsorden</span>",
	     F_COVER_TITLE, 0, NULL, 2);
	para_text(d, js(in, "meeting_kind"), FONT " 13", 0, 14);

	kv(d, "Dato", js(in, "date"));
	kv(d, "Tidspunkt", js(in, "time"));
	kv(d, "Sted", js(in, "place"));
	kv(d, "Online", js(in, "online_url"));
	size_t i;
	json_t *c;
	g_string_truncate(g, 0);
	json_array_foreach(json_object_get(in, "chairs"), i, c) {
		if (g->len)	/* U+2028: a new line, same paragraph */
			g_string_append(g, "\xe2\x80\xa8");
		g_string_append(g, js(c, "name"));
		if (*js(c, "organisation"))
			g_string_append_printf(g, ", %s", js(c, "organisation"));
		if (*js(c, "role"))
			g_string_append_printf(g, " (%s)", js(c, "role"));
	}
	kv(d, "Formandskab", g->str);
	g_string_free(g, TRUE);
	d->y += 10;
	/* Say what the edition holds only when there are closed items to
	 * leave out or to keep confidential. */
	bool any_closed = false;
	size_t ci;
	json_t *cit;
	json_array_foreach(json_object_get(d->in, "items"), ci, cit)
		if (jb(cit, "closed"))
			any_closed = true;
	if (d->public_ed)
		para(d, any_closed
			     ? "<b>Offentlig udgave</b> <span foreground='#555555'>– "
			       "lukkede punkter er udeladt</span>"
			     : "<b>Offentlig udgave</b>", F_BODY, 0, NULL, 0);
	else
		para(d, any_closed
			     ? "<b>Udgave til forummets medlemmer</b> <span "
			       "foreground='#555555'>– indeholder lukkede punkter; må "
			       "ikke videregives</span>"
			     : "<b>Udgave til forummets medlemmer</b>",
		     F_BODY, 0, NULL, 0);
	rule(d, 10);
}

/* One entry of the table of contents: text (markup) with the page number
 * right-aligned on its last line, dotted leader between; the whole entry
 * links to dest. */
static void toc_entry(struct doc *d, const char *markup, double indent,
		      int page, const char *dest)
{
	const double numw = 36;
	PangoLayout *l = layout_new(d, markup, F_BODY,
				    CONTENT_W - indent - numw - 12);
	double h = layout_height(l);
	ensure(d, h + 5);
	if (!d->measure) {
		cairo_t *cr = d->cr;
		char *attr = g_strdup_printf("dest='%s'", dest);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
		g_free(attr);
		cairo_move_to(cr, MARGIN_L + indent, d->y);
		pango_cairo_show_layout(cr, l);
		/* The leader from the end of the last line to the number. */
		PangoLayoutLine *last = pango_layout_get_line_readonly(
			l, pango_layout_get_line_count(l) - 1);
		PangoRectangle ext;
		pango_layout_line_get_extents(last, NULL, &ext);
		int base = pango_layout_get_baseline(l);
		double lasty = d->y + h - (double)ext.height / PANGO_SCALE +
			       (double)base / PANGO_SCALE;
		double x0 = MARGIN_L + indent +
			    (double)(ext.x + ext.width) / PANGO_SCALE + 6;
		double x1 = PAGE_W - MARGIN_R - numw - 2;
		if (x1 > x0) {
			double dash[] = { 0.6, 2.6 };
			cairo_save(cr);
			cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
			cairo_set_dash(cr, dash, 2, 0);
			cairo_set_line_width(cr, 0.9);
			cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
			cairo_move_to(cr, x0, lasty - 1);
			cairo_line_to(cr, x1, lasty - 1);
			cairo_stroke(cr);
			cairo_restore(cr);
		}
		char num[16];
		snprintf(num, sizeof(num), "%d", page);
		PangoLayout *nl = layout_new(d, num, F_BODY, 0);
		int nw, nh;
		pango_layout_get_size(nl, &nw, &nh);
		cairo_move_to(cr, PAGE_W - MARGIN_R - (double)nw / PANGO_SCALE,
			      lasty - (double)pango_layout_get_baseline(nl) /
			      PANGO_SCALE);
		pango_cairo_show_layout(cr, nl);
		g_object_unref(nl);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
	}
	d->y += h + 5;
	g_object_unref(l);
}

static bool item_hidden(struct doc *d, json_t *it)
{
	return d->public_ed && jb(it, "closed");
}

static void toc(struct doc *d)
{
	d->y += 6;
	para(d, "<span foreground='#0d4578'>Indhold</span>", F_H2, 0, NULL, 8);
	size_t i, j;
	json_t *it, *a;
	json_array_foreach(json_object_get(d->in, "items"), i, it) {
		int num = ji(it, "number");
		char *e = esc(js(it, "title"));
		char *m = g_strdup_printf("Punkt %d: %s", num, e);
		char dest[32];
		snprintf(dest, sizeof(dest), "item-%d", num);
		toc_entry(d, m, 0, d->item_page[i], dest);
		g_free(m);
		if (d->minutes && !item_hidden(d, it)) {
			m = g_strdup_printf("Beslutning for Punkt %d: %s", num, e);
			snprintf(dest, sizeof(dest), "decision-%d", num);
			toc_entry(d, m, 0, d->decision_page[i], dest);
			g_free(m);
		}
		g_free(e);
		if (d->minutes || item_hidden(d, it))
			continue;
		json_array_foreach(json_object_get(it, "attachments"), j, a) {
			struct att *t = att_find(d, num, ji(a, "position"));
			if (!t || !att_placed(t))
				continue;
			char *fe = esc(t->filename);
			m = g_strdup_printf("<span foreground='#444444'>Bilag "
					    "%d.%d: %s</span>", num, t->pos, fe);
			snprintf(dest, sizeof(dest), "bilag-%d-%d", num, t->pos);
			toc_entry(d, m, 18, t->first_page, dest);
			g_free(m);
			g_free(fe);
		}
	}
}

/* ---- attendance (minutes) --------------------------------------------- */

static void attendance(struct doc *d)
{
	json_t *list = json_object_get(d->in, "attendance");
	if (json_array_size(list) == 0)
		return;
	static const struct {
		const char *code, *label;
	} groups[] = { { "present", "Til stede" }, { "apology", "Afbud" },
		       { "absent", "Fraværende" } };
	section(d, "Deltagere");
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		size_t i, n = 0;
		json_t *p;
		json_array_foreach(list, i, p)
			n += strcmp(js(p, "status"), groups[g].code) == 0;
		if (!n)
			continue;
		char *m = g_strdup_printf("<b>%s</b> (%zu)", groups[g].label, n);
		para(d, m, F_BODY, 0, NULL, 2);
		g_free(m);
		json_array_foreach(list, i, p) {
			if (strcmp(js(p, "status"), groups[g].code) != 0)
				continue;
			GString *s = g_string_new("");
			gesc(s, js(p, "name"));
			if (*js(p, "organisation")) {
				g_string_append(s, ", ");
				gesc(s, js(p, "organisation"));
			}
			if (*js(p, "note")) {
				g_string_append(s, " <i>(");
				gesc(s, js(p, "note"));
				g_string_append(s, ")</i>");
			}
			para(d, s->str, F_BODY, 14, NULL, 1);
			g_string_free(s, TRUE);
		}
		d->y += 5;
	}
}

/* ---- items ------------------------------------------------------------ */

static void lines_list(struct doc *d, json_t *arr, bool numbered)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v) {
		const char *s = json_string_value(v);
		if (!s || !*s)
			continue;
		char *e = esc(s);
		char pre[24];
		snprintf(pre, sizeof(pre), "%zu.", i + 1);
		para(d, e, F_BODY, 16, numbered ? pre : "•", 3);
		g_free(e);
	}
	d->y += 3;
}

/* The item's texts: Resumé, Sagsfremstilling, Indstilling, Uenighed,
 * Bilag (agenda and full minutes alike). */
static void item_texts(struct doc *d, json_t *it)
{
	int num = ji(it, "number");
	if (*js(it, "summary")) {
		section(d, "Resumé");
		plain_flow(d, js(it, "summary"));
	}
	if (*js(it, "presentation")) {
		section(d, "Sagsfremstilling");
		md_flow(d, js(it, "presentation"), 0);
	}
	json_t *res = json_object_get(it, "resolutions");
	if (*js(it, "recommended_by") || json_array_size(res)) {
		section(d, "Indstilling");
		if (*js(it, "recommended_by"))
			para_text(d, js(it, "recommended_by"), F_BODY, 0, 5);
		lines_list(d, res, false);
	}
	if (*js(it, "dissent")) {
		section(d, "Uenighed");
		plain_flow(d, js(it, "dissent"));
	}
	json_t *guests = json_object_get(it, "guests");
	if (json_array_size(guests)) {
		section(d, "Deltagere under punktet");
		lines_list(d, guests, false);
	}
	json_t *atts = json_object_get(it, "attachments");
	if (json_array_size(atts)) {
		section(d, "Bilag");
		size_t j;
		json_t *a;
		json_array_foreach(atts, j, a) {
			struct att *t = att_find(d, num, ji(a, "position"));
			GString *s = g_string_new("");
			g_string_append_printf(s, "Bilag %d.%d: ", num,
					       ji(a, "position"));
			gesc(s, js(a, "filename"));
			const char *note = NULL;
			if (d->minutes)
				note = NULL;
			else if (!t || !t->is_pdf)
				note = "hentes i klynge";
			else if (!t->has_data)
				note = "ikke indsat – hentes i klynge";
			else if (t->failed)
				note = "kunne ikke indsættes – hentes i klynge";
			if (note)
				g_string_append_printf(s, " <span foreground="
						       "'#555555'>(%s)</span>",
						       note);
			para(d, s->str, F_BODY, 16, "•", 3);
			g_string_free(s, TRUE);
		}
	}
}

/* "Punkt N: title", the item's case number, kind and closed marker. */
static int item_head(struct doc *d, json_t *it, bool new_page)
{
	int num = ji(it, "number");
	char dest[32];
	snprintf(dest, sizeof(dest), "item-%d", num);
	if (new_page)
		page_new(d);
	else
		d->y += 18;
	char *e = esc(js(it, "title"));
	char *m = g_strdup_printf("Punkt %d: %s", num, e);
	PangoLayout *l = layout_new(d, m, F_ITEM, CONTENT_W);
	int pg = flow(d, l, MARGIN_L, NULL, NULL, dest, 60);
	g_object_unref(l);
	g_free(m);
	g_free(e);
	d->y += 4;
	if (item_hidden(d, it))
		return pg;
	GString *g = g_string_new("");
	if (*js(it, "case_number")) {
		g_string_append(g, "Sagsnr.: ");
		gesc(g, js(it, "case_number"));
	}
	if (*js(it, "kind")) {
		if (g->len)
			g_string_append(g, "    ");
		g_string_append(g, "Punkttype: ");
		gesc(g, js(it, "kind"));
	}
	if (g->len) {
		g_string_prepend(g, "<span foreground='#444444'>");
		g_string_append(g, "</span>");
		para(d, g->str, F_BODY, 0, NULL, 2);
	}
	g_string_free(g, TRUE);
	if (jb(it, "closed"))
		para(d, "<span foreground='#9b1c1c'><b>Lukket punkt</b></span>",
		     F_BODY, 0, NULL, 2);
	rule(d, 5);
	return pg;
}

static void agenda_items(struct doc *d)
{
	size_t i, j;
	json_t *it, *a;
	json_array_foreach(json_object_get(d->in, "items"), i, it) {
		d->item_page[i] = item_head(d, it, true);
		if (item_hidden(d, it)) {
			para(d, "Lukket punkt – behandles for lukkede døre.",
			     F_BODY, 0, NULL, 0);
			continue;
		}
		item_texts(d, it);
		json_array_foreach(json_object_get(it, "attachments"), j, a) {
			struct att *t = att_find(d, ji(it, "number"),
						 ji(a, "position"));
			if (t && att_placed(t))
				att_pages(d, t);
		}
	}
}

static void minutes_items(struct doc *d)
{
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(d->in, "items"), i, it) {
		int num = ji(it, "number");
		d->item_page[i] = item_head(d, it, i == 0);
		if (item_hidden(d, it)) {
			para(d, "Lukket punkt – behandlet for lukkede døre.",
			     F_BODY, 0, NULL, 0);
			d->decision_page[i] = 0;
			continue;
		}
		item_texts(d, it);
		d->y += 10;
		char dest[32];
		snprintf(dest, sizeof(dest), "decision-%d", num);
		char *e = esc(js(it, "title"));
		char *m = g_strdup_printf("<span foreground='#0d4578'>Beslutning "
					  "for Punkt %d: %s</span>", num, e);
		PangoLayout *l = layout_new(d, m, F_DECISION, CONTENT_W);
		d->decision_page[i] = flow(d, l, MARGIN_L, NULL, NULL, dest, 40);
		g_object_unref(l);
		g_free(m);
		g_free(e);
		d->y += 6;
		if (*js(it, "decision"))
			md_flow(d, js(it, "decision"), 0);
		else
			para(d, "<i>Ingen beslutning registreret.</i>", F_BODY,
			     0, NULL, 6);
		if (*js(it, "outcome")) {
			char *o = esc(js(it, "outcome"));
			m = g_strdup_printf("<b>Resultat:</b> %s", o);
			para(d, m, F_BODY, 0, NULL, 4);
			g_free(m);
			g_free(o);
		}
	}
	d->y += 16;
	if (jb(d->in, "approved")) {
		const char *when = js(d->in, "approved_date");
		char *e = esc(when);
		char *m = *when ?
			g_strdup_printf("<b>Referatet er godkendt</b> den %s.", e) :
			g_strdup("<b>Referatet er godkendt.</b>");
		para(d, m, F_BODY, 0, NULL, 0);
		g_free(m);
		g_free(e);
	} else {
		para(d, "<i>Udkast – referatet er endnu ikke godkendt.</i>",
		     F_BODY, 0, NULL, 0);
	}
}

/* ---- the document ----------------------------------------------------- */

/* One pass over the whole document on surface d->surf. */
static void run_pass(struct doc *d)
{
	d->cr = cairo_create(d->surf);
	d->pc = pango_cairo_create_context(d->cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d->pc, fo);
	cairo_font_options_destroy(fo);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	d->page = 0;
	d->page_open = false;

	cover(d);
	if (d->minutes)
		attendance(d);
	toc(d);
	if (d->minutes)
		minutes_items(d);
	else
		agenda_items(d);
	page_finish(d);

	g_object_unref(d->pc);
	cairo_destroy(d->cr);
	d->cr = NULL;
}

/* The PDF outline: each item (and its decision or attachments). */
static void outline(struct doc *d)
{
	size_t i, j;
	json_t *it, *a;
	json_array_foreach(json_object_get(d->in, "items"), i, it) {
		int num = ji(it, "number");
		char *t = g_strdup_printf("Punkt %d: %s", num, js(it, "title"));
		char *link = g_strdup_printf("dest='item-%d'", num);
		int id = cairo_pdf_surface_add_outline(d->surf,
			CAIRO_PDF_OUTLINE_ROOT, t, link, 0);
		g_free(t);
		g_free(link);
		if (d->minutes && !item_hidden(d, it)) {
			t = g_strdup_printf("Beslutning for Punkt %d", num);
			link = g_strdup_printf("dest='decision-%d'", num);
			cairo_pdf_surface_add_outline(d->surf, id, t, link, 0);
			g_free(t);
			g_free(link);
		}
		if (d->minutes || item_hidden(d, it))
			continue;
		json_array_foreach(json_object_get(it, "attachments"), j, a) {
			struct att *at = att_find(d, num, ji(a, "position"));
			if (!at || !att_placed(at))
				continue;
			t = g_strdup_printf("Bilag %d.%d: %s", num, at->pos,
					    at->filename);
			link = g_strdup_printf("dest='bilag-%d-%d'", num, at->pos);
			cairo_pdf_surface_add_outline(d->surf, id, t, link, 0);
			g_free(t);
			g_free(link);
		}
	}
}

int pdf_build(json_t *in, int out_fd, char *errbuf, size_t errsz)
{
	if (!json_is_object(in) || !json_is_array(json_object_get(in, "items"))) {
		snprintf(errbuf, errsz, "input er ikke et mødedokument");
		return -1;
	}
	const char *kind = js(in, "kind");
	if (strcmp(kind, "agenda") != 0 && strcmp(kind, "minutes") != 0) {
		snprintf(errbuf, errsz, "ukendt dokumenttype »%s«", kind);
		return -1;
	}
	struct doc d = { .in = in, .fd = out_fd };
	d.minutes = strcmp(kind, "minutes") == 0;
	d.public_ed = jb(in, "public");
	d.n_items = json_array_size(json_object_get(in, "items"));
	d.item_page = g_new0(int, d.n_items + 1);
	d.decision_page = g_new0(int, d.n_items + 1);
	{
		GString *f = g_string_new("");
		gesc(f, js(in, "body"));
		g_string_append(f, d.minutes ? " · Referat · " : " · Dagsorden · ");
		gesc(f, js(in, "date"));
		if (d.public_ed)
			g_string_append(f, " · Offentlig udgave");
		d.footer = g_string_free(f, FALSE);
	}
	atts_open(&d);

	/* Pass 1: measure. */
	d.measure = true;
	d.surf = cairo_pdf_surface_create_for_stream(write_nowhere, NULL,
						     PAGE_W, PAGE_H);
	run_pass(&d);
	d.total = d.page;
	cairo_surface_destroy(d.surf);

	/* Pass 2: draw, with the page numbers measured. */
	d.measure = false;
	d.surf = cairo_pdf_surface_create_for_stream(write_fd, &d, PAGE_W,
						     PAGE_H);
	char *title = g_strdup_printf("%s: %s", d.minutes ? "Referat" :
				      "Dagsorden", js(in, "title"));
	cairo_pdf_surface_set_metadata(d.surf, CAIRO_PDF_METADATA_TITLE, title);
	g_free(title);
	cairo_pdf_surface_set_metadata(d.surf, CAIRO_PDF_METADATA_AUTHOR,
				       js(in, "body"));
	cairo_pdf_surface_set_metadata(d.surf, CAIRO_PDF_METADATA_CREATOR,
				       "klynge");
	if (*js(in, "created"))
		cairo_pdf_surface_set_metadata(d.surf,
			CAIRO_PDF_METADATA_CREATE_DATE, js(in, "created"));
	int measured = d.total;
	run_pass(&d);
	outline(&d);
	cairo_surface_finish(d.surf);
	cairo_status_t st = cairo_surface_status(d.surf);
	cairo_surface_destroy(d.surf);

	int rc = 0;
	if (d.write_failed || st != CAIRO_STATUS_SUCCESS) {
		snprintf(errbuf, errsz, "PDF'en kunne ikke skrives: %s",
			 d.write_failed ? strerror(errno) :
			 cairo_status_to_string(st));
		rc = -1;
	} else if (d.page != measured) {
		/* Cannot happen while both passes run the same code; a
		 * table of contents with wrong numbers is worse than none. */
		snprintf(errbuf, errsz, "sidetallene stemmer ikke (%d mod %d)",
			 d.page, measured);
		rc = -1;
	}
	atts_close(&d);
	g_free(d.item_page);
	g_free(d.decision_page);
	g_free(d.footer);
	return rc;
}
