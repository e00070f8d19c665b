/*
 * meeting_files.c - files of meetings (issue 4): attachment uploads
 * [bilag], their removal, downloads by token (/files/:token, both
 * attachments and generated documents) and the generation of the agenda
 * and minutes PDFs in both editions. See meeting.h.
 *
 * Uploads are judged by their bytes (upload.c), never by what the
 * client says; downloads are allowed only when the file is still in the
 * requester's view of its meeting (core access_meeting_view), and are
 * otherwise 404 (a token's existence is not confirmed). Downloads are
 * sent as attachments with a sandboxing CSP so that no uploaded byte
 * is ever rendered as our page.
 */
#include "meeting.h"

#include <string.h>

#include "../../core/access.h"
#include "../../render/pdf.h"
#include "../../util/date.h"
#include "../../util/num.h"
#include "../upload.h"
#include "pages.h"

static const char BAD_TYPE[] =
	"Filtypen kan ikke bruges som bilag. Brug PDF, billeder (PNG, JPEG, "
	"GIF), tekst (.txt, .csv) eller Office-/OpenDocument-filer (.docx, "
	".xlsx, .pptx, .odt, .ods).";

/* ---- uploads ------------------------------------------------------------ */

void meeting_upload(struct request *req, struct response *res)
{
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, req_param_id(req, 0), &c, &it, &vit) ||
	    !web_authorize_meeting(req, res, &c.full, it, WEB_MEETING_ITEM_EDIT))
		return;
	if (!meeting_agenda_editable(c.full.state)) {
		mtg_item_page(req, res, &c, vit, 409,
			      "Bilag kan ikke længere ændres (mødet er afholdt eller aflyst).");
		return;
	}
	const struct web_file *file = NULL;
	for (size_t i = 0; i < req->n_files; i++)
		if (strcmp(req->files[i].field, "file") == 0) {
			file = &req->files[i];
			break;
		}
	if (!file || (file->len == 0 && !*file->filename)) {
		mtg_item_page(req, res, &c, vit, 422, "Vælg en fil, der skal uploades.");
		return;
	}
	if (file->len > UPLOAD_MAX) {
		mtg_item_page(req, res, &c, vit, 413,
			      "Filen er for stor. Et bilag må højst fylde 20 MB.");
		return;
	}
	if (file->len == 0) {
		mtg_item_page(req, res, &c, vit, 422, "Filen er tom.");
		return;
	}
	const char *name = upload_filename_clean(req->arena, file->filename);
	const char *type = upload_sniff(name, file->data, file->len);
	if (!type) {
		mtg_item_page(req, res, &c, vit, 422, BAD_TYPE);
		return;
	}
	struct attachment at = { .item_id = it->id, .filename = name, .media_type = type };
	struct err err = { 0 };
	if (store_attachment_add(req->app->store, &at, file->data, file->len, &err) != 0) {
		mtg_item_page(req, res, &c, vit, form_err_status(&err),
			      form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/items/%lld#bilag", (long long)it->id));
}

void meeting_attachment_delete(struct request *req, struct response *res)
{
	/* The form names the item; the attachment must be one of its. */
	const char *iv = req_form(req, "item");
	int64_t item_id = num_positive(iv ? iv : "");
	struct mtg c;
	struct agenda_item *it;
	const struct agenda_item *vit;
	if (!mtg_load_item(req, res, item_id, &c, &it, &vit))
		return;
	int64_t aid = req_param_id(req, 0);
	const struct attachment *at = NULL;
	for (size_t i = 0; i < it->n_attachments; i++)
		if (it->attachments[i].id == aid)
			at = &it->attachments[i];
	if (!at) {
		page_error(req, res, 404, "Bilaget findes ikke.");
		return;
	}
	if (!web_authorize_meeting(req, res, &c.full, it, WEB_MEETING_ITEM_EDIT))
		return;
	if (!meeting_agenda_editable(c.full.state)) {
		mtg_item_page(req, res, &c, vit, 409,
			      "Bilag kan ikke længere ændres (mødet er afholdt eller aflyst).");
		return;
	}
	struct err err = { 0 };
	if (store_attachment_delete(req->app->store, at->id, &err) != 0) {
		mtg_item_page(req, res, &c, vit, form_err_status(&err),
			      form_err_msg(req, &err));
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/items/%lld#bilag", (long long)it->id));
}

/* ---- downloads ---------------------------------------------------------- */

/* Is the blob (attachment or document) in this view of its meeting? */
static bool blob_in_view(const struct store_blob *b, const struct meeting *v)
{
	if (b->document_id) {
		for (size_t i = 0; i < v->n_documents; i++)
			if (v->documents[i].id == b->document_id)
				return true;
		return false;
	}
	for (size_t i = 0; i < v->n_items; i++) {
		if (v->items[i].id != b->item_id)
			continue;
		for (size_t k = 0; k < v->items[i].n_attachments; k++)
			if (v->items[i].attachments[k].id == b->attachment_id)
				return true;
	}
	return false;
}

/* Content-Disposition: attachment; filename="ascii"; filename*=UTF-8''... */
static const char *disposition(struct arena *a, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = BUF_INIT;
	buf_puts(&b, "attachment; filename=\"");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		buf_putc(&b, (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' &&
			      *p != '%') ? (char)*p : '_');
	buf_puts(&b, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p)) {
			buf_putc(&b, (char)*p);
		} else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		}
	}
	const char *out = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return out;
}

void meeting_file(struct request *req, struct response *res)
{
	req->no_cache = true;
	const char *token = req->n_params ? req->params[0] : "";
	struct store_blob blob;
	struct err err = { 0 };
	memset(&blob, 0, sizeof(blob));
	if (store_blob_get(req->app->store, req->arena, token, &blob, &err) != 0) {
		page_error(req, res, 404, "Filen findes ikke.");
		return;
	}
	if (blob.initiative_id) {
		/* A shared initiative's file (issue 5): knowledge sharing is
		 * the clusters' open record (core/casework.h), so public. */
		buf_reset(&res->body);
		buf_put(&res->body, blob.data, blob.len);
		res->status = 200;
		res->content_type = blob.media_type && *blob.media_type
					    ? blob.media_type : "application/octet-stream";
		res_header(res, "Content-Disposition",
			   disposition(req->arena, blob.filename && *blob.filename
							   ? blob.filename : "fil"));
		res_header(res, "X-Content-Type-Options", "nosniff");
		res_header(res, "Content-Security-Policy", "sandbox");
		res_header(res, "Cache-Control", "public, max-age=300");
		return;
	}
	struct meeting full, view, pub;
	const struct structure *s = web_structure_full(req);
	int today = date_today();
	if (store_meeting_get(req->app->store, req->arena, blob.meeting_id, &full,
			      &err) != 0 ||
	    !access_meeting_view(req->arena, s, &req->principal, &full, today, &view) ||
	    !blob_in_view(&blob, &view)) {
		page_error(req, res, 404, "Filen findes ikke.");
		return;
	}
	/* A document's full edition also needs the full view (the view
	 * already leaves it out for others; this says it once more). */
	if (blob.document_id && !blob.public_edition &&
	    !access_meeting_full(s, &req->principal, full.body_id, today)) {
		page_error(req, res, 404, "Filen findes ikke.");
		return;
	}
	static const struct principal nobody = { 0 };
	bool is_public = access_meeting_view(req->arena, s, &nobody, &full, today, &pub) &&
			 blob_in_view(&blob, &pub);
	buf_reset(&res->body);
	buf_put(&res->body, blob.data, blob.len);
	res->status = 200;
	res->content_type = blob.media_type && *blob.media_type
				    ? blob.media_type : "application/octet-stream";
	res_header(res, "Content-Disposition",
		   disposition(req->arena, blob.filename && *blob.filename
						   ? blob.filename : "bilag"));
	res_header(res, "X-Content-Type-Options", "nosniff");
	res_header(res, "Content-Security-Policy", "sandbox");
	res_header(res, "Cache-Control", is_public ? "public, max-age=300"
						   : "private, no-store");
}

/* ---- generated documents ---------------------------------------------- */

/* The bytes of the attachments left in view v (for the PDF builder). */
static struct pdf_attachment_data *attachment_bytes(struct request *req,
						    const struct meeting *v,
						    size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < v->n_items; i++)
		total += v->items[i].n_attachments;
	struct pdf_attachment_data *out = arena_array(req->arena, total + 1, sizeof(*out));
	*n = 0;
	for (size_t i = 0; i < v->n_items; i++)
		for (size_t k = 0; k < v->items[i].n_attachments; k++) {
			const struct attachment *at = &v->items[i].attachments[k];
			struct store_blob b;
			struct err err = { 0 };
			if (store_blob_get(req->app->store, req->arena, at->token, &b,
					   &err) != 0)
				continue;	/* listed, not included */
			out[(*n)++] = (struct pdf_attachment_data){ at, b.data, b.len };
		}
	return out;
}

/* Builds one edition from view v and keeps it. 0 or -1 with err set. */
static int make_edition(struct request *req, const struct structure *s,
			const struct meeting *v, enum document_kind kind,
			bool public_edition, struct err *err)
{
	size_t n_att = 0;
	struct pdf_attachment_data *att = attachment_bytes(req, v, &n_att);
	struct buf pdf = BUF_INIT;
	int rc = pdf_meeting_document(req->arena, s, v, kind, public_edition, att,
				      n_att, &pdf, err);
	if (rc == 0) {
		struct meeting_document d = { .meeting_id = v->id, .kind = kind,
					      .public_edition = public_edition };
		rc = store_document_add(req->app->store, &d, pdf.data, pdf.len, err);
	}
	buf_free(&pdf);
	return rc ? -1 : 0;
}

void meeting_documents(struct request *req, struct response *res)
{
	struct mtg c;
	if (!mtg_load(req, res, req_param_id(req, 0), &c) ||
	    !web_authorize_meeting(req, res, &c.full, NULL, WEB_MEETING_EDIT))
		return;
	const char *k = req_form(req, "kind");
	bool ok = true;
	enum document_kind kind = document_kind_from_code(k ? k : "", &ok);
	if (!kind || !ok) {
		mtg_meeting_page(req, res, &c, 422, "Ukendt dokumenttype.", NULL);
		return;
	}
	if (c.full.state == MEETING_CANCELLED) {
		mtg_meeting_page(req, res, &c, 409, "Mødet er aflyst.", NULL);
		return;
	}
	if (kind == DOCUMENT_MINUTES && c.full.state != MEETING_HELD &&
	    c.full.state != MEETING_MINUTES_APPROVED) {
		mtg_meeting_page(req, res, &c, 409,
				 "Referatet kan først dannes, når mødet er afholdt.", NULL);
		return;
	}
	const struct structure *full_s = web_structure_full(req);
	int today = date_today();
	/* The full edition: what a member sees. */
	static const struct principal member_view = { .account_id = -1, .admin = true };
	struct meeting fv;
	if (!access_meeting_view(req->arena, full_s, &member_view, &c.full, today, &fv)) {
		mtg_meeting_page(req, res, &c, 500, "Mødet kunne ikke læses.", NULL);
		return;
	}
	/* The public edition: what the public sees once the agenda is
	 * published (it is only served once the meeting is visible to the
	 * public: meeting_file). */
	static const struct principal nobody = { 0 };
	struct meeting as_published = c.full;
	as_published.was_published = true;
	struct meeting pv;
	struct structure pub_s;
	access_view(req->arena, full_s, &nobody, today, &pub_s);
	if (!access_meeting_view(req->arena, full_s, &nobody, &as_published, today, &pv)) {
		mtg_meeting_page(req, res, &c, 500, "Mødet kunne ikke læses.", NULL);
		return;
	}
	struct err err = { 0 };
	if (make_edition(req, full_s, &fv, kind, false, &err) != 0 ||
	    make_edition(req, &pub_s, &pv, kind, true, &err) != 0) {
		int64_t id = c.full.id;
		if (mtg_load(req, res, id, &c))
			mtg_meeting_page(req, res, &c, err.kind == ERR_INVALID ? 422 : 500,
					 arena_printf(req->arena, "PDF'en kunne ikke dannes: %s",
						      *err.msg ? err.msg : "ukendt fejl"),
					 NULL);
		return;
	}
	res_redirect(res, arena_printf(req->arena, "/meetings/%lld#dokumenter",
				       (long long)c.full.id));
}
