/* Every exception the extension throws is made here: the native hierarchy, or Guzzle's own classes
 * when Guzzle is installed, so code written for the PHP SDK catches exactly what it caught before. */
#include "customerio_private.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "ext/spl/spl_exceptions.h"
#include "stubs/exception_arginfo.h"

zend_class_entry *cio_ce_exception, *cio_ce_invalid_argument, *cio_ce_transfer, *cio_ce_request;
zend_class_entry *cio_ce_bad_response, *cio_ce_client_error, *cio_ce_server_error, *cio_ce_connect;

#define CIO_GUZZLE_CLASSES(X) \
	X(REQUEST_EXCEPTION, "GuzzleHttp\\Exception\\RequestException") \
	X(CONNECT_EXCEPTION, "GuzzleHttp\\Exception\\ConnectException") \
	X(INVALID_ARGUMENT, "GuzzleHttp\\Exception\\InvalidArgumentException") \
	X(CONNECT_TIMEOUT, "GuzzleHttp\\Exception\\ConnectTimeoutException") /* Guzzle 8 from here */ \
	X(NETWORK, "GuzzleHttp\\Exception\\NetworkException") \
	X(NETWORK_TIMEOUT, "GuzzleHttp\\Exception\\NetworkTimeoutException") \
	X(RESPONSE, "GuzzleHttp\\Exception\\ResponseException") \
	X(RESPONSE_TRANSFER, "GuzzleHttp\\Exception\\ResponseTransferException") \
	X(RESPONSE_TIMEOUT, "GuzzleHttp\\Exception\\ResponseTimeoutException") \
	X(PSR7_REQUEST, "GuzzleHttp\\Psr7\\Request") \
	X(PSR7_RESPONSE, "GuzzleHttp\\Psr7\\Response")

#define CIO_ENUM(id, name) CIO_GUZZLE_##id,
enum { CIO_GUZZLE_CLASSES(CIO_ENUM) CIO_GUZZLE_COUNT };
#undef CIO_ENUM

static zend_string *cio_guzzle_names[CIO_GUZZLE_COUNT];

/* Guzzle's test for a printable body summary: any character outside these classes means none */
#define CIO_PRINTABLE "/[^\\pL\\pM\\pN\\pP\\pS\\pZ\\n\\r\\t]/u"

/* Guzzle's class, or NULL when Guzzle is not to be used or not installed (autoloads on first use). */
static zend_class_entry *cio_guzzle(int which)
{
	if (CIO_G(exceptions) == CIO_EXCEPTIONS_NATIVE) {
		return NULL;
	}
	zend_object *pending = EG(exception);
	zend_class_entry *ce = zend_lookup_class(cio_guzzle_names[which]);
	if (EG(exception) != pending) {
		/* an autoloader that throws: Guzzle is not available, and its error must not replace ours */
		zend_clear_exception();
		return NULL;
	}
	return ce;
}

static bool cio_guzzle_enabled(void)
{
	return cio_guzzle(CIO_GUZZLE_REQUEST_EXCEPTION) && cio_guzzle(CIO_GUZZLE_PSR7_REQUEST)
		&& cio_guzzle(CIO_GUZZLE_PSR7_RESPONSE);
}

/* new $ce(...$argv); false with the exception pending when that fails */
static bool cio_new(zval *out, zend_class_entry *ce, uint32_t argc, zval *argv)
{
	if (object_init_ex(out, ce) == FAILURE) {
		return false;
	}
	if (ce->constructor) {
		zend_call_known_instance_method(ce->constructor, Z_OBJ_P(out), NULL, argc, argv);
	}
	if (EG(exception)) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}

/* The PSR-7 request Guzzle would have built. Authorization is left out: it carries the keys. */
static bool cio_guzzle_request(zval *out, const char *method, zend_string *url, const cio_http_request *req)
{
	zval args[4];

	ZVAL_STRING(&args[0], method);
	ZVAL_STR_COPY(&args[1], url);
	array_init(&args[2]);
	add_assoc_string(&args[2], "Accept", "application/json");
	if (req && req->body) {
		add_assoc_string(&args[2], "Content-Type", "application/json");
		ZVAL_STRINGL(&args[3], req->body, req->body_len);
	} else {
		ZVAL_NULL(&args[3]);
	}
	bool ok = cio_new(out, cio_guzzle(CIO_GUZZLE_PSR7_REQUEST), 4, args);
	for (int i = 0; i < 4; i++) {
		zval_ptr_dtor(&args[i]);
	}
	return ok;
}

static void cio_set_transfer_props(zend_object *ex, const char *method, zend_string *url)
{
	zend_update_property_string(cio_ce_transfer, ex, "method", sizeof("method") - 1, method);
	zend_update_property_str(cio_ce_transfer, ex, "url", sizeof("url") - 1, url);
}

/* A failed request without a response: Guzzle's `new $class($message, $psr7Request)` in Guzzle mode, else the
 * native class with the method and URL. */
static void cio_throw_request_failure(int guzzle_class, zend_class_entry *native, const char *message,
	const char *method, zend_string *url, const cio_http_request *req)
{
	zend_class_entry *ce = cio_guzzle_enabled() ? cio_guzzle(guzzle_class) : NULL;
	zval request, args[2], ex;

	if (!ce) {
		cio_set_transfer_props(zend_throw_exception(native, message, 0), method, url);
	} else if (cio_guzzle_request(&request, method, url, req)) {
		ZVAL_STRING(&args[0], message);
		ZVAL_COPY_VALUE(&args[1], &request);
		if (cio_new(&ex, ce, 2, args)) {
			zend_throw_exception_object(&ex);
		}
		zval_ptr_dtor(&args[0]);
		zval_ptr_dtor(&args[1]);
	}
}

void cio_throw_validation(const char *http_method, const char *message)
{
	zend_string *slash = zend_string_init("/", 1, 0);

	cio_throw_request_failure(CIO_GUZZLE_REQUEST_EXCEPTION, cio_ce_request, message, http_method, slash, NULL);
	zend_string_release(slash);
}

void cio_throw_invalid_argument(const char *format, ...)
{
	va_list args;
	zend_string *message;

	va_start(args, format);
	message = vstrpprintf(0, format, args);
	va_end(args);
	zend_throw_exception(cio_ce_invalid_argument, ZSTR_VAL(message), 0);
	zend_string_release(message);
}

void cio_throw_payload_error(const char *format, ...)
{
	/* where the SDK's Guzzle 'json' option threw GuzzleHttp\Exception\InvalidArgumentException */
	zend_class_entry *ce = cio_guzzle_enabled() ? cio_guzzle(CIO_GUZZLE_INVALID_ARGUMENT) : NULL;
	va_list args;
	zend_string *message;

	va_start(args, format);
	message = vstrpprintf(0, format, args);
	va_end(args);
	zend_throw_exception(ce ? ce : cio_ce_invalid_argument, ZSTR_VAL(message), 0);
	zend_string_release(message);
}

void cio_throw_uninitialized(zend_class_entry *ce)
{
	zend_throw_error(NULL, "%s object is not initialized: its constructor was not called", ZSTR_VAL(ce->name));
}

static const char *cio_reason_phrase(long status)
{
	switch (status) {
		case 200: return "OK";
		case 201: return "Created";
		case 202: return "Accepted";
		case 204: return "No Content";
		case 207: return "Multi-Status";
		case 400: return "Bad Request";
		case 401: return "Unauthorized";
		case 402: return "Payment Required";
		case 403: return "Forbidden";
		case 404: return "Not Found";
		case 405: return "Method Not Allowed";
		case 408: return "Request Timeout";
		case 409: return "Conflict";
		case 410: return "Gone";
		case 413: return "Payload Too Large";
		case 415: return "Unsupported Media Type";
		case 422: return "Unprocessable Entity";
		case 429: return "Too Many Requests";
		case 500: return "Internal Server Error";
		case 501: return "Not Implemented";
		case 502: return "Bad Gateway";
		case 503: return "Service Unavailable";
		case 504: return "Gateway Timeout";
		case 301: return "Moved Permanently";
		case 302: return "Found";
		case 307: return "Temporary Redirect";
		case 308: return "Permanent Redirect";
		default: return "";
	}
}

/* Guzzle's BodySummarizer: the first 120 bytes, only when they are printable text by Guzzle's own pattern
 * (invalid UTF-8, for instance a multi-byte character cut at byte 120, gives no summary either). */
static void cio_append_body_summary(smart_str *msg, const smart_str *body)
{
	const size_t limit = 120;
	size_t len = body->s ? ZSTR_LEN(body->s) : 0;
	zval matched;

	if (!len) {
		return;
	}
	zend_string *summary = zend_string_init(ZSTR_VAL(body->s), MIN(len, limit), 0);
	zval args[2];
	ZVAL_STRINGL(&args[0], CIO_PRINTABLE, sizeof(CIO_PRINTABLE) - 1);
	ZVAL_STR_COPY(&args[1], summary);
	/* false on invalid UTF-8: no summary then, as with Guzzle */
	if (cio_call_function("preg_match", &matched, 2, args) == FAILURE) {
		ZVAL_FALSE(&matched);
	}
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	if (Z_TYPE(matched) == IS_LONG && Z_LVAL(matched) == 0) {
		smart_str_appends(msg, ":\n");
		smart_str_append(msg, summary);
		if (len > limit) {
			smart_str_appends(msg, " (truncated...)");
		}
		smart_str_appendc(msg, '\n');
	}
	zend_string_release(summary);
}

/* Customer.io's error list: v2 {"errors":[...]}, v1 {"meta":{"errors":[...]}} or {"meta":{"error":"..."}}. */
static void cio_parse_errors(const smart_str *body, zval *errors)
{
	zval decoded, *found, *meta;

	array_init(errors);
	cio_json_decode(&decoded, body->s ? ZSTR_VAL(body->s) : "", body->s ? ZSTR_LEN(body->s) : 0, true);
	if (Z_TYPE(decoded) != IS_ARRAY) {
		zval_ptr_dtor(&decoded);
		return;
	}
	if ((found = zend_hash_str_find(Z_ARRVAL(decoded), "errors", 6)) && Z_TYPE_P(found) == IS_ARRAY) {
		zval_ptr_dtor(errors);
		ZVAL_COPY(errors, found);
	} else if ((meta = zend_hash_str_find(Z_ARRVAL(decoded), "meta", 4)) && Z_TYPE_P(meta) == IS_ARRAY) {
		if ((found = zend_hash_str_find(Z_ARRVAL_P(meta), "errors", 6)) && Z_TYPE_P(found) == IS_ARRAY) {
			zval_ptr_dtor(errors);
			ZVAL_COPY(errors, found);
		} else if ((found = zend_hash_str_find(Z_ARRVAL_P(meta), "error", 5)) && Z_TYPE_P(found) == IS_STRING) {
			Z_TRY_ADDREF_P(found);
			add_next_index_zval(errors, found);
		}
	}
	zval_ptr_dtor(&decoded);
}

/* The PSR-7 response Guzzle would have handed to its exception (the body as received, possibly cut off). */
static bool cio_guzzle_response(zval *out, const cio_http_response *res, zval *headers, zend_string *reason)
{
	zval args[5];

	ZVAL_LONG(&args[0], res->status);
	ZVAL_COPY(&args[1], headers);
	if (res->body.s) {
		ZVAL_STR_COPY(&args[2], res->body.s);
	} else {
		ZVAL_EMPTY_STRING(&args[2]);
	}
	ZVAL_STRINGL(&args[3], "1.1", 3);
	if (reason) {
		ZVAL_STR_COPY(&args[4], reason);
	} else {
		ZVAL_NULL(&args[4]);
	}
	bool ok = cio_new(out, cio_guzzle(CIO_GUZZLE_PSR7_RESPONSE), 5, args);
	for (int i = 0; i < 5; i++) {
		zval_ptr_dtor(&args[i]);
	}
	return ok;
}

/* GuzzleHttp\ClientInterface::MAJOR_VERSION (7 or 8): the two pick different classes for a failed transfer. */
static zend_long cio_guzzle_major(void)
{
	zend_string *name = zend_string_init("GuzzleHttp\\ClientInterface::MAJOR_VERSION",
		sizeof("GuzzleHttp\\ClientInterface::MAJOR_VERSION") - 1, 0);
	zend_object *pending = EG(exception);
	zval *value = zend_get_constant_ex(name, NULL, ZEND_FETCH_CLASS_SILENT);
	zend_string_release(name);
	if (EG(exception) != pending) {
		zend_clear_exception();
		return 7;
	}
	return value && Z_TYPE_P(value) == IS_LONG ? Z_LVAL_P(value) : 7;
}

static bool cio_curl_code_in(CURLcode code, const int *codes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if ((int)code == codes[i]) {
			return true;
		}
	}
	return false;
}

/* The class Guzzle's own curl handler throws for this failed transfer, and whether it carries the response.
 * Guzzle 7: ConnectException for timeouts, DNS, refused, TLS handshake and empty replies, else RequestException
 * (with the response when its headers had arrived). Guzzle 8 splits by what failed: connecting, the network,
 * a timeout, or a transfer whose response had already begun. */
static int cio_guzzle_transfer_class(const cio_http_response *res, bool *with_response)
{
	static const int connect7[] = {6, 7, 28, 35, 52};
	static const int connect8[] = {5, 6, 7, 35, 51, 60, 83, 90, 91, 96, 97, 98, 101};
	static const int network8[] = {16, 52, 55, 56, 92, 95};
	static const int response_transfer8[] = {8, 18, 23, 61};
	bool response = res->status > 0;

	*with_response = false;
	if (cio_guzzle_major() < 8) {
		if (cio_curl_code_in(res->error, connect7, sizeof(connect7) / sizeof(int))) {
			return CIO_GUZZLE_CONNECT_EXCEPTION;
		}
		*with_response = response;
		return CIO_GUZZLE_REQUEST_EXCEPTION;
	}
	*with_response = response;
	if (res->error == CURLE_OPERATION_TIMEDOUT) {
		if (response) {
			return CIO_GUZZLE_RESPONSE_TIMEOUT;
		}
		/* libcurl's texts for a connect or name-lookup timeout, as Guzzle 8 matches them */
		return strstr(res->errbuf, "onnection timed out") || strstr(res->errbuf, "Resolving timed out")
			|| strstr(res->errbuf, "SSL connection timeout") ? CIO_GUZZLE_CONNECT_TIMEOUT : CIO_GUZZLE_NETWORK_TIMEOUT;
	}
	bool connect = cio_curl_code_in(res->error, connect8, sizeof(connect8) / sizeof(int));
	bool network = cio_curl_code_in(res->error, network8, sizeof(network8) / sizeof(int));
	if (response) {
		return connect || network || cio_curl_code_in(res->error, response_transfer8, sizeof(response_transfer8) / sizeof(int))
			? CIO_GUZZLE_RESPONSE_TRANSFER : CIO_GUZZLE_RESPONSE;
	}
	return connect ? CIO_GUZZLE_CONNECT_EXCEPTION : network ? CIO_GUZZLE_NETWORK : CIO_GUZZLE_REQUEST_EXCEPTION;
}

/* A transfer that failed (no complete answer): Guzzle's exception and message in Guzzle mode, else the native
 * ConnectException with Guzzle 7's message. */
static void cio_throw_connect(const cio_http_request *req, const cio_http_response *res)
{
	bool guzzle = cio_guzzle_enabled(), guzzle8 = guzzle && cio_guzzle_major() >= 8;
	zend_string *message = zend_strpprintf(0, "cURL error %d: %s (see %s)", (int)res->error, res->errbuf,
		guzzle8 ? "https://curl.se/libcurl/c/libcurl-errors.html" : "https://curl.haxx.se/libcurl/c/libcurl-errors.html");
	bool with_response;
	zval request, headers, args[3], ex;
	zend_string *reason;

	if (!strstr(res->errbuf, ZSTR_VAL(res->url)) && (res->errbuf[0] || !guzzle8)) {
		zend_string *full = zend_strpprintf(0, "%s for %s", ZSTR_VAL(message), ZSTR_VAL(res->url));
		zend_string_release(message);
		message = full;
	}
	if (!guzzle) {
		cio_set_transfer_props(zend_throw_exception(cio_ce_connect, ZSTR_VAL(message), 0), req->method, res->url);
		zend_string_release(message);
		return;
	}
	int which = cio_guzzle_transfer_class(res, &with_response);
	zend_class_entry *ce = cio_guzzle(which);
	if (ce && cio_guzzle_request(&request, req->method, res->url, req)) {
		ZVAL_STR_COPY(&args[0], message);
		ZVAL_COPY_VALUE(&args[1], &request);
		ZVAL_UNDEF(&args[2]);
		if (with_response) {
			cio_http_parse_headers(res, &headers, &reason);
			if (!cio_guzzle_response(&args[2], res, &headers, reason)) {
				ZVAL_UNDEF(&args[2]);
			}
			zval_ptr_dtor(&headers);
			if (reason) {
				zend_string_release(reason);
			}
		}
		if (!EG(exception) && cio_new(&ex, ce, Z_ISUNDEF(args[2]) ? 2 : 3, args)) {
			zend_throw_exception_object(&ex);
		}
		for (int i = 0; i < 3; i++) {
			zval_ptr_dtor(&args[i]);
		}
	}
	zend_string_release(message);
}

/* Guzzle builds the exception from PSR-7 objects itself: class, message and getResponse() are its own. */
static void cio_throw_guzzle_http(const cio_http_request *req, const cio_http_response *res, zval *headers,
	zend_string *reason)
{
	zval request, response, ex;

	if (!cio_guzzle_request(&request, req->method, res->url, req)) {
		return;
	}
	if (cio_guzzle_response(&response, res, headers, reason)) {
		zval create_args[2];
		ZVAL_COPY_VALUE(&create_args[0], &request);
		ZVAL_COPY_VALUE(&create_args[1], &response);
		zend_call_method(NULL, cio_guzzle(CIO_GUZZLE_REQUEST_EXCEPTION), NULL, "create", sizeof("create") - 1,
			&ex, 2, &create_args[0], &create_args[1]);
		if (!EG(exception) && Z_TYPE(ex) == IS_OBJECT) {
			zend_throw_exception_object(&ex);
		} else {
			zval_ptr_dtor(&ex);
		}
		zval_ptr_dtor(&response);
	}
	zval_ptr_dtor(&request);
}

/* What a native RequestException says about the response. */
static void cio_set_response_props(zend_object *ex, const cio_http_request *req, const cio_http_response *res,
	zval *headers)
{
	zval errors;

	cio_set_transfer_props(ex, req->method, res->url);
	zend_update_property_long(cio_ce_request, ex, "statusCode", sizeof("statusCode") - 1, res->status);
	zend_update_property(cio_ce_request, ex, "responseHeaders", sizeof("responseHeaders") - 1, headers);
	if (res->body.s) {
		zend_update_property_str(cio_ce_request, ex, "responseBody", sizeof("responseBody") - 1, res->body.s);
	} else {
		zend_update_property_stringl(cio_ce_request, ex, "responseBody", sizeof("responseBody") - 1, "", 0);
	}
	cio_parse_errors(&res->body, &errors);
	zend_update_property(cio_ce_request, ex, "errors", sizeof("errors") - 1, &errors);
	zval_ptr_dtor(&errors);
}

static void cio_throw_http(const cio_http_request *req, const cio_http_response *res)
{
	zval headers;
	zend_string *reason;
	smart_str message = {0};
	zend_class_entry *ce = cio_ce_bad_response;
	const char *label = "Unsuccessful request";

	cio_http_parse_headers(res, &headers, &reason);
	if (cio_guzzle_enabled()) {
		cio_throw_guzzle_http(req, res, &headers, reason);
	} else {
		if (res->status >= 400 && res->status < 500) {
			ce = cio_ce_client_error;
			label = "Client error";
		} else if (res->status >= 500 && res->status < 600) {
			ce = cio_ce_server_error;
			label = "Server error";
		}
		smart_str_append_printf(&message, "%s: `%s %s` resulted in a `%ld %s` response", label, req->method,
			ZSTR_VAL(res->url), res->status, reason ? ZSTR_VAL(reason) : cio_reason_phrase(res->status));
		cio_append_body_summary(&message, &res->body);
		smart_str_0(&message);

		cio_set_response_props(zend_throw_exception(ce, ZSTR_VAL(message.s), res->status), req, res, &headers);
		smart_str_free(&message);
	}
	zval_ptr_dtor(&headers);
	if (reason) {
		zend_string_release(reason);
	}
}

/* A response arrived but its body passed max_response_bytes. Guzzle reports a transfer its on_headers/progress
 * hook aborts after the status line as a RequestException carrying that response (code = status), not as a
 * ConnectException: the same here, in both modes, with the part of the body that was received. */
static void cio_throw_too_large(const cio_http_request *req, const cio_http_response *res)
{
	zval headers, request, response, args[3], ex;
	zend_string *reason;
	zend_string *message;

	cio_http_parse_headers(res, &headers, &reason);
	message = zend_strpprintf(0, "`%s %s` resulted in a `%ld %s` response whose body exceeds max_response_bytes "
		"(%zu bytes): the transfer was cut off", req->method, ZSTR_VAL(res->url), res->status,
		reason ? ZSTR_VAL(reason) : cio_reason_phrase(res->status), res->body_limit);
	if (!cio_guzzle_enabled()) {
		cio_set_response_props(zend_throw_exception(cio_ce_request, ZSTR_VAL(message), res->status), req, res,
			&headers);
	} else if (cio_guzzle_request(&request, req->method, res->url, req)) {
		if (cio_guzzle_response(&response, res, &headers, reason)) {
			ZVAL_STR_COPY(&args[0], message);
			ZVAL_COPY_VALUE(&args[1], &request);
			ZVAL_COPY_VALUE(&args[2], &response);
			/* what Guzzle's own handler throws when a response is cut off: 7 RequestException, 8 ResponseException */
			if (cio_new(&ex, cio_guzzle(cio_guzzle_major() >= 8 ? CIO_GUZZLE_RESPONSE : CIO_GUZZLE_REQUEST_EXCEPTION), 3, args)) {
				zend_throw_exception_object(&ex);
			}
			zval_ptr_dtor(&args[0]);
			zval_ptr_dtor(&response);
		}
		zval_ptr_dtor(&request);
	}
	zend_string_release(message);
	zval_ptr_dtor(&headers);
	if (reason) {
		zend_string_release(reason);
	}
}

void cio_throw_transfer(const cio_http_request *req, const cio_http_response *res)
{
	if (res->too_large && res->status) {
		cio_throw_too_large(req, res);
	} else if (res->error != CURLE_OK) {
		cio_throw_connect(req, res);
	} else if (cio_http_failed(res)) {
		cio_throw_http(req, res);
	}
}

/* Getters of the native classes: each returns one declared property. */
#define CIO_PROP_GETTER(cls, method, scope, prop) \
	PHP_METHOD(cls, method) \
	{ \
		zval rv; \
		ZEND_PARSE_PARAMETERS_NONE(); \
		RETURN_COPY_DEREF(zend_read_property(scope, Z_OBJ_P(ZEND_THIS), prop, sizeof(prop) - 1, 1, &rv)); \
	}

CIO_PROP_GETTER(Customerio_Exception_TransferException, getMethod, cio_ce_transfer, "method")
CIO_PROP_GETTER(Customerio_Exception_TransferException, getUrl, cio_ce_transfer, "url")
CIO_PROP_GETTER(Customerio_Exception_RequestException, getStatusCode, cio_ce_request, "statusCode")
CIO_PROP_GETTER(Customerio_Exception_RequestException, getResponseHeaders, cio_ce_request, "responseHeaders")
CIO_PROP_GETTER(Customerio_Exception_RequestException, getResponseBody, cio_ce_request, "responseBody")
CIO_PROP_GETTER(Customerio_Exception_RequestException, getErrors, cio_ce_request, "errors")

PHP_METHOD(Customerio_Exception_RequestException, hasResponse)
{
	zval rv;
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(Z_TYPE_P(zend_read_property(cio_ce_request, Z_OBJ_P(ZEND_THIS), "statusCode",
		sizeof("statusCode") - 1, 1, &rv)) == IS_LONG);
}

void cio_exception_minit(void)
{
#define CIO_INTERN(id, name) cio_guzzle_names[CIO_GUZZLE_##id] = zend_string_init_interned(name, sizeof(name) - 1, 1);
	CIO_GUZZLE_CLASSES(CIO_INTERN)
#undef CIO_INTERN

	cio_ce_exception = register_class_Customerio_Exception_CustomerioException(zend_ce_throwable);
	cio_ce_invalid_argument = register_class_Customerio_Exception_InvalidArgumentException(
		spl_ce_InvalidArgumentException, cio_ce_exception);
	cio_ce_transfer = register_class_Customerio_Exception_TransferException(spl_ce_RuntimeException, cio_ce_exception);
	cio_ce_request = register_class_Customerio_Exception_RequestException(cio_ce_transfer);
	cio_ce_bad_response = register_class_Customerio_Exception_BadResponseException(cio_ce_request);
	cio_ce_client_error = register_class_Customerio_Exception_ClientException(cio_ce_bad_response);
	cio_ce_server_error = register_class_Customerio_Exception_ServerException(cio_ce_bad_response);
	cio_ce_connect = register_class_Customerio_Exception_ConnectException(cio_ce_transfer);
	cio_ce_partial_batch = register_class_Customerio_Exception_PartialBatchException(spl_ce_RuntimeException,
		cio_ce_exception);
}
