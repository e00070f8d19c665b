/*
 * proxy.c - who the client is behind a reverse proxy (issue 3,
 * leftovers): the address the login rate limit counts and the audit
 * log's "anonym (IP)" name.
 *
 * Without configuration the client is the TCP peer and X-Forwarded-For
 * means nothing: any client can send the header, so believing it would
 * let anyone pick the address their failed logins are counted under.
 * With KLYNGE_TRUSTED_PROXIES (a comma-separated list of addresses),
 * a request whose peer is one of them is from a proxy, and its client
 * is the right-most X-Forwarded-For entry that is not itself a trusted
 * proxy: each proxy appends the address it saw, so the entries to the
 * right of that one were written by our proxies, and anything to its
 * left was written by the client (and may be forged). When every entry
 * is a trusted proxy the left-most is the client; when the entry found
 * is not an address, or the header is missing or too long, the peer
 * stays the client (the proxy's address: rate limited as one client,
 * which is safe, never someone else's).
 */
#include "web.h"

#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>

#define XFF_MAX 4096		/* bytes of X-Forwarded-For looked at */
#define ADDR_MAX 64		/* one entry, brackets and port included */

/* ":4711" after an address: 1-5 digits. */
static bool port_ok(const char *p)
{
	size_t n = strspn(p, "0123456789");
	return n >= 1 && n <= 5 && p[n] == '\0';
}

/* An address in binary form, for comparing "::1" with "0::1". */
struct ipaddr {
	int family;		/* AF_INET, AF_INET6; 0 = not an address */
	unsigned char b[16];
};

/*
 * Parses one list entry (s, n bytes): surrounding blanks trimmed, and
 * the forms proxies write: "192.0.2.7", "192.0.2.7:4711", "2001:db8::1",
 * "[2001:db8::1]" and "[2001:db8::1]:4711". The address as text (no
 * port, no brackets) goes to text (ADDR_MAX bytes). False when it is
 * none of these.
 */
static bool addr_parse(const char *s, size_t n, struct ipaddr *out,
		       char text[ADDR_MAX])
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= ADDR_MAX)
		return false;
	char buf[ADDR_MAX];
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *a = buf;
	if (a[0] == '[') {
		char *close = strchr(a, ']');
		if (!close || (close[1] && (close[1] != ':' || !port_ok(close + 2))))
			return false;
		*close = '\0';
		a++;
		if (inet_pton(AF_INET6, a, out->b) != 1)
			return false;
		out->family = AF_INET6;
	} else if (strchr(a, ':') && strchr(a, ':') == strrchr(a, ':') &&
		   strchr(a, '.')) {
		char *colon = strchr(a, ':');	/* "192.0.2.7:4711" */
		*colon = '\0';
		if (!port_ok(colon + 1) || inet_pton(AF_INET, a, out->b) != 1)
			return false;
		out->family = AF_INET;
	} else if (inet_pton(AF_INET, a, out->b) == 1) {
		out->family = AF_INET;
	} else if (inet_pton(AF_INET6, a, out->b) == 1) {
		out->family = AF_INET6;
	} else {
		return false;
	}
	/* The canonical text, so one client is one rate-limit key. */
	return inet_ntop(out->family, out->b, text, ADDR_MAX) != NULL;
}

static bool addr_equal(const struct ipaddr *x, const struct ipaddr *y)
{
	return x->family && x->family == y->family &&
	       memcmp(x->b, y->b, x->family == AF_INET ? 4 : 16) == 0;
}

/* Is a one of the comma-separated addresses in list? */
static bool addr_listed(const struct ipaddr *a, const char *list)
{
	char text[ADDR_MAX];
	for (const char *p = list; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		struct ipaddr t = { 0 };
		if (addr_parse(p, n, &t, text) && addr_equal(a, &t))
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}

const char *web_client_address(struct arena *ar, const char *peer,
			       const char *forwarded_for,
			       const char *trusted_proxies)
{
	struct ipaddr pa = { 0 };
	char text[ADDR_MAX];
	if (!peer || !trusted_proxies || !*trusted_proxies)
		return peer;
	if (!addr_parse(peer, strlen(peer), &pa, text) ||
	    !addr_listed(&pa, trusted_proxies))
		return peer;
	if (!forwarded_for || !*forwarded_for ||
	    strlen(forwarded_for) > XFF_MAX)
		return peer;

	/* Right to left: skip our proxies, stop at the first other. */
	const char *end = forwarded_for + strlen(forwarded_for);
	const char *leftmost = NULL;
	size_t leftmost_n = 0;
	while (end > forwarded_for) {
		const char *start = end;
		while (start > forwarded_for && start[-1] != ',')
			start--;
		size_t n = (size_t)(end - start);
		struct ipaddr e = { 0 };
		if (!addr_parse(start, n, &e, text))
			return peer;	/* garbage where an address should be */
		if (!addr_listed(&e, trusted_proxies))
			return arena_strdup(ar, text);
		leftmost = start;
		leftmost_n = n;
		end = start > forwarded_for ? start - 1 : start;
	}
	/* Every entry is one of our proxies: the first one is the client
	 * (e.g. a health check from the proxy host itself). */
	if (leftmost) {
		struct ipaddr e = { 0 };
		if (addr_parse(leftmost, leftmost_n, &e, text))
			return arena_strdup(ar, text);
	}
	return peer;
}
