/* Customer.io client for PHP: module entry and globals. */
#ifndef PHP_CUSTOMERIO_H
#define PHP_CUSTOMERIO_H

#include <curl/curl.h>

extern zend_module_entry customerio_module_entry;
#define phpext_customerio_ptr &customerio_module_entry

#define PHP_CUSTOMERIO_VERSION "0.1.0"

#ifdef ZTS
#include "TSRM.h"
#endif

typedef enum {
	CIO_EXCEPTIONS_AUTO = 0,
	CIO_EXCEPTIONS_NATIVE,
	CIO_EXCEPTIONS_GUZZLE
} cio_exceptions_mode;

/* customerio.http_version / the http_version option */
typedef enum {
	CIO_HTTP_AUTO = 0,       /* HTTP/1.1 for one request at a time, HTTP/2 when several are in flight */
	CIO_HTTP_1_1,
	CIO_HTTP_2
} cio_http_version_mode;
typedef enum {
	CIO_QUEUE_SEND = 0,      /* queue() sends after the response (the default) */
	CIO_QUEUE_SPOOL          /* queue() appends to the spool; a sender (drain()) sends */
} cio_queue_mode;

/* A spool file kept open by this process (src/spool_mode.c). */
typedef struct {
	char *key;               /* spool_dir, site id and Track host, '\n'-joined: what names the file; malloc'ed:
	                          * process memory, not request memory; NULL: a free slot */
	char *base;              /* the spool's dir + "/" + prefix, to name this process's next live file (malloc'ed) */
	char *path;              /* the live file open now, NULL before the first (malloc'ed) */
	int fd;                  /* -1: none open; else held with a shared flock() for as long as it is open */
	zend_long end;           /* the file's size: only this process writes it */
	time_t checked;          /* the second the file was last seen still linked in the spool dir */
} cio_spool_fd;

/* The options of a pooled easy handle that change per call, as last set: a call that repeats one skips its
 * setopt (src/http.c, cio_transfer_begin). Pointers are compared as values: libcurl keeps the pointer itself. */
typedef struct {
	uint64_t serial;          /* the cio_config its constant options were set for; 0: nothing is known */
	void *private_data, *write_data, *header_data;
	char *error_buffer;
	const struct curl_slist *headers;
	long timeout_ms, http_version;
	bool post;                /* POST with CUSTOMREQUEST unset (else: unknown) */
	unsigned char url_len;    /* 0: unknown (also for a URL longer than url[]) */
	char url[207];
} cio_easy_options;

ZEND_BEGIN_MODULE_GLOBALS(customerio)
	/* ini */
	char *track_url;
	char *api_url;
	char *cainfo;
	double timeout;
	double connect_timeout;
	zend_long exceptions;
	zend_long http_version;
	zend_long retries;
	bool auto_event_id;
	char *spool_dir;
	zend_long queue_mode;    /* CIO_QUEUE_SEND or CIO_QUEUE_SPOOL */
	bool spool_group;        /* spool files get the umask's group bits, not 0600 */
	zend_long spool_file_bytes; /* a live spool file this large is left to the sender; the next line starts a new one */
	bool persistent;
	zend_long persistent_idle_timeout;
	/* The transport of this process (per thread in ZTS; src/http.c), kept across requests; made by owner_pid. */
	CURLM *multi;            /* HTTP/1.1 connections */
	CURLM *multi_h2;         /* HTTP/2 connections (src/http.c says why apart) */
	CURLSH *share;
	struct {
		CURL *easy;
		cio_easy_options set; /* what is set on it (src/http.c) */
	} pool[16];
	int pool_size;
	pid_t owner_pid;
	zend_long connections_open;
	/* easy handles attached to multi (process memory): a request that bailed out leaves them there */
	CURL **in_flight;
	int in_flight_n, in_flight_cap;
	bool bailed_out;   /* a fatal error was caught inside a libcurl callback */
	uint64_t config_serial;
	/* random bytes for ULIDs, drawn from the CSPRNG a pool at a time; refilled in a forked child */
	unsigned char random_pool[2560]; /* 256 ULIDs of randomness per getrandom() */
	size_t random_left;
	uint64_t ulid_ms;          /* the millisecond ulid_time spells (src/ulid.c) */
	char ulid_time[10];
	pid_t random_pid;
	/* 'region' => 'auto' answers by site id and Track host (src/region.c): malloc'd keys, kept across requests,
	 * freed in GSHUTDOWN; a forked child keeps them (plain data) */
	struct {
		char *key;
		size_t key_len;
		bool eu;
	} region_cache[32];
	uint32_t region_cache_next;
	uint64_t random_fallback;  /* private generator when the CSPRNG fails (never the user's mt_rand state) */
	/* clients with queued Track v2 operations, each held until the end-of-request send (src/queue.c) */
	zend_object **pending;
	uint32_t pending_count, pending_cap;
	bool queue_closed;         /* the end-of-request send is over: queue() goes to the spool */
	/* spool mode (src/spool_mode.c): spool files kept open across requests by this process (spool_pid) */
	cio_spool_fd spool_fds[4];
	pid_t spool_pid;
	uint64_t spool_last_ms;  /* the time in the name of this process's newest spool file */
ZEND_END_MODULE_GLOBALS(customerio)

ZEND_EXTERN_MODULE_GLOBALS(customerio)
#define CIO_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(customerio, v)

#if defined(ZTS) && defined(COMPILE_DL_CUSTOMERIO)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_CUSTOMERIO_H */
