/*
 * The floor: what libcurl itself costs per call. One easy handle, every option set ONCE outside the loop, the
 * same URL, headers and pre-encoded JSON body as the PHP contenders, the answer collected into a buffer (as the
 * extension does) and its status checked. Any CPU the extension spends above this is PHP-side overhead
 * (argument handling, JSON encoding, option setting, response decoding).
 *
 *   curl_loop [--http1.1|--http2] [--ua=USER_AGENT] URL CA_FILE AUTH_HEADER BODY_FILE CALLS|- WARMUP [WARMUP_URL WARMUP_BODY_FILE]
 *
 * --http1.1 asks for HTTP/1.1 keep-alive, --http2 (the default, libcurl's own) for HTTP/2 through ALPN. --ua sets
 * the User-Agent: bench/run gives one as long as the extension's, since libcurl formats every header byte by byte
 * (about 140 instructions a byte), so a shorter one alone would make the floor cheaper.
 * WARMUP calls go first (to WARMUP_URL with WARMUP_BODY_FILE when given) so the connection is open before timing.
 * Prints one JSON line: calls, cpu_us (user+sys of this process during the timed calls), wall_us, body_bytes.
 * CALLS "-" (driven by interleave.php): prints "ready" once warm, then one JSON line per number N read on stdin,
 * for N timed calls, until EOF.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

struct answer {
	char buf[4096];
	size_t len;
};

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct answer *a = userdata;
	size_t n = size * nmemb, room = sizeof(a->buf) - 1 - a->len;

	memcpy(a->buf + a->len, data, n < room ? n : room);
	a->len += n < room ? n : room;
	return n;
}

static double cpu_us(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
}

static double wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static char *slurp(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	if (!f) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	*len = ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	if (!buf || fread(buf, 1, *len, f) != (size_t)*len) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	return buf;
}

static void set_request(CURL *h, const char *url, const char *body, long len)
{
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
}

static void perform(CURL *h, struct answer *a)
{
	long status = 0;
	CURLcode rc;

	a->len = 0;
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK) {
		fprintf(stderr, "curl_loop: %s\n", curl_easy_strerror(rc));
		exit(1);
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	if (status != 200) {
		a->buf[a->len] = '\0';
		fprintf(stderr, "curl_loop: HTTP %ld: %s\n", status, a->buf);
		exit(1);
	}
}

static void timed(CURL *h, struct answer *a, long calls, long body_len)
{
	double c0 = cpu_us(), w0 = wall_us(), c1, w1;
	long i;

	for (i = 0; i < calls; i++) {
		perform(h, a);
	}
	w1 = wall_us();
	c1 = cpu_us();
	printf("{\"calls\":%ld,\"cpu_us\":%.0f,\"wall_us\":%.0f,\"body_bytes\":%ld}\n", calls, c1 - c0, w1 - w0, body_len);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	struct answer answer;
	struct curl_slist *headers = NULL;
	long body_len, warm_len = 0, calls, warmup, i;
	char *body, *warm_body = NULL, line[64];
	const char *warm_url;
	const char *user_agent = "customerio-bench-c/1.0 libcurl";
	long http_version = CURL_HTTP_VERSION_2TLS;
	CURL *h;

	for (; argc > 1 && strncmp(argv[1], "--", 2) == 0; argv++, argc--) {
		if (strncmp(argv[1], "--ua=", 5) == 0) {
			user_agent = argv[1] + 5;
		} else {
			http_version = strcmp(argv[1], "--http1.1") == 0 ? CURL_HTTP_VERSION_1_1 : CURL_HTTP_VERSION_2TLS;
		}
	}
	if (argc != 7 && argc != 9) {
		fprintf(stderr, "usage: %s [--http1.1|--http2] [--ua=USER_AGENT] URL CA_FILE AUTH_HEADER BODY_FILE CALLS|- WARMUP [WARMUP_URL WARMUP_BODY_FILE]\n", argv[0]);
		return 2;
	}
	body = slurp(argv[4], &body_len);
	calls = atol(argv[5]);
	warmup = atol(argv[6]);
	warm_url = argc == 9 ? argv[7] : argv[1];
	warm_body = argc == 9 ? slurp(argv[8], &warm_len) : body;
	if (argc != 9) {
		warm_len = body_len;
	}

	curl_global_init(CURL_GLOBAL_DEFAULT);
	h = curl_easy_init();
	headers = curl_slist_append(headers, "Accept: application/json");
	headers = curl_slist_append(headers, "Content-Type: application/json");
	headers = curl_slist_append(headers, "Expect:");
	headers = curl_slist_append(headers, argv[3]);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_HTTP_VERSION, http_version);
	curl_easy_setopt(h, CURLOPT_CAINFO, argv[2]);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 30000L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer);

	set_request(h, warm_url, warm_body, warm_len);
	for (i = 0; i < warmup; i++) {
		perform(h, &answer);
	}

	set_request(h, argv[1], body, body_len);
	if (strcmp(argv[5], "-") != 0) {
		timed(h, &answer, calls, body_len);
	} else {
		printf("ready\n");
		fflush(stdout);
		while (fgets(line, sizeof(line), stdin) && (calls = atol(line)) > 0) {
			timed(h, &answer, calls, body_len);
		}
	}
	curl_easy_cleanup(h);
	curl_slist_free_all(headers);
	curl_global_cleanup();
	return 0;
}
