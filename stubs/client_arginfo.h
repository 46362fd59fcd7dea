/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b03969a7459b14d060c9e05a28478e75b5952bb2 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Client___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, apiKey, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, siteId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_track, 0, 0, Customerio\\Endpoint\\Track, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_setAppAPIKey, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, appKey, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_setSiteId, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, siteId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_setRegion, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, region, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_getRegion, 0, 0, Customerio\\Region\\RegionInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_setAssocResponse, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, assoc, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_getAuth, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_getToken, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Client_get, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, params, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Client_post, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, json, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Client_put arginfo_class_Customerio_Client_post

#define arginfo_class_Customerio_Client_delete arginfo_class_Customerio_Client_post


ZEND_METHOD(Customerio_Client, __construct);
ZEND_METHOD(Customerio_Client, track);
ZEND_METHOD(Customerio_Client, setAppAPIKey);
ZEND_METHOD(Customerio_Client, setSiteId);
ZEND_METHOD(Customerio_Client, setRegion);
ZEND_METHOD(Customerio_Client, getRegion);
ZEND_METHOD(Customerio_Client, setAssocResponse);
ZEND_METHOD(Customerio_Client, getAuth);
ZEND_METHOD(Customerio_Client, getToken);
ZEND_METHOD(Customerio_Client, get);
ZEND_METHOD(Customerio_Client, post);
ZEND_METHOD(Customerio_Client, put);
ZEND_METHOD(Customerio_Client, delete);


static const zend_function_entry class_Customerio_Client_methods[] = {
	ZEND_ME(Customerio_Client, __construct, arginfo_class_Customerio_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, track, arginfo_class_Customerio_Client_track, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setAppAPIKey, arginfo_class_Customerio_Client_setAppAPIKey, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setSiteId, arginfo_class_Customerio_Client_setSiteId, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setRegion, arginfo_class_Customerio_Client_setRegion, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getRegion, arginfo_class_Customerio_Client_getRegion, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setAssocResponse, arginfo_class_Customerio_Client_setAssocResponse, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getAuth, arginfo_class_Customerio_Client_getAuth, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getToken, arginfo_class_Customerio_Client_getToken, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, get, arginfo_class_Customerio_Client_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, post, arginfo_class_Customerio_Client_post, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, put, arginfo_class_Customerio_Client_put, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, delete, arginfo_class_Customerio_Client_delete, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Customerio_Client(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio", "Client", class_Customerio_Client_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval property_track_default_value;
	ZVAL_NULL(&property_track_default_value);
	zend_string *property_track_name = zend_string_init("track", sizeof("track") - 1, 1);
	zend_declare_property_ex(class_entry, property_track_name, &property_track_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_track_name);

	return class_entry;
}
