/*
 * store.h - the one storage interface (SQLite now, PostgreSQL later).
 *
 * SQL lives only behind this interface; every statement is prepared with
 * bound parameters. Migrations (src/store/migrations/NNNN_*.sql, embedded
 * at build time) run on open. All calls are thread-safe (the store
 * serialises access to its connection).
 */
#ifndef KLYNGE_STORE_H
#define KLYNGE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/casework.h"
#include "../core/meeting.h"
#include "../core/model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/err.h"

struct store;

/* Opens (creating if needed) and migrates the database at path. */
int store_open(struct store **out, const char *path, struct err *err);
void store_close(struct store *st);

/* A counter that changes after every committed write: callers may cache
 * a loaded structure and reload when it differs. */
int64_t store_generation(struct store *st);

/* True when the store holds no organisations, bodies or people. */
int store_is_empty(struct store *st, struct err *err);

/*
 * Loads the whole structure into the arena: every array ordered by id,
 * every object complete (charters with seats, approvals, overlaps; areas
 * with their municipalities).
 */
int store_load(struct store *st, struct arena *a, struct structure *out,
	       struct err *err);

/*
 * Saves one object: inserts when id is 0 (and sets id; an empty key is
 * derived from the name), updates otherwise. Callers validate first
 * (core/validate.h); the store still enforces keys and references
 * (ERR_CONFLICT for a duplicate key, ERR_NOT_FOUND for a missing id,
 * ERR_INVALID with code "bad_reference" for a reference to nothing).
 * A derived key is set in the object and owned by the store (it lives
 * until store_close). Charters derive it from the body's key and the
 * version ("ssu-v2"), memberships from the person's and the body's keys.
 * store_area_save replaces the area's municipality list;
 * store_charter_save replaces the charter's seats, approvals, overlaps.
 *
 * Revisions (model.h): when the object has an id and revision > 0, the
 * save happens only while the stored revision is still that one
 * (checked inside the write transaction); otherwise nothing is written
 * and ERR_CONFLICT with code "stale" and a Danish message is returned.
 * revision 0 saves unconditionally. On success the object's revision is
 * set to the stored one (unchanged when the save changed nothing).
 *
 * Audit: a save that changes the object writes one audit row (create or
 * update, with the object before and after as canonical JSON) in the
 * same transaction, naming the calling thread's actor (store_actor_set).
 * A save that changes nothing writes none.
 */
int store_org_save(struct store *st, struct organisation *o, struct err *err);
int store_area_save(struct store *st, struct area *a, struct err *err);
int store_body_save(struct store *st, struct body *b, struct err *err);
int store_charter_save(struct store *st, struct charter *c, struct err *err);
int store_person_save(struct store *st, struct person *p, struct err *err);
int store_membership_save(struct store *st, struct membership *m,
			  struct err *err);
int store_rotation_save(struct store *st, struct rotation *r, struct err *err);

enum store_kind {
	STORE_ORG = 1,
	STORE_AREA,
	STORE_BODY,
	STORE_CHARTER,
	STORE_PERSON,
	STORE_MEMBERSHIP,
	STORE_ROTATION,
};
/* Deletes one object; ERR_CONFLICT with a Danish message when other
 * objects still refer to it, ERR_NOT_FOUND when there is none. Writes a
 * "delete" audit row with the object as it was. */
int store_delete(struct store *st, enum store_kind kind, int64_t id,
		 struct err *err);
/* The same, conditional on the stored revision (when revision > 0):
 * ERR_CONFLICT "stale" when it is no longer that one. */
int store_delete_rev(struct store *st, enum store_kind kind, int64_t id,
		     int64_t revision, struct err *err);

/* ---- audit log --------------------------------------------------------
 * Who is writing: the calling thread's actor, copied (at most 128 bytes,
 * cut at a UTF-8 character boundary) into thread-local storage and named
 * in every audit row the thread writes until it is set again. Default
 * "system"; NULL or "" sets it back. The web server sets it at the start
 * of each request ("anonym (IP)"), the CLI once ("cli (<user>)").
 */
void store_actor_set(const char *actor);
const char *store_actor(void);

/* One audit row. Strings are owned by the arena given to the list. */
struct audit_entry {
	int64_t id;
	const char *at;		/* UTC "YYYY-MM-DDTHH:MM:SSZ" */
	const char *actor;
	const char *action;	/* "create", "update", "delete", "import" */
	const char *kind;	/* "organisation", ..., "rotation";
				   "structure" for an import */
	int64_t object_id;	/* 0 for an import */
	const char *object_key;	/* "" when none */
	int64_t body_id;	/* the body the object belongs to; 0 = none */
	const char *before;	/* canonical compact JSON; NULL = none */
	const char *after;	/* NULL = none; an import's counts */
};

/* The code of a kind as audit rows name it ("organisation", ...). */
const char *store_kind_code(enum store_kind kind);

/*
 * The newest audit rows first, at most limit (<= 0: all). Filters are
 * optional: kind (NULL = any), object_id (0 = any), body_id (0 = any:
 * else rows of the body itself and of objects belonging to it).
 */
/* The Danish word for an audit action ("create" -> "oprettet"); unknown
 * actions are returned as they are. Shared by the pages and the CLI. */
const char *store_audit_action_label(const char *action);

int store_audit_list(struct store *st, struct arena *a, const char *kind,
		     int64_t object_id, int64_t body_id, int limit,
		     struct audit_entry **out, size_t *n, struct err *err);

/* One field that differs between an audit row's before and after. The
 * values are display text: a string as it is, a number or true/false
 * as JSON, a list as compact JSON; "" when the field is absent. */
struct audit_change {
	const char *field;	/* the structure-file name ("name", "role") */
	const char *before;
	const char *after;
};

/* The fields that differ between e->before and e->after, in the order
 * of the structure format (the after object's order, then fields only
 * before has). Arena-owned; *n = 0 when either side is missing. */
int store_audit_changes(struct arena *a, const struct audit_entry *e,
			struct audit_change **out, size_t *n);

/*
 * Imports a whole structure (as parsed by structure_from_json: ids are
 * file-local, references by those ids) into an empty store, in one
 * transaction, keeping the file's order so that ids follow it.
 * ERR_CONFLICT when the store is not empty.
 */
int store_import(struct store *st, const struct structure *s, struct err *err);

/* ---- accounts and sessions (accounts.c) -------------------------------
 * Local accounts (0004_accounts.sql). The store never sees a password or
 * a session token: callers hash them (libsodium, in the web layer and the
 * CLI) and pass the hash. Account changes write audit rows of kind
 * "account" (username, display name, person, admin, disabled and when the
 * password was last set; never the hash). Session calls write no audit
 * rows and do not move store_generation (they do not change the
 * structure).
 */
#define STORE_USERNAME_MAX 64

struct account {
	int64_t id;
	const char *username;		/* 1-64 of [a-z0-9._@-] */
	const char *display_name;	/* "" when none: show the username */
	int64_t person_id;		/* 0 = none */
	bool admin;
	bool disabled;
	bool has_password;
	int64_t last_login;		/* Unix seconds of the newest login; 0 = never */
};

/* Is s a valid username (1-64 characters of [a-z0-9._@-])? */
bool store_username_valid(const char *s);

/* Creates an account (a->id is set). password_hash may be NULL (no
 * password yet: cannot log in locally). ERR_INVALID "bad_username",
 * ERR_CONFLICT "duplicate_username", ERR_INVALID "bad_reference" for a
 * person that does not exist. */
int store_account_create(struct store *st, struct account *a,
			 const char *password_hash, struct err *err);
/* One account by id / by username, strings in the arena. ERR_NOT_FOUND
 * when there is none. */
int store_account_get(struct store *st, struct arena *ar, int64_t id,
		      struct account *out, struct err *err);
int store_account_find(struct store *st, struct arena *ar,
		       const char *username, struct account *out,
		       struct err *err);
/* All accounts ordered by username. */
int store_account_list(struct store *st, struct arena *ar,
		       struct account **out, size_t *n, struct err *err);
/* Sets (or, with NULL, clears) the password hash. */
int store_account_set_password_hash(struct store *st, int64_t id,
				    const char *hash, struct err *err);
int store_account_set_admin(struct store *st, int64_t id, bool admin,
			    struct err *err);
/* Disabling also ends every session of the account. */
int store_account_set_disabled(struct store *st, int64_t id, bool disabled,
			       struct err *err);
/* The stored hash of an account (arena), "" when it has none; for
 * crypto_pwhash_str_verify. ERR_NOT_FOUND when there is no account. */
int store_account_password_hash(struct store *st, struct arena *ar, int64_t id,
				const char **hash, struct err *err);

/* Times are Unix seconds chosen by the caller (tests pass their own). */
int store_session_create(struct store *st, int64_t account_id,
			 const char *token_hash, const char *csrf,
			 int64_t now, int64_t expires, struct err *err);
/* The session with this token hash when it has not expired at now:
 * its account (arena), the session's csrf token and last_seen. An
 * expired session is deleted and, like a missing one, ERR_NOT_FOUND. */
int store_session_find(struct store *st, struct arena *ar,
		       const char *token_hash, int64_t now,
		       struct account *account, const char **csrf,
		       int64_t *last_seen, struct err *err);
/* Sets last_seen (sliding; the caller decides how often). */
int store_session_touch(struct store *st, const char *token_hash, int64_t now,
			struct err *err);
int store_session_delete(struct store *st, const char *token_hash,
			 struct err *err);
/* Ends every session of an account (password reset, disabling). */
int store_session_delete_account(struct store *st, int64_t account_id,
				 struct err *err);
/* Deletes the sessions expired at now; *n (may be NULL) their count. */
int store_session_purge(struct store *st, int64_t now, size_t *n,
			struct err *err);

/* Sets an account's display name and person (0 = none) in one change
 * (one audit row when either differs). ERR_INVALID "bad_reference" for
 * a person that does not exist. */
int store_account_set_profile(struct store *st, int64_t id,
			      const char *display_name, int64_t person_id,
			      struct err *err);

/* ---- API tokens (accounts.c, 0006_api_tokens.sql) ---------------------
 * Bearer tokens of machine clients. Like sessions, the store never sees
 * a token: callers pass the hex of its SHA-256 hash (web layer, CLI).
 * Making and revoking a token is a change of its account: an "update"
 * audit row of kind "account" whose JSON lists the account's active
 * tokens ("api_tokens": ["label (id N)", ...]; never a hash). Times are
 * Unix seconds chosen by the caller.
 */
#define STORE_TOKEN_LABEL_MAX 200

struct api_token {
	int64_t id;
	int64_t account_id;
	const char *label;		/* "" when none */
	int64_t created;
	int64_t last_used;		/* 0 = never */
	int64_t revoked;		/* 0 = active */
};

/* Stores a new token of account_id (*id set). ERR_NOT_FOUND when there
 * is no such account; ERR_INVALID "bad_label" for a label over
 * STORE_TOKEN_LABEL_MAX bytes. */
int store_token_create(struct store *st, int64_t account_id, const char *label,
		       const char *token_hash, int64_t now, int64_t *id,
		       struct err *err);
/* One token by id (arena); ERR_NOT_FOUND when there is none. */
int store_token_get(struct store *st, struct arena *ar, int64_t id,
		    struct api_token *out, struct err *err);
/* The tokens of an account, revoked ones included, newest first. */
int store_token_list(struct store *st, struct arena *ar, int64_t account_id,
		     struct api_token **out, size_t *n, struct err *err);
/* Revokes a token (at now); revoking a revoked one changes nothing.
 * ERR_NOT_FOUND when there is none. */
int store_token_revoke(struct store *st, int64_t id, int64_t now,
		       struct err *err);
/* The active token with this hash and its account (arena); sets its
 * last_used to now (written at most once a minute). ERR_NOT_FOUND when
 * there is none or it is revoked. The caller refuses a disabled
 * account. */
int store_token_find(struct store *st, struct arena *ar,
		     const char *token_hash, int64_t now,
		     struct account *account, struct api_token *token,
		     struct err *err);

/* ---- meetings (meetings.c, 0005_meetings.sql) -------------------------
 * Meetings, agenda items, attachments, attendance, checklist tasks,
 * state events and generated documents (core/meeting.h). Like the
 * structure: every write is one transaction with its audit row(s)
 * (kinds "meeting", "item", "attachment", "attendance", "task",
 * "document"; body_id = the meeting's body, so a body's Historik shows
 * them), revisions are compare-and-set where the object has one, and
 * store_generation moves. The store checks references and stored
 * values; callers check the rules (core/meeting.h) and permissions
 * (core/access.h) first.
 */

/* One meeting, complete: items in number order with their attachments
 * (metadata, not bytes), attendance, tasks, events, documents (metadata).
 * Arena-owned. ERR_NOT_FOUND when there is none. */
int store_meeting_get(struct store *st, struct arena *a, int64_t id,
		      struct meeting *out, struct err *err);

/* Meetings of a body (body_id 0: of all bodies) with from <= date <= to
 * (either 0: open), ordered by date, start, id. Shallow: items (with
 * their number, title, kind, closed, case number, outcome; no texts,
 * no attachments), documents and events are filled; attendance and
 * tasks are not (n = 0). */
int store_meeting_list(struct store *st, struct arena *a, int64_t body_id,
		       int from, int to, struct meeting **out, size_t *n,
		       struct err *err);

/* Meetings in which a person is expected: those of bodies where the
 * person has a membership active on the meeting's date; same shape and
 * order as store_meeting_list. For the person's calendar feed. */
int store_meeting_list_person(struct store *st, struct arena *a,
			      int64_t person_id, int from, int to,
			      struct meeting **out, size_t *n,
			      struct err *err);

/*
 * Saves a meeting's own fields (body_id, kind, title, date, start_min,
 * end_min, place, online_url). Insert when id is 0: state planned, an
 * event "none -> planned", sequence 0, and m->tasks (n_tasks, e.g. from
 * meeting_tasks_generate) inserted as its checklist. Update otherwise:
 * CAS on revision (> 0), state/tasks/items untouched; sequence + 1 when
 * date, start, end, place or online_url change. m->id, m->revision and
 * m->sequence are set on success.
 */
int store_meeting_save(struct store *st, struct meeting *m, struct err *err);

/* Moves a meeting to another state (the caller checked the rules):
 * CAS on revision (> 0), an event (from, to, actor, now), was_published
 * set when `to` is published, sequence + 1 when `to` is cancelled or
 * when a cancelled meeting is planned again. */
int store_meeting_set_state(struct store *st, int64_t meeting_id,
			    enum meeting_state to, int64_t revision,
			    struct err *err);

/* Deletes a meeting with everything it holds (items, attachments,
 * attendance, tasks, events, documents). Only for meetings never
 * published (ERR_CONFLICT "published" otherwise: cancel those). */
int store_meeting_delete(struct store *st, int64_t id, int64_t revision,
			 struct err *err);

/*
 * Saves an item's fields (all of struct agenda_item but id, number on
 * update, attachments, timestamps). Insert when id is 0: number = last
 * + 1 when it->number is 0. Update: CAS on revision; the number is not
 * changed here (store_items_reorder). Sets id/number/revision.
 */
int store_item_save(struct store *st, struct agenda_item *it,
		    struct err *err);
/* Deletes an item and its attachments; renumbers the rest 1..n. */
int store_item_delete(struct store *st, int64_t id, int64_t revision,
		      struct err *err);
/* Sets the numbers of the meeting's items to 1..n in the order given;
 * ids must be exactly the meeting's items (ERR_INVALID otherwise). */
int store_items_reorder(struct store *st, int64_t meeting_id,
			const int64_t *item_ids, size_t n, struct err *err);
/* The meeting holding an item (one indexed lookup: no need to scan
 * store_meeting_list for item ids). ERR_NOT_FOUND when there is no such
 * item. */
int store_item_meeting(struct store *st, int64_t item_id,
		       int64_t *meeting_id, struct err *err);

/* Stores an uploaded file for an item: at->item_id, filename and
 * media_type given; the store sets id, position (last + 1), token (32
 * hex, libsodium randombytes), size, sha256 (crypto_hash_sha256) and
 * created. The caller checked type and size. */
int store_attachment_add(struct store *st, struct attachment *at,
			 const void *data, size_t len, struct err *err);
int store_attachment_delete(struct store *st, int64_t id, struct err *err);

/* Records one member's attendance (insert or replace per membership). */
int store_attendance_set(struct store *st, int64_t meeting_id,
			 int64_t membership_id, enum attendance_status status,
			 const char *note, struct err *err);

/* Ticks a checklist task off (done_by = the actor, done_at = now) or on. */
int store_task_set_done(struct store *st, int64_t task_id, bool done,
			struct err *err);

/* Keeps a generated PDF: d->meeting_id, kind, public_edition given; the
 * store sets id, version (last of that meeting, kind and edition + 1),
 * token, size, sha256, created, created_by (the actor). */
int store_document_add(struct store *st, struct meeting_document *d,
		       const void *data, size_t len, struct err *err);

/* What a token addresses: an attachment or a document. */
struct store_blob {
	int64_t meeting_id;
	int64_t item_id;		/* 0 for a document */
	int64_t attachment_id;		/* 0 for a document */
	int64_t document_id;		/* 0 for an attachment */
	int64_t initiative_id;		/* a shared initiative's file; then
					   meeting_id and item_id are 0 */
	bool public_edition;		/* documents only */
	const char *filename;		/* attachment's, or made up for a
					   document: "dagsorden-v2.pdf" */
	const char *media_type;
	const char *sha256;
	const void *data;		/* arena copy of the bytes */
	size_t len;
};
/* The blob with this token (exactly 32 lowercase hex; anything else is
 * ERR_NOT_FOUND without touching the database), bytes in the arena. */
int store_blob_get(struct store *st, struct arena *a, const char *token,
		   struct store_blob *out, struct err *err);

/* Canonical compact JSON of a meeting's own fields / an item's fields
 * (the audit log's before/after; also the API's base shape). Appended
 * to out. Field names are the struct's, enums as codes, times "HH:MM",
 * the date "YYYY-MM-DD". */
int meeting_fields_json(const struct meeting *m, struct buf *out);
int item_fields_json(const struct agenda_item *it, struct buf *out);

/* ---- annotations (annotations.c, 0007_annotations.sql) ----------------
 * A member's private note on an agenda item [private noter]: one per
 * (account, item), readable only by its author. No audit row is written
 * for notes (the Historik may be public); callers check access_annotate
 * (core/access.h) and must never pass another account's id.
 */
/* The account's note on the item, arena copy, "" when there is none. */
int store_annotation_get(struct store *st, struct arena *a,
			 int64_t account_id, int64_t item_id,
			 const char **text, struct err *err);
/* Saves the account's note (now: Unix seconds); "" or NULL deletes it.
 * A missing item or account is ERR_INVALID "bad_reference". */
int store_annotation_set(struct store *st, int64_t account_id,
			 int64_t item_id, const char *text, int64_t now,
			 struct err *err);

/* ---- meetings files (meetings_file.c) -------------------------------
 * The format is docs/meetings-format.md: {"klynge": 1, "meetings": [...]}
 * with bodies, handlers and memberships named by their keys in s.
 * meetings_from_json checks everything (codes, dates, times, case
 * numbers, keys, that the state is reachable with the items given) and
 * reports the first problem in Danish with its JSON path; the meetings
 * it returns (arena) have ids 0, their target state in `state`, items
 * and attendance filled. store_meetings_import writes them one by one
 * through the functions above: the meeting with its checklist, items,
 * attendance, then each state change on the way to its state; checklist
 * tasks due on or before `today` are ticked off for meetings that got
 * beyond planned.
 */
int meetings_from_json(struct arena *a, const struct structure *s,
		       const char *text, size_t len, struct meeting **out,
		       size_t *n, struct err *err);
int store_meetings_import(struct store *st, const struct structure *s,
			  const struct meeting *ms, size_t n, int today,
			  struct err *err);

/* ---- casework (casework.c, 0008_casework.sql) ------------------------
 * Cases with their flow steps and agenda-item links, flow templates,
 * health agreements, follow-up actions with notes, shared initiatives
 * with comments and files (core/casework.h). Conventions as for meetings:
 * one transaction per write with its audit row(s) (kinds "case",
 * "case_step", "template", "agreement", "action", "initiative",
 * "comment"; body_id = the case's origin body, the action's body, or 0),
 * revisions compare-and-set where the struct has one, generation moves.
 * Callers check rules (core/casework.h) and permissions first.
 */

/* Everything, for the cross-cluster pages (arena-owned, ordered by id;
 * cases with steps and item links, actions with notes, initiatives
 * with comments and files (metadata), templates with steps). */
int store_casework_load(struct store *st, struct arena *a,
			struct casework *out, struct err *err);

/* Flow templates: insert (id 0) or update, replacing the steps. */
int store_template_save(struct store *st, struct flow_template *t,
			struct err *err);
int store_template_delete(struct store *st, int64_t id, struct err *err);

/* A health agreement and its items (visions, focus areas, principles,
 * goals) replaced as a whole; items' parent_id refer to other items by
 * their index + 1 in `items` on input (the store sets real ids, and
 * item ids stay stable for items whose key is unchanged). */
int store_agreement_save(struct store *st, struct health_agreement *h,
			 struct agreement_item *items, size_t n,
			 struct err *err);

/* Cases. store_case_save saves the case's own fields (insert: also
 * c->steps, positions as given, and c->item_ids); update: CAS on
 * revision, steps and links untouched. */
int store_case_save(struct store *st, struct case_file *c, struct err *err);
int store_case_get(struct store *st, struct arena *a, int64_t id,
		   struct case_file *out, struct err *err);
/* Appends steps to a case (positions continue after the last). */
int store_case_steps_add(struct store *st, int64_t case_id,
			 const struct case_step *steps, size_t n,
			 struct err *err);
/* Updates one step's action, status, started, finished, item_id, note,
 * due (by id; case_id must match). */
int store_case_step_update(struct store *st, const struct case_step *stp,
			   struct err *err);
/* Links an agenda item to a case (no-op when linked). */
int store_case_link_item(struct store *st, int64_t case_id, int64_t item_id,
			 struct err *err);
/* The cases linked to an agenda item (ids, arena). */
int store_cases_of_item(struct store *st, struct arena *a, int64_t item_id,
			int64_t **ids, size_t *n, struct err *err);

/* Follow-up actions (insert/update with CAS) and their progress notes
 * (append-only; author = the actor). */
int store_action_save(struct store *st, struct followup_action *fa,
		      struct err *err);
int store_action_note_add(struct store *st, int64_t action_id,
			  const char *text, struct err *err);

/* Initiatives (insert/update with CAS), comments (append-only; author =
 * the actor) and files (like store_attachment_add: token, sha256; the
 * bytes through store_blob_get, with initiative_id set in the blob). */
int store_initiative_save(struct store *st, struct initiative *in,
			  struct err *err);
int store_initiative_comment_add(struct store *st, int64_t initiative_id,
				 int64_t area_id, const char *text,
				 struct err *err);
int store_initiative_file_add(struct store *st, int64_t initiative_id,
			      struct attachment *at, const void *data,
			      size_t len, struct err *err);

/* ---- casework files (casework_file.c) ----------------------------------
 * docs/casework-format.md: {"klynge": 1, "agreements": [...],
 * "templates": [...], "cases": [...], "actions": [...],
 * "initiatives": [...]} naming bodies, organisations, people and areas by
 * their structure keys, agreement items by their keys. Checked whole
 * before anything is written (Danish errors with JSON paths), then
 * written through the functions above. */
int store_casework_import(struct store *st, const struct structure *s,
			  const char *text, size_t len, int today,
			  struct err *err);

/* ---- structure files (structure_json.c) ------------------------------
 * The format is docs/structure-format.md. Parsing assigns ids 1..n per
 * object type in file order and resolves key references to those ids;
 * every object is validated (core/validate.h) and the first problem is
 * reported in err with its JSON path. Printing is canonical: fixed key
 * order, defaults omitted, two-space indent, a final newline; so
 * print(parse(f)) == f for any canonical f.
 */
int structure_from_json(struct arena *a, const char *text, size_t len,
			struct structure *out, struct err *err);
int structure_to_json(const struct structure *s, struct buf *out,
		      struct err *err);
/* One object of s as it appears in a structure file, printed compactly
 * (no spaces, no newline) and appended to out: what the audit log keeps.
 * ERR_NOT_FOUND when s has no such object. */
int structure_object_json(const struct structure *s, enum store_kind kind,
			  int64_t id, struct buf *out, struct err *err);

#endif
