/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ac62a02dd2b18661e6d10ed31c070ca140d4e6fc */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Exception_TransferException_getMethod, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Exception_TransferException_getUrl arginfo_class_Customerio_Exception_TransferException_getMethod

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Exception_RequestException_hasResponse, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Exception_RequestException_getStatusCode, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Exception_RequestException_getResponseHeaders, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Exception_RequestException_getResponseBody, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Exception_RequestException_getErrors arginfo_class_Customerio_Exception_RequestException_getResponseHeaders

#define arginfo_class_Customerio_Exception_PartialBatchException_getAccepted arginfo_class_Customerio_Exception_RequestException_getResponseHeaders

#define arginfo_class_Customerio_Exception_PartialBatchException_getRejected arginfo_class_Customerio_Exception_RequestException_getResponseHeaders

#define arginfo_class_Customerio_Exception_PartialBatchException_getFailed arginfo_class_Customerio_Exception_RequestException_getResponseHeaders

#define arginfo_class_Customerio_Exception_PartialBatchException_getNotSent arginfo_class_Customerio_Exception_RequestException_getResponseHeaders


ZEND_METHOD(Customerio_Exception_TransferException, getMethod);
ZEND_METHOD(Customerio_Exception_TransferException, getUrl);
ZEND_METHOD(Customerio_Exception_RequestException, hasResponse);
ZEND_METHOD(Customerio_Exception_RequestException, getStatusCode);
ZEND_METHOD(Customerio_Exception_RequestException, getResponseHeaders);
ZEND_METHOD(Customerio_Exception_RequestException, getResponseBody);
ZEND_METHOD(Customerio_Exception_RequestException, getErrors);
ZEND_METHOD(Customerio_Exception_PartialBatchException, getAccepted);
ZEND_METHOD(Customerio_Exception_PartialBatchException, getRejected);
ZEND_METHOD(Customerio_Exception_PartialBatchException, getFailed);
ZEND_METHOD(Customerio_Exception_PartialBatchException, getNotSent);


static const zend_function_entry class_Customerio_Exception_CustomerioException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_TransferException_methods[] = {
	ZEND_ME(Customerio_Exception_TransferException, getMethod, arginfo_class_Customerio_Exception_TransferException_getMethod, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_TransferException, getUrl, arginfo_class_Customerio_Exception_TransferException_getUrl, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_RequestException_methods[] = {
	ZEND_ME(Customerio_Exception_RequestException, hasResponse, arginfo_class_Customerio_Exception_RequestException_hasResponse, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_RequestException, getStatusCode, arginfo_class_Customerio_Exception_RequestException_getStatusCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_RequestException, getResponseHeaders, arginfo_class_Customerio_Exception_RequestException_getResponseHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_RequestException, getResponseBody, arginfo_class_Customerio_Exception_RequestException_getResponseBody, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_RequestException, getErrors, arginfo_class_Customerio_Exception_RequestException_getErrors, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_BadResponseException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_ClientException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_ServerException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_ConnectException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Exception_PartialBatchException_methods[] = {
	ZEND_ME(Customerio_Exception_PartialBatchException, getAccepted, arginfo_class_Customerio_Exception_PartialBatchException_getAccepted, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_PartialBatchException, getRejected, arginfo_class_Customerio_Exception_PartialBatchException_getRejected, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_PartialBatchException, getFailed, arginfo_class_Customerio_Exception_PartialBatchException_getFailed, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Exception_PartialBatchException, getNotSent, arginfo_class_Customerio_Exception_PartialBatchException_getNotSent, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Customerio_Exception_CustomerioException(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "CustomerioException", class_Customerio_Exception_CustomerioException_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_InvalidArgumentException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Customerio_Exception_CustomerioException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "InvalidArgumentException", class_Customerio_Exception_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_Customerio_Exception_CustomerioException);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_TransferException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Customerio_Exception_CustomerioException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "TransferException", class_Customerio_Exception_TransferException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Customerio_Exception_CustomerioException);

	zval property_method_default_value;
	ZVAL_EMPTY_STRING(&property_method_default_value);
	zend_string *property_method_name = zend_string_init("method", sizeof("method") - 1, 1);
	zend_declare_typed_property(class_entry, property_method_name, &property_method_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_method_name);

	zval property_url_default_value;
	ZVAL_EMPTY_STRING(&property_url_default_value);
	zend_string *property_url_name = zend_string_init("url", sizeof("url") - 1, 1);
	zend_declare_typed_property(class_entry, property_url_name, &property_url_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_url_name);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_RequestException(zend_class_entry *class_entry_Customerio_Exception_TransferException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "RequestException", class_Customerio_Exception_RequestException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Exception_TransferException);

	zval property_statusCode_default_value;
	ZVAL_NULL(&property_statusCode_default_value);
	zend_string *property_statusCode_name = zend_string_init("statusCode", sizeof("statusCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_statusCode_name, &property_statusCode_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_statusCode_name);

	zval property_responseHeaders_default_value;
	ZVAL_EMPTY_ARRAY(&property_responseHeaders_default_value);
	zend_string *property_responseHeaders_name = zend_string_init("responseHeaders", sizeof("responseHeaders") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseHeaders_name, &property_responseHeaders_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_responseHeaders_name);

	zval property_responseBody_default_value;
	ZVAL_NULL(&property_responseBody_default_value);
	zend_string *property_responseBody_name = zend_string_init("responseBody", sizeof("responseBody") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseBody_name, &property_responseBody_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_responseBody_name);

	zval property_errors_default_value;
	ZVAL_EMPTY_ARRAY(&property_errors_default_value);
	zend_string *property_errors_name = zend_string_init("errors", sizeof("errors") - 1, 1);
	zend_declare_typed_property(class_entry, property_errors_name, &property_errors_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_errors_name);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_BadResponseException(zend_class_entry *class_entry_Customerio_Exception_RequestException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "BadResponseException", class_Customerio_Exception_BadResponseException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Exception_RequestException);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_ClientException(zend_class_entry *class_entry_Customerio_Exception_BadResponseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "ClientException", class_Customerio_Exception_ClientException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Exception_BadResponseException);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_ServerException(zend_class_entry *class_entry_Customerio_Exception_BadResponseException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "ServerException", class_Customerio_Exception_ServerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Exception_BadResponseException);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_ConnectException(zend_class_entry *class_entry_Customerio_Exception_TransferException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "ConnectException", class_Customerio_Exception_ConnectException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Exception_TransferException);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Exception_PartialBatchException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Customerio_Exception_CustomerioException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Exception", "PartialBatchException", class_Customerio_Exception_PartialBatchException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Customerio_Exception_CustomerioException);

	zval property_accepted_default_value;
	ZVAL_EMPTY_ARRAY(&property_accepted_default_value);
	zend_string *property_accepted_name = zend_string_init("accepted", sizeof("accepted") - 1, 1);
	zend_declare_typed_property(class_entry, property_accepted_name, &property_accepted_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_accepted_name);

	zval property_rejected_default_value;
	ZVAL_EMPTY_ARRAY(&property_rejected_default_value);
	zend_string *property_rejected_name = zend_string_init("rejected", sizeof("rejected") - 1, 1);
	zend_declare_typed_property(class_entry, property_rejected_name, &property_rejected_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_rejected_name);

	zval property_failed_default_value;
	ZVAL_EMPTY_ARRAY(&property_failed_default_value);
	zend_string *property_failed_name = zend_string_init("failed", sizeof("failed") - 1, 1);
	zend_declare_typed_property(class_entry, property_failed_name, &property_failed_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_failed_name);

	zval property_notSent_default_value;
	ZVAL_EMPTY_ARRAY(&property_notSent_default_value);
	zend_string *property_notSent_name = zend_string_init("notSent", sizeof("notSent") - 1, 1);
	zend_declare_typed_property(class_entry, property_notSent_name, &property_notSent_default_value, ZEND_ACC_PROTECTED, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_notSent_name);

	return class_entry;
}
