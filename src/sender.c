/* The sender of a spool: $client->track->drain(). Sends the spool's operations in order, in batches up to
 * max_batch_bytes, through the client's request path (one connection kept), and checkpoints what Customer.io
 * accepted so that a sender killed at any moment resumes without sending it again. See spool_mode.h. */
#include "spool_mode.h"
#include "zend_exceptions.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define CIO_BACKOFF_FIRST 0.5
#define CIO_BACKOFF_MAX 30.0
#define CIO_NOT_JSON "{\"reason\":\"not a JSON operation\"}"

/* The signal that asked the running drain() to stop (0: none). Set by a handler: nothing else is safe there. */
static volatile sig_atomic_t cio_stop_signal;

static void cio_on_stop_signal(int signo)
{
	cio_stop_signal = signo;
}

static double cio_now(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

typedef struct {
	bool once;
	double idle_sleep;
	double min_interval;     /* 1 / max_requests_per_second, 0: no limit */
	double deadline;         /* 0: none */
	double max_backoff;      /* the longest pause after a transient failure */
	zval on_batch;           /* callable or UNDEF */
} cio_drain_options;

typedef struct {
	cio_spool_names names;
	zval client;             /* held: on_batch may drop every other reference */
	size_t limit;
	HashTable *cp;           /* the checkpoint: file name => offset before which all was accepted */
	zend_long sent, rejected, requests, failures;
	const char *stopped;
} cio_drain;

/* One batch read from the spool's files: its body, where each operation sits in it, and how far it goes. */
typedef struct {
	smart_str body;
	uint32_t count, cap;
	size_t *starts, *lens;   /* each operation's JSON in body */
	zend_string **bad;       /* lines that are not JSON operations: rejected without a request */
	uint32_t bad_count, bad_cap;
	zend_string **files;     /* the spool's files when the batch was read, oldest first */
	uint32_t file_count;
	zend_long *ends;         /* per file: the offset after the last line taken (-1: not read) */
	uint32_t read;           /* files[0 .. read) were read: all but the last to their end, that one unless full */
	bool full;               /* stopped at max_batch_bytes (more is waiting) */
} cio_spool_batch;

static void cio_batch_free(cio_spool_batch *b)
{
	smart_str_free(&b->body);
	if (b->starts) {
		efree(b->starts);
		efree(b->lens);
	}
	for (uint32_t i = 0; i < b->bad_count; i++) {
		zend_string_release(b->bad[i]);
	}
	if (b->bad) {
		efree(b->bad);
	}
	cio_spool_files_free(b->files, b->file_count);
	if (b->ends) {
		efree(b->ends);
	}
	memset(b, 0, sizeof(*b));
}

static void cio_batch_add_bad(cio_spool_batch *b, const char *line, size_t len)
{
	if (b->bad_count == b->bad_cap) {
		b->bad_cap = b->bad_cap ? b->bad_cap * 2 : 4;
		b->bad = safe_erealloc(b->bad, b->bad_cap, sizeof(*b->bad), 0);
	}
	b->bad[b->bad_count++] = zend_string_init(line, len, 0);
}

/* Takes whole lines of one file from offset into the batch; false when the batch is full. What follows the last
 * newline is a line being written (or one its writer was killed inside): it stays. */
static bool cio_batch_take(cio_drain *d, cio_spool_batch *b, int fd, zend_long *offset, uint32_t max_ops)
{
	size_t want = d->limit + 65536;
	char *buf = emalloc(want + 1);
	bool room = true;

	while (room) {
		ssize_t got = pread(fd, buf, want, (off_t)*offset);
		if (got <= 0) {
			break;
		}
		size_t pos = 0;
		char *nl;
		while (pos < (size_t)got && (nl = memchr(buf + pos, '\n', (size_t)got - pos)) != NULL) {
			size_t len = (size_t)(nl - (buf + pos));
			char *line = buf + pos;
			size_t used = b->body.s ? ZSTR_LEN(b->body.s) : 0;
			if (b->count && (used + 1 + len + 2 > d->limit || b->count >= max_ops)) {
				room = false;
				b->full = true;
				break;
			}
			if (len) {
				*nl = '\0'; /* the scanner wants a terminated string */
				if (!cio_json_is_object(line, len)) {
					cio_batch_add_bad(b, line, len);
				} else {
					if (b->count == b->cap) {
						b->cap = b->cap ? b->cap * 2 : 256;
						b->starts = safe_erealloc(b->starts, b->cap, sizeof(size_t), 0);
						b->lens = safe_erealloc(b->lens, b->cap, sizeof(size_t), 0);
					}
					smart_str_appends(&b->body, b->count ? "," : "{\"batch\":[");
					b->starts[b->count] = ZSTR_LEN(b->body.s);
					b->lens[b->count++] = len;
					smart_str_appendl(&b->body, line, len);
				}
			}
			pos += len + 1;
			*offset += (zend_long)(len + 1);
		}
		if (!room || (size_t)got < want) {
			break;
		}
		if (pos == 0) {
			/* one line longer than the buffer: read it whole */
			want *= 2;
			buf = erealloc(buf, want + 1);
		}
	}
	efree(buf);
	return room;
}

/* Reads the next batch: the files oldest first, each from its checkpoint, in place (writers go on appending). */
static void cio_batch_read(cio_drain *d, cio_spool_batch *b, uint32_t max_ops)
{
	memset(b, 0, sizeof(*b));
	b->files = cio_spool_files(&d->names, &b->file_count);
	if (b->file_count) {
		b->ends = safe_emalloc(b->file_count, sizeof(*b->ends), 0);
	}
	for (uint32_t i = 0; i < b->file_count; i++) {
		zend_string *path = cio_spool_file_path(&d->names, b->files[i]);
		int fd = open(ZSTR_VAL(path), O_RDONLY | O_CLOEXEC);
		zend_string_release(path);
		b->ends[i] = -1;
		b->read = i + 1;
		if (fd < 0) {
			continue; /* removed since the listing */
		}
		zend_long offset = cio_spool_checkpoint_of(d->cp, b->files[i]);
		bool room = cio_batch_take(d, b, fd, &offset, max_ops);
		close(fd);
		b->ends[i] = offset;
		if (!room) {
			break;
		}
	}
	if (b->count) {
		smart_str_appends(&b->body, "]}");
		smart_str_0(&b->body);
	}
}

/* The checkpoint file: the offsets of the files that still exist, written by rename so it is whole or old. */
static void cio_checkpoint_write(cio_drain *d, cio_spool_batch *b)
{
	HashTable *kept = zend_new_array(b->file_count);
	smart_str text = {0};

	for (uint32_t i = 0; i < b->file_count; i++) {
		zval *offset = zend_hash_find(d->cp, b->files[i]);
		if (offset && Z_LVAL_P(offset) > 0) {
			zend_hash_update(kept, b->files[i], offset);
			smart_str_append(&text, b->files[i]);
			smart_str_appendc(&text, ' ');
			smart_str_append_long(&text, Z_LVAL_P(offset));
			smart_str_appendc(&text, '\n');
		}
	}
	zend_array_destroy(d->cp);
	d->cp = kept; /* entries of removed files go with them */

	zend_string *cp = cio_spool_path(&d->names, ".checkpoint"), *tmp = cio_spool_path(&d->names, ".checkpoint.tmp");
	int fd = open(ZSTR_VAL(tmp), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, cio_spool_file_mode());
	if (fd >= 0) {
		size_t len = text.s ? ZSTR_LEN(text.s) : 0;
		bool ok = !len || write(fd, ZSTR_VAL(text.s), len) == (ssize_t)len;
		close(fd);
		if (ok) {
			(void)!rename(ZSTR_VAL(tmp), ZSTR_VAL(cp));
		}
	}
	smart_str_free(&text);
	zend_string_release(cp);
	zend_string_release(tmp);
}

/* Whether a newline lies in fd between from and to. */
static bool cio_newline_between(int fd, off_t from, off_t to)
{
	char buf[4096];

	while (from < to) {
		ssize_t got = pread(fd, buf, (size_t)MIN((off_t)sizeof(buf), to - from), from);
		if (got <= 0) {
			return false;
		}
		if (memchr(buf, '\n', (size_t)got)) {
			return true;
		}
		from += got;
	}
	return false;
}

/* A file sent to its end goes once no writer has it open any more (it moved to a new file, exited or was
 * killed): the exclusive lock says so, and a writer can never reopen it. What follows the last newline then is a
 * line its writer was killed inside, never whole (its queue() never returned): it goes with the file. */
static void cio_retire(cio_drain *d, zend_string *file, zend_long end)
{
	zend_string *path = cio_spool_file_path(&d->names, file);
	int fd = open(ZSTR_VAL(path), O_RDONLY | O_CLOEXEC);
	struct stat st;

	if (fd >= 0) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			if (fstat(fd, &st) == 0 && (zend_long)st.st_size >= end
				&& !cio_newline_between(fd, (off_t)end, st.st_size)) {
				unlink(ZSTR_VAL(path));
				zend_hash_del(d->cp, file);
			}
			flock(fd, LOCK_UN);
		}
		close(fd);
	}
	zend_string_release(path);
}

/* What was taken is accepted (or rejected for good): the checkpoint moves past it, then the files sent to their
 * end go. Checkpoint first: a sender killed in between finds the file consumed and removes it later. */
static void cio_batch_commit(cio_drain *d, cio_spool_batch *b)
{
	bool moved = false;

	for (uint32_t i = 0; i < b->read; i++) {
		if (b->ends[i] >= 0 && b->ends[i] != cio_spool_checkpoint_of(d->cp, b->files[i])) {
			zval offset;
			ZVAL_LONG(&offset, b->ends[i]);
			zend_hash_update(d->cp, b->files[i], &offset);
			moved = true;
		}
	}
	if (moved) {
		cio_checkpoint_write(d, b);
	}
	for (uint32_t i = 0; i < b->read; i++) {
		if (b->ends[i] >= 0 && (i + 1 < b->read || !b->full)) {
			cio_retire(d, b->files[i], b->ends[i]);
		}
	}
}

/* An earlier version's checkpoint names one segment: the segments before it were consumed by a sender killed
 * before it could remove them. */
static void cio_drop_consumed(cio_drain *d)
{
	uint32_t n;
	zend_string **files = cio_spool_files(&d->names, &n), *last = NULL, *name;

	ZEND_HASH_FOREACH_STR_KEY(d->cp, name) {
		if (name && cio_spool_is_segment(name) && (!last || strcmp(ZSTR_VAL(name), ZSTR_VAL(last)) > 0)) {
			last = name;
		}
	} ZEND_HASH_FOREACH_END();
	for (uint32_t i = 0; last && i < n; i++) {
		if (cio_spool_is_segment(files[i]) && strcmp(ZSTR_VAL(files[i]), ZSTR_VAL(last)) < 0) {
			zend_string *path = cio_spool_file_path(&d->names, files[i]);
			unlink(ZSTR_VAL(path));
			zend_string_release(path);
		}
	}
	cio_spool_files_free(files, n);
}

/* One line of the rejected file: {"time":..,"reason":..,"operation":..}. reason is JSON already. */
static void cio_reject(cio_drain *d, smart_str *out, const char *reason, size_t reason_len, const char *op, size_t op_len,
	bool op_is_json)
{
	smart_str_append_printf(out, "{\"time\":%ld,\"reason\":", (long)time(NULL));
	smart_str_appendl(out, reason, reason_len);
	smart_str_appends(out, ",\"operation\":");
	if (op_is_json) {
		smart_str_appendl(out, op, op_len);
	} else {
		cio_json_encode_text(out, op, op_len);
	}
	smart_str_appends(out, "}\n");
	d->rejected++;
}

/* Lines that are not JSON operations (a corrupted file): rejected without a request, when the batch commits. */
static void cio_reject_bad(cio_drain *d, cio_spool_batch *b, smart_str *out)
{
	for (uint32_t i = 0; i < b->bad_count; i++) {
		cio_reject(d, out, CIO_NOT_JSON, sizeof(CIO_NOT_JSON) - 1, ZSTR_VAL(b->bad[i]), ZSTR_LEN(b->bad[i]), false);
	}
}

static bool cio_write_rejected(cio_drain *d, smart_str *lines)
{
	if (!lines->s || !ZSTR_LEN(lines->s)) {
		return true;
	}
	zend_string *path = cio_spool_path(&d->names, ".rejected");
	int fd = open(ZSTR_VAL(path), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, cio_spool_file_mode());
	bool ok = fd >= 0 && cio_spool_write_locked(fd, ZSTR_VAL(lines->s), ZSTR_LEN(lines->s));
	if (!ok) {
		cio_throw_invalid_argument("Cannot write the rejected operations to %s: %s; nothing was removed from the "
			"spool", ZSTR_VAL(path), strerror(errno));
	}
	if (fd >= 0) {
		close(fd);
	}
	zend_string_release(path);
	return ok;
}

static HashTable *cio_fields_of(zval *value)
{
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_ARRAY) {
		return Z_ARRVAL_P(value);
	}
	if (Z_TYPE_P(value) == IS_OBJECT) {
		return Z_OBJ_HT_P(value)->get_properties(Z_OBJ_P(value));
	}
	return NULL;
}

/* errors[] of a 200/207 answer: each names its operation by batch_index, with Customer.io's reason. */
static void cio_reject_answered(cio_drain *d, cio_spool_batch *b, zval *answer, smart_str *out)
{
	HashTable *fields = cio_fields_of(answer), *error_fields;
	zval *errors, *error, *index;

	if (!fields || !(errors = zend_hash_str_find_deref(fields, "errors", 6)) || Z_TYPE_P(errors) != IS_ARRAY) {
		return;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(errors), error) {
		smart_str reason = {0};
		if (cio_json_encode(&reason, error) == FAILURE) {
			zend_clear_exception();
			smart_str_free(&reason);
			smart_str_appends(&reason, "null");
		}
		error_fields = cio_fields_of(error);
		index = error_fields ? zend_hash_str_find_deref(error_fields, "batch_index", 11) : NULL;
		if (index && Z_TYPE_P(index) == IS_LONG && Z_LVAL_P(index) >= 0 && Z_LVAL_P(index) < (zend_long)b->count) {
			zend_long i = Z_LVAL_P(index);
			cio_reject(d, out, ZSTR_VAL(reason.s), ZSTR_LEN(reason.s), ZSTR_VAL(b->body.s) + b->starts[i], b->lens[i], true);
		} else {
			cio_reject(d, out, ZSTR_VAL(reason.s), ZSTR_LEN(reason.s), "null", 4, true);
		}
		smart_str_free(&reason);
	} ZEND_HASH_FOREACH_END();
}

typedef enum { CIO_SENT, CIO_TRANSIENT, CIO_REFUSED, CIO_FATAL } cio_outcome;

/* What a failed request means: no answer, 408, 429 and 5xx pass; 401/403 (credentials), 404 and redirects
 * (the URL) stop the sender with the data kept; other 4xx refuse the operations. */
static cio_outcome cio_classify(zend_object *ex)
{
	zval rv, *code = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_CODE), 1, &rv);
	zend_long status = Z_TYPE_P(code) == IS_LONG ? Z_LVAL_P(code) : 0;

	if (status == 0 || status == 408 || status == 429 || status >= 500) {
		return CIO_TRANSIENT;
	}
	if (status == 401 || status == 403 || status == 404 || status < 400) {
		return CIO_FATAL;
	}
	return CIO_REFUSED;
}

static zend_string *cio_exception_message(zend_object *ex)
{
	zval rv, *message = zend_read_property_ex(ex->ce, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
	return Z_TYPE_P(message) == IS_STRING ? zend_string_copy(Z_STR_P(message)) : ZSTR_EMPTY_ALLOC();
}

/* Sleeps up to seconds, in slices, until a stop signal or the deadline. false: stop now. */
static bool cio_pause(cio_drain *d, const cio_drain_options *o, double seconds)
{
	double until = cio_now() + seconds;

	for (;;) {
		if (cio_stop_signal) {
			d->stopped = "signal";
			return false;
		}
		double now = cio_now();
		if (o->deadline && now >= o->deadline) {
			d->stopped = "timeout";
			return false;
		}
		if (now >= until) {
			return true;
		}
		double slice = MIN(0.05, until - now);
		struct timespec ts = {(time_t)slice, (long)((slice - (double)(time_t)slice) * 1e9)};
		nanosleep(&ts, NULL);
	}
}

/* on_batch(array $batch): the operator's view of each request. false when it threw. */
static bool cio_report_batch(cio_drain *d, const cio_drain_options *o, const char *status, uint32_t ops,
	size_t bytes, zend_long sent, zend_long rejected, double seconds, zend_string *error)
{
	zval info, retval, callable;

	if (Z_ISUNDEF(o->on_batch)) {
		return true;
	}
	array_init(&info);
	add_assoc_string(&info, "status", status);
	add_assoc_long(&info, "operations", ops);
	add_assoc_long(&info, "bytes", (zend_long)bytes);
	add_assoc_long(&info, "sent", sent);
	add_assoc_long(&info, "rejected", rejected);
	add_assoc_double(&info, "seconds", seconds);
	if (error) {
		add_assoc_str(&info, "error", zend_string_copy(error));
	} else {
		add_assoc_null(&info, "error");
	}
	cio_spool_add_pending(&d->names, &info);
	ZVAL_COPY(&callable, &o->on_batch);
	if (call_user_function(NULL, NULL, &callable, &retval, 1, &info) == SUCCESS) {
		zval_ptr_dtor(&retval);
	}
	zval_ptr_dtor(&callable);
	zval_ptr_dtor(&info);
	return !EG(exception);
}

static zend_result cio_drain_options_parse(HashTable *options, cio_drain_options *o)
{
	zval *v;

	memset(o, 0, sizeof(*o));
	o->idle_sleep = 1.0;
	o->max_backoff = CIO_BACKOFF_MAX;
	ZVAL_UNDEF(&o->on_batch);
	if (!options) {
		return SUCCESS;
	}
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
		ZVAL_DEREF(v);
		if (!key) {
			cio_throw_invalid_argument("drain() options must be keyed by name");
			return FAILURE;
		}
		if (zend_string_equals_literal(key, "once")) {
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				cio_throw_invalid_argument("drain() option once must be a bool");
				return FAILURE;
			}
			o->once = Z_TYPE_P(v) == IS_TRUE;
		} else if (zend_string_equals_literal(key, "idle_sleep") || zend_string_equals_literal(key, "timeout")
			|| zend_string_equals_literal(key, "max_requests_per_second") || zend_string_equals_literal(key, "max_backoff")) {
			double value = Z_TYPE_P(v) == IS_LONG || Z_TYPE_P(v) == IS_DOUBLE ? zval_get_double(v) : -1;
			if (!zend_finite(value) || value < 0 || value > 86400.0 * 365) {
				cio_throw_invalid_argument("drain() option %s must be a number >= 0", ZSTR_VAL(key));
				return FAILURE;
			}
			if (ZSTR_VAL(key)[0] == 'i') {
				o->idle_sleep = value;
			} else if (zend_string_equals_literal(key, "max_backoff")) {
				o->max_backoff = value;
			} else if (ZSTR_VAL(key)[0] == 't') {
				o->deadline = value > 0 ? cio_now() + value : 0;
			} else {
				o->min_interval = value > 0 ? 1.0 / value : 0;
			}
		} else if (zend_string_equals_literal(key, "on_batch")) {
			if (!zend_is_callable(v, 0, NULL)) {
				cio_throw_invalid_argument("drain() option on_batch must be callable");
				return FAILURE;
			}
			ZVAL_COPY(&o->on_batch, v);
		} else {
			cio_throw_invalid_argument("Unknown drain() option \"%s\" (known: once, idle_sleep, "
				"max_requests_per_second, max_backoff, timeout, on_batch)", ZSTR_LEN(key) > 100 ? "(too long)" : ZSTR_VAL(key));
			return FAILURE;
		}
	} ZEND_HASH_FOREACH_END();
	return SUCCESS;
}

/* One request of the loop; false: stop (signal, deadline, fatal answer, a throwing on_batch). */
static bool cio_drain_step(cio_drain *d, const cio_drain_options *o, uint32_t *max_ops, int *backoff_step,
	double *last_request, bool *idle)
{
	cio_spool_batch b;
	smart_str rejected = {0};
	bool go_on = true;

	cio_batch_read(d, &b, *max_ops);
	*idle = !b.full;
	if (!b.count) {
		/* nothing to send, but lines that are not JSON may have been read: they are rejected */
		cio_reject_bad(d, &b, &rejected);
		if (cio_write_rejected(d, &rejected)) {
			cio_batch_commit(d, &b);
		} else {
			go_on = false;
		}
		if (go_on && !b.bad_count) {
			d->stopped = "empty";
		}
		smart_str_free(&rejected);
		cio_batch_free(&b);
		return go_on;
	}
	if (o->min_interval && *last_request && !cio_pause(d, o, *last_request + o->min_interval - cio_now())) {
		cio_batch_free(&b);
		return false;
	}
	zval answer;
	double started = cio_now();
	*last_request = started;
	d->requests++;
	int failed = cio_client_post_v2_many(Z_OBJ(d->client), "batch", &b.body, 1, &answer);
	double took = cio_now() - started;

	if (failed < 0) {
		zend_long before = d->rejected;
		cio_reject_answered(d, &b, &answer, &rejected);
		zval_ptr_dtor(&answer);
		zend_long refused = d->rejected - before;
		cio_reject_bad(d, &b, &rejected);
		if (!cio_write_rejected(d, &rejected)) {
			go_on = false;
		} else {
			cio_batch_commit(d, &b);
			d->sent += (zend_long)b.count - MIN(refused, (zend_long)b.count);
			*backoff_step = 0;
			*max_ops = *max_ops >= UINT32_MAX / 2 ? UINT32_MAX : *max_ops * 2;
			go_on = cio_report_batch(d, o, refused ? "partial" : "ok", b.count, ZSTR_LEN(b.body.s),
				(zend_long)b.count - refused, refused, took, NULL);
		}
	} else {
		zend_object *ex = EG(exception);
		GC_ADDREF(ex);
		zend_clear_exception();
		zend_string *message = cio_exception_message(ex);
		cio_outcome outcome = cio_classify(ex);
		d->failures++;
		if (outcome == CIO_FATAL) {
			/* the exception goes to the caller; the spool keeps everything */
			zval thrown;
			ZVAL_OBJ(&thrown, ex);
			zend_throw_exception_object(&thrown);
			ex = NULL;
			go_on = false;
		} else if (outcome == CIO_REFUSED && b.count > 1) {
			/* one operation may spoil the batch: halve until it is alone, then it goes to the rejected file */
			*max_ops = b.count / 2;
			go_on = cio_report_batch(d, o, "split", b.count, ZSTR_LEN(b.body.s), 0, 0, took, message);
		} else if (outcome == CIO_REFUSED) {
			zval reason;
			smart_str json = {0};
			ZVAL_STR_COPY(&reason, message);
			smart_str_appends(&json, "{\"reason\":");
			cio_json_encode(&json, &reason);
			smart_str_appendc(&json, '}');
			zval_ptr_dtor(&reason);
			cio_reject(d, &rejected, ZSTR_VAL(json.s), ZSTR_LEN(json.s), ZSTR_VAL(b.body.s) + b.starts[0], b.lens[0], true);
			smart_str_free(&json);
			cio_reject_bad(d, &b, &rejected);
			if (cio_write_rejected(d, &rejected)) {
				cio_batch_commit(d, &b);
				*max_ops = UINT32_MAX;
				go_on = cio_report_batch(d, o, "rejected", 1, ZSTR_LEN(b.body.s), 0, 1, took, message);
			} else {
				go_on = false;
			}
		} else {
			/* nothing is lost: the same operations (with the same ids) go again after a pause that grows */
			double wait = MIN(o->max_backoff, CIO_BACKOFF_FIRST * (double)(1 << MIN(*backoff_step, 10)));
			(*backoff_step)++;
			go_on = cio_report_batch(d, o, "retry", b.count, ZSTR_LEN(b.body.s), 0, 0, took, message)
				&& cio_pause(d, o, wait);
		}
		zend_string_release(message);
		if (ex) {
			OBJ_RELEASE(ex);
		}
	}
	smart_str_free(&rejected);
	cio_batch_free(&b);
	return go_on;
}

void cio_spool_drain(zval *client, HashTable *options, zval *return_value)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	cio_drain_options o;
	cio_drain d;
	struct sigaction stop, old_term, old_int;

	if (!cio_client_native(client)) {
		cio_throw_invalid_argument("drain() sends with the extension's own transport: it needs a Customerio\\Client "
			"without an injected Guzzle client and without overridden post()/getRegion()");
		return;
	}
	if (cio_drain_options_parse(options, &o) == FAILURE) {
		zval_ptr_dtor(&o.on_batch);
		return;
	}
	memset(&d, 0, sizeof(d));
	if (cio_spool_names_of(client, &d.names, true) == FAILURE) {
		zval_ptr_dtor(&o.on_batch);
		return;
	}
	zend_string *lock_path = cio_spool_path(&d.names, ".lock");
	int lock = open(ZSTR_VAL(lock_path), O_RDWR | O_CREAT | O_CLOEXEC, cio_spool_file_mode());
	if (lock < 0 || flock(lock, LOCK_EX | LOCK_NB) != 0) {
		if (lock >= 0 && errno == EWOULDBLOCK) {
			cio_throw_invalid_argument("Another sender is draining %s.* (it holds %s)", ZSTR_VAL(d.names.base),
				ZSTR_VAL(lock_path));
		} else {
			cio_throw_invalid_argument("Cannot lock %s: %s", ZSTR_VAL(lock_path), strerror(errno));
		}
		if (lock >= 0) {
			close(lock);
		}
		zend_string_release(lock_path);
		cio_spool_names_free(&d.names);
		zval_ptr_dtor(&o.on_batch);
		return;
	}
	zend_string_release(lock_path);
	ZVAL_COPY(&d.client, client);
	d.limit = (size_t)MAX(c->cfg.max_batch_bytes, 64);
	d.cp = cio_spool_read_checkpoint(&d.names);
	cio_drop_consumed(&d);

	/* SIGTERM/SIGINT end the loop after the request in flight; the previous handlers (pcntl's, the SAPI's) come
	 * back when drain() returns */
	memset(&stop, 0, sizeof(stop));
	stop.sa_handler = cio_on_stop_signal;
	sigemptyset(&stop.sa_mask);
	cio_stop_signal = 0;
	sigaction(SIGTERM, &stop, &old_term);
	sigaction(SIGINT, &stop, &old_int);

	uint32_t max_ops = UINT32_MAX;
	int backoff_step = 0;
	double last_request = 0;
	bool idle = false;
	while (!EG(exception)) {
		if (cio_stop_signal) {
			d.stopped = "signal";
			break;
		}
		if (o.deadline && cio_now() >= o.deadline) {
			d.stopped = "timeout";
			break;
		}
		d.stopped = NULL;
		if (!cio_drain_step(&d, &o, &max_ops, &backoff_step, &last_request, &idle)) {
			break;
		}
		if (d.stopped && o.once) {
			break; /* empty */
		}
		/* not a full batch: wait a little so that the next one carries more */
		if (!o.once && (d.stopped || idle) && !cio_pause(&d, &o, o.idle_sleep)) {
			break;
		}
	}
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGINT, &old_int, NULL);
	flock(lock, LOCK_UN);
	close(lock);

	if (!EG(exception)) {
		array_init(return_value);
		add_assoc_long(return_value, "sent", d.sent);
		add_assoc_long(return_value, "rejected", d.rejected);
		add_assoc_long(return_value, "requests", d.requests);
		add_assoc_long(return_value, "failures", d.failures);
		cio_spool_add_pending(&d.names, return_value);
		add_assoc_string(return_value, "stopped", d.stopped ? d.stopped : "empty");
	}
	zend_array_destroy(d.cp);
	zval_ptr_dtor(&d.client);
	cio_spool_names_free(&d.names);
	zval_ptr_dtor(&o.on_batch);
}
