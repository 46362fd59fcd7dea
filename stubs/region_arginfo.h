/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: f21a21e95aa04ff8527b93800edd19d9d2c3a84d */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Region_factory, 0, 0, Customerio\\Region\\RegionInterface, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, region, IS_STRING, 0, "\'us\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Region_RegionInterface_trackUri, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, version, IS_STRING, 0, "\'v1\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Region_RegionInterface_apiUri, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Region_RegionUs_trackUri arginfo_class_Customerio_Region_RegionInterface_trackUri

#define arginfo_class_Customerio_Region_RegionUs_apiUri arginfo_class_Customerio_Region_RegionInterface_apiUri

#define arginfo_class_Customerio_Region_RegionEu_trackUri arginfo_class_Customerio_Region_RegionInterface_trackUri

#define arginfo_class_Customerio_Region_RegionEu_apiUri arginfo_class_Customerio_Region_RegionInterface_apiUri


ZEND_METHOD(Customerio_Region, factory);
ZEND_METHOD(Customerio_Region_RegionUs, trackUri);
ZEND_METHOD(Customerio_Region_RegionUs, apiUri);


static const zend_function_entry class_Customerio_Region_methods[] = {
	ZEND_ME(Customerio_Region, factory, arginfo_class_Customerio_Region_factory, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Region_RegionInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Customerio_Region_RegionInterface, trackUri, arginfo_class_Customerio_Region_RegionInterface_trackUri, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Customerio_Region_RegionInterface, apiUri, arginfo_class_Customerio_Region_RegionInterface_apiUri, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Region_RegionUs_methods[] = {
	ZEND_ME(Customerio_Region_RegionUs, trackUri, arginfo_class_Customerio_Region_RegionUs_trackUri, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Region_RegionUs, apiUri, arginfo_class_Customerio_Region_RegionUs_apiUri, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Region_RegionEu_methods[] = {
	ZEND_MALIAS(Customerio_Region_RegionUs, trackUri, trackUri, arginfo_class_Customerio_Region_RegionEu_trackUri, ZEND_ACC_PUBLIC)
	ZEND_MALIAS(Customerio_Region_RegionUs, apiUri, apiUri, arginfo_class_Customerio_Region_RegionEu_apiUri, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Region_InvalidRegionException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Customerio_Region(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio", "Region", class_Customerio_Region_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Region_RegionInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Region", "RegionInterface", class_Customerio_Region_RegionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Region_RegionUs(zend_class_entry *class_entry_Customerio_Region_RegionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Region", "RegionUs", class_Customerio_Region_RegionUs_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	zend_class_implements(class_entry, 1, class_entry_Customerio_Region_RegionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Region_RegionEu(zend_class_entry *class_entry_Customerio_Region_RegionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Region", "RegionEu", class_Customerio_Region_RegionEu_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	zend_class_implements(class_entry, 1, class_entry_Customerio_Region_RegionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Region_InvalidRegionException(zend_class_entry *class_entry_InvalidArgumentException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Region", "InvalidRegionException", class_Customerio_Region_InvalidRegionException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);

	return class_entry;
}
