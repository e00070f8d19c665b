/*
 * cli.h - the klynge commands other than serve (cli.c).
 * Each returns a process exit status and prints Danish messages for
 * users on stderr; data (export, check results) goes to stdout.
 */
#ifndef KLYNGE_CLI_H
#define KLYNGE_CLI_H

#include "store/store.h"

/* klynge import FILE.json: loads a structure file into an empty database. */
int cli_import(struct store *st, const char *path);
/* Adds the meetings of a meetings file (docs/meetings-format.md). */
int cli_import_meetings(struct store *st, const char *path);
/* Adds the casework of a casework file (docs/casework-format.md). */
int cli_import_casework(struct store *st, const char *path);
/* klynge export: prints the canonical structure file. */
int cli_export(struct store *st);
/* klynge check [--date YYYY-MM-DD] [BODY-KEY]: rule check results;
 * exit status 0 when no violations, 1 when there are some. */
int cli_check(struct store *st, int argc, char **argv);
/* klynge audit [--kind K] [--id N] [--body N] [--limit N]: the audit
 * log, newest first, each change's fields indented below it. */
int cli_audit(struct store *st, int argc, char **argv);
/* klynge user add|passwd|list|disable|enable: local accounts. Passwords
 * are read from stdin (one line, at least 12 characters) and stored as
 * argon2id strings; passwd ends the account's sessions. */
int cli_user(struct store *st, int argc, char **argv);
/* klynge token add USER [--label L] | list USER | revoke ID: API tokens
 * for machine clients. add prints the new token on stdout, once; the
 * database keeps only its hash. */
int cli_token(struct store *st, int argc, char **argv);
/* Names this process in the audit log: "cli (<unix user>)". */
void cli_actor_init(void);

#endif
