/* Track v2 requests: operations size-checked against Customer.io's limits, packed into requests under
 * max_batch_bytes, sent in order (or, with max_concurrency > 1, in unordered waves), their answers merged; and
 * entity() / batch() on top, with PartialBatchException for a split batch that fails part-way. */
#include "track.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "php_open_temporary_file.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

zend_class_entry *cio_ce_partial_batch;

zend_result cio_check_op_size(const cio_config *cfg, size_t size, zend_long index)
{
	if ((zend_long)size <= cfg->max_entity_bytes) {
		return SUCCESS;
	}
	if (index < 0) {
		cio_throw_payload_error("The operation is %zu bytes of JSON, over the limit of %ld bytes per operation "
			"(max_entity_bytes); nothing was sent", size, (long)cfg->max_entity_bytes);
	} else {
		cio_throw_payload_error("Batch operation #%ld is %zu bytes of JSON, over the limit of %ld bytes per "
			"operation (max_entity_bytes); nothing was sent", (long)index, size, (long)cfg->max_entity_bytes);
	}
	return FAILURE;
}

/* ---- answers of several requests, merged ---- */

static HashTable *cio_fields_of(zval *value)
{
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_ARRAY) {
		return Z_ARRVAL_P(value);
	}
	return Z_TYPE_P(value) == IS_OBJECT ? Z_OBJ_HT_P(value)->get_properties(Z_OBJ_P(value)) : NULL;
}

zval *cio_errors_of(zval *answer)
{
	HashTable *fields = cio_fields_of(answer);
	zval *errors = fields ? zend_hash_str_find(fields, "errors", 6) : NULL;

	if (errors) {
		ZVAL_DEREF(errors);
	}
	return errors && Z_TYPE_P(errors) == IS_ARRAY ? errors : NULL;
}

/* batch_index of an error, or -1 */
static zend_long cio_error_index(zval *error)
{
	HashTable *fields = cio_fields_of(error);
	zval *index = fields ? zend_hash_str_find(fields, "batch_index", 11) : NULL;

	if (index) {
		ZVAL_DEREF(index);
	}
	return index && Z_TYPE_P(index) == IS_LONG ? Z_LVAL_P(index) : -1;
}

/* batch_index of each 207 error, moved from the chunk's numbering to the caller's */
static void cio_rebase_errors(zval *errors, zend_long offset)
{
	zval *error, *index;

	if (!offset) {
		return;
	}
	SEPARATE_ARRAY(errors);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), error) {
		ZVAL_DEREF(error);
		if (Z_TYPE_P(error) == IS_ARRAY) {
			SEPARATE_ARRAY(error);
		}
		HashTable *fields = cio_fields_of(error);
		if (fields && (index = zend_hash_str_find(fields, "batch_index", 11))) {
			ZVAL_DEREF(index);
			if (Z_TYPE_P(index) == IS_LONG) {
				Z_LVAL_P(index) += offset;
			}
		}
	} ZEND_HASH_FOREACH_END();
}

/* The merged answer's errors list, made when missing; NULL when the answer cannot carry one (a scalar). */
static zval *cio_errors_slot(zval *merged)
{
	zval *into = cio_errors_of(merged), empty;

	if (into) {
		return into;
	}
	if (Z_TYPE_P(merged) == IS_ARRAY) {
		SEPARATE_ARRAY(merged);
	} else if (Z_TYPE_P(merged) != IS_OBJECT) {
		return NULL;
	}
	array_init(&empty);
	return zend_hash_str_update(cio_fields_of(merged), "errors", 6, &empty);
}

/* The first answer is the base; later answers add their errors (re-based) to its errors list. */
static void cio_merge_answer(zval *merged, zval *answer, zend_long offset)
{
	zval *errors = cio_errors_of(answer), *into, *error;

	if (errors) {
		cio_rebase_errors(errors, offset);
	}
	if (Z_ISUNDEF_P(merged) || (!cio_errors_of(merged) && errors && Z_TYPE_P(merged) != Z_TYPE_P(answer))) {
		zval_ptr_dtor(merged);
		ZVAL_COPY_VALUE(merged, answer);
		return;
	}
	if (errors && (into = cio_errors_slot(merged))) {
		SEPARATE_ARRAY(into);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), error) {
			Z_TRY_ADDREF_P(error);
			add_next_index_zval(into, error);
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(answer);
}

static int cio_index_compare(Bucket *a, Bucket *b)
{
	return a->h < b->h ? -1 : a->h > b->h;
}

void cio_rejected_of(zval *answer, zend_long below, zval *rejected, uint32_t *unattributed)
{
	zval *errors = Z_ISUNDEF_P(answer) ? NULL : cio_errors_of(answer), *error;

	array_init(rejected);
	*unattributed = 0;
	if (!errors) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), error) {
		zend_long index = cio_error_index(error);
		if (index < 0 || index >= below) {
			(*unattributed)++;
			continue;
		}
		zval *list = zend_hash_index_find(Z_ARRVAL_P(rejected), index), fresh;
		if (!list) {
			array_init(&fresh);
			list = zend_hash_index_add_new(Z_ARRVAL_P(rejected), index, &fresh);
		}
		Z_TRY_ADDREF_P(error);
		add_next_index_zval(list, error);
	} ZEND_HASH_FOREACH_END();
	zend_hash_sort(Z_ARRVAL_P(rejected), cio_index_compare, false);
}

/* ---- sending requests ---- */

/* One Track v2 request through $client->post($path, $body + ['endpoint' => trackUri('v2')]), for a client that
 * sends through Guzzle or overrides post(): user code runs here. The body is decoded back into the array post()
 * takes; it belongs to the caller, so nothing the user code does can change or free it. */
static zend_result cio_send_through_post(zval *client, const char *path, zend_string *body, zval *answer)
{
	zval payload, args[2], base;
	zend_result result;

	if (cio_endpoint_base_url(client, false, &base) == FAILURE) {
		return FAILURE;
	}
	cio_json_decode_payload(&payload, ZSTR_VAL(body), ZSTR_LEN(body));
	if (Z_TYPE(payload) != IS_ARRAY) {
		zval_ptr_dtor(&payload);
		array_init(&payload);
	}
	add_assoc_zval(&payload, "endpoint", &base);
	ZVAL_STRING(&args[0], path);
	ZVAL_COPY_VALUE(&args[1], &payload);
	result = cio_call_method(client, "post", answer, 2, args);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	return result;
}

/* Requests of operations, each body {"batch":[...]}: through libcurl, together, for a native client; through
 * post() one by one otherwise (stopping at the first failure). Returns the index of the first request that
 * failed (its exception thrown), or -1; states[] tells what became of each. */
static int cio_send_chunks(zval *client, const smart_str *bodies, int n, zval *answers, cio_chunk_state *states)
{
	int failed = -1;

	if (cio_client_native(client)) {
		failed = cio_client_post_v2_many(Z_OBJ_P(client), "batch", bodies, n, answers);
		for (int i = 0; i < n; i++) {
			states[i] = failed >= 0 && Z_ISUNDEF(answers[i]) ? CIO_CHUNK_FAILED : CIO_CHUNK_ACCEPTED;
		}
		return failed;
	}
	for (int i = 0; i < n; i++) {
		ZVAL_UNDEF(&answers[i]);
		if (failed >= 0) {
			states[i] = CIO_CHUNK_NOT_SENT;
		} else if (cio_send_through_post(client, "batch", bodies[i].s, &answers[i]) == FAILURE || EG(exception)) {
			zval_ptr_dtor(&answers[i]);
			ZVAL_UNDEF(&answers[i]);
			states[i] = CIO_CHUNK_FAILED;
			failed = i;
		} else {
			states[i] = CIO_CHUNK_ACCEPTED;
		}
	}
	return failed;
}

void cio_batcher_init(cio_batcher *b, zval *client, zend_long limit, zend_long concurrency)
{
	memset(b, 0, sizeof(*b));
	b->client = client;
	b->limit = (size_t)limit;
	b->concurrency = (int)MAX(1, MIN(concurrency, CIO_MAX_WAVE));
	ZVAL_UNDEF(&b->merged);
}

static void cio_batcher_record(cio_batcher *b, zend_long first, uint32_t count, cio_chunk_state state)
{
	if (b->chunk_n == b->chunk_cap) {
		b->chunk_cap = b->chunk_cap ? b->chunk_cap * 2 : 8;
		b->chunks = safe_erealloc(b->chunks, b->chunk_cap, sizeof(cio_chunk), 0);
	}
	b->chunks[b->chunk_n++] = (cio_chunk){.first = first, .count = count, .state = state};
}

static zend_result cio_batcher_send_wave(cio_batcher *b)
{
	zval answers[CIO_MAX_WAVE];
	cio_chunk_state states[CIO_MAX_WAVE];
	int n = b->wave_n, failed;

	for (int i = 0; i < n; i++) {
		ZVAL_UNDEF(&answers[i]);
	}
	b->wave_n = 0; /* the bodies stay ours until freed below, whatever the sends run */
	failed = cio_send_chunks(b->client, b->wave, n, answers, states);
	for (int i = 0; i < n; i++) {
		cio_batcher_record(b, b->wave_first[i], b->wave_count[i], states[i]);
		if (states[i] == CIO_CHUNK_ACCEPTED) {
			cio_merge_answer(&b->merged, &answers[i], b->wave_first[i]);
		} else {
			zval_ptr_dtor(&answers[i]);
		}
		smart_str_free(&b->wave[i]);
	}
	b->sent = true;
	if (failed >= 0) {
		b->failed_from = b->wave_first[failed];
		return FAILURE;
	}
	return SUCCESS;
}

/* Closes the request being filled and queues it in the wave; sends the wave when it is full. */
static zend_result cio_batcher_seal(cio_batcher *b)
{
	if (!b->count) {
		smart_str_appends(&b->body, CIO_BATCH_OPEN);
	}
	smart_str_appends(&b->body, CIO_BATCH_CLOSE);
	smart_str_0(&b->body);
	b->wave[b->wave_n] = b->body;
	b->wave_count[b->wave_n] = b->count;
	b->wave_first[b->wave_n++] = b->next;
	memset(&b->body, 0, sizeof(b->body));
	b->next += b->count;
	b->count = 0;
	return b->wave_n == b->concurrency ? cio_batcher_send_wave(b) : SUCCESS;
}

/* Queues a request sealed elsewhere ({"batch":[...]}, count operations; the batcher owns it now). */
static zend_result cio_batcher_push(cio_batcher *b, smart_str body, uint32_t count)
{
	b->wave[b->wave_n] = body;
	b->wave_count[b->wave_n] = count;
	b->wave_first[b->wave_n++] = b->next;
	b->next += count;
	return b->wave_n == b->concurrency ? cio_batcher_send_wave(b) : SUCCESS;
}

zend_result cio_batcher_add(cio_batcher *b, const char *op, size_t len)
{
	size_t used = b->body.s ? ZSTR_LEN(b->body.s) : 0;

	if (b->count && used + 1 + len + sizeof(CIO_BATCH_CLOSE) - 1 > b->limit) {
		b->more = true;
		if (cio_batcher_seal(b) == FAILURE) {
			return FAILURE;
		}
	}
	smart_str_appends(&b->body, b->count ? "," : CIO_BATCH_OPEN);
	smart_str_appendl(&b->body, op, len);
	b->count++;
	return SUCCESS;
}

zend_result cio_batcher_finish(cio_batcher *b, zval *return_value)
{
	if ((b->count || (!b->sent && !b->wave_n)) && cio_batcher_seal(b) == FAILURE) {
		return FAILURE;
	}
	if (b->wave_n && cio_batcher_send_wave(b) == FAILURE) {
		return FAILURE;
	}
	ZVAL_COPY_VALUE(return_value, &b->merged);
	ZVAL_UNDEF(&b->merged);
	return SUCCESS;
}

void cio_batcher_free(cio_batcher *b)
{
	smart_str_free(&b->body);
	for (int i = 0; i < b->wave_n; i++) {
		smart_str_free(&b->wave[i]);
	}
	if (b->chunks) {
		efree(b->chunks);
	}
	zval_ptr_dtor(&b->merged);
}

/* ---- PartialBatchException ---- */

static void cio_exception_list(zend_object *ex, const char *name, zval *value)
{
	zend_update_property(cio_ce_partial_batch, ex, name, strlen(name), value);
	zval_ptr_dtor(value);
}

/* A split batch failed: the failed request's exception (thrown) becomes the previous of one that says, at the
 * caller's indices, what was accepted, rejected (with Customer.io's errors), failed and not sent. */
static void cio_throw_partial(cio_batcher *b, zend_long total)
{
	zval accepted, rejected, failed, not_sent, message_rv;
	uint32_t unattributed, counts[4] = {0};
	zend_long next = 0;
	zend_object *prev = EG(exception);

	cio_rejected_of(&b->merged, total, &rejected, &unattributed);
	array_init(&accepted);
	array_init(&failed);
	array_init(&not_sent);
	for (uint32_t i = 0; i < b->chunk_n; i++) {
		const cio_chunk *k = &b->chunks[i];
		for (zend_long op = k->first; op < k->first + (zend_long)k->count; op++) {
			zval *into = k->state == CIO_CHUNK_FAILED ? &failed : k->state == CIO_CHUNK_NOT_SENT ? &not_sent
				: zend_hash_index_exists(Z_ARRVAL(rejected), op) ? NULL : &accepted;
			if (into) {
				add_next_index_long(into, op);
			}
		}
		next = MAX(next, k->first + (zend_long)k->count);
	}
	for (zend_long op = next; op < total; op++) {
		add_next_index_long(&not_sent, op);
	}
	counts[0] = zend_hash_num_elements(Z_ARRVAL(accepted));
	counts[1] = zend_hash_num_elements(Z_ARRVAL(rejected));
	counts[2] = zend_hash_num_elements(Z_ARRVAL(failed));
	counts[3] = zend_hash_num_elements(Z_ARRVAL(not_sent));
	zval *message = zend_read_property_ex(prev->ce, prev, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &message_rv);
	zend_object *ex = zend_throw_exception_ex(cio_ce_partial_batch, 0, "Batch of " ZEND_LONG_FMT " operations "
		"split into requests failed part-way: %u accepted, %u rejected, %u in the failed request, %u not sent "
		"(the failed request: %s: %.500s)", total, counts[0], counts[1], counts[2], counts[3],
		ZSTR_VAL(prev->ce->name), Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "");
	cio_exception_list(ex, "accepted", &accepted);
	cio_exception_list(ex, "rejected", &rejected);
	cio_exception_list(ex, "failed", &failed);
	cio_exception_list(ex, "notSent", &not_sent);
}

static void cio_partial_batch_get(INTERNAL_FUNCTION_PARAMETERS, const char *name)
{
	zval rv;

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY_DEREF(zend_read_property(cio_ce_partial_batch, Z_OBJ_P(ZEND_THIS), name, strlen(name), 1, &rv));
}

PHP_METHOD(Customerio_Exception_PartialBatchException, getAccepted)
{
	cio_partial_batch_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, "accepted");
}

PHP_METHOD(Customerio_Exception_PartialBatchException, getRejected)
{
	cio_partial_batch_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, "rejected");
}

PHP_METHOD(Customerio_Exception_PartialBatchException, getFailed)
{
	cio_partial_batch_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, "failed");
}

PHP_METHOD(Customerio_Exception_PartialBatchException, getNotSent)
{
	cio_partial_batch_get(INTERNAL_FUNCTION_PARAM_PASSTHRU, "notSent");
}

/* ---- entity() and batch() for a plain client ---- */

void cio_track_entity(zval *client, zval *op, zval *return_value)
{
	zval held;
	smart_str body = {0};

	ZVAL_COPY(&held, client); /* user code (jsonSerialize, post()) may drop the caller's reference */
	cio_client *c = cio_client_from_obj(Z_OBJ(held));
	if (cio_encode_op(&body, op, cio_needs_id(&c->cfg, op)) == SUCCESS
		&& cio_check_op_size(&c->cfg, ZSTR_LEN(body.s), -1) == SUCCESS) {
		if (cio_client_native(&held)) {
			cio_client_post_v2_many(Z_OBJ(held), "entity", &body, 1, return_value);
		} else {
			cio_send_through_post(&held, "entity", body.s, return_value);
		}
	}
	smart_str_free(&body);
	zval_ptr_dtor(&held);
}

/* One operation of a batch: its id decision first (encoding may run user code), then its JSON appended to buf
 * and size-checked. */
static zend_result cio_batch_op(const cio_config *cfg, zval *op, zend_long index, smart_str *buf, bool with_ids,
	bool *needs_id)
{
	zval held;
	zend_result result;
	size_t mark = buf->s ? ZSTR_LEN(buf->s) : 0;

	/* hold the value: a jsonSerialize() may drop the caller's references to it */
	ZVAL_COPY(&held, op);
	*needs_id = cio_needs_id(cfg, &held);
	result = cio_encode_op(buf, &held, with_ids && *needs_id);
	if (result == SUCCESS) {
		/* without the id yet, count the bytes it will add */
		result = cio_check_op_size(cfg, ZSTR_LEN(buf->s) - mark + (!with_ids && *needs_id ? CIO_ID_BYTES : 0), index);
	}
	zval_ptr_dtor(&held);
	return result;
}

/* One batch() call, each operation encoded once (its ULID included) straight into the request bodies: the first
 * max_concurrency sealed bodies and the one being filled stay in memory, the later ones go to an unlinked
 * temporary file until every operation has passed its checks; then all are sent in order. Memory stays at
 * (max_concurrency + 1) x max_batch_bytes. When that file cannot be made or written, the batch is checked, then
 * encoded again into the requests (user code run by the encoder then runs twice). */
typedef struct {
	size_t len;
	uint32_t count;
} cio_spilled;

typedef struct {
	cio_client *c;
	HashTable *ops;
	size_t limit;
	int concurrency;
	smart_str body;                  /* the request being filled */
	uint32_t body_count;
	smart_str mem[CIO_MAX_WAVE];     /* sealed, kept in memory */
	uint32_t mem_count[CIO_MAX_WAVE];
	int mem_n;
	int fd;                          /* the spill file, or -1 */
	pid_t fd_pid;                    /* the process that made it: a forked child never writes into it */
	off_t fd_end;
	cio_spilled *spilled;
	uint32_t spilled_n, spilled_cap;
	smart_str scratch;               /* fallback: operations checked one at a time */
	uint32_t count;
	bool streamed;                   /* fallback taken: encode again to send */
} cio_batch_job;

static void cio_batch_drop_bodies(cio_batch_job *j)
{
	smart_str_free(&j->body);
	for (int i = 0; i < j->mem_n; i++) {
		smart_str_free(&j->mem[i]);
	}
	j->mem_n = 0;
	if (j->fd >= 0) {
		close(j->fd);
		j->fd = -1;
	}
	if (j->spilled) {
		efree(j->spilled);
		j->spilled = NULL;
	}
	j->spilled_n = j->spilled_cap = 0;
}

/* An anonymous file, private to its owner, in sys_get_temp_dir(); -1 when none can be made. */
static int cio_batch_spill_file(void)
{
	const char *dir = php_get_temporary_directory();
	int fd = -1;

	if (!dir || !*dir) {
		return -1;
	}
#ifdef O_TMPFILE
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
	if (fd < 0) {
		char *path;
		spprintf(&path, 0, "%s/cio-batch-XXXXXX", dir);
		fd = mkstemp(path);
		if (fd >= 0) {
			unlink(path);
			fcntl(fd, F_SETFD, FD_CLOEXEC);
		}
		efree(path);
	}
	return fd;
}

static bool cio_batch_spill(cio_batch_job *j)
{
	const char *bytes = ZSTR_VAL(j->body.s);
	size_t left = ZSTR_LEN(j->body.s);

	if (j->fd < 0 && !j->spilled_n) {
		j->fd = cio_batch_spill_file();
		j->fd_pid = cio_getpid();
	}
	if (j->fd < 0 || j->fd_pid != cio_getpid()) {
		return false;
	}
	while (left) {
		ssize_t done = pwrite(j->fd, bytes, left, j->fd_end);
		if (done < 0 && errno == EINTR) {
			continue;
		}
		if (done <= 0) {
			return false;
		}
		bytes += done;
		left -= done;
		j->fd_end += done;
	}
	if (j->spilled_n == j->spilled_cap) {
		j->spilled_cap = j->spilled_cap ? j->spilled_cap * 2 : 16;
		j->spilled = safe_erealloc(j->spilled, j->spilled_cap, sizeof(cio_spilled), 0);
	}
	j->spilled[j->spilled_n++] = (cio_spilled){.len = ZSTR_LEN(j->body.s), .count = j->body_count};
	ZSTR_LEN(j->body.s) = 0; /* the buffer is reused for the next request */
	return true;
}

/* Closes the request being filled: kept in memory, or spilled; false when the spill failed. */
static bool cio_batch_seal(cio_batch_job *j)
{
	smart_str_appends(&j->body, CIO_BATCH_CLOSE);
	smart_str_0(&j->body);
	if (j->mem_n < j->concurrency && !j->spilled_n) {
		j->mem[j->mem_n] = j->body;
		j->mem_count[j->mem_n++] = j->body_count;
		memset(&j->body, 0, sizeof(j->body));
		/* reserved at the limit: no copy while it fills */
		smart_str_alloc(&j->body, j->limit + sizeof(CIO_BATCH_CLOSE), 0);
	} else if (!cio_batch_spill(j)) {
		return false;
	}
	j->body_count = 0;
	return true;
}

/* One operation (a slot of the held ops array) encoded into the request being filled (a new request when it does
 * not fit), size-checked. */
static zend_result cio_batch_encode(cio_batch_job *j, zval *slot)
{
	zval held, *op = slot;
	zend_result result;
	size_t mark = j->body.s ? ZSTR_LEN(j->body.s) : 0, len;

	/* the held array keeps a plain slot's value alive; a PHP reference's value can be replaced by a jsonSerialize()
	 * and is held. (Holding every op would put each in the GC's root buffer when released: 8 bytes an operation.) */
	if (Z_ISREF_P(slot)) {
		ZVAL_COPY(&held, Z_REFVAL_P(slot));
		op = &held;
	}
	smart_str_appends(&j->body, j->body_count ? "," : CIO_BATCH_OPEN);
	result = cio_encode_op(&j->body, op, cio_needs_id(&j->c->cfg, op));
	if (op == &held) {
		zval_ptr_dtor(&held);
	}
	len = ZSTR_LEN(j->body.s) - mark - (j->body_count ? 1 : sizeof(CIO_BATCH_OPEN) - 1);
	if (result == FAILURE || cio_check_op_size(&j->c->cfg, len, j->count) == FAILURE) {
		return FAILURE;
	}
	if (j->body_count && mark + 1 + len + sizeof(CIO_BATCH_CLOSE) - 1 > j->limit) {
		/* the same split as cio_batcher_add(): the op moves to a new request */
		smart_str op_json = {0};
		smart_str_appendl(&op_json, ZSTR_VAL(j->body.s) + mark + 1, len);
		ZSTR_LEN(j->body.s) = mark;
		if (!cio_batch_seal(j)) {
			smart_str_free(&op_json);
			return FAILURE;
		}
		smart_str_appends(&j->body, CIO_BATCH_OPEN);
		smart_str_append_smart_str(&j->body, &op_json);
		smart_str_free(&op_json);
	}
	j->body_count++;
	return SUCCESS;
}

/* Every operation encodes and fits, or nothing is sent (FAILURE with its exception thrown). */
static zend_result cio_batch_check(cio_batch_job *j)
{
	bool needs_id;
	zval *op;

	ZEND_HASH_FOREACH_VAL(j->ops, op) {
		if (!j->streamed && cio_batch_encode(j, op) == FAILURE) {
			if (EG(exception)) {
				return FAILURE;
			}
			/* the spill file failed (this op encoded and fitted): check the rest, encode all again to send */
			cio_batch_drop_bodies(j);
			j->streamed = true;
		} else if (j->streamed) {
			ZVAL_DEREF(op);
			if (j->scratch.s) {
				ZSTR_LEN(j->scratch.s) = 0;
			}
			if (cio_batch_op(&j->c->cfg, op, j->count, &j->scratch, false, &needs_id) == FAILURE) {
				return FAILURE;
			}
		}
		j->count++;
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* The encoded requests, in order: those in memory, those read back from the spill file one at a time, the
 * last one. */
static zend_result cio_batch_send_encoded(cio_batch_job *j, cio_batcher *b)
{
	off_t at = 0;

	b->more = j->mem_n + j->spilled_n + (j->body_count ? 1 : 0) > 1;
	for (int i = 0; i < j->mem_n; i++) {
		smart_str body = j->mem[i];
		memset(&j->mem[i], 0, sizeof(j->mem[i]));
		if (cio_batcher_push(b, body, j->mem_count[i]) == FAILURE) {
			return FAILURE;
		}
	}
	j->mem_n = 0;
	for (uint32_t i = 0; i < j->spilled_n; i++) {
		smart_str body = {0};
		size_t got = 0;
		smart_str_alloc(&body, j->spilled[i].len, 0);
		while (got < j->spilled[i].len) {
			ssize_t done = pread(j->fd, ZSTR_VAL(body.s) + got, j->spilled[i].len - got, at + got);
			if (done < 0 && errno == EINTR) {
				continue;
			}
			if (done <= 0) {
				smart_str_free(&body);
				zend_throw_exception_ex(spl_ce_RuntimeException, 0, "Could not read back a batch request from "
					"its temporary file: %s", done < 0 ? strerror(errno) : "short read");
				b->failed_from = b->next;
				return FAILURE;
			}
			got += done;
		}
		at += got;
		ZSTR_LEN(body.s) = got;
		smart_str_0(&body);
		if (cio_batcher_push(b, body, j->spilled[i].count) == FAILURE) {
			return FAILURE;
		}
	}
	if (j->body_count) {
		smart_str body = j->body;
		memset(&j->body, 0, sizeof(j->body));
		smart_str_appends(&body, CIO_BATCH_CLOSE);
		smart_str_0(&body);
		return cio_batcher_push(b, body, j->body_count);
	}
	return SUCCESS;
}

/* Fallback: encoded again, one operation at a time: one whose jsonSerialize() gives something else this time is
 * checked again. */
static zend_result cio_batch_send_streamed(cio_batch_job *j, cio_batcher *b)
{
	zend_long i = 0;
	bool needs_id;
	zval *op;

	ZEND_HASH_FOREACH_VAL(j->ops, op) {
		ZVAL_DEREF(op);
		if (j->scratch.s) {
			ZSTR_LEN(j->scratch.s) = 0;
		}
		if (cio_batch_op(&j->c->cfg, op, i++, &j->scratch, true, &needs_id) == FAILURE) {
			return FAILURE;
		}
		if (cio_batcher_add(b, ZSTR_VAL(j->scratch.s), ZSTR_LEN(j->scratch.s)) == FAILURE) {
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

void cio_track_batch(zval *client, HashTable *ops, zval *return_value)
{
	cio_batch_job j = {.ops = ops, .fd = -1};
	cio_batcher batcher;
	zval held;

	/* held for both steps: user code run by the encoder then separates the array instead of changing it under
	 * us, and cannot free the client */
	ZVAL_COPY(&held, client);
	j.c = cio_client_from_obj(Z_OBJ(held));
	j.limit = (size_t)j.c->cfg.max_batch_bytes;
	j.concurrency = (int)MAX(1, MIN(j.c->cfg.max_concurrency, CIO_MAX_WAVE));
	GC_TRY_ADDREF(ops);
	if (cio_batch_check(&j) == SUCCESS) {
		cio_batcher_init(&batcher, &held, (zend_long)j.limit, j.concurrency);
		zend_result sent = j.streamed ? cio_batch_send_streamed(&j, &batcher) : cio_batch_send_encoded(&j, &batcher);
		if (sent == SUCCESS) {
			sent = cio_batcher_finish(&batcher, return_value);
		}
		/* a failure of a batch sent in several requests: say which operations went through */
		if (sent == FAILURE && EG(exception) && !zend_is_unwind_exit(EG(exception)) && batcher.chunk_n
			&& (batcher.more || batcher.chunk_n > 1)) {
			cio_throw_partial(&batcher, (zend_long)j.count);
		}
		cio_batcher_free(&batcher);
	}
	cio_batch_drop_bodies(&j);
	smart_str_free(&j.scratch);
	zend_array_release(ops);
	zval_ptr_dtor(&held);
}
