/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 77a42507e296eb716dc81be56d73a867fc84b690 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Endpoint_Base___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, client, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Base_generatePath, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, prefix, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, extra, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Endpoint_Track_entity, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Endpoint_Track_batch arginfo_class_Customerio_Endpoint_Track_entity


ZEND_METHOD(Customerio_Endpoint_Base, __construct);
ZEND_METHOD(Customerio_Endpoint_Base, generatePath);
ZEND_METHOD(Customerio_Endpoint_Track, entity);
ZEND_METHOD(Customerio_Endpoint_Track, batch);


static const zend_function_entry class_Customerio_Endpoint_Base_methods[] = {
	ZEND_ME(Customerio_Endpoint_Base, __construct, arginfo_class_Customerio_Endpoint_Base___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, generatePath, arginfo_class_Customerio_Endpoint_Base_generatePath, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Track_methods[] = {
	ZEND_ME(Customerio_Endpoint_Track, entity, arginfo_class_Customerio_Endpoint_Track_entity, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, batch, arginfo_class_Customerio_Endpoint_Track_batch, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Customerio_Endpoint_Base(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Base", class_Customerio_Endpoint_Base_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	zval property_client_default_value;
	ZVAL_NULL(&property_client_default_value);
	zend_string *property_client_name = zend_string_init("client", sizeof("client") - 1, 1);
	zend_declare_property_ex(class_entry, property_client_name, &property_client_default_value, ZEND_ACC_PROTECTED, NULL);
	zend_string_release(property_client_name);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Track(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Track", class_Customerio_Endpoint_Track_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}
