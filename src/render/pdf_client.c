/*
 * pdf_client.c - the server's side of the PDF builder: serialises a
 * meeting into the JSON document klynge-pdf reads (its format is at the
 * top of pdf.c) and runs klynge-pdf as a child process.
 *
 * Why out of process: poppler is GPL and parses the attachments, which
 * are untrusted uploads; a crash or a runaway parse must not take the
 * server down. The child gets resource limits (CPU 60 s, address space
 * 2 GiB, file size 512 MiB) and is killed after 120 s of wall clock.
 *
 * Attachments travel base64-encoded inside the JSON on the child's
 * stdin: nothing is written to disk, so there is no temporary directory
 * to clean up after a crash, and the child needs no file access at all.
 *
 * Thread safety: the server calls this from several threads at once.
 * No global state; the child is started with posix_spawn (glibc uses
 * clone(CLONE_VFORK): nothing runs between fork and exec in this
 * process); the pipes are O_CLOEXEC so a child spawned by another thread
 * at the same moment does not inherit them (which would keep our pipes
 * open and hang the reader); SIGPIPE is blocked in this thread only,
 * while feeding the child.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "pdf.h"
#include "../util/date.h"

extern char **environ;

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
#define PDF_CLIENT_ASAN 1	/* ASan reserves terabytes of address space */
#else
#define PDF_CLIENT_ASAN 0
#endif

#define PDF_CPU_SECONDS 60
#define PDF_WALL_SECONDS 120
#define PDF_MAX_AS ((rlim_t)2 << 30)
#define PDF_MAX_FSIZE ((rlim_t)512 << 20)
#define PDF_MAX_OUTPUT ((size_t)512 << 20)
#define PDF_MAX_STDERR 2048

/* ---- the JSON document ------------------------------------------------ */

static void set_str(json_t *o, const char *key, const char *v)
{
	json_object_set_new(o, key, json_string(v ? v : ""));
}

/* Standard base64 with padding; malloc'ed, NUL-terminated. */
static char *b64_encode(const unsigned char *p, size_t n, size_t *outlen)
{
	static const char tab[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t len = (n + 2) / 3 * 4;
	char *o = malloc(len + 1);
	if (!o)
		return NULL;
	size_t i = 0, j = 0;
	for (; i + 2 < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		o[j++] = tab[v >> 18];
		o[j++] = tab[(v >> 12) & 63];
		o[j++] = tab[(v >> 6) & 63];
		o[j++] = tab[v & 63];
	}
	if (i < n) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		o[j++] = tab[v >> 18];
		o[j++] = tab[(v >> 12) & 63];
		o[j++] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		o[j++] = '=';
	}
	o[j] = '\0';
	*outlen = j;
	return o;
}

/* The organisation a membership speaks for: the one represented, else
 * the person's employer; "" when neither. */
static const char *member_org(const struct structure *s,
			      const struct membership *ms,
			      const struct person *p)
{
	const struct organisation *o = structure_org(s, ms->represents_id);
	if (!o && p)
		o = structure_org(s, p->organisation_id);
	return o ? o->name : "";
}

/* Copenhagen's UTC offset in hours at the UTC time utc: 2 in summer
 * time (EU rule: last Sunday of March 01:00 UTC to last Sunday of
 * October 01:00 UTC), else 1. Done by hand because setting TZ for
 * localtime_r is not thread-safe. */
static int dk_offset_hours(const struct tm *utc)
{
	int y = utc->tm_year + 1900;
	/* Day of week of March 31 / October 31 (Sakamoto). */
	static const int k[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int dow_mar31 = (y + y / 4 - y / 100 + y / 400 + k[2] + 31) % 7;
	int dow_oct31 = (y + y / 4 - y / 100 + y / 400 + k[9] + 31) % 7;
	int start = 31 - dow_mar31;	/* last Sunday of March */
	int end = 31 - dow_oct31;	/* last Sunday of October */
	int m = utc->tm_mon + 1, d = utc->tm_mday, h = utc->tm_hour;
	bool after_start = m > 3 || (m == 3 && (d > start || (d == start && h >= 1)));
	bool before_end = m < 10 || (m == 10 && (d < end || (d == end && h < 1)));
	return after_start && before_end ? 2 : 1;
}

/* A UTC time "YYYY-MM-DDTHH:MM:SSZ" as a Danish date on the Copenhagen
 * calendar ("12. august 2022"); "" when it cannot be read. */
static void utc_to_da(const char *at, char *out, size_t outsz)
{
	int64_t t;
	out[0] = '\0';
	if (!at || datetime_parse(at, &t) != 0)
		return;
	time_t tt = (time_t)t;
	struct tm tm;
	if (!gmtime_r(&tt, &tm))
		return;
	tt += (time_t)dk_offset_hours(&tm) * 3600;
	if (!gmtime_r(&tt, &tm))
		return;
	date_format_da((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
		       tm.tm_mday, out, outsz);
}

static json_t *lines_json(struct arena *a, const char *text)
{
	json_t *arr = json_array();
	size_t n = 0;
	const char **l = meeting_lines(a, text ? text : "", &n);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(l[i]));
	return arr;
}

static const struct pdf_attachment_data *
att_data(const struct attachment *at, const struct pdf_attachment_data *att,
	 size_t n_att)
{
	for (size_t i = 0; i < n_att; i++)
		if (att[i].at && att[i].at->id == at->id && att[i].data)
			return &att[i];
	return NULL;
}

static json_t *item_json(struct arena *a, const struct agenda_item *it,
			 bool minutes, bool hide,
			 const struct pdf_attachment_data *att, size_t n_att)
{
	json_t *o = json_object();
	json_object_set_new(o, "number", json_integer(it->number));
	set_str(o, "title", it->title);
	json_object_set_new(o, "closed", json_boolean(it->closed));
	/* A closed item in the public edition: number and title only, even
	 * if the caller's view let more through. */
	set_str(o, "case_number", hide ? "" : it->case_number);
	set_str(o, "kind", it->kind ? item_kind_label(it->kind) : "");
	set_str(o, "summary", hide ? "" : it->summary);
	set_str(o, "presentation", hide ? "" : it->presentation);
	set_str(o, "recommended_by", hide ? "" : it->recommended_by);
	json_object_set_new(o, "resolutions",
			    lines_json(a, hide ? "" : it->resolutions));
	set_str(o, "dissent", hide ? "" : it->dissent);
	json_object_set_new(o, "guests", lines_json(a, hide ? "" : it->guests));
	set_str(o, "decision", hide ? "" : it->decision);
	set_str(o, "outcome", !hide && it->outcome ?
		item_outcome_label(it->outcome) : "");
	json_t *list = json_array();
	for (size_t i = 0; !hide && i < it->n_attachments; i++) {
		const struct attachment *at = &it->attachments[i];
		json_t *ao = json_object();
		json_object_set_new(ao, "position", json_integer(at->position));
		set_str(ao, "filename", at->filename);
		set_str(ao, "media_type", at->media_type);
		const struct pdf_attachment_data *ad = att_data(at, att, n_att);
		/* The minutes list attachments but do not include them. */
		if (ad && !minutes) {
			size_t bl;
			char *b = b64_encode(ad->data, ad->len, &bl);
			if (b)
				json_object_set_new(ao, "data",
						    json_stringn(b, bl));
			free(b);
		}
		json_array_append_new(list, ao);
	}
	json_object_set_new(o, "attachments", list);
	return o;
}

/* The whole document klynge-pdf lays out (format: top of pdf.c). */
static json_t *document_json(struct arena *a, const struct structure *s,
			     const struct meeting *m, bool minutes,
			     bool public_edition,
			     const struct pdf_attachment_data *att,
			     size_t n_att)
{
	json_t *o = json_object();
	char tmp[64], t2[8];
	set_str(o, "kind", minutes ? "minutes" : "agenda");
	json_object_set_new(o, "public", json_boolean(public_edition));
	set_str(o, "title", meeting_display_title(a, s, m));
	const struct body *b = structure_body(s, m->body_id);
	set_str(o, "body", b ? b->name : "");
	const struct organisation *reg = b ? structure_org(s, b->region_id) : NULL;
	set_str(o, "region", reg ? reg->name : "");
	const struct area *ar = b ? structure_area(s, b->area_id) : NULL;
	set_str(o, "area", ar ? ar->name : "");
	set_str(o, "meeting_kind", m->kind ? meeting_kind_label(m->kind) : "");
	date_format_da(m->date, tmp, sizeof(tmp));
	set_str(o, "date", tmp);
	meeting_time_format(m->start_min, tmp, sizeof(tmp));
	meeting_time_format(m->end_min, t2, sizeof(t2));
	if (m->end_min > m->start_min)
		set_str(o, "time", arena_printf(a, "%s–%s", tmp, t2));
	else
		set_str(o, "time", tmp);
	set_str(o, "place", m->place);
	set_str(o, "online_url", m->online_url);

	/* The chairmanship on the meeting's date (public information). */
	json_t *chairs = json_array();
	for (size_t i = 0; i < s->n_memberships; i++) {
		const struct membership *ms = &s->memberships[i];
		if (ms->body_id != m->body_id || !membership_active(ms, m->date) ||
		    (ms->role != ROLE_CHAIR && ms->role != ROLE_CO_CHAIR))
			continue;
		const struct person *p = structure_person(s, ms->person_id);
		if (!p)
			continue;
		json_t *c = json_object();
		set_str(c, "name", p->name);
		set_str(c, "role", role_label(ms->role));
		set_str(c, "organisation", member_org(s, ms, p));
		json_array_append_new(chairs, c);
	}
	json_object_set_new(o, "chairs", chairs);

	bool approved = m->state == MEETING_MINUTES_APPROVED;
	json_object_set_new(o, "approved", json_boolean(approved));
	tmp[0] = '\0';
	for (size_t i = 0; approved && i < m->n_events; i++)
		if (m->events[i].to == MEETING_MINUTES_APPROVED)
			utc_to_da(m->events[i].at, tmp, sizeof(tmp));
	set_str(o, "approved_date", tmp);

	json_t *att_list = json_array();
	for (size_t i = 0; minutes && i < m->n_attendance; i++) {
		const struct attendance *at = &m->attendance[i];
		const struct membership *ms = structure_membership(s,
							at->membership_id);
		const struct person *p = ms ? structure_person(s, ms->person_id)
					    : NULL;
		if (!p || at->status == ATTEND_NONE)
			continue;
		json_t *x = json_object();
		set_str(x, "name", p->name);
		set_str(x, "organisation", member_org(s, ms, p));
		set_str(x, "status", attendance_status_code(at->status));
		set_str(x, "note", at->note);
		json_array_append_new(att_list, x);
	}
	json_object_set_new(o, "attendance", att_list);

	time_t now = time(NULL);
	struct tm tm;
	if (gmtime_r(&now, &tm)) {
		strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%SZ", &tm);
		set_str(o, "created", tmp);
	}

	json_t *items = json_array();
	for (size_t i = 0; i < m->n_items; i++) {
		const struct agenda_item *it = &m->items[i];
		json_array_append_new(items, item_json(a, it, minutes,
			public_edition && it->closed, att, n_att));
	}
	json_object_set_new(o, "items", items);
	return o;
}

/* ---- running klynge-pdf ----------------------------------------------- */

/* The builder's path: $KLYNGE_PDF_BIN, else klynge-pdf next to this
 * executable. Arena-owned; NULL when it cannot be worked out. */
static const char *builder_path(struct arena *a)
{
	const char *env = getenv("KLYNGE_PDF_BIN");
	if (env && *env)
		return arena_strdup(a, env);
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	char *slash = strrchr(self, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return arena_printf(a, "%s/klynge-pdf", self);
}

static void set_limit(pid_t pid, int res, rlim_t v)
{
	struct rlimit rl = { v, v };
	prlimit(pid, res, &rl, NULL);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/*
 * Runs the builder at path with `input` on its stdin; its stdout goes to
 * pdf, the start of its stderr to errtext. Returns 0 when it exited 0;
 * otherwise -1 with a Danish reason in why (whysz bytes).
 */
static int run_builder(const char *path, const char *input, size_t inlen,
		       struct buf *pdf, char *why, size_t whysz)
{
	int in[2] = { -1, -1 }, outp[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int rc = -1;
	pid_t pid = -1;
	bool spawned = false;
	char errtext[PDF_MAX_STDERR + 1];
	size_t errlen = 0;
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t pipeset, oldmask, pending_before;

	if (pipe2(in, O_CLOEXEC) || pipe2(outp, O_CLOEXEC) ||
	    pipe2(errp, O_CLOEXEC)) {
		snprintf(why, whysz, "kunne ikke oprette rør: %s",
			 strerror(errno));
		goto out_fds;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, outp[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	posix_spawnattr_init(&attr);
	sigset_t empty, all;
	sigemptyset(&empty);
	sigfillset(&all);
	posix_spawnattr_setsigmask(&attr, &empty);
	posix_spawnattr_setsigdefault(&attr, &all);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
				 POSIX_SPAWN_SETSIGDEF);
	char *argv[] = { (char *)"klynge-pdf", NULL };
	int e = posix_spawn(&pid, path, &fa, &attr, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&attr);
	if (e != 0) {
		snprintf(why, whysz, "klynge-pdf kunne ikke startes (%s): %s",
			 path, strerror(e));
		goto out_fds;
	}
	spawned = true;
	/* The child waits for its input, so these are in force before it
	 * looks at anything untrusted. (It sets the same limits itself.) */
	set_limit(pid, RLIMIT_CPU, PDF_CPU_SECONDS);
	set_limit(pid, RLIMIT_FSIZE, PDF_MAX_FSIZE);
	if (!PDF_CLIENT_ASAN)
		set_limit(pid, RLIMIT_AS, PDF_MAX_AS);
	close_fd(&in[0]);
	close_fd(&outp[1]);
	close_fd(&errp[1]);
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);

	/* A child that dies early must give EPIPE here, not SIGPIPE to the
	 * whole server: block it in this thread and swallow one we cause. */
	sigemptyset(&pipeset);
	sigaddset(&pipeset, SIGPIPE);
	sigpending(&pending_before);
	pthread_sigmask(SIG_BLOCK, &pipeset, &oldmask);

	size_t off = 0;
	double deadline = now_s() + PDF_WALL_SECONDS;
	bool timed_out = false, too_big = false;
	if (inlen == 0)
		close_fd(&in[1]);
	char chunk[65536];
	while (outp[0] >= 0 || errp[0] >= 0) {
		struct pollfd pf[3];
		int np = 0, iw = -1, io = -1, ie = -1;
		if (in[1] >= 0) {
			pf[np] = (struct pollfd){ in[1], POLLOUT, 0 };
			iw = np++;
		}
		if (outp[0] >= 0) {
			pf[np] = (struct pollfd){ outp[0], POLLIN, 0 };
			io = np++;
		}
		if (errp[0] >= 0) {
			pf[np] = (struct pollfd){ errp[0], POLLIN, 0 };
			ie = np++;
		}
		double left = deadline - now_s();
		if (left <= 0) {
			timed_out = true;
			break;
		}
		int r = poll(pf, (nfds_t)np, (int)(left * 1000) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (iw >= 0 && pf[iw].revents) {
			ssize_t w = write(in[1], input + off, inlen - off);
			if (w > 0)
				off += (size_t)w;
			else if (w < 0 && errno != EAGAIN && errno != EINTR)
				off = inlen;	/* EPIPE: the child is gone */
			if (off >= inlen)
				close_fd(&in[1]);
		}
		if (io >= 0 && pf[io].revents) {
			ssize_t n = read(outp[0], chunk, sizeof(chunk));
			if (n > 0) {
				if (pdf->len + (size_t)n > PDF_MAX_OUTPUT) {
					too_big = true;
					break;
				}
				buf_put(pdf, chunk, (size_t)n);
			} else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
				close_fd(&outp[0]);
			}
		}
		if (ie >= 0 && pf[ie].revents) {
			ssize_t n = read(errp[0], chunk, sizeof(chunk));
			if (n > 0) {
				size_t keep = (size_t)n;
				if (keep > PDF_MAX_STDERR - errlen)
					keep = PDF_MAX_STDERR - errlen;
				memcpy(errtext + errlen, chunk, keep);
				errlen += keep;
			} else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
				close_fd(&errp[0]);
			}
		}
	}
	close_fd(&in[1]);
	sigset_t pending;
	sigpending(&pending);
	if (sigismember(&pending, SIGPIPE) &&
	    !sigismember(&pending_before, SIGPIPE)) {
		struct timespec zero = { 0, 0 };
		sigtimedwait(&pipeset, NULL, &zero);
	}
	pthread_sigmask(SIG_SETMASK, &oldmask, NULL);

	if (timed_out || too_big)
		kill(pid, SIGKILL);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	spawned = false;
	errtext[errlen] = '\0';
	/* The first non-empty line of what it said. */
	char *msg = errtext;
	while (*msg == '\n' || *msg == '\r' || *msg == ' ')
		msg++;
	char *nl = strchr(msg, '\n');
	if (nl)
		*nl = '\0';
	if (timed_out)
		snprintf(why, whysz, "klynge-pdf blev stoppet efter %d sekunder",
			 PDF_WALL_SECONDS);
	else if (too_big)
		snprintf(why, whysz, "dokumentet blev større end %zu MiB",
			 PDF_MAX_OUTPUT >> 20);
	else if (WIFSIGNALED(status))
		snprintf(why, whysz, "klynge-pdf stoppede med signal %d%s",
			 WTERMSIG(status), WTERMSIG(status) == SIGXCPU ?
			 " (CPU-tidsgrænsen)" : "");
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		snprintf(why, whysz, "%.300s", *msg ? msg :
			 "klynge-pdf fejlede uden besked");
	else if (pdf->len < 5 || memcmp(pdf->data, "%PDF-", 5) != 0)
		snprintf(why, whysz, "klynge-pdf skrev ikke en PDF");
	else
		rc = 0;
out_fds:
	if (spawned) {
		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	close_fd(&in[0]);
	close_fd(&in[1]);
	close_fd(&outp[0]);
	close_fd(&outp[1]);
	close_fd(&errp[0]);
	close_fd(&errp[1]);
	return rc;
}

int pdf_meeting_document(struct arena *a, const struct structure *s,
			 const struct meeting *m, enum document_kind kind,
			 bool public_edition,
			 const struct pdf_attachment_data *att, size_t n_att,
			 struct buf *out, struct err *err)
{
	if (!s || !m || (kind != DOCUMENT_AGENDA && kind != DOCUMENT_MINUTES)) {
		err_set(err, ERR_INVALID, "invalid",
			"PDF'en kunne ikke dannes: ukendt dokumenttype.");
		return ERR_INVALID;
	}
	const char *path = builder_path(a);
	if (!path || access(path, X_OK) != 0) {
		err_set(err, ERR_INTERNAL, "pdf_failed",
			"PDF'en kunne ikke dannes: PDF-værktøjet klynge-pdf "
			"findes ikke (%s).", path ? path : "ukendt sti");
		return ERR_INTERNAL;
	}
	json_t *doc = document_json(a, s, m, kind == DOCUMENT_MINUTES,
				    public_edition, att, n_att);
	char *input = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	if (!input) {
		err_set(err, ERR_INTERNAL, "pdf_failed",
			"PDF'en kunne ikke dannes: mødet kunne ikke "
			"serialiseres.");
		return ERR_INTERNAL;
	}
	struct buf pdf = BUF_INIT;
	char why[400] = "";
	int rc = run_builder(path, input, strlen(input), &pdf, why, sizeof(why));
	free(input);
	if (rc != 0) {
		buf_free(&pdf);
		err_set(err, ERR_INTERNAL, "pdf_failed",
			"PDF'en kunne ikke dannes: %s", why);
		return ERR_INTERNAL;
	}
	buf_put(out, pdf.data, pdf.len);
	buf_free(&pdf);
	return 0;
}
