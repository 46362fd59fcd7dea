/* JSON through ext/json's own C encoder and decoder (no user-land json_encode() call). */
#include "customerio_private.h"
#include "ext/json/php_json.h"
#include "ext/json/php_json_parser.h"

/* The texts json_last_error_msg() gives; ext/json does not export its table. */
static const char *cio_json_error_msg(php_json_error_code code)
{
	switch (code) {
		case PHP_JSON_ERROR_DEPTH: return "Maximum stack depth exceeded";
		case PHP_JSON_ERROR_STATE_MISMATCH: return "State mismatch (invalid or malformed JSON)";
		case PHP_JSON_ERROR_CTRL_CHAR: return "Control character error, possibly incorrectly encoded";
		case PHP_JSON_ERROR_SYNTAX: return "Syntax error";
		case PHP_JSON_ERROR_UTF8: return "Malformed UTF-8 characters, possibly incorrectly encoded";
		case PHP_JSON_ERROR_RECURSION: return "Recursion detected";
		case PHP_JSON_ERROR_INF_OR_NAN: return "Inf and NaN cannot be JSON encoded";
		case PHP_JSON_ERROR_UNSUPPORTED_TYPE: return "Type is not supported";
		case PHP_JSON_ERROR_INVALID_PROPERTY_NAME: return "The decoded property name is invalid";
		case PHP_JSON_ERROR_UTF16: return "Single unpaired UTF-16 surrogate in unicode escape";
		case PHP_JSON_ERROR_NON_BACKED_ENUM: return "Non-backed enums have no default serialization";
		default: return "Unknown error";
	}
}

zend_result cio_json_encode(smart_str *buf, zval *value)
{
	php_json_error_code saved = JSON_G(error_code);
	/* Unescaped slashes and Unicode: smaller bodies that decode to the same value as json_encode()'s. */
	zend_result result = php_json_encode_ex(buf, value, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE,
		PHP_JSON_PARSER_DEFAULT_DEPTH);
	php_json_error_code error = JSON_G(error_code);

	JSON_G(error_code) = saved;
	if (result == FAILURE || error != PHP_JSON_ERROR_NONE) {
		if (!EG(exception)) {
			cio_throw_payload_error("json_encode error: %s", cio_json_error_msg(error));
		}
		return FAILURE;
	}
	smart_str_0(buf);
	return SUCCESS;
}

void cio_json_encode_text(smart_str *buf, const char *str, size_t len)
{
	php_json_error_code saved = JSON_G(error_code);
	zval text;

	ZVAL_STRINGL(&text, str, len);
	php_json_encode_ex(buf, &text, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE
		| PHP_JSON_INVALID_UTF8_SUBSTITUTE, PHP_JSON_PARSER_DEFAULT_DEPTH);
	zval_ptr_dtor(&text);
	JSON_G(error_code) = saved;
}

void cio_json_decode(zval *return_value, const char *str, size_t len, bool assoc)
{
	php_json_error_code saved = JSON_G(error_code);

	/* Track v2's answer to every good call: the parser's set-up alone is most of an entity() call's decode */
	if (len == 2 && str[0] == '{' && str[1] == '}') {
		if (assoc) {
			array_init(return_value);
		} else {
			object_init(return_value);
		}
		return;
	}
	if (len == 0 || php_json_decode_ex(return_value, str, len, assoc ? PHP_JSON_OBJECT_AS_ARRAY : 0,
			PHP_JSON_PARSER_DEFAULT_DEPTH) == FAILURE) {
		ZVAL_NULL(return_value);
	}
	JSON_G(error_code) = saved;
}

#if PHP_VERSION_ID < 80300
/* ext/json's parser with methods that build nothing and drop what the scanner made: what PHP 8.3's
 * php_json_validate_ex() does inside ext/json. */
static int cio_json_drop_create(php_json_parser *parser, zval *value)
{
	ZVAL_NULL(value);
	return SUCCESS;
}

static int cio_json_drop_append(php_json_parser *parser, zval *array, zval *value)
{
	zval_ptr_dtor_nogc(value);
	return SUCCESS;
}

static int cio_json_drop_update(php_json_parser *parser, zval *object, zend_string *key, zval *value)
{
	zend_string_release_ex(key, 0);
	zval_ptr_dtor_nogc(value);
	return SUCCESS;
}

static const php_json_parser_methods cio_json_drop_methods = {
	cio_json_drop_create, cio_json_drop_append, NULL, NULL, cio_json_drop_create, cio_json_drop_update, NULL, NULL,
};
#endif

bool cio_json_is_object(const char *str, size_t len)
{
	php_json_error_code saved = JSON_G(error_code);
	bool valid;

	if (!len || str[0] != '{') {
		return false;
	}
#if PHP_VERSION_ID >= 80300
	valid = php_json_validate_ex(str, len, 0, PHP_JSON_PARSER_DEFAULT_DEPTH);
#else
	php_json_parser parser;
	zval result;
	php_json_parser_init_ex(&parser, &result, str, len, 0, PHP_JSON_PARSER_DEFAULT_DEPTH, &cio_json_drop_methods);
	valid = php_json_parse(&parser) == 0;
	if (valid) {
		zval_ptr_dtor_nogc(&result);
	}
#endif
	JSON_G(error_code) = saved;
	return valid;
}

/* An object decoded from our own JSON, as the array the caller gave (what Guzzle's 'json' option and its
 * middleware see), except where an array would not encode back to the same bytes: {} and {"0":..,"1":..}. */
static void cio_json_objects_to_arrays(zval *value)
{
	zval *item;

	if (Z_TYPE_P(value) == IS_OBJECT) {
		HashTable *props = Z_OBJPROP_P(value);
		HashTable *table = zend_proptable_to_symtable(props, true);
		if (!zend_hash_num_elements(table) || zend_array_is_list(table)) {
			zend_array_release(table);
			ZEND_HASH_FOREACH_VAL(props, item) {
				cio_json_objects_to_arrays(item);
			} ZEND_HASH_FOREACH_END();
			return;
		}
		zval_ptr_dtor(value);
		ZVAL_ARR(value, table);
	}
	if (Z_TYPE_P(value) == IS_ARRAY) {
		SEPARATE_ARRAY(value);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
			cio_json_objects_to_arrays(item);
		} ZEND_HASH_FOREACH_END();
	}
}

void cio_json_decode_payload(zval *return_value, const char *str, size_t len)
{
	cio_json_decode(return_value, str, len, false);
	cio_json_objects_to_arrays(return_value);
}
