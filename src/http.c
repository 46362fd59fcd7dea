/* The one HTTP transport: a libcurl easy handle per process, reused so connections stay alive. */
#include "customerio_private.h"
#include <unistd.h>

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
	smart_str_appendl((smart_str *)userdata, data, size * nmemb);
	return size * nmemb;
}

static size_t cio_http_on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	smart_str *headers = (smart_str *)userdata;
	size_t len = size * nmemb;

	/* A new status line starts a new block (after a 100 Continue or a redirect): keep only the last. */
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0 && headers->s) {
		ZSTR_LEN(headers->s) = 0;
	}
	smart_str_appendl(headers, data, len);
	return len;
}

void cio_http_send(const cio_http_request *req, cio_http_response *res)
{
	CURL *curl = cio_http_handle();
	struct curl_slist *headers = NULL;
	smart_str auth = {0};

	memset(res, 0, sizeof(*res));
	if (!curl) {
		res->error = CURLE_FAILED_INIT;
		strcpy(res->errbuf, "curl_easy_init() failed");
		return;
	}

	headers = curl_slist_append(headers, "Accept: application/json");
	/* An empty value stops libcurl from adding its own form Content-Type and Expect headers. */
	headers = curl_slist_append(headers, req->body ? "Content-Type: application/json" : "Content-Type:");
	headers = curl_slist_append(headers, "Expect:");
	smart_str_appends(&auth, "Authorization: ");
	smart_str_append(&auth, req->authorization);
	smart_str_0(&auth);
	headers = curl_slist_append(headers, ZSTR_VAL(auth.s));

	curl_easy_setopt(curl, CURLOPT_URL, ZSTR_VAL(req->url));
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
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &res->body);
	curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, cio_http_on_header);
	curl_easy_setopt(curl, CURLOPT_HEADERDATA, &res->headers);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, (long)req->cfg->timeout_ms);
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
	if (res->error == CURLE_OK) {
		curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &res->status);
	} else if (!res->errbuf[0]) {
		strncpy(res->errbuf, curl_easy_strerror(res->error), sizeof(res->errbuf) - 1);
	}
	smart_str_0(&res->body);
	smart_str_0(&res->headers);

	/* Forget every per-call option (and pointers into this call's memory); the connection stays cached. */
	curl_easy_reset(curl);
	curl_slist_free_all(headers);
	smart_str_free(&auth);
}

void cio_http_response_free(cio_http_response *res)
{
	smart_str_free(&res->body);
	smart_str_free(&res->headers);
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
