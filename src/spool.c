/* The spool: JSON lines of operations the background queue could not deliver (customerio-spool.jsonl under
 * customerio.spool_dir), the rejected file beside it (operations Customer.io refused, with its reasons), and
 * Track::replay(), which sends a spool again. Every writer appends under an exclusive flock(); replay() takes
 * the file away by renaming it, then reads it under the same lock, so a writer that opened the file before the
 * rename either finished first or notices the rename and appends to the new file. */
#include "track.h"
#include "zend_exceptions.h"
#include "ext/standard/file.h"
#include "ext/standard/flock_compat.h"
#include "main/php_open_temporary_file.h"
#include <unistd.h>

#define CIO_SPOOL_FILE "customerio-spool.jsonl"
#define CIO_REJECTED_SUFFIX ".rejected.jsonl"

static bool cio_same_file(php_stream *stream, const char *path)
{
	int fd;
	zend_stat_t opened, named;

	if (php_stream_cast(stream, PHP_STREAM_AS_FD, (void **)&fd, 0) != SUCCESS) {
		return true; /* not a plain file: nothing renames it */
	}
	return fstat(fd, &opened) == 0 && VCWD_STAT(path, &named) == 0 && opened.st_ino == named.st_ino
		&& opened.st_dev == named.st_dev;
}

/* path opened for appending and locked; reopened when replay() renamed it away meanwhile. */
static php_stream *cio_spool_open(const char *path)
{
	for (int attempt = 0; attempt < 10; attempt++) {
		php_stream *stream = php_stream_open_wrapper((char *)path, "ab", REPORT_ERRORS, NULL);
		if (!stream) {
			return NULL;
		}
		if (php_stream_lock(stream, LOCK_EX) != 0) {
			php_stream_close(stream);
			return NULL;
		}
		if (cio_same_file(stream, path)) {
			return stream;
		}
		php_stream_lock(stream, LOCK_UN);
		php_stream_close(stream);
	}
	return NULL;
}

static bool cio_spool_write(php_stream *stream, const char *bytes, size_t len)
{
	return php_stream_write(stream, bytes, len) == (ssize_t)len;
}

static void cio_spool_close(php_stream *stream, bool *ok)
{
	*ok = php_stream_flush(stream) == 0 && *ok;
	php_stream_lock(stream, LOCK_UN);
	*ok = php_stream_close(stream) == 0 && *ok;
}

bool cio_spool_to(const char *path, const cio_queue *q, uint32_t from)
{
	bool ok;
	php_stream *stream = cio_spool_open(path);

	if (!stream) {
		return false;
	}
	ok = true;
	for (uint32_t i = from; ok && i < q->count; i++) {
		ok = cio_spool_write(stream, ZSTR_VAL(q->json.s) + cio_queue_start(q, i), cio_queue_len(q, i))
			&& cio_spool_write(stream, "\n", 1);
	}
	cio_spool_close(stream, &ok);
	return ok;
}

static zend_string *cio_spool_path(void)
{
	const char *dir = CIO_G(spool_dir);

	return dir && *dir ? zend_strpprintf(0, "%s/%s", dir, CIO_SPOOL_FILE) : NULL;
}

bool cio_spool(const cio_queue *q, uint32_t from)
{
	zend_string *path = cio_spool_path();

	if (!path) {
		return false;
	}
	bool ok = cio_spool_to(ZSTR_VAL(path), q, from);
	zend_string_release(path);
	return ok;
}

/* "x.jsonl" -> "x.rejected.jsonl"; any other name gets the suffix appended */
static zend_string *cio_rejected_path(const char *path)
{
	size_t len = strlen(path);

	if (len > 6 && strcmp(path + len - 6, ".jsonl") == 0) {
		len -= 6;
	}
	return zend_string_concat2(path, len, CIO_REJECTED_SUFFIX, sizeof(CIO_REJECTED_SUFFIX) - 1);
}

bool cio_spool_rejected(const char *path, const cio_queue *q, zval *rejected, zend_string **where)
{
	zend_string *spool = path ? NULL : cio_spool_path(), *file;
	zend_ulong index;
	zval *errors;
	bool ok = true;

	*where = NULL;
	if (!path && !spool) {
		return false;
	}
	file = cio_rejected_path(path ? path : ZSTR_VAL(spool));
	if (spool) {
		zend_string_release(spool);
	}
	php_stream *stream = cio_spool_open(ZSTR_VAL(file));
	if (!stream) {
		zend_string_release(file);
		return false;
	}
	ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL_P(rejected), index, errors) {
		smart_str line = {0};
		smart_str_appends(&line, "{\"errors\":");
		if (index >= q->count || cio_json_encode(&line, errors) == FAILURE) {
			smart_str_free(&line);
			continue;
		}
		smart_str_appends(&line, ",\"operation\":");
		smart_str_appendl(&line, ZSTR_VAL(q->json.s) + cio_queue_start(q, index), cio_queue_len(q, index));
		smart_str_appends(&line, "}\n");
		ok = ok && cio_spool_write(stream, ZSTR_VAL(line.s), ZSTR_LEN(line.s));
		smart_str_free(&line);
	} ZEND_HASH_FOREACH_END();
	cio_spool_close(stream, &ok);
	if (ok) {
		*where = file;
	} else {
		zend_string_release(file);
	}
	return ok;
}

/* ---- replay ---- */

/* Renames file to work (open_basedir checked first): 1 taken, 0 no such file, -1 exception thrown. */
static int cio_replay_take(zend_string *file, zend_string *work)
{
	zend_stat_t st;

	if (php_check_open_basedir(ZSTR_VAL(file)) || php_check_open_basedir(ZSTR_VAL(work))) {
		cio_throw_invalid_argument("Cannot replay %s: outside open_basedir", ZSTR_VAL(file));
		return -1;
	}
	if (VCWD_STAT(ZSTR_VAL(file), &st) == 0 && !S_ISREG(st.st_mode)) {
		cio_throw_invalid_argument("%s is not a regular file", ZSTR_VAL(file));
		return -1;
	}
	/* take the file away first, so workers appending meanwhile start a new one */
	if (VCWD_RENAME(ZSTR_VAL(file), ZSTR_VAL(work)) != 0) {
		if (errno == ENOENT) {
			return 0;
		}
		cio_throw_invalid_argument("Cannot take %s for replay: %s", ZSTR_VAL(file), strerror(errno));
		return -1;
	}
	return 1;
}

/* The operations of work, read under the writers' lock; *bad_line: the first line that is not a JSON object. */
static zend_result cio_replay_read(zend_string *work, cio_queue *lines, zend_long *bad_line)
{
	php_stream *in = php_stream_open_wrapper(ZSTR_VAL(work), "rb", REPORT_ERRORS, NULL);
	zend_long number = 0;
	char *line;
	size_t len;

	if (!in) {
		return FAILURE;
	}
	/* a writer that opened the file before the rename finishes its lines first */
	php_stream_lock(in, LOCK_EX);
	*bad_line = 0;
	while ((line = php_stream_get_line(in, NULL, 0, &len)) != NULL) {
		number++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
			len--;
		}
		line[len] = '\0';
		if (len) {
			zval op;
			cio_json_decode(&op, line, len, true);
			if (Z_TYPE(op) != IS_ARRAY && !*bad_line) {
				*bad_line = number;
			}
			zval_ptr_dtor(&op);
			cio_queue_append(lines, line, len);
		}
		efree(line);
	}
	php_stream_lock(in, LOCK_UN);
	php_stream_close(in);
	return SUCCESS;
}

/* The work file goes only once what must outlive it was written; else it stays, and the warning says where. */
static void cio_replay_release(zend_string *file, zend_string *work, bool written, uint32_t count)
{
	if (written) {
		VCWD_UNLINK(ZSTR_VAL(work));
		return;
	}
	zend_error(E_WARNING, "customerio: replay() could not write %u operation(s) back to %s; the spool being "
		"replayed is kept as %s (replay it once the disk has room)", count, ZSTR_VAL(file), ZSTR_VAL(work));
}

/* Rejected among the delivered: to the rejected file beside the spool, with a warning. */
static bool cio_replay_rejected(zend_string *file, const cio_queue *lines, zval *answer, uint32_t delivered)
{
	zval rejected;
	uint32_t unattributed;
	zend_string *where = NULL;
	bool ok = true;

	cio_rejected_of(answer, delivered, &rejected, &unattributed);
	uint32_t n = zend_hash_num_elements(Z_ARRVAL(rejected));
	if (n) {
		ok = cio_spool_rejected(ZSTR_VAL(file), lines, &rejected, &where);
		zend_error(E_WARNING, "customerio: replay(): %u operation(s) rejected by Customer.io%s%s", n,
			ok ? "; written with the reasons to " : " (the rejected file could not be written)", ok ? ZSTR_VAL(where) : "");
		if (where) {
			zend_string_release(where);
		}
	}
	zval_ptr_dtor(&rejected);
	return ok;
}

/* Sends the lines; what was not delivered goes back to file. Returns the number delivered, or -1. */
static zend_long cio_replay_send(zval *client, zend_string *file, zend_string *work, cio_queue *lines)
{
	zval answer;
	bool written = true;

	ZVAL_UNDEF(&answer);
	uint32_t delivered = lines->count ? cio_queue_send(client, lines, &answer) : 0;
	zend_object *ex = EG(exception);
	EG(exception) = NULL; /* writing runs no user code; the exception is put back after */
	written = cio_replay_rejected(file, lines, &answer, delivered);
	zval_ptr_dtor(&answer);
	if (delivered < lines->count) {
		/* put back what was not delivered: nothing is lost */
		written = cio_spool_to(ZSTR_VAL(file), lines, delivered) && written;
	}
	EG(exception) = ex;
	cio_replay_release(file, work, written, lines->count - delivered);
	return delivered < lines->count ? -1 : (zend_long)delivered;
}

zend_long cio_track_replay(zval *client, zend_string *file)
{
	zend_string *work = zend_strpprintf(0, "%s.replaying.%d", ZSTR_VAL(file), (int)cio_getpid());
	cio_queue lines = {0};
	zend_long bad_line = 0, sent = -1;
	zval held;
	int taken = cio_replay_take(file, work);

	if (taken <= 0) {
		zend_string_release(work);
		return taken;
	}
	if (cio_replay_read(work, &lines, &bad_line) == FAILURE) {
		VCWD_RENAME(ZSTR_VAL(work), ZSTR_VAL(file));
		if (!EG(exception)) {
			cio_throw_invalid_argument("Cannot read %s", ZSTR_VAL(file));
		}
	} else if (bad_line) {
		/* leave the operations as they were, and say where the file is broken */
		cio_replay_release(file, work, cio_spool_to(ZSTR_VAL(file), &lines, 0), lines.count);
		cio_throw_invalid_argument("%s line %ld is not a JSON operation; nothing was sent", ZSTR_VAL(file),
			(long)bad_line);
	} else {
		/* sent like a flush of a queue holding exactly these operations: the lines are ours alone */
		ZVAL_COPY(&held, client);
		sent = cio_replay_send(&held, file, work, &lines);
		zval_ptr_dtor(&held);
	}
	cio_queue_free(&lines);
	zend_string_release(work);
	return sent;
}
