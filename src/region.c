/* Customerio\Region and its US/EU implementations: base URLs of the Track and App APIs. */
#include "customerio_private.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "stubs/region_arginfo.h"

zend_class_entry *cio_ce_region, *cio_ce_region_interface, *cio_ce_region_us, *cio_ce_region_eu;
zend_class_entry *cio_ce_invalid_region;

static zend_object_handlers cio_region_handlers;

static zend_object *cio_region_create(zend_class_entry *ce)
{
	cio_region *r = zend_object_alloc(sizeof(cio_region), ce);

	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &cio_region_handlers;
	return &r->std;
}

static void cio_region_free(zend_object *obj)
{
	cio_region *r = cio_region_from_obj(obj);

	if (r->track_base) {
		zend_string_release(r->track_base);
	}
	if (r->api_base) {
		zend_string_release(r->api_base);
	}
	zend_object_std_dtor(obj);
}

static zend_object *cio_region_clone(zend_object *old)
{
	cio_region *from = cio_region_from_obj(old);
	cio_region *to = cio_region_from_obj(cio_region_create(old->ce));

	zend_objects_clone_members(&to->std, old);
	to->track_base = from->track_base ? zend_string_copy(from->track_base) : NULL;
	to->api_base = from->api_base ? zend_string_copy(from->api_base) : NULL;
	return &to->std;
}

static bool cio_region_is_eu(zend_object *obj)
{
	return instanceof_function(obj->ce, cio_ce_region_eu);
}

zend_result cio_region_make(zval *out, zend_string *name, zend_string *track_base, zend_string *api_base)
{
	zend_class_entry *ce;

	if (zend_string_equals_literal(name, "us")) {
		ce = cio_ce_region_us;
	} else if (zend_string_equals_literal(name, "eu")) {
		ce = cio_ce_region_eu;
	} else {
		zend_throw_exception_ex(cio_ce_invalid_region, 0, "Unknown region: %s", ZSTR_VAL(name));
		return FAILURE;
	}
	object_init_ex(out, ce);
	cio_region *r = cio_region_from_obj(Z_OBJ_P(out));
	r->track_base = track_base ? zend_string_copy(track_base) : NULL;
	r->api_base = api_base ? zend_string_copy(api_base) : NULL;
	return SUCCESS;
}

const char *cio_region_track_base(zend_object *obj, size_t *len)
{
	cio_region *r = cio_region_from_obj(obj);

	if (r->track_base) {
		*len = ZSTR_LEN(r->track_base);
		return ZSTR_VAL(r->track_base);
	}
	if (cio_region_is_eu(obj)) {
		*len = sizeof("https://track-eu.customer.io") - 1;
		return "https://track-eu.customer.io";
	}
	*len = sizeof("https://track.customer.io") - 1;
	return "https://track.customer.io";
}

zend_string *cio_region_track_uri(zend_object *obj, const char *version, size_t version_len)
{
	size_t base_len;
	const char *base = cio_region_track_base(obj, &base_len);

	return zend_strpprintf(0, "%.*s/api/%.*s/", (int)base_len, base, (int)version_len, version);
}

zend_string *cio_region_api_uri(zend_object *obj)
{
	cio_region *r = cio_region_from_obj(obj);

	if (r->api_base) {
		return zend_string_concat2(ZSTR_VAL(r->api_base), ZSTR_LEN(r->api_base), "/v1/", 4);
	}
	return cio_region_is_eu(obj) ? zend_string_init_fast("https://api-eu.customer.io/v1/", sizeof("https://api-eu.customer.io/v1/") - 1)
		: zend_string_init_fast("https://api.customer.io/v1/", sizeof("https://api.customer.io/v1/") - 1);
}

/* The 'auto' answers live in the module globals (per process, per thread in ZTS), so a worker asks once per
 * site id and Track host, not once per request; a full table forgets its oldest entry. */
int cio_region_cached(const char *key, size_t len)
{
	for (size_t i = 0; i < sizeof(CIO_G(region_cache)) / sizeof(CIO_G(region_cache)[0]); i++) {
		if (CIO_G(region_cache)[i].key && CIO_G(region_cache)[i].key_len == len
			&& memcmp(CIO_G(region_cache)[i].key, key, len) == 0) {
			return CIO_G(region_cache)[i].eu;
		}
	}
	return -1;
}

void cio_region_remember(const char *key, size_t len, bool eu)
{
	uint32_t n = sizeof(CIO_G(region_cache)) / sizeof(CIO_G(region_cache)[0]);
	uint32_t slot = CIO_G(region_cache_next)++ % n;
	char *copy = malloc(len ? len : 1);

	if (!copy) {
		return; /* not cached: the next client asks again */
	}
	memcpy(copy, key, len);
	free(CIO_G(region_cache)[slot].key);
	CIO_G(region_cache)[slot].key = copy;
	CIO_G(region_cache)[slot].key_len = len;
	CIO_G(region_cache)[slot].eu = eu;
}

void cio_region_cache_free(zend_customerio_globals *g)
{
	for (size_t i = 0; i < sizeof(g->region_cache) / sizeof(g->region_cache[0]); i++) {
		free(g->region_cache[i].key);
		g->region_cache[i].key = NULL;
	}
}

/* 'region' => 'auto', on a client made for the US region: the region Customer.io names for this site id (one
 * request per process, per site id and Track host). When the lookup fails (network down, an answer without
 * 'us' or 'eu') the client stays US, as without the option (Customer.io redirects EU traffic), with a warning
 * and nothing cached, so the next client asks again rather than keep a guess. */
zend_result cio_region_auto(cio_client *c)
{
	smart_str key = {0};
	zval answer, *name;
	int eu;

	smart_str_append(&key, c->site_id);
	smart_str_appendc(&key, '\n');
	if (c->cfg.track_base) {
		smart_str_append(&key, c->cfg.track_base);
	}
	smart_str_0(&key);
	if ((eu = cio_region_cached(ZSTR_VAL(key.s), ZSTR_LEN(key.s))) < 0) {
		bool assoc = c->assoc;
		c->assoc = true;
		ZVAL_UNDEF(&answer);
		cio_client_account_region(c, &answer);
		c->assoc = assoc;
		if (EG(exception)) {
			zend_object *ex = EG(exception);
			zval rv, *message;
			GC_ADDREF(ex);
			zend_clear_exception();
			message = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
			php_error_docref(NULL, E_WARNING, "region => auto: the account region lookup failed (%s); this client "
				"uses the US region", Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "no message");
			OBJ_RELEASE(ex);
		} else if (Z_TYPE(answer) == IS_ARRAY && (name = zend_hash_str_find_deref(Z_ARRVAL(answer), "region", 6))
				&& Z_TYPE_P(name) == IS_STRING && (zend_string_equals_literal(Z_STR_P(name), "eu")
					|| zend_string_equals_literal(Z_STR_P(name), "us"))) {
			eu = zend_string_equals_literal(Z_STR_P(name), "eu");
			cio_region_remember(ZSTR_VAL(key.s), ZSTR_LEN(key.s), eu);
		} else {
			php_error_docref(NULL, E_WARNING, "region => auto: Customer.io's answer names no region 'us' or 'eu'; "
				"this client uses the US region");
		}
		zval_ptr_dtor(&answer);
	}
	smart_str_free(&key);
	if (EG(exception)) { /* an error handler turned the warning into an exception */
		return FAILURE;
	}
	if (eu == 1) {
		zval region;
		zend_string *name_eu = zend_string_init("eu", 2, 0);
		zend_result made = cio_region_make(&region, name_eu, c->cfg.track_base, c->cfg.api_base);
		zend_string_release(name_eu);
		if (made == FAILURE) {
			return FAILURE;
		}
		zval_ptr_dtor(&c->region);
		ZVAL_COPY_VALUE(&c->region, &region);
	}
	return SUCCESS;
}

PHP_METHOD(Customerio_Region, factory)
{
	zend_string *name = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	if (name) {
		cio_region_make(return_value, name, NULL, NULL);
	} else {
		object_init_ex(return_value, cio_ce_region_us);
	}
}

PHP_METHOD(Customerio_Region_RegionUs, trackUri)
{
	zend_string *version = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(version)
	ZEND_PARSE_PARAMETERS_END();

	RETURN_NEW_STR(version ? cio_region_track_uri(Z_OBJ_P(ZEND_THIS), ZSTR_VAL(version), ZSTR_LEN(version))
		: cio_region_track_uri(Z_OBJ_P(ZEND_THIS), "v1", 2));
}

PHP_METHOD(Customerio_Region_RegionUs, apiUri)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_NEW_STR(cio_region_api_uri(Z_OBJ_P(ZEND_THIS)));
}

void cio_region_minit(void)
{
	cio_ce_region = register_class_Customerio_Region();
	cio_ce_region_interface = register_class_Customerio_Region_RegionInterface();
	cio_ce_region_us = register_class_Customerio_Region_RegionUs(cio_ce_region_interface);
	cio_ce_region_eu = register_class_Customerio_Region_RegionEu(cio_ce_region_interface);
	cio_ce_invalid_region = register_class_Customerio_Region_InvalidRegionException(spl_ce_InvalidArgumentException);

	cio_ce_region_us->create_object = cio_region_create;
	cio_ce_region_eu->create_object = cio_region_create;
	memcpy(&cio_region_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	cio_region_handlers.offset = XtOffsetOf(cio_region, std);
	cio_region_handlers.free_obj = cio_region_free;
	cio_region_handlers.clone_obj = cio_region_clone;
}
