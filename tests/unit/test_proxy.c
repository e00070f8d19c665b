/*
 * test_proxy.c - the client's address behind a reverse proxy
 * (src/web/proxy.c, web_client_address): X-Forwarded-For counts only
 * when the TCP peer is a trusted proxy, and then its right-most entry
 * that is not itself a trusted proxy is the client.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "web/web.h"

static struct arena a;

static const char *client(const char *peer, const char *xff,
			  const char *trusted)
{
	return web_client_address(&a, peer, xff, trusted);
}

/* Off by default: the header is the client's to write, so it is
 * ignored unless the peer is a proxy we were told about. */
static void test_off_by_default(void **state)
{
	(void)state;
	arena_init(&a);
	assert_string_equal(client("192.0.2.7", "203.0.113.9", NULL), "192.0.2.7");
	assert_string_equal(client("192.0.2.7", "203.0.113.9", ""), "192.0.2.7");
	assert_null(client(NULL, "203.0.113.9", "127.0.0.1"));
	/* A peer that is not a trusted proxy: ignored. */
	assert_string_equal(client("192.0.2.7", "203.0.113.9", "127.0.0.1"),
			    "192.0.2.7");
	arena_free(&a);
}

static void test_rightmost_untrusted(void **state)
{
	(void)state;
	arena_init(&a);
	const char *t = "127.0.0.1, 10.0.0.2";
	/* nginx with $remote_addr: one entry. */
	assert_string_equal(client("127.0.0.1", "203.0.113.9", t), "203.0.113.9");
	/* A client's forged entries are to the left of what our proxy saw. */
	assert_string_equal(client("127.0.0.1", "1.1.1.1, 203.0.113.9", t),
			    "203.0.113.9");
	/* Two proxies of ours: the first one's entry is skipped. */
	assert_string_equal(client("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2", t),
			    "203.0.113.9");
	/* Every entry is a trusted proxy: the left-most is the client. */
	assert_string_equal(client("127.0.0.1", "10.0.0.2", t), "10.0.0.2");
	assert_string_equal(client("127.0.0.1", "127.0.0.1,10.0.0.2", t), "127.0.0.1");
	/* No header, empty header: the peer. */
	assert_string_equal(client("127.0.0.1", NULL, t), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "", t), "127.0.0.1");
	arena_free(&a);
}

static void test_forms_of_addresses(void **state)
{
	(void)state;
	arena_init(&a);
	/* IPv6, compared in binary, written canonically. */
	assert_string_equal(client("::1", "2001:DB8:0:0::7", "0:0::1"), "2001:db8::7");
	assert_string_equal(client("::1", "[2001:db8::7]:4711", "::1"), "2001:db8::7");
	assert_string_equal(client("::1", "[2001:db8::7]", "::1"), "2001:db8::7");
	/* A port on IPv4, blanks and tabs around entries. */
	assert_string_equal(client("127.0.0.1", " 203.0.113.9:5000 ,\t127.0.0.1 ",
				   "127.0.0.1"), "203.0.113.9");
	/* Garbage where the client should be: the peer (the proxy), never
	 * the garbage. */
	assert_string_equal(client("127.0.0.1", "unknown", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "1.2.3.4, <script>", "127.0.0.1"),
			    "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "1.2.3.4,", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", ",", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "[::1", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "[::1]x", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "1.2.3.4:", "127.0.0.1"), "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "999.1.1.1", "127.0.0.1"), "127.0.0.1");
	/* Bad entries in the trusted list are skipped, good ones count. */
	assert_string_equal(client("127.0.0.1", "203.0.113.9", "x,,127.0.0.1"),
			    "203.0.113.9");
	/* Over 4 KiB: not looked at. */
	char big[5000];
	memset(big, ' ', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big + sizeof(big) - 12, "203.0.113.9", 11);
	assert_string_equal(client("127.0.0.1", big, "127.0.0.1"), "127.0.0.1");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_off_by_default),
		cmocka_unit_test(test_rightmost_untrusted),
		cmocka_unit_test(test_forms_of_addresses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
