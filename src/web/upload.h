/*
 * upload.h - file uploads (attachments [bilag]): the multipart/form-data
 * parser, type sniffing by content and filename cleaning. Pure functions
 * over bytes (no MHD, no store), so that the whole path an uploaded file
 * takes before it is stored is fuzzed (tests/fuzz/fuzz_upload.c).
 */
#ifndef KLYNGE_UPLOAD_H
#define KLYNGE_UPLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "web.h"

/* One attachment may hold at most UPLOAD_MAX bytes. A multipart body may
 * be a little larger (the envelope and the form's other fields); every
 * other request body stays at the server's 1 MiB. */
#define UPLOAD_MAX ((size_t)20 * 1024 * 1024)
#define UPLOAD_BODY_MAX (UPLOAD_MAX + (size_t)256 * 1024)
#define UPLOAD_FILENAME_MAX 200

/*
 * Parses a multipart form-data body (RFC 7578) whose Content-Type is
 * content_type (the boundary comes from it). Text parts (no filename
 * parameter) become fields: valid UTF-8, no NUL, like urlencoded forms.
 * Parts with a filename parameter become files (bytes as they are).
 * Field names must be valid UTF-8. At most 4096 parts, 8 KiB of headers
 * per part. Everything is in the arena. Returns 0, or -1 for anything
 * malformed (then the outputs are NULL and the counts 0).
 */
int upload_multipart_parse(struct arena *a, const char *content_type,
			   const char *body, size_t len, struct kv **fields,
			   size_t *n_fields, struct web_file **files,
			   size_t *n_files);

/*
 * The media type of an upload, judged by its bytes (never by what the
 * client claims): PDF ("%PDF-"), PNG, JPEG, GIF; a zip ("PK\3\4") only
 * as the office document its (cleaned) filename's extension names
 * (.docx .xlsx .pptx .odt .ods); plain UTF-8 text without control
 * characters only as .txt or .csv. NULL when the file may not be an
 * attachment (also when empty). Static strings.
 */
const char *upload_sniff(const char *filename, const void *data, size_t len);

/*
 * A filename fit to store and send back: the part after the last '/'
 * or '\', invalid UTF-8 and control characters dropped, surrounding
 * spaces and dots trimmed, at most UPLOAD_FILENAME_MAX bytes (cut at a
 * character boundary, the extension kept), never empty ("bilag").
 * Arena-owned.
 */
const char *upload_filename_clean(struct arena *a, const char *name);

#endif
