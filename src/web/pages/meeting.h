/*
 * meeting.h - the meeting pages' shared pieces (pages/meeting*.c):
 * internal to the web layer.
 *
 *   meeting.c        route table; the body's meetings, the meeting page,
 *                    the item page, the agenda and minutes as HTML; the
 *                    "Møder" section of the body page
 *   meeting_forms.c  meeting and item forms, delete, move, state changes,
 *                    checklist, attendance, decisions
 *   meeting_files.c  uploads, downloads (/files/:token), generated PDFs
 *
 * Every handler loads the meeting as stored (`full`, for rules and for
 * the permission decision) and as the principal may see it (`view`,
 * core access_meeting_view); pages render only `view`. Permissions go
 * through web_authorize_meeting (authorize.c), never through roles.
 */
#ifndef KLYNGE_PAGES_MEETING_H
#define KLYNGE_PAGES_MEETING_H

#include "../../core/meeting.h"
#include "../html.h"
#include "../web.h"
#include "forms.h"

struct mtg {
	struct meeting full;		/* as stored */
	struct meeting view;		/* as req->principal may see it */
	const struct body *body;	/* in web_structure(req) */
};

/* Loads meeting id into c; false after writing the 404 page (missing,
 * or not visible to the principal). */
bool mtg_load(struct request *req, struct response *res, int64_t id,
	      struct mtg *c);
/* Loads the meeting that holds item item_id; *it points into c->full,
 * *vit into c->view (NULL when the view lacks it). False after the 404
 * page. */
bool mtg_load_item(struct request *req, struct response *res,
		   int64_t item_id, struct mtg *c, struct agenda_item **it,
		   const struct agenda_item **vit);

/* Does the charter in force on the meeting's date put psychiatry
 * items first? */
bool mtg_psychiatry_first(struct request *req, const struct meeting *m);

/* An arena string "/meetings/12" etc. */
const char *mtg_url(struct request *req, int64_t id);
const char *mtg_item_url(struct request *req, int64_t id);

/* "14:30-16:00" (arena). */
const char *mtg_time_span(struct request *req, const struct meeting *m);

/* Writes markdown as HTML: cmark with CMARK_OPT_SAFE (raw HTML and
 * unsafe links dropped). */
void mtg_markdown(struct response *res, const char *md);

/* Human-readable size: "12 kB", "1,4 MB". */
void mtg_size(struct response *res, int64_t bytes);

/* The people who are expected at the meeting: ordinary members and
 * substitutes of the body active on its date (full structure). */
size_t mtg_members(struct request *req, const struct meeting *m,
		   const struct membership ***out);

/* The quorum summary (rule, per sector "Region 2 af 3 (mindst 2)"). */
void mtg_quorum_html(struct request *req, struct response *res,
		     const struct meeting *full);

/* The item page again, with a message (422 on a bad upload...). */
void mtg_item_page(struct request *req, struct response *res, struct mtg *c,
		   const struct agenda_item *vit, int status,
		   const char *error);
/* The meeting page again, with a problem or a warning shown at the top
 * (status 422 for a refused state change, 200 for a mail warning). */
void mtg_meeting_page(struct request *req, struct response *res,
		      struct mtg *c, int status, const char *error,
		      const char *warning);

/* The item page's "Mine private noter" form for those who may annotate
 * the item (meeting_notes.c; nothing for others). */
void meeting_notes_form(struct request *req, struct response *res,
			const struct mtg *c, const struct agenda_item *vit);

/* The "Møder" section of the body page (view_body.c). */
void meeting_body_section(struct request *req, struct response *res,
			  const struct body *b);

/* Handlers. */
void meeting_list(struct request *req, struct response *res);
void meeting_show(struct request *req, struct response *res);
void meeting_agenda_html(struct request *req, struct response *res);
void meeting_minutes_html(struct request *req, struct response *res);
void meeting_item_show(struct request *req, struct response *res);

void meeting_new(struct request *req, struct response *res);
void meeting_create(struct request *req, struct response *res);
void meeting_edit(struct request *req, struct response *res);
void meeting_update(struct request *req, struct response *res);
void meeting_state_post(struct request *req, struct response *res);
void meeting_task(struct request *req, struct response *res);
void meeting_attendance(struct request *req, struct response *res);
void meeting_attendance_save(struct request *req, struct response *res);
void meeting_item_new(struct request *req, struct response *res);
void meeting_item_create(struct request *req, struct response *res);
void meeting_item_edit(struct request *req, struct response *res);
void meeting_item_update(struct request *req, struct response *res);
void meeting_item_delete_page(struct request *req, struct response *res);
void meeting_item_delete(struct request *req, struct response *res);
void meeting_item_move_post(struct request *req, struct response *res);
void meeting_decision(struct request *req, struct response *res);
void meeting_decision_save(struct request *req, struct response *res);

void meeting_upload(struct request *req, struct response *res);
void meeting_attachment_delete(struct request *req, struct response *res);
void meeting_file(struct request *req, struct response *res);
void meeting_documents(struct request *req, struct response *res);

#endif
