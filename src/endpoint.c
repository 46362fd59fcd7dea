/* Customerio\Endpoint\*: every endpoint method is a row of data (HTTP method, path, API, required keys
 * with the SDK's messages) served by one dispatcher, which sends through $this->client->post() & co.
 * called through the engine, so a PHPUnit mock of Client or a user override is honoured. */
#include "customerio_private.h"
#include "zend_exceptions.h"
#include "ext/standard/php_string.h"
#include "stubs/endpoint_arginfo.h"

zend_class_entry *cio_ce_endpoint_base, *cio_ce_endpoint_track;

typedef enum {
	CIO_API_TRACK_V1, /* the client's default base */
	CIO_API_TRACK_V2, /* $client->getRegion()->trackUri('v2') */
	CIO_API_APP       /* $client->getRegion()->apiUri() */
} cio_api;

typedef struct {
	const char *key;      /* must be isset($options[key]) */
	const char *message;  /* the SDK's exact message otherwise */
} cio_required;

typedef struct {
	const char *http;     /* "POST", "PUT", "DELETE", "GET" */
	const char *path;
	cio_api api;
	cio_required required[4];
} cio_route;

/* ---- the routes ---- */

static const cio_route cio_track_entity = {"POST", "entity", CIO_API_TRACK_V2, {
	{"type", "Operation type is required!"},
	{"action", "An event action is required!"},
	{"identifiers", "Object identifiers is required!"},
}};

static const cio_route cio_track_batch = {"POST", "batch", CIO_API_TRACK_V2, {
	{"batch", "Batch paremeter is required!"}, /* sic: the SDK's spelling */
}};

/* The endpoint classes and the Client property each is stored in. */
static const struct {
	const char *property;
	zend_class_entry **ce;
} cio_endpoint_properties[] = {
	{"track", &cio_ce_endpoint_track},
};

/* ---- the dispatcher ---- */

zend_result cio_call_method(zval *object, const char *name, zval *retval, uint32_t argc, zval *argv)
{
	zend_string *method = zend_string_init(name, strlen(name), 0);
	zend_result result = zend_call_method_if_exists(Z_OBJ_P(object), method, retval, argc, argv);

	if (result == FAILURE && !EG(exception)) {
		zend_throw_error(NULL, "Call to undefined method %s::%s()", ZSTR_VAL(Z_OBJCE_P(object)->name), name);
	}
	zend_string_release(method);
	return EG(exception) ? FAILURE : result;
}

/* $this->client, which must be an object (a Client or a test double of it). */
static zval *cio_endpoint_client(zval *self, zval *rv)
{
	zval *client = zend_read_property(cio_ce_endpoint_base, Z_OBJ_P(self), "client", sizeof("client") - 1, 1, rv);

	ZVAL_DEREF(client);
	if (Z_TYPE_P(client) != IS_OBJECT) {
		zend_throw_error(NULL, "%s has no client: construct it with a Customerio\\Client",
			ZSTR_VAL(Z_OBJCE_P(self)->name));
		return NULL;
	}
	return client;
}

/* The base URL for the route's API, asked from $client->getRegion() like the SDK does. */
static zend_result cio_endpoint_base_url(zval *client, cio_api api, zval *url)
{
	zval region, version;
	zend_result result;

	if (cio_call_method(client, "getRegion", &region, 0, NULL) == FAILURE) {
		return FAILURE;
	}
	if (Z_TYPE(region) != IS_OBJECT) {
		zval_ptr_dtor(&region);
		zend_throw_error(NULL, "%s::getRegion() did not return a region", ZSTR_VAL(Z_OBJCE_P(client)->name));
		return FAILURE;
	}
	if (api == CIO_API_TRACK_V2) {
		ZVAL_STRINGL(&version, "v2", 2);
		result = cio_call_method(&region, "trackUri", url, 1, &version);
		zval_ptr_dtor(&version);
	} else {
		result = cio_call_method(&region, "apiUri", url, 0, NULL);
	}
	zval_ptr_dtor(&region);
	return result;
}

/* The Client method that sends an HTTP verb: "POST" -> post() */
static const char *cio_client_method(const char *http)
{
	switch (http[0]) {
		case 'G': return "get";
		case 'D': return "delete";
		default: return http[1] == 'O' ? "post" : "put";
	}
}

static void cio_dispatch(INTERNAL_FUNCTION_PARAMETERS, const cio_route *route)
{
	zval *options, *value, client_rv, *client, path, payload;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(options)
	ZEND_PARSE_PARAMETERS_END();

	/* validation comes first and in the SDK's order: nothing is sent on bad input */
	for (const cio_required *r = route->required; r->key; r++) {
		value = zend_hash_str_find_deref(Z_ARRVAL_P(options), r->key, strlen(r->key));
		if (!value || Z_TYPE_P(value) == IS_NULL) {
			cio_throw_validation(route->http, r->message);
			RETURN_THROWS();
		}
	}
	if (!(client = cio_endpoint_client(ZEND_THIS, &client_rv))) {
		RETURN_THROWS();
	}

	ZVAL_COPY(&payload, options);
	if (route->api != CIO_API_TRACK_V1) {
		zval base;
		if (cio_endpoint_base_url(client, route->api, &base) == FAILURE) {
			zval_ptr_dtor(&payload);
			RETURN_THROWS();
		}
		SEPARATE_ARRAY(&payload);
		zend_hash_str_update(Z_ARRVAL(payload), "endpoint", sizeof("endpoint") - 1, &base);
	}

	ZVAL_STRING(&path, route->path);
	zval args[2];
	ZVAL_COPY_VALUE(&args[0], &path);
	ZVAL_COPY_VALUE(&args[1], &payload);
	cio_call_method(client, cio_client_method(route->http), return_value, 2, args);
	zval_ptr_dtor(&path);
	zval_ptr_dtor(&payload);
}

#define CIO_ROUTE_METHOD(cls, method, route) \
	PHP_METHOD(cls, method) \
	{ \
		cio_dispatch(INTERNAL_FUNCTION_PARAM_PASSTHRU, &route); \
	}

CIO_ROUTE_METHOD(Customerio_Endpoint_Track, entity, cio_track_entity)
CIO_ROUTE_METHOD(Customerio_Endpoint_Track, batch, cio_track_batch)

/* ---- Base ---- */

PHP_METHOD(Customerio_Endpoint_Base, __construct)
{
	zval *client;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(client)
	ZEND_PARSE_PARAMETERS_END();
	zend_update_property(cio_ce_endpoint_base, Z_OBJ_P(ZEND_THIS), "client", sizeof("client") - 1, client);
}

/* implode('/', [$prefix, $id unless empty($id), ...$extra]) */
PHP_METHOD(Customerio_Endpoint_Base, generatePath)
{
	zval *prefix, *id = NULL, *item;
	HashTable *extra = NULL;
	zval parts;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ZVAL(prefix)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(id)
		Z_PARAM_ARRAY_HT(extra)
	ZEND_PARSE_PARAMETERS_END();

	array_init(&parts);
	Z_TRY_ADDREF_P(prefix);
	add_next_index_zval(&parts, prefix);
	if (id && zend_is_true(id)) {
		zend_string *s = zval_try_get_string(id);
		if (!s) {
			zval_ptr_dtor(&parts);
			RETURN_THROWS();
		}
		add_next_index_str(&parts, s);
	}
	if (extra) {
		ZEND_HASH_FOREACH_VAL(extra, item) {
			Z_TRY_ADDREF_P(item);
			add_next_index_zval(&parts, item);
		} ZEND_HASH_FOREACH_END();
	}
	zend_string *glue = zend_string_init("/", 1, 0);
	php_implode(glue, Z_ARRVAL(parts), return_value);
	zend_string_release(glue);
	zval_ptr_dtor(&parts);
}

void cio_endpoints_attach(zend_object *client)
{
	zval self, endpoint;

	ZVAL_OBJ(&self, client);
	for (size_t i = 0; i < sizeof(cio_endpoint_properties) / sizeof(cio_endpoint_properties[0]); i++) {
		object_init_ex(&endpoint, *cio_endpoint_properties[i].ce);
		zend_update_property(cio_ce_endpoint_base, Z_OBJ(endpoint), "client", sizeof("client") - 1, &self);
		zend_update_property(cio_ce_client, client, cio_endpoint_properties[i].property,
			strlen(cio_endpoint_properties[i].property), &endpoint);
		zval_ptr_dtor(&endpoint);
	}
}

void cio_endpoint_minit(void)
{
	cio_ce_endpoint_base = register_class_Customerio_Endpoint_Base();
	cio_ce_endpoint_track = register_class_Customerio_Endpoint_Track(cio_ce_endpoint_base);
	zend_register_class_alias("Customerio\\Track", cio_ce_endpoint_track);
}
