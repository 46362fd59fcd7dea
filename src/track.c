/* Track API v2 beyond one request: ULID ids that make retries safe, Customer.io's size limits, batches split
 * into requests under the limit, and the background queue flushed after the response. */
#include "customerio_private.h"
#include "SAPI.h"
#include "zend_exceptions.h"
#include "ext/random/php_random.h"
#include "ext/standard/file.h"
#include "ext/standard/flock_compat.h"
#include <sys/time.h>
#include <unistd.h>

#define CIO_BATCH_OPEN "{\"batch\":["
#define CIO_BATCH_CLOSE "]}"
#define CIO_SPOOL_FILE "customerio-spool.jsonl"

/* ---- ULID ids ---- */

/* 48 bits of milliseconds then 80 random bits, Crockford base32: sortable, unique, what Customer.io dedups on.
 * 10 characters carry the time (50 bits, the top 2 zero), 16 the randomness (two groups of 40 bits). */
static void cio_ulid(char out[26])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char r[10];
	struct timeval tv;

	gettimeofday(&tv, NULL);
	uint64_t time = (uint64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
	/* a pool per process: one getrandom() per 32 ids; never shared with a forked child, which would repeat ids */
	if (CIO_G(random_pid) != getpid() || CIO_G(random_left) < sizeof(r)) {
		if (php_random_bytes_silent(CIO_G(random_pool), sizeof(CIO_G(random_pool))) == FAILURE) {
			for (size_t i = 0; i < sizeof(CIO_G(random_pool)); i++) {
				CIO_G(random_pool)[i] = (unsigned char)php_mt_rand_range(0, 255);
			}
		}
		CIO_G(random_left) = sizeof(CIO_G(random_pool));
		CIO_G(random_pid) = getpid();
	}
	memcpy(r, CIO_G(random_pool) + sizeof(CIO_G(random_pool)) - CIO_G(random_left), sizeof(r));
	CIO_G(random_left) -= sizeof(r);

	uint64_t high = (uint64_t)r[0] << 32 | (uint64_t)r[1] << 24 | (uint64_t)r[2] << 16 | (uint64_t)r[3] << 8 | r[4];
	uint64_t low = (uint64_t)r[5] << 32 | (uint64_t)r[6] << 24 | (uint64_t)r[7] << 16 | (uint64_t)r[8] << 8 | r[9];
	for (int i = 9; i >= 0; i--, time >>= 5) {
		out[i] = alphabet[time & 31];
	}
	for (int i = 17; i >= 10; i--, high >>= 5) {
		out[i] = alphabet[high & 31];
	}
	for (int i = 25; i >= 18; i--, low >>= 5) {
		out[i] = alphabet[low & 31];
	}
}

/* A person event, page or screen without an "id" gets one, so Customer.io drops a retried duplicate. */
static bool cio_needs_id(const cio_config *cfg, zval *op)
{
	zval *type, *action;

	if (!cfg->auto_event_id || Z_TYPE_P(op) != IS_ARRAY || zend_hash_str_exists(Z_ARRVAL_P(op), "id", 2)) {
		return false;
	}
	type = zend_hash_str_find_deref(Z_ARRVAL_P(op), "type", 4);
	action = zend_hash_str_find_deref(Z_ARRVAL_P(op), "action", 6);
	return type && action && Z_TYPE_P(type) == IS_STRING && Z_TYPE_P(action) == IS_STRING
		&& zend_string_equals_literal(Z_STR_P(type), "person")
		&& (zend_string_equals_literal(Z_STR_P(action), "event") || zend_string_equals_literal(Z_STR_P(action), "page")
			|| zend_string_equals_literal(Z_STR_P(action), "screen"));
}

/* ,"id":"<26>" spliced before the closing brace: what encoding the op with $op['id'] appended gives */
#define CIO_ID_BYTES (sizeof(",\"id\":\"\"") - 1 + 26)

/* Appends the op's JSON to buf, with a ULID id when it needs one; nothing appended on failure. */
static zend_result cio_encode_op(smart_str *buf, zval *op, bool with_id)
{
	size_t mark = buf->s ? ZSTR_LEN(buf->s) : 0;
	char id[26];

	if (cio_json_encode(buf, op) == FAILURE) {
		if (buf->s) {
			ZSTR_LEN(buf->s) = mark;
		}
		return FAILURE;
	}
	if (with_id && ZSTR_VAL(buf->s)[ZSTR_LEN(buf->s) - 1] == '}') {
		cio_ulid(id);
		ZSTR_LEN(buf->s)--;
		smart_str_appends(buf, ",\"id\":\"");
		smart_str_appendl(buf, id, sizeof(id));
		smart_str_appends(buf, "\"}");
		smart_str_0(buf);
	}
	return SUCCESS;
}

static zend_result cio_check_op_size(const cio_config *cfg, size_t size, zend_long index)
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

static zval *cio_errors_of(zval *answer)
{
	zval *errors = NULL;

	if (Z_TYPE_P(answer) == IS_ARRAY) {
		errors = zend_hash_str_find(Z_ARRVAL_P(answer), "errors", 6);
	} else if (Z_TYPE_P(answer) == IS_OBJECT) {
		errors = zend_hash_str_find(Z_OBJ_HT_P(answer)->get_properties(Z_OBJ_P(answer)), "errors", 6);
	}
	if (errors) {
		ZVAL_DEREF(errors);
	}
	return errors && Z_TYPE_P(errors) == IS_ARRAY ? errors : NULL;
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
		HashTable *fields = NULL;
		if (Z_TYPE_P(error) == IS_ARRAY) {
			SEPARATE_ARRAY(error);
			fields = Z_ARRVAL_P(error);
		} else if (Z_TYPE_P(error) == IS_OBJECT) {
			fields = Z_OBJ_HT_P(error)->get_properties(Z_OBJ_P(error));
		}
		if (fields && (index = zend_hash_str_find(fields, "batch_index", 11))) {
			ZVAL_DEREF(index);
			if (Z_TYPE_P(index) == IS_LONG) {
				Z_LVAL_P(index) += offset;
			}
		}
	} ZEND_HASH_FOREACH_END();
}

/* The first answer is the base; later answers add their errors (re-based) to its errors list. */
static void cio_merge_answer(zval *merged, zval *answer, zend_long offset)
{
	zval *errors = cio_errors_of(answer), *into;

	if (errors) {
		cio_rebase_errors(errors, offset);
	}
	if (Z_ISUNDEF_P(merged) || (!cio_errors_of(merged) && errors && Z_TYPE_P(merged) != Z_TYPE_P(answer))) {
		zval_ptr_dtor(merged);
		ZVAL_COPY_VALUE(merged, answer);
		return;
	}
	if (errors) {
		if (!(into = cio_errors_of(merged))) {
			zval empty;
			array_init(&empty);
			if (Z_TYPE_P(merged) == IS_ARRAY) {
				SEPARATE_ARRAY(merged);
				into = zend_hash_str_update(Z_ARRVAL_P(merged), "errors", 6, &empty);
			} else if (Z_TYPE_P(merged) == IS_OBJECT) {
				into = zend_hash_str_update(Z_OBJ_HT_P(merged)->get_properties(Z_OBJ_P(merged)), "errors", 6, &empty);
			} else {
				zval_ptr_dtor(&empty);
				zval_ptr_dtor(answer);
				return;
			}
		}
		SEPARATE_ARRAY(into);
		zval *error;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), error) {
			Z_TRY_ADDREF_P(error);
			add_next_index_zval(into, error);
		} ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(answer);
}

/* ---- sending operations in requests under max_batch_bytes ---- */

/* One Track v2 request through $client->post($path, $body + ['endpoint' => trackUri('v2')]), for a client that
 * sends through Guzzle: the pre-encoded body is decoded back into the array post() takes. */
static zend_result cio_send_through_post(zval *client, const char *path, zend_string *body, zval *answer)
{
	zval payload, args[2], base;
	zend_result result;

	if (cio_endpoint_base_url(client, false, &base) == FAILURE) {
		return FAILURE;
	}
	cio_json_decode(&payload, ZSTR_VAL(body), ZSTR_LEN(body), true);
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

/* Requests of operations, each body {"batch":[...]}: through libcurl, concurrently, for a native client;
 * through post() one by one when the client sends with Guzzle. Returns the index of the first request that
 * failed (its exception thrown), or -1. */
static int cio_send_chunks(zval *client, const smart_str *bodies, int n, zval *answers)
{
	if (cio_client_native(client)) {
		return cio_client_post_v2_many(Z_OBJ_P(client), "batch", bodies, n, answers);
	}
	for (int i = 0; i < n; i++) {
		ZVAL_UNDEF(&answers[i]);
		if (cio_send_through_post(client, "batch", bodies[i].s, &answers[i]) == FAILURE) {
			return i;
		}
	}
	return -1;
}

#define CIO_MAX_WAVE 16

/* Packs operations into request bodies under max_batch_bytes, in order, and sends them in waves of up to
 * max_concurrency requests; the answers are merged in the caller's order. */
typedef struct {
	zval *client;
	size_t limit;
	int concurrency;
	smart_str body;                  /* the request being filled: {"batch":[op,op... */
	uint32_t count;                  /* operations in it */
	zend_long next;                  /* caller's index of its first operation */
	smart_str wave[CIO_MAX_WAVE];    /* sealed requests not sent yet */
	zend_long wave_first[CIO_MAX_WAVE];
	int wave_n;
	zend_long failed_from;           /* after a failure: the first operation not known delivered */
	zval merged;
	bool sent;
} cio_batcher;

static void cio_batcher_init(cio_batcher *b, zval *client, zend_long limit, zend_long concurrency)
{
	memset(b, 0, sizeof(*b));
	b->client = client;
	b->limit = (size_t)limit;
	b->concurrency = (int)MAX(1, MIN(concurrency, CIO_MAX_WAVE));
	ZVAL_UNDEF(&b->merged);
}

static zend_result cio_batcher_send_wave(cio_batcher *b)
{
	zval answers[CIO_MAX_WAVE];
	int n = b->wave_n, failed;

	for (int i = 0; i < n; i++) {
		ZVAL_UNDEF(&answers[i]); /* requests after a failure are never sent: their answers stay undefined */
	}
	failed = cio_send_chunks(b->client, b->wave, n, answers);

	for (int i = 0; i < n; i++) {
		if (failed < 0 || i < failed) {
			cio_merge_answer(&b->merged, &answers[i], b->wave_first[i]);
		} else {
			zval_ptr_dtor(&answers[i]);
		}
		smart_str_free(&b->wave[i]);
	}
	b->wave_n = 0;
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
	b->wave_first[b->wave_n++] = b->next;
	memset(&b->body, 0, sizeof(b->body));
	b->next += b->count;
	b->count = 0;
	return b->wave_n == b->concurrency ? cio_batcher_send_wave(b) : SUCCESS;
}

/* Adds one operation's JSON, sealing the current request first when the operation would not fit in it. */
static zend_result cio_batcher_add(cio_batcher *b, const char *op, size_t len)
{
	size_t used = b->body.s ? ZSTR_LEN(b->body.s) : 0;

	if (b->count && used + 1 + len + sizeof(CIO_BATCH_CLOSE) - 1 > b->limit && cio_batcher_seal(b) == FAILURE) {
		return FAILURE;
	}
	smart_str_appends(&b->body, b->count ? "," : CIO_BATCH_OPEN);
	smart_str_appendl(&b->body, op, len);
	b->count++;
	return SUCCESS;
}

/* Sends what is left (an empty batch too, when nothing was sent at all) and hands over the merged answer. */
static zend_result cio_batcher_finish(cio_batcher *b, zval *return_value)
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

static void cio_batcher_free(cio_batcher *b)
{
	smart_str_free(&b->body);
	for (int i = 0; i < b->wave_n; i++) {
		smart_str_free(&b->wave[i]);
	}
	zval_ptr_dtor(&b->merged);
}

/* ---- entity() and batch() for a plain client ---- */

void cio_track_entity(zval *client, zval *op, zval *return_value)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	smart_str body = {0};

	if (cio_encode_op(&body, op, cio_needs_id(&c->cfg, op)) == SUCCESS
		&& cio_check_op_size(&c->cfg, ZSTR_LEN(body.s), -1) == SUCCESS) {
		if (cio_client_native(client)) {
			cio_client_post_v2_many(Z_OBJ_P(client), "entity", &body, 1, return_value);
		} else {
			cio_send_through_post(client, "entity", body.s, return_value);
		}
	}
	smart_str_free(&body);
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

void cio_track_batch(zval *client, HashTable *ops, zval *return_value)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	/* A batch that fits in one request is encoded once: the first pass keeps its JSON and the second only slices
	 * it. A bigger one is encoded again in the second pass, so that memory stays at the requests in flight. */
	size_t keep_limit = MAX((size_t)c->cfg.max_batch_bytes, 65536);
	smart_str json = {0}, scratch = {0};
	size_t *ends = NULL;
	bool *ids = NULL, keep = true, needs_id;
	uint32_t count = 0, cap = 0, i;
	cio_batcher batcher;
	zval *op;

	/* held for both passes: user code run by the encoder then separates it instead of changing it under us */
	GC_TRY_ADDREF(ops);

	/* first pass: every operation encodes and fits, or nothing is sent */
	ZEND_HASH_FOREACH_VAL(ops, op) {
		ZVAL_DEREF(op);
		if (!keep && scratch.s) {
			ZSTR_LEN(scratch.s) = 0;
		}
		if (cio_batch_op(&c->cfg, op, count, keep ? &json : &scratch, false, &needs_id) == FAILURE) {
			goto out;
		}
		if (keep && ZSTR_LEN(json.s) > keep_limit) {
			keep = false;
			smart_str_free(&json);
		} else if (keep) {
			if (count == cap) {
				cap = cap ? cap * 2 : 64;
				ends = safe_erealloc(ends, cap, sizeof(size_t), 0);
				ids = safe_erealloc(ids, cap, sizeof(bool), 0);
			}
			ends[count] = ZSTR_LEN(json.s);
			ids[count] = needs_id;
		}
		count++;
	} ZEND_HASH_FOREACH_END();

	/* second pass: into requests under max_batch_bytes, with ids */
	cio_batcher_init(&batcher, client, c->cfg.max_batch_bytes, c->cfg.max_concurrency);
	if (keep) {
		for (i = 0; i < count; i++) {
			size_t start = i ? ends[i - 1] : 0;
			const char *bytes = json.s ? ZSTR_VAL(json.s) + start : "";
			size_t len = ends[i] - start;
			if (ids[i] && len && bytes[len - 1] == '}') {
				char id[26];
				cio_ulid(id);
				if (scratch.s) {
					ZSTR_LEN(scratch.s) = 0;
				}
				smart_str_appendl(&scratch, bytes, len - 1);
				smart_str_appends(&scratch, ",\"id\":\"");
				smart_str_appendl(&scratch, id, sizeof(id));
				smart_str_appends(&scratch, "\"}");
				bytes = ZSTR_VAL(scratch.s);
				len = ZSTR_LEN(scratch.s);
			}
			if (cio_batcher_add(&batcher, bytes, len) == FAILURE) {
				goto done;
			}
		}
	} else {
		if (ends) {
			efree(ends);
			efree(ids);
			ends = NULL;
			ids = NULL;
		}
		/* an operation whose jsonSerialize() gives something else this time is checked again */
		i = 0;
		ZEND_HASH_FOREACH_VAL(ops, op) {
			ZVAL_DEREF(op);
			if (scratch.s) {
				ZSTR_LEN(scratch.s) = 0;
			}
			if (cio_batch_op(&c->cfg, op, i++, &scratch, true, &needs_id) == FAILURE
				|| cio_batcher_add(&batcher, ZSTR_VAL(scratch.s), ZSTR_LEN(scratch.s)) == FAILURE) {
				goto done;
			}
		} ZEND_HASH_FOREACH_END();
	}
	cio_batcher_finish(&batcher, return_value);
done:
	cio_batcher_free(&batcher);
out:
	if (ends) {
		efree(ends);
		efree(ids);
	}
	smart_str_free(&json);
	smart_str_free(&scratch);
	zend_array_release(ops);
}

/* ---- the background queue ---- */

static void cio_queue_clear(cio_queue *q)
{
	smart_str_free(&q->json);
	if (q->ends) {
		efree(q->ends);
	}
	q->ends = NULL;
	q->count = q->cap = 0;
}

void cio_queue_free(cio_queue *q)
{
	cio_queue_clear(q);
}

/* Appends one operation's JSON to a queue (or to the lines of a spool being replayed). */
static void cio_queue_append(cio_queue *q, const char *json, size_t len)
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

static size_t cio_queue_start(const cio_queue *q, uint32_t i)
{
	return i ? q->ends[i - 1] + 1 : 0; /* + 1: the comma */
}

/* Operations [from, count) as a PHP list, for on_error. */
static void cio_queue_list(const cio_queue *q, uint32_t from, zval *list)
{
	array_init(list);
	for (uint32_t i = from; i < q->count; i++) {
		zval op;
		size_t start = cio_queue_start(q, i);
		/* the decoder needs a terminated string */
		zend_string *json = zend_string_init(ZSTR_VAL(q->json.s) + start, q->ends[i] - start, 0);
		cio_json_decode(&op, ZSTR_VAL(json), ZSTR_LEN(json), true);
		zend_string_release(json);
		add_next_index_zval(list, &op);
	}
}

/* Drops operations [0, n) that were delivered. */
static void cio_queue_shift(cio_queue *q, uint32_t n)
{
	if (n >= q->count) {
		cio_queue_clear(q);
		return;
	}
	size_t cut = cio_queue_start(q, n);
	memmove(ZSTR_VAL(q->json.s), ZSTR_VAL(q->json.s) + cut, ZSTR_LEN(q->json.s) - cut);
	ZSTR_LEN(q->json.s) -= cut;
	for (uint32_t i = n; i < q->count; i++) {
		q->ends[i - n] = q->ends[i] - cut;
	}
	q->count -= n;
}

/* Appends operations [from, count) to a spool file as JSON lines, under an exclusive lock. */
static bool cio_spool_to(const char *path, const cio_queue *q, uint32_t from)
{
	bool ok = false;
	php_stream *stream = php_stream_open_wrapper((char *)path, "ab", REPORT_ERRORS, NULL);

	if (stream) {
		ok = php_stream_lock(stream, LOCK_EX) == 0;
		for (uint32_t i = from; ok && i < q->count; i++) {
			size_t start = cio_queue_start(q, i), len = q->ends[i] - start;
			ok = php_stream_write(stream, ZSTR_VAL(q->json.s) + start, len) == (ssize_t)len
				&& php_stream_write(stream, "\n", 1) == 1;
		}
		php_stream_lock(stream, LOCK_UN);
		php_stream_close(stream);
	}
	return ok;
}

/* The spool under customerio.spool_dir, when set. */
static bool cio_spool(const cio_queue *q, uint32_t from)
{
	const char *dir = CIO_G(spool_dir);

	if (!dir || !*dir) {
		return false;
	}
	zend_string *path = zend_strpprintf(0, "%s/%s", dir, CIO_SPOOL_FILE);
	bool ok = cio_spool_to(ZSTR_VAL(path), q, from);
	zend_string_release(path);
	return ok;
}

/* Operations that could not be delivered in the background: the error log, the spool, on_error. Never silent. */
static void cio_queue_failed(zval *client, uint32_t from, bool call_on_error)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	zend_object *ex = EG(exception);
	zval exception, args[2];

	if (!ex) {
		return;
	}
	GC_ADDREF(ex);
	zend_clear_exception();
	ZVAL_OBJ(&exception, ex);

	/* take the failed operations out first: what on_error queues again (or a flush() it makes) is a new start */
	cio_queue failed = c->queue;
	memset(&c->queue, 0, sizeof(c->queue));
	c->queue.pending = failed.pending;
	failed.pending = false;

	zval message_rv, *message = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &message_rv);
	/* one log line: the message's body excerpt goes on it without its line breaks */
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
	bool spooled = cio_spool(&failed, from);
	zend_error(E_WARNING, "customerio: %u Track v2 operation(s) not delivered (%s: %s)%s",
		failed.count - from, ZSTR_VAL(ex->ce->name), ZSTR_VAL(line), spooled ? "; appended to customerio.spool_dir" : "");
	zend_string_release(line);

	if (call_on_error && Z_TYPE(c->on_error) != IS_UNDEF) {
		zval retval;
		ZVAL_COPY_VALUE(&args[0], &exception);
		cio_queue_list(&failed, from, &args[1]);
		if (call_user_function(NULL, NULL, &c->on_error, &retval, 2, args) == SUCCESS) {
			zval_ptr_dtor(&retval);
		}
		zval_ptr_dtor(&args[1]);
		if (EG(exception)) {
			/* a throwing on_error must not break the page's shutdown: report it and go on */
			zend_exception_error(EG(exception), E_WARNING);
			zend_clear_exception();
		}
	}
	zval_ptr_dtor(&exception);
	cio_queue_free(&failed);
}

/* Sends the queue as one request (it never grows past max_batch_bytes); on failure the rest stays queued. */
static zend_result cio_queue_send(zval *client, zval *return_value)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	cio_queue *q = &c->queue;
	cio_batcher batcher;
	zend_result result = SUCCESS;
	uint32_t i;

	/* one request at a time: on failure, exactly the operations from the failed one on stay queued */
	cio_batcher_init(&batcher, client, c->cfg.max_batch_bytes, 1);
	for (i = 0; i < q->count && result == SUCCESS; i++) {
		size_t start = cio_queue_start(q, i);
		result = cio_batcher_add(&batcher, ZSTR_VAL(q->json.s) + start, q->ends[i] - start);
	}
	if (result == SUCCESS) {
		result = cio_batcher_finish(&batcher, return_value);
	}
	cio_queue_shift(q, result == SUCCESS ? q->count : (uint32_t)batcher.failed_from);
	cio_batcher_free(&batcher);
	return result;
}

/* Queued clients, each held until the end of the request. */
static zend_object **cio_pending;
static uint32_t cio_pending_count, cio_pending_cap;

void cio_track_queue(zval *client, zval *op)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	cio_queue *q = &c->queue;
	smart_str encoded = {0};

	if (cio_encode_op(&encoded, op, cio_needs_id(&c->cfg, op)) == FAILURE
		|| cio_check_op_size(&c->cfg, ZSTR_LEN(encoded.s), -1) == FAILURE) {
		smart_str_free(&encoded);
		return;
	}
	/* issue 12, spool mode: the operation goes to the spool file and nothing waits for the end of the request */
	if (c->cfg.spool_mode) {
		cio_spool_append(client, &encoded);
		smart_str_free(&encoded);
		return;
	}
	/* end of issue 12 */
	size_t body = sizeof(CIO_BATCH_OPEN) - 1 + (q->json.s ? ZSTR_LEN(q->json.s) + 1 : 0) + ZSTR_LEN(encoded.s)
		+ sizeof(CIO_BATCH_CLOSE) - 1;
	if (q->count && (zend_long)body > c->cfg.max_batch_bytes) {
		/* full: send now, and never throw from queue(): a failure goes where background failures go */
		zval answer;
		ZVAL_UNDEF(&answer);
		if (cio_queue_send(client, &answer) == FAILURE) {
			cio_queue_failed(client, 0, true);
		}
		zval_ptr_dtor(&answer);
	}
	cio_queue_append(q, ZSTR_VAL(encoded.s), ZSTR_LEN(encoded.s));
	smart_str_free(&encoded);

	if (!q->pending) {
		q->pending = true;
		if (cio_pending_count == cio_pending_cap) {
			cio_pending_cap = cio_pending_cap ? cio_pending_cap * 2 : 8;
			cio_pending = safe_erealloc(cio_pending, cio_pending_cap, sizeof(zend_object *), 0);
		}
		GC_ADDREF(Z_OBJ_P(client));
		cio_pending[cio_pending_count++] = Z_OBJ_P(client);
	}
}

void cio_track_flush(zval *client, zval *return_value)
{
	if (cio_client_from_obj(Z_OBJ_P(client))->queue.count) {
		cio_queue_send(client, return_value);
	}
}

/* End of the request: the page is finished for the user first (php-fpm), then every queue is sent. */
void cio_track_rshutdown(void)
{
	zend_execute_data frame, *saved = EG(current_execute_data);

	if (!cio_pending_count) {
		return;
	}
	/* RSHUTDOWN runs outside any frame, where throwing is fatal: run the sends in one, named like an
	 * internal function so that error messages and stream warnings have a function to name */
	static zend_internal_function flush_function;
	if (!saved) {
		memset(&frame, 0, sizeof(frame));
		flush_function.type = ZEND_INTERNAL_FUNCTION;
		flush_function.function_name = zend_empty_string;
		frame.func = (zend_function *)&flush_function;
		EG(current_execute_data) = &frame;
	}
	if (sapi_module.name && strcmp(sapi_module.name, "fpm-fcgi") == 0) {
		zval name, retval;
		ZVAL_STRING(&name, "fastcgi_finish_request");
		if (call_user_function(NULL, NULL, &name, &retval, 0, NULL) == SUCCESS) {
			zval_ptr_dtor(&retval);
		}
		zval_ptr_dtor(&name);
		zend_clear_exception();
	}
	for (uint32_t i = 0; i < cio_pending_count; i++) {
		zval client, answer;
		ZVAL_OBJ(&client, cio_pending[i]);
		cio_client *c = cio_client_from_obj(cio_pending[i]);
		ZVAL_UNDEF(&answer);
		zend_try {
			if (c->queue.count && cio_queue_send(&client, &answer) == FAILURE) {
				cio_queue_failed(&client, 0, true);
			}
			/* what on_error queued again gets one more try; failing that it is logged and spooled, not looped */
			zval_ptr_dtor(&answer);
			ZVAL_UNDEF(&answer);
			if (c->queue.count && cio_queue_send(&client, &answer) == FAILURE) {
				cio_queue_failed(&client, 0, false);
			}
		} zend_end_try();
		zval_ptr_dtor(&answer);
		c->queue.pending = false;
		OBJ_RELEASE(cio_pending[i]);
	}
	efree(cio_pending);
	cio_pending = NULL;
	cio_pending_count = cio_pending_cap = 0;
	/* The request's destructors already ran: run those of objects the sends made (a Guzzle client's responses,
	 * what on_error kept) while PHP code can still run; later they could only fail. */
	zend_try {
		zend_objects_store_call_destructors(&EG(objects_store));
	} zend_end_try();
	if (EG(exception)) {
		zend_exception_error(EG(exception), E_WARNING);
		zend_clear_exception();
	}
	EG(current_execute_data) = saved;
}

/* ---- replay of the spool ---- */

zend_long cio_track_replay(zval *client, zend_string *file)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	zend_string *work = zend_strpprintf(0, "%s.replaying.%d", ZSTR_VAL(file), (int)getpid());
	cio_queue lines = {0};
	zend_long sent = -1;
	char *line = NULL;
	size_t len;

	zend_stat_t st;
	if (VCWD_STAT(ZSTR_VAL(file), &st) == 0 && !S_ISREG(st.st_mode)) {
		cio_throw_invalid_argument("%s is not a regular file", ZSTR_VAL(file));
		zend_string_release(work);
		return -1;
	}
	/* take the file away first, so workers appending meanwhile start a new one */
	if (VCWD_RENAME(ZSTR_VAL(file), ZSTR_VAL(work)) != 0) {
		if (errno == ENOENT) {
			sent = 0;
		} else {
			cio_throw_invalid_argument("Cannot take %s for replay: %s", ZSTR_VAL(file), strerror(errno));
		}
		zend_string_release(work);
		return sent;
	}
	php_stream *in = php_stream_open_wrapper(ZSTR_VAL(work), "rb", REPORT_ERRORS, NULL);
	if (!in) {
		VCWD_RENAME(ZSTR_VAL(work), ZSTR_VAL(file));
		zend_string_release(work);
		if (!EG(exception)) {
			cio_throw_invalid_argument("Cannot read %s", ZSTR_VAL(file));
		}
		return -1;
	}
	zend_long bad_line = 0, number = 0;
	while ((line = php_stream_get_line(in, NULL, 0, &len)) != NULL) {
		number++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
			len--;
		}
		line[len] = '\0';
		if (len) {
			zval op;
			cio_json_decode(&op, line, len, true);
			if (Z_TYPE(op) != IS_ARRAY && !bad_line) {
				bad_line = number;
			}
			zval_ptr_dtor(&op);
			cio_queue_append(&lines, line, len);
		}
		efree(line);
	}
	php_stream_close(in);
	if (bad_line) {
		/* leave the file as it was, and say where it is broken */
		cio_spool_to(ZSTR_VAL(file), &lines, 0);
		VCWD_UNLINK(ZSTR_VAL(work));
		cio_throw_invalid_argument("%s line %ld is not a JSON operation; nothing was sent", ZSTR_VAL(file),
			(long)bad_line);
		cio_queue_free(&lines);
		zend_string_release(work);
		return -1;
	}

	/* send them like a flush of a queue holding exactly these operations */
	cio_queue saved = c->queue;
	c->queue = lines;
	zval answer;
	ZVAL_UNDEF(&answer);
	uint32_t total = lines.count;
	if (!total || cio_queue_send(client, &answer) == SUCCESS) {
		sent = total;
	} else {
		/* put back what was not delivered: nothing is lost */
		zend_object *ex = EG(exception);
		EG(exception) = NULL;
		cio_spool_to(ZSTR_VAL(file), &c->queue, 0);
		EG(exception) = ex;
	}
	zval_ptr_dtor(&answer);
	cio_queue_free(&c->queue);
	c->queue = saved;
	VCWD_UNLINK(ZSTR_VAL(work));
	zend_string_release(work);
	return sent;
}
