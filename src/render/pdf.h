/*
 * pdf.h - the agenda package and the minutes as PDF.
 *
 * The server never parses a PDF itself: pdf_meeting_document serialises
 * the meeting into a JSON document and runs the builder, klynge-pdf
 * (pdf_main.c, pdf.c: cairo, pango, poppler, cmark), as a child process
 * with resource limits. Attachments are untrusted files; poppler only
 * ever opens them in that child.
 */
#ifndef KLYNGE_PDF_H
#define KLYNGE_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/meeting.h"
#include "../core/model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/err.h"

/* The bytes of one attachment, matched to m's attachments by at->id. */
struct pdf_attachment_data {
	const struct attachment *at;
	const void *data;
	size_t len;
};

/*
 * Builds the agenda package (DOCUMENT_AGENDA) or the minutes
 * (DOCUMENT_MINUTES) of m and appends the PDF to out. The caller has
 * ALREADY filtered m with access_meeting_view for the edition's
 * audience (public edition: the public's view; full edition: a
 * member's); the builder shows what it is given. Attachments missing
 * from att are listed but not included. Thread-safe.
 * 0, or a negative err kind with a Danish message.
 */
int pdf_meeting_document(struct arena *a, const struct structure *s,
			 const struct meeting *m, enum document_kind kind,
			 bool public_edition,
			 const struct pdf_attachment_data *att, size_t n_att,
			 struct buf *out, struct err *err);

#endif
