/*
 * fuzz_api.c - libFuzzer target for the JSON API's input reader
 * (web/api/input.c and every resource's parse, resources.c, charter.c):
 * the code that turns an untrusted POST/PUT body into a model object.
 *
 * Input: one byte choosing the resource and whether the object is new
 * or a copy of an existing one (as PUT does), then the JSON body. The
 * body is read, the key derived and the object validated against the
 * demo structure (data/demo.json, loaded once; an empty structure when
 * the file is not there); then the error answer or the object's JSON is
 * written, as the API would. Besides "does not crash" (under ASan and
 * UBSan), it checks that every answer is one JSON value.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/arena.h"
#include "web/api/api.h"
#include "web/web.h"

static struct arena demo_arena;
static struct structure demo;

static const struct api_resource *const resources[] = {
	&api_orgs, &api_areas, &api_bodies, &api_charters, &api_people,
	&api_memberships, &api_rotations,
};
#define N_RESOURCES (sizeof(resources) / sizeof(resources[0]))

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	arena_init(&demo_arena);
	FILE *f = fopen("data/demo.json", "rb");
	if (!f)
		return 0;
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, n);
	fclose(f);
	struct err err = { 0 };
	if (structure_from_json(&demo_arena, buf_str(&b), b.len, &demo,
				&err) != 0)
		memset(&demo, 0, sizeof(demo));
	buf_free(&b);
	return 0;
}

/* The answer must be one JSON value. */
static void check_json(const struct response *res)
{
	if (!res->body.len)
		return;
	json_t *j = json_loadb(res->body.data, res->body.len, 0, NULL);
	if (!j)
		abort();
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const struct api_resource *r = resources[data[0] % N_RESOURCES];
	bool copy = data[0] & 0x80;
	json_t *body = json_loadb((const char *)data + 1, size - 1,
				  JSON_REJECT_DUPLICATES, NULL);
	if (!body)
		return 0;
	if (!json_is_object(body)) {
		json_decref(body);
		return 0;
	}

	struct arena a;
	arena_init(&a);
	struct response res;
	memset(&res, 0, sizeof(res));
	res.arena = &a;

	void *obj = arena_alloc(&a, r->size);
	if (copy && r->count(&demo))
		memcpy(obj, r->nth(&demo, data[0] % r->count(&demo)), r->size);
	else
		r->init(obj);

	struct api_in in;
	api_in_init(&in, &a, &demo, body);
	r->parse(&in, obj);
	if (!in.bad) {
		if (r->derive_key)
			r->derive_key(&a, &demo, obj);
		struct field_errors ve = { 0 };
		r->validate(&a, &demo, obj, &ve);
		if (!api_in_fail(&in, &ve, &res))
			api_send(&res, 200, r->to_json(&demo, obj));
	} else {
		api_in_fail(&in, NULL, &res);
	}
	check_json(&res);

	json_decref(body);
	buf_free(&res.body);
	arena_free(&a);
	return 0;
}
