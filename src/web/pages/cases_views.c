/*
 * cases_views.c - the casework pages that look across clusters (issue
 * 5): overdue lists (/followup, and the "Opfølgning" sections of the
 * body and cluster pages), lead times with their chart (/leadtimes),
 * knowledge sharing (/initiatives: list, new, page, comments, files,
 * "Tag i brug i vores klynge"), the health agreement (/agreement,
 * /focus-areas/:id) and the flow templates (/templates). See cases.h.
 *
 * Numbers are core's (case_lead_times, case_step_overdue, case_state);
 * this file only groups and draws them. The chart is plain SVG written
 * with the escaping helpers, with a table of the same numbers beside it.
 */
#include "cases.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/date.h"
#include "../../util/num.h"
#include "../upload.h"
#include "forms.h"
#include "meeting.h"
#include "pages.h"

/* ---- overdue lists -------------------------------------------------------- */

/* An overdue step or action, for grouping per cluster and body. */
struct overdue {
	int64_t area_id;
	int64_t body_id;	/* 0: a council approval */
	const struct case_file *c;
	const struct case_step *st;	/* or */
	const struct followup_action *fa;
};

static struct overdue *overdue_list(struct request *req, const struct cw *cw,
				    size_t *n)
{
	size_t cap = cw->all.n_actions + 1;
	for (size_t i = 0; i < cw->all.n_cases; i++)
		cap += cw->all.cases[i].n_steps;
	struct overdue *out = arena_array(req->arena, cap, sizeof(*out));
	*n = 0;
	for (size_t i = 0; i < cw->all.n_cases; i++) {
		const struct case_file *c = &cw->all.cases[i];
		for (size_t k = 0; k < c->n_steps; k++) {
			const struct case_step *st = &c->steps[k];
			if (!case_step_overdue(st, cw->today))
				continue;
			int64_t body = st->body_id ? st->body_id : c->origin_body_id;
			out[(*n)++] = (struct overdue){
				case_body_area(cw->full, body), st->body_id, c, st, NULL };
		}
	}
	for (size_t i = 0; i < cw->all.n_actions; i++) {
		const struct followup_action *fa = &cw->all.actions[i];
		if (!case_action_overdue(fa, cw->today))
			continue;
		out[(*n)++] = (struct overdue){
			case_body_area(cw->full, fa->body_id), fa->body_id,
			cw_case(cw, fa->case_id), NULL, fa };
	}
	return out;
}

static void overdue_row(struct request *req, struct response *res,
			const struct cw *cw, const struct overdue *o)
{
	html(res, "<tr class=\"overdue\"><td>");
	if (o->st) {
		html(res, "Trin: ");
		html_txt(res, step_action_label(o->st->action));
		html(res, " – ");
		cw_step_who(req, res, cw, o->st);
	} else {
		html(res, "Opfølgning: ");
		html_txt(res, o->fa->what);
	}
	html(res, "</td><td>");
	if (o->c)
		cw_case_link(res, o->c);
	else
		html(res, "–");
	html(res, "</td><td class=\"nowrap\">");
	cw_date_short(res, o->st ? o->st->due : o->fa->due);
	int due = o->st ? o->st->due : o->fa->due;
	html_printf(res, "</td><td class=\"num\">%d</td></tr>\n",
		    case_days_between(due, cw->today));
}

static void overdue_table(struct request *req, struct response *res,
			  const struct cw *cw, const struct overdue *o,
			  size_t n, int64_t area, bool by_area, int64_t body,
			  bool by_body)
{
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if ((by_area && o[i].area_id != area) || (by_body && o[i].body_id != body))
			continue;
		if (!shown++)
			html(res, "<div class=\"table-wrap\"><table class=\"list overdue-list\">\n<thead><tr>"
				  "<th scope=\"col\">Hvad</th><th scope=\"col\">Sag</th>"
				  "<th scope=\"col\">Frist</th><th scope=\"col\" class=\"num\">Dage over</th>"
				  "</tr></thead>\n<tbody>\n");
		overdue_row(req, res, cw, &o[i]);
	}
	if (shown)
		html(res, "</tbody></table></div>\n");
	else
		html(res, "<p class=\"check-ok\">Intet er overskredet.</p>\n");
}

/* Cases with a late implementation (a lead time flagged late). */
static void late_flows(struct request *req, struct response *res,
		       const struct cw *cw, int64_t area, bool by_area,
		       int64_t body, bool by_body)
{
	size_t shown = 0;
	for (size_t i = 0; i < cw->all.n_cases; i++) {
		const struct case_file *c = &cw->all.cases[i];
		size_t n = 0;
		struct lead_time *lt = case_lead_times(req->arena, c, cw->today, &n);
		for (size_t k = 0; k < n; k++) {
			if (!lt[k].late)
				continue;
			if (by_area && case_body_area(cw->full, lt[k].body_id) != area)
				continue;
			if (by_body && lt[k].body_id != body)
				continue;
			if (!shown++)
				html(res, "<h3>Forløb, der er forsinket</h3>\n<ul class=\"plain late-flows\">\n");
			html(res, "<li><span class=\"badge bad\">Forsinket</span> ");
			cw_case_link(res, c);
			html(res, " – ");
			const struct body *b = structure_body(cw->s, lt[k].body_id);
			html_txt(res, b ? b->name : "");
			html(res, ": frist ");
			cw_date_short(res, lt[k].due);
			if (lt[k].started) {
				html(res, ", påbegyndt ");
				cw_date_short(res, lt[k].started);
			} else {
				html(res, ", ikke påbegyndt");
			}
			html(res, "</li>\n");
		}
	}
	if (shown)
		html(res, "</ul>\n");
}

void cases_followup(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	size_t n = 0;
	struct overdue *o = overdue_list(req, &cw, &n);
	page_begin(req, res, "Opfølgning");
	html(res, "<header class=\"page-head\"><h1>Opfølgning</h1>\n<p class=\"lead\">");
	html_printf(res, "%zu overskredne trin og opfølgningspunkter pr. ", n);
	html_date(res, cw.today);
	html(res, ", samlet pr. klynge og forum.</p></header>\n");
	html(res, "<nav class=\"toc\" aria-label=\"Klynger\"><ul class=\"plain columns\">");
	for (size_t i = 0; i < cw.s->n_areas; i++) {
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			k += o[j].area_id == cw.s->areas[i].id;
		html_printf(res, "<li><a href=\"#klynge-%lld\">", (long long)cw.s->areas[i].id);
		html_txt(res, cw.s->areas[i].name);
		html_printf(res, "</a> (%zu)</li>", k);
	}
	html(res, "</ul></nav>\n");
	/* Region-wide first (area 0), then each cluster. */
	for (size_t ai = 0; ai <= cw.s->n_areas; ai++) {
		int64_t area = ai ? cw.s->areas[ai - 1].id : 0;
		html_printf(res, "<section id=\"klynge-%lld\">\n<h2>", (long long)area);
		if (ai)
			html_link_area(res, &cw.s->areas[ai - 1]);
		else
			html(res, "Regionale fora og råd");
		html(res, "</h2>\n");
		size_t in_area = 0;
		for (size_t j = 0; j < n; j++)
			in_area += o[j].area_id == area;
		if (!in_area)
			html(res, "<p class=\"check-ok\">Intet er overskredet.</p>\n");
		/* Per body (council approvals under "Regionsråd og byråd"). */
		for (size_t bi = 0; bi <= cw.s->n_bodies && in_area; bi++) {
			int64_t body = bi < cw.s->n_bodies ? cw.s->bodies[bi].id : 0;
			size_t k = 0;
			for (size_t j = 0; j < n; j++)
				k += o[j].area_id == area && o[j].body_id == body;
			if (!k)
				continue;
			html(res, "<h3>");
			if (body)
				html_link_body(res, &cw.s->bodies[bi]);
			else
				html(res, "Regionsråd og byråd");
			html(res, "</h3>\n");
			overdue_table(req, res, &cw, o, n, area, true, body, true);
		}
		late_flows(req, res, &cw, area, true, 0, false);
		html(res, "</section>\n");
	}
	page_end(req, res);
}

void cases_body_section(struct request *req, struct response *res,
			const struct body *b)
{
	struct cw cw;
	struct response scratch = { .status = 200, .body = BUF_INIT, .arena = req->arena };
	/* The body page stays up when casework cannot be read. */
	if (!cw_load(req, &scratch, &cw)) {
		buf_free(&scratch.body);
		return;
	}
	buf_free(&scratch.body);
	size_t n = 0;
	struct overdue *o = overdue_list(req, &cw, &n);
	html(res, "<section id=\"opfoelgning\">\n<h2>Opfølgning</h2>\n");
	overdue_table(req, res, &cw, o, n, 0, false, b->id, true);
	late_flows(req, res, &cw, 0, false, b->id, true);
	size_t cases = 0;
	for (size_t i = 0; i < cw.all.n_cases; i++) {
		const struct case_file *c = &cw.all.cases[i];
		bool in = c->origin_body_id == b->id;
		for (size_t k = 0; k < c->n_steps && !in; k++)
			in = c->steps[k].body_id == b->id;
		cases += in;
	}
	html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/cases?body=%lld\">Forummets sager (%zu)</a>",
		    (long long)b->id, cases);
	if (access_case_create(cw.full, &req->principal, b->id, cw.today))
		html_printf(res, " <a class=\"button\" href=\"/cases/new?body=%lld\">Ny sag</a>",
			    (long long)b->id);
	html(res, "</p>\n</section>\n");
}

void cases_area_section(struct request *req, struct response *res,
			const struct area *ar)
{
	struct cw cw;
	struct response scratch = { .status = 200, .body = BUF_INIT, .arena = req->arena };
	if (!cw_load(req, &scratch, &cw)) {
		buf_free(&scratch.body);
		return;
	}
	buf_free(&scratch.body);
	size_t n = 0;
	struct overdue *o = overdue_list(req, &cw, &n);
	html(res, "<section id=\"opfoelgning\">\n<h2>Opfølgning</h2>\n");
	overdue_table(req, res, &cw, o, n, ar->id, true, 0, false);
	late_flows(req, res, &cw, ar->id, true, 0, false);
	html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/cases?area=%lld\">Klyngens sager</a>"
		    " <a class=\"button\" href=\"/leadtimes#klynger\">Gennemløbstider</a></p>\n</section>\n",
		    (long long)ar->id);
}

/* ---- lead times ------------------------------------------------------------- */

struct lt_rec {
	int64_t template_id;
	int64_t area_id;
	int quarter;		/* year * 4 + (0..3), of the decision */
	int days;		/* -1 while not started */
	bool late;
};

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Median of the started ones among recs matching; -1 when none. */
struct lt_stats {
	size_t flows, started, late;
	int median, max;
	double mean;
};

static struct lt_stats lt_stats_of(struct request *req, const struct lt_rec *r,
				   size_t n, int64_t template_id, int64_t area_id,
				   int quarter)
{
	struct lt_stats s = { .median = -1, .max = -1 };
	int *d = arena_array(req->arena, n + 1, sizeof(*d));
	size_t k = 0;
	long sum = 0;
	for (size_t i = 0; i < n; i++) {
		if ((template_id >= 0 && r[i].template_id != template_id) ||
		    (area_id >= 0 && r[i].area_id != area_id) ||
		    (quarter >= 0 && r[i].quarter != quarter))
			continue;
		s.flows++;
		s.late += r[i].late;
		if (r[i].days < 0)
			continue;
		d[k++] = r[i].days;
		sum += r[i].days;
		s.max = r[i].days > s.max ? r[i].days : s.max;
	}
	s.started = k;
	if (k) {
		qsort(d, k, sizeof(*d), cmp_int);
		s.median = k % 2 ? d[k / 2] : (d[k / 2 - 1] + d[k / 2]) / 2;
		s.mean = (double)sum / (double)k;
	}
	return s;
}

static void stats_cells(struct response *res, const struct lt_stats *s)
{
	html_printf(res, "<td class=\"num\">%zu</td><td class=\"num\">%zu</td>",
		    s->flows, s->started);
	if (s->started)
		html_printf(res, "<td class=\"num\">%d</td><td class=\"num\">%.0f</td>"
			    "<td class=\"num\">%d</td>", s->median, s->mean, s->max);
	else
		html(res, "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>");
	if (s->late)
		html_printf(res, "<td class=\"num\"><strong class=\"bad\">%zu</strong></td>", s->late);
	else
		html(res, "<td class=\"num\">0</td>");
}

static void stats_head(struct response *res, const char *first)
{
	html(res, "<div class=\"table-wrap\"><table class=\"list leadtimes\">\n<thead><tr><th scope=\"col\">");
	html_txt(res, first);
	html(res, "</th><th scope=\"col\" class=\"num\">Forløb</th>"
		  "<th scope=\"col\" class=\"num\">Påbegyndt</th>"
		  "<th scope=\"col\" class=\"num\">Median (dage)</th>"
		  "<th scope=\"col\" class=\"num\">Gennemsnit</th>"
		  "<th scope=\"col\" class=\"num\">Længst</th>"
		  "<th scope=\"col\" class=\"num\">Forsinket</th></tr></thead>\n<tbody>\n");
}

static const char *const BAR_COLOURS[] = {
	"#1f4e79", "#1d7a55", "#a86400", "#8e3b74", "#b2532a", "#5a4ea1",
	"#2f5d66", "#5f7a16",
};
#define N_COLOURS (sizeof(BAR_COLOURS) / sizeof(BAR_COLOURS[0]))

static const char *quarter_text(struct request *req, int q)
{
	return arena_printf(req->arena, "%d. kvt. %d", q % 4 + 1, q / 4);
}

/* The chart: per quarter of the decision date, one bar per cluster
 * with the median days; <title> on each bar; axes with labels. */
static void leadtime_chart(struct request *req, struct response *res,
			   const struct cw *cw, const struct lt_rec *r, size_t n,
			   const int64_t *areas, size_t na)
{
	int *qs = arena_array(req->arena, n + 1, sizeof(*qs));
	size_t nq = 0;
	for (size_t i = 0; i < n; i++) {
		if (r[i].days < 0)
			continue;
		bool seen = false;
		for (size_t k = 0; k < nq && !seen; k++)
			seen = qs[k] == r[i].quarter;
		if (!seen)
			qs[nq++] = r[i].quarter;
	}
	if (!nq || !na) {
		html(res, "<p class=\"empty\">Ingen implementeringer er påbegyndt endnu, "
			  "så der er ingen gennemløbstider at vise.</p>\n");
		return;
	}
	qsort(qs, nq, sizeof(*qs), cmp_int);
	int top = 30;
	for (size_t q = 0; q < nq; q++)
		for (size_t a = 0; a < na; a++) {
			struct lt_stats s = lt_stats_of(req, r, n, -1, areas[a], qs[q]);
			while (s.median > top)
				top += 30;
		}
	const int left = 56, right = 16, topm = 16, h = 220, bottom = 56;
	const int bw = 18, gap = 28;
	int group = (int)na * bw + gap;
	int width = left + right + (int)nq * group;
	if (width < 560)
		width = 560;	/* room for the axis title under one quarter */
	int height = topm + h + bottom;
	html(res, "<figure class=\"chart\">\n");
	html_printf(res, "<svg class=\"leadtime-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
		    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
		    "aria-labelledby=\"lt-chart-title\">", width, height, width, height);
	html(res, "<title id=\"lt-chart-title\">Gennemløbstid pr. kvartal og klynge: "
		  "median antal dage fra beslutning til påbegyndt implementering</title>");
	/* y axis with ticks every 30 days (or 60 above 300). */
	int step = top > 300 ? 60 : 30;
	for (int v = 0; v <= top; v += step) {
		int y = topm + h - v * h / top;
		html_printf(res, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>",
			    left, y, width - right, y);
		html_printf(res, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
			    "fill=\"#333333\">%d</text>", left - 6, y + 4, v);
	}
	html_printf(res, "<text x=\"14\" y=\"%d\" font-size=\"12\" fill=\"#333333\" "
		    "transform=\"rotate(-90 14 %d)\" text-anchor=\"middle\">Dage (median)</text>",
		    topm + h / 2, topm + h / 2);
	html_printf(res, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>",
		    left, topm + h, width - right, topm + h);
	for (size_t q = 0; q < nq; q++) {
		int x0 = left + gap / 2 + (int)q * group;
		for (size_t a = 0; a < na; a++) {
			struct lt_stats s = lt_stats_of(req, r, n, -1, areas[a], qs[q]);
			if (s.median < 0)
				continue;
			int bh = s.median * h / top;
			if (bh < 2)
				bh = 2;
			int x = x0 + (int)a * bw;
			const struct area *ar = structure_area(cw->s, areas[a]);
			html_printf(res, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">",
				    x + 1, topm + h - bh, bw - 2, bh,
				    BAR_COLOURS[a % N_COLOURS]);
			html(res, "<title>");
			html_txt(res, ar ? ar->name : "Regionalt");
			html(res, ", ");
			html_txt(res, quarter_text(req, qs[q]));
			html_printf(res, ": median %d dage (%zu påbegyndt", s.median, s.started);
			if (s.late)
				html_printf(res, ", %zu forsinket", s.late);
			html(res, ")</title></rect>");
			if (s.late)
				html_printf(res, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
					    "fill=\"#b00020\" aria-hidden=\"true\">!</text>",
					    x + bw / 2, topm + h - bh - 3);
		}
		html_printf(res, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\">",
			    x0 + (int)na * bw / 2, topm + h + 16);
		html_txt(res, quarter_text(req, qs[q]));
		html(res, "</text>");
	}
	html_printf(res, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
		    "fill=\"#333333\">Kvartal for beslutningen</text>",
		    left + (width - left - right) / 2, topm + h + 36);
	html(res, "</svg>\n<figcaption><ul class=\"legend\">");
	for (size_t a = 0; a < na; a++) {
		const struct area *ar = structure_area(cw->s, areas[a]);
		html_printf(res, "<li><svg class=\"swatch\" width=\"14\" height=\"14\" aria-hidden=\"true\">"
			    "<rect width=\"14\" height=\"14\" fill=\"%s\"/></svg> ",
			    BAR_COLOURS[a % N_COLOURS]);
		html_txt(res, ar ? ar->name : "Regionalt");
		html(res, "</li>");
	}
	html(res, "</ul><p class=\"hint\">Søjlerne viser medianen af dage fra beslutning "
		  "til påbegyndt implementering; »!« markerer forsinkede forløb.</p>"
		  "</figcaption>\n</figure>\n");
	/* The same numbers as a table (accessible, and for copying). */
	html(res, "<div class=\"table-wrap\"><table class=\"list chart-data\">\n<caption>Diagrammets tal</caption>"
		  "<thead><tr><th scope=\"col\">Kvartal</th><th scope=\"col\">Klynge</th>"
		  "<th scope=\"col\" class=\"num\">Påbegyndt</th>"
		  "<th scope=\"col\" class=\"num\">Median (dage)</th>"
		  "<th scope=\"col\" class=\"num\">Forsinket</th></tr></thead>\n<tbody>\n");
	for (size_t q = 0; q < nq; q++)
		for (size_t a = 0; a < na; a++) {
			struct lt_stats s = lt_stats_of(req, r, n, -1, areas[a], qs[q]);
			if (!s.flows)
				continue;
			const struct area *ar = structure_area(cw->s, areas[a]);
			html(res, "<tr><td>");
			html_txt(res, quarter_text(req, qs[q]));
			html(res, "</td><td>");
			html_txt(res, ar ? ar->name : "Regionalt");
			html_printf(res, "</td><td class=\"num\">%zu</td><td class=\"num\">", s.started);
			if (s.median >= 0)
				html_printf(res, "%d", s.median);
			else
				html(res, "–");
			html_printf(res, "</td><td class=\"num\">%zu</td></tr>\n", s.late);
		}
	html(res, "</tbody></table></div>\n");
}

void cases_leadtimes(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	int64_t tf = 0;
	const char *tq = req_query(req, "template");
	if (tq && *tq)
		tf = num_positive(tq);
	size_t cap = 1;
	for (size_t i = 0; i < cw.all.n_cases; i++)
		cap += cw.all.cases[i].n_steps;
	struct lt_rec *r = arena_array(req->arena, cap, sizeof(*r));
	size_t n = 0;
	int64_t *areas = arena_array(req->arena, cap, sizeof(*areas));
	size_t na = 0;
	for (size_t i = 0; i < cw.all.n_cases; i++) {
		const struct case_file *c = &cw.all.cases[i];
		if (tf && c->template_id != tf)
			continue;
		size_t m = 0;
		struct lead_time *lt = case_lead_times(req->arena, c, cw.today, &m);
		for (size_t k = 0; k < m && n < cap; k++) {
			if (!lt[k].decided)
				continue;	/* not decided: no lead time yet */
			int64_t area = case_body_area(cw.full, lt[k].body_id);
			int d = lt[k].decided;
			r[n++] = (struct lt_rec){ c->template_id, area,
						  d / 10000 * 4 + (d / 100 % 100 - 1) / 3,
						  lt[k].days, lt[k].late };
			bool seen = false;
			for (size_t j = 0; j < na && !seen; j++)
				seen = areas[j] == area;
			if (!seen)
				areas[na++] = area;
		}
	}
	/* Clusters in the structure's order (by id). */
	for (size_t i = 1; i < na; i++)
		for (size_t j = i; j > 0 && areas[j - 1] > areas[j]; j--) {
			int64_t t = areas[j];
			areas[j] = areas[j - 1];
			areas[j - 1] = t;
		}
	page_begin(req, res, "Gennemløbstider");
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/cases\">Sager</a></nav>\n"
		  "<header class=\"page-head\"><h1>Gennemløbstider</h1>\n<p class=\"lead\">"
		  "Dage fra en sag er besluttet (og godkendt i regionsråd og byråd, når den "
		  "har økonomiske konsekvenser) til implementeringen er påbegyndt i hver "
		  "klynge. »Det er vigtigt at have for øje, at vi ikke får lavet et system, "
		  "hvor der går for lang tid, før indsatserne bliver implementeret.«</p></header>\n");
	html(res, "<form class=\"dateform\" method=\"get\" action=\"/leadtimes\"><div class=\"field\">"
		  "<label for=\"lt-template\">Sagsflow</label><select id=\"lt-template\" name=\"template\">"
		  "<option value=\"\">Alle</option>");
	for (size_t i = 0; i < cw.all.n_templates; i++) {
		const struct flow_template *t = &cw.all.templates[i];
		html_printf(res, "<option value=\"%lld\"%s>", (long long)t->id,
			    t->id == tf ? " selected" : "");
		html_txt(res, t->name);
		html(res, "</option>");
	}
	html(res, "</select></div><button type=\"submit\">Vis</button></form>\n");
	html(res, "<section id=\"diagram\">\n<h2>Over tid</h2>\n");
	leadtime_chart(req, res, &cw, r, n, areas, na);
	html(res, "</section>\n<section id=\"skabeloner\">\n<h2>Pr. sagsflow</h2>\n");
	stats_head(res, "Sagsflow");
	for (size_t i = 0; i < cw.all.n_templates; i++) {
		const struct flow_template *t = &cw.all.templates[i];
		if (tf && t->id != tf)
			continue;
		struct lt_stats s = lt_stats_of(req, r, n, t->id, -1, -1);
		html_printf(res, "<tr><th scope=\"row\"><a href=\"/templates/%lld\">", (long long)t->id);
		html_txt(res, t->name);
		html(res, "</a></th>");
		stats_cells(res, &s);
		html(res, "</tr>\n");
	}
	struct lt_stats all = lt_stats_of(req, r, n, -1, -1, -1);
	html(res, "<tr class=\"total\"><th scope=\"row\">I alt</th>");
	stats_cells(res, &all);
	html(res, "</tr>\n</tbody></table></div>\n</section>\n");
	html(res, "<section id=\"klynger\">\n<h2>Pr. klynge</h2>\n");
	stats_head(res, "Klynge");
	for (size_t a = 0; a < na; a++) {
		struct lt_stats s = lt_stats_of(req, r, n, -1, areas[a], -1);
		const struct area *ar = structure_area(cw.s, areas[a]);
		html(res, s.late ? "<tr class=\"overdue\"><th scope=\"row\">" : "<tr><th scope=\"row\">");
		if (ar)
			html_link_area(res, ar);
		else
			html(res, "Regionalt");
		html(res, "</th>");
		stats_cells(res, &s);
		html(res, "</tr>\n");
	}
	html(res, "</tbody></table></div>\n");
	late_flows(req, res, &cw, 0, false, 0, false);
	html(res, "</section>\n");
	page_end(req, res);
}

/* ---- knowledge sharing ------------------------------------------------------ */

static const struct initiative *initiative_param(struct request *req,
						 struct response *res,
						 const struct cw *cw)
{
	const struct initiative *in = cw_initiative(cw, req_param_id(req, 0));
	if (!in)
		page_error(req, res, 404, "Indsatsen findes ikke.");
	return in;
}

static void focus_link(struct response *res, const struct cw *cw, int64_t id)
{
	const struct agreement_item *fa = cw_agreement_item(cw, id);
	if (!fa) {
		html(res, "–");
		return;
	}
	html_printf(res, "<a href=\"/focus-areas/%lld\">", (long long)fa->id);
	html_txt(res, fa->title);
	html(res, "</a>");
}

void cases_initiatives(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	page_begin(req, res, "Vidensdeling");
	html(res, "<header class=\"page-head\"><h1>Vidensdeling</h1>\n<p class=\"lead\">"
		  "Indsatser og erfaringer, klyngerne deler med hinanden – og som andre "
		  "klynger kan tage i brug.</p>\n");
	if (!access_is_public(&req->principal))
		html(res, "<p class=\"actions\"><a class=\"button\" href=\"/initiatives/new\">Del en indsats</a></p>\n");
	html(res, "</header>\n");
	if (!cw.all.n_initiatives) {
		html(res, "<p class=\"empty\">Der er ikke delt nogen indsatser endnu.</p>\n");
		page_end(req, res);
		return;
	}
	/* By focus area (none last), then cluster. */
	size_t nfa = cw.all.n_agreement_items;
	for (size_t fi = 0; fi <= nfa; fi++) {
		int64_t fid = fi < nfa ? cw.all.agreement_items[fi].id : 0;
		if (fi < nfa && cw.all.agreement_items[fi].part != AGREEMENT_FOCUS_AREA)
			continue;
		size_t k = 0;
		for (size_t i = 0; i < cw.all.n_initiatives; i++)
			k += cw.all.initiatives[i].focus_area_id == fid ||
			     (!fid && !cw_agreement_item(&cw, cw.all.initiatives[i].focus_area_id));
		if (!k)
			continue;
		html(res, "<section>\n<h2>");
		if (fid)
			focus_link(res, &cw, fid);
		else
			html(res, "Uden indsatsområde");
		html(res, "</h2>\n<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>"
			  "<th scope=\"col\">Indsats</th><th scope=\"col\">Klynge</th>"
			  "<th scope=\"col\" class=\"num\">Kommentarer</th>"
			  "<th scope=\"col\">Taget i brug</th></tr></thead>\n<tbody>\n");
		for (size_t ai = 0; ai <= cw.s->n_areas; ai++) {
			int64_t area = ai < cw.s->n_areas ? cw.s->areas[ai].id : 0;
			for (size_t i = 0; i < cw.all.n_initiatives; i++) {
				const struct initiative *in = &cw.all.initiatives[i];
				bool in_fa = in->focus_area_id == fid ||
					     (!fid && !cw_agreement_item(&cw, in->focus_area_id));
				bool known_area = structure_area(cw.s, in->area_id) != NULL;
				if (!in_fa || (area ? in->area_id != area : known_area))
					continue;
				html_printf(res, "<tr><td><a href=\"/initiatives/%lld\">", (long long)in->id);
				html_txt(res, in->title);
				html(res, "</a></td><td>");
				const struct area *ar = structure_area(cw.s, in->area_id);
				if (ar)
					html_link_area(res, ar);
				html_printf(res, "</td><td class=\"num\">%zu</td><td>", in->n_comments);
				size_t adopted = 0;
				for (size_t c = 0; c < cw.all.n_cases; c++)
					adopted += cw.all.cases[c].initiative_id == in->id;
				if (adopted)
					html_printf(res, "%zu sag%s", adopted, adopted == 1 ? "" : "er");
				else
					html(res, "–");
				html(res, "</td></tr>\n");
			}
		}
		html(res, "</tbody></table></div>\n</section>\n");
	}
	page_end(req, res);
}

/* The strategic-level body of a cluster (the lowest id); NULL. */
static const struct body *strategic_level(const struct structure *s,
					  int64_t area_id)
{
	for (size_t i = 0; i < s->n_bodies; i++)
		if (s->bodies[i].area_id == area_id && area_id &&
		    s->bodies[i].kind == BODY_STRATEGIC_LEVEL)
			return &s->bodies[i];
	return NULL;
}

void cases_initiative_show(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct initiative *in = initiative_param(req, res, &cw);
	if (!in)
		return;
	const struct area *ar = structure_area(cw.s, in->area_id);
	page_begin(req, res, in->title);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/initiatives\">Vidensdeling</a></nav>\n"
		  "<header class=\"page-head\"><p class=\"kicker\">Indsats");
	if (ar) {
		html(res, " · ");
		html_txt(res, ar->name);
	}
	html(res, "</p>\n<h1>");
	html_txt(res, in->title);
	html(res, "</h1></header>\n<dl class=\"facts\">\n<dt>Klynge</dt><dd>");
	if (ar)
		html_link_area(res, ar);
	else
		html(res, "–");
	html(res, "</dd>\n<dt>Indsatsområde</dt><dd>");
	focus_link(res, &cw, in->focus_area_id);
	html(res, "</dd>\n<dt>Kontakt</dt><dd>");
	const struct person *p = structure_person(cw.s, in->contact_person_id);
	if (p)
		html_link_person(res, p);
	else
		html_txt(res, in->contact_text && *in->contact_text ? in->contact_text : "–");
	html(res, "</dd>\n</dl>\n");
	html(res, "<section id=\"hvad\"><h2>Hvad er indsatsen</h2><div class=\"markdown\">");
	mtg_markdown(res, in->what);
	html(res, "</div></section>\n");
	if (in->results && *in->results) {
		html(res, "<section id=\"resultater\"><h2>Resultater og erfaringer</h2><div class=\"markdown\">");
		mtg_markdown(res, in->results);
		html(res, "</div></section>\n");
	}
	bool may_post = access_initiative_post(cw.full, &req->principal, in->area_id, cw.today);
	html(res, "<section id=\"filer\"><h2>Filer</h2>\n");
	if (in->n_files) {
		html(res, "<ul class=\"attachments\">");
		for (size_t i = 0; i < in->n_files; i++) {
			const struct attachment *at = &in->files[i];
			html(res, "<li><a href=\"/files/");
			html_attr(res, at->token);
			html(res, "\">");
			html_txt(res, at->filename);
			html(res, "</a> <span class=\"muted\">(");
			mtg_size(res, at->size);
			html(res, ")</span></li>");
		}
		html(res, "</ul>\n");
	} else {
		html(res, "<p class=\"empty\">Ingen filer.</p>\n");
	}
	if (may_post) {
		html_printf(res, "<form class=\"edit-form upload\" method=\"post\" enctype=\"multipart/form-data\" action=\"/initiatives/%lld/files\">",
			    (long long)in->id);
		html_csrf(req, res);
		html(res, "<div class=\"field\"><label for=\"f-file\">Tilføj fil</label>"
			  "<p class=\"hint\" id=\"f-file-hint\">PDF, billeder (PNG, JPEG, GIF), "
			  "tekst (.txt, .csv) eller Office-/OpenDocument-filer; højst 20 MB.</p>"
			  "<input type=\"file\" id=\"f-file\" name=\"file\" aria-describedby=\"f-file-hint\"></div>"
			  "<div class=\"form-actions actions\"><button type=\"submit\">Upload fil</button></div></form>\n");
	}
	html(res, "</section>\n");

	/* Adopted: the cases scaled from it. */
	html(res, "<section id=\"taget-i-brug\"><h2>Taget i brug</h2>\n");
	size_t adopted = 0;
	for (size_t i = 0; i < cw.all.n_cases; i++) {
		const struct case_file *c = &cw.all.cases[i];
		if (c->initiative_id != in->id)
			continue;
		if (!adopted++)
			html(res, "<ul class=\"plain\">");
		html(res, "<li>");
		cw_case_link(res, c);
		html(res, " ");
		cw_state_badge(res, case_state(c));
		html(res, "</li>");
	}
	html(res, adopted ? "</ul>\n" : "<p class=\"empty\">Ingen andre klynger har taget indsatsen i brug endnu.</p>\n");
	/* The adopting cluster's strategic level: those it may create
	 * cases in. */
	bool any = false;
	for (size_t i = 0; i < cw.s->n_bodies; i++) {
		const struct body *b = &cw.s->bodies[i];
		if (b->kind != BODY_STRATEGIC_LEVEL || !b->area_id || b->area_id == in->area_id ||
		    !access_case_create(cw.full, &req->principal, b->id, cw.today))
			continue;
		if (!any) {
			html_printf(res, "<form class=\"edit-form\" method=\"post\" action=\"/initiatives/%lld/adopt\">",
				    (long long)in->id);
			html_csrf(req, res);
			html(res, "<div class=\"field\"><label for=\"adopt-body\">Klyngens fagligt strategiske niveau</label>"
				  "<select id=\"adopt-body\" name=\"body\">");
		}
		any = true;
		html_printf(res, "<option value=\"%lld\">", (long long)b->id);
		html_txt(res, b->name);
		html(res, "</option>");
	}
	if (any)
		html(res, "</select></div><div class=\"form-actions actions\">"
			  "<button type=\"submit\">Tag i brug i vores klynge</button></div></form>\n");
	html(res, "</section>\n");

	html_printf(res, "<section id=\"kommentarer\"><h2>Kommentarer (%zu)</h2>\n", in->n_comments);
	if (in->n_comments) {
		html(res, "<ol class=\"comments plain\">");
		for (size_t i = 0; i < in->n_comments; i++) {
			const struct initiative_comment *cm = &in->comments[i];
			char at[48];
			audit_time_da(cm->at, at, sizeof(at));
			html(res, "<li><p class=\"meta muted\">");
			html_txt(res, cm->author);
			const struct area *ca = structure_area(cw.s, cm->area_id);
			if (ca) {
				html(res, " (");
				html_txt(res, ca->name);
				html(res, ")");
			}
			html(res, ", ");
			html_txt(res, at);
			html(res, "</p><p class=\"pre\">");
			html_txt(res, cm->text);
			html(res, "</p></li>");
		}
		html(res, "</ol>\n");
	}
	if (access_comment(cw.full, &req->principal, cw.today)) {
		html_printf(res, "<form class=\"edit-form\" method=\"post\" action=\"/initiatives/%lld/comments\">",
			    (long long)in->id);
		html_csrf(req, res);
		html(res, "<div class=\"field\"><label for=\"c-text\">Din kommentar</label>"
			  "<textarea id=\"c-text\" name=\"text\" rows=\"4\" maxlength=\"10000\"></textarea></div>"
			  "<div class=\"form-actions actions\"><button type=\"submit\">Kommentér</button></div></form>\n");
	} else if (access_is_public(&req->principal)) {
		html_printf(res, "<p><a href=\"/login?next=/initiatives/%lld\">Log ind</a> for at kommentere.</p>\n",
			    (long long)in->id);
	}
	html(res, "</section>\n");
	page_end(req, res);
}

/* The cluster the principal comments from: that of a body they have an
 * active membership of (the first), 0 when none. */
static int64_t principal_area(const struct cw *cw, const struct principal *p)
{
	if (!p->person_id)
		return 0;
	for (size_t i = 0; i < cw->full->n_memberships; i++) {
		const struct membership *m = &cw->full->memberships[i];
		if (m->person_id != p->person_id || !membership_active(m, cw->today))
			continue;
		int64_t a = case_body_area(cw->full, m->body_id);
		if (a)
			return a;
	}
	return 0;
}

void cases_initiative_comment(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct initiative *in = initiative_param(req, res, &cw);
	if (!in)
		return;
	const char *back = arena_printf(req->arena, "/initiatives/%lld", (long long)in->id);
	if (!web_authorize_case(req, res, access_comment(cw.full, &req->principal, cw.today),
				back))
		return;
	const char *t = req_form(req, "text");
	const char *text = t ? t : "";
	while (*text == ' ' || *text == '\n' || *text == '\r' || *text == '\t')
		text++;
	if (!*text || strlen(text) > 10000) {
		page_error(req, res, 422, *text ? "Kommentaren er for lang (højst 10.000 tegn)."
						: "Skriv en kommentar.");
		return;
	}
	struct err err = { 0 };
	if (store_initiative_comment_add(req->app->store, in->id,
					 principal_area(&cw, &req->principal), text,
					 &err) != 0) {
		page_error(req, res, form_err_status(&err), form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/initiatives/%lld#kommentarer",
				       (long long)in->id));
}

void cases_initiative_file(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct initiative *in = initiative_param(req, res, &cw);
	if (!in)
		return;
	const char *back = arena_printf(req->arena, "/initiatives/%lld", (long long)in->id);
	if (!web_authorize_case(req, res,
				access_initiative_post(cw.full, &req->principal, in->area_id,
						       cw.today),
				back))
		return;
	/* The same checks as an agenda item's attachments (meeting_files.c). */
	const struct web_file *file = NULL;
	for (size_t i = 0; i < req->n_files; i++)
		if (strcmp(req->files[i].field, "file") == 0) {
			file = &req->files[i];
			break;
		}
	if (!file || (file->len == 0 && !*file->filename)) {
		page_error(req, res, 422, "Vælg en fil, der skal uploades.");
		return;
	}
	if (file->len > UPLOAD_MAX) {
		page_error(req, res, 413, "Filen er for stor. En fil må højst fylde 20 MiB.");
		return;
	}
	if (file->len == 0) {
		page_error(req, res, 422, "Filen er tom.");
		return;
	}
	const char *name = upload_filename_clean(req->arena, file->filename);
	const char *type = upload_sniff(name, file->data, file->len);
	if (!type) {
		page_error(req, res, 422,
			   "Filtypen kan ikke bruges. Brug PDF, billeder (PNG, JPEG, GIF), "
			   "tekst (.txt, .csv) eller Office-/OpenDocument-filer (.docx, "
			   ".xlsx, .pptx, .odt, .ods).");
		return;
	}
	struct attachment at = { .filename = name, .media_type = type };
	struct err err = { 0 };
	if (store_initiative_file_add(req->app->store, in->id, &at, file->data,
				      file->len, &err) != 0) {
		page_error(req, res, form_err_status(&err), form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/initiatives/%lld#filer", (long long)in->id));
}

void cases_initiative_adopt(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct initiative *in = initiative_param(req, res, &cw);
	if (!in)
		return;
	const char *back = arena_printf(req->arena, "/initiatives/%lld", (long long)in->id);
	const char *bv = req_form(req, "body");
	const struct body *adopter = structure_body(cw.full, bv ? num_positive(bv) : 0);
	bool allowed = adopter && access_case_create(cw.full, &req->principal,
						     adopter->id, cw.today);
	if (!web_authorize_case(req, res, allowed || (!adopter && !access_is_public(&req->principal)),
				back))
		return;
	if (!adopter || adopter->kind != BODY_STRATEGIC_LEVEL || !adopter->area_id ||
	    adopter->area_id == in->area_id) {
		page_error(req, res, 422, "Vælg det fagligt strategiske niveau i en anden klynge.");
		return;
	}
	/* One scaling flow per initiative: it already goes to every other
	 * cluster, so a second adoption joins it rather than start another. */
	for (size_t i = 0; i < cw.all.n_cases; i++)
		if (cw.all.cases[i].initiative_id == in->id) {
			res_redirect(res, arena_printf(req->arena, "/cases/%lld",
						       (long long)cw.all.cases[i].id));
			return;
		}
	/* The flow starts where the initiative comes from. */
	const struct body *origin = strategic_level(cw.full, in->area_id);
	if (!origin) {
		page_error(req, res, 409, "Indsatsens klynge har intet fagligt strategisk niveau.");
		return;
	}
	const struct flow_template *t = NULL;
	for (size_t i = 0; i < cw.all.n_templates && !t; i++)
		if (strcmp(cw.all.templates[i].key, "skalering-af-lokal-indsats") == 0 &&
		    cw.all.templates[i].region_id == origin->region_id)
			t = &cw.all.templates[i];
	for (size_t i = 0; i < cw.all.n_templates && !t; i++)
		if (strcmp(cw.all.templates[i].key, "skalering-af-lokal-indsats") == 0)
			t = &cw.all.templates[i];
	if (!t) {
		page_error(req, res, 409, "Regionen har ingen skabelon for skalering af en lokal indsats.");
		return;
	}
	size_t n = 0;
	const char *why = NULL;
	struct case_step *steps = case_flow_generate(req->arena, cw.full, t, origin->id,
						     cw.today, &n, &why);
	if (!steps || !n) {
		page_error(req, res, 422, why ? why : "Sagsflowet kunne ikke dannes.");
		return;
	}
	struct case_file c = {
		.case_number = "",
		.title = in->title,
		.description = arena_printf(req->arena,
					    "Skalering af en lokal indsats fra %s, taget i brug af %s.",
					    structure_area(cw.full, in->area_id)
						    ? structure_area(cw.full, in->area_id)->name : "en klynge",
					    adopter->name),
		.origin_body_id = origin->id,
		.template_id = t->id,
		.initiative_id = in->id,
		.focus_area_id = in->focus_area_id,
		.started = cw.today,
		.steps = steps,
		.n_steps = n,
	};
	struct err err = { 0 };
	if (store_case_save(req->app->store, &c, &err) != 0) {
		page_error(req, res, form_err_status(&err), form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/cases/%lld", (long long)c.id));
}

/* The new-initiative form. */
static void initiative_render(struct form *f, struct response *res, int status,
			      const struct cw *cw)
{
	struct arena *a = f->req->arena;
	struct opts areas = { 0 };
	for (size_t i = 0; i < cw->s->n_areas; i++)
		if (access_initiative_post(cw->full, &f->req->principal, cw->s->areas[i].id,
					   cw->today))
			opts_add(a, &areas, arena_printf(a, "%lld", (long long)cw->s->areas[i].id),
				 cw->s->areas[i].name, NULL);
	struct opts people = opts_people(a, cw->s);
	struct opts focus = cw_focus_opts(f->req, cw);
	form_select(f, "area", "Klynge", "Den klynge, der deler indsatsen.", FF_REQUIRED,
		    &areas, "Vælg klynge");
	form_text(f, "title", "Titel", NULL, FF_REQUIRED);
	form_textarea(f, "what", "Hvad er indsatsen",
		      "Markdown: tomme linjer mellem afsnit, *kursiv*, **fed**, lister med - foran.", 8);
	form_textarea(f, "results", "Resultater og erfaringer", "Markdown.", 6);
	form_select(f, "contact", "Kontaktperson", NULL, 0, &people, "Ingen");
	form_text(f, "contact_text", "Kontakt (fritekst)",
		  "Bruges, når kontakten ikke er en person i klynge, fx en fællespostkasse.", 0);
	form_select(f, "focus_area", "Indsatsområde", NULL, 0, &focus, "Intet");
	form_crumb(f, "/initiatives", "Vidensdeling");
	form_page(f, res, status, "Del en indsats", NULL, "/initiatives",
		  "Del indsatsen", "/initiatives", NULL);
}

static bool may_post_any(struct request *req, const struct cw *cw)
{
	for (size_t i = 0; i < cw->full->n_areas; i++)
		if (access_initiative_post(cw->full, &req->principal, cw->full->areas[i].id,
					   cw->today))
			return true;
	return false;
}

void cases_initiative_new(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw) ||
	    !web_authorize_case(req, res, may_post_any(req, &cw), NULL))
		return;
	struct kvlist l = { 0 };
	static const char *fields[] = { "area", "title", "what", "results", "contact",
					"contact_text", "focus_area" };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		kv_set(req->arena, &l, fields[i], "");
	struct form f;
	form_init_values(&f, req, &l);
	initiative_render(&f, res, 200, &cw);
	form_free(&f);
}

void cases_initiative_create(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	struct form f;
	form_init_post(&f, req);
	struct initiative in = { 0 };
	in.area_id = form_ref(&f, "area");
	if (!structure_area(cw.full, in.area_id) &&
	    !field_errors_get(&f.errs, "area"))
		field_errors_add(req->arena, &f.errs, "area", "%s", "Vælg klyngen");
	in.title = form_str(&f, "title");
	if (!*in.title)
		field_errors_add(req->arena, &f.errs, "title", "%s", "Skriv indsatsens titel");
	in.what = form_str(&f, "what");
	if (!*in.what)
		field_errors_add(req->arena, &f.errs, "what", "%s", "Beskriv indsatsen");
	in.results = form_str(&f, "results");
	if (strlen(in.what) > 100000 || strlen(in.results) > 100000 || strlen(in.title) > 300)
		field_errors_add(req->arena, &f.errs, "what", "%s", "Teksten er for lang");
	in.contact_person_id = form_ref(&f, "contact");
	if (in.contact_person_id && !structure_person(cw.full, in.contact_person_id))
		field_errors_add(req->arena, &f.errs, "contact", "%s", "Ugyldigt valg");
	in.contact_text = form_str(&f, "contact_text");
	in.focus_area_id = form_ref(&f, "focus_area");
	const struct agreement_item *fa = cw_agreement_item(&cw, in.focus_area_id);
	if (in.focus_area_id && (!fa || fa->part != AGREEMENT_FOCUS_AREA))
		field_errors_add(req->arena, &f.errs, "focus_area", "%s", "Ugyldigt valg");
	form_parsed(&f);
	if (!web_authorize_case(req, res,
				in.area_id ? access_initiative_post(cw.full, &req->principal,
								    in.area_id, cw.today)
					   : may_post_any(req, &cw),
				"/initiatives/new"))
		goto out;
	if (form_has_errors(&f)) {
		initiative_render(&f, res, 422, &cw);
		goto out;
	}
	struct err err = { 0 };
	if (store_initiative_save(req->app->store, &in, &err) != 0) {
		initiative_render(&f, res, form_store_error(&f, &err), &cw);
		goto out;
	}
	form_redirect(req, res, "/initiatives", in.id);
out:
	form_free(&f);
}

/* ---- the health agreement ----------------------------------------------------- */

static void items_of(struct response *res, const struct cw *cw,
		     int64_t agreement_id, enum agreement_part part,
		     int64_t parent, bool link)
{
	bool any = false;
	for (size_t i = 0; i < cw->all.n_agreement_items; i++) {
		const struct agreement_item *it = &cw->all.agreement_items[i];
		if (it->agreement_id != agreement_id || it->part != part ||
		    it->parent_id != parent)
			continue;
		if (!any)
			html(res, "<ul class=\"agreement-items\">");
		any = true;
		html(res, "<li>");
		if (link)
			html_printf(res, "<a href=\"/focus-areas/%lld\"><strong>", (long long)it->id);
		else
			html(res, "<strong>");
		html_txt(res, it->title);
		html(res, link ? "</strong></a>" : "</strong>");
		if (it->description && *it->description) {
			html(res, "<br>");
			html_txt(res, it->description);
		}
		if (part == AGREEMENT_FOCUS_AREA)
			items_of(res, cw, agreement_id, AGREEMENT_GOAL, it->id, false);
		html(res, "</li>");
	}
	if (any)
		html(res, "</ul>\n");
}

void cases_agreement(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	page_begin(req, res, "Sundhedsaftale");
	html(res, "<header class=\"page-head\"><h1>Sundhedsaftale</h1>\n<p class=\"lead\">"
		  "Visioner, indsatsområder med mål og bærende principper – og de sager, "
		  "indsatser og handlinger, der knytter sig til dem.</p></header>\n");
	if (!cw.all.n_agreements)
		html(res, "<p class=\"empty\">Der er ikke registreret nogen sundhedsaftale.</p>\n");
	for (size_t i = 0; i < cw.all.n_agreements; i++) {
		const struct health_agreement *h = &cw.all.agreements[i];
		html_printf(res, "<section class=\"agreement\" id=\"aftale-%lld\">\n<h2>", (long long)h->id);
		html_txt(res, h->title);
		html(res, "</h2>\n<p class=\"muted\">");
		const struct organisation *r = structure_org(cw.s, h->region_id);
		if (r) {
			html_link_org(res, r);
			html(res, " · ");
		}
		html_period(res, h->valid_from, h->valid_to);
		if (h->note && *h->note) {
			html(res, " · ");
			html_txt(res, h->note);
		}
		html(res, "</p>\n<h3>Visioner</h3>\n");
		items_of(res, &cw, h->id, AGREEMENT_VISION, 0, false);
		html(res, "<h3>Indsatsområder og mål</h3>\n");
		items_of(res, &cw, h->id, AGREEMENT_FOCUS_AREA, 0, true);
		html(res, "<h3>Bærende principper</h3>\n");
		items_of(res, &cw, h->id, AGREEMENT_PRINCIPLE, 0, false);
		html(res, "</section>\n");
	}
	page_end(req, res);
}

void cases_focus_area(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct agreement_item *fa = cw_agreement_item(&cw, req_param_id(req, 0));
	if (!fa || fa->part != AGREEMENT_FOCUS_AREA) {
		page_error(req, res, 404, "Indsatsområdet findes ikke.");
		return;
	}
	const struct health_agreement *h = NULL;
	for (size_t i = 0; i < cw.all.n_agreements; i++)
		if (cw.all.agreements[i].id == fa->agreement_id)
			h = &cw.all.agreements[i];
	page_begin(req, res, fa->title);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/agreement\">Sundhedsaftale</a>");
	if (h) {
		html_printf(res, " <span aria-hidden=\"true\">›</span> <a href=\"/agreement#aftale-%lld\">",
			    (long long)h->id);
		html_txt(res, h->title);
		html(res, "</a>");
	}
	html(res, "</nav>\n<header class=\"page-head\"><p class=\"kicker\">Indsatsområde</p>\n<h1>");
	html_txt(res, fa->title);
	html(res, "</h1></header>\n");
	if (fa->description && *fa->description) {
		html(res, "<p class=\"description\">");
		html_txt(res, fa->description);
		html(res, "</p>\n");
	}
	html(res, "<section id=\"maal\"><h2>Mål</h2>\n");
	size_t goals = 0;
	for (size_t i = 0; i < cw.all.n_agreement_items; i++) {
		const struct agreement_item *g = &cw.all.agreement_items[i];
		if (g->part != AGREEMENT_GOAL || g->parent_id != fa->id)
			continue;
		if (!goals++)
			html(res, "<ol class=\"goals\">");
		html(res, "<li><strong>");
		html_txt(res, g->title);
		html(res, "</strong>");
		if (g->description && *g->description) {
			html(res, "<br>");
			html_txt(res, g->description);
		}
		html(res, "</li>");
	}
	html(res, goals ? "</ol>\n" : "<p class=\"empty\">Ingen mål registreret.</p>\n");
	html(res, "</section>\n");

	/* Progress: cases per state, actions done. */
	size_t per_state[CASE_STATE__COUNT] = { 0 };
	size_t n_cases = 0, n_actions = 0, done = 0, overdue = 0;
	for (size_t i = 0; i < cw.all.n_cases; i++)
		if (cw.all.cases[i].focus_area_id == fa->id) {
			per_state[case_state(&cw.all.cases[i])]++;
			n_cases++;
		}
	for (size_t i = 0; i < cw.all.n_actions; i++) {
		const struct followup_action *a = &cw.all.actions[i];
		if (a->focus_area_id != fa->id)
			continue;
		n_actions++;
		done += a->status == ACTION_DONE;
		overdue += case_action_overdue(a, cw.today);
	}
	html(res, "<section id=\"fremdrift\"><h2>Fremdrift</h2>\n<ul class=\"progress plain\">");
	html_printf(res, "<li><strong>%zu af %zu handlinger udført</strong>", done, n_actions);
	if (overdue)
		html_printf(res, " <span class=\"badge bad\">%zu overskredet</span>", overdue);
	html(res, "</li>");
	if (n_actions) {
		html_printf(res, "<li><progress max=\"%zu\" value=\"%zu\" aria-label=\"Handlinger udført\">%zu af %zu</progress></li>",
			    n_actions, done, done, n_actions);
	}
	html_printf(res, "<li>%zu sager:", n_cases);
	for (int st = 1; st < CASE_STATE__COUNT; st++) {
		if (!per_state[st])
			continue;
		html_printf(res, " %zu ", per_state[st]);
		cw_state_badge(res, (enum case_state)st);
	}
	html(res, "</li></ul>\n</section>\n");

	html(res, "<section id=\"sager\"><h2>Sager</h2>\n");
	if (n_cases) {
		html(res, "<ul class=\"plain\">");
		for (size_t i = 0; i < cw.all.n_cases; i++) {
			const struct case_file *c = &cw.all.cases[i];
			if (c->focus_area_id != fa->id)
				continue;
			html(res, "<li>");
			cw_case_link(res, c);
			html(res, " ");
			cw_state_badge(res, case_state(c));
			html(res, "</li>");
		}
		html(res, "</ul>\n");
	} else {
		html(res, "<p class=\"empty\">Ingen sager under indsatsområdet.</p>\n");
	}
	html(res, "</section>\n<section id=\"indsatser\"><h2>Delte indsatser</h2>\n");
	size_t ni = 0;
	for (size_t i = 0; i < cw.all.n_initiatives; i++) {
		const struct initiative *in = &cw.all.initiatives[i];
		if (in->focus_area_id != fa->id)
			continue;
		if (!ni++)
			html(res, "<ul class=\"plain\">");
		html_printf(res, "<li><a href=\"/initiatives/%lld\">", (long long)in->id);
		html_txt(res, in->title);
		html(res, "</a>");
		const struct area *ar = structure_area(cw.s, in->area_id);
		if (ar) {
			html(res, " <span class=\"muted\">(");
			html_txt(res, ar->name);
			html(res, ")</span>");
		}
		html(res, "</li>");
	}
	html(res, ni ? "</ul>\n" : "<p class=\"empty\">Ingen delte indsatser under indsatsområdet.</p>\n");
	html(res, "</section>\n<section id=\"handlinger\"><h2>Handlinger</h2>\n");
	if (n_actions) {
		cases_actions_head(res);
		for (size_t i = 0; i < cw.all.n_actions; i++)
			if (cw.all.actions[i].focus_area_id == fa->id)
				cases_action_row(req, res, &cw, &cw.all.actions[i], true);
		html(res, "</tbody></table></div>\n");
	} else {
		html(res, "<p class=\"empty\">Ingen handlinger under indsatsområdet.</p>\n");
	}
	html(res, "</section>\n");
	page_end(req, res);
}

/* ---- flow templates ------------------------------------------------------------ */

static void template_target(struct request *req, struct response *res,
			    const struct cw *cw, const struct flow_template_step *s)
{
	(void)req;
	switch (s->target) {
	case TARGET_BODY: {
		const struct body *b = structure_body(cw->s, s->target_body_id);
		if (b)
			html_link_body(res, b);
		else
			html(res, "Ukendt forum");
		return;
	}
	case TARGET_ORIGIN:
	case TARGET_ORIGIN_PARENT:
		html_txt(res, step_target_label(s->target));
		return;
	default:
		html_txt(res, step_target_label(s->target));
		html(res, ": ");
		html_txt(res, body_kind_label(s->target_kind));
	}
}

void cases_templates(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	page_begin(req, res, "Sagsflow-skabeloner");
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/cases\">Sager</a></nav>\n"
		  "<header class=\"page-head\"><h1>Sagsflow-skabeloner</h1>\n<p class=\"lead\">"
		  "Hvordan en sag går mellem fora, med tidsperspektiver for hvert trin.</p></header>\n");
	if (!cw.all.n_templates) {
		html(res, "<p class=\"empty\">Der er ingen skabeloner.</p>\n");
		page_end(req, res);
		return;
	}
	html(res, "<div class=\"table-wrap\"><table class=\"list\">\n<thead><tr>"
		  "<th scope=\"col\">Skabelon</th><th scope=\"col\">Region</th>"
		  "<th scope=\"col\" class=\"num\">Trin</th><th scope=\"col\" class=\"num\">Sager</th>"
		  "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < cw.all.n_templates; i++) {
		const struct flow_template *t = &cw.all.templates[i];
		size_t nc = 0;
		for (size_t k = 0; k < cw.all.n_cases; k++)
			nc += cw.all.cases[k].template_id == t->id;
		html_printf(res, "<tr><td><a href=\"/templates/%lld\">", (long long)t->id);
		html_txt(res, t->name);
		html(res, "</a></td><td>");
		html_org_name(res, structure_org(cw.s, t->region_id));
		html_printf(res, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td></tr>\n",
			    t->n_steps, nc);
	}
	html(res, "</tbody></table></div>\n");
	page_end(req, res);
}

void cases_template_show(struct request *req, struct response *res)
{
	struct cw cw;
	if (!cw_load(req, res, &cw))
		return;
	const struct flow_template *t = cw_template(&cw, req_param_id(req, 0));
	if (!t) {
		page_error(req, res, 404, "Skabelonen findes ikke.");
		return;
	}
	page_begin(req, res, t->name);
	html(res, "<nav class=\"crumbs\" aria-label=\"Brødkrummer\"><a href=\"/cases\">Sager</a>"
		  " <span aria-hidden=\"true\">›</span> <a href=\"/templates\">Sagsflow-skabeloner</a></nav>\n"
		  "<header class=\"page-head\"><p class=\"kicker\">Sagsflow</p>\n<h1>");
	html_txt(res, t->name);
	html(res, "</h1>\n");
	if (access_region_edit(cw.full, &req->principal, t->region_id, cw.today))
		html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/templates/%lld/edit\">Rediger sagsflow</a></p>\n",
			    (long long)t->id);
	html(res, "</header>\n");
	if (t->description && *t->description) {
		html(res, "<p class=\"description\">");
		html_txt(res, t->description);
		html(res, "</p>\n");
	}
	html(res, "<div class=\"table-wrap\"><table class=\"list flow\">\n<thead><tr>"
		  "<th scope=\"col\">Trin</th><th scope=\"col\">Hvem</th><th scope=\"col\">Handling</th>"
		  "<th scope=\"col\" class=\"num\">Tidsperspektiv</th><th scope=\"col\">Vejledning</th>"
		  "</tr></thead>\n<tbody>\n");
	int total = 0;
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct flow_template_step *s = &t->steps[i];
		total += s->offset_days;
		html_printf(res, "<tr><td class=\"num\">%d</td><td>", s->position);
		template_target(req, res, &cw, s);
		html(res, "</td><td>");
		html_txt(res, step_action_label(s->action));
		html_printf(res, "</td><td class=\"num\">+%d dage <span class=\"muted\">(dag %d)</span></td><td>",
			    s->offset_days, total);
		html_txt(res, s->note);
		html(res, "</td></tr>\n");
	}
	html(res, "</tbody></table></div>\n");
	html_printf(res, "<p class=\"actions\"><a class=\"button\" href=\"/cases?template=%lld\">Sager</a> "
		    "<a class=\"button\" href=\"/leadtimes?template=%lld\">Gennemløbstider</a></p>\n",
		    (long long)t->id, (long long)t->id);
	page_end(req, res);
}
