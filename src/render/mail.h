/*
 * mail.h - e-mail over SMTP (libcurl): invitations and publication
 * notices with the meeting as an .ics attachment.
 *
 * Configured by the environment: KLYNGE_SMTP_URL ("smtp://host:port" or
 * "smtps://..."; unset = no e-mail is sent, and that is not an error),
 * KLYNGE_MAIL_FROM (the sender address), KLYNGE_SMTP_USER and
 * KLYNGE_SMTP_PASSWORD (optional).
 *
 * Mails never carry agenda content: only the meeting's title, date,
 * time, place and a link to its page (where the reader's own access
 * decides what they see), so a closed item cannot leak by e-mail.
 */
#ifndef KLYNGE_MAIL_H
#define KLYNGE_MAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/meeting.h"
#include "../core/model.h"
#include "../util/arena.h"
#include "../util/err.h"

enum mail_kind {
	MAIL_INVITATION = 1,		/* state invited: "Indkaldelse" */
	MAIL_AGENDA_PUBLISHED,		/* state published: "Dagsorden udsendt" */
	MAIL_CANCELLED,			/* state cancelled: "Mødet er aflyst" */
	MAIL_MINUTES_APPROVED,		/* state minutes_approved: "Referat godkendt" */
};

/* Is e-mail configured (KLYNGE_SMTP_URL set)? */
bool mail_enabled(void);

/*
 * Sends the notice of kind to every person with an active membership in
 * m's body on m's date who has an e-mail address (one message each),
 * with the meeting as .ics (METHOD:REQUEST, or CANCEL when cancelled).
 * *sent (may be NULL) = messages accepted by the SMTP server. Returns 0
 * when mail is not configured (sent = 0); a negative err kind with a
 * Danish message when the server refused or could not be reached (the
 * state change itself stands: callers show the message as a warning).
 */
int mail_meeting_notify(struct arena *a, const struct structure *s,
			const struct meeting *m, enum mail_kind kind,
			size_t *sent, struct err *err);

/* The mail kind a state change calls for, 0 when none. */
enum mail_kind mail_kind_for_state(enum meeting_state to);

#endif
