/*
 * pdf_build.h - the PDF builder inside klynge-pdf (pdf.c), fed by
 * pdf_main.c. Never linked into the server: it uses cairo, pango,
 * poppler (which parses untrusted attachments) and cmark.
 *
 * The input is the meeting document written by pdf_client.c; its format
 * is described at the top of pdf.c.
 */
#ifndef KLYNGE_PDF_BUILD_H
#define KLYNGE_PDF_BUILD_H

#include <stddef.h>

#include <jansson.h>

/*
 * Lays out the document described by `in` and writes the PDF to out_fd
 * as it is produced. 0 on success; -1 with a Danish message in errbuf
 * (errsz bytes) when the input is not a meeting document or writing
 * fails. An attachment poppler cannot open is not a failure: it gets a
 * page saying so.
 */
int pdf_build(json_t *in, int out_fd, char *errbuf, size_t errsz);

#endif
