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

typedef enum {
	CIO_QUEUE_SEND = 0,      /* queue() sends after the response (the default) */
	CIO_QUEUE_SPOOL          /* queue() appends to the spool; a sender (drain()) sends */
} cio_queue_mode;

/* A spool file kept open by this process (src/spool_mode.c). */
typedef struct {
	char *path;              /* malloc'ed: process memory, not request memory; NULL: a free slot */
	int fd;
	zend_long end;           /* the file's size after this process's last line (-1: unknown) */
} cio_spool_fd;

ZEND_BEGIN_MODULE_GLOBALS(customerio)
	/* ini */
	char *track_url;
	char *api_url;
	char *cainfo;
	double timeout;
	double connect_timeout;
	zend_long exceptions;
	zend_long retries;
	bool auto_event_id;
	char *spool_dir;
	zend_long queue_mode;    /* CIO_QUEUE_SEND or CIO_QUEUE_SPOOL */
	bool spool_group;        /* spool files get the umask's group bits, not 0600 */
	bool persistent;
	zend_long persistent_idle_timeout;
	/* The transport of this process (src/http.c), kept across requests; made by owner_pid. */
	CURLM *multi;
	CURLSH *share;
	struct {
		CURL *easy;
		uint64_t serial;   /* the cio_config its constant options were set for */
	} pool[16];
	int pool_size;
	pid_t owner_pid;
	zend_long connections_open;
	zend_long connections_made;
	uint64_t config_serial;
	/* random bytes for ULIDs, drawn from the CSPRNG a pool at a time; refilled in a forked child */
	unsigned char random_pool[320];
	size_t random_left;
	pid_t random_pid;
	/* spool mode (src/spool_mode.c): spool files kept open across requests by this process (spool_pid) */
	cio_spool_fd spool_fds[4];
	pid_t spool_pid;
ZEND_END_MODULE_GLOBALS(customerio)

ZEND_EXTERN_MODULE_GLOBALS(customerio)
#define CIO_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(customerio, v)

#if defined(ZTS) && defined(COMPILE_DL_CUSTOMERIO)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif /* PHP_CUSTOMERIO_H */
