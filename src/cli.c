/*
 * cli.c - klynge import, export, check, audit and user (see cli.h).
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
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "core/meeting.h"
#include "core/rules.h"
#include "util/date.h"
#include "util/num.h"
#include "web/web.h"

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

/* Adds the casework of a casework file (docs/casework-format.md) and
 * says how much came in. */
int cli_import_casework(struct store *st, const char *path)
{
	struct arena a;
	struct buf text = BUF_INIT;
	struct structure s;
	struct casework before, after;
	struct err err = { 0 };
	int rc = 1;

	arena_init(&a);
	if (store_load(st, &a, &s, &err) != 0 ||
	    store_casework_load(st, &a, &before, &err) != 0) {
		fprintf(stderr, "klynge import-casework: %s\n", err.msg);
		goto out;
	}
	if (read_file(path, &text, &err) != 0) {
		fprintf(stderr, "klynge import-casework: %s: %s\n", path, err.msg);
		goto out;
	}
	if (store_casework_import(st, &s, buf_str(&text), text.len,
				  date_today(), &err) != 0) {
		fprintf(stderr, "klynge import-casework: %s: %s\n", path, err.msg);
		goto out;
	}
	if (store_casework_load(st, &a, &after, &err) != 0) {
		fprintf(stderr, "klynge import-casework: %s\n", err.msg);
		goto out;
	}
	printf("Indlæst: %zu sundhedsaftaler, %zu sagsforløb, %zu sager, "
	       "%zu opfølgningspunkter, %zu initiativer\n",
	       after.n_agreements - before.n_agreements,
	       after.n_templates - before.n_templates,
	       after.n_cases - before.n_cases,
	       after.n_actions - before.n_actions,
	       after.n_initiatives - before.n_initiatives);
	rc = 0;
out:
	buf_free(&text);
	arena_free(&a);
	return rc;
}

int cli_import_meetings(struct store *st, const char *path)
{
	struct arena a;
	struct buf text = BUF_INIT;
	struct structure s;
	struct meeting *ms = NULL;
	size_t n = 0, items = 0;
	struct err err = { 0 };
	int rc = 1;

	arena_init(&a);
	if (store_load(st, &a, &s, &err) != 0) {
		fprintf(stderr, "klynge import-meetings: %s\n", err.msg);
		goto out;
	}
	if (read_file(path, &text, &err) != 0 ||
	    meetings_from_json(&a, &s, buf_str(&text), text.len, &ms, &n,
			       &err) != 0) {
		fprintf(stderr, "klynge import-meetings: %s: %s\n", path, err.msg);
		goto out;
	}
	if (store_meetings_import(st, &s, ms, n, date_today(), &err) != 0) {
		fprintf(stderr, "klynge import-meetings: %s\n", err.msg);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		items += ms[i].n_items;
	printf("Indlæst: %zu møder med %zu dagsordenspunkter\n", n, items);
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
			const struct body *b, int date,
			const struct meeting *ms, size_t n_ms)
{
	struct violations v = { 0 };

	rules_check_body(a, s, b->id, date, &v);
	/* Cadence and "meets before" over the date's calendar year, with
	 * the meetings held in klynge. */
	rules_check_meetings(a, s, b->id, date_year(date), ms, n_ms, &v);
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
	struct meeting *ms = NULL;
	size_t n_ms = 0;
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

	int year = date_year(date);
	if (store_meeting_list(st, &a, 0, year * 10000 + 101, year * 10000 + 1231,
			       &ms, &n_ms, &err) != 0) {
		fprintf(stderr, "klynge check: %s\n", err.msg);
		rc = 1;
		goto out;
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
		size_t n = check_one(&a, &s, b, date, ms, n_ms);
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

int cli_audit(struct store *st, int argc, char **argv)
{
	/* Every kind the audit log holds (store.h: the structure,
	 * accounts, meetings, casework). */
	static const char *const kinds[] = { "organisation", "area", "body",
		"charter", "person", "membership", "rotation", "structure",
		"account", "meeting", "item", "attachment", "attendance",
		"task", "document", "case", "case_step", "template",
		"agreement", "action", "initiative", "comment", NULL };
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
				fprintf(stderr, "klynge audit: ukendt slags '%s' (brug ", v);
				for (const char *const *k = kinds; *k; k++)
					fprintf(stderr, "%s%s", *k,
						!k[1] ? ")\n" : !k[2] ? " eller " : ", ");
				return 2;
			}
		} else if (strcmp(argv[i], "--id") == 0 && v) {
			if (!(id = num_positive(v))) {
				fprintf(stderr, "klynge audit: ugyldigt id '%s'\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "--body") == 0 && v) {
			if (!(body = num_positive(v))) {
				fprintf(stderr, "klynge audit: ugyldigt forum-id '%s'\n", v);
				return 2;
			}
		} else if (strcmp(argv[i], "--limit") == 0 && v) {
			if (!(limit = num_positive(v)) || limit > 1000000) {
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
		printf("  %s\n", store_audit_action_label(e->action));
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

/* ---- klynge user ---------------------------------------------------- */

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_BYTES 1024

/* UTF-8 characters in s (continuation bytes not counted). */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Reads one line from stdin as the new password and hashes it (argon2id,
 * libsodium's interactive limits). Refuses a short one. The plain text
 * is wiped before returning. 0, or 1 after printing why.
 */
static int read_password_hash(const char *cmd, char hash[crypto_pwhash_STRBYTES])
{
	char line[PASSWORD_MAX_BYTES + 2];
	int rc = 1;

	if (isatty(STDIN_FILENO))
		fprintf(stderr, "Adgangskode (mindst %d tegn): ", PASSWORD_MIN_CHARS);
	if (!fgets(line, sizeof(line), stdin)) {
		fprintf(stderr, "klynge user %s: ingen adgangskode på standardinput\n", cmd);
		goto out;
	}
	size_t n = strlen(line);
	if (n > 0 && line[n - 1] != '\n' && n > PASSWORD_MAX_BYTES) {
		fprintf(stderr, "klynge user %s: adgangskoden er for lang (højst %d byte)\n",
			cmd, PASSWORD_MAX_BYTES);
		goto out;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (utf8_chars(line) < PASSWORD_MIN_CHARS) {
		fprintf(stderr, "klynge user %s: adgangskoden er for kort – den skal "
			"være mindst %d tegn\n", cmd, PASSWORD_MIN_CHARS);
		goto out;
	}
	if (crypto_pwhash_str(hash, line, n, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		fprintf(stderr, "klynge user %s: der er ikke hukommelse nok til at "
			"beregne adgangskodens hash\n", cmd);
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(line, sizeof(line));
	return rc;
}

/* The account named by argv[0] (the error printed when there is none). */
static int user_lookup(struct store *st, struct arena *a, const char *cmd,
		       int argc, char **argv, struct account *acc)
{
	struct err err = { 0 };
	if (argc != 1) {
		fprintf(stderr, "klynge user %s: angiv ét brugernavn\n", cmd);
		return 2;
	}
	if (store_account_find(st, a, argv[0], acc, &err) != 0) {
		if (err.kind == ERR_NOT_FOUND)
			fprintf(stderr, "klynge user %s: kontoen '%s' findes ikke\n",
				cmd, argv[0]);
		else
			fprintf(stderr, "klynge user %s: %s\n", cmd, err.msg);
		return 1;
	}
	return 0;
}

static int user_add(struct store *st, struct arena *a, int argc, char **argv)
{
	struct account acc = { 0 };
	const char *person = NULL;
	char hash[crypto_pwhash_STRBYTES];
	struct err err = { 0 };

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--admin") == 0)
			acc.admin = true;
		else if (strcmp(argv[i], "--person") == 0 && i + 1 < argc)
			person = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			acc.display_name = argv[++i];
		else if (argv[i][0] != '-' && !acc.username)
			acc.username = argv[i];
		else {
			fprintf(stderr, "klynge user add: ukendt argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (!acc.username) {
		fprintf(stderr, "klynge user add: angiv et brugernavn\n");
		return 2;
	}
	if (!store_username_valid(acc.username)) {
		fprintf(stderr, "klynge user add: ugyldigt brugernavn '%s' (1-64 tegn: "
			"små bogstaver a-z, tal og . _ @ -)\n", acc.username);
		return 2;
	}
	if (person) {
		struct structure s;
		if (store_load(st, a, &s, &err) != 0) {
			fprintf(stderr, "klynge user add: %s\n", err.msg);
			return 1;
		}
		for (size_t i = 0; i < s.n_people && !acc.person_id; i++)
			if (strcmp(s.people[i].key, person) == 0)
				acc.person_id = s.people[i].id;
		if (!acc.person_id) {
			fprintf(stderr, "klynge user add: personen '%s' findes ikke\n", person);
			return 1;
		}
	}
	if (read_password_hash("add", hash) != 0)
		return 1;
	if (store_account_create(st, &acc, hash, &err) != 0) {
		fprintf(stderr, "klynge user add: %s\n", err.msg);
		return 1;
	}
	fprintf(stderr, "Kontoen '%s' er oprettet%s.\n", acc.username,
		acc.admin ? " som administrator" : "");
	return 0;
}

static int user_passwd(struct store *st, struct arena *a, int argc, char **argv)
{
	struct account acc;
	char hash[crypto_pwhash_STRBYTES];
	struct err err = { 0 };
	int rc = user_lookup(st, a, "passwd", argc, argv, &acc);
	if (rc)
		return rc;
	if (read_password_hash("passwd", hash) != 0)
		return 1;
	/* A reset by an administrator: whoever was logged in is logged out. */
	if (store_account_set_password_hash(st, acc.id, hash, &err) != 0 ||
	    store_session_delete_account(st, acc.id, &err) != 0) {
		fprintf(stderr, "klynge user passwd: %s\n", err.msg);
		return 1;
	}
	fprintf(stderr, "Adgangskoden til '%s' er skiftet, og kontoen er logget ud "
		"alle steder.\n", acc.username);
	return 0;
}

static int user_list(struct store *st, struct arena *a, int argc)
{
	struct account *list = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (argc != 0) {
		fprintf(stderr, "klynge user list: tager ingen argumenter\n");
		return 2;
	}
	if (store_account_list(st, a, &list, &n, &err) != 0) {
		fprintf(stderr, "klynge user list: %s\n", err.msg);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct account *u = &list[i];
		printf("%s", u->username);
		if (*u->display_name)
			printf("  \"%s\"", u->display_name);
		if (u->admin)
			printf("  administrator");
		if (u->person_id)
			printf("  person %lld", (long long)u->person_id);
		if (!u->has_password)
			printf("  uden adgangskode");
		if (u->disabled)
			printf("  spærret");
		printf("\n");
	}
	if (n == 0)
		fprintf(stderr, "Der er ingen konti.\n");
	return fflush(stdout) == 0 ? 0 : 1;
}

static int user_disable(struct store *st, struct arena *a, bool disable,
			int argc, char **argv)
{
	const char *cmd = disable ? "disable" : "enable";
	struct account acc;
	struct err err = { 0 };
	int rc = user_lookup(st, a, cmd, argc, argv, &acc);
	if (rc)
		return rc;
	if (store_account_set_disabled(st, acc.id, disable, &err) != 0) {
		fprintf(stderr, "klynge user %s: %s\n", cmd, err.msg);
		return 1;
	}
	fprintf(stderr, disable ? "Kontoen '%s' er spærret og logget ud.\n"
				: "Kontoen '%s' er åbnet igen.\n", acc.username);
	return 0;
}

int cli_user(struct store *st, int argc, char **argv)
{
	struct arena a;
	int rc;

	if (argc < 1) {
		fprintf(stderr, "klynge user: angiv add, passwd, list, disable eller enable\n");
		return 2;
	}
	arena_init(&a);
	const char *sub = argv[0];
	if (strcmp(sub, "add") == 0)
		rc = user_add(st, &a, argc - 1, argv + 1);
	else if (strcmp(sub, "passwd") == 0)
		rc = user_passwd(st, &a, argc - 1, argv + 1);
	else if (strcmp(sub, "list") == 0)
		rc = user_list(st, &a, argc - 1);
	else if (strcmp(sub, "disable") == 0)
		rc = user_disable(st, &a, true, argc - 1, argv + 1);
	else if (strcmp(sub, "enable") == 0)
		rc = user_disable(st, &a, false, argc - 1, argv + 1);
	else {
		fprintf(stderr, "klynge user: ukendt underkommando '%s' (brug add, "
			"passwd, list, disable eller enable)\n", sub);
		rc = 2;
	}
	arena_free(&a);
	return rc;
}

/* ---- klynge token --------------------------------------------------- */

/* The account named user (the error printed when there is none). */
static int token_user(struct store *st, struct arena *a, const char *cmd,
		      const char *user, struct account *acc)
{
	struct err err = { 0 };
	if (!user) {
		fprintf(stderr, "klynge token %s: angiv ét brugernavn\n", cmd);
		return 2;
	}
	if (store_account_find(st, a, user, acc, &err) != 0) {
		if (err.kind == ERR_NOT_FOUND)
			fprintf(stderr, "klynge token %s: kontoen '%s' findes ikke\n",
				cmd, user);
		else
			fprintf(stderr, "klynge token %s: %s\n", cmd, err.msg);
		return 1;
	}
	return 0;
}

/* "2025-03-03 14:05" in local time (the operator's), or "–". */
static void print_time(int64_t t)
{
	char s[32];
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || !localtime_r(&tt, &tm) ||
	    strftime(s, sizeof(s), "%Y-%m-%d %H:%M", &tm) == 0)
		printf("–");
	else
		printf("%s", s);
}

static int token_add(struct store *st, struct arena *a, int argc, char **argv)
{
	const char *user = NULL, *label = "";
	struct account acc;
	struct err err = { 0 };
	int64_t id = 0;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
			label = argv[++i];
		else if (argv[i][0] != '-' && !user)
			user = argv[i];
		else {
			fprintf(stderr, "klynge token add: ukendt argument '%s'\n", argv[i]);
			return 2;
		}
	}
	int rc = token_user(st, a, "add", user, &acc);
	if (rc)
		return rc;
	const char *token = auth_api_token_new(a);
	const char *hash = auth_api_token_hash(a, token);
	if (!hash || store_token_create(st, acc.id, label, hash, (int64_t)time(NULL),
					&id, &err) != 0) {
		fprintf(stderr, "klynge token add: %s\n", hash ? err.msg : "intern fejl");
		return 1;
	}
	/* The token on stdout (for a script to capture), once. */
	printf("%s\n", token);
	if (fflush(stdout) != 0)
		return 1;
	fprintf(stderr, "API-nøgle %lld til '%s' er oprettet. Den vises kun denne "
		"ene gang; brug den som 'Authorization: Bearer <nøgle>'.\n",
		(long long)id, acc.username);
	return 0;
}

static int token_list(struct store *st, struct arena *a, int argc, char **argv)
{
	struct account acc;
	struct api_token *list = NULL;
	size_t n = 0;
	struct err err = { 0 };
	if (argc != 1) {
		fprintf(stderr, "klynge token list: angiv ét brugernavn\n");
		return 2;
	}
	int rc = token_user(st, a, "list", argv[0], &acc);
	if (rc)
		return rc;
	if (store_token_list(st, a, acc.id, &list, &n, &err) != 0) {
		fprintf(stderr, "klynge token list: %s\n", err.msg);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct api_token *t = &list[i];
		printf("%lld  ", (long long)t->id);
		if (*t->label)
			printf("\"%s\"  ", t->label);
		printf("oprettet ");
		print_time(t->created);
		printf("  senest brugt ");
		print_time(t->last_used);
		if (t->revoked) {
			printf("  tilbagekaldt ");
			print_time(t->revoked);
		}
		printf("\n");
	}
	if (n == 0)
		fprintf(stderr, "'%s' har ingen API-nøgler.\n", acc.username);
	return fflush(stdout) == 0 ? 0 : 1;
}

static int token_revoke(struct store *st, int argc, char **argv)
{
	struct err err = { 0 };
	int64_t id = argc == 1 ? num_positive(argv[0]) : 0;
	if (!id) {
		fprintf(stderr, "klynge token revoke: angiv nøglens id (se klynge token list)\n");
		return 2;
	}
	if (store_token_revoke(st, id, (int64_t)time(NULL), &err) != 0) {
		fprintf(stderr, "klynge token revoke: %s\n", err.msg);
		return 1;
	}
	fprintf(stderr, "API-nøgle %lld er tilbagekaldt.\n", (long long)id);
	return 0;
}

int cli_token(struct store *st, int argc, char **argv)
{
	struct arena a;
	int rc;

	if (argc < 1) {
		fprintf(stderr, "klynge token: angiv add, list eller revoke\n");
		return 2;
	}
	arena_init(&a);
	if (strcmp(argv[0], "add") == 0)
		rc = token_add(st, &a, argc - 1, argv + 1);
	else if (strcmp(argv[0], "list") == 0)
		rc = token_list(st, &a, argc - 1, argv + 1);
	else if (strcmp(argv[0], "revoke") == 0)
		rc = token_revoke(st, argc - 1, argv + 1);
	else {
		fprintf(stderr, "klynge token: ukendt underkommando '%s' (brug add, "
			"list eller revoke)\n", argv[0]);
		rc = 2;
	}
	arena_free(&a);
	return rc;
}
