/*
 * main.c - the klynge command: server and CLI in one program.
 *
 *   klynge [--db PATH] serve [--port N] [--addr A]
 *   klynge [--db PATH] import FILE.json
 *   klynge [--db PATH] import-meetings FILE.json
 *   klynge [--db PATH] import-casework FILE.json
 *   klynge [--db PATH] export
 *   klynge [--db PATH] check [--date YYYY-MM-DD] [BODY-KEY]
 *   klynge [--db PATH] init
 *   klynge [--db PATH] audit [--kind K] [--id N] [--body N] [--limit N]
 *   klynge [--db PATH] user add|passwd|list|disable|enable ...
 *   klynge [--db PATH] token add|list|revoke ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli.h"
#include "store/store.h"
#include "web/web.h"

static void usage(void)
{
	fputs("Brug: klynge [--db STI] KOMMANDO\n"
	      "\n"
	      "Kommandoer:\n"
	      "  serve [--port N] [--addr ADRESSE]  start serveren (standard 127.0.0.1:8080)\n"
	      "  init                               opret en tom database\n"
	      "  import FIL.json                    indlæs en struktur i en tom database\n"
	      "  import-meetings FIL.json           tilføj møderne i en mødefil\n"
	      "  import-casework FIL.json           tilføj sager, forløb og sundhedsaftaler\n"
	      "  export                             udskriv hele strukturen som JSON\n"
	      "  check [--date ÅÅÅÅ-MM-DD] [FORUM]  tjek regler for alle fora eller ét\n"
	      "  audit [--kind SLAGS] [--id N] [--body N] [--limit N]\n"
	      "                                     vis ændringsloggen, nyeste først\n"
	      "  user add BRUGER [--admin] [--person PERSON] [--name \"NAVN\"]\n"
	      "                                     opret en konto (adgangskoden læses fra stdin)\n"
	      "  user passwd BRUGER                 ny adgangskode (stdin); logger kontoen ud\n"
	      "  user list                          vis konti\n"
	      "  user disable|enable BRUGER         spær eller genåbn en konto\n"
	      "  token add BRUGER [--label TEKST]   ny API-nøgle (vises én gang)\n"
	      "  token list BRUGER                  vis brugerens API-nøgler\n"
	      "  token revoke ID                    tilbagekald en API-nøgle\n"
	      "\n"
	      "Databasen er klynge.db, eller den der angives med --db eller KLYNGE_DB.\n",
	      stderr);
}

static int serve(struct store *st, int argc, char **argv)
{
	const char *addr = "127.0.0.1";
	int port = 8080;
	const char *base = getenv("KLYNGE_BASE_URL");
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--port") == 0 && i + 1 < argc)
			port = atoi(argv[++i]);
		else if (strcmp(argv[i], "--addr") == 0 && i + 1 < argc)
			addr = argv[++i];
		else {
			fprintf(stderr, "klynge serve: ukendt argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (port <= 0 || port > 65535) {
		fprintf(stderr, "klynge serve: ugyldigt portnummer\n");
		return 2;
	}
	char url[128];
	if (!base) {
		snprintf(url, sizeof(url), "http://%s:%d", addr, port);
		base = url;
	}
	struct app app = { .store = st, .base_url = base };
	/* Accounts (docs/operations.md): Secure cookies behind TLS; the
	 * trusted-header mode only when both its settings are there. */
	const char *secure = getenv("KLYNGE_SECURE_COOKIES");
	app.secure_cookies = secure && strcmp(secure, "1") == 0;
	const char *th = getenv("KLYNGE_TRUSTED_HEADER");
	const char *ts = getenv("KLYNGE_TRUSTED_SECRET");
	if (th && *th && ts && *ts) {
		app.trusted_header = th;
		app.trusted_secret = ts;
	}
	/* Behind a reverse proxy: whose X-Forwarded-For to believe. */
	const char *tp = getenv("KLYNGE_TRUSTED_PROXIES");
	if (tp && *tp)
		app.trusted_proxies = tp;
	return web_serve(&app, addr, port) == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fputs("klynge: libsodium kan ikke startes\n", stderr);
		return 1;
	}
	const char *db = getenv("KLYNGE_DB");
	if (!db)
		db = "klynge.db";
	int i = 1;
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			db = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage();
			return 0;
		} else {
			usage();
			return 2;
		}
	}
	if (i >= argc) {
		usage();
		return 2;
	}
	const char *cmd = argv[i++];
	if (strcmp(cmd, "help") == 0) {
		usage();
		return 0;
	}
	if (strcmp(cmd, "serve") && strcmp(cmd, "init") && strcmp(cmd, "import") &&
	    strcmp(cmd, "import-meetings") && strcmp(cmd, "import-casework") &&
	    strcmp(cmd, "export") && strcmp(cmd, "check") && strcmp(cmd, "audit") &&
	    strcmp(cmd, "user") && strcmp(cmd, "token")) {
		fprintf(stderr, "klynge: ukendt kommando '%s'\n\n", cmd);
		usage();
		return 2;
	}

	struct store *st = NULL;
	struct err err = { 0 };
	if (store_open(&st, db, &err) != 0) {
		fprintf(stderr, "klynge: kan ikke åbne databasen %s: %s\n", db, err.msg);
		return 1;
	}
	int rc;
	/* The server names each request's actor itself. */
	cli_actor_init();
	if (strcmp(cmd, "serve") == 0)
		rc = serve(st, argc - i, argv + i);
	else if (strcmp(cmd, "init") == 0)
		rc = 0;
	else if (strcmp(cmd, "import") == 0) {
		if (i >= argc) {
			fprintf(stderr, "klynge import: angiv en strukturfil\n");
			rc = 2;
		} else
			rc = cli_import(st, argv[i]);
	} else if (strcmp(cmd, "import-meetings") == 0) {
		if (i >= argc) {
			fprintf(stderr, "klynge import-meetings: angiv en mødefil\n");
			rc = 2;
		} else
			rc = cli_import_meetings(st, argv[i]);
	} else if (strcmp(cmd, "import-casework") == 0) {
		if (i >= argc) {
			fprintf(stderr, "klynge import-casework: angiv en sagsfil\n");
			rc = 2;
		} else
			rc = cli_import_casework(st, argv[i]);
	} else if (strcmp(cmd, "export") == 0)
		rc = cli_export(st);
	else if (strcmp(cmd, "audit") == 0)
		rc = cli_audit(st, argc - i, argv + i);
	else if (strcmp(cmd, "user") == 0)
		rc = cli_user(st, argc - i, argv + i);
	else if (strcmp(cmd, "token") == 0)
		rc = cli_token(st, argc - i, argv + i);
	else
		rc = cli_check(st, argc - i, argv + i);
	store_close(st);
	return rc;
}
