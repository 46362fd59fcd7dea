/* The background queue of Track v2 operations (Track::queue(), flush()) and the end-of-request send.
 *
 * Re-entrancy rule (for queue.c, batch.c and spool.c). User code can run at these points, and can call back
 * into any public method there, or drop the last reference to anything it reaches:
 *   - encoding an operation (jsonSerialize, __toString of its values),
 *   - sending through post() (a subclass's override, or a Guzzle client set with setClient(): its request(),
 *     handlers and middleware) and getRegion() (asked for the base URL when post() is called),
 *   - on_error, and every destructor (of what those return or release, and of the Client when it is released).
 * Before any of them runs:
 *   - the client is held (a counted reference in a local zval), so its struct outlives the call;
 *   - the operations being sent are detached: c->queue is swapped out to a local queue, and the batcher owns
 *     the request bodies. A queue() from user code then starts a new queue, a flush() sends only that one, and
 *     what failed is put back in front of it (flush()) or reported (the background sends): nothing is read from
 *     freed memory, sent twice, or dropped without a trace;
 *   - callables and values that are called or read are copied into locals (addref), and released after.
 * The list of queued clients lives in the module globals (CIO_G(pending)), is reset at every request start,
 * and is taken (swapped out) before it is sent: the end-of-request send drains it until it stays empty, and a
 * queue() made after that final drain is refused with a warning and goes to the spool.
 * A forked child never sends what its parent had queued: the queue remembers the process that filled it. */
#include "track.h"
#include "SAPI.h"
#include "zend_exceptions.h"
#include <unistd.h>

#define CIO_DRAIN_ROUNDS 4

/* Frees the operations; the queue stays usable (empty), its pending flag and pid kept. */
void cio_queue_free(cio_queue *q)
{
	smart_str_free(&q->json);
	if (q->ends) {
		efree(q->ends);
	}
	q->ends = NULL;
	q->count = q->cap = 0;
}

void cio_queue_append(cio_queue *q, const char *json, size_t len)
{
	if (q->count == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 64;
		q->ends = safe_erealloc(q->ends, q->cap, sizeof(size_t), 0);
	}
	if (q->count) {
		smart_str_appendc(&q->json, ',');
	}
	smart_str_appendl(&q->json, json, len);
	smart_str_0(&q->json);
	q->ends[q->count++] = ZSTR_LEN(q->json.s);
}

/* A child of pcntl_fork() finds its parent's operations in its copy of the queue: the parent sends them, so
 * the child forgets its copy and sends only what it queues itself. */
static void cio_queue_own(cio_queue *q)
{
	pid_t pid = cio_getpid();

	if (q->pid != pid) {
		cio_queue_free(q);
		q->pid = pid;
	}
}

/* Takes the client's operations out: what user code queues from now on is a new queue. */
static void cio_queue_detach(cio_client *c, cio_queue *out)
{
	*out = c->queue;
	memset(&c->queue, 0, sizeof(c->queue));
	c->queue.pending = out->pending;
	c->queue.pid = out->pid;
	out->pending = false;
}

/* Puts operations [from, count) of ops back in front of what was queued meanwhile, in order. */
static void cio_queue_put_back(cio_client *c, const cio_queue *ops, uint32_t from)
{
	cio_queue merged = {0};

	for (uint32_t i = from; i < ops->count; i++) {
		cio_queue_append(&merged, ZSTR_VAL(ops->json.s) + cio_queue_start(ops, i), cio_queue_len(ops, i));
	}
	for (uint32_t i = 0; i < c->queue.count; i++) {
		cio_queue_append(&merged, ZSTR_VAL(c->queue.json.s) + cio_queue_start(&c->queue, i),
			cio_queue_len(&c->queue, i));
	}
	merged.pending = c->queue.pending;
	merged.pid = c->queue.pid;
	cio_queue_free(&c->queue);
	c->queue = merged;
}

/* Operation i decoded (as arrays), appended to list. */
static void cio_queue_add_decoded(const cio_queue *q, uint32_t i, zval *list)
{
	zval op;
	/* the decoder needs a terminated string */
	zend_string *json = zend_string_init(ZSTR_VAL(q->json.s) + cio_queue_start(q, i), cio_queue_len(q, i), 0);

	cio_json_decode(&op, ZSTR_VAL(json), ZSTR_LEN(json), true);
	zend_string_release(json);
	add_next_index_zval(list, &op);
}

/* Operations [from, count), or those listed in indices (a list of ints), as a PHP list, for on_error. */
static void cio_queue_list(const cio_queue *q, uint32_t from, HashTable *indices, zval *list)
{
	zval *index;

	array_init(list);
	if (!indices) {
		for (uint32_t i = from; i < q->count; i++) {
			cio_queue_add_decoded(q, i, list);
		}
		return;
	}
	ZEND_HASH_FOREACH_VAL(indices, index) {
		if (Z_TYPE_P(index) == IS_LONG && Z_LVAL_P(index) >= 0 && Z_LVAL_P(index) < (zend_long)q->count) {
			cio_queue_add_decoded(q, (uint32_t)Z_LVAL_P(index), list);
		}
	} ZEND_HASH_FOREACH_END();
}

uint32_t cio_queue_send(zval *client, const cio_queue *ops, zval *answer)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	cio_batcher batcher;
	zend_result result = SUCCESS;
	uint32_t delivered;

	/* one request at a time: on failure, exactly the operations from the failed one on are not delivered */
	cio_batcher_init(&batcher, client, c->cfg.max_batch_bytes, 1);
	for (uint32_t i = 0; i < ops->count && result == SUCCESS; i++) {
		result = cio_batcher_add(&batcher, ZSTR_VAL(ops->json.s) + cio_queue_start(ops, i), cio_queue_len(ops, i));
	}
	if (result == SUCCESS) {
		result = cio_batcher_finish(&batcher, answer);
	}
	if (result == FAILURE) {
		ZVAL_COPY_VALUE(answer, &batcher.merged); /* what was delivered before the failure may carry errors */
		ZVAL_UNDEF(&batcher.merged);
	}
	delivered = result == SUCCESS ? ops->count : (uint32_t)batcher.failed_from;
	cio_batcher_free(&batcher);
	return delivered;
}

/* One log line: the message's body excerpt goes on it without its line breaks. */
static zend_string *cio_one_line(zend_object *ex)
{
	zval rv, *message = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
	zend_string *line = Z_TYPE_P(message) == IS_STRING ? zend_string_init(Z_STRVAL_P(message), Z_STRLEN_P(message), 0)
		: ZSTR_EMPTY_ALLOC();

	for (size_t i = 0; i < ZSTR_LEN(line); i++) {
		if (ZSTR_VAL(line)[i] == '\n' || ZSTR_VAL(line)[i] == '\r') {
			ZSTR_VAL(line)[i] = ' ';
		}
	}
	while (ZSTR_LEN(line) && ZSTR_VAL(line)[ZSTR_LEN(line) - 1] == ' ') {
		ZSTR_VAL(line)[--ZSTR_LEN(line)] = '\0';
	}
	return line;
}

/* A new exception object, not thrown: handed to on_error. */
static zend_object *cio_make_exception(zend_class_entry *ce, zend_string *message)
{
	zval ex, text;

	object_init_ex(&ex, ce);
	ZVAL_STR(&text, message);
	zend_update_property_ex(zend_ce_exception, Z_OBJ(ex), ZSTR_KNOWN(ZEND_STR_MESSAGE), &text);
	zend_string_release(message);
	return Z_OBJ(ex);
}

/* on_error($exception, $operations), held while it runs; a throwing on_error is reported and ignored. */
static void cio_call_on_error(cio_client *c, zend_object *ex, zval *ops)
{
	zval retval, args[2];

	if (Z_TYPE(c->on_error) == IS_UNDEF) {
		return;
	}
	ZVAL_OBJ_COPY(&args[0], ex);
	ZVAL_COPY_VALUE(&args[1], ops);
	if (cio_client_call_on_error(&c->std, &retval, 2, args) == SUCCESS) {
		zval_ptr_dtor(&retval);
	}
	zval_ptr_dtor(&args[0]);
	if (EG(exception)) {
		/* a throwing on_error must not break the page's shutdown: report it and go on */
		zend_exception_error(EG(exception), E_WARNING);
		zend_clear_exception();
	}
}

/* Operations [from, count) of ops that could not be delivered: the error log, the spool, on_error. */
static void cio_queue_failed(cio_client *c, zend_object *ex, const cio_queue *ops, uint32_t from, bool call_on_error)
{
	zend_string *line = cio_one_line(ex);
	bool spooled = cio_spool(ops, from);
	zval list;

	zend_error(E_WARNING, "customerio: %u Track v2 operation(s) not delivered (%s: %s)%s",
		ops->count - from, ZSTR_VAL(ex->ce->name), ZSTR_VAL(line), spooled ? "; appended to customerio.spool_dir" : "");
	zend_string_release(line);
	if (call_on_error) {
		cio_queue_list(ops, from, NULL, &list);
		cio_call_on_error(c, ex, &list);
		zval_ptr_dtor(&list);
	}
}

/* Delivered operations that Customer.io refused (a 207, or a 200 with errors[]): resending them unchanged fails
 * again, so they go to the rejected file (with the reasons), the error log, and on_error with a
 * PartialBatchException whose getRejected() is keyed by the position in the $operations it gets. */
static void cio_queue_rejected(cio_client *c, const cio_queue *ops, zval *answer, uint32_t delivered,
	bool call_on_error)
{
	zval rejected, positions, list, *errors;
	uint32_t unattributed;
	zend_ulong index;
	zend_string *where = NULL;

	cio_rejected_of(answer, delivered, &rejected, &unattributed);
	uint32_t n = zend_hash_num_elements(Z_ARRVAL(rejected));
	if (n || unattributed) {
		bool spooled = n && cio_spool_rejected(NULL, ops, &rejected, &where);
		zend_error(E_WARNING, "customerio: %u Track v2 operation(s) rejected by Customer.io%s%s%s",
			n, unattributed ? " (and errors without batch_index)" : "", spooled ? "; written with the reasons to " : "",
			spooled ? ZSTR_VAL(where) : "");
		if (where) {
			zend_string_release(where);
		}
	}
	if (n && call_on_error && Z_TYPE(c->on_error) != IS_UNDEF) {
		zval by_position, none;
		array_init(&positions);
		array_init(&by_position);
		ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL(rejected), index, errors) {
			add_next_index_long(&positions, (zend_long)index);
			Z_TRY_ADDREF_P(errors);
			add_next_index_zval(&by_position, errors);
		} ZEND_HASH_FOREACH_END();
		cio_queue_list(ops, 0, Z_ARRVAL(positions), &list);
		zend_object *ex = cio_make_exception(cio_ce_partial_batch,
			zend_strpprintf(0, "Customer.io rejected %u queued Track v2 operation(s)", n));
		zend_update_property(cio_ce_partial_batch, ex, "rejected", sizeof("rejected") - 1, &by_position);
		ZVAL_EMPTY_ARRAY(&none);
		zend_update_property(cio_ce_partial_batch, ex, "accepted", sizeof("accepted") - 1, &none);
		cio_call_on_error(c, ex, &list);
		OBJ_RELEASE(ex);
		zval_ptr_dtor(&by_position);
		zval_ptr_dtor(&positions);
		zval_ptr_dtor(&list);
	}
	zval_ptr_dtor(&rejected);
}

/* Sends detached operations in the background (queue() when full, the end of the request): never throws;
 * rejected and undelivered operations are reported. */
static void cio_queue_send_background(zval *client, const cio_queue *ops, bool call_on_error)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	zval answer;
	zend_object *ex = NULL;

	ZVAL_UNDEF(&answer);
	uint32_t delivered = cio_queue_send(client, ops, &answer);
	if (EG(exception) && zend_is_unwind_exit(EG(exception))) {
		/* exit() in user code during the send: no more user code runs; what was not delivered is kept */
		bool spooled = delivered < ops->count && cio_spool(ops, delivered);
		if (delivered < ops->count) {
			zend_error(E_WARNING, "customerio: %u Track v2 operation(s) not delivered (exit() during the send)%s",
				ops->count - delivered, spooled ? "; appended to customerio.spool_dir" : "");
		}
		zval_ptr_dtor(&answer);
		return;
	}
	if (EG(exception)) {
		ex = EG(exception);
		GC_ADDREF(ex);
		zend_clear_exception();
	}
	cio_queue_rejected(c, ops, &answer, delivered, call_on_error);
	zval_ptr_dtor(&answer);
	if (delivered < ops->count) {
		if (!ex) {
			ex = cio_make_exception(cio_ce_transfer, zend_string_init("The request was not completed", 29, 0));
		}
		cio_queue_failed(c, ex, ops, delivered, call_on_error);
	}
	if (ex) {
		OBJ_RELEASE(ex);
	}
}

/* Held until the end-of-request send: the client joins the list of queued clients once. */
static void cio_queue_register(zval *client, cio_queue *q)
{
	if (q->pending) {
		return;
	}
	q->pending = true;
	if (CIO_G(pending_count) == CIO_G(pending_cap)) {
		CIO_G(pending_cap) = CIO_G(pending_cap) ? CIO_G(pending_cap) * 2 : 8;
		CIO_G(pending) = safe_erealloc(CIO_G(pending), CIO_G(pending_cap), sizeof(zend_object *), 0);
	}
	GC_ADDREF(Z_OBJ_P(client));
	CIO_G(pending)[CIO_G(pending_count)++] = Z_OBJ_P(client);
}

/* queue() once the end-of-request send is over: nothing would send it any more, so it goes to the spool. */
static void cio_queue_refused(smart_str *encoded)
{
	cio_queue one = {0};

	cio_queue_append(&one, ZSTR_VAL(encoded->s), ZSTR_LEN(encoded->s));
	bool spooled = cio_spool(&one, 0);
	zend_error(E_WARNING, "customerio: Track::queue() after the end-of-request send: the operation was %s",
		spooled ? "appended to customerio.spool_dir, not sent" : "not sent (no customerio.spool_dir to keep it)");
	cio_queue_free(&one);
}

static void cio_track_queue_held(zval *client, zval *op)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	smart_str encoded = {0};

	/* encoding runs user code: the queue is read only after it */
	if (cio_encode_op(&encoded, op, cio_needs_id(&c->cfg, op)) == FAILURE
		|| cio_check_op_size(&c->cfg, ZSTR_LEN(encoded.s), -1) == FAILURE) {
		smart_str_free(&encoded);
		return;
	}
	if (c->cfg.spool_mode) {
		/* spool mode (src/spool_mode.c): the operation goes to the spool file; nothing waits for the end of the
		 * request, so this works after it too */
		cio_spool_append(client, &encoded);
		smart_str_free(&encoded);
		return;
	}
	if (CIO_G(queue_closed)) {
		cio_queue_refused(&encoded);
		smart_str_free(&encoded);
		return;
	}
	cio_queue *q = &c->queue;
	cio_queue_own(q);
	size_t body = sizeof(CIO_BATCH_OPEN) - 1 + (q->json.s ? ZSTR_LEN(q->json.s) + 1 : 0) + ZSTR_LEN(encoded.s)
		+ sizeof(CIO_BATCH_CLOSE) - 1;
	if (q->count && (zend_long)body > c->cfg.max_batch_bytes) {
		/* full: send now, and never throw from queue(): a failure goes where background failures go */
		cio_queue full;
		cio_queue_detach(c, &full);
		cio_queue_send_background(client, &full, true);
		cio_queue_free(&full);
	}
	cio_queue_append(&c->queue, ZSTR_VAL(encoded.s), ZSTR_LEN(encoded.s));
	smart_str_free(&encoded);
	cio_queue_register(client, &c->queue);
}

void cio_track_queue(zval *client, zval *op)
{
	zval held;

	ZVAL_COPY(&held, client);
	cio_track_queue_held(&held, op);
	zval_ptr_dtor(&held);
}

void cio_track_flush(zval *client, zval *return_value)
{
	zval held;
	cio_queue sending;
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));

	cio_queue_own(&c->queue);
	if (!c->queue.count) {
		return;
	}
	ZVAL_COPY(&held, client);
	cio_queue_detach(c, &sending);
	uint32_t delivered = cio_queue_send(&held, &sending, return_value);
	if (delivered < sending.count) {
		/* on failure the undelivered stay queued, in front of what was queued meanwhile */
		cio_queue_put_back(c, &sending, delivered);
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
	}
	cio_queue_free(&sending);
	zval_ptr_dtor(&held);
}

/* ---- the end of the request ---- */

void cio_queue_rinit(void)
{
	/* a request that ended in a fatal error may have left the list behind: its memory went with that request */
	CIO_G(pending) = NULL;
	CIO_G(pending_count) = CIO_G(pending_cap) = 0;
	CIO_G(queue_closed) = false;
}

/* One round: the list is taken first, so queue() calls made while it is sent build the next one. */
static void cio_pending_drain(bool call_on_error)
{
	zend_object **list = CIO_G(pending);
	uint32_t n = CIO_G(pending_count);

	CIO_G(pending) = NULL;
	CIO_G(pending_count) = CIO_G(pending_cap) = 0;
	for (uint32_t i = 0; i < n; i++) {
		zval client;
		cio_client *c = cio_client_from_obj(list[i]);
		ZVAL_OBJ(&client, list[i]);
		c->queue.pending = false;
		zend_try {
			cio_queue_own(&c->queue);
			if (c->queue.count) {
				cio_queue sending;
				cio_queue_detach(c, &sending);
				cio_queue_send_background(&client, &sending, call_on_error);
				cio_queue_free(&sending);
			}
		} zend_end_try();
		if (EG(exception) && zend_is_unwind_exit(EG(exception))) {
			zend_clear_exception(); /* exit() at the end of the request: the other clients are still sent */
		}
		OBJ_RELEASE(list[i]);
	}
	if (list) {
		efree(list);
	}
}

/* Destructors of objects the sends made (a Guzzle client's responses, what on_error kept) run while PHP code
 * can still run; later they could only fail. They may queue again: the next round sends that. */
static void cio_run_late_destructors(void)
{
	zend_try {
		zend_objects_store_call_destructors(&EG(objects_store));
	} zend_end_try();
	if (EG(exception)) {
		zend_exception_error(EG(exception), E_WARNING);
		zend_clear_exception();
	}
}

/* php-fpm: the page is finished for the user first. */
static void cio_finish_response(void)
{
	zval name, retval;

	if (!sapi_module.name || strcmp(sapi_module.name, "fpm-fcgi") != 0) {
		return;
	}
	ZVAL_STRING(&name, "fastcgi_finish_request");
	if (call_user_function(NULL, NULL, &name, &retval, 0, NULL) == SUCCESS) {
		zval_ptr_dtor(&retval);
	}
	zval_ptr_dtor(&name);
	zend_clear_exception();
}

void cio_track_rshutdown(void)
{
	zend_execute_data frame, *saved = EG(current_execute_data);
	static zend_internal_function flush_function;

	if (!CIO_G(pending_count)) {
		CIO_G(queue_closed) = true;
		return;
	}
	/* RSHUTDOWN runs outside any frame, where throwing is fatal: run the sends in one, named like an
	 * internal function so that error messages and stream warnings have a function to name */
	if (!saved) {
		memset(&frame, 0, sizeof(frame));
		flush_function.type = ZEND_INTERNAL_FUNCTION;
		flush_function.function_name = zend_empty_string;
		frame.func = (zend_function *)&flush_function;
		EG(current_execute_data) = &frame;
	}
	cio_finish_response();
	/* until nothing queues any more; on_error is not called in the last round, so it cannot loop */
	for (int round = 0; round < CIO_DRAIN_ROUNDS && CIO_G(pending_count); round++) {
		cio_pending_drain(round < CIO_DRAIN_ROUNDS - 1);
		cio_run_late_destructors();
	}
	CIO_G(queue_closed) = true;
	/* what the last round's destructors queued is sent once more, without on_error; later queue() calls spool */
	cio_pending_drain(false);
	EG(current_execute_data) = saved;
}
