/* The one HTTP transport: a libcurl easy handle per process, reused so connections stay alive. */
#include "customerio_private.h"
#include <unistd.h>
#include <time.h>
#include "ext/date/php_date.h"
#include "ext/random/php_random.h"
#include "ext/standard/url.h"

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

void cio_http_mshutdown(void)
{
	/* A handle inherited through fork() shares its sockets with the parent: leave it alone. */
	if (CIO_G(curl) && CIO_G(curl_pid) == getpid()) {
		curl_easy_cleanup(CIO_G(curl));
	}
	CIO_G(curl) = NULL;
}

static CURL *cio_http_handle(void)
{
	pid_t pid = getpid();

	if (CIO_G(curl) && CIO_G(curl_pid) != pid) {
		CIO_G(curl) = NULL;
	}
	if (!CIO_G(curl)) {
		CIO_G(curl) = curl_easy_init();
		CIO_G(curl_pid) = pid;
	}
	return CIO_G(curl);
}

static size_t cio_http_on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	cio_http_response *res = (cio_http_response *)userdata;
	size_t len = size * nmemb, have = res->body.s ? ZSTR_LEN(res->body.s) : 0;

	if (res->body_limit && have + len > res->body_limit) {
		res->too_large = true;
		return 0; /* libcurl aborts the transfer with CURLE_WRITE_ERROR */
	}
	smart_str_appendl(&res->body, data, len);
	return len;
}

static size_t cio_http_on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	smart_str *headers = (smart_str *)userdata;
	size_t len = size * nmemb;

	/* A new status line starts a new block (after a 100 Continue): keep only the last. */
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0 && headers->s) {
		ZSTR_LEN(headers->s) = 0;
	}
	if (!headers->s || ZSTR_LEN(headers->s) + len <= 65536) {
		smart_str_appendl(headers, data, len);
	}
	return len;
}

/* One transfer of req to url. */
static void cio_http_attempt(CURL *curl, const cio_http_request *req, zend_string *url, bool with_auth, int retry,
	zend_long timeout_ms, cio_http_response *res)
{
	struct curl_slist *headers = NULL;
	smart_str auth = {0};
	char retry_header[40];

	headers = curl_slist_append(headers, "Accept: application/json");
	/* An empty value stops libcurl from adding its own form Content-Type and Expect headers. */
	headers = curl_slist_append(headers, req->body ? "Content-Type: application/json" : "Content-Type:");
	headers = curl_slist_append(headers, "Expect:");
	if (with_auth) {
		smart_str_appends(&auth, "Authorization: ");
		smart_str_append(&auth, req->authorization);
		smart_str_0(&auth);
		headers = curl_slist_append(headers, ZSTR_VAL(auth.s));
	}
	if (retry) {
		snprintf(retry_header, sizeof(retry_header), "X-Retry-Count: %d", retry);
		headers = curl_slist_append(headers, retry_header);
	}

	curl_easy_setopt(curl, CURLOPT_URL, ZSTR_VAL(url));
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85.0 */
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_USERAGENT, cio_user_agent);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, res->errbuf);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, cio_http_on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, res);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, cio_http_on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, &res->headers);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)timeout_ms);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, (long)req->cfg->connect_timeout_ms);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, req->cfg->verify ? 1L : 0L);
	curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, req->cfg->verify ? 2L : 0L);
	if (req->cfg->cainfo) {
		curl_easy_setopt(curl, CURLOPT_CAINFO, ZSTR_VAL(req->cfg->cainfo));
	}

	if (strcmp(req->method, "GET") == 0) {
		curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
	} else if (req->body || strcmp(req->method, "DELETE") != 0) {
		/* POST and PUT always carry a (possibly empty) body, so a Content-Length goes out. */
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, req->body ? req->body : "");
		curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
		if (strcmp(req->method, "POST") != 0) {
			curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, req->method);
		}
	} else {
		curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, req->method);
	}

	res->error = curl_easy_perform(curl);
	if (res->too_large) {
		snprintf(res->errbuf, sizeof(res->errbuf), "response body exceeds max_response_bytes (%zu bytes)",
			res->body_limit);
	}
	if (res->error == CURLE_OK) {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &res->status);
	} else if (!res->errbuf[0]) {
		strncpy(res->errbuf, curl_easy_strerror(res->error), sizeof(res->errbuf) - 1);
	}
	smart_str_0(&res->body);
	smart_str_0(&res->headers);
	curl_slist_free_all(headers);
	smart_str_free(&auth);
}

static zend_long cio_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (zend_long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Failures worth another attempt: the network, and the statuses Customer.io's SDKs retry. */
static bool cio_http_retryable(const cio_http_response *res)
{
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
				ms = ZEND_STRTOL(v, NULL, 10) * 1000;
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

void cio_http_send(const cio_http_request *req, cio_http_response *res)
{
	CURL *curl = cio_http_handle();
	const cio_config *cfg = req->cfg;
	zend_long start = cio_now_ms(), deadline = start + cfg->max_retry_time_ms;
	bool with_auth = true;
	int retry = 0, redirects = 0;

	memset(res, 0, sizeof(*res));
	res->url = zend_string_copy(req->url);
	res->body_limit = cfg->max_response_bytes > 0 ? (size_t)cfg->max_response_bytes : 0;
	if (!curl) {
		res->error = CURLE_FAILED_INIT;
		strcpy(res->errbuf, "curl_easy_init() failed");
		return;
	}

	for (;;) {
		zend_long timeout = cfg->timeout_ms;
		if (retry) {
			/* a retry only gets what is left of max_retry_time */
			zend_long left = deadline - cio_now_ms();
			timeout = timeout ? MIN(timeout, left) : left;
		}
		res->attempts++;
		cio_http_attempt(curl, req, res->url, with_auth, retry, MAX(timeout, 1), res);

		/* Customer.io redirects EU accounts that call US hosts: follow with method and body kept. */
		if (res->error == CURLE_OK && (res->status == 301 || res->status == 302 || res->status == 307
				|| res->status == 308) && redirects < 5) {
			char *location = NULL;
			curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
			if (location && !(strncasecmp(ZSTR_VAL(res->url), "https:", 6) == 0
					&& strncasecmp(location, "https:", 6) != 0)) {
				zend_string *next = zend_string_init(location, strlen(location), 0);
				with_auth = with_auth && cio_http_same_trust(res->url, next);
				zend_string_release(res->url);
				res->url = next;
				redirects++;
				cio_http_reset(res);
				curl_easy_reset(curl);
				continue;
			}
			/* no Location, or https to http: the 3xx is the answer, and an error */
		}

		if (retry < cfg->retries && cio_http_retryable(res)) {
			zend_long wait = res->error == CURLE_OK ? cio_http_retry_after(res) : -1;
			if (wait < 0) {
				/* full jitter: uniform in [0, min(2 s, 100 ms * 2^retry)] */
				wait = php_mt_rand_range(0, MIN(2000, 100L << MIN(retry, 5)));
			}
			if (cio_now_ms() + wait < deadline) {
				curl_easy_reset(curl);
				if (wait) {
					usleep((useconds_t)wait * 1000);
				}
				retry++;
				cio_http_reset(res);
				continue;
			}
		}
		break;
	}
	/* Forget every per-call option (and pointers into this call's memory); the connection stays cached. */
	curl_easy_reset(curl);
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
