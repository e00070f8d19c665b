/*
 * cli.c - klynge import, export, check and audit (see cli.h).
 *
 * Messages for people go to stderr in Danish, prefixed with the command
 * ("klynge import: ..."); data goes to stdout. Exit status: 0 done,
 * 1 failed (or, for check, violations found), 2 bad usage.
 */
#include "cli.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/rules.h"
#include "util/date.h"

/* The parser refuses more than 64 MiB; reading stops a little after. */
#define CLI_MAX_FILE (((size_t)64 << 20) + 1)

/* The reason for a failed file operation in Danish (the C library's
 * strerror speaks English). */
static const char *errno_da(int e)
{
	switch (e) {
	case ENOENT: return "filen findes ikke";
	case EACCES: case EPERM: return "adgang nægtet";
	case EISDIR: return "det er en mappe, ikke en fil";
	case ENOSPC: return "disken er fuld";
	case EPIPE: return "modtageren lukkede forbindelsen";
	default: return strerror(e);
	}
}

/* Reads a whole file into b (at most CLI_MAX_FILE bytes). */
static int read_file(const char *path, struct buf *b, struct err *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (!f) {
		err_set(err, ERR_NOT_FOUND, "open", "kan ikke åbne filen: %s",
			errno_da(errno));
		return ERR_NOT_FOUND;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_put(b, chunk, n);
		if (b->len > CLI_MAX_FILE) {
			err_set(err, ERR_INVALID, "too_large",
				"filen er for stor (højst 64 MiB)");
			rc = ERR_INVALID;
			goto out;
		}
	}
	if (ferror(f)) {
		err_set(err, ERR_INTERNAL, "read", "kan ikke læse filen: %s",
			errno_da(errno));
		rc = ERR_INTERNAL;
	}
out:
	fclose(f);
	return rc;
}

int cli_import(struct store *st, const char *path)
{
	struct arena a;
	struct buf text = BUF_INIT;
	struct structure s;
	struct err err = { 0 };
	int rc = 1;

	arena_init(&a);
	if (read_file(path, &text, &err) != 0 ||
	    structure_from_json(&a, buf_str(&text), text.len, &s, &err) != 0) {
		fprintf(stderr, "klynge import: %s: %s\n", path, err.msg);
		goto out;
	}
	if (store_import(st, &s, &err) != 0) {
		fprintf(stderr, "klynge import: %s\n", err.msg);
		goto out;
	}
	printf("Indlæst: %zu organisationer, %zu områder, %zu fora, "
	       "%zu kommissorier, %zu personer, %zu medlemskaber\n",
	       s.n_orgs, s.n_areas, s.n_bodies, s.n_charters, s.n_people,
	       s.n_memberships);
	rc = 0;
out:
	buf_free(&text);
	arena_free(&a);
	return rc;
}

int cli_export(struct store *st)
{
	struct arena a;
	struct buf out = BUF_INIT;
	struct structure s;
	struct err err = { 0 };
	int rc = 1;

	arena_init(&a);
	if (store_load(st, &a, &s, &err) != 0 ||
	    structure_to_json(&s, &out, &err) != 0) {
		fprintf(stderr, "klynge export: %s\n", err.msg);
		goto out;
	}
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, "klynge export: kan ikke skrive: %s\n", errno_da(errno));
		goto out;
	}
	rc = 0;
out:
	buf_free(&out);
	arena_free(&a);
	return rc;
}

/* "Politisk niveau Fyn (pol-fyn)" */
static void print_body_name(const struct body *b)
{
	printf("%s (%s)", b->name, b->key);
}

/*
 * Checks one body and prints "Forum (key): N problemer" followed by one
 * line per violation, or "Forum (key): i orden". Returns the number of
 * violations.
 */
static size_t check_one(struct arena *a, const struct structure *s,
			const struct body *b, int date)
{
	struct violations v = { 0 };

	rules_check_body(a, s, b->id, date, &v);
	print_body_name(b);
	if (v.n == 0) {
		printf(": i orden\n");
		return 0;
	}
	printf(": %zu %s\n", v.n, v.n == 1 ? "problem" : "problemer");
	for (size_t i = 0; i < v.n; i++) {
		/* The heading names the body; messages that start with the
		 * name too ("SSU: ...") are shown without it. */
		const char *m = v.items[i].message;
		size_t len = strlen(b->name);
		if (strncmp(m, b->name, len) == 0 && m[len] == ':' && m[len + 1] == ' ')
			m += len + 2;
		printf("  - %s [%s]\n", m, v.items[i].code);
	}
	return v.n;
}

int cli_check(struct store *st, int argc, char **argv)
{
	struct arena a;
	struct structure s;
	struct err err = { 0 };
	const char *body_key = NULL, *date_arg = NULL;
	const struct body *only = NULL;
	size_t total = 0, with_problems = 0, checked = 0;
	char day[32];
	int date = 0, rc = 2;

	arena_init(&a);
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			date_arg = argv[++i];
		} else if (strncmp(argv[i], "--date=", 7) == 0) {
			date_arg = argv[i] + 7;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "klynge check: ukendt argument «%s»\n", argv[i]);
			goto out;
		} else if (!body_key) {
			body_key = argv[i];
		} else {
			fprintf(stderr, "klynge check: angiv højst ét forum\n");
			goto out;
		}
	}
	if (date_arg && date_parse(date_arg, &date) != 0) {
		fprintf(stderr, "klynge check: ugyldig dato «%s» (skal være ÅÅÅÅ-MM-DD)\n",
			date_arg);
		goto out;
	}
	if (!date)
		date = date_today();

	if (store_load(st, &a, &s, &err) != 0) {
		fprintf(stderr, "klynge check: %s\n", err.msg);
		rc = 1;
		goto out;
	}
	if (body_key) {
		for (size_t i = 0; i < s.n_bodies && !only; i++)
			if (strcmp(s.bodies[i].key, body_key) == 0)
				only = &s.bodies[i];
		if (!only) {
			fprintf(stderr, "klynge check: ukendt forum «%s»\n", body_key);
			goto out;
		}
	}

	date_format_da(date, day, sizeof(day));
	printf("Regeltjek pr. %s\n\n", day);
	for (size_t i = 0; i < s.n_bodies; i++) {
		const struct body *b = &s.bodies[i];
		if (only ? b != only : !b->formal)
			continue;
		if (!b->formal) {
			print_body_name(b);
			printf(": er ikke et formelt forum; der er ingen regler at tjekke\n");
			continue;
		}
		size_t n = check_one(&a, &s, b, date);
		checked++;
		total += n;
		with_problems += n > 0;
	}
	if (total)
		printf("\nI alt %zu %s i %zu af %zu fora.\n", total,
		       total == 1 ? "problem" : "problemer", with_problems, checked);
	else
		printf("\nIngen problemer i %zu %s.\n", checked,
		       checked == 1 ? "forum" : "fora");
	rc = total ? 1 : 0;
out:
	arena_free(&a);
	return rc;
}

/* ---- audit -------------------------------------------------------------- */

void cli_actor_init(void)
{
	const struct passwd *pw = getpwuid(geteuid());
	const char *user = pw && pw->pw_name ? pw->pw_name : getenv("USER");
	char actor[160];
	if (user && *user)
		snprintf(actor, sizeof(actor), "cli (%s)", user);
	else
		snprintf(actor, sizeof(actor), "cli (uid %u)", (unsigned)geteuid());
	store_actor_set(actor);
}

/* A positive decimal number; 0 when s is not one. */
static int64_t parse_count(const char *s)
{
	int64_t v = 0;
	if (!s || *s < '1' || *s > '9')
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > INT64_MAX / 10 - 10)
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static const char *action_da(const char *action)
{
	if (strcmp(action, "create") == 0)
		return "oprettet";
	if (strcmp(action, "update") == 0)
		return "ændret";
	if (strcmp(action, "delete") == 0)
		return "slettet";
	if (strcmp(action, "import") == 0)
		return "indlæst";
	return action;
}

int cli_audit(struct store *st, int argc, char **argv)
{
	static const char *const kinds[] = { "organisation", "area", "body",
		"charter", "person", "membership", "rotation", "structure", NULL };
	const char *kind = NULL;
	int64_t id = 0, body = 0, limit = 0;
	struct arena a;
	struct audit_entry *rows = NULL;
	size_t n = 0;
	struct err err = { 0 };
	int rc = 1;

	/* Every option takes a value: they come in pairs. */
	for (int i = 0; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--kind") == 0 && v) {
			kind = v;
			bool ok = false;
			for (const char *const *k = kinds; *k; k++)
				ok = ok || strcmp(*k, v) == 0;
			if (!ok) {
				fprintf(stderr, "klynge audit: ukendt slags '%s' (brug "
					"organisation, area, body, charter, person, "
					"membership, rotation eller structure)\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "--id") == 0 && v) {
			if (!(id = parse_count(v))) {
				fprintf(stderr, "klynge audit: ugyldigt id '%s'\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "--body") == 0 && v) {
			if (!(body = parse_count(v))) {
				fprintf(stderr, "klynge audit: ugyldigt forum-id '%s'\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "--limit") == 0 && v) {
			if (!(limit = parse_count(v)) || limit > 1000000) {
				fprintf(stderr, "klynge audit: ugyldigt antal '%s'\n", v);
				return 2;
			}
		} else {
			fprintf(stderr, "klynge audit: ukendt argument '%s'\n", argv[i]);
			return 2;
		}
	}
	arena_init(&a);
	if (store_audit_list(st, &a, kind, id, body, (int)limit, &rows, &n,
			     &err) != 0) {
		fprintf(stderr, "klynge audit: %s\n", err.msg);
		goto out;
	}
	/* Newest first, as stored times (UTC); changes indented below. */
	for (size_t i = 0; i < n; i++) {
		const struct audit_entry *e = &rows[i];
		printf("%s  %s  %s", e->at, e->actor, e->kind);
		if (e->object_key && *e->object_key)
			printf(" %s", e->object_key);
		if (e->object_id)
			printf(" (id %lld)", (long long)e->object_id);
		printf("  %s\n", action_da(e->action));
		struct audit_change *ch = NULL;
		size_t nch = 0;
		store_audit_changes(&a, e, &ch, &nch);
		for (size_t k = 0; k < nch; k++)
			printf("    %s: %s → %s\n", ch[k].field,
			       *ch[k].before ? ch[k].before : "(tomt)",
			       *ch[k].after ? ch[k].after : "(tomt)");
		if (strcmp(e->action, "import") == 0 && e->after)
			printf("    %s\n", e->after);
	}
	if (fflush(stdout) != 0) {
		fprintf(stderr, "klynge audit: kan ikke skrive: %s\n", errno_da(errno));
		goto out;
	}
	rc = 0;
out:
	arena_free(&a);
	return rc;
}
