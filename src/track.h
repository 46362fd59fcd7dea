/* Internal interface of the Track v2 files: ulid.c (ids), batch.c (requests under the size limits, answers,
 * batch() and entity()), queue.c (the background queue and the end-of-request send), spool.c (the spool files
 * and replay()). The rule for user code that re-enters them is written once, at the top of queue.c. */
#ifndef CIO_TRACK_H
#define CIO_TRACK_H

#include "customerio_private.h"

#define CIO_BATCH_OPEN "{\"batch\":["
#define CIO_BATCH_CLOSE "]}"

/* ---- ulid.c ---- */
void cio_ulid_minit(void);
void cio_ulid(char out[26]);
/* A person event, page or screen without an "id" (and auto_event_id on): it gets a ULID. */
bool cio_needs_id(const cio_config *cfg, zval *op);
/* ,"id":"<26>" spliced before the closing brace: what encoding the op with $op['id'] appended gives */
#define CIO_ID_BYTES (sizeof(",\"id\":\"\"") - 1 + 26)
/* Appends the op's JSON to buf (may run jsonSerialize/__toString), with an id when asked; nothing on failure. */
zend_result cio_encode_op(smart_str *buf, zval *op, bool with_id);

/* ---- batch.c ---- */
zend_result cio_check_op_size(const cio_config *cfg, size_t size, zend_long index);
/* The answer's "errors" list (array or object answer), or NULL. */
zval *cio_errors_of(zval *answer);

typedef enum { CIO_CHUNK_ACCEPTED, CIO_CHUNK_FAILED, CIO_CHUNK_NOT_SENT } cio_chunk_state;

typedef struct {
	zend_long first;          /* caller's index of its first operation */
	uint32_t count;
	cio_chunk_state state;
} cio_chunk;

#define CIO_MAX_WAVE 16

/* Packs operations into request bodies under max_batch_bytes, in order, and sends them: one request after the
 * other (concurrency 1, the default: what Customer.io receives is in the caller's order, and after a failure
 * "delivered" is a clean prefix), or in waves of up to max_concurrency requests (unordered). The batcher owns
 * every body it sends: nothing it reads belongs to the caller's queue while user code runs. */
typedef struct {
	zval *client;                    /* held by the caller for the batcher's life */
	size_t limit;
	int concurrency;
	smart_str body;                  /* the request being filled: {"batch":[op,op... */
	uint32_t count;                  /* operations in it */
	zend_long next;                  /* caller's index of its first operation */
	smart_str wave[CIO_MAX_WAVE];    /* sealed requests not sent yet */
	zend_long wave_first[CIO_MAX_WAVE];
	uint32_t wave_count[CIO_MAX_WAVE];
	int wave_n;
	bool more;                       /* a request was sealed because another operation followed: split */
	cio_chunk *chunks;               /* every request sealed so far, in order, with what became of it */
	uint32_t chunk_n, chunk_cap;
	zend_long failed_from;           /* after a failure: the first operation not known delivered */
	zval merged;
	bool sent;
} cio_batcher;

void cio_batcher_init(cio_batcher *b, zval *client, zend_long limit, zend_long concurrency);
zend_result cio_batcher_add(cio_batcher *b, const char *op, size_t len);
/* Sends what is left and hands over the merged answer (batch_index of its errors at the caller's indices). */
zend_result cio_batcher_finish(cio_batcher *b, zval *return_value);
void cio_batcher_free(cio_batcher *b);
/* The rejected operations of a merged answer: [index => list of errors] for the errors whose batch_index is in
 * [0, below); the errors without one are counted in *unattributed. */
void cio_rejected_of(zval *answer, zend_long below, zval *rejected, uint32_t *unattributed);

/* ---- queue.c ---- */
void cio_queue_append(cio_queue *q, const char *json, size_t len);
static inline size_t cio_queue_start(const cio_queue *q, uint32_t i)
{
	return i ? q->ends[i - 1] + 1 : 0; /* + 1: the comma */
}
static inline size_t cio_queue_len(const cio_queue *q, uint32_t i)
{
	return q->ends[i] - cio_queue_start(q, i);
}
/* Sends the operations of ops (a queue no one else can reach) in order; returns how many were delivered (all of
 * them, or the exception of the failed request is thrown); the merged answer goes to *answer. */
uint32_t cio_queue_send(zval *client, const cio_queue *ops, zval *answer);

/* ---- spool.c ---- */
/* Appends operations [from, count) to path as JSON lines, under the writers' lock; false when not all written. */
bool cio_spool_to(const char *path, const cio_queue *q, uint32_t from);
/* The same under customerio.spool_dir (false when unset). */
bool cio_spool(const cio_queue *q, uint32_t from);
/* Rejected operations, one {"errors":[...],"operation":{...}} line each, to the rejected file beside path (NULL:
 * the spool_dir's). *where gets that file's name (caller frees) when something was written. */
bool cio_spool_rejected(const char *path, const cio_queue *q, zval *rejected, zend_string **where);

#endif
