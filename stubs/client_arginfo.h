/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 6dbe23aa5521e1c70ebf662b471e64b6542f1455 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Client___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, apiKey, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, siteId, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_track, 0, 0, Customerio\\Endpoint\\Track, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_events, 0, 0, Customerio\\Endpoint\\Events, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_customers, 0, 0, Customerio\\Endpoint\\Customers, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_page, 0, 0, Customerio\\Endpoint\\Page, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_campaigns, 0, 0, Customerio\\Endpoint\\Campaigns, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_messages, 0, 0, Customerio\\Endpoint\\Messages, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_messageTemplates, 0, 0, Customerio\\Endpoint\\MessageTemplates, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_newsletters, 0, 0, Customerio\\Endpoint\\\116ewsletters, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_segments, 0, 0, Customerio\\Endpoint\\Segments, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_exports, 0, 0, Customerio\\Endpoint\\Exports, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_activities, 0, 0, Customerio\\Endpoint\\Activities, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_senderIdentities, 0, 0, Customerio\\Endpoint\\SenderIdentities, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_send, 0, 0, Customerio\\Endpoint\\Send, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_collection, 0, 0, Customerio\\Endpoint\\Collections, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Client_setClient, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, client, GuzzleHttp\\Client, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Customerio_Client_getClient, 0, 0, GuzzleHttp\\Client, 0)
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

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Client_getAccountRegion, 0, 0, 0)
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
ZEND_METHOD(Customerio_Client, events);
ZEND_METHOD(Customerio_Client, customers);
ZEND_METHOD(Customerio_Client, page);
ZEND_METHOD(Customerio_Client, campaigns);
ZEND_METHOD(Customerio_Client, messages);
ZEND_METHOD(Customerio_Client, messageTemplates);
ZEND_METHOD(Customerio_Client, newsletters);
ZEND_METHOD(Customerio_Client, segments);
ZEND_METHOD(Customerio_Client, exports);
ZEND_METHOD(Customerio_Client, activities);
ZEND_METHOD(Customerio_Client, senderIdentities);
ZEND_METHOD(Customerio_Client, send);
ZEND_METHOD(Customerio_Client, collection);
ZEND_METHOD(Customerio_Client, setClient);
ZEND_METHOD(Customerio_Client, getClient);
ZEND_METHOD(Customerio_Client, setAppAPIKey);
ZEND_METHOD(Customerio_Client, setSiteId);
ZEND_METHOD(Customerio_Client, setRegion);
ZEND_METHOD(Customerio_Client, getRegion);
ZEND_METHOD(Customerio_Client, getAccountRegion);
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
	ZEND_ME(Customerio_Client, events, arginfo_class_Customerio_Client_events, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, customers, arginfo_class_Customerio_Client_customers, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, page, arginfo_class_Customerio_Client_page, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, campaigns, arginfo_class_Customerio_Client_campaigns, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, messages, arginfo_class_Customerio_Client_messages, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, messageTemplates, arginfo_class_Customerio_Client_messageTemplates, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, newsletters, arginfo_class_Customerio_Client_newsletters, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, segments, arginfo_class_Customerio_Client_segments, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, exports, arginfo_class_Customerio_Client_exports, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, activities, arginfo_class_Customerio_Client_activities, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, senderIdentities, arginfo_class_Customerio_Client_senderIdentities, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, send, arginfo_class_Customerio_Client_send, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, collection, arginfo_class_Customerio_Client_collection, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setClient, arginfo_class_Customerio_Client_setClient, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getClient, arginfo_class_Customerio_Client_getClient, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setAppAPIKey, arginfo_class_Customerio_Client_setAppAPIKey, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setSiteId, arginfo_class_Customerio_Client_setSiteId, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, setRegion, arginfo_class_Customerio_Client_setRegion, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getRegion, arginfo_class_Customerio_Client_getRegion, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Client, getAccountRegion, arginfo_class_Customerio_Client_getAccountRegion, ZEND_ACC_PUBLIC)
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
	class_entry->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;

	zval property_events_default_value;
	ZVAL_NULL(&property_events_default_value);
	zend_string *property_events_name = zend_string_init("events", sizeof("events") - 1, 1);
	zend_declare_property_ex(class_entry, property_events_name, &property_events_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_events_name);

	zval property_customers_default_value;
	ZVAL_NULL(&property_customers_default_value);
	zend_string *property_customers_name = zend_string_init("customers", sizeof("customers") - 1, 1);
	zend_declare_property_ex(class_entry, property_customers_name, &property_customers_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_customers_name);

	zval property_page_default_value;
	ZVAL_NULL(&property_page_default_value);
	zend_string *property_page_name = zend_string_init("page", sizeof("page") - 1, 1);
	zend_declare_property_ex(class_entry, property_page_name, &property_page_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_page_name);

	zval property_campaigns_default_value;
	ZVAL_NULL(&property_campaigns_default_value);
	zend_string *property_campaigns_name = zend_string_init("campaigns", sizeof("campaigns") - 1, 1);
	zend_declare_property_ex(class_entry, property_campaigns_name, &property_campaigns_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_campaigns_name);

	zval property_messages_default_value;
	ZVAL_NULL(&property_messages_default_value);
	zend_string *property_messages_name = zend_string_init("messages", sizeof("messages") - 1, 1);
	zend_declare_property_ex(class_entry, property_messages_name, &property_messages_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_messages_name);

	zval property_messageTemplates_default_value;
	ZVAL_NULL(&property_messageTemplates_default_value);
	zend_string *property_messageTemplates_name = zend_string_init("messageTemplates", sizeof("messageTemplates") - 1, 1);
	zend_declare_property_ex(class_entry, property_messageTemplates_name, &property_messageTemplates_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_messageTemplates_name);

	zval property_newsletters_default_value;
	ZVAL_NULL(&property_newsletters_default_value);
	zend_string *property_newsletters_name = zend_string_init("newsletters", sizeof("newsletters") - 1, 1);
	zend_declare_property_ex(class_entry, property_newsletters_name, &property_newsletters_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_newsletters_name);

	zval property_segments_default_value;
	ZVAL_NULL(&property_segments_default_value);
	zend_string *property_segments_name = zend_string_init("segments", sizeof("segments") - 1, 1);
	zend_declare_property_ex(class_entry, property_segments_name, &property_segments_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_segments_name);

	zval property_exports_default_value;
	ZVAL_NULL(&property_exports_default_value);
	zend_string *property_exports_name = zend_string_init("exports", sizeof("exports") - 1, 1);
	zend_declare_property_ex(class_entry, property_exports_name, &property_exports_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_exports_name);

	zval property_activities_default_value;
	ZVAL_NULL(&property_activities_default_value);
	zend_string *property_activities_name = zend_string_init("activities", sizeof("activities") - 1, 1);
	zend_declare_property_ex(class_entry, property_activities_name, &property_activities_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_activities_name);

	zval property_senderIdentities_default_value;
	ZVAL_NULL(&property_senderIdentities_default_value);
	zend_string *property_senderIdentities_name = zend_string_init("senderIdentities", sizeof("senderIdentities") - 1, 1);
	zend_declare_property_ex(class_entry, property_senderIdentities_name, &property_senderIdentities_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_senderIdentities_name);

	zval property_send_default_value;
	ZVAL_NULL(&property_send_default_value);
	zend_string *property_send_name = zend_string_init("send", sizeof("send") - 1, 1);
	zend_declare_property_ex(class_entry, property_send_name, &property_send_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_send_name);

	zval property_collection_default_value;
	ZVAL_NULL(&property_collection_default_value);
	zend_string *property_collection_name = zend_string_init("collection", sizeof("collection") - 1, 1);
	zend_declare_property_ex(class_entry, property_collection_name, &property_collection_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_collection_name);

	zval property_track_default_value;
	ZVAL_NULL(&property_track_default_value);
	zend_string *property_track_name = zend_string_init("track", sizeof("track") - 1, 1);
	zend_declare_property_ex(class_entry, property_track_name, &property_track_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_track_name);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "setappapikey", sizeof("setappapikey") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}
