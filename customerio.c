/* Customer.io client for PHP: module entry, ini settings, phpinfo(). */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "src/customerio_private.h"
#include "src/track.h"
#include <pthread.h>
#include <unistd.h>

ZEND_DECLARE_MODULE_GLOBALS(customerio)

static ZEND_INI_MH(OnUpdateExceptions)
{
	zend_long mode;

	if (zend_string_equals_literal_ci(new_value, "auto") || ZSTR_LEN(new_value) == 0) {
		mode = CIO_EXCEPTIONS_AUTO;
	} else if (zend_string_equals_literal_ci(new_value, "native")) {
		mode = CIO_EXCEPTIONS_NATIVE;
	} else if (zend_string_equals_literal_ci(new_value, "guzzle")) {
		mode = CIO_EXCEPTIONS_GUZZLE;
	} else {
		php_error_docref(NULL, E_WARNING, "customerio.exceptions must be auto, native or guzzle");
		return FAILURE;
	}
	CIO_G(exceptions) = mode;
	return SUCCESS;
}

/* A number the ini gives, or a warning and FAILURE: the setting then keeps its value (the default at startup).
 * OnUpdateReal/OnUpdateLong would read "five" as 0, which means "no timeout". */
static bool cio_ini_number(zend_ini_entry *entry, zend_string *new_value, double min, double max, bool integer,
	double *out)
{
	zend_long lval = 0;
	double dval = 0;
	int type = ZSTR_LEN(new_value) ? is_numeric_string(ZSTR_VAL(new_value), ZSTR_LEN(new_value), &lval, &dval, false)
		: 0;

	if (type == IS_LONG) {
		dval = (double)lval;
	}
	if ((type != IS_LONG && (type != IS_DOUBLE || integer)) || !zend_finite(dval) || dval < min || dval > max) {
		php_error_docref(NULL, E_WARNING, "%s must be %s between %.0f and %.0f, \"%.*s\" refused", ZSTR_VAL(entry->name),
			integer ? "an integer" : "a number of seconds", min, max, (int)MIN(ZSTR_LEN(new_value), 100),
			ZSTR_VAL(new_value));
		return false;
	}
	*out = dval;
	return true;
}

/* seconds, 0 = no limit */
static ZEND_INI_MH(OnUpdateSeconds)
{
	double value;

	if (!cio_ini_number(entry, new_value, 0, 86400.0 * 365, false, &value)) {
		return FAILURE;
	}
	*(double *)ZEND_INI_GET_ADDR() = value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateRetries)
{
	double value;

	if (!cio_ini_number(entry, new_value, 0, 100, true, &value)) {
		return FAILURE;
	}
	*(zend_long *)ZEND_INI_GET_ADDR() = (zend_long)value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateIdleSeconds)
{
	double value;

	if (!cio_ini_number(entry, new_value, 0, 86400.0 * 365, true, &value)) {
		return FAILURE;
	}
	*(zend_long *)ZEND_INI_GET_ADDR() = (zend_long)value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateSpoolFileBytes)
{
	double value;

	if (!cio_ini_number(entry, new_value, 4096, 1024.0 * 1024 * 1024, true, &value)) {
		return FAILURE;
	}
	*(zend_long *)ZEND_INI_GET_ADDR() = (zend_long)value;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateHttpVersion)
{
	int mode = cio_http_version_parse(ZSTR_VAL(new_value), ZSTR_LEN(new_value));

	if (mode < 0) {
		php_error_docref(NULL, E_WARNING, "customerio.http_version must be auto, 1.1 or 2");
		return FAILURE;
	}
	CIO_G(http_version) = mode;
	return SUCCESS;
}

static ZEND_INI_MH(OnUpdateQueueMode)
{
	if (zend_string_equals_literal_ci(new_value, "send") || ZSTR_LEN(new_value) == 0) {
		CIO_G(queue_mode) = CIO_QUEUE_SEND;
	} else if (zend_string_equals_literal_ci(new_value, "spool")) {
		CIO_G(queue_mode) = CIO_QUEUE_SPOOL;
	} else {
		php_error_docref(NULL, E_WARNING, "customerio.queue_mode must be send or spool");
		return FAILURE;
	}
	return SUCCESS;
}

PHP_INI_BEGIN()
	STD_PHP_INI_ENTRY("customerio.track_url", "", PHP_INI_ALL, OnUpdateString, track_url,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.api_url", "", PHP_INI_ALL, OnUpdateString, api_url,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.cainfo", "", PHP_INI_ALL, OnUpdateString, cainfo,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.timeout", "5", PHP_INI_ALL, OnUpdateSeconds, timeout,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.connect_timeout", "2", PHP_INI_ALL, OnUpdateSeconds, connect_timeout,
		zend_customerio_globals, customerio_globals)
	PHP_INI_ENTRY("customerio.exceptions", "auto", PHP_INI_ALL, OnUpdateExceptions)
	PHP_INI_ENTRY("customerio.http_version", "auto", PHP_INI_ALL, OnUpdateHttpVersion)
	STD_PHP_INI_ENTRY("customerio.retries", "2", PHP_INI_ALL, OnUpdateRetries, retries,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_BOOLEAN("customerio.auto_event_id", "1", PHP_INI_ALL, OnUpdateBool, auto_event_id,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_BOOLEAN("customerio.persistent", "1", PHP_INI_SYSTEM, OnUpdateBool, persistent,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.persistent_idle_timeout", "30", PHP_INI_SYSTEM, OnUpdateIdleSeconds,
		persistent_idle_timeout, zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.spool_dir", "", PHP_INI_ALL, OnUpdateString, spool_dir,
		zend_customerio_globals, customerio_globals)
	PHP_INI_ENTRY("customerio.queue_mode", "send", PHP_INI_ALL, OnUpdateQueueMode)
	STD_PHP_INI_BOOLEAN("customerio.spool_group", "0", PHP_INI_ALL, OnUpdateBool, spool_group,
		zend_customerio_globals, customerio_globals)
	STD_PHP_INI_ENTRY("customerio.spool_file_bytes", "1048576", PHP_INI_ALL, OnUpdateSpoolFileBytes,
		spool_file_bytes, zend_customerio_globals, customerio_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(customerio)
{
#if defined(COMPILE_DL_CUSTOMERIO) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(customerio_globals, 0, sizeof(*customerio_globals));
}

static PHP_GSHUTDOWN_FUNCTION(customerio)
{
	cio_http_gshutdown(customerio_globals);
	cio_region_cache_free(customerio_globals);
}

/* Process-wide, not request memory: a pid is the same for every thread. glibc unregisters the handler when the
 * extension is unloaded (dlclose), so a later fork never calls into unmapped code. */
static pid_t cio_pid;

static void cio_pid_after_fork(void)
{
	cio_pid = getpid();
#ifndef ZTS
	/* (under ZTS a thread's globals are not reachable here; the spool's own pid check closes them instead) */
	cio_spool_after_fork();
#endif
}

pid_t cio_getpid(void)
{
	return cio_pid;
}

static PHP_MINIT_FUNCTION(customerio)
{
	cio_pid = getpid();
	if (pthread_atfork(NULL, NULL, cio_pid_after_fork) != 0) {
		return FAILURE;
	}
	REGISTER_INI_ENTRIES();
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		return FAILURE;
	}
	cio_http_minit();
	cio_exception_minit();
	cio_region_minit();
	cio_client_minit();
	cio_endpoint_minit();
	cio_ulid_minit();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(customerio)
{
	cio_http_mshutdown();
	cio_spool_mshutdown();
	curl_global_cleanup();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(customerio)
{
#if defined(COMPILE_DL_CUSTOMERIO) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	cio_http_rinit();
	cio_queue_rinit();
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(customerio)
{
	cio_track_rshutdown();
	cio_http_rshutdown();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(customerio)
{
	curl_version_info_data *curl = curl_version_info(CURLVERSION_NOW);

	php_info_print_table_start();
	php_info_print_table_row(2, "Customer.io client", "enabled");
	php_info_print_table_row(2, "Version", PHP_CUSTOMERIO_VERSION);
	php_info_print_table_row(2, "libcurl", curl->version);
	php_info_print_table_row(2, "TLS backend", curl->ssl_version ? curl->ssl_version : "none");
	php_info_print_table_row(2, "HTTP/2", (curl->features & CURL_VERSION_HTTP2) ? "yes" : "no");
	php_info_print_table_row(2, "User-Agent", cio_http_user_agent());
	char count[32];
	snprintf(count, sizeof(count), ZEND_LONG_FMT, cio_http_connections());
	php_info_print_table_row(2, "Connections held by this process", count);
	php_info_print_table_end();
	/* ini values hold URLs and paths only: API keys are never settings */
	DISPLAY_INI_ENTRIES();
}

static const zend_module_dep customerio_deps[] = {
	ZEND_MOD_REQUIRED("json")
	ZEND_MOD_REQUIRED("spl")
	ZEND_MOD_REQUIRED("pcre")
	ZEND_MOD_END
};

zend_module_entry customerio_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	customerio_deps,
	"customerio",
	NULL,
	PHP_MINIT(customerio),
	PHP_MSHUTDOWN(customerio),
	PHP_RINIT(customerio),
	PHP_RSHUTDOWN(customerio),
	PHP_MINFO(customerio),
	PHP_CUSTOMERIO_VERSION,
	PHP_MODULE_GLOBALS(customerio),
	PHP_GINIT(customerio),
	PHP_GSHUTDOWN(customerio),
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_CUSTOMERIO
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(customerio)
#endif
