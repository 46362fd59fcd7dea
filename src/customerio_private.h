/* Internal structs and cross-file functions of the customerio extension. */
#ifndef CUSTOMERIO_PRIVATE_H
#define CUSTOMERIO_PRIVATE_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "php_customerio.h"
#include "compat.h"

/* This process's pid without a syscall: read once in MINIT and again in every fork child (pthread_atfork), so
 * the per-call fork checks (connections, spool files, the random pool) cost nothing. customerio.c. */
pid_t cio_getpid(void);

/* Class entries, registered in MINIT from the stubs. */
extern zend_class_entry *cio_ce_client;
extern zend_class_entry *cio_ce_region, *cio_ce_region_interface, *cio_ce_region_us, *cio_ce_region_eu;
extern zend_class_entry *cio_ce_invalid_region;
extern zend_class_entry *cio_ce_endpoint_base, *cio_ce_endpoint_track;
extern zend_class_entry *cio_ce_exception, *cio_ce_invalid_argument, *cio_ce_transfer, *cio_ce_request;
extern zend_class_entry *cio_ce_bad_response, *cio_ce_client_error, *cio_ce_server_error, *cio_ce_connect;
extern zend_class_entry *cio_ce_partial_batch;

/* Settings of one client, resolved once at construction: options over ini over defaults. */
typedef struct {
	uint64_t serial;         /* unique per loaded configuration: a handle set up for it needs no new setup */
	zend_string *track_base; /* scheme://host[:port] without trailing '/'; NULL: the region's */
	zend_string *api_base;
	zend_string *cainfo;     /* CA bundle path; NULL: libcurl's default store */
	bool verify;
	bool auto_event_id;      /* give Track v2 person event/page/screen operations a ULID id */
	zend_long timeout_ms;
	zend_long connect_timeout_ms;
	zend_long retries;       /* extra attempts after a retryable failure */
	zend_long max_retry_time_ms; /* the whole call, waits included */
	zend_long max_entity_bytes;  /* one Track v2 operation */
	zend_long max_batch_bytes;   /* one Track v2 batch request */
	zend_long max_response_bytes;
	zend_long max_concurrency;   /* requests of one split batch in flight at once */
	int http_version;            /* cio_http_version_mode */
	bool spool_mode;         /* queue_mode "spool": queue() appends to the spool (src/spool_mode.c) */
} cio_config;

/* Requests of one split batch in flight at once, at most. */
#define CIO_MAX_CONCURRENCY 16
/* "auto", "1.1" or "2" as a cio_http_version_mode; -1 for anything else. */
static inline int cio_http_version_parse(const char *s, size_t len)
{
	return len == 4 && memcmp(s, "auto", 4) == 0 ? CIO_HTTP_AUTO
		: len == 3 && memcmp(s, "1.1", 3) == 0 ? CIO_HTTP_1_1
		: len == 1 && s[0] == '2' ? CIO_HTTP_2 : -1;
}

/* Endpoint objects of a Client ($client->track & co.), by index in cio_endpoint_properties. */
#define CIO_ENDPOINT_COUNT 14

/* Operations queued by Track::queue(): their JSON joined by commas, and where each one ends. */
typedef struct {
	smart_str json;
	size_t *ends;
	uint32_t count, cap;
	bool pending;            /* held for the end-of-request flush */
	pid_t pid;               /* the process that filled it: a forked child does not send its parent's */
} cio_queue;

typedef struct {
	zend_string *api_key;
	zend_string *site_id;
	zend_string *app_key;
	zend_string *basic_header;   /* "Authorization: Basic ...", built once per credentials */
	zend_string *bearer_header;  /* "Authorization: Bearer ...", when an App API key is set */
	struct curl_slist *header_lists[2][2]; /* [has body][bearer]: built once, reused by every request */
	zend_string *v2_urls[2];     /* Track v2 entity and batch URLs of the region */
	zval region;             /* a Customerio\Region\RegionUs or RegionEu made by this client */
	zval guzzle;             /* a GuzzleHttp\Client that carries the requests, or UNDEF: libcurl */
	zval on_error;           /* callable(Throwable, array $operations) for failures of the background queue */
	cio_config cfg;
	bool assoc;
	bool initialized;        /* false when made without the constructor (PHPUnit mocks) */
	/* Weak: an endpoint holds its client, so the client must not hold it back (a cycle outlives the request
	 * until the GC runs). Made on first read, reused while anyone holds it, cleared when it is freed. */
	zend_object *endpoints[CIO_ENDPOINT_COUNT];
	cio_queue queue;
	zend_object std;
} cio_client;

static inline cio_client *cio_client_from_obj(zend_object *obj)
{
	return (cio_client *)((char *)obj - XtOffsetOf(cio_client, std));
}

typedef struct {
	zend_string *track_base; /* NULL: this region's Customer.io host */
	zend_string *api_base;
	zend_object std;
} cio_region;

static inline cio_region *cio_region_from_obj(zend_object *obj)
{
	return (cio_region *)((char *)obj - XtOffsetOf(cio_region, std));
}

typedef struct {
	zend_object *owner;      /* the Client whose endpoints[] points here (weak), or NULL */
	uint32_t slot;
	zend_object std;
} cio_endpoint;

static inline cio_endpoint *cio_endpoint_from_obj(zend_object *obj)
{
	return (cio_endpoint *)((char *)obj - XtOffsetOf(cio_endpoint, std));
}

/* region.c */
void cio_region_minit(void);
/* Makes the region object for 'us' or 'eu' with optional base overrides; throws and returns FAILURE otherwise. */
zend_result cio_region_make(zval *out, zend_string *name, zend_string *track_base, zend_string *api_base);
zend_string *cio_region_track_uri(zend_object *region, const char *version, size_t version_len);
/* The Track host the region's URIs start with (no slash at the end): static or the region's own string. */
const char *cio_region_track_base(zend_object *region, size_t *len);
zend_string *cio_region_api_uri(zend_object *region);
/* 'region' => 'auto': the cached answer for this key (site id and Track host): 1 EU, 0 US, -1 not asked yet */
int cio_region_cached(const char *key, size_t len);
void cio_region_remember(const char *key, size_t len, bool eu);
/* The constructor's 'region' => 'auto' on a client made for US: the cached or asked region (EU replaces US);
 * FAILURE only when an error handler turned the lookup's warning into an exception. */
zend_result cio_region_auto(cio_client *c);
/* GSHUTDOWN: the globals given, which in ZTS may be another thread's */
void cio_region_cache_free(zend_customerio_globals *g);

/* client.c */
void cio_client_minit(void);
/* GET /api/v1/accounts/region on the client's Track host with Basic auth: the workspace's region. */
void cio_client_account_region(cio_client *c, zval *return_value);
bool cio_client_is_plain(zval *client);
/* plain, and sending with libcurl (no Guzzle client set): pre-encoded JSON goes straight out */
bool cio_client_native(zval *client);
/* POSTs of pre-encoded JSON bodies to Track v2 ("entity" or "batch"), all at once: the decoded answers in
 * order; returns the index of the first that failed (its exception thrown), or -1. */
int cio_client_post_v2_many(zend_object *client, const char *path, const smart_str *bodies, int n, zval *answers);
/* Calls the client's on_error(...$argv), held while it runs; FAILURE when none is set or the call failed. */
zend_result cio_client_call_on_error(zend_object *client, zval *retval, uint32_t argc, zval *argv);

/* endpoint.c */
void cio_endpoint_minit(void);
/* Index of the Client property holding that endpoint ("track" ...), or -1. */
int cio_endpoint_index(zend_string *property);
const char *cio_endpoint_property_name(int index);
/* The client's endpoint at index (a new reference), made and cached on first use; NULL on exception. */
zend_object *cio_client_endpoint(zend_object *client, int index);
/* Client::track(), ::customers() & co.: the endpoint named like the called method. */
void cio_endpoint_getter(INTERNAL_FUNCTION_PARAMETERS);

/* Track v2 with ids, size limits, split batches (batch.c), the queue (queue.c) and the spool (spool.c) */
void cio_track_entity(zval *client, zval *op, zval *return_value);
void cio_track_batch(zval *client, HashTable *ops, zval *return_value);
void cio_track_queue(zval *client, zval *op);
void cio_track_flush(zval *client, zval *return_value);
zend_long cio_track_replay(zval *client, zend_string *file);
void cio_track_rshutdown(void);
void cio_queue_rinit(void);
void cio_queue_free(cio_queue *q);

/* spool_mode.c: queue() in spool mode, the spool's files and their health */
/* Appends one operation's JSON (line, without its newline: added here) to the client's spool; throws on failure. */
zend_result cio_spool_append(zval *client, smart_str *line);
void cio_spool_status(zval *client, zval *return_value);
void cio_spool_mshutdown(void);
/* In a fork child: closes the parent's spool files (their locks stay the parent's). Async-signal-safe. */
void cio_spool_after_fork(void);

/* sender.c: drain(), the sender of a spool */
void cio_spool_drain(zval *client, HashTable *options, zval *return_value);

/* json.c: ext/json's encoder and decoder, leaving json_last_error() untouched */
zend_result cio_json_encode(smart_str *buf, zval *value);
/* Any bytes as a JSON string, invalid UTF-8 replaced by U+FFFD: never fails (a corrupted line, quoted) */
void cio_json_encode_text(smart_str *buf, const char *str, size_t len);
void cio_json_decode(zval *return_value, const char *str, size_t len, bool assoc);
/* Whether str (terminated at len) is one JSON object, checked by ext/json's parser without building it */
bool cio_json_is_object(const char *str, size_t len);
/* A JSON body back into the array post() takes: objects inside stay objects, so {} is sent as {} again. */
void cio_json_decode_payload(zval *return_value, const char *str, size_t len);

/* http.c: the one transport */
typedef enum {
	CIO_RETRY_IDEMPOTENT = 0, /* retried after any retryable failure: Track calls (ids dedupe), GET, PUT, DELETE */
	CIO_RETRY_UNSENT         /* retried only when the server provably did not act: App API POSTs (send email...) */
} cio_retry_policy;

typedef struct {
	const char *method;
	zend_string *url;
	const char *body;        /* NULL: no body and no Content-Type */
	size_t body_len;
	zend_string *authorization; /* the whole header line: "Authorization: Basic ..." */
	struct curl_slist *headers; /* every header of the request, auth included, kept by the client */
	const cio_config *cfg;
	cio_retry_policy retry;
} cio_http_request;

typedef struct {
	long status;             /* 0 when no response arrived */
	smart_str body;
	smart_str headers;       /* raw header block of the last response */
	CURLcode error;
	char errbuf[CURL_ERROR_SIZE];
	zend_string *url;        /* where the last attempt went (differs from the request's after a redirect) */
	size_t body_limit;
	bool too_large;          /* the body passed body_limit: the transfer was cut off */
	bool skip_headers;       /* a 2xx answer: its headers are not kept */
} cio_http_response;

void cio_http_minit(void);
void cio_http_mshutdown(void);
/* A thread's (ZTS) or the process's globals go away: their libcurl handles with them. */
void cio_http_gshutdown(zend_customerio_globals *g);
void cio_http_rinit(void);
void cio_http_rshutdown(void);
zend_long cio_http_connections(void);
/* Several requests at once (each with the policy of cio_http_send), on the process's connections. */
void cio_http_send_many(const cio_http_request *reqs, cio_http_response *responses, int n);
/* An answer that is an error: no response, >= 400, or a redirect that was not followed (too many hops, to
 * http from https, no Location). Other 3xx are answers, as with Guzzle. */
static inline bool cio_http_failed(const cio_http_response *res)
{
	return res->error != CURLE_OK || res->status >= 400 || res->status == 301 || res->status == 302
		|| res->status == 307 || res->status == 308;
}

/* Sends with the client's policy: retries with backoff within max_retry_time, safe redirects, body cap. */
void cio_http_send(const cio_http_request *req, cio_http_response *res);
/* Accept, Content-Type (or none), no Expect, the Authorization line when given, X-Retry-Count on a retry. */
struct curl_slist *cio_http_header_list(bool body, zend_string *authorization, int retry);
void cio_http_response_free(cio_http_response *res);
/* Response headers as ['Name' => ['v1', ...]]; *reason gets the status line's reason phrase (may be NULL). */
void cio_http_parse_headers(const cio_http_response *res, zval *headers, zend_string **reason);
const char *cio_http_user_agent(void);

/* exception.c: every exception is made here */
void cio_exception_minit(void);
void cio_throw_validation(const char *http_method, const char *message);
/* Bad configuration or input: always Customerio\Exception\InvalidArgumentException. */
void cio_throw_invalid_argument(const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
/* A payload that cannot be sent (json_encode() rejects it, over a size limit): Guzzle's
 * InvalidArgumentException in Guzzle mode (a GuzzleException, as the SDK's json_encode failure was), else native. */
void cio_throw_payload_error(const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
void cio_throw_uninitialized(zend_class_entry *ce);
/* After a transfer: throws ConnectException (no response), Client/ServerException (>= 400), or RequestException
 * with the response (a body over max_response_bytes). */
void cio_throw_transfer(const cio_http_request *req, const cio_http_response *res);

/* Rejects CR, LF and NUL, which would split a header or a URL. */
static inline bool cio_has_ctl_break(const char *s, size_t len)
{
	return memchr(s, '\r', len) || memchr(s, '\n', len) || memchr(s, '\0', len);
}

/* Percent-encodes for a URL path: segment, every byte but RFC 3986 pchar (so '/', '?', '#', '%' too); else a
 * whole path as Guzzle's URI does, keeping '/', '?' and %XX escapes. Locale-independent. */
void cio_url_append(smart_str *url, const char *s, size_t len, bool segment);

/* $client->getRegion()->trackUri('v2') (app: ->apiUri()), asked as the SDK does, so a test double answers. */
zend_result cio_endpoint_base_url(zval *client, bool app, zval *url);

/* Calls $object->$name(...$args) through the engine, so overrides and test doubles win. */
zend_result cio_call_method(zval *object, const char *name, zval *retval, uint32_t argc, zval *argv);
/* Calls the global PHP function name(...$args). For engine functions whose C signature changes between PHP
 * versions (http_build_query, preg_match), the PHP-level call is the stable API. */
zend_result cio_call_function(const char *name, zval *retval, uint32_t argc, zval *argv);

#endif
