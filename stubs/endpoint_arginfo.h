/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b43eb843d59c58363c2f8e3befee6ee0bbfa7ca4 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Endpoint_Base___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, client, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Base_generatePath, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, prefix, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, extra, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Base_customerPath, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, extra, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Endpoint_Base_campaignPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_messagesPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_messagesTemplatesPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_newslettersPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_segmentsPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_exportsPath arginfo_class_Customerio_Endpoint_Base_customerPath

#define arginfo_class_Customerio_Endpoint_Base_activitiesPath arginfo_class_Customerio_Endpoint_Base_customerPath

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Base_collectionsPath, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_LONG, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, extra, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Endpoint_Base_senderIdentitiesPath arginfo_class_Customerio_Endpoint_Base_customerPath

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Customerio_Endpoint_Track_entity, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Endpoint_Track_batch arginfo_class_Customerio_Endpoint_Track_entity

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Track_queue, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, operation, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Track_flush, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Track_replay, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Track_drain, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Customerio_Endpoint_Track_spoolStatus, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Customerio_Endpoint_Activities_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_metrics arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_triggers arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_trigger arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_messages arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_actions arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_getAction arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Campaigns_getActionMetrics arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_create arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_delete arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_update arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_content arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Collections_updateContent arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers___construct arginfo_class_Customerio_Endpoint_Base___construct

#define arginfo_class_Customerio_Endpoint_Customers_event arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_add arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_delete arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_update arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_attributes arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_segments arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_messages arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_activities arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_suppress arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_unsuppress arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_merge arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Events_anonymous arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Exports_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Exports_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Exports_download arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_MessageTemplates_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_MessageTemplates_metrics arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Messages_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Messages_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Newsletters_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Newsletters_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Newsletters_metrics arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Newsletters_messages arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Page_view arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_create arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_usedBy arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_customerCount arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_membership arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_delete arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_addCustomers arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Segments_removeCustomers arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Send_email arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Send_sms arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_SenderIdentities_search arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_SenderIdentities_get arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_SenderIdentities_usedBy arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_Devices_add arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_Devices_update arginfo_class_Customerio_Endpoint_Track_entity

#define arginfo_class_Customerio_Endpoint_Customers_Devices_delete arginfo_class_Customerio_Endpoint_Track_entity


ZEND_METHOD(Customerio_Endpoint_Base, __construct);
ZEND_METHOD(Customerio_Endpoint_Base, generatePath);
ZEND_METHOD(Customerio_Endpoint_Base, customerPath);
ZEND_METHOD(Customerio_Endpoint_Base, campaignPath);
ZEND_METHOD(Customerio_Endpoint_Base, messagesPath);
ZEND_METHOD(Customerio_Endpoint_Base, messagesTemplatesPath);
ZEND_METHOD(Customerio_Endpoint_Base, newslettersPath);
ZEND_METHOD(Customerio_Endpoint_Base, segmentsPath);
ZEND_METHOD(Customerio_Endpoint_Base, exportsPath);
ZEND_METHOD(Customerio_Endpoint_Base, activitiesPath);
ZEND_METHOD(Customerio_Endpoint_Base, collectionsPath);
ZEND_METHOD(Customerio_Endpoint_Base, senderIdentitiesPath);
ZEND_METHOD(Customerio_Endpoint_Track, entity);
ZEND_METHOD(Customerio_Endpoint_Track, batch);
ZEND_METHOD(Customerio_Endpoint_Track, queue);
ZEND_METHOD(Customerio_Endpoint_Track, flush);
ZEND_METHOD(Customerio_Endpoint_Track, replay);
ZEND_METHOD(Customerio_Endpoint_Track, drain);
ZEND_METHOD(Customerio_Endpoint_Track, spoolStatus);
ZEND_METHOD(Customerio_Endpoint_Activities, search);
ZEND_METHOD(Customerio_Endpoint_Campaigns, search);
ZEND_METHOD(Customerio_Endpoint_Campaigns, get);
ZEND_METHOD(Customerio_Endpoint_Campaigns, metrics);
ZEND_METHOD(Customerio_Endpoint_Campaigns, triggers);
ZEND_METHOD(Customerio_Endpoint_Campaigns, trigger);
ZEND_METHOD(Customerio_Endpoint_Campaigns, messages);
ZEND_METHOD(Customerio_Endpoint_Campaigns, actions);
ZEND_METHOD(Customerio_Endpoint_Campaigns, getAction);
ZEND_METHOD(Customerio_Endpoint_Campaigns, getActionMetrics);
ZEND_METHOD(Customerio_Endpoint_Collections, search);
ZEND_METHOD(Customerio_Endpoint_Collections, get);
ZEND_METHOD(Customerio_Endpoint_Collections, create);
ZEND_METHOD(Customerio_Endpoint_Collections, delete);
ZEND_METHOD(Customerio_Endpoint_Collections, update);
ZEND_METHOD(Customerio_Endpoint_Collections, content);
ZEND_METHOD(Customerio_Endpoint_Collections, updateContent);
ZEND_METHOD(Customerio_Endpoint_Customers, __construct);
ZEND_METHOD(Customerio_Endpoint_Customers, event);
ZEND_METHOD(Customerio_Endpoint_Customers, add);
ZEND_METHOD(Customerio_Endpoint_Customers, delete);
ZEND_METHOD(Customerio_Endpoint_Customers, update);
ZEND_METHOD(Customerio_Endpoint_Customers, get);
ZEND_METHOD(Customerio_Endpoint_Customers, search);
ZEND_METHOD(Customerio_Endpoint_Customers, attributes);
ZEND_METHOD(Customerio_Endpoint_Customers, segments);
ZEND_METHOD(Customerio_Endpoint_Customers, messages);
ZEND_METHOD(Customerio_Endpoint_Customers, activities);
ZEND_METHOD(Customerio_Endpoint_Customers, suppress);
ZEND_METHOD(Customerio_Endpoint_Customers, unsuppress);
ZEND_METHOD(Customerio_Endpoint_Customers, merge);
ZEND_METHOD(Customerio_Endpoint_Events, anonymous);
ZEND_METHOD(Customerio_Endpoint_Exports, search);
ZEND_METHOD(Customerio_Endpoint_Exports, get);
ZEND_METHOD(Customerio_Endpoint_Exports, download);
ZEND_METHOD(Customerio_Endpoint_MessageTemplates, get);
ZEND_METHOD(Customerio_Endpoint_MessageTemplates, metrics);
ZEND_METHOD(Customerio_Endpoint_Messages, search);
ZEND_METHOD(Customerio_Endpoint_Messages, get);
ZEND_METHOD(Customerio_Endpoint_Newsletters, search);
ZEND_METHOD(Customerio_Endpoint_Newsletters, get);
ZEND_METHOD(Customerio_Endpoint_Newsletters, metrics);
ZEND_METHOD(Customerio_Endpoint_Newsletters, messages);
ZEND_METHOD(Customerio_Endpoint_Page, view);
ZEND_METHOD(Customerio_Endpoint_Segments, create);
ZEND_METHOD(Customerio_Endpoint_Segments, search);
ZEND_METHOD(Customerio_Endpoint_Segments, get);
ZEND_METHOD(Customerio_Endpoint_Segments, usedBy);
ZEND_METHOD(Customerio_Endpoint_Segments, customerCount);
ZEND_METHOD(Customerio_Endpoint_Segments, membership);
ZEND_METHOD(Customerio_Endpoint_Segments, delete);
ZEND_METHOD(Customerio_Endpoint_Segments, addCustomers);
ZEND_METHOD(Customerio_Endpoint_Segments, removeCustomers);
ZEND_METHOD(Customerio_Endpoint_Send, email);
ZEND_METHOD(Customerio_Endpoint_Send, sms);
ZEND_METHOD(Customerio_Endpoint_SenderIdentities, search);
ZEND_METHOD(Customerio_Endpoint_SenderIdentities, get);
ZEND_METHOD(Customerio_Endpoint_SenderIdentities, usedBy);
ZEND_METHOD(Customerio_Endpoint_Customers_Devices, add);
ZEND_METHOD(Customerio_Endpoint_Customers_Devices, update);
ZEND_METHOD(Customerio_Endpoint_Customers_Devices, delete);


static const zend_function_entry class_Customerio_Endpoint_Base_methods[] = {
	ZEND_ME(Customerio_Endpoint_Base, __construct, arginfo_class_Customerio_Endpoint_Base___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, generatePath, arginfo_class_Customerio_Endpoint_Base_generatePath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, customerPath, arginfo_class_Customerio_Endpoint_Base_customerPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, campaignPath, arginfo_class_Customerio_Endpoint_Base_campaignPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, messagesPath, arginfo_class_Customerio_Endpoint_Base_messagesPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, messagesTemplatesPath, arginfo_class_Customerio_Endpoint_Base_messagesTemplatesPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, newslettersPath, arginfo_class_Customerio_Endpoint_Base_newslettersPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, segmentsPath, arginfo_class_Customerio_Endpoint_Base_segmentsPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, exportsPath, arginfo_class_Customerio_Endpoint_Base_exportsPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, activitiesPath, arginfo_class_Customerio_Endpoint_Base_activitiesPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, collectionsPath, arginfo_class_Customerio_Endpoint_Base_collectionsPath, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Base, senderIdentitiesPath, arginfo_class_Customerio_Endpoint_Base_senderIdentitiesPath, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Track_methods[] = {
	ZEND_ME(Customerio_Endpoint_Track, entity, arginfo_class_Customerio_Endpoint_Track_entity, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, batch, arginfo_class_Customerio_Endpoint_Track_batch, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, queue, arginfo_class_Customerio_Endpoint_Track_queue, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, flush, arginfo_class_Customerio_Endpoint_Track_flush, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, replay, arginfo_class_Customerio_Endpoint_Track_replay, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, drain, arginfo_class_Customerio_Endpoint_Track_drain, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Track, spoolStatus, arginfo_class_Customerio_Endpoint_Track_spoolStatus, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Activities_methods[] = {
	ZEND_ME(Customerio_Endpoint_Activities, search, arginfo_class_Customerio_Endpoint_Activities_search, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Campaigns_methods[] = {
	ZEND_ME(Customerio_Endpoint_Campaigns, search, arginfo_class_Customerio_Endpoint_Campaigns_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, get, arginfo_class_Customerio_Endpoint_Campaigns_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, metrics, arginfo_class_Customerio_Endpoint_Campaigns_metrics, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, triggers, arginfo_class_Customerio_Endpoint_Campaigns_triggers, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, trigger, arginfo_class_Customerio_Endpoint_Campaigns_trigger, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, messages, arginfo_class_Customerio_Endpoint_Campaigns_messages, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, actions, arginfo_class_Customerio_Endpoint_Campaigns_actions, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, getAction, arginfo_class_Customerio_Endpoint_Campaigns_getAction, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Campaigns, getActionMetrics, arginfo_class_Customerio_Endpoint_Campaigns_getActionMetrics, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Collections_methods[] = {
	ZEND_ME(Customerio_Endpoint_Collections, search, arginfo_class_Customerio_Endpoint_Collections_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, get, arginfo_class_Customerio_Endpoint_Collections_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, create, arginfo_class_Customerio_Endpoint_Collections_create, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, delete, arginfo_class_Customerio_Endpoint_Collections_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, update, arginfo_class_Customerio_Endpoint_Collections_update, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, content, arginfo_class_Customerio_Endpoint_Collections_content, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Collections, updateContent, arginfo_class_Customerio_Endpoint_Collections_updateContent, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Customers_methods[] = {
	ZEND_ME(Customerio_Endpoint_Customers, __construct, arginfo_class_Customerio_Endpoint_Customers___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, event, arginfo_class_Customerio_Endpoint_Customers_event, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, add, arginfo_class_Customerio_Endpoint_Customers_add, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, delete, arginfo_class_Customerio_Endpoint_Customers_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, update, arginfo_class_Customerio_Endpoint_Customers_update, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, get, arginfo_class_Customerio_Endpoint_Customers_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, search, arginfo_class_Customerio_Endpoint_Customers_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, attributes, arginfo_class_Customerio_Endpoint_Customers_attributes, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, segments, arginfo_class_Customerio_Endpoint_Customers_segments, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, messages, arginfo_class_Customerio_Endpoint_Customers_messages, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, activities, arginfo_class_Customerio_Endpoint_Customers_activities, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, suppress, arginfo_class_Customerio_Endpoint_Customers_suppress, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, unsuppress, arginfo_class_Customerio_Endpoint_Customers_unsuppress, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers, merge, arginfo_class_Customerio_Endpoint_Customers_merge, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Events_methods[] = {
	ZEND_ME(Customerio_Endpoint_Events, anonymous, arginfo_class_Customerio_Endpoint_Events_anonymous, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Exports_methods[] = {
	ZEND_ME(Customerio_Endpoint_Exports, search, arginfo_class_Customerio_Endpoint_Exports_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Exports, get, arginfo_class_Customerio_Endpoint_Exports_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Exports, download, arginfo_class_Customerio_Endpoint_Exports_download, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_MessageTemplates_methods[] = {
	ZEND_ME(Customerio_Endpoint_MessageTemplates, get, arginfo_class_Customerio_Endpoint_MessageTemplates_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_MessageTemplates, metrics, arginfo_class_Customerio_Endpoint_MessageTemplates_metrics, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Messages_methods[] = {
	ZEND_ME(Customerio_Endpoint_Messages, search, arginfo_class_Customerio_Endpoint_Messages_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Messages, get, arginfo_class_Customerio_Endpoint_Messages_get, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Newsletters_methods[] = {
	ZEND_ME(Customerio_Endpoint_Newsletters, search, arginfo_class_Customerio_Endpoint_Newsletters_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Newsletters, get, arginfo_class_Customerio_Endpoint_Newsletters_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Newsletters, metrics, arginfo_class_Customerio_Endpoint_Newsletters_metrics, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Newsletters, messages, arginfo_class_Customerio_Endpoint_Newsletters_messages, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Page_methods[] = {
	ZEND_ME(Customerio_Endpoint_Page, view, arginfo_class_Customerio_Endpoint_Page_view, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Segments_methods[] = {
	ZEND_ME(Customerio_Endpoint_Segments, create, arginfo_class_Customerio_Endpoint_Segments_create, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, search, arginfo_class_Customerio_Endpoint_Segments_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, get, arginfo_class_Customerio_Endpoint_Segments_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, usedBy, arginfo_class_Customerio_Endpoint_Segments_usedBy, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, customerCount, arginfo_class_Customerio_Endpoint_Segments_customerCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, membership, arginfo_class_Customerio_Endpoint_Segments_membership, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, delete, arginfo_class_Customerio_Endpoint_Segments_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, addCustomers, arginfo_class_Customerio_Endpoint_Segments_addCustomers, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Segments, removeCustomers, arginfo_class_Customerio_Endpoint_Segments_removeCustomers, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Send_methods[] = {
	ZEND_ME(Customerio_Endpoint_Send, email, arginfo_class_Customerio_Endpoint_Send_email, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Send, sms, arginfo_class_Customerio_Endpoint_Send_sms, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_SenderIdentities_methods[] = {
	ZEND_ME(Customerio_Endpoint_SenderIdentities, search, arginfo_class_Customerio_Endpoint_SenderIdentities_search, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_SenderIdentities, get, arginfo_class_Customerio_Endpoint_SenderIdentities_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_SenderIdentities, usedBy, arginfo_class_Customerio_Endpoint_SenderIdentities_usedBy, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Customerio_Endpoint_Customers_Devices_methods[] = {
	ZEND_ME(Customerio_Endpoint_Customers_Devices, add, arginfo_class_Customerio_Endpoint_Customers_Devices_add, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers_Devices, update, arginfo_class_Customerio_Endpoint_Customers_Devices_update, ZEND_ACC_PUBLIC)
	ZEND_ME(Customerio_Endpoint_Customers_Devices, delete, arginfo_class_Customerio_Endpoint_Customers_Devices_delete, ZEND_ACC_PUBLIC)
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

static zend_class_entry *register_class_Customerio_Endpoint_Activities(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Activities", class_Customerio_Endpoint_Activities_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Campaigns(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Campaigns", class_Customerio_Endpoint_Campaigns_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Collections(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Collections", class_Customerio_Endpoint_Collections_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Customers(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Customers", class_Customerio_Endpoint_Customers_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	zval property_devices_default_value;
	ZVAL_NULL(&property_devices_default_value);
	zend_string *property_devices_name = zend_string_init("devices", sizeof("devices") - 1, 1);
	zend_declare_property_ex(class_entry, property_devices_name, &property_devices_default_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(property_devices_name);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Events(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Events", class_Customerio_Endpoint_Events_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Exports(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Exports", class_Customerio_Endpoint_Exports_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_MessageTemplates(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "MessageTemplates", class_Customerio_Endpoint_MessageTemplates_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Messages(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Messages", class_Customerio_Endpoint_Messages_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Newsletters(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Newsletters", class_Customerio_Endpoint_Newsletters_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Page(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Page", class_Customerio_Endpoint_Page_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Segments(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Segments", class_Customerio_Endpoint_Segments_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Send(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "Send", class_Customerio_Endpoint_Send_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_SenderIdentities(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint", "SenderIdentities", class_Customerio_Endpoint_SenderIdentities_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}

static zend_class_entry *register_class_Customerio_Endpoint_Customers_Devices(zend_class_entry *class_entry_Customerio_Endpoint_Base)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Customerio\\Endpoint\\Customers", "Devices", class_Customerio_Endpoint_Customers_Devices_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Customerio_Endpoint_Base);

	return class_entry;
}
