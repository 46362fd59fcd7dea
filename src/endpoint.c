/* Customerio\Endpoint\*: every endpoint method is a row of data (HTTP method, API, path template, body shape,
 * required keys with the SDK's exact messages) served by one dispatcher, which sends through
 * $this->client->get/post/put/delete() called through the engine, so a PHPUnit mock or an override wins. */
#include "customerio_private.h"
#include "zend_exceptions.h"
#include "ext/standard/php_array.h"
#include "ext/standard/php_string.h"
#include "ext/standard/base64.h"
#include "stubs/endpoint_arginfo.h"

zend_class_entry *cio_ce_endpoint_base, *cio_ce_endpoint_track;
static zend_class_entry *cio_ce_endpoint_customers, *cio_ce_endpoint_devices;

typedef enum {
	CIO_API_TRACK_V1, /* the client's default base for post/put/delete */
	CIO_API_TRACK_V2, /* 'endpoint' => $client->getRegion()->trackUri('v2') */
	CIO_API_APP,      /* 'endpoint' => $client->getRegion()->apiUri(); get() always goes there */
	CIO_API_TRACK_ROOT /* 'endpoint' => the Track host itself: trackUri('v2') without its "api/v2/" */
} cio_api;

typedef enum {
	CIO_BODY_OPTIONS, /* the options left after the path took its values */
	CIO_BODY_EMPTY,   /* [] */
	CIO_BODY_SEGMENT, /* ['segment' => options] */
	CIO_BODY_DATA,    /* options['data'] */
	CIO_BODY_PAGE,    /* ['type' => 'page'] + options, with 'url' renamed 'name' */
	CIO_BODY_RAW,     /* get() with 'raw' => true: the raw body string comes back */
	CIO_BODY_EMAIL    /* the options, with 'attach' (raw bytes) base64-encoded into 'attachments' */
} cio_body;

typedef struct {
	const char *any_of;   /* '|'-separated keys, dotted for nesting: one must be isset() */
	const char *message;  /* the SDK's exact message otherwise */
	const char *unless;   /* the rule applies only when this key is not set ("key=value": has not that value) */
	bool array;           /* the value must also be an array */
	const char *one_of;   /* '|'-separated: the value must be one of these strings (a set Customer.io closes) */
} cio_rule;

typedef struct {
	const char *http;
	cio_api api;
	/* Template: {key} takes $options[key] (percent-encoded, removed from the options), {=key} keeps it,
	 * {who} is the person: cio_<cio_id>, else id, else email; [...] is left out unless its key is set. */
	const char *path;
	cio_body body;
	cio_rule rules[5];
	const char *fail_method; /* the method validation exceptions name, where the SDK names another */
	enum { CIO_SDK_ONLY, CIO_TRACK_ENTITY, CIO_TRACK_BATCH } track; /* Track v2 work for a plain client */
} cio_route;

#define WHO_ANY "cio_id|id|email"
#define ID_OR_EMAIL "id|email"

/* ---- the routes: one row per SDK method ---- */

#define ROUTE(name, ...) static const cio_route name = {__VA_ARGS__};

ROUTE(track_entity, "POST", CIO_API_TRACK_V2, "entity", CIO_BODY_OPTIONS, {
	{"type", "Operation type is required!"},
	{"action", "An event action is required!"},
	/* Customer.io's person merge names primary and secondary, never identifiers: not refused (a superset) */
	{"identifiers", "Object identifiers is required!", "action=merge"}}, NULL, CIO_TRACK_ENTITY)
ROUTE(track_batch, "POST", CIO_API_TRACK_V2, "batch", CIO_BODY_OPTIONS, {
	{"batch", "Batch paremeter is required!"}}, NULL, CIO_TRACK_BATCH) /* sic */

ROUTE(customers_event, "POST", CIO_API_TRACK_V1, "customers/{who}/events", CIO_BODY_OPTIONS, {
	{WHO_ANY, "User id, email or cio_id is required!"}})
ROUTE(customers_add, "PUT", CIO_API_TRACK_V1, "customers/{who}", CIO_BODY_OPTIONS, {
	{WHO_ANY, "User id or email is required!"}})
ROUTE(customers_delete, "DELETE", CIO_API_TRACK_V1, "customers/{who}", CIO_BODY_EMPTY, {
	{WHO_ANY, "User id or email is required!"}})
ROUTE(customers_get, "GET", CIO_API_APP, "customers", CIO_BODY_OPTIONS, {
	{"email", "Email is required!"}})
ROUTE(customers_search, "POST", CIO_API_APP, "customers", CIO_BODY_OPTIONS, {
	{"filter", "Filter is required!"}})
ROUTE(customers_attributes, "GET", CIO_API_APP, "customers/{who}/attributes", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}})
ROUTE(customers_segments, "GET", CIO_API_APP, "customers/{who}/segments", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}})
ROUTE(customers_messages, "GET", CIO_API_APP, "customers/{who}/messages", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}})
ROUTE(customers_activities, "GET", CIO_API_APP, "customers/{who}/activities", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}})
ROUTE(customers_suppress, "POST", CIO_API_TRACK_V1, "customers/{who}/suppress", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}}, "GET")
ROUTE(customers_unsuppress, "POST", CIO_API_TRACK_V1, "customers/{who}/unsuppress", CIO_BODY_OPTIONS, {
	{ID_OR_EMAIL, "User id or email is required!"}}, "GET")
ROUTE(customers_merge, "POST", CIO_API_TRACK_V1, "merge_customers", CIO_BODY_OPTIONS, {
	{"primary.id|primary.email|primary.cio_id", "Primary user id, email or cio_id is required!"},
	{"secondary.id|secondary.email|secondary.cio_id", "Secondary user id, email or cio_id is required!"}})

ROUTE(devices_add, "PUT", CIO_API_TRACK_V1, "customers/{=id}/devices", CIO_BODY_OPTIONS, {
	{"id", "User id is required!"},
	{"device.id", "Device id is required!"},
	{"device.platform", "Device platform is required!"}})
ROUTE(devices_delete, "DELETE", CIO_API_TRACK_V1, "customers/{id}/devices/{device_id}", CIO_BODY_EMPTY, {
	{"id", "User id is required!"},
	{"device_id", "Device id is required!"}})

ROUTE(events_anonymous, "POST", CIO_API_TRACK_V1, "events", CIO_BODY_OPTIONS, {
	{"name", "Name is required!"}})

/* Push metrics (customerio-node trackPush, customerio-ruby track_push_notification_event). Customer.io's Track
 * API reference and Ruby put it at /push/events on the Track host; Node's /api/v1/push/events is not in the
 * reference, so the reference wins. Its event set is closed (opened, converted, delivered). The reference marks
 * no field required; delivery_id and device_id are what associates the metric (Ruby requires them too), while
 * timestamp, which Ruby also requires, is left optional as the reference has it. */
ROUTE(events_push, "POST", CIO_API_TRACK_ROOT, "push/events", CIO_BODY_OPTIONS, {
	{"delivery_id", "Delivery id is required!"},
	{"device_id", "Device id is required!"},
	{"event", "Push event is required!"},
	{"event", "Push event must be one of opened, converted, delivered!", NULL, false, "opened|converted|delivered"}})
/* Delivery metrics (customerio-ruby track_delivery_metric): delivery_id and metric required, metric from the
 * reference's closed set. */
#define METRICS "bounced|clicked|converted|deferred|delivered|dropped|opened|spammed"
ROUTE(events_metric, "POST", CIO_API_TRACK_V1, "metrics", CIO_BODY_OPTIONS, {
	{"delivery_id", "Delivery id is required!"},
	{"metric", "Metric is required!"},
	{"metric", "Metric must be one of bounced, clicked, converted, deferred, delivered, dropped, opened, spammed!",
		NULL, false, METRICS}})

ROUTE(page_view, "POST", CIO_API_TRACK_V1, "customers/{id}/events", CIO_BODY_PAGE, {
	{"id", "User id is required!"},
	{"url", "URL is required!"}})

#define SEGMENT_ID {"id", "Segments id is required!"}
#define CUSTOMER_IDS {"ids", "Customer ids are required!", NULL, true}
ROUTE(segments_create, "POST", CIO_API_APP, "segments", CIO_BODY_SEGMENT, {{"name", "Segments name is required!"}})
ROUTE(segments_search, "GET", CIO_API_APP, "segments", CIO_BODY_OPTIONS, {{0}})
ROUTE(segments_get, "GET", CIO_API_APP, "segments/{id}", CIO_BODY_OPTIONS, {SEGMENT_ID})
ROUTE(segments_used_by, "GET", CIO_API_APP, "segments/{id}/used_by", CIO_BODY_OPTIONS, {SEGMENT_ID})
ROUTE(segments_customer_count, "GET", CIO_API_APP, "segments/{id}/customer_count", CIO_BODY_OPTIONS, {SEGMENT_ID})
ROUTE(segments_membership, "GET", CIO_API_APP, "segments/{id}/membership", CIO_BODY_OPTIONS, {SEGMENT_ID})
ROUTE(segments_delete, "DELETE", CIO_API_APP, "segments/{id}", CIO_BODY_OPTIONS, {SEGMENT_ID})
ROUTE(segments_add_customers, "POST", CIO_API_TRACK_V1, "segments/{id}/add_customers", CIO_BODY_OPTIONS,
	{SEGMENT_ID, CUSTOMER_IDS})
ROUTE(segments_remove_customers, "POST", CIO_API_TRACK_V1, "segments/{id}/remove_customers", CIO_BODY_OPTIONS,
	{SEGMENT_ID, CUSTOMER_IDS})

#define UNLESS_TEMPLATE "transactional_message_id"
ROUTE(send_email, "POST", CIO_API_APP, "send/email", CIO_BODY_EMAIL, {
	{"body", "Email body is required if transactional_message_id is missing!", UNLESS_TEMPLATE},
	{"subject", "Email subject is required if transactional_message_id is missing!", UNLESS_TEMPLATE},
	{"from", "Email from is required if transactional_message_id is missing!", UNLESS_TEMPLATE},
	{"identifiers", "Email identifiers is required!"},
	{"to", "Email to is required!"}})
ROUTE(send_sms, "POST", CIO_API_APP, "send/sms", CIO_BODY_OPTIONS, {
	{"transactional_message_id", "SMS transactional_message_id is required!"},
	{"identifiers", "SMS identifiers is required!"},
	{"to", "SMS to is required!"}})
/* Beyond the SDK: Customer.io's App API reference, customerio-node (lib/api.ts, lib/api/requests.ts),
 * customerio-ruby (requests/send_*_request.rb) and customerio-python (api.py) agree on these paths (WhatsApp:
 * the reference and Ruby only) and on transactional_message_id and identifiers being required; to is optional
 * (the person's profile supplies it). */
#define SEND_ROUTE(name, path, what) ROUTE(name, "POST", CIO_API_APP, path, CIO_BODY_OPTIONS, { \
	{"transactional_message_id", what " transactional_message_id is required!"}, \
	{"identifiers", what " identifiers is required!"}})
SEND_ROUTE(send_push, "send/push", "Push")
SEND_ROUTE(send_inbox_message, "send/inbox_message", "Inbox message")
SEND_ROUTE(send_in_app, "send/in_app", "In-app message")
SEND_ROUTE(send_whatsapp, "send/whatsapp", "WhatsApp")

#define CAMPAIGN_ID {"id", "Campaign id is required!"}
#define ACTION_ID {"action_id", "Action id is required!"}
ROUTE(campaigns_search, "GET", CIO_API_APP, "campaigns", CIO_BODY_OPTIONS, {{0}})
ROUTE(campaigns_get, "GET", CIO_API_APP, "campaigns/{id}", CIO_BODY_OPTIONS, {CAMPAIGN_ID})
ROUTE(campaigns_metrics, "GET", CIO_API_APP, "campaigns/{id}/[triggers/{trigger_id}/]metrics", CIO_BODY_OPTIONS,
	{CAMPAIGN_ID})
ROUTE(campaigns_triggers, "GET", CIO_API_APP, "campaigns/{id}/triggers", CIO_BODY_OPTIONS, {CAMPAIGN_ID})
ROUTE(campaigns_trigger, "POST", CIO_API_APP, "campaigns/{id}/triggers", CIO_BODY_OPTIONS, {CAMPAIGN_ID})
ROUTE(campaigns_messages, "GET", CIO_API_APP, "campaigns/{id}/messages", CIO_BODY_OPTIONS, {CAMPAIGN_ID})
ROUTE(campaigns_actions, "GET", CIO_API_APP, "campaigns/{id}/actions", CIO_BODY_OPTIONS, {CAMPAIGN_ID})
ROUTE(campaigns_get_action, "GET", CIO_API_APP, "campaigns/{id}/actions/{action_id}", CIO_BODY_OPTIONS,
	{CAMPAIGN_ID, ACTION_ID})
ROUTE(campaigns_get_action_metrics, "GET", CIO_API_APP, "campaigns/{id}/actions/{action_id}/metrics",
	CIO_BODY_OPTIONS, {CAMPAIGN_ID, ACTION_ID})

#define COLLECTION_ID {"collection_id", "Collection collection_id is required!"}
ROUTE(collections_search, "GET", CIO_API_APP, "collections", CIO_BODY_OPTIONS, {{0}})
ROUTE(collections_get, "GET", CIO_API_APP, "collections/{id}", CIO_BODY_OPTIONS, {{"id", "Collection id is required!"}})
ROUTE(collections_create, "POST", CIO_API_APP, "collections", CIO_BODY_OPTIONS, {
	{"name", "Collection name is required!"},
	{"data|url", "Collection data or url is required!"}})
ROUTE(collections_delete, "DELETE", CIO_API_APP, "collections/{collection_id}", CIO_BODY_OPTIONS, {COLLECTION_ID},
	"POST")
ROUTE(collections_update, "PUT", CIO_API_APP, "collections/{collection_id}", CIO_BODY_OPTIONS, {COLLECTION_ID}, "POST")
ROUTE(collections_content, "GET", CIO_API_APP, "collections/{collection_id}/content", CIO_BODY_RAW, {COLLECTION_ID},
	"POST")
ROUTE(collections_update_content, "PUT", CIO_API_APP, "collections/{collection_id}/content", CIO_BODY_DATA, {
	COLLECTION_ID,
	{"data", "Collection data is required!"}}, "POST")

#define EXPORT_ID {"id", "Exports id is required!"}
ROUTE(exports_search, "GET", CIO_API_APP, "exports", CIO_BODY_OPTIONS, {{0}})
ROUTE(exports_get, "GET", CIO_API_APP, "exports/{id}", CIO_BODY_OPTIONS, {EXPORT_ID})
ROUTE(exports_download, "GET", CIO_API_APP, "exports/{id}/download", CIO_BODY_OPTIONS, {EXPORT_ID})

#define TEMPLATE_ID {"id", "Message Template id is required!"}
ROUTE(templates_get, "GET", CIO_API_APP, "msg_templates/{id}", CIO_BODY_OPTIONS, {TEMPLATE_ID})
ROUTE(templates_metrics, "GET", CIO_API_APP, "msg_templates/{id}/metrics", CIO_BODY_OPTIONS, {TEMPLATE_ID})

ROUTE(messages_search, "GET", CIO_API_APP, "messages", CIO_BODY_OPTIONS, {{0}})
ROUTE(messages_get, "GET", CIO_API_APP, "messages/{id}", CIO_BODY_OPTIONS, {{"id", "Message id is required!"}})

#define NEWSLETTER_ID {"id", "Newsletter id is required!"}
ROUTE(newsletters_search, "GET", CIO_API_APP, "newsletters", CIO_BODY_OPTIONS, {{0}})
ROUTE(newsletters_get, "GET", CIO_API_APP, "newsletters/{id}", CIO_BODY_OPTIONS, {NEWSLETTER_ID})
ROUTE(newsletters_metrics, "GET", CIO_API_APP, "newsletters/{id}/metrics", CIO_BODY_OPTIONS, {NEWSLETTER_ID})
ROUTE(newsletters_messages, "GET", CIO_API_APP, "newsletters/{id}/messages", CIO_BODY_OPTIONS, {NEWSLETTER_ID})

ROUTE(activities_search, "GET", CIO_API_APP, "activities", CIO_BODY_OPTIONS, {{0}})

#define SENDER_ID {"id", "The unique id of the sender identity is required!"}
ROUTE(senders_search, "GET", CIO_API_APP, "sender_identities", CIO_BODY_OPTIONS, {{0}})
ROUTE(senders_get, "GET", CIO_API_APP, "sender_identities/{id}", CIO_BODY_OPTIONS, {SENDER_ID})
ROUTE(senders_used_by, "GET", CIO_API_APP, "sender_identities/{id}/used_by", CIO_BODY_OPTIONS, {SENDER_ID})

/* ---- the dispatcher ---- */

zend_result cio_call_method(zval *object, const char *name, zval *retval, uint32_t argc, zval *argv)
{
	zend_string *method = zend_string_init(name, strlen(name), 0);
	/* held for the call: the caller's zval may be a property the method itself overwrites */
	zend_object *obj = Z_OBJ_P(object);
	GC_ADDREF(obj);
	zend_result result = zend_call_method_if_exists(obj, method, retval, argc, argv);

	if (result == FAILURE && !EG(exception)) {
		zend_throw_error(NULL, "Call to undefined method %s::%s()", ZSTR_VAL(obj->ce->name), name);
	}
	OBJ_RELEASE(obj);
	zend_string_release(method);
	if (EG(exception)) {
		zval_ptr_dtor(retval);
		ZVAL_UNDEF(retval);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cio_call_function(const char *name, zval *retval, uint32_t argc, zval *argv)
{
	zval function;
	zend_result result;

	ZVAL_STRING(&function, name);
	result = call_user_function(NULL, NULL, &function, retval, argc, argv);
	zval_ptr_dtor(&function);
	if (result == FAILURE || EG(exception)) {
		if (result == SUCCESS) {
			zval_ptr_dtor(retval);
		}
		ZVAL_UNDEF(retval);
		return FAILURE;
	}
	return SUCCESS;
}

/* $ht[$key] with numeric-string keys as integers, like PHP's array access, references followed */
static zval *cio_find(HashTable *ht, const char *key, size_t len)
{
	zval *value = zend_symtable_str_find(ht, key, len);

	if (value) {
		ZVAL_DEREF(value);
	}
	return value;
}

/* isset($options[a][b]...) for the dotted key [key, key + len) */
static zval *cio_isset(HashTable *options, const char *key, size_t len)
{
	zval *value = NULL;

	while (options) {
		const char *dot = memchr(key, '.', len);
		size_t part = dot ? (size_t)(dot - key) : len;
		value = cio_find(options, key, part);
		if (!value || !dot) {
			break;
		}
		options = Z_TYPE_P(value) == IS_ARRAY ? Z_ARRVAL_P(value) : NULL;
		value = NULL;
		key = dot + 1;
		len -= part + 1;
	}
	return value && Z_TYPE_P(value) != IS_NULL ? value : NULL;
}

static zval *cio_isset_any(HashTable *options, const char *any_of)
{
	for (const char *p = any_of; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		zval *value = cio_isset(options, p, len);
		if (value) {
			return value;
		}
		p += len + (bar ? 1 : 0);
	}
	return NULL;
}

/* value is a string equal to one of the '|'-separated names */
static bool cio_is_one_of(zval *value, const char *names)
{
	if (Z_TYPE_P(value) != IS_STRING) {
		return false;
	}
	for (const char *p = names; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (Z_STRLEN_P(value) == len && memcmp(Z_STRVAL_P(value), p, len) == 0) {
			return true;
		}
		p += len + (bar ? 1 : 0);
	}
	return false;
}

/* the rule's "unless": key is set, or with "key=value" the key is that string */
static bool cio_unless(HashTable *options, const char *unless)
{
	const char *eq = strchr(unless, '=');
	zval *value = cio_isset(options, unless, eq ? (size_t)(eq - unless) : strlen(unless));

	if (!eq || !value) {
		return value != NULL;
	}
	return Z_TYPE_P(value) == IS_STRING && zend_string_equals_cstr(Z_STR_P(value), eq + 1, strlen(eq + 1));
}

/* The rules of the routes every page calls (Track v2's entity and batch, and queue()), compiled in MINIT: each key
 * an interned string, so validating one operation hashes nothing (it was about 1% of an entity() call).
 * A rule's keys: up to CIO_KEYS_ANY alternatives, each a dotted path of up to CIO_KEYS_DEPTH parts. */
#define CIO_KEYS_ANY 3
#define CIO_KEYS_DEPTH 2
typedef struct {
	zend_string *any[CIO_KEYS_ANY][CIO_KEYS_DEPTH + 1]; /* NULL-terminated paths; any[i][0] NULL: no more */
	zend_string *unless[CIO_KEYS_DEPTH + 1];
	zend_string *unless_value;                           /* "key=value": that value */
} cio_compiled_rule;

typedef struct {
	const cio_route *route;
	cio_compiled_rule rules[sizeof(((cio_route *)NULL)->rules) / sizeof(cio_rule)];
	bool ok;                                             /* every rule compiled */
} cio_compiled_route;

static cio_compiled_route cio_compiled_routes[2];

/* [key, key + len) split at dots into interned parts; false when it has too many, or a part PHP's array access
 * would take as an integer (the string path handles those) */
static bool cio_compile_path(const char *key, size_t len, zend_string **path)
{
	int depth = 0;
	zend_ulong index;

	while (len) {
		const char *dot = memchr(key, '.', len);
		size_t part = dot ? (size_t)(dot - key) : len;
		if (depth == CIO_KEYS_DEPTH || ZEND_HANDLE_NUMERIC_STR(key, part, index)) {
			return false;
		}
		path[depth++] = zend_string_init_interned(key, part, 1);
		key += part + (dot ? 1 : 0);
		len -= part + (dot ? 1 : 0);
	}
	path[depth] = NULL;
	return depth > 0;
}

static void cio_compile_route(cio_compiled_route *c, const cio_route *route)
{
	c->route = route;
	c->ok = true;
	for (int i = 0; route->rules[i].any_of && c->ok; i++) {
		const cio_rule *r = &route->rules[i];
		cio_compiled_rule *cr = &c->rules[i];
		int n = 0;
		for (const char *p = r->any_of; *p && c->ok; n++) {
			const char *bar = strchr(p, '|');
			size_t len = bar ? (size_t)(bar - p) : strlen(p);
			c->ok = n < CIO_KEYS_ANY && cio_compile_path(p, len, cr->any[n]);
			p += len + (bar ? 1 : 0);
		}
		if (r->unless && c->ok) {
			const char *eq = strchr(r->unless, '=');
			c->ok = cio_compile_path(r->unless, eq ? (size_t)(eq - r->unless) : strlen(r->unless), cr->unless);
			cr->unless_value = eq ? zend_string_init_interned(eq + 1, strlen(eq + 1), 1) : NULL;
		}
	}
}

/* isset() of a compiled path */
static zval *cio_isset_path(HashTable *options, zend_string *const *path)
{
	zval *value = NULL;

	for (; *path; path++) {
		if (!options || !(value = zend_hash_find_known_hash(options, *path))) {
			return NULL;
		}
		ZVAL_DEREF(value);
		options = Z_TYPE_P(value) == IS_ARRAY ? Z_ARRVAL_P(value) : NULL;
	}
	return value && Z_TYPE_P(value) != IS_NULL ? value : NULL;
}

/* The value rule r checks (NULL: none is set), and in *skip whether its "unless" holds; cr: its compiled keys,
 * or NULL */
static zval *cio_rule_value(const cio_rule *r, const cio_compiled_rule *cr, HashTable *options, bool *skip)
{
	if (!cr) {
		*skip = r->unless && cio_unless(options, r->unless);
		return *skip ? NULL : cio_isset_any(options, r->any_of);
	}
	if (r->unless) {
		zval *v = cio_isset_path(options, cr->unless);
		*skip = v && (!cr->unless_value
			|| (Z_TYPE_P(v) == IS_STRING && zend_string_equals(Z_STR_P(v), cr->unless_value)));
		if (*skip) {
			return NULL;
		}
	}
	*skip = false;
	for (int n = 0; n < CIO_KEYS_ANY && cr->any[n][0]; n++) {
		zval *v = cio_isset_path(options, cr->any[n]);
		if (v) {
			return v;
		}
	}
	return NULL;
}

static bool cio_validate(const cio_route *route, HashTable *options)
{
	const cio_compiled_route *c = NULL;

	for (size_t k = 0; k < sizeof(cio_compiled_routes) / sizeof(cio_compiled_routes[0]); k++) {
		if (cio_compiled_routes[k].route == route && cio_compiled_routes[k].ok) {
			c = &cio_compiled_routes[k];
		}
	}
	for (int i = 0; route->rules[i].any_of; i++) {
		const cio_rule *r = &route->rules[i];
		bool skip;
		zval *value = cio_rule_value(r, c ? &c->rules[i] : NULL, options, &skip);
		if (skip) {
			continue;
		}
		if (!value || (r->array && Z_TYPE_P(value) != IS_ARRAY) || (r->one_of && !cio_is_one_of(value, r->one_of))) {
			cio_throw_validation(route->fail_method ? route->fail_method : route->http, r->message);
			return false;
		}
	}
	return true;
}

/* RFC 3986 pchar without '%': unreserved, sub-delims, ':' and '@'. Explicit ASCII ranges, not isalnum():
 * setlocale() must not change a URL. */
static bool cio_is_pchar(unsigned char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
		|| (ch && strchr("-._~!$&'()*+,;=:@", ch));
}

static bool cio_is_hex(unsigned char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'F') || (ch >= 'a' && ch <= 'f');
}

void cio_url_append(smart_str *url, const char *s, size_t len, bool segment)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		/* a whole path (Guzzle's rule): '/' and '?' stay, and so does an existing %XX escape */
		bool raw = cio_is_pchar(ch) || (!segment && (ch == '/' || ch == '?'
			|| (ch == '%' && i + 2 < len && cio_is_hex(s[i + 1]) && cio_is_hex(s[i + 2]))));
		if (raw) {
			smart_str_appendc(url, ch);
		} else {
			smart_str_appendc(url, '%');
			smart_str_appendc(url, hex[ch >> 4]);
			smart_str_appendc(url, hex[ch & 15]);
		}
	}
}

/* Appends $options[key] to the path as one path segment, encoded by cio_url_append(): an id the SDK sent right
 * goes out byte for byte as it did, one with '/', '?', '#' or '%' stays one segment. */
static bool cio_append_segment(smart_str *path, HashTable *options, const char *key, size_t len, bool keep,
	const char *prefix)
{
	zval *value = cio_find(options, key, len);

	if (!value || (Z_TYPE_P(value) != IS_STRING && Z_TYPE_P(value) != IS_LONG)) {
		zend_type_error("%s::%s(): option \"%.*s\" must be of type string|int, %s given",
			get_active_class_name(NULL), get_active_function_name(), (int)len, key,
			value ? zend_zval_type_name(value) : "null");
		return false;
	}
	zend_string *raw = zval_get_string(value);
	if (!ZSTR_LEN(raw)) {
		cio_throw_invalid_argument("%s::%s(): option \"%.*s\" must not be empty", get_active_class_name(NULL),
			get_active_function_name(), (int)len, key);
		zend_string_release(raw);
		return false;
	}
	smart_str_appends(path, prefix);
	cio_url_append(path, ZSTR_VAL(raw), ZSTR_LEN(raw), true);
	zend_string_release(raw);
	if (!keep) {
		zend_symtable_str_del(options, key, len);
	}
	return true;
}

/* Expands the route's path template against the options (which lose the values the path takes). */
static zend_string *cio_expand_path(const char *template, HashTable *options)
{
	smart_str path = {0};

	for (const char *p = template; *p; p++) {
		if (*p == '[') {
			/* optional group: kept only when the key of its placeholder is set */
			const char *open = strchr(p, '{'), *close = strchr(p, '}'), *end = strchr(p, ']');
			if (!cio_isset(options, open + 1, close - open - 1)) {
				p = end;
			}
		} else if (*p == ']') {
			continue;
		} else if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *key = p + 1;
			size_t len = close - key;
			bool ok;
			if (len == 3 && memcmp(key, "who", 3) == 0) {
				const char *which = cio_isset(options, "cio_id", 6) ? "cio_id" : cio_isset(options, "id", 2) ? "id" : "email";
				ok = cio_append_segment(&path, options, which, strlen(which), false, which[0] == 'c' ? "cio_" : "");
			} else {
				bool keep = *key == '=';
				ok = cio_append_segment(&path, options, key + keep, len - keep, keep, "");
			}
			if (!ok) {
				smart_str_free(&path);
				return NULL;
			}
			p = close;
		} else {
			smart_str_appendc(&path, *p);
		}
	}
	smart_str_0(&path);
	return path.s;
}

/* Customer.io's App API reference (send/email): "The total size of all attachments must be less than 2 MB",
 * the attachments being the base64 values it receives; checked on those. 2 MB read as 2 MiB, the lenient
 * reading: a message Customer.io might take is never refused here. */
#define CIO_ATTACHMENTS_LIMIT (2 * 1024 * 1024)

/* send->email()'s 'attach' => [name => raw bytes]: base64 (the engine's encoder) into 'attachments', next to the
 * names the caller encoded there already (a pass-through, as in the SDK); a name given twice is refused, as
 * the official SDKs' attach() do. Then the total size against Customer.io's limit. */
static bool cio_email_attachments(HashTable *options)
{
	zval *attach = cio_find(options, "attach", 6), *existing = cio_find(options, "attachments", 11), *value, merged;
	zend_string *name;
	size_t total = 0;

	if (!attach && (!existing || Z_TYPE_P(existing) != IS_ARRAY)) {
		return true;
	}
	if (attach && Z_TYPE_P(attach) != IS_ARRAY) {
		zend_type_error("Customerio\\Endpoint\\Send::email(): option \"attach\" must be of type array "
			"(file name => contents), %s given", zend_zval_type_name(attach));
		return false;
	}
	if (existing && Z_TYPE_P(existing) != IS_ARRAY && Z_TYPE_P(existing) != IS_NULL) {
		zend_type_error("Customerio\\Endpoint\\Send::email(): option \"attachments\" must be of type array "
			"(file name => base64 contents), %s given", zend_zval_type_name(existing));
		return false;
	}
	if (existing && Z_TYPE_P(existing) == IS_ARRAY) {
		ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(existing)));
	} else {
		array_init(&merged);
	}
	if (attach) {
		zend_ulong index;
		ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(attach), index, name, value) {
			ZVAL_DEREF(value);
			if (Z_TYPE_P(value) != IS_STRING) {
				zend_type_error("Customerio\\Endpoint\\Send::email(): option \"attach\" must map file names to "
					"strings (the raw contents), %s given", zend_zval_type_name(value));
				zval_ptr_dtor(&merged);
				return false;
			}
			zval encoded;
			ZVAL_STR(&encoded, php_base64_encode((const unsigned char *)Z_STRVAL_P(value), Z_STRLEN_P(value)));
			/* a name like "2024" is an integer key in PHP: kept as one */
			if (!(name ? zend_hash_add(Z_ARRVAL(merged), name, &encoded)
					: zend_hash_index_add(Z_ARRVAL(merged), index, &encoded))) {
				zval_ptr_dtor(&encoded);
				if (name) {
					cio_throw_invalid_argument("Attachment %s already exists!",
						ZSTR_LEN(name) > 200 ? "(long name)" : ZSTR_VAL(name));
				} else {
					cio_throw_invalid_argument("Attachment " ZEND_ULONG_FMT " already exists!", index);
				}
				zval_ptr_dtor(&merged);
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(merged), value) {
		ZVAL_DEREF(value);
		if (Z_TYPE_P(value) == IS_STRING) {
			total += Z_STRLEN_P(value);
		}
	} ZEND_HASH_FOREACH_END();
	if (total >= CIO_ATTACHMENTS_LIMIT) {
		cio_throw_payload_error("Email attachments are %zu bytes base64-encoded; Customer.io accepts less than 2 MB "
			"(%d bytes) in total", total, CIO_ATTACHMENTS_LIMIT);
		zval_ptr_dtor(&merged);
		return false;
	}
	zend_hash_str_del(options, "attach", 6);
	zend_hash_str_update(options, "attachments", 11, &merged);
	return true;
}

/* The body (or GET params) the route sends, from the options left after the path. */
static bool cio_make_body(const cio_route *route, zval *options, zval *body)
{
	zval *value;

	switch (route->body) {
		case CIO_BODY_EMPTY:
			array_init(body);
			return true;
		case CIO_BODY_SEGMENT:
			array_init(body);
			Z_ADDREF_P(options);
			add_assoc_zval(body, "segment", options);
			return true;
		case CIO_BODY_DATA:
			value = zend_hash_str_find_deref(Z_ARRVAL_P(options), "data", 4);
			if (Z_TYPE_P(value) != IS_ARRAY) {
				zend_type_error("%s::%s(): option \"data\" must be of type array, %s given",
					get_active_class_name(NULL), get_active_function_name(), zend_zval_type_name(value));
				return false;
			}
			ZVAL_COPY(body, value);
			return true;
		case CIO_BODY_PAGE:
			value = zend_hash_str_find(Z_ARRVAL_P(options), "url", 3);
			Z_TRY_ADDREF_P(value);
			zend_hash_str_update(Z_ARRVAL_P(options), "name", 4, value);
			zend_hash_str_del(Z_ARRVAL_P(options), "url", 3);
			array_init(body);
			add_assoc_string(body, "type", "page");
			php_array_merge(Z_ARRVAL_P(body), Z_ARRVAL_P(options));
			return true;
		case CIO_BODY_EMAIL:
			if (!cio_email_attachments(Z_ARRVAL_P(options))) {
				return false;
			}
			ZVAL_COPY(body, options);
			return true;
		case CIO_BODY_RAW:
			add_assoc_bool(options, "raw", true);
			ZEND_FALLTHROUGH;
		case CIO_BODY_OPTIONS:
			ZVAL_COPY(body, options);
			return true;
	}
	return false;
}

/* The slot of the declared property Base::$client (a subclass that declares it again keeps the slot) */
static uint32_t cio_endpoint_client_offset;

/* $this->client, which must be an object (a Client or a test double of it), as a reference of the caller's:
 * user code run while it is used (jsonSerialize, an injected Guzzle client) may overwrite the property. */
static bool cio_endpoint_client(zval *self, zval *client)
{
	zval rv, *value = OBJ_PROP(Z_OBJ_P(self), cio_endpoint_client_offset);

	ZVAL_UNDEF(&rv);
	/* the slot itself, as the standard handler would read it; else (unset: __get, or other handlers) a read */
	if (Z_TYPE_P(value) == IS_UNDEF || Z_OBJ_HT_P(self)->read_property != zend_std_read_property) {
		value = zend_read_property(cio_ce_endpoint_base, Z_OBJ_P(self), "client", sizeof("client") - 1, 1, &rv);
	}
	ZVAL_DEREF(value);
	ZVAL_UNDEF(client);
	if (Z_TYPE_P(value) == IS_OBJECT) {
		ZVAL_COPY(client, value);
	} else if (!EG(exception)) {
		zend_throw_error(NULL, "%s has no client: construct it with a Customerio\\Client",
			ZSTR_VAL(Z_OBJCE_P(self)->name));
	}
	/* a value a subclass's __get() made is ours to release */
	zval_ptr_dtor(&rv);
	return Z_TYPE_P(client) == IS_OBJECT;
}

zend_result cio_endpoint_base_url(zval *client, bool app, zval *url)
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
	if (!app) {
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

/* A Track v2 operation whose 'cio_relationships' is one object (it has 'identifiers'), as the SDK's README
 * teaches, gets the one-element list Customer.io's spec wants: *out is the new operation, and true returned. */
/* interned in MINIT: their hashes are known, so checking each operation of a batch hashes nothing */
static zend_string *cio_str_relationships, *cio_str_endpoint, *cio_str_query;

static bool cio_wrap_relationships(zval *op, zval *out)
{
	zval *rel, list;

	if (Z_TYPE_P(op) != IS_ARRAY || !(rel = zend_hash_find_known_hash(Z_ARRVAL_P(op), cio_str_relationships))) {
		return false;
	}
	ZVAL_DEREF(rel);
	if (Z_TYPE_P(rel) != IS_ARRAY || !zend_hash_str_exists(Z_ARRVAL_P(rel), "identifiers", 11)) {
		return false;
	}
	array_init_size(&list, 1);
	Z_TRY_ADDREF_P(rel);
	add_next_index_zval(&list, rel);
	ZVAL_ARR(out, zend_array_dup(Z_ARRVAL_P(op)));
	zend_hash_str_update(Z_ARRVAL_P(out), "cio_relationships", 17, &list);
	return true;
}

/* The same for every operation of a batch list: *out is a new list when one changed. */
static bool cio_wrap_batch_relationships(HashTable *ops, zval *out)
{
	zval *op, wrapped;
	zend_string *key;
	zend_ulong index;
	bool changed = false;

	ZEND_HASH_FOREACH_KEY_VAL(ops, index, key, op) {
		ZVAL_DEREF(op);
		if (cio_wrap_relationships(op, &wrapped)) {
			if (!changed) {
				ZVAL_ARR(out, zend_array_dup(ops));
				changed = true;
			}
			if (key) {
				zend_hash_update(Z_ARRVAL_P(out), key, &wrapped);
			} else {
				zend_hash_index_update(Z_ARRVAL_P(out), index, &wrapped);
			}
		}
	} ZEND_HASH_FOREACH_END();
	return changed;
}

/* Sends a validated call through the client (held by the caller). */
static void cio_dispatch_to(const cio_route *route, zval *input_zv, zval *client, zval *return_value)
{
	HashTable *input = Z_ARRVAL_P(input_zv);
	zval options, args[2];
	zend_string *path;

	if (route->track != CIO_SDK_ONLY && cio_client_is_plain(client)) {
		/* the client's own post(): skip the engine call and send pre-encoded, checked, split JSON */
		if (route->track == CIO_TRACK_ENTITY && !zend_hash_find_known_hash(input, cio_str_endpoint)
			&& !zend_hash_find_known_hash(input, cio_str_query)) {
			cio_track_entity(client, input_zv, return_value);
			return;
		}
		if (route->track == CIO_TRACK_BATCH && zend_hash_num_elements(input) == 1) {
			zval *ops = cio_find(input, "batch", 5);
			if (Z_TYPE_P(ops) != IS_ARRAY) {
				zend_type_error("Customerio\\Endpoint\\Track::batch(): option \"batch\" must be of type array "
					"(a list of operations), %s given", zend_zval_type_name(ops));
				RETURN_THROWS();
			}
			cio_track_batch(client, Z_ARRVAL_P(ops), return_value);
			return;
		}
	}
	ZVAL_ARR(&options, zend_array_dup(input));
	if (!(path = cio_expand_path(route->path, Z_ARRVAL(options)))) {
		zval_ptr_dtor(&options);
		RETURN_THROWS();
	}
	ZVAL_STR(&args[0], path);
	if (!cio_make_body(route, &options, &args[1])) {
		zval_ptr_dtor(&args[0]);
		zval_ptr_dtor(&options);
		RETURN_THROWS();
	}
	zval_ptr_dtor(&options);

	if (route->api != CIO_API_TRACK_V1 && route->http[0] != 'G') {
		zval base;
		if (cio_endpoint_base_url(client, route->api == CIO_API_APP, &base) == FAILURE) {
			zval_ptr_dtor(&args[0]);
			zval_ptr_dtor(&args[1]);
			RETURN_THROWS();
		}
		if (route->api == CIO_API_TRACK_ROOT && Z_TYPE(base) == IS_STRING && Z_STRLEN(base) >= 7
			&& memcmp(Z_STRVAL(base) + Z_STRLEN(base) - 7, "api/v2/", 7) == 0) {
			zend_string *root = zend_string_init(Z_STRVAL(base), Z_STRLEN(base) - 7, 0);
			zval_ptr_dtor(&base);
			ZVAL_STR(&base, root);
		}
		SEPARATE_ARRAY(&args[1]);
		zend_hash_str_update(Z_ARRVAL(args[1]), "endpoint", sizeof("endpoint") - 1, &base);
	}
	cio_call_method(client, cio_client_method(route->http), return_value, 2, args);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
}

static void cio_dispatch(INTERNAL_FUNCTION_PARAMETERS, const cio_route *route)
{
	zval *input_zv, client, normalized, *ops, list;

	/* the zval, not just its HashTable: an immutable array (opcache) must keep its non-refcounted zval type,
	 * or the encoder's addref/release would write into shared memory */
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(input_zv)
	ZEND_PARSE_PARAMETERS_END();

	/* validation first, in the SDK's order: nothing is sent on bad input */
	if (!cio_validate(route, Z_ARRVAL_P(input_zv)) || !cio_endpoint_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&normalized);
	if (route == &track_entity) {
		if (cio_wrap_relationships(input_zv, &normalized)) {
			input_zv = &normalized;
		}
	} else if (route == &track_batch && (ops = cio_find(Z_ARRVAL_P(input_zv), "batch", 5))
			&& Z_TYPE_P(ops) == IS_ARRAY && cio_wrap_batch_relationships(Z_ARRVAL_P(ops), &list)) {
		ZVAL_ARR(&normalized, zend_array_dup(Z_ARRVAL_P(input_zv)));
		zend_hash_str_update(Z_ARRVAL(normalized), "batch", 5, &list);
		input_zv = &normalized;
	}
	cio_dispatch_to(route, input_zv, &client, return_value);
	zval_ptr_dtor(&normalized);
	zval_ptr_dtor(&client);
}

#define CIO_ROUTE_METHOD(cls, method, route) \
	PHP_METHOD(Customerio_Endpoint_##cls, method) \
	{ \
		cio_dispatch(INTERNAL_FUNCTION_PARAM_PASSTHRU, &route); \
	}

CIO_ROUTE_METHOD(Track, entity, track_entity)
CIO_ROUTE_METHOD(Track, batch, track_batch)

/* The queue lives in the Client: the Track endpoint must belong to a constructed Customerio\Client (held in
 * *client for the caller to release). */
static bool cio_queue_client(zval *self, zval *client)
{
	if (!cio_endpoint_client(self, client)) {
		return false;
	}
	if (!instanceof_function(Z_OBJCE_P(client), cio_ce_client) || !cio_client_from_obj(Z_OBJ_P(client))->initialized) {
		zend_throw_error(NULL, "%s::%s() needs a constructed Customerio\\Client", ZSTR_VAL(Z_OBJCE_P(self)->name),
			get_active_function_name());
		zval_ptr_dtor(client);
		return false;
	}
	return true;
}

PHP_METHOD(Customerio_Endpoint_Track, queue)
{
	zval *op, client;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(op)
	ZEND_PARSE_PARAMETERS_END();
	if (!cio_validate(&track_entity, Z_ARRVAL_P(op)) || !cio_queue_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	zval wrapped;
	if (cio_wrap_relationships(op, &wrapped)) {
		cio_track_queue(&client, &wrapped);
		zval_ptr_dtor(&wrapped);
	} else {
		cio_track_queue(&client, op);
	}
	zval_ptr_dtor(&client);
}

PHP_METHOD(Customerio_Endpoint_Track, flush)
{
	zval client;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!cio_queue_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	cio_track_flush(&client, return_value);
	zval_ptr_dtor(&client);
}

PHP_METHOD(Customerio_Endpoint_Track, replay)
{
	zend_string *file;
	zval client;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(file)
	ZEND_PARSE_PARAMETERS_END();
	if (!cio_queue_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	zend_long sent = cio_track_replay(&client, file);
	zval_ptr_dtor(&client);
	if (sent >= 0 && !EG(exception)) {
		RETURN_LONG(sent);
	}
}

PHP_METHOD(Customerio_Endpoint_Track, drain)
{
	HashTable *options = NULL;
	zval client;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	if (!cio_queue_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	cio_spool_drain(&client, options, return_value);
	zval_ptr_dtor(&client);
}

PHP_METHOD(Customerio_Endpoint_Track, spoolStatus)
{
	zval client;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!cio_queue_client(ZEND_THIS, &client)) {
		RETURN_THROWS();
	}
	cio_spool_status(&client, return_value);
	zval_ptr_dtor(&client);
}

CIO_ROUTE_METHOD(Customers, event, customers_event)
CIO_ROUTE_METHOD(Customers, add, customers_add)
CIO_ROUTE_METHOD(Customers, update, customers_add)
CIO_ROUTE_METHOD(Customers, delete, customers_delete)
CIO_ROUTE_METHOD(Customers, get, customers_get)
CIO_ROUTE_METHOD(Customers, search, customers_search)
CIO_ROUTE_METHOD(Customers, attributes, customers_attributes)
CIO_ROUTE_METHOD(Customers, segments, customers_segments)
CIO_ROUTE_METHOD(Customers, messages, customers_messages)
CIO_ROUTE_METHOD(Customers, activities, customers_activities)
CIO_ROUTE_METHOD(Customers, suppress, customers_suppress)
CIO_ROUTE_METHOD(Customers, unsuppress, customers_unsuppress)
CIO_ROUTE_METHOD(Customers, merge, customers_merge)
CIO_ROUTE_METHOD(Customers_Devices, add, devices_add)
CIO_ROUTE_METHOD(Customers_Devices, update, devices_add)
CIO_ROUTE_METHOD(Customers_Devices, delete, devices_delete)
CIO_ROUTE_METHOD(Events, anonymous, events_anonymous)
CIO_ROUTE_METHOD(Events, push, events_push)
CIO_ROUTE_METHOD(Events, metric, events_metric)
CIO_ROUTE_METHOD(Page, view, page_view)
CIO_ROUTE_METHOD(Segments, create, segments_create)
CIO_ROUTE_METHOD(Segments, search, segments_search)
CIO_ROUTE_METHOD(Segments, get, segments_get)
CIO_ROUTE_METHOD(Segments, usedBy, segments_used_by)
CIO_ROUTE_METHOD(Segments, customerCount, segments_customer_count)
CIO_ROUTE_METHOD(Segments, membership, segments_membership)
CIO_ROUTE_METHOD(Segments, delete, segments_delete)
CIO_ROUTE_METHOD(Segments, addCustomers, segments_add_customers)
CIO_ROUTE_METHOD(Segments, removeCustomers, segments_remove_customers)
CIO_ROUTE_METHOD(Send, email, send_email)
CIO_ROUTE_METHOD(Send, sms, send_sms)
CIO_ROUTE_METHOD(Send, push, send_push)
CIO_ROUTE_METHOD(Send, inboxMessage, send_inbox_message)
CIO_ROUTE_METHOD(Send, inApp, send_in_app)
CIO_ROUTE_METHOD(Send, whatsapp, send_whatsapp)
CIO_ROUTE_METHOD(Campaigns, search, campaigns_search)
CIO_ROUTE_METHOD(Campaigns, get, campaigns_get)
CIO_ROUTE_METHOD(Campaigns, metrics, campaigns_metrics)
CIO_ROUTE_METHOD(Campaigns, triggers, campaigns_triggers)
CIO_ROUTE_METHOD(Campaigns, trigger, campaigns_trigger)
CIO_ROUTE_METHOD(Campaigns, messages, campaigns_messages)
CIO_ROUTE_METHOD(Campaigns, actions, campaigns_actions)
CIO_ROUTE_METHOD(Campaigns, getAction, campaigns_get_action)
CIO_ROUTE_METHOD(Campaigns, getActionMetrics, campaigns_get_action_metrics)
CIO_ROUTE_METHOD(Collections, search, collections_search)
CIO_ROUTE_METHOD(Collections, get, collections_get)
CIO_ROUTE_METHOD(Collections, create, collections_create)
CIO_ROUTE_METHOD(Collections, delete, collections_delete)
CIO_ROUTE_METHOD(Collections, update, collections_update)
CIO_ROUTE_METHOD(Collections, content, collections_content)
CIO_ROUTE_METHOD(Collections, updateContent, collections_update_content)
CIO_ROUTE_METHOD(Exports, search, exports_search)
CIO_ROUTE_METHOD(Exports, get, exports_get)
CIO_ROUTE_METHOD(Exports, download, exports_download)
CIO_ROUTE_METHOD(MessageTemplates, get, templates_get)
CIO_ROUTE_METHOD(MessageTemplates, metrics, templates_metrics)
CIO_ROUTE_METHOD(Messages, search, messages_search)
CIO_ROUTE_METHOD(Messages, get, messages_get)
CIO_ROUTE_METHOD(Newsletters, search, newsletters_search)
CIO_ROUTE_METHOD(Newsletters, get, newsletters_get)
CIO_ROUTE_METHOD(Newsletters, metrics, newsletters_metrics)
CIO_ROUTE_METHOD(Newsletters, messages, newsletters_messages)
CIO_ROUTE_METHOD(Activities, search, activities_search)
CIO_ROUTE_METHOD(SenderIdentities, search, senders_search)
CIO_ROUTE_METHOD(SenderIdentities, get, senders_get)
CIO_ROUTE_METHOD(SenderIdentities, usedBy, senders_used_by)

/* ---- Base: constructor and the SDK's public path helpers ---- */

/* $this->client = $client: straight into the slot when the standard handler would do just that (the property is
 * untyped: no check, no coercion), else through it */
static void cio_endpoint_set_client(zend_object *obj, zval *client)
{
	zval *slot = OBJ_PROP(obj, cio_endpoint_client_offset);

	if (Z_TYPE_P(slot) != IS_UNDEF && !Z_ISREF_P(slot) && obj->handlers->write_property == zend_std_write_property) {
		zval old;
		ZVAL_COPY_VALUE(&old, slot);
		ZVAL_COPY(slot, client);
		zval_ptr_dtor(&old);
		return;
	}
	zend_update_property(cio_ce_endpoint_base, obj, "client", sizeof("client") - 1, client);
}

PHP_METHOD(Customerio_Endpoint_Base, __construct)
{
	zval *client;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(client)
	ZEND_PARSE_PARAMETERS_END();
	cio_endpoint_set_client(Z_OBJ_P(ZEND_THIS), client);
}

PHP_METHOD(Customerio_Endpoint_Customers, __construct)
{
	zval *client, devices;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(client)
	ZEND_PARSE_PARAMETERS_END();
	cio_endpoint_set_client(Z_OBJ_P(ZEND_THIS), client);
	object_init_ex(&devices, cio_ce_endpoint_devices);
	cio_endpoint_set_client(Z_OBJ(devices), client);
	zend_update_property(cio_ce_endpoint_customers, Z_OBJ_P(ZEND_THIS), "devices", sizeof("devices") - 1, &devices);
	zval_ptr_dtor(&devices);
}

/* implode('/', [$prefix, $id unless empty($id), ...$extra]), the SDK's generatePath() */
static void cio_generate_path(zval *prefix, zval *id, HashTable *extra, zval *return_value)
{
	zval parts, *item;

	array_init(&parts);
	Z_TRY_ADDREF_P(prefix);
	add_next_index_zval(&parts, prefix);
	if (id && zend_is_true(id)) {
		zend_string *s = zval_try_get_string(id);
		if (!s) {
			zval_ptr_dtor(&parts);
			return;
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

PHP_METHOD(Customerio_Endpoint_Base, generatePath)
{
	zval *prefix, *id = NULL;
	HashTable *extra = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ZVAL(prefix)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(id)
		Z_PARAM_ARRAY_HT(extra)
	ZEND_PARSE_PARAMETERS_END();
	cio_generate_path(prefix, id, extra, return_value);
}

static void cio_prefixed_path(INTERNAL_FUNCTION_PARAMETERS, const char *prefix)
{
	zval *id = NULL, prefix_zv;
	HashTable *extra = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(id)
		Z_PARAM_ARRAY_HT(extra)
	ZEND_PARSE_PARAMETERS_END();
	ZVAL_STRING(&prefix_zv, prefix);
	cio_generate_path(&prefix_zv, id, extra, return_value);
	zval_ptr_dtor(&prefix_zv);
}

#define CIO_PATH_HELPER(method, prefix) \
	PHP_METHOD(Customerio_Endpoint_Base, method) \
	{ \
		cio_prefixed_path(INTERNAL_FUNCTION_PARAM_PASSTHRU, prefix); \
	}

CIO_PATH_HELPER(customerPath, "customers")
CIO_PATH_HELPER(campaignPath, "campaigns")
CIO_PATH_HELPER(messagesPath, "messages")
CIO_PATH_HELPER(messagesTemplatesPath, "msg_templates")
CIO_PATH_HELPER(newslettersPath, "newsletters")
CIO_PATH_HELPER(segmentsPath, "segments")
CIO_PATH_HELPER(exportsPath, "exports")
CIO_PATH_HELPER(activitiesPath, "activities")
CIO_PATH_HELPER(senderIdentitiesPath, "sender_identities")

PHP_METHOD(Customerio_Endpoint_Base, collectionsPath)
{
	zend_long id = 0;
	bool id_null = true;
	HashTable *extra = NULL;
	zval prefix, id_zv;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(id, id_null)
		Z_PARAM_ARRAY_HT(extra)
	ZEND_PARSE_PARAMETERS_END();
	ZVAL_STRING(&prefix, "collections");
	if (id_null) {
		ZVAL_NULL(&id_zv);
	} else {
		ZVAL_LONG(&id_zv, id);
	}
	cio_generate_path(&prefix, &id_zv, extra, return_value);
	zval_ptr_dtor(&prefix);
}

/* ---- the Client's endpoint properties ---- */

static const struct {
	const char *property;
	size_t len;
	const char *class_name; /* under Customerio\Endpoint\ */
} cio_endpoint_properties[CIO_ENDPOINT_COUNT] = {
#define CIO_ENDPOINT_PROPERTY(property, class_name) {property, sizeof(property) - 1, class_name}
	CIO_ENDPOINT_PROPERTY("events", "Events"),
	CIO_ENDPOINT_PROPERTY("customers", "Customers"),
	CIO_ENDPOINT_PROPERTY("page", "Page"),
	CIO_ENDPOINT_PROPERTY("campaigns", "Campaigns"),
	CIO_ENDPOINT_PROPERTY("messages", "Messages"),
	CIO_ENDPOINT_PROPERTY("messageTemplates", "MessageTemplates"),
	CIO_ENDPOINT_PROPERTY("newsletters", "Newsletters"),
	CIO_ENDPOINT_PROPERTY("segments", "Segments"),
	CIO_ENDPOINT_PROPERTY("exports", "Exports"),
	CIO_ENDPOINT_PROPERTY("activities", "Activities"),
	CIO_ENDPOINT_PROPERTY("senderIdentities", "SenderIdentities"),
	CIO_ENDPOINT_PROPERTY("send", "Send"),
	CIO_ENDPOINT_PROPERTY("collection", "Collections"),
	CIO_ENDPOINT_PROPERTY("track", "Track"),
#undef CIO_ENDPOINT_PROPERTY
};

static zend_class_entry *cio_endpoint_classes[CIO_ENDPOINT_COUNT];
static zend_object_handlers cio_endpoint_handlers;

const char *cio_endpoint_property_name(int index)
{
	return cio_endpoint_properties[index].property;
}

int cio_endpoint_index(zend_string *property)
{
	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		if (zend_string_equals_cstr(property, cio_endpoint_properties[i].property, cio_endpoint_properties[i].len)) {
			return i;
		}
	}
	return -1;
}

zend_object *cio_client_endpoint(zend_object *client, int index)
{
	cio_client *c = cio_client_from_obj(client);
	zval endpoint, self;

	if (c->endpoints[index]) {
		GC_ADDREF(c->endpoints[index]);
		return c->endpoints[index];
	}
	ZVAL_OBJ(&self, client);
	object_init_ex(&endpoint, cio_endpoint_classes[index]);
	zend_function *ctor = cio_endpoint_classes[index]->constructor;
	if (ctor->type == ZEND_INTERNAL_FUNCTION
		&& ctor->internal_function.handler == ZEND_MN(Customerio_Endpoint_Base___construct)) {
		cio_endpoint_set_client(Z_OBJ(endpoint), &self); /* what that constructor does, without a call frame */
	} else {
		zend_call_known_instance_method_with_1_params(ctor, Z_OBJ(endpoint), NULL, &self);
	}
	if (EG(exception)) {
		zval_ptr_dtor(&endpoint);
		return NULL;
	}
	cio_endpoint *e = cio_endpoint_from_obj(Z_OBJ(endpoint));
	e->owner = client;
	e->slot = index;
	c->endpoints[index] = Z_OBJ(endpoint);
	return Z_OBJ(endpoint);
}

void cio_endpoint_getter(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *name = EX(func)->common.function_name;
	zval rv, *endpoint;

	ZEND_PARSE_PARAMETERS_NONE();
	/* a property read, so an endpoint the user assigned to $client->track wins, as in the SDK */
	ZVAL_UNDEF(&rv);
	endpoint = zend_read_property_ex(cio_ce_client, Z_OBJ_P(ZEND_THIS), name, 0, &rv);
	ZVAL_DEREF(endpoint);
	if (Z_TYPE_P(endpoint) != IS_OBJECT) {
		if (!EG(exception)) {
			cio_throw_uninitialized(cio_ce_client);
		}
	} else {
		RETVAL_COPY(endpoint);
	}
	/* rv holds a value only when the read made one (a fresh endpoint); a stored property is not ours */
	zval_ptr_dtor(&rv);
}

static zend_object *cio_endpoint_create(zend_class_entry *ce)
{
	cio_endpoint *e = zend_object_alloc(sizeof(cio_endpoint), ce);

	zend_object_std_init(&e->std, ce);
	object_properties_init(&e->std, ce);
	e->std.handlers = &cio_endpoint_handlers;
	return &e->std;
}

static void cio_endpoint_free(zend_object *obj)
{
	cio_endpoint *e = cio_endpoint_from_obj(obj);

	if (e->owner && cio_client_from_obj(e->owner)->endpoints[e->slot] == obj) {
		cio_client_from_obj(e->owner)->endpoints[e->slot] = NULL;
	}
	zend_object_std_dtor(obj);
}

static zend_object *cio_endpoint_clone(zend_object *old)
{
	zend_object *obj = cio_endpoint_create(old->ce);

	zend_objects_clone_members(obj, old);
	return obj;
}

void cio_endpoint_minit(void)
{
	cio_str_relationships = zend_string_init_interned("cio_relationships", sizeof("cio_relationships") - 1, 1);
	cio_str_endpoint = zend_string_init_interned("endpoint", sizeof("endpoint") - 1, 1);
	cio_str_query = zend_string_init_interned("query", sizeof("query") - 1, 1);
	cio_compile_route(&cio_compiled_routes[0], &track_entity);
	cio_compile_route(&cio_compiled_routes[1], &track_batch);
	zend_class_entry *base = cio_ce_endpoint_base = register_class_Customerio_Endpoint_Base();

	base->create_object = cio_endpoint_create; /* set before the subclasses below inherit it */

	cio_ce_endpoint_track = register_class_Customerio_Endpoint_Track(base);
	cio_ce_endpoint_customers = register_class_Customerio_Endpoint_Customers(base);
	cio_ce_endpoint_devices = register_class_Customerio_Endpoint_Customers_Devices(base);
	register_class_Customerio_Endpoint_Activities(base);
	register_class_Customerio_Endpoint_Campaigns(base);
	register_class_Customerio_Endpoint_Collections(base);
	register_class_Customerio_Endpoint_Events(base);
	register_class_Customerio_Endpoint_Exports(base);
	register_class_Customerio_Endpoint_MessageTemplates(base);
	register_class_Customerio_Endpoint_Messages(base);
	register_class_Customerio_Endpoint_Newsletters(base);
	register_class_Customerio_Endpoint_Page(base);
	register_class_Customerio_Endpoint_Segments(base);
	register_class_Customerio_Endpoint_Send(base);
	register_class_Customerio_Endpoint_SenderIdentities(base);
	zend_register_class_alias("Customerio\\Track", cio_ce_endpoint_track);

	memcpy(&cio_endpoint_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	cio_endpoint_handlers.offset = XtOffsetOf(cio_endpoint, std);
	cio_endpoint_handlers.free_obj = cio_endpoint_free;
	cio_endpoint_handlers.clone_obj = cio_endpoint_clone;
	cio_endpoint_client_offset = ((zend_property_info *)zend_hash_str_find_ptr(&cio_ce_endpoint_base->properties_info,
		"client", sizeof("client") - 1))->offset;

	for (int i = 0; i < CIO_ENDPOINT_COUNT; i++) {
		char name[64];
		int len = snprintf(name, sizeof(name), "customerio\\endpoint\\%s", cio_endpoint_properties[i].class_name);
		zend_str_tolower(name, len);
		cio_endpoint_classes[i] = zend_hash_str_find_ptr(CG(class_table), name, len);
	}
}
