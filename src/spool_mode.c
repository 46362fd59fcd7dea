/* Spool mode: queue() appends the operation to a local spool file, a sender (drain(), bin/customerio-sender)
 * sends it. The page pays one write(2), never a request. See spool_mode.h for the files. */
#include "spool_mode.h"
#include "ext/standard/md5.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/time.h>
#include <unistd.h>

/* ---- names and checks ---- */

/* The cheap part of the check, for every append: the directory itself is checked when a file is opened. */
static zend_result cio_spool_check_dir_set(const char *dir)
{
	if (!dir || !*dir) {
		cio_throw_invalid_argument("Spool mode needs customerio.spool_dir: it is not set; nothing was queued");
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cio_spool_check_dir(const char *dir)
{
	zend_stat_t st;

	if (!dir || !*dir) {
		cio_throw_invalid_argument("Spool mode needs customerio.spool_dir: it is not set; nothing was queued");
		return FAILURE;
	}
	if (VCWD_STAT(dir, &st) != 0) {
		cio_throw_invalid_argument("customerio.spool_dir %s: %s; nothing was queued", dir, strerror(errno));
		return FAILURE;
	}
	if (!S_ISDIR(st.st_mode)) {
		cio_throw_invalid_argument("customerio.spool_dir %s is not a directory; nothing was queued", dir);
		return FAILURE;
	}
	/* anyone could plant or remove files in it: operations would leak or vanish */
	if (st.st_mode & S_IWOTH) {
		cio_throw_invalid_argument("customerio.spool_dir %s is world-writable: refused (chmod o-w it, or use a "
			"directory only the web server's user can write); nothing was queued", dir);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result cio_spool_names_of(zval *client, cio_spool_names *names, bool check_dir)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	const char *dir = CIO_G(spool_dir);

	memset(names, 0, sizeof(*names));
	if (check_dir ? cio_spool_check_dir(dir) == FAILURE : cio_spool_check_dir_set(dir) == FAILURE) {
		return FAILURE;
	}

	/* one spool per workspace and Track host: the site id and the URL, hashed so that nothing secret and no
	 * path characters end up in the name */
	zend_string *url = cio_region_track_uri(Z_OBJ(c->region), "v2", 2);
	PHP_MD5_CTX ctx;
	unsigned char digest[16];
	char hex[33];
	PHP_MD5Init(&ctx);
	PHP_MD5Update(&ctx, ZSTR_VAL(c->site_id), ZSTR_LEN(c->site_id));
	PHP_MD5Update(&ctx, "\n", 1);
	PHP_MD5Update(&ctx, ZSTR_VAL(url), ZSTR_LEN(url));
	PHP_MD5Final(digest, &ctx);
	make_digest_ex(hex, digest, 16);
	zend_string_release(url);

	size_t dir_len = strlen(dir);
	while (dir_len > 1 && dir[dir_len - 1] == '/') {
		dir_len--;
	}
	names->dir = zend_string_init(dir, dir_len, 0);
	names->prefix = zend_strpprintf(0, "customerio-%.16s", hex);
	names->base = zend_strpprintf(0, "%s/%s", ZSTR_VAL(names->dir), ZSTR_VAL(names->prefix));
	return SUCCESS;
}

void cio_spool_names_free(cio_spool_names *names)
{
	if (names->dir) {
		zend_string_release(names->dir);
		zend_string_release(names->prefix);
		zend_string_release(names->base);
	}
	memset(names, 0, sizeof(*names));
}

zend_string *cio_spool_path(const cio_spool_names *names, const char *suffix)
{
	return zend_string_concat2(ZSTR_VAL(names->base), ZSTR_LEN(names->base), suffix, strlen(suffix));
}

mode_t cio_spool_file_mode(void)
{
	return CIO_G(spool_group) ? 0660 : 0600;
}

/* ---- writing ---- */

/* A writer killed inside write(2) can leave a line without its newline: cut it (it was never whole), so that
 * the next line does not glue onto it. Called under the lock. */
static bool cio_spool_cut_partial(int fd, off_t size)
{
	char buf[4096];
	off_t end = size;

	while (end > 0) {
		size_t n = (size_t)MIN((off_t)sizeof(buf), end);
		if (pread(fd, buf, n, end - (off_t)n) != (ssize_t)n) {
			return false;
		}
		for (size_t i = n; i > 0; i--) {
			if (buf[i - 1] == '\n') {
				return (off_t)(end - (off_t)n + (off_t)i) == size || ftruncate(fd, end - (off_t)n + (off_t)i) == 0;
			}
		}
		end -= (off_t)n;
	}
	return ftruncate(fd, 0) == 0;
}

/* The write itself, under the lock, size being the file's size (fstat): one write(2) of whole lines. whole: the
 * file is known to end with a newline (this process wrote last). */
static bool cio_spool_write_held(int fd, off_t size, bool whole, const char *buf, size_t len)
{
	char last = '\n';

	if (size > 0 && !whole && (pread(fd, &last, 1, size - 1) != 1 || (last != '\n' && !cio_spool_cut_partial(fd, size)))) {
		return false;
	}
	if (last != '\n' && (size = lseek(fd, 0, SEEK_END)) < 0) {
		return false;
	}
	ssize_t written = write(fd, buf, len); /* O_APPEND: at the end, whole, never between another's bytes */
	if (written == (ssize_t)len) {
		return true;
	}
	int saved = written < 0 ? errno : ENOSPC;
	/* a short write (disk full): take it back; failing that, the reader skips a line without newline */
	if (written > 0) {
		(void)!ftruncate(fd, size);
	}
	errno = saved;
	return false;
}

bool cio_spool_write_locked(int fd, const char *buf, size_t len)
{
	struct stat st;
	bool ok;

	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			return false;
		}
	}
	ok = fstat(fd, &st) == 0 && cio_spool_write_held(fd, st.st_size, false, buf, len);
	int saved = errno;
	flock(fd, LOCK_UN);
	errno = saved;
	return ok;
}

static void cio_spool_slot_free(cio_spool_fd *slot, bool ours)
{
	if (ours && slot->fd >= 0) {
		close(slot->fd);
	}
	free(slot->key);
	free(slot->base);
	free(slot->path);
	memset(slot, 0, sizeof(*slot));
	slot->fd = -1;
}

/* The slot of key in this process (its fd -1 until opened); NULL when key is new and its names cannot be made (an
 * exception is thrown). A forked child must not write into its parent's files: each file has one writer, which is
 * what lets an append be a single write(2). Keyed by what names the file, so that a page's one call neither
 * hashes nor formats anything once its worker has written before. */
static cio_spool_fd *cio_spool_slot(zval *client, const char *key, pid_t pid)
{
	cio_spool_fd *slots = CIO_G(spool_fds);
	int free_slot = -1;

	if (CIO_G(spool_pid) != pid) {
		for (int i = 0; i < 4; i++) {
			if (slots[i].key) {
				cio_spool_slot_free(&slots[i], true); /* the parent's descriptor: this copy only, its lock stays */
			}
		}
		CIO_G(spool_pid) = pid;
	}
	for (int i = 0; i < 4; i++) {
		if (slots[i].key && strcmp(slots[i].key, key) == 0) {
			return &slots[i];
		}
		if (!slots[i].key && free_slot < 0) {
			free_slot = i;
		}
	}

	cio_spool_names names;
	if (cio_spool_names_of(client, &names, false) == FAILURE) {
		return NULL;
	}
	if (free_slot < 0) {
		/* more workspaces than slots: the oldest slot makes room */
		cio_spool_slot_free(&slots[0], true);
		memmove(&slots[0], &slots[1], sizeof(slots[0]) * 3);
		memset(&slots[3], 0, sizeof(slots[3]));
		free_slot = 3;
	}
	slots[free_slot].key = strdup(key);
	slots[free_slot].base = strdup(ZSTR_VAL(names.base));
	slots[free_slot].path = NULL;
	slots[free_slot].fd = -1;
	slots[free_slot].end = 0;
	cio_spool_names_free(&names);
	return &slots[free_slot];
}

/* Opens a new live file for the slot, named by the time and the pid: a name never used before, later than every
 * earlier file of this process (the sender reads files in name order), created by this process (O_EXCL), so that
 * it is the file's only writer, and locked shared for as long as it stays open. The sender removes a file only
 * under the exclusive lock, so never one a writer still has open. false with errno. */
static bool cio_spool_open_new(cio_spool_fd *slot, pid_t pid)
{
	size_t size = strlen(slot->base) + sizeof(".spool.") + 20 + 1 + MAX_LENGTH_OF_LONG;
	char *path = malloc(size);
	struct timeval tv;
	struct stat st;

	gettimeofday(&tv, NULL);
	uint64_t ms = (uint64_t)tv.tv_sec * 1000 + (uint64_t)tv.tv_usec / 1000;
	for (int attempt = 0; path && attempt < 8; attempt++) {
		/* strictly later than this process's last file, even when the clock goes back */
		ms = MAX(ms, CIO_G(spool_last_ms) + 1);
		CIO_G(spool_last_ms) = ms;
		snprintf(path, size, "%s.spool.%013" PRIu64 "-%ld", slot->base, ms, (long)pid);
		int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, cio_spool_file_mode());
		if (fd < 0) {
			if (errno == EEXIST) {
				continue; /* a process of the same pid before, in the same millisecond */
			}
			break;
		}
		int locked;
		while ((locked = flock(fd, LOCK_SH)) != 0 && errno == EINTR);
		if (locked != 0) {
			/* without its lock the sender could remove the file under the writer (a file system without
			 * flock(), ENOLCK): refuse rather than lose lines */
			int saved = errno;
			unlink(path);
			close(fd);
			errno = saved;
			break;
		}
		/* a sender that found the file empty before the lock was taken has removed it: take another */
		if (fstat(fd, &st) != 0 || st.st_nlink == 0) {
			int saved = errno;
			close(fd);
			errno = saved;
			continue;
		}
		free(slot->path);
		slot->path = path;
		slot->fd = fd;
		slot->end = 0;
		slot->checked = (time_t)(ms / 1000);
		return true;
	}
	int saved = path ? errno : ENOMEM;
	free(path);
	errno = saved;
	return false;
}

zend_result cio_spool_append(zval *client, smart_str *line)
{
	cio_client *c = cio_client_from_obj(Z_OBJ_P(client));
	const char *dir = CIO_G(spool_dir);
	pid_t pid = cio_getpid();
	bool ok = false;

	if (cio_spool_check_dir_set(dir) == FAILURE) {
		return FAILURE;
	}
	/* the Track host stands for the Track v2 URL the file's name hashes (that URL is the host + "/api/v2/") */
	size_t host_len;
	const char *host = cio_region_track_base(Z_OBJ(c->region), &host_len);
	smart_str key = {0};
	smart_str_appends(&key, dir);
	smart_str_appendc(&key, '\n');
	smart_str_append(&key, c->site_id);
	smart_str_appendc(&key, '\n');
	smart_str_appendl(&key, host, host_len);
	smart_str_0(&key);
	cio_spool_fd *slot = cio_spool_slot(client, ZSTR_VAL(key.s), pid);
	smart_str_free(&key);
	if (!slot) {
		return FAILURE;
	}
	smart_str_appendc(line, '\n');
	size_t len = ZSTR_LEN(line->s);

	/* a full file is left to the sender, which removes it once sent (this process no longer holds its lock) */
	if (slot->fd >= 0 && slot->end > 0 && slot->end + (zend_long)len > CIO_G(spool_file_bytes)) {
		close(slot->fd);
		slot->fd = -1;
	}
	/* the sender never removes a file its writer holds, but a person can: at most once a second, check that
	 * the file is still there, so that lines do not go on into a removed file */
	struct timeval tv;
	gettimeofday(&tv, NULL);
	if (slot->fd >= 0 && tv.tv_sec != slot->checked) {
		struct stat st;
		slot->checked = tv.tv_sec;
		if (fstat(slot->fd, &st) == 0 && st.st_nlink == 0) {
			close(slot->fd);
			slot->fd = -1;
		}
	}
	if (slot->fd < 0) {
		if (cio_spool_check_dir(dir) == FAILURE) { /* the directory itself, once per file */
			ZSTR_LEN(line->s)--;
			return FAILURE;
		}
		ok = cio_spool_open_new(slot, pid);
	}
	if (slot->fd >= 0) {
		/* the whole append: one write(2) at the end of a file no other process writes, no lock, no stat */
		ssize_t written = write(slot->fd, ZSTR_VAL(line->s), len);
		ok = written == (ssize_t)len;
		if (ok) {
			slot->end += (zend_long)len;
		} else {
			int saved = written < 0 ? errno : ENOSPC;
			/* a short write (disk full): take it back, or leave the file (the sender skips its cut last line) */
			if (written > 0 && ftruncate(slot->fd, (off_t)slot->end) != 0) {
				close(slot->fd);
				slot->fd = -1;
			}
			errno = saved;
		}
	}
	if (!ok) {
		/* the file written to, or (no file could be made) the spool's live files */
		cio_throw_invalid_argument("Cannot append to the spool %s%s: %s; nothing was queued",
			slot->fd >= 0 ? slot->path : slot->base, slot->fd >= 0 ? "" : ".spool.*", strerror(errno));
	}
	ZSTR_LEN(line->s)--;
	return ok ? SUCCESS : FAILURE;
}

void cio_spool_after_fork(void)
{
	/* the parent's files stay its own: a child keeping them open would hold their locks after the parent is
	 * gone, and the sender could not remove them */
	for (int i = 0; i < 4; i++) {
		if (CIO_G(spool_fds)[i].key && CIO_G(spool_fds)[i].fd >= 0) {
			close(CIO_G(spool_fds)[i].fd);
			CIO_G(spool_fds)[i].fd = -1;
		}
	}
}

void cio_spool_mshutdown(void)
{
	for (int i = 0; i < 4; i++) {
		if (CIO_G(spool_fds)[i].key) {
			cio_spool_slot_free(&CIO_G(spool_fds)[i], CIO_G(spool_pid) == cio_getpid());
		}
	}
}

/* ---- health ---- */

double cio_spool_line_time(const char *line, size_t len)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	const char *id = zend_memnrstr(line, "\"id\":\"", sizeof("\"id\":\"") - 1, line + len);
	uint64_t ms = 0;

	if (!id || (size_t)(line + len - id) < 6 + 26 + 1 || id[6 + 26] != '"') {
		return -1;
	}
	for (int i = 0; i < 10; i++) {
		const char *p = strchr(alphabet, id[6 + i]);
		if (!p || !*p) {
			return -1;
		}
		ms = ms << 5 | (uint64_t)(p - alphabet);
	}
	return (double)ms;
}

static double cio_now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec * 1000.0 + (double)tv.tv_usec / 1000.0;
}

/* Counts the newlines of a file (the rejected operations); 0 when it does not exist. */
static zend_long cio_count_lines(const char *path)
{
	char buf[65536];
	zend_long lines = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		return 0;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			lines += buf[i] == '\n';
		}
	}
	close(fd);
	return lines;
}

bool cio_spool_is_segment(zend_string *name)
{
	return ZSTR_LEN(name) > 4 && memcmp(ZSTR_VAL(name) + ZSTR_LEN(name) - 4, ".seg", 4) == 0;
}

/* Segments of an earlier version first (they are older than every live file), then by name */
static int cio_compare_files(const void *a, const void *b)
{
	zend_string *x = *(zend_string *const *)a, *y = *(zend_string *const *)b;
	bool xs = cio_spool_is_segment(x), ys = cio_spool_is_segment(y);

	return xs != ys ? (xs ? -1 : 1) : strcmp(ZSTR_VAL(x), ZSTR_VAL(y));
}

zend_string **cio_spool_files(const cio_spool_names *names, uint32_t *n)
{
	zend_string **list = NULL;
	uint32_t cap = 0;
	struct dirent *entry;
	DIR *d = opendir(ZSTR_VAL(names->dir));
	size_t plen = ZSTR_LEN(names->prefix);

	*n = 0;
	if (!d) {
		return NULL;
	}
	while ((entry = readdir(d)) != NULL) {
		const char *name = entry->d_name, *tail = name + plen;
		size_t len = strlen(name);
		if (len <= plen + 1 || memcmp(name, ZSTR_VAL(names->prefix), plen) != 0 || *tail != '.') {
			continue;
		}
		/* live: ".spool.<ms>-<pid>" (".spool.<pid>" before); segment: ".<20 digits>.seg" */
		bool live = strncmp(tail, ".spool.", 7) == 0 && len > plen + 7 && strspn(tail + 7, "0123456789-") == len - plen - 7;
		bool segment = len == plen + 1 + CIO_SPOOL_SEQ_DIGITS + 4 && strspn(tail + 1, "0123456789") == CIO_SPOOL_SEQ_DIGITS
			&& strcmp(name + len - 4, ".seg") == 0;
		if (!live && !segment) {
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			list = safe_erealloc(list, cap, sizeof(*list), 0);
		}
		list[(*n)++] = zend_string_init(name, len, 0);
	}
	closedir(d);
	if (*n > 1) {
		qsort(list, *n, sizeof(*list), cio_compare_files);
	}
	return list;
}

void cio_spool_files_free(zend_string **list, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		zend_string_release(list[i]);
	}
	if (list) {
		efree(list);
	}
}

HashTable *cio_spool_read_checkpoint(const cio_spool_names *names)
{
	HashTable *cp = zend_new_array(0);
	zend_string *path = cio_spool_path(names, ".checkpoint");
	int fd = open(ZSTR_VAL(path), O_RDONLY | O_CLOEXEC);
	smart_str text = {0};
	char buf[4096];
	ssize_t got;

	zend_string_release(path);
	if (fd < 0) {
		return cp;
	}
	while ((got = read(fd, buf, sizeof(buf))) > 0) {
		smart_str_appendl(&text, buf, (size_t)got);
	}
	close(fd);
	smart_str_0(&text);
	/* one "<file> <offset>" line per file read in part */
	for (char *line = text.s ? ZSTR_VAL(text.s) : NULL, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		char *space = memchr(line, ' ', nl ? (size_t)(nl - line) : strlen(line));
		if (space && space > line) {
			zval offset;
			ZVAL_LONG(&offset, ZEND_STRTOL(space + 1, NULL, 10));
			zend_hash_str_update(cp, line, (size_t)(space - line), &offset);
		}
	}
	smart_str_free(&text);
	return cp;
}

zend_long cio_spool_checkpoint_of(HashTable *cp, zend_string *file)
{
	zval *offset = zend_hash_find(cp, file);
	return offset ? MAX(0, Z_LVAL_P(offset)) : 0;
}

zend_string *cio_spool_file_path(const cio_spool_names *names, zend_string *file)
{
	return zend_strpprintf(0, "%s/%s", ZSTR_VAL(names->dir), ZSTR_VAL(file));
}

/* The time of the first whole line of fd from offset (its ULID), else mtime, the file's modification time;
 * -1: no whole line. */
static double cio_spool_first_ms(int fd, off_t from, time_t mtime)
{
	char buf[65536];
	double ms = -1;
	ssize_t got = pread(fd, buf, sizeof(buf), from);
	char *nl = got > 0 ? memchr(buf, '\n', (size_t)got) : NULL;

	if (nl && (ms = cio_spool_line_time(buf, (size_t)(nl - buf))) < 0) {
		ms = (double)mtime * 1000.0;
	}
	return ms;
}

/* Shared with the sender: bytes pending, the files holding them and the oldest operation's age (seconds, or
 * null) into arr. Each file is opened once: its size, then its first pending line. */
void cio_spool_add_pending(const cio_spool_names *names, zval *arr)
{
	HashTable *cp = cio_spool_read_checkpoint(names);
	uint32_t n;
	zend_string **files = cio_spool_files(names, &n);
	zend_long pending = 0, holding = 0;
	double oldest = -1;
	struct stat st;

	for (uint32_t i = 0; i < n; i++) {
		zend_string *path = cio_spool_file_path(names, files[i]);
		zend_long from = cio_spool_checkpoint_of(cp, files[i]);
		int fd = open(ZSTR_VAL(path), O_RDONLY | O_CLOEXEC);
		zend_string_release(path);
		if (fd < 0) {
			continue; /* removed since the listing */
		}
		if (fstat(fd, &st) == 0 && (zend_long)st.st_size > from) {
			pending += (zend_long)st.st_size - from;
			holding++;
			/* the files are written side by side: the oldest of their heads */
			double ms = cio_spool_first_ms(fd, (off_t)from, st.st_mtime);
			if (ms >= 0 && (oldest < 0 || ms < oldest)) {
				oldest = ms;
			}
		}
		close(fd);
	}
	add_assoc_long(arr, "pending_bytes", pending);
	add_assoc_long(arr, "files", holding);
	if (oldest >= 0) {
		add_assoc_double(arr, "oldest_age", MAX(0.0, (cio_now_ms() - oldest) / 1000.0));
	} else {
		add_assoc_null(arr, "oldest_age");
	}
	cio_spool_files_free(files, n);
	zend_array_destroy(cp);
}

void cio_spool_status(zval *client, zval *return_value)
{
	cio_spool_names names;

	if (cio_spool_names_of(client, &names, true) == FAILURE) {
		RETURN_THROWS();
	}
	zend_string *rejected = cio_spool_path(&names, ".rejected"), *lock = cio_spool_path(&names, ".lock");
	array_init(return_value);
	add_assoc_str(return_value, "path", cio_spool_path(&names, ".spool.*"));
	cio_spool_add_pending(&names, return_value);
	add_assoc_long(return_value, "rejected", cio_count_lines(ZSTR_VAL(rejected)));
	add_assoc_str(return_value, "rejected_path", rejected);
	/* a sender holds the lock file for as long as it runs */
	int fd = open(ZSTR_VAL(lock), O_RDONLY | O_CLOEXEC);
	bool running = false;
	if (fd >= 0) {
		running = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
		close(fd);
	}
	add_assoc_bool(return_value, "sender_running", running);
	zend_string_release(lock);
	cio_spool_names_free(&names);
}
