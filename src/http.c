/* The one HTTP transport. Every transfer runs on one libcurl multi handle per worker process (per thread in a
 * ZTS build: the handles live in the module globals), kept across
 * requests: its connection cache (keyed by scheme, host and port, HTTP/2 multiplexed where the server offers
 * it) is what lets a php-fpm worker skip the TCP and TLS handshakes of every page after its first. A share
 * handle adds the DNS cache and TLS sessions. All of it is made lazily inside a request (php-fpm forks after
 * MINIT) and abandoned, never closed, in a forked child, whose sockets belong to its parent. */
#include "customerio_private.h"
#include <unistd.h>
#include <fcntl.h>
#include <time.h>
#include "ext/date/php_date.h"
#include "ext/random/php_random.h"
#include "ext/standard/url.h"

#define CIO_POOL_MAX 16

static char cio_user_agent[128];

const char *cio_http_user_agent(void)
{
	return cio_user_agent;
}

void cio_http_minit(void)
{
	curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);

	snprintf(cio_user_agent, sizeof(cio_user_agent), "customerio-php-ext/%s PHP/%s libcurl/%s",
		PHP_CUSTOMERIO_VERSION, PHP_VERSION, info->version);
}

/* Drops the handle's pointers into a call's memory (its transfer, error buffer, header list and response). */
static void cio_http_easy_forget(CURL *easy, cio_easy_options *set)
{
	curl_easy_setopt(easy, CURLOPT_PRIVATE, NULL);
	curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, NULL);
	curl_easy_setopt(easy, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, NULL);
	curl_easy_setopt(easy, CURLOPT_HEADERDATA, NULL);
	set->private_data = set->write_data = set->header_data = NULL;
	set->error_buffer = NULL;
	set->headers = NULL;
}

/* Closes every connection of the thread (or process) these globals belong to when they are ours (the pid
 * matches), or forgets a parent's. Takes the globals explicitly: GSHUTDOWN may run in another thread. */
static void cio_http_release_in(zend_customerio_globals *g)
{
	bool own = g->owner_pid == cio_getpid();

	for (int i = 0; own && i < g->in_flight_n; i++) {
		if (!g->multi || curl_multi_remove_handle(g->multi, g->in_flight[i]) != CURLM_OK) {
			if (g->multi_h2) {
				curl_multi_remove_handle(g->multi_h2, g->in_flight[i]);
			}
		}
		curl_easy_cleanup(g->in_flight[i]);
	}
	g->in_flight_n = 0;
	for (int i = 0; i < g->pool_size; i++) {
		if (own) {
			cio_http_easy_forget(g->pool[i].easy, &g->pool[i].set);
			curl_easy_cleanup(g->pool[i].easy);
		}
	}
	g->pool_size = 0;
	if (g->multi && own) {
		curl_multi_cleanup(g->multi);
	}
	if (g->multi_h2 && own) {
		curl_multi_cleanup(g->multi_h2);
	}
	if (g->share && own) {
		curl_share_cleanup(g->share);
	}
	g->multi = NULL;
	g->multi_h2 = NULL;
	g->share = NULL;
	g->connections_open = 0;
}

static void cio_http_release(void)
{
	cio_http_release_in(ZEND_MODULE_GLOBALS_BULK(customerio));
}

/* Takes an easy handle off whichever multi handle holds it. */
static bool cio_http_detach_any(CURL *easy)
{
	return (CIO_G(multi) && curl_multi_remove_handle(CIO_G(multi), easy) == CURLM_OK)
		|| (CIO_G(multi_h2) && curl_multi_remove_handle(CIO_G(multi_h2), easy) == CURLM_OK);
}

/* Handles still attached from a request that bailed out (a fatal error between two libcurl calls) point at
 * that request's freed memory: take them off and close them before anything else runs on the multi handle.
 * If libcurl refuses (it believes it is still inside a callback), the whole transport is forgotten. */
static void cio_http_abandon(void)
{
	bool usable = true;

	if (!CIO_G(in_flight_n)) {
		return;
	}
	if (CIO_G(owner_pid) != cio_getpid() || (!CIO_G(multi) && !CIO_G(multi_h2))) {
		CIO_G(in_flight_n) = 0;
		return;
	}
	for (int i = 0; i < CIO_G(in_flight_n); i++) {
		if (cio_http_detach_any(CIO_G(in_flight)[i])) {
			curl_easy_cleanup(CIO_G(in_flight)[i]);
		} else {
			usable = false;
		}
	}
	CIO_G(in_flight_n) = 0;
	if (!usable) {
		CIO_G(owner_pid) = 0; /* not ours any more: cio_http_release() forgets without closing */
		cio_http_release();
	}
}

void cio_http_mshutdown(void)
{
	cio_http_abandon();
	cio_http_release();
	if (CIO_G(in_flight)) {
		pefree(CIO_G(in_flight), 1);
		CIO_G(in_flight) = NULL;
		CIO_G(in_flight_cap) = 0;
	}
}

void cio_http_rinit(void)
{
	CIO_G(bailed_out) = false;
	cio_http_abandon();
}

void cio_http_gshutdown(zend_customerio_globals *g)
{
	cio_http_release_in(g);
	if (g->in_flight) {
		pefree(g->in_flight, 1);
		g->in_flight = NULL;
		g->in_flight_cap = 0;
	}
}

void cio_http_rshutdown(void)
{
	cio_http_abandon();
	if (!CIO_G(persistent)) {
		cio_http_release();
	} else if (CIO_G(owner_pid) == cio_getpid()) {
		/* the pooled handles outlive the request: no pointer into its memory may */
		for (int i = 0; i < CIO_G(pool_size); i++) {
			cio_http_easy_forget(CIO_G(pool)[i].easy, &CIO_G(pool)[i].set);
		}
	}
}

/* libcurl 7.x makes the multi handle's wake-up socket pair without close-on-exec: descriptors that appear
 * while it is made are marked, so that proc_open()/exec children do not inherit them. */
#define CIO_FD_SCAN 1024

static void cio_http_fds_open(unsigned char *open)
{
	for (int fd = 0; fd < CIO_FD_SCAN; fd++) {
		open[fd] = fcntl(fd, F_GETFD) != -1;
	}
}

static void cio_http_cloexec_new(const unsigned char *open_before)
{
	for (int fd = 0; fd < CIO_FD_SCAN; fd++) {
		int flags;
		if (!open_before[fd] && (flags = fcntl(fd, F_GETFD)) != -1) {
			fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
		}
	}
}

/* One multi handle, so one connection cache, per protocol. libcurl (7.88) remembers per host whether it
 * multiplexes: with HTTP/1.1 and HTTP/2 connections to one host in one cache it opened a connection per HTTP/2
 * request, then put a second request on a busy HTTP/1.1 connection (the server answered 400). */
static CURLM *cio_http_multi(bool h2)
{
	CURLM **multi = h2 ? &CIO_G(multi_h2) : &CIO_G(multi);
	unsigned char open_before[CIO_FD_SCAN];

	if ((CIO_G(multi) || CIO_G(multi_h2)) && CIO_G(owner_pid) != cio_getpid()) {
		cio_http_release(); /* inherited through fork(): forget, do not close */
	}
	cio_http_abandon();
	if (!CIO_G(multi) && !CIO_G(multi_h2)) {
		CIO_G(owner_pid) = cio_getpid();
		if (!CIO_G(share) && (CIO_G(share) = curl_share_init())) {
			curl_share_setopt(CIO_G(share), CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
			curl_share_setopt(CIO_G(share), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
		}
	}
	if (!*multi) {
		cio_http_fds_open(open_before);
		*multi = curl_multi_init();
		cio_http_cloexec_new(open_before);
		if (*multi) {
			curl_multi_setopt(*multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
		}
	}
	return *multi;
}

static CURL *cio_http_easy_get(cio_easy_options *set)
{
	if (CIO_G(pool_size)) {
		CIO_G(pool_size)--;
		*set = CIO_G(pool)[CIO_G(pool_size)].set;
		return CIO_G(pool)[CIO_G(pool_size)].easy;
	}
	set->serial = 0;
	return curl_easy_init();
}

/* Back to the pool, still set up for its configuration. Connections live in the multi handle, not here.
 * Its pointers into the call's memory stay until the request ends (cio_http_rshutdown): libcurl reads them only
 * while the handle is attached, and cio_transfer_begin() sets all of them before it attaches the handle again.
 * Five setopts per call were about 0.3% of an entity() call's CPU. */
static void cio_http_easy_put(CURL *easy, const cio_easy_options *set)
{
	if (CIO_G(pool_size) < CIO_POOL_MAX) {
		CIO_G(pool)[CIO_G(pool_size)].easy = easy;
		CIO_G(pool)[CIO_G(pool_size)++].set = *set;
	} else {
		curl_easy_cleanup(easy);
	}
}

/* Open connections of this process, for phpinfo() */
zend_long cio_http_connections(void)
{
	return CIO_G(owner_pid) == cio_getpid() ? CIO_G(connections_open) : 0;
}

/* clientp: the globals of the thread whose handles these are (set with the callbacks) */
static curl_socket_t cio_http_open_socket(void *clientp, curlsocktype purpose, struct curl_sockaddr *address)
{
	curl_socket_t fd = socket(address->family, address->socktype, address->protocol);

	if (fd != CURL_SOCKET_BAD) {
		/* kept connections must not leak into proc_open()/exec children */
		fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
		((zend_customerio_globals *)clientp)->connections_open++;
	}
	return fd;
}

static int cio_http_close_socket(void *clientp, curl_socket_t fd)
{
	((zend_customerio_globals *)clientp)->connections_open--;
	return close(fd);
}

/* A fatal error while a callback grows a buffer (memory_limit) must not longjmp through libcurl, which would
 * stay marked as inside a callback with the handle attached: note it, let libcurl unwind, and bail out once the
 * handles are off (cio_http_send_many). */
static bool cio_http_append(smart_str *buf, const char *data, size_t len)
{
	zend_try {
		smart_str_appendl(buf, data, len);
	} zend_catch {
		CIO_G(bailed_out) = true;
	} zend_end_try();
	return !CIO_G(bailed_out);
}

static size_t cio_http_on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	cio_http_response *res = (cio_http_response *)userdata;
	size_t len = size * nmemb, have = res->body.s ? ZSTR_LEN(res->body.s) : 0;

	if (CIO_G(bailed_out)) {
		return 0;
	}
	if (res->body_limit && have + len > res->body_limit) {
		res->too_large = true;
		return 0; /* libcurl aborts the transfer with CURLE_WRITE_ERROR */
	}
	return cio_http_append(&res->body, data, len) ? len : 0;
}

static size_t cio_http_on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	cio_http_response *res = (cio_http_response *)userdata;
	size_t len = size * nmemb;

	/* A status line starts a new block (after a 100 Continue): keep only the last, and only when it is not a
	 * success: the headers serve error reports, Retry-After and redirects. */
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		const char *space = memchr(data, ' ', len);
		res->skip_headers = space && space + 1 < data + len && space[1] == '2';
		if (res->headers.s) {
			ZSTR_LEN(res->headers.s) = 0;
		}
	}
	if (CIO_G(bailed_out)) {
		return 0;
	}
	if (!res->skip_headers && (!res->headers.s || ZSTR_LEN(res->headers.s) + len <= 65536)) {
		return cio_http_append(&res->headers, data, len) ? len : 0;
	}
	return len;
}

struct curl_slist *cio_http_header_list(bool body, zend_string *authorization, int retry)
{
	struct curl_slist *list = curl_slist_append(NULL, "Accept: application/json");

	/* An empty value stops libcurl from adding its own form Content-Type and Expect headers. */
	list = curl_slist_append(list, body ? "Content-Type: application/json" : "Content-Type:");
	list = curl_slist_append(list, "Expect:");
	if (authorization) {
		list = curl_slist_append(list, ZSTR_VAL(authorization));
	}
	if (retry) {
		char retry_header[40];
		snprintf(retry_header, sizeof(retry_header), "X-Retry-Count: %d", retry);
		list = curl_slist_append(list, retry_header);
	}
	return list;
}

/* One request in flight, with where its policy stands. */
typedef struct {
	const cio_http_request *req;
	cio_http_response *res;
	CURL *easy;
	cio_easy_options set;    /* what is set on easy */
	struct curl_slist *own_headers; /* for a retry or a redirect; otherwise the request's own list */
	zend_long deadline;      /* retries only start before it; 0: no limit */
	zend_long due;           /* waiting to retry until then; 0: not waiting */
	int retry;
	int redirects;
	bool with_auth;
	bool attached;           /* handed to the multi handle */
	bool unsent;             /* the last attempt failed before any byte of the request went out */
	bool done;
	bool h2;                 /* HTTP/2 asked for (the whole call asks for one protocol) */
} cio_transfer;

/* HTTP/2 costs about 1.6x the CPU of HTTP/1.1 keep-alive per request (README, Performance): worth it only when
 * it multiplexes the n requests of a call on one connection. */
static bool cio_http_wants_h2(const cio_config *cfg, int n)
{
	return cfg->http_version == CIO_HTTP_2 || (cfg->http_version == CIO_HTTP_AUTO && n > 1);
}

/* The easy handles attached to the multi handle, in process memory: a request that bailed out (a fatal error)
 * leaves them there, pointing at its freed memory, and the next use takes them off (cio_http_abandon). */
static void cio_http_track(CURL *easy, bool attached)
{
	if (attached) {
		if (CIO_G(in_flight_n) == CIO_G(in_flight_cap)) {
			CIO_G(in_flight_cap) = CIO_G(in_flight_cap) ? CIO_G(in_flight_cap) * 2 : 16;
			CIO_G(in_flight) = perealloc(CIO_G(in_flight), CIO_G(in_flight_cap) * sizeof(CURL *), 1);
		}
		CIO_G(in_flight)[CIO_G(in_flight_n)++] = easy;
		return;
	}
	for (int i = 0; i < CIO_G(in_flight_n); i++) {
		if (CIO_G(in_flight)[i] == easy) {
			CIO_G(in_flight)[i] = CIO_G(in_flight)[--CIO_G(in_flight_n)];
			return;
		}
	}
}

#define CIO_SETOPT(option, value) do { \
		CURLcode rc_ = curl_easy_setopt(curl, option, value); \
		if (rc_ != CURLE_OK && failed == CURLE_OK) { \
			failed = rc_; \
			failed_option = #option; \
		} \
	} while (0)

/* The same for an option that changes per call, skipped when its value is the one last set on the handle
 * (st->field): most calls repeat every one of them but the body, and a setopt costs about 100 instructions. */
#define CIO_SETOPT_CHANGED(field, option, value) do { \
		if (st->field != (value)) { \
			CIO_SETOPT(option, value); \
			st->field = (value); \
		} \
	} while (0)

/* Configures the next attempt of t and hands it to the multi handle. An option libcurl refuses fails the
 * attempt: sending with the handle's previous value (another URL, another body) would be a wrong request. */
static void cio_transfer_begin(CURLM *multi, cio_transfer *t, zend_long timeout_ms)
{
	const cio_http_request *req = t->req;
	const cio_config *cfg = req->cfg;
	cio_http_response *res = t->res;
	CURL *curl = t->easy;
	struct curl_slist *headers = req->headers;
	cio_easy_options *st = &t->set;
	CURLcode failed = CURLE_OK;
	const char *failed_option = NULL;
	size_t url_len = ZSTR_LEN(res->url);

	if (t->retry || !t->with_auth || !headers) {
		curl_slist_free_all(t->own_headers);
		headers = t->own_headers = cio_http_header_list(req->body != NULL, t->with_auth ? req->authorization : NULL,
			t->retry);
	}

	if (st->serial != cfg->serial) {
		/* what stays the same for every request of this configuration, set once per handle */
		curl_easy_reset(curl);
		memset(st, 0, sizeof(*st)); /* the defaults curl_easy_reset() restored: NULL pointers, nothing known */
		st->timeout_ms = st->http_version = -1;
#if CIO_HAVE_PROTOCOLS_STR
		CIO_SETOPT(CURLOPT_PROTOCOLS_STR, "http,https");
#else
		CIO_SETOPT(CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
		CIO_SETOPT(CURLOPT_NOSIGNAL, 1L);
		CIO_SETOPT(CURLOPT_SHARE, CIO_G(share));
		CIO_SETOPT(CURLOPT_PIPEWAIT, 1L);
#if CIO_HAVE_MAXAGE_CONN
		CIO_SETOPT(CURLOPT_MAXAGE_CONN, (long)CIO_G(persistent_idle_timeout));
#endif
		CIO_SETOPT(CURLOPT_OPENSOCKETFUNCTION, cio_http_open_socket);
		CIO_SETOPT(CURLOPT_OPENSOCKETDATA, ZEND_MODULE_GLOBALS_BULK(customerio));
		CIO_SETOPT(CURLOPT_CLOSESOCKETFUNCTION, cio_http_close_socket);
		CIO_SETOPT(CURLOPT_CLOSESOCKETDATA, ZEND_MODULE_GLOBALS_BULK(customerio));
		CIO_SETOPT(CURLOPT_USERAGENT, cio_user_agent);
		CIO_SETOPT(CURLOPT_WRITEFUNCTION, cio_http_on_body);
		CIO_SETOPT(CURLOPT_HEADERFUNCTION, cio_http_on_header);
		CIO_SETOPT(CURLOPT_CONNECTTIMEOUT_MS, (long)cfg->connect_timeout_ms);
		CIO_SETOPT(CURLOPT_SSL_VERIFYPEER, cfg->verify ? 1L : 0L);
		CIO_SETOPT(CURLOPT_SSL_VERIFYHOST, cfg->verify ? 2L : 0L);
		if (cfg->cainfo) {
			CIO_SETOPT(CURLOPT_CAINFO, ZSTR_VAL(cfg->cainfo));
		}
		st->serial = failed == CURLE_OK ? cfg->serial : 0;
	}

	CIO_SETOPT_CHANGED(private_data, CURLOPT_PRIVATE, (void *)t);
	if (st->url_len != url_len || memcmp(st->url, ZSTR_VAL(res->url), url_len) != 0) {
		CIO_SETOPT(CURLOPT_URL, ZSTR_VAL(res->url));
		st->url_len = url_len < sizeof(st->url) ? (unsigned char)url_len : 0;
		memcpy(st->url, ZSTR_VAL(res->url), st->url_len);
	}
	CIO_SETOPT_CHANGED(headers, CURLOPT_HTTPHEADER, (const struct curl_slist *)headers);
	CIO_SETOPT_CHANGED(error_buffer, CURLOPT_ERRORBUFFER, res->errbuf);
	CIO_SETOPT_CHANGED(write_data, CURLOPT_WRITEDATA, (void *)res);
	CIO_SETOPT_CHANGED(header_data, CURLOPT_HEADERDATA, (void *)res);
	CIO_SETOPT_CHANGED(timeout_ms, CURLOPT_TIMEOUT_MS, (long)timeout_ms);
	if (st->http_version != (t->h2 ? (long)CURL_HTTP_VERSION_2TLS : (long)CURL_HTTP_VERSION_1_1)) {
		/* 2TLS: h2 through ALPN over https, never h2c over http. HTTP/2 is optional: a libcurl built without it
		 * refuses the option and still sends HTTP/1.1 */
		st->http_version = t->h2 ? (long)CURL_HTTP_VERSION_2TLS : (long)CURL_HTTP_VERSION_1_1;
		curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, st->http_version);
	}
	/* the method in full unless the handle's last request was a POST too */
	if (strcmp(req->method, "GET") == 0 || (!req->body && strcmp(req->method, "DELETE") == 0)) {
		st->post = false;
		CIO_SETOPT(CURLOPT_HTTPGET, 1L);
		CIO_SETOPT(CURLOPT_CUSTOMREQUEST, req->method[0] == 'G' ? NULL : req->method);
	} else {
		/* POST and PUT always carry a (possibly empty) body, so a Content-Length goes out. The body is the
		 * caller's buffer, sent without a copy. */
		bool post = strcmp(req->method, "POST") == 0;
		CIO_SETOPT(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
		CIO_SETOPT(CURLOPT_POSTFIELDS, req->body ? req->body : "");
		if (!post || !st->post) {
			CIO_SETOPT(CURLOPT_CUSTOMREQUEST, post ? NULL : req->method);
		}
		st->post = post;
	}
	if (failed != CURLE_OK) {
		res->error = failed;
		snprintf(res->errbuf, sizeof(res->errbuf), "libcurl refused %s: %s; nothing was sent", failed_option,
			curl_easy_strerror(failed));
		st->serial = 0; /* set up again from scratch next time */
		t->done = true;
		return;
	}
	if (curl_multi_add_handle(multi, curl) != CURLM_OK) {
		res->error = CURLE_FAILED_INIT;
		snprintf(res->errbuf, sizeof(res->errbuf), "libcurl refused the transfer; nothing was sent");
		t->done = true;
		return;
	}
	t->attached = true;
	cio_http_track(curl, true);
}

/* Takes t's handle off the multi handle. */
static void cio_transfer_detach(CURLM *multi, cio_transfer *t)
{
	if (t->attached) {
		curl_multi_remove_handle(multi, t->easy);
		cio_http_track(t->easy, false);
		t->attached = false;
	}
}

static zend_long cio_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (zend_long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A connection failure before the request went out: the server cannot have acted on it. */
static bool cio_http_unsent(CURL *easy, CURLcode code)
{
	long sent = 0;
	curl_off_t pretransfer = 0;

	switch (code) {
		case CURLE_COULDNT_RESOLVE_HOST:
		case CURLE_COULDNT_RESOLVE_PROXY:
		case CURLE_COULDNT_CONNECT:
		case CURLE_SSL_CONNECT_ERROR:
			return true;
		case CURLE_OPERATION_TIMEDOUT:
			/* timed out while connecting: the transfer never started and not a byte of the request was written */
			return curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &sent) == CURLE_OK && sent == 0
				&& curl_easy_getinfo(easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer) == CURLE_OK && pretransfer == 0;
		default:
			return false;
	}
}

/* Failures worth another attempt. Idempotent requests: the network, and the statuses Customer.io's SDKs retry.
 * The others only when the server provably did not act: nothing was sent, a 429, or a 503 with Retry-After. */
static bool cio_http_retryable(const cio_transfer *t, zend_long retry_after)
{
	const cio_http_response *res = t->res;

	if (t->req->retry == CIO_RETRY_UNSENT) {
		return t->unsent || (res->error == CURLE_OK
			&& (res->status == 429 || (res->status == 503 && retry_after >= 0)));
	}
	switch (res->error) {
		case CURLE_OK:
			return res->status == 408 || res->status == 429 || res->status == 500 || res->status == 502
				|| res->status == 503 || res->status == 504;
		case CURLE_COULDNT_RESOLVE_HOST:
		case CURLE_COULDNT_CONNECT:
		case CURLE_OPERATION_TIMEDOUT:
		case CURLE_SEND_ERROR:
		case CURLE_RECV_ERROR:
		case CURLE_GOT_NOTHING:
		case CURLE_PARTIAL_FILE:
		case CURLE_SSL_CONNECT_ERROR:
		case CURLE_HTTP2:
		case CURLE_HTTP2_STREAM:
			return true;
		default:
			return false;
	}
}

/* The wait before retry number `retry`, full jitter: uniform in [0, min(2 s, 100 ms * 2^retry)]. Drawn from
 * the CSPRNG, never from mt_rand(), whose seeded sequence belongs to the application. */
static zend_long cio_http_backoff(int retry)
{
	uint32_t r;
	zend_long max = MIN(2000, 100L << MIN(retry, 5));

	if (php_random_bytes_silent(&r, sizeof(r)) == FAILURE) {
		r = (uint32_t)(cio_now_ms() * 2654435761u) ^ (uint32_t)cio_getpid();
	}
	return (zend_long)(r % (uint32_t)(max + 1));
}

/* Retry-After in milliseconds (delta seconds or an HTTP date), -1 when absent or unreadable. */
static zend_long cio_http_retry_after(const cio_http_response *res)
{
	zval headers, *values, *first;
	zend_string *reason, *name;
	zend_long ms = -1;

	cio_http_parse_headers(res, &headers, &reason);
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(headers), name, values) {
		if (name && zend_string_equals_literal_ci(name, "Retry-After")
			&& (first = zend_hash_index_find(Z_ARRVAL_P(values), 0)) && Z_STRLEN_P(first)) {
			const char *v = Z_STRVAL_P(first);
			if (strspn(v, "0123456789") == Z_STRLEN_P(first)) {
				zend_long seconds = ZEND_STRTOL(v, NULL, 10);
				ms = seconds > 86400 || seconds < 0 ? 86400000 : seconds * 1000; /* no overflow: a day at most */
			} else {
				zend_long now = (zend_long)time(NULL), when = php_parse_date(v, &now);
				if (when != -1) {
					ms = when > now ? (when - now) * 1000 : 0;
				}
			}
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&headers);
	if (reason) {
		zend_string_release(reason);
	}
	return ms < 0 || ms > 86400000 ? (ms < 0 ? -1 : 86400000) : ms;
}

/* Authorization follows a redirect only to the same host or to a host under customer.io. */
static bool cio_http_same_trust(zend_string *from, zend_string *to)
{
	php_url *a = php_url_parse_ex(ZSTR_VAL(from), ZSTR_LEN(from));
	php_url *b = php_url_parse_ex(ZSTR_VAL(to), ZSTR_LEN(to));
	bool trusted = false;

	if (a && b && a->host && b->host) {
		size_t len = ZSTR_LEN(b->host);
		trusted = zend_string_equals_ci(a->host, b->host)
			|| zend_string_equals_literal_ci(b->host, "customer.io")
			|| (len > 12 && strncasecmp(ZSTR_VAL(b->host) + len - 12, ".customer.io", 12) == 0);
	}
	if (a) {
		php_url_free(a);
	}
	if (b) {
		php_url_free(b);
	}
	return trusted;
}

static void cio_http_reset(cio_http_response *res)
{
	smart_str_free(&res->body);
	smart_str_free(&res->headers);
	res->status = 0;
	res->error = CURLE_OK;
	res->errbuf[0] = '\0';
	res->too_large = false;
}

/* An attempt of t ended with code: follow a redirect, schedule a retry, or settle the answer. */
static void cio_transfer_end(CURLM *multi, cio_transfer *t, CURLcode code)
{
	cio_http_response *res = t->res;
	const cio_config *cfg = t->req->cfg;

	cio_transfer_detach(multi, t);
	res->error = code;
	t->unsent = cio_http_unsent(t->easy, code);
	if (res->too_large) {
		/* a response did arrive: keep its status for the error report */
		curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &res->status);
		snprintf(res->errbuf, sizeof(res->errbuf), "response body exceeds max_response_bytes (%zu bytes)",
			res->body_limit);
	}
	/* also after a failure: a status means the response had begun (Guzzle 8 reports such failures apart) */
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &res->status);
	if (code != CURLE_OK && !res->errbuf[0]) {
		strncpy(res->errbuf, curl_easy_strerror(code), sizeof(res->errbuf) - 1);
	}
	smart_str_0(&res->body);
	smart_str_0(&res->headers);

	/* Customer.io redirects EU accounts that call US hosts: follow with method and body kept. */
	if (code == CURLE_OK && (res->status == 301 || res->status == 302 || res->status == 307 || res->status == 308)
		&& t->redirects < 5) {
		char *location = NULL;
		curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &location);
		if (location && !(strncasecmp(ZSTR_VAL(res->url), "https:", 6) == 0 && strncasecmp(location, "https:", 6) != 0)) {
			zend_string *next = zend_string_init(location, strlen(location), 0);
			t->with_auth = t->with_auth && cio_http_same_trust(res->url, next);
			zend_string_release(res->url);
			res->url = next;
			t->redirects++;
			cio_http_reset(res);
			t->due = cio_now_ms();
			return;
		}
		/* no Location, or https to http: the 3xx is the answer, and an error */
	}
	if (t->retry < cfg->retries) {
		/* Retry-After only matters for the statuses cio_http_retryable() takes: a success is not parsed */
		zend_long wait = code == CURLE_OK && res->status >= 400 ? cio_http_retry_after(res) : -1;
		if (cio_http_retryable(t, wait)) {
			if (wait < 0) {
				wait = cio_http_backoff(t->retry);
			}
			if (!t->deadline || cio_now_ms() + wait < t->deadline) {
				t->retry++;
				cio_http_reset(res);
				t->due = cio_now_ms() + wait;
				return;
			}
		}
	}
	t->done = true;
}

/* Every transfer still running ends with a failure: libcurl's multi interface itself failed. */
static int cio_transfers_fail(CURLM *multi, cio_transfer *transfers, int n, const char *what, const char *why)
{
	for (int i = 0; i < n; i++) {
		cio_transfer *t = &transfers[i];
		if (!t->done) {
			cio_transfer_detach(multi, t);
			t->res->error = CURLE_FAILED_INIT;
			snprintf(t->res->errbuf, sizeof(t->res->errbuf), "%s failed: %s", what, why);
			t->done = true;
		}
	}
	return 0;
}

/* Hands the handles back (detached first) and frees the transfers (a single one is the caller's own). */
static void cio_transfers_free(CURLM *multi, cio_transfer *transfers, int n)
{
	for (int i = 0; i < n; i++) {
		cio_transfer_detach(multi, &transfers[i]);
		if (transfers[i].easy) {
			cio_http_easy_put(transfers[i].easy, &transfers[i].set);
		}
		curl_slist_free_all(transfers[i].own_headers);
	}
	if (n > 1) {
		efree(transfers);
	}
}

void cio_http_send_many(const cio_http_request *reqs, cio_http_response *responses, int n)
{
	bool h2 = n > 0 && cio_http_wants_h2(reqs[0].cfg, n);
	CURLM *multi = cio_http_multi(h2);
	cio_transfer one = {0}; /* most calls send one request: no allocation for it */
	cio_transfer *transfers = n > 1 ? ecalloc(n, sizeof(cio_transfer)) : &one;
	int left = n, running = 0;

	for (int i = 0; i < n; i++) {
		cio_transfer *t = &transfers[i];
		cio_http_response *res = &responses[i];
		memset(res, 0, sizeof(*res));
		res->url = zend_string_copy(reqs[i].url);
		res->body_limit = reqs[i].cfg->max_response_bytes > 0 ? (size_t)reqs[i].cfg->max_response_bytes : 0;
		t->req = &reqs[i];
		t->res = res;
		t->with_auth = true;
		t->h2 = h2;
		/* max_retry_time 0: no limit, as for the timeouts */
		t->deadline = reqs[i].cfg->max_retry_time_ms ? cio_now_ms() + reqs[i].cfg->max_retry_time_ms : 0;
		t->easy = multi ? cio_http_easy_get(&t->set) : NULL;
		if (!t->easy) {
			res->error = CURLE_FAILED_INIT;
			strcpy(res->errbuf, "libcurl could not be initialised");
			t->done = true;
			left--;
			continue;
		}
		/* the whole call stays within max_retry_time: the first attempt too */
		zend_long first = reqs[i].cfg->timeout_ms, budget = reqs[i].cfg->max_retry_time_ms;
		cio_transfer_begin(multi, t, budget && (!first || budget < first) ? budget : first);
		if (t->done) {
			left--;
		}
	}

	while (left > 0) {
		CURLMsg *msg;
		CURLMcode mc;
		int queued;
		zend_long now, wait = 1000;

		mc = curl_multi_perform(multi, &running);
		if (CIO_G(bailed_out)) {
			/* a fatal error in a callback: take the handles off, then let it end the request */
			CIO_G(bailed_out) = false;
			cio_transfers_free(multi, transfers, n);
			zend_bailout();
		}
		if (mc != CURLM_OK) {
			left = cio_transfers_fail(multi, transfers, n, "curl_multi_perform", curl_multi_strerror(mc));
			break;
		}
		while ((msg = curl_multi_info_read(multi, &queued))) {
			cio_transfer *t = NULL;
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
			cio_transfer_end(multi, t, msg->data.result);
			if (t->done) {
				left--;
			}
		}
		now = 0; /* read only when a transfer waits (a retry or a redirect) */
		for (int i = 0; i < n; i++) {
			cio_transfer *t = &transfers[i];
			if (t->done || !t->due) {
				continue;
			}
			if (!now) {
				now = cio_now_ms();
			}
			if (t->due <= now) {
				/* a retry only gets what is left of max_retry_time; a redirect keeps the timeout */
				zend_long timeout = t->req->cfg->timeout_ms, remaining = t->deadline - now;
				if (t->retry && t->deadline) {
					timeout = timeout ? MIN(timeout, remaining) : remaining;
				}
				t->due = 0;
				cio_transfer_begin(multi, t, MAX(timeout, t->deadline ? 1 : 0));
				if (t->done) {
					left--;
				}
			} else {
				wait = MIN(wait, t->due - now);
			}
		}
		if (left > 0) {
#if CIO_HAVE_MULTI_POLL
			mc = curl_multi_poll(multi, NULL, 0, (int)MAX(wait, 0), NULL);
#else
			bool attached = false;
			for (int i = 0; i < n && !attached; i++) {
				attached = !transfers[i].done && !transfers[i].due;
			}
			if (attached) {
				mc = curl_multi_wait(multi, NULL, 0, (int)MAX(wait, 0), NULL);
			} else {
				/* only backoffs pending: curl_multi_wait would return at once and spin */
				usleep((useconds_t)MAX(wait, 0) * 1000);
				mc = CURLM_OK;
			}
#endif
			if (mc != CURLM_OK) {
				left = cio_transfers_fail(multi, transfers, n, "curl_multi_poll", curl_multi_strerror(mc));
			}
		}
	}
	cio_transfers_free(multi, transfers, n);
}

void cio_http_send(const cio_http_request *req, cio_http_response *res)
{
	cio_http_send_many(req, res, 1);
}

void cio_http_response_free(cio_http_response *res)
{
	smart_str_free(&res->body);
	smart_str_free(&res->headers);
	if (res->url) {
		zend_string_release(res->url);
		res->url = NULL;
	}
}

void cio_http_parse_headers(const cio_http_response *res, zval *headers, zend_string **reason)
{
	array_init(headers);
	*reason = NULL;
	if (!res->headers.s) {
		return;
	}

	const char *p = ZSTR_VAL(res->headers.s), *end = p + ZSTR_LEN(res->headers.s);
	while (p < end) {
		const char *eol = memchr(p, '\n', end - p);
		const char *line_end = eol ? eol : end;
		size_t len = line_end - p;

		if (len && p[len - 1] == '\r') {
			len--;
		}
		if (len >= 5 && memcmp(p, "HTTP/", 5) == 0) {
			/* "HTTP/1.1 400 Bad Request": the reason follows the second space */
			const char *sp = memchr(p, ' ', len);
			const char *sp2 = sp ? memchr(sp + 1, ' ', len - (sp + 1 - p)) : NULL;
			if (*reason) {
				zend_string_release(*reason);
				*reason = NULL;
			}
			if (sp2 && (size_t)(sp2 + 1 - p) < len) {
				*reason = zend_string_init(sp2 + 1, len - (sp2 + 1 - p), 0);
			}
		} else {
			const char *colon = memchr(p, ':', len);
			if (colon && colon > p) {
				const char *v = colon + 1, *vend = p + len;
				while (v < vend && (*v == ' ' || *v == '\t')) {
					v++;
				}
				while (vend > v && (vend[-1] == ' ' || vend[-1] == '\t')) {
					vend--;
				}
				zval *list = zend_hash_str_find(Z_ARRVAL_P(headers), p, colon - p);
				if (!list) {
					zval empty;
					array_init(&empty);
					list = zend_hash_str_update(Z_ARRVAL_P(headers), p, colon - p, &empty);
				}
				add_next_index_stringl(list, v, vend - v);
			}
		}
		p = line_end + 1;
	}
}
