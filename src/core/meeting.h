/*
 * meeting.h - meetings, agenda items, attendance, the secretariat's
 * checklist and the generated documents, as plain data; and the rules
 * about them (pure C, no I/O): state changes, cadence, "meets before",
 * agenda order, quorum at a meeting, case numbers, the checklist.
 *
 * Meetings are not part of `struct structure` (which is loaded whole and
 * cached): they are many, and a page needs one meeting or one body's
 * list. The store loads them on demand (store.h, "meetings").
 *
 * Times: a meeting is on a civil date in Europe/Copenhagen with a start
 * and end time of day as minutes after midnight (14:30 = 870). A meeting
 * does not cross midnight. Conversion to UTC (iCalendar, lead times)
 * uses the TZ database; see util/date.h.
 *
 * Strings are never NULL in loaded objects ("" when empty); the arena
 * owns them.
 */
#ifndef KLYNGE_MEETING_H
#define KLYNGE_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "rules.h"
#include "../util/arena.h"

/* Violation codes of the meeting rules (rules.h style; stable). */
#define V_CADENCE		"cadence"		/* fewer meetings than the charter's cadence */
#define V_MEETS_BEFORE_MISSING	"meets_before_missing"	/* no meeting before X's meeting */
#define V_ORDER_PSYCHIATRY	"order_psychiatry"	/* a psychiatry item after another */
#define V_ORDER_AOB		"order_aob"		/* an item after "any other business" */

/* ---- enums (codes and Danish labels in meeting.c, model.h style) ---- */

enum meeting_kind {
	MEETING_KIND_NONE = 0,
	MEETING_ORDINARY,		/* "ordinary" - Ordinært møde */
	MEETING_EXTRAORDINARY,		/* "extraordinary" - Ekstraordinært møde */
	MEETING_KIND__COUNT
};

/*
 * The meeting's life: planned -> invited -> agenda_approved -> published
 * -> held -> minutes_approved; cancelled from any state before held.
 * Only forward, one step at a time, except that invited may be skipped
 * (planned -> agenda_approved) and cancelled is reachable from planned,
 * invited, agenda_approved and published. A cancelled meeting may be
 * re-planned (cancelled -> planned). See meeting_transition_allowed.
 */
enum meeting_state {
	MEETING_STATE_NONE = 0,
	MEETING_PLANNED,		/* "planned" - Planlagt */
	MEETING_INVITED,		/* "invited" - Indkaldt */
	MEETING_AGENDA_APPROVED,	/* "agenda_approved" - Dagsorden godkendt */
	MEETING_PUBLISHED,		/* "published" - Dagsorden udsendt */
	MEETING_HELD,			/* "held" - Afholdt */
	MEETING_MINUTES_APPROVED,	/* "minutes_approved" - Referat godkendt */
	MEETING_CANCELLED,		/* "cancelled" - Aflyst */
	MEETING_STATE__COUNT
};

enum item_kind {
	ITEM_KIND_NONE = 0,
	ITEM_APPROVAL,			/* "approval" - Godkendelse */
	ITEM_DISCUSSION,		/* "discussion" - Drøftelse */
	ITEM_INFORMATION,		/* "information" - Orientering */
	ITEM_AOB,			/* "aob" - Eventuelt */
	ITEM_KIND__COUNT
};

enum item_outcome {
	OUTCOME_NONE = 0,
	OUTCOME_APPROVED,		/* "approved" - Godkendt */
	OUTCOME_APPROVED_CHANGED,	/* "approved_changed" - Godkendt med ændringer */
	OUTCOME_REJECTED,		/* "rejected" - Ikke godkendt */
	OUTCOME_DISCUSSED,		/* "discussed" - Drøftet */
	OUTCOME_NOTED,			/* "noted" - Taget til efterretning */
	OUTCOME_POSTPONED,		/* "postponed" - Udsat */
	OUTCOME__COUNT
};

enum attendance_status {
	ATTEND_NONE = 0,		/* not recorded */
	ATTEND_PRESENT,			/* "present" - Til stede */
	ATTEND_APOLOGY,			/* "apology" - Afbud */
	ATTEND_ABSENT,			/* "absent" - Fraværende */
	ATTEND__COUNT
};

enum document_kind {
	DOCUMENT_KIND_NONE = 0,
	DOCUMENT_AGENDA,		/* "agenda" - Dagsorden */
	DOCUMENT_MINUTES,		/* "minutes" - Referat */
	DOCUMENT_KIND__COUNT
};

MODEL_ENUM_DECL(meeting_kind, enum meeting_kind)
MODEL_ENUM_DECL(meeting_state, enum meeting_state)
MODEL_ENUM_DECL(item_kind, enum item_kind)
MODEL_ENUM_DECL(item_outcome, enum item_outcome)
MODEL_ENUM_DECL(attendance_status, enum attendance_status)
MODEL_ENUM_DECL(document_kind, enum document_kind)

/* ---- objects -------------------------------------------------------- */

/*
 * An uploaded file attached to an agenda item [bilag]. The bytes live in
 * the store; `token` (32 lowercase hex from a CSPRNG) is the only way to
 * address them from outside, so attachment URLs cannot be guessed.
 */
struct attachment {
	int64_t id;
	int64_t item_id;
	int position;			/* 1.. within the item */
	const char *token;
	const char *filename;		/* as uploaded, cleaned */
	const char *media_type;		/* "application/pdf", ... (sniffed) */
	int64_t size;			/* bytes */
	const char *sha256;		/* 64 lowercase hex */
	const char *created;
};

/* An item on a meeting's agenda [dagsordenspunkt] (seed 001's layout). */
struct agenda_item {
	int64_t id;
	int64_t meeting_id;
	int number;			/* 1.. its place on the agenda */
	const char *title;
	const char *case_number;	/* "22/17744" or "" (meeting_case_number_parse) */
	enum item_kind kind;
	bool closed;			/* lukket punkt: members only */
	bool psychiatry;		/* for "psychiatry items first" */
	int64_t handler_person_id;	/* case handler writing it; 0 = none */
	const char *summary;		/* Resumé, plain text */
	const char *presentation;	/* Sagsfremstilling, markdown (cmark, safe) */
	const char *recommended_by;	/* "Administrationen indstiller, at" ... */
	const char *resolutions;	/* proposed resolutions, one per line */
	const char *dissent;		/* recorded disagreement (seed 004) */
	const char *guests;		/* invited guests for this item, one per line */
	const char *decision;		/* Beslutning, markdown; "" until recorded */
	enum item_outcome outcome;
	struct attachment *attachments;
	size_t n_attachments;
	const char *created;
	const char *modified;
	int64_t revision;
};

/* One member's attendance at a meeting [fremmøde]. */
struct attendance {
	int64_t id;
	int64_t meeting_id;
	int64_t membership_id;		/* the membership they attend in */
	enum attendance_status status;
	const char *note;		/* e.g. "deltog virtuelt" */
};

/* One step of the secretariat's checklist for a meeting. */
struct meeting_task {
	int64_t id;
	int64_t meeting_id;
	int position;			/* 1.. */
	const char *key;		/* from the template, e.g. "invite" */
	const char *label;		/* Danish */
	const char *responsible;	/* organisation(s), Danish text */
	int due;			/* date */
	bool done;
	const char *done_by;		/* actor; "" when not done */
	const char *done_at;		/* UTC time; "" when not done */
};

/* A state change: who moved the meeting, and when. */
struct meeting_event {
	int64_t id;
	enum meeting_state from;
	enum meeting_state to;
	const char *actor;
	const char *at;			/* UTC "YYYY-MM-DDTHH:MM:SSZ" */
};

/*
 * A generated PDF, kept forever: regenerating after corrections adds a
 * new version. Each generation writes two editions: the full one
 * (members: closed items included) and the public one (closed items by
 * title only). `token` addresses the bytes, like an attachment's.
 */
struct meeting_document {
	int64_t id;
	int64_t meeting_id;
	enum document_kind kind;
	int version;			/* 1.. per kind */
	bool public_edition;
	const char *token;
	int64_t size;
	const char *sha256;
	const char *created;
	const char *created_by;
};

struct meeting {
	int64_t id;
	int64_t body_id;
	enum meeting_kind kind;
	enum meeting_state state;
	const char *title;		/* "" = the body's name and the date */
	int date;			/* YYYYMMDD, Europe/Copenhagen */
	int start_min;			/* minutes after midnight */
	int end_min;			/* > start_min */
	const char *place;		/* "Regionshuset, Damhaven 12, 7100 Vejle" or "" */
	const char *online_url;		/* a video meeting link or "" */
	int sequence;			/* iCalendar SEQUENCE: +1 when date,
					   time, place or state (cancel) change */
	bool was_published;		/* reached published at some time */
	struct agenda_item *items;	/* in number order */
	size_t n_items;
	struct attendance *attendance;
	size_t n_attendance;
	struct meeting_task *tasks;	/* in position order */
	size_t n_tasks;
	struct meeting_event *events;	/* oldest first */
	size_t n_events;
	struct meeting_document *documents; /* oldest first */
	size_t n_documents;
	const char *created;
	const char *modified;
	int64_t revision;
};

/* ---- state ---------------------------------------------------------- */

/* May a meeting go from one state to the other? (See enum meeting_state.) */
bool meeting_transition_allowed(enum meeting_state from, enum meeting_state to);

/*
 * Why a transition may not happen now, beyond the state order; NULL when
 * it may. Checked: agenda_approved/published need at least one item;
 * minutes_approved needs an outcome on every item that is not
 * information/aob... (see meeting.c for the exact list, each tested).
 * Returns a Danish message (static storage).
 */
const char *meeting_transition_problem(const struct meeting *m,
				       enum meeting_state to);

/* meeting_transition_problem, and what depends on the day: a meeting
 * can be marked held (and so get its minutes approved) only on or after
 * its date. What the pages, the API and the import call. */
const char *meeting_transition_problem_on(const struct meeting *m,
					  enum meeting_state to, int today);

/* Is the agenda (items, attachments) still editable in this state?
 * Up to and including published (corrections after publication make a
 * new document version); not after held, nor when cancelled. */
bool meeting_agenda_editable(enum meeting_state st);
/* May decisions and attendance be recorded? published or held. */
bool meeting_minutes_editable(enum meeting_state st);

/* ---- cadence (per calendar year) -------------------------------------
 * "Det politiske niveau mødes mindst 2 gange årligt", "det fagligt
 * strategiske niveau mindst 4 gange årligt" (seed 001). Meetings count
 * when not cancelled; `meetings` may hold any bodies' meetings, only
 * body_id's in `year` count.
 */
struct cadence_result {
	int year;
	int required;			/* charter's min_meetings_per_year; 0 = none */
	int held;			/* held or minutes approved */
	int planned;			/* not yet held, not cancelled */
	bool ok;			/* held + planned >= required */
};
void rules_cadence(const struct structure *s, int64_t body_id, int year,
		   const struct meeting *meetings, size_t n,
		   struct cadence_result *out);

/*
 * "Koordinationsforum mødes forud for hvert møde i det fagligt
 * strategiske niveau" (seed 004): for a body whose charter in force on
 * each meeting date has meets_before_id = X, every non-cancelled meeting
 * of X in `year` must have a non-cancelled meeting of the body on an
 * earlier date, after X's previous meeting (a date strictly between the
 * two). Violations are appended to out with code "meets_before_missing"
 * and a Danish message naming X's meeting date.
 */
void rules_check_meets_before(struct arena *a, const struct structure *s,
			      int64_t body_id, int year,
			      const struct meeting *meetings, size_t n,
			      struct violations *out);

/*
 * The meeting rules of a body over a calendar year, as violations:
 * cadence (code "cadence": fewer held + planned meetings than the
 * charter's min_meetings_per_year) and rules_check_meets_before.
 * meeting_check.c.
 */
void rules_check_meetings(struct arena *a, const struct structure *s,
			  int64_t body_id, int year,
			  const struct meeting *meetings, size_t n,
			  struct violations *out);

/* ---- agenda order ----------------------------------------------------
 * Where the charter in force on the meeting's date says
 * psychiatry_first, psychiatry items come before the others; "any other
 * business" (aob) always comes last. Otherwise the secretariat's order
 * stands. meeting_order_fix renumbers items (1..n) into a valid order,
 * keeping the relative order within each group (stable).
 * rules_check_order appends "order_psychiatry" / "order_aob" violations
 * naming the first misplaced item.
 */
void meeting_order_fix(struct agenda_item *items, size_t n,
		       bool psychiatry_first);
void rules_check_order(struct arena *a, const struct agenda_item *items,
		       size_t n, bool psychiatry_first, struct violations *out);
/* Moves item at index i one place up (dir -1) or down (+1) and
 * renumbers, then applies meeting_order_fix. Returns false (nothing
 * changed) when the move is impossible or undone by the order rules. */
bool meeting_item_move(struct agenda_item *items, size_t n, size_t i, int dir,
		       bool psychiatry_first);

/* ---- quorum at a meeting ---------------------------------------------
 * The members on the meeting date (active ordinary members and
 * substitutes of the body) with their recorded attendance (none
 * recorded = not present), fed to rules_quorum with the charter's quorum
 * rule. A substitute counts only when the ordinary member they stand in
 * for is not present (seed 000). *rule is set to the charter's rule
 * (QUORUM_RULE_NONE when it has none: then the result is quorate).
 */
void meeting_quorum(const struct structure *s, const struct meeting *m,
		    enum quorum_rule *rule, struct quorum_result *out);

/* May a decision be recorded now? NULL when yes; otherwise a Danish
 * message ("Mødet er ikke beslutningsdygtigt: ...", naming each sector
 * short of its half) when the charter has a quorum rule and the
 * attendance does not meet it. Information items need no quorum. */
const char *meeting_decision_problem(struct arena *a,
				     const struct structure *s,
				     const struct meeting *m,
				     const struct agenda_item *it);

/* ---- case numbers ----------------------------------------------------
 * Journal numbers as the organisations write them: "22/17744" (year/
 * serial, Region Syddanmark's Acadre), "2022-012345", "27.00.00-A00-1-22"
 * (KLE with facet and serial). Accepted: 1-64 characters of digits,
 * letters, and the separators / - . and a single inner space; must
 * contain a digit; no leading/trailing separator. Normalised: trimmed,
 * letters upper-cased. Returns 0 and writes the normalised form into
 * out (outsz >= 65), or -1 with a Danish message in *why (static).
 * "" is valid (no case number) and gives "".
 */
int meeting_case_number_parse(const char *in, char *out, size_t outsz,
			      const char **why);

/* ---- the secretariat's checklist -------------------------------------
 * The task matrix of seed 001 (annex "Sekretariatsbetjening"), one
 * template per body kind: political level, professional-strategic level,
 * and a generic one for other bodies. Each task has a key, a Danish
 * label, the responsible organisation(s) and a due date as days relative
 * to the meeting (negative = before).
 */
struct task_template {
	const char *key;
	const char *label;
	const char *responsible;
	int offset_days;
};
/* The template for a body kind (never NULL), *n its length. */
const struct task_template *meeting_task_template(enum body_kind kind,
						  size_t *n);
/*
 * Does reaching state `to` mean the checklist task `key` is done? The
 * state says so for the steps it stands for: invited - the dates found
 * and the invitation sent (find_date, invite); agenda approved - the
 * items written, quality-assured and approved by the chairs
 * (write_items, quality_assure, chairs_approval); published - the agenda
 * sent (send_agenda); held - the meeting attended (attend); minutes
 * approved - the minutes written and approved (write_minutes,
 * approve_minutes). The store ticks them off with the state change
 * (store_meeting_set_state); the rest (catering, generating documents,
 * sending the minutes, follow-up) the secretariat ticks itself.
 */
bool meeting_task_done_by_state(const char *key, enum meeting_state to);

/* Tasks for a meeting on `date` of a body of `kind`, due dates filled
 * in, positions 1..n, not done; arena-owned. */
struct meeting_task *meeting_tasks_generate(struct arena *a,
					    enum body_kind kind, int date,
					    size_t *n);

/* ---- small helpers --------------------------------------------------- */

/* "14:30" from 870 (out at least 6 bytes). */
void meeting_time_format(int minutes, char *out, size_t outsz);
/* Parses "HH:MM" (00:00-23:59) into minutes; 0 on success, -1 else. */
int meeting_time_parse(const char *s, int *out);
/* The display title: m->title, else "<body name> <date in Danish>". */
const char *meeting_display_title(struct arena *a, const struct structure *s,
				  const struct meeting *m);
/* Splits a one-per-line text (resolutions, guests) into trimmed
 * non-empty lines; arena-owned. */
const char **meeting_lines(struct arena *a, const char *text, size_t *n);

#endif
