/* Customerio\Client: configuration, credentials, and the request path every call takes
 * (routing, auth, query, JSON body, send, decode or throw). */
#include "customerio_private.h"
#include "zend_exceptions.h"
#include "zend_attributes.h"
#include "ext/spl/spl_exceptions.h"
#include "ext/standard/base64.h"
#include "ext/standard/php_http.h"
#include "ext/standard/url.h"
#include "stubs/client_arginfo.h"

zend_class_entry *cio_ce_client;
static zend_object_handlers cio_client_handlers;

static void cio_client_forget_headers(cio_client *c);

/* ---- object lifecycle ---- */

static zend_object *cio_client_create(zend_class_entry *ce)
{
	cio_client *c = zend_object_alloc(sizeof(cio_client), ce);

	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &cio_client_handlers;
	ZVAL_UNDEF(&c->region);
	ZVAL_UNDEF(&c->guzzle);
	ZVAL_UNDEF(&c->on_error);
	return &c->std;
}

static void cio_config_free(cio_config *cfg)
{
	if (cfg->track_base) {
		zend_string_release(cfg->track_base);
	}
	if (cfg->api_base) {
		zend_string_release(cfg->api_base);
	}
	if (cfg->cainfo) {
		zend_string_release(cfg->cainfo);
	}
	memset(cfg, 0, sizeof(*cfg));
}

static void cio_config_copy(cio_config *to, const cio_config *from)
{
	*to = *from;
	if (to->track_base) {
		zend_string_addref(to->track_base);
	}
	if (to->api_base) {
		zend_string_addref(to->api_base);
	}
	if (to->cainfo) {
		zend_string_addref(to->cainfo);
	}
}

/* Swaps first, releases after: value may be the very string the slot holds. */
static void cio_replace_str(zend_string **slot, zend_string *value)
{
	zend_string *old = *slot;

	*slot = value ? zend_string_copy(value) : NULL;
	if (old) {
		zend_string_release(old);
	}
}

/* Releases a zval slot after emptying it: a destructor it triggers finds the slot already UNDEF. */
static void cio_release_slot(zval *slot)
{
	zval old;

	ZVAL_COPY_VALUE(&old, slot);
	ZVAL_UNDEF(slot);
	zval_ptr_dtor(&old);
}

/* Stores value (a new reference) in slot, then releases what was there: user code run by that release sees
 * the new value. */
static void cio_swap_slot(zval *slot, zval *value)
{
	zval old;

	ZVAL_COPY_VALUE(&old, slot);
	ZVAL_COPY(slot, value);
	zval_ptr_dtor(&old);
}

static void cio_client_clear(cio_client *c)
{
	/* first: destructors run below (the region, a Guzzle client, on_error's closure) see an unusable client */
	c->initialized = false;
	cio_replace_str(&c->api_key, NULL);
	cio_replace_str(&c->site_id, NULL);
	cio_replace_str(&c->app_key, NULL);
	cio_replace_str(&c->basic_header, NULL);
	cio_replace_str(&c->bearer_header, NULL);
	cio_client_forget_headers(c);
	cio_replace_str(&c->v2_urls[0], NULL);
	cio_replace_str(&c->v2_urls[1], NULL);
	cio_config_free(&c->cfg);
	cio_release_slot(&c->region);
	cio_release_slot(&c->guzzle);
	cio_release_slot(&c->on_error);
}

static void cio_client_free(zend_object *obj)
{
	cio_client *c = cio_client_from_obj(obj);

	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		if (c->endpoints[i]) {
			cio_endpoint_from_obj(c->endpoints[i])->owner = NULL;
		}
	}
	cio_client_clear(c);
	cio_queue_free(&c->queue);
	zend_object_std_dtor(obj);
}

/* The property slots of $client->track & co. In a constructed client they are left UNDEF, so that every read
 * (even the VM's cached fast path) reaches cio_client_read_property, which hands out the endpoint. A value the
 * user assigns fills the slot and wins, as with the SDK's plain properties. */
static uint32_t cio_endpoint_offsets[CIO_ENDPOINT_COUNT];

static int cio_client_lazy_endpoint(zend_object *obj, zend_string *name)
{
	int index;

	if (!cio_client_from_obj(obj)->initialized || (index = cio_endpoint_index(name)) < 0
		|| Z_TYPE_P(OBJ_PROP(obj, cio_endpoint_offsets[index])) != IS_UNDEF) {
		return -1;
	}
	return index;
}

static zval *cio_client_read_property(zend_object *obj, zend_string *name, int type, void **cache_slot, zval *rv)
{
	int index = cio_client_lazy_endpoint(obj, name);

	if (index >= 0) {
		zend_object *endpoint = cio_client_endpoint(obj, index);
		if (!endpoint) {
			return &EG(uninitialized_zval);
		}
		ZVAL_OBJ(rv, endpoint);
		return rv;
	}
	return zend_std_read_property(obj, name, type, cache_slot, rv);
}

static zval *cio_client_get_property_ptr_ptr(zend_object *obj, zend_string *name, int type, void **cache_slot)
{
	/* NULL: the engine falls back to read_property, which makes the endpoint */
	return cio_client_lazy_endpoint(obj, name) >= 0 ? NULL : zend_std_get_property_ptr_ptr(obj, name, type, cache_slot);
}

static int cio_client_has_property(zend_object *obj, zend_string *name, int has_set_exists, void **cache_slot)
{
	return cio_client_lazy_endpoint(obj, name) >= 0 || zend_std_has_property(obj, name, has_set_exists, cache_slot);
}

/* var_dump()/print_r() show the endpoints as they read. */
static HashTable *cio_client_get_debug_info(zend_object *obj, int *is_temp)
{
	HashTable *props = zend_array_dup(zend_std_get_properties(obj));

	*is_temp = 1;
	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		zend_property_info *info = zend_get_property_info_for_slot(obj, OBJ_PROP(obj, cio_endpoint_offsets[i]));
		if (cio_client_lazy_endpoint(obj, info->name) >= 0) {
			zend_object *endpoint = cio_client_endpoint(obj, i);
			if (endpoint) {
				zval value;
				ZVAL_OBJ(&value, endpoint);
				zend_hash_update(props, info->name, &value);
			}
		}
	}
	return props;
}

/* A Guzzle client's middleware may hold the Client: let the cycle collector see the reference. */
static HashTable *cio_client_get_gc(zend_object *obj, zval **table, int *n)
{
	cio_client *c = cio_client_from_obj(obj);
	zend_get_gc_buffer *buffer = zend_get_gc_buffer_create();

	zend_get_gc_buffer_add_zval(buffer, &c->guzzle);
	zend_get_gc_buffer_add_zval(buffer, &c->region);
	zend_get_gc_buffer_add_zval(buffer, &c->on_error);
	zend_get_gc_buffer_use(buffer, table, n);
	return zend_std_get_properties(obj);
}

/* The clone shares credentials, region and Guzzle client; its endpoints are its own. */
static zend_object *cio_client_clone(zend_object *old)
{
	cio_client *from = cio_client_from_obj(old);
	cio_client *to = cio_client_from_obj(cio_client_create(old->ce));

	zend_objects_clone_members(&to->std, old);
	cio_replace_str(&to->api_key, from->api_key);
	cio_replace_str(&to->site_id, from->site_id);
	cio_replace_str(&to->app_key, from->app_key);
	cio_replace_str(&to->basic_header, from->basic_header);
	cio_replace_str(&to->bearer_header, from->bearer_header);
	ZVAL_COPY(&to->region, &from->region);
	ZVAL_COPY(&to->guzzle, &from->guzzle);
	ZVAL_COPY(&to->on_error, &from->on_error);
	cio_config_copy(&to->cfg, &from->cfg);
	to->assoc = from->assoc;
	to->initialized = from->initialized;
	return &to->std;
}

/* ---- configuration: options over ini over defaults ---- */

/* "scheme://host[:port]" for track_url/api_url, without trailing '/'; NULL with an exception when invalid. */
static zend_string *cio_base_url(const char *url, size_t len, const char *name)
{
	size_t scheme = 0;

	if (len >= 8 && strncasecmp(url, "https://", 8) == 0) {
		scheme = 8;
	} else if (len >= 7 && strncasecmp(url, "http://", 7) == 0) {
		scheme = 7;
	}
	while (len > scheme && url[len - 1] == '/') {
		len--;
	}
	if (!scheme || len == scheme) {
		cio_throw_invalid_argument("%s must be an http:// or https:// URL like https://host[:port], got \"%.*s\"",
			name, (int)MIN(len, 200), url);
		return NULL;
	}
	for (size_t i = scheme; i < len; i++) {
		unsigned char ch = (unsigned char)url[i];
		if (ch <= 0x20 || ch == 0x7f || ch == '?' || ch == '#') {
			cio_throw_invalid_argument("%s must not contain spaces, control characters, '?' or '#'", name);
			return NULL;
		}
	}
	return zend_string_init(url, len, 0);
}

/* Seconds (int or float, >= 0; 0 means no limit) to milliseconds. */
static zend_result cio_seconds_to_ms(double seconds, const char *name, zend_long *ms)
{
	if (!zend_finite(seconds) || seconds < 0 || seconds > 86400.0 * 365) {
		cio_throw_invalid_argument("%s must be a number of seconds >= 0", name);
		return FAILURE;
	}
	*ms = (zend_long)(seconds * 1000.0);
	if (seconds > 0 && *ms == 0) {
		*ms = 1; /* 0 would mean "no limit" to libcurl */
	}
	return SUCCESS;
}

typedef enum { CIO_OPT_REGION, CIO_OPT_URL, CIO_OPT_VERIFY, CIO_OPT_SECONDS, CIO_OPT_COUNT, CIO_OPT_BYTES,
	CIO_OPT_CONCURRENCY, CIO_OPT_BOOL, CIO_OPT_CALLABLE, CIO_OPT_HTTP_VERSION, CIO_OPT_QUEUE_MODE } cio_option_kind;

/* Every constructor option: its name (and length: matched against each given key), its kind, and where its
 * value goes. */
static const struct {
	const char *name;
	size_t len;
	cio_option_kind kind;
	size_t offset; /* in cio_client */
} cio_options[] = {
#define CIO_OPTION(name, kind, offset) {name, sizeof(name) - 1, kind, offset}
	CIO_OPTION("region", CIO_OPT_REGION, 0),
	CIO_OPTION("track_url", CIO_OPT_URL, XtOffsetOf(cio_client, cfg.track_base)),
	CIO_OPTION("api_url", CIO_OPT_URL, XtOffsetOf(cio_client, cfg.api_base)),
	CIO_OPTION("verify", CIO_OPT_VERIFY, 0),
	CIO_OPTION("timeout", CIO_OPT_SECONDS, XtOffsetOf(cio_client, cfg.timeout_ms)),
	CIO_OPTION("connect_timeout", CIO_OPT_SECONDS, XtOffsetOf(cio_client, cfg.connect_timeout_ms)),
	CIO_OPTION("retries", CIO_OPT_COUNT, XtOffsetOf(cio_client, cfg.retries)),
	CIO_OPTION("max_retry_time", CIO_OPT_SECONDS, XtOffsetOf(cio_client, cfg.max_retry_time_ms)),
	CIO_OPTION("auto_event_id", CIO_OPT_BOOL, XtOffsetOf(cio_client, cfg.auto_event_id)),
	CIO_OPTION("max_entity_bytes", CIO_OPT_BYTES, XtOffsetOf(cio_client, cfg.max_entity_bytes)),
	CIO_OPTION("max_batch_bytes", CIO_OPT_BYTES, XtOffsetOf(cio_client, cfg.max_batch_bytes)),
	CIO_OPTION("max_response_bytes", CIO_OPT_BYTES, XtOffsetOf(cio_client, cfg.max_response_bytes)),
	CIO_OPTION("max_concurrency", CIO_OPT_CONCURRENCY, XtOffsetOf(cio_client, cfg.max_concurrency)),
	CIO_OPTION("on_error", CIO_OPT_CALLABLE, XtOffsetOf(cio_client, on_error)),
	CIO_OPTION("http_version", CIO_OPT_HTTP_VERSION, XtOffsetOf(cio_client, cfg.http_version)),
	CIO_OPTION("queue_mode", CIO_OPT_QUEUE_MODE, XtOffsetOf(cio_client, cfg.spool_mode)),
#undef CIO_OPTION
};

static zend_result cio_option_type_error(const char *name, const char *expected, zval *value)
{
	zend_type_error("Customerio\\Client option \"%s\" must be of type %s, %s given", name, expected,
		zend_zval_type_name(value));
	return FAILURE;
}

static zend_result cio_option_set(cio_client *c, int i, zval *value, zend_string **region)
{
	const char *name = cio_options[i].name;
	void *slot = (char *)c + cio_options[i].offset;

	switch (cio_options[i].kind) {
		case CIO_OPT_REGION:
			if (Z_TYPE_P(value) != IS_STRING) {
				return cio_option_type_error(name, "string", value);
			}
			*region = Z_STR_P(value);
			return SUCCESS;
		case CIO_OPT_URL:
			if (Z_TYPE_P(value) != IS_STRING) {
				return cio_option_type_error(name, "string", value);
			}
			cio_replace_str((zend_string **)slot, NULL);
			return (*(zend_string **)slot = cio_base_url(Z_STRVAL_P(value), Z_STRLEN_P(value), name)) ? SUCCESS : FAILURE;
		case CIO_OPT_VERIFY:
			if (Z_TYPE_P(value) == IS_TRUE || Z_TYPE_P(value) == IS_FALSE) {
				c->cfg.verify = Z_TYPE_P(value) == IS_TRUE;
				return SUCCESS;
			}
			if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) && !memchr(Z_STRVAL_P(value), 0, Z_STRLEN_P(value))) {
				c->cfg.verify = true;
				cio_replace_str(&c->cfg.cainfo, Z_STR_P(value));
				return SUCCESS;
			}
			return cio_option_type_error(name, "bool|string (a CA bundle path)", value);
		case CIO_OPT_SECONDS:
			if (Z_TYPE_P(value) != IS_LONG && Z_TYPE_P(value) != IS_DOUBLE) {
				return cio_option_type_error(name, "int|float", value);
			}
			return cio_seconds_to_ms(zval_get_double(value), name, (zend_long *)slot);
		case CIO_OPT_COUNT:
		case CIO_OPT_BYTES:
			if (Z_TYPE_P(value) != IS_LONG) {
				return cio_option_type_error(name, "int", value);
			}
			if (Z_LVAL_P(value) < (cio_options[i].kind == CIO_OPT_COUNT ? 0 : 1)
				|| (cio_options[i].kind == CIO_OPT_COUNT && Z_LVAL_P(value) > 100)) {
				cio_throw_invalid_argument("%s must be %s", name,
					cio_options[i].kind == CIO_OPT_COUNT ? "between 0 and 100" : "a positive number of bytes");
				return FAILURE;
			}
			*(zend_long *)slot = Z_LVAL_P(value);
			return SUCCESS;
		case CIO_OPT_CONCURRENCY:
			/* exactly what is honoured: a split batch never has more requests in flight */
			if (Z_TYPE_P(value) != IS_LONG) {
				return cio_option_type_error(name, "int", value);
			}
			if (Z_LVAL_P(value) < 1 || Z_LVAL_P(value) > CIO_MAX_CONCURRENCY) {
				cio_throw_invalid_argument("%s must be between 1 and %d, got " ZEND_LONG_FMT, name, CIO_MAX_CONCURRENCY,
					Z_LVAL_P(value));
				return FAILURE;
			}
			*(zend_long *)slot = Z_LVAL_P(value);
			return SUCCESS;
		case CIO_OPT_BOOL:
			if (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE) {
				return cio_option_type_error(name, "bool", value);
			}
			*(bool *)slot = Z_TYPE_P(value) == IS_TRUE;
			return SUCCESS;
		case CIO_OPT_CALLABLE:
			if (!zend_is_callable(value, 0, NULL)) {
				return cio_option_type_error(name, "callable", value);
			}
			cio_swap_slot((zval *)slot, value);
			return SUCCESS;
		case CIO_OPT_HTTP_VERSION:
			if (Z_TYPE_P(value) != IS_STRING) {
				return cio_option_type_error(name, "string", value);
			}
			if ((*(int *)slot = cio_http_version_parse(Z_STRVAL_P(value), Z_STRLEN_P(value))) < 0) {
				cio_throw_invalid_argument("http_version must be \"auto\", \"1.1\" or \"2\"");
				return FAILURE;
			}
			return SUCCESS;
		case CIO_OPT_QUEUE_MODE:
			if (Z_TYPE_P(value) != IS_STRING) {
				return cio_option_type_error(name, "string", value);
			}
			if (!zend_string_equals_literal(Z_STR_P(value), "send") && !zend_string_equals_literal(Z_STR_P(value), "spool")) {
				cio_throw_invalid_argument("queue_mode must be \"send\" or \"spool\"");
				return FAILURE;
			}
			*(bool *)slot = Z_STRVAL_P(value)[1] == 'p';
			return SUCCESS;
	}
	return FAILURE;
}

/* Fills c->cfg and c->on_error from ini (or built-in defaults), then the options; *region gets the region name. */
static zend_result cio_config_load(cio_client *c, HashTable *options, zend_string **region)
{
	cio_config *cfg = &c->cfg;
	const char *ini;
	zend_string *key;
	zval *value;

	cfg->serial = ++CIO_G(config_serial);
	cfg->verify = true;
	cfg->auto_event_id = CIO_G(auto_event_id);
	cfg->retries = CIO_G(retries);
	cfg->max_retry_time_ms = 10000;
	cfg->max_entity_bytes = 32768;
	cfg->max_batch_bytes = 500000;
	cfg->max_response_bytes = 8 * 1024 * 1024;
	cfg->max_concurrency = 1; /* a split batch in order; more is explicit, and unordered */
	cfg->http_version = (int)CIO_G(http_version);
	cfg->spool_mode = CIO_G(queue_mode) == CIO_QUEUE_SPOOL;
	if ((ini = CIO_G(cainfo)) && *ini) {
		cfg->cainfo = zend_string_init(ini, strlen(ini), 0);
	}
	if (cio_seconds_to_ms(CIO_G(timeout), "customerio.timeout", &cfg->timeout_ms) == FAILURE
		|| cio_seconds_to_ms(CIO_G(connect_timeout), "customerio.connect_timeout", &cfg->connect_timeout_ms) == FAILURE) {
		return FAILURE;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(options ? options : (HashTable *)&zend_empty_array, key, value) {
		int i, n = (int)(sizeof(cio_options) / sizeof(cio_options[0]));
		ZVAL_DEREF(value);
		if (!key) {
			cio_throw_invalid_argument("Customerio\\Client options must be keyed by name");
			return FAILURE;
		}
		for (i = 0; key && i < n && !zend_string_equals_cstr(key, cio_options[i].name, cio_options[i].len); i++);
		if (!key || i == n) {
			cio_throw_invalid_argument("Unknown Customerio\\Client option \"%s\" (known: region, track_url, api_url, "
				"verify, timeout, connect_timeout, retries, max_retry_time, auto_event_id, max_entity_bytes, "
				"max_batch_bytes, max_response_bytes, max_concurrency, on_error, http_version, queue_mode)",
				!key ? "(numeric key)" : ZSTR_LEN(key) > 100 ? "(too long)" : ZSTR_VAL(key));
			return FAILURE;
		}
		if (cio_option_set(c, i, value, region) == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();

	/* the ini URLs only where no option gave one */
	if (!cfg->track_base && (ini = CIO_G(track_url)) && *ini
		&& !(cfg->track_base = cio_base_url(ini, strlen(ini), "customerio.track_url"))) {
		return FAILURE;
	}
	if (!cfg->api_base && (ini = CIO_G(api_url)) && *ini
		&& !(cfg->api_base = cio_base_url(ini, strlen(ini), "customerio.api_url"))) {
		return FAILURE;
	}
	return SUCCESS;
}

/* Credentials end up in the Authorization header: refuse what would split it. Never echo the value. */
static bool cio_credential_ok(zend_string *value, const char *what)
{
	if (cio_has_ctl_break(ZSTR_VAL(value), ZSTR_LEN(value))) {
		cio_throw_invalid_argument("The %s contains a CR, LF or NUL byte", what);
		return false;
	}
	return true;
}

#define CIO_CLIENT_INITIALIZED(c) \
	cio_client *c = cio_client_from_obj(Z_OBJ_P(ZEND_THIS)); \
	if (!c->initialized) { \
		cio_throw_uninitialized(cio_ce_client); \
		RETURN_THROWS(); \
	}

/* ---- the request path ---- */

/* Guzzle's 'query' option: an array through http_build_query(RFC 3986), a string as it is. */
static zend_result cio_append_query(smart_str *url, zval *query)
{
	ZVAL_DEREF(query);
	if (Z_TYPE_P(query) == IS_ARRAY || Z_TYPE_P(query) == IS_OBJECT) {
		zval args[4], q;
		ZVAL_COPY(&args[0], query);
		ZVAL_EMPTY_STRING(&args[1]);
		ZVAL_STRINGL(&args[2], "&", 1);
		ZVAL_LONG(&args[3], PHP_QUERY_RFC3986);
		zend_result result = cio_call_function("http_build_query", &q, 4, args);
		for (int i = 0; i < 4; i++) {
			zval_ptr_dtor(&args[i]);
		}
		if (result == FAILURE) {
			return FAILURE;
		}
		if (Z_TYPE(q) == IS_STRING && Z_STRLEN(q)) {
			smart_str_appendc(url, strchr(ZSTR_VAL(url->s), '?') ? '&' : '?');
			smart_str_append(url, Z_STR(q));
		}
		zval_ptr_dtor(&q);
		return SUCCESS;
	}
	zend_string *s = zval_try_get_string(query);
	if (!s) {
		return FAILURE;
	}
	if (ZSTR_LEN(s)) {
		smart_str_appendc(url, strchr(ZSTR_VAL(url->s), '?') ? '&' : '?');
		smart_str_append(url, s);
	}
	zend_string_release(s);
	return SUCCESS;
}

/* The Authorization header line (a new reference), built once per credentials and kept in the client. */
static zend_string *cio_authorization(cio_client *c, bool bearer)
{
	if (bearer) {
		if (!c->app_key || !ZSTR_LEN(c->app_key) || zend_string_equals_literal(c->app_key, "0")) {
			/* the SDK's getToken(): empty($appKey) */
			zend_throw_exception(spl_ce_InvalidArgumentException, "App API Key not set!", 0);
			return NULL;
		}
		if (!c->bearer_header) {
			c->bearer_header = zend_string_concat2("Authorization: Bearer ", sizeof("Authorization: Bearer ") - 1,
				ZSTR_VAL(c->app_key), ZSTR_LEN(c->app_key));
		}
		return zend_string_copy(c->bearer_header);
	}
	if (!c->basic_header) {
		zend_string *pair = zend_string_concat3(ZSTR_VAL(c->site_id), ZSTR_LEN(c->site_id), ":", 1,
			ZSTR_VAL(c->api_key), ZSTR_LEN(c->api_key));
		zend_string *b64 = php_base64_encode((const unsigned char *)ZSTR_VAL(pair), ZSTR_LEN(pair));
		c->basic_header = zend_string_concat2("Authorization: Basic ", sizeof("Authorization: Basic ") - 1,
			ZSTR_VAL(b64), ZSTR_LEN(b64));
		zend_string_release(pair);
		zend_string_release(b64);
	}
	return zend_string_copy(c->basic_header);
}

/* Every header of a request (auth included), built once per client and kind of request. */
static struct curl_slist *cio_client_headers(cio_client *c, bool body, bool bearer, zend_string *authorization)
{
	struct curl_slist **list = &c->header_lists[body][bearer];

	if (!*list) {
		*list = cio_http_header_list(body, authorization, 0);
	}
	return *list;
}

/* Forgets the header lists after a credential changed. */
static void cio_client_forget_headers(cio_client *c)
{
	for (int body = 0; body < 2; body++) {
		for (int bearer = 0; bearer < 2; bearer++) {
			curl_slist_free_all(c->header_lists[body][bearer]);
			c->header_lists[body][bearer] = NULL;
		}
	}
}

/* libcurl with the client's policy; then the decoded answer (or the raw body) in return_value, or an exception. */
static void cio_client_transfer(cio_client *c, const char *method, zend_string *url, const char *json, size_t len,
	zend_string *authorization, bool bearer, bool raw, zval *return_value)
{
	cio_http_request req = {
		.method = method,
		.url = url,
		.body = json,
		.body_len = len,
		.authorization = authorization,
		.headers = cio_client_headers(c, json != NULL, bearer, authorization),
		.cfg = &c->cfg,
		/* an App API POST acts (sends an email, triggers a campaign): never retried once it may have arrived */
		.retry = bearer && strcmp(method, "POST") == 0 ? CIO_RETRY_UNSENT : CIO_RETRY_IDEMPOTENT,
	};
	cio_http_response res;

	cio_http_send(&req, &res);
	if (cio_http_failed(&res)) {
		cio_throw_transfer(&req, &res);
	} else if (raw) {
		RETVAL_STR(res.body.s ? zend_string_copy(res.body.s) : ZSTR_EMPTY_ALLOC());
	} else {
		cio_json_decode(return_value, res.body.s ? ZSTR_VAL(res.body.s) : "", res.body.s ? ZSTR_LEN(res.body.s) : 0,
			c->assoc);
	}
	cio_http_response_free(&res);
}

/* The native transport: query string, JSON body, then the transfer. */
static void cio_client_send_native(cio_client *c, const char *method, smart_str *url, zval *query, HashTable *body,
	bool bearer, bool raw, zval *return_value)
{
	smart_str json = {0};
	zend_string *authorization;

	if (query && cio_append_query(url, query) == FAILURE) {
		return;
	}
	smart_str_0(url);
	if (cio_has_ctl_break(ZSTR_VAL(url->s), ZSTR_LEN(url->s))) {
		cio_throw_invalid_argument("The request URL contains a CR, LF or NUL byte");
		return;
	}
	if (body) {
		zval tmp;
		ZVAL_ARR(&tmp, body); /* our own copy of the payload: refcounted, never immutable */
		if (cio_json_encode(&json, &tmp) == FAILURE) {
			smart_str_free(&json);
			return;
		}
	}
	/* after the encoding, whose jsonSerialize() may have changed the credentials (or emptied the client with a
	 * failed __construct()): this request and the header lists cached for later ones carry the current ones */
	if (!c->initialized) {
		cio_throw_uninitialized(cio_ce_client);
	} else if ((authorization = cio_authorization(c, bearer))) {
		cio_client_transfer(c, method, url->s, json.s ? ZSTR_VAL(json.s) : NULL, json.s ? ZSTR_LEN(json.s) : 0,
			authorization, bearer, raw, return_value);
		zend_string_release(authorization);
	}
	smart_str_free(&json);
}

bool cio_client_native(zval *client)
{
	return cio_client_is_plain(client) && Z_TYPE(cio_client_from_obj(Z_OBJ_P(client))->guzzle) != IS_OBJECT;
}

int cio_client_post_v2_many(zend_object *client, const char *path, const smart_str *bodies, int n, zval *answers)
{
	cio_client *c = cio_client_from_obj(client);
	int which = path[0] == 'b'; /* "entity" or "batch" */

	if (!c->initialized) {
		/* the encoding of the bodies ran user code, which may have emptied the client (a failed __construct()) */
		for (int i = 0; i < n; i++) {
			ZVAL_UNDEF(&answers[i]);
		}
		cio_throw_uninitialized(cio_ce_client);
		return 0;
	}
	if (!c->v2_urls[which]) {
		zend_string *base = cio_region_track_uri(Z_OBJ(c->region), "v2", 2);
		c->v2_urls[which] = zend_string_concat2(ZSTR_VAL(base), ZSTR_LEN(base), path, strlen(path));
		zend_string_release(base);
	}
	zend_string *url = c->v2_urls[which];
	zend_string *authorization = cio_authorization(c, false);
	struct curl_slist *headers = cio_client_headers(c, true, false, authorization);
	cio_http_request one_req, *reqs = n > 1 ? safe_emalloc(n, sizeof(cio_http_request), 0) : &one_req;
	cio_http_response one_res, *res = n > 1 ? safe_emalloc(n, sizeof(cio_http_response), 0) : &one_res;
	int failed = -1;

	for (int i = 0; i < n; i++) {
		reqs[i] = (cio_http_request){
			.method = "POST",
			.url = url,
			.body = ZSTR_VAL(bodies[i].s),
			.body_len = ZSTR_LEN(bodies[i].s),
			.authorization = authorization,
			.headers = headers,
			.cfg = &c->cfg,
		};
	}
	cio_http_send_many(reqs, res, n);
	for (int i = 0; i < n; i++) {
		ZVAL_UNDEF(&answers[i]);
		if (cio_http_failed(&res[i])) {
			if (failed < 0) {
				failed = i;
				cio_throw_transfer(&reqs[i], &res[i]);
			}
		} else {
			cio_json_decode(&answers[i], res[i].body.s ? ZSTR_VAL(res[i].body.s) : "",
				res[i].body.s ? ZSTR_LEN(res[i].body.s) : 0, c->assoc);
		}
		cio_http_response_free(&res[i]);
	}
	if (n > 1) {
		efree(reqs);
		efree(res);
	}
	zend_string_release(authorization);
	return failed;
}

/* A constructed Customerio\Client whose post() and getRegion() are the extension's own: Track v2 then adds ids,
 * checks sizes and splits batches (a subclass that overrides them, or a test double, gets the SDK's calls). */
bool cio_client_is_plain(zval *client)
{
	static const char *const methods[] = {"post", "getregion"};

	if (Z_TYPE_P(client) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(client), cio_ce_client)) {
		return false;
	}
	if (!cio_client_from_obj(Z_OBJ_P(client))->initialized) {
		return false;
	}
	if (Z_OBJCE_P(client) == cio_ce_client) {
		return true; /* not a subclass: the methods are the extension's own */
	}
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		zend_function *f = zend_hash_str_find_ptr(&Z_OBJCE_P(client)->function_table, methods[i], strlen(methods[i]));
		if (!f || f->type != ZEND_INTERNAL_FUNCTION || f->common.scope != cio_ce_client) {
			return false;
		}
	}
	return true;
}

/* Through an injected Guzzle client: $guzzle->request($method, $url, $options) with the options the SDK builds,
 * so the user's handler stack, middleware and MockHandler see the same requests as with the package. */
static void cio_client_send_guzzle(cio_client *c, const char *method, smart_str *url, zval *query, HashTable *body,
	bool bearer, bool raw, zval *return_value)
{
	zval args[3], headers, response, stream, *options = &args[2];

	array_init(&headers);
	if (bearer) {
		add_assoc_str(&headers, "Authorization", zend_string_concat2("Bearer ", 7, ZSTR_VAL(c->app_key),
			ZSTR_LEN(c->app_key)));
	}
	add_assoc_string(&headers, "Accept", "application/json");
	array_init(options);
	if (!bearer) {
		zval auth;
		array_init(&auth);
		add_next_index_str(&auth, zend_string_copy(c->site_id));
		add_next_index_str(&auth, zend_string_copy(c->api_key));
		add_assoc_zval(options, "auth", &auth);
	}
	add_assoc_zval(options, "headers", &headers);
	add_assoc_double(options, "connect_timeout", c->cfg.connect_timeout_ms / 1000.0);
	add_assoc_double(options, "timeout", c->cfg.timeout_ms / 1000.0);
	if (!c->cfg.verify) {
		add_assoc_bool(options, "verify", false);
	} else if (c->cfg.cainfo) {
		add_assoc_str(options, "verify", zend_string_copy(c->cfg.cainfo));
	}
	if (query) {
		Z_TRY_ADDREF_P(query);
		add_assoc_zval(options, "query", query);
	}
	if (body) {
		GC_TRY_ADDREF(body);
		add_assoc_array(options, "json", body);
	}
	smart_str_0(url);
	ZVAL_STRING(&args[0], method);
	ZVAL_STR_COPY(&args[1], url->s);

	/* held: request() may call setClient() and drop the last reference to the object it runs in */
	zval guzzle;
	ZVAL_COPY(&guzzle, &c->guzzle);
	if (cio_call_method(&guzzle, "request", &response, 3, args) == SUCCESS) {
		if (Z_TYPE(response) == IS_OBJECT && cio_call_method(&response, "getBody", &stream, 0, NULL) == SUCCESS) {
			zend_string *text = zval_try_get_string(&stream);
			if (text) {
				if (raw) {
					RETVAL_STR(text);
				} else {
					cio_json_decode(return_value, ZSTR_VAL(text), ZSTR_LEN(text), c->assoc);
					zend_string_release(text);
				}
			}
			zval_ptr_dtor(&stream);
		} else if (!EG(exception)) {
			zend_throw_error(NULL, "%s::request() did not return a response", ZSTR_VAL(Z_OBJCE(guzzle)->name));
		}
		zval_ptr_dtor(&response);
	}
	zval_ptr_dtor(&guzzle);
	for (int i = 0; i < 3; i++) {
		zval_ptr_dtor(&args[i]);
	}
}

/* Every request: base URL + endpoint path, auth by the SDK's rule, then the native or the Guzzle transport. */
static void cio_client_send(cio_client *c, const char *method, zend_string *base, zend_string *endpoint,
	zval *query, HashTable *body, bool raw, zval *return_value)
{
	smart_str url = {0};
	zend_string *api_uri = cio_region_api_uri(Z_OBJ(c->region));
	zend_string *authorization = NULL;
	/* Bearer (App API key) exactly when the base is the region's App API URI. */
	bool bearer = zend_string_equals(base, api_uri);

	zend_string_release(api_uri);
	if (cio_has_ctl_break(ZSTR_VAL(base), ZSTR_LEN(base)) || cio_has_ctl_break(ZSTR_VAL(endpoint), ZSTR_LEN(endpoint))) {
		cio_throw_invalid_argument("The request URL contains a CR, LF or NUL byte");
		return;
	}
	/* before anything runs: "App API Key not set!" without encoding or sending */
	if (!(authorization = cio_authorization(c, bearer))) {
		return;
	}
	zend_string_release(authorization);
	smart_str_append(&url, base);
	cio_url_append(&url, ZSTR_VAL(endpoint), ZSTR_LEN(endpoint), false);
	smart_str_0(&url);
	/* held: user code run by the encoder or by Guzzle may drop the last reference to this client */
	GC_ADDREF(&c->std);
	if (Z_TYPE(c->guzzle) == IS_OBJECT) {
		cio_client_send_guzzle(c, method, &url, query, body, bearer, raw, return_value);
	} else {
		cio_client_send_native(c, method, &url, query, body, bearer, raw, return_value);
	}
	OBJ_RELEASE(&c->std);
	smart_str_free(&url);
}

/* post/put/delete: Track v1 unless $json['endpoint'] names another base; $json['query'] goes to the URL. */
static void cio_client_track_request(INTERNAL_FUNCTION_PARAMETERS, const char *method)
{
	zend_string *endpoint, *base;
	HashTable *json;
	zval *value, query;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(endpoint)
		Z_PARAM_ARRAY_HT(json)
	ZEND_PARSE_PARAMETERS_END();
	CIO_CLIENT_INITIALIZED(c);

	HashTable *payload = zend_array_dup(json);
	ZVAL_UNDEF(&query);
	if ((value = zend_hash_str_find_deref(payload, "endpoint", sizeof("endpoint") - 1)) && Z_TYPE_P(value) != IS_NULL) {
		if (!(base = zval_try_get_string(value))) {
			zend_array_release(payload);
			RETURN_THROWS();
		}
		zend_hash_str_del(payload, "endpoint", sizeof("endpoint") - 1);
	} else {
		base = cio_region_track_uri(Z_OBJ(c->region), "v1", 2);
	}
	bool has_body = zend_hash_num_elements(payload) > 0;
	if (has_body && (value = zend_hash_str_find_deref(payload, "query", sizeof("query") - 1)) && zend_is_true(value)) {
		ZVAL_COPY(&query, value);
		zend_hash_str_del(payload, "query", sizeof("query") - 1);
	}
	cio_client_send(c, method, base, endpoint, Z_ISUNDEF(query) ? NULL : &query, has_body ? payload : NULL, false,
		return_value);
	zval_ptr_dtor(&query);
	zend_string_release(base);
	/* released, not destroyed: Guzzle's options, or an exception's trace, may still hold it */
	zend_array_release(payload);
}

void cio_client_account_region(cio_client *c, zval *return_value)
{
	zend_string *base = cio_region_track_uri(Z_OBJ(c->region), "v1", 2);
	zend_string *path = zend_string_init("accounts/region", sizeof("accounts/region") - 1, 0);

	cio_client_send(c, "GET", base, path, NULL, NULL, false, return_value);
	zend_string_release(path);
	zend_string_release(base);
}

/* ---- methods ---- */

PHP_METHOD(Customerio_Client, __construct)
{
	zend_string *api_key, *site_id, *region_name = NULL;
	HashTable *options = NULL;
	cio_client *c = cio_client_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(api_key)
		Z_PARAM_STR(site_id)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	cio_client_clear(c);
	if (!cio_credential_ok(api_key, "API key") || !cio_credential_ok(site_id, "site id")
		|| cio_config_load(c, options, &region_name) == FAILURE) {
		cio_client_clear(c);
		RETURN_THROWS();
	}
	bool auto_region = region_name && zend_string_equals_literal(region_name, "auto");
	zend_string *name = region_name && !auto_region ? zend_string_copy(region_name) : zend_string_init("us", 2, 0);
	zval region;
	zend_result made = cio_region_make(&region, name, c->cfg.track_base, c->cfg.api_base);
	zend_string_release(name);
	if (made == FAILURE) {
		cio_client_clear(c);
		RETURN_THROWS();
	}
	cio_swap_slot(&c->region, &region);
	zval_ptr_dtor(&region);
	/* replaced, not assigned: a destructor run by cio_client_clear() may have set them again */
	cio_replace_str(&c->api_key, api_key);
	cio_replace_str(&c->site_id, site_id);
	c->assoc = false;
	c->initialized = true;
	if (auto_region && cio_region_auto(c) == FAILURE) {
		cio_client_clear(c);
		RETURN_THROWS();
	}
	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		zval *slot = OBJ_PROP(Z_OBJ_P(ZEND_THIS), cio_endpoint_offsets[i]);
		zval_ptr_dtor(slot);
		ZVAL_UNDEF(slot);
		Z_PROP_FLAG_P(slot) |= IS_PROP_UNINIT;
	}
}

#define CIO_ENDPOINT_GETTER(name) \
	PHP_METHOD(Customerio_Client, name) \
	{ \
		cio_endpoint_getter(INTERNAL_FUNCTION_PARAM_PASSTHRU); \
	}

CIO_ENDPOINT_GETTER(track)
CIO_ENDPOINT_GETTER(events)
CIO_ENDPOINT_GETTER(customers)
CIO_ENDPOINT_GETTER(page)
CIO_ENDPOINT_GETTER(campaigns)
CIO_ENDPOINT_GETTER(messages)
CIO_ENDPOINT_GETTER(messageTemplates)
CIO_ENDPOINT_GETTER(newsletters)
CIO_ENDPOINT_GETTER(segments)
CIO_ENDPOINT_GETTER(exports)
CIO_ENDPOINT_GETTER(activities)
CIO_ENDPOINT_GETTER(senderIdentities)
CIO_ENDPOINT_GETTER(send)
CIO_ENDPOINT_GETTER(collection)

PHP_METHOD(Customerio_Client, setClient)
{
	zval *guzzle;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT(guzzle)
	ZEND_PARSE_PARAMETERS_END();
	cio_swap_slot(&cio_client_from_obj(Z_OBJ_P(ZEND_THIS))->guzzle, guzzle);
}

/* The SDK always has a Guzzle client: make its default one. The autoloader and the constructor are user code:
 * a client they set (setClient()) wins over the one made here. */
static void cio_client_default_guzzle(cio_client *c)
{
	zend_string *name = zend_string_init("GuzzleHttp\\Client", sizeof("GuzzleHttp\\Client") - 1, 0);
	zend_class_entry *ce = zend_lookup_class(name);
	zval guzzle;

	zend_string_release(name);
	if (EG(exception) || Z_TYPE(c->guzzle) == IS_OBJECT) {
		return;
	}
	if (!ce) {
		zend_throw_error(NULL, "Customerio\\Client::getClient() needs Guzzle (guzzlehttp/guzzle), which is "
			"not installed; without it requests use the extension's own transport");
		return;
	}
	if (object_init_ex(&guzzle, ce) == FAILURE) {
		return;
	}
	if (ce->constructor) {
		zend_call_known_instance_method(ce->constructor, Z_OBJ(guzzle), NULL, 0, NULL);
	}
	if (!EG(exception) && Z_TYPE(c->guzzle) != IS_OBJECT) {
		cio_swap_slot(&c->guzzle, &guzzle);
	}
	zval_ptr_dtor(&guzzle);
}

PHP_METHOD(Customerio_Client, getClient)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cio_client *c = cio_client_from_obj(Z_OBJ_P(ZEND_THIS));

	if (Z_TYPE(c->guzzle) != IS_OBJECT) {
		/* held: the autoloader may drop the last reference to this client */
		GC_ADDREF(&c->std);
		cio_client_default_guzzle(c);
		if (!EG(exception)) {
			RETVAL_COPY(&c->guzzle);
		}
		OBJ_RELEASE(&c->std);
		return;
	}
	RETURN_COPY(&c->guzzle);
}

/* A credential setter: checked for header injection, and the cached Authorization lines forgotten. */
static void cio_client_set_credential(INTERNAL_FUNCTION_PARAMETERS, size_t slot, size_t header, const char *what)
{
	zend_string *value;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(value)
	ZEND_PARSE_PARAMETERS_END();
	if (cio_credential_ok(value, what)) {
		cio_client *c = cio_client_from_obj(Z_OBJ_P(ZEND_THIS));
		cio_replace_str((zend_string **)((char *)c + slot), value);
		cio_replace_str((zend_string **)((char *)c + header), NULL);
		cio_client_forget_headers(c);
	}
}

PHP_METHOD(Customerio_Client, setAppAPIKey)
{
	cio_client_set_credential(INTERNAL_FUNCTION_PARAM_PASSTHRU, XtOffsetOf(cio_client, app_key),
		XtOffsetOf(cio_client, bearer_header), "App API key");
}

PHP_METHOD(Customerio_Client, setSiteId)
{
	cio_client_set_credential(INTERNAL_FUNCTION_PARAM_PASSTHRU, XtOffsetOf(cio_client, site_id),
		XtOffsetOf(cio_client, basic_header), "site id");
}

PHP_METHOD(Customerio_Client, setRegion)
{
	zend_string *name;
	zval region;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();
	CIO_CLIENT_INITIALIZED(c);
	if (cio_region_make(&region, name, c->cfg.track_base, c->cfg.api_base) == SUCCESS) {
		cio_replace_str(&c->v2_urls[0], NULL);
		cio_replace_str(&c->v2_urls[1], NULL);
		cio_swap_slot(&c->region, &region);
		zval_ptr_dtor(&region);
	}
}

PHP_METHOD(Customerio_Client, getRegion)
{
	ZEND_PARSE_PARAMETERS_NONE();
	CIO_CLIENT_INITIALIZED(c);
	RETURN_COPY(&c->region);
}

PHP_METHOD(Customerio_Client, getAccountRegion)
{
	ZEND_PARSE_PARAMETERS_NONE();
	CIO_CLIENT_INITIALIZED(c);
	cio_client_account_region(c, return_value);
}

PHP_METHOD(Customerio_Client, setAssocResponse)
{
	bool assoc;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_BOOL(assoc)
	ZEND_PARSE_PARAMETERS_END();
	cio_client_from_obj(Z_OBJ_P(ZEND_THIS))->assoc = assoc;
}

PHP_METHOD(Customerio_Client, getAuth)
{
	ZEND_PARSE_PARAMETERS_NONE();
	CIO_CLIENT_INITIALIZED(c);
	array_init_size(return_value, 2);
	add_next_index_str(return_value, zend_string_copy(c->site_id));
	add_next_index_str(return_value, zend_string_copy(c->api_key));
}

PHP_METHOD(Customerio_Client, getToken)
{
	ZEND_PARSE_PARAMETERS_NONE();
	cio_client *c = cio_client_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_string *header = cio_authorization(c, true);
	if (header) {
		zend_string_release(header);
		RETURN_STR_COPY(c->app_key);
	}
}

PHP_METHOD(Customerio_Client, get)
{
	zend_string *endpoint;
	zval *params = NULL, *raw = NULL;

	/* the zval itself: wrapping an immutable array's HashTable in a new zval would make it look refcounted */
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(endpoint)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY(params)
	ZEND_PARSE_PARAMETERS_END();
	CIO_CLIENT_INITIALIZED(c);

	bool has_query = params && zend_hash_num_elements(Z_ARRVAL_P(params));
	if (has_query) {
		raw = zend_hash_str_find_deref(Z_ARRVAL_P(params), "raw", sizeof("raw") - 1);
	}
	zend_string *base = cio_region_api_uri(Z_OBJ(c->region));
	cio_client_send(c, "GET", base, endpoint, has_query ? params : NULL, NULL, raw && Z_TYPE_P(raw) != IS_NULL,
		return_value);
	zend_string_release(base);
}

PHP_METHOD(Customerio_Client, post)
{
	cio_client_track_request(INTERNAL_FUNCTION_PARAM_PASSTHRU, "POST");
}

PHP_METHOD(Customerio_Client, put)
{
	cio_client_track_request(INTERNAL_FUNCTION_PARAM_PASSTHRU, "PUT");
}

PHP_METHOD(Customerio_Client, delete)
{
	cio_client_track_request(INTERNAL_FUNCTION_PARAM_PASSTHRU, "DELETE");
}

zend_result cio_client_call_on_error(zend_object *client, zval *retval, uint32_t argc, zval *argv)
{
	cio_client *c = cio_client_from_obj(client);
	zval callback;
	zend_result result = FAILURE;

	if (Z_TYPE(c->on_error) == IS_UNDEF) {
		return FAILURE;
	}
	/* held: the callback may construct the client again, which releases on_error while it runs */
	ZVAL_COPY(&callback, &c->on_error);
	result = call_user_function(NULL, NULL, &callback, retval, argc, argv);
	zval_ptr_dtor(&callback);
	return result;
}

void cio_client_minit(void)
{
	cio_ce_client = register_class_Customerio_Client();
	cio_ce_client->create_object = cio_client_create;
	memcpy(&cio_client_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	cio_client_handlers.offset = XtOffsetOf(cio_client, std);
	cio_client_handlers.free_obj = cio_client_free;
	cio_client_handlers.clone_obj = cio_client_clone;
	cio_client_handlers.get_gc = cio_client_get_gc;
	cio_client_handlers.read_property = cio_client_read_property;
	cio_client_handlers.get_property_ptr_ptr = cio_client_get_property_ptr_ptr;
	cio_client_handlers.has_property = cio_client_has_property;
	cio_client_handlers.get_debug_info = cio_client_get_debug_info;

	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		const char *name = cio_endpoint_property_name(i);
		zend_property_info *info = zend_hash_str_find_ptr(&cio_ce_client->properties_info, name, strlen(name));
		cio_endpoint_offsets[i] = info->offset;
	}
}
