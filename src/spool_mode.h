/* Spool mode's files, shared by the writer (spool_mode.c: queue()) and the sender (sender.c: drain()).
 *
 * In customerio.spool_dir, per workspace and Track host (H = a hash of site id + Track v2 URL, never a key):
 *   customerio-H.spool.<ms>-<pid>  the live files: each is created by one process (O_EXCL, a name never used
 *                             before: 13 digits of milliseconds, later than the process's earlier files), which alone
 *                             appends to it, one write(2) per operation, and holds a shared flock() on it while it
 *                             is open; it moves to a new file past customerio.spool_file_bytes
 *   customerio-H.checkpoint   "<file> <offset>" lines: before each offset, all was accepted (written by rename)
 *   customerio-H.rejected     operations Customer.io refused, one JSON line each with its reason
 *   customerio-H.lock         held by the one sender of this spool
 * The sender reads the live files in place from their checkpoints, oldest first, and removes a file it has sent
 * to the end once it gets the file's exclusive lock, that is once no writer has it open. Files of an earlier
 * version (customerio-H.spool.<pid>, customerio-H.<20 digits>.seg) are read and removed the same way. */
#ifndef CIO_SPOOL_MODE_H
#define CIO_SPOOL_MODE_H

#include "customerio_private.h"
#include <sys/stat.h>

#define CIO_SPOOL_SEQ_DIGITS 20

typedef struct {
	zend_string *dir;
	zend_string *prefix;     /* "customerio-H" */
	zend_string *base;       /* dir + "/" + prefix */
} cio_spool_names;

/* Throws (a clear reason) and returns FAILURE when the directory is not set, missing, not a directory or
 * world-writable. */
zend_result cio_spool_check_dir(const char *dir);
/* The spool of this client under customerio.spool_dir; check_dir: cio_spool_check_dir() too (else only that it
 * is set). */
zend_result cio_spool_names_of(zval *client, cio_spool_names *names, bool check_dir);
void cio_spool_names_free(cio_spool_names *names);
/* dir + "/" + file, a name cio_spool_files() listed */
zend_string *cio_spool_file_path(const cio_spool_names *names, zend_string *file);
/* base + suffix, e.g. ".spool" */
zend_string *cio_spool_path(const cio_spool_names *names, const char *suffix);
/* 0600, or 0660 when customerio.spool_group is on (open() then applies the umask) */
mode_t cio_spool_file_mode(void);
/* Appends buf (whole lines) to fd under an exclusive lock in one write(2), first cutting a partial last line a
 * killed writer left; the file is restored on a short write. false with errno on failure. For files with several
 * writers (the rejected file). */
bool cio_spool_write_locked(int fd, const char *buf, size_t len);
/* Milliseconds since the epoch of the ULID in the line's "id", or -1 */
double cio_spool_line_time(const char *line, size_t len);

/* The spool's files, oldest first: an earlier version's segments, then the live files by name (by creation
 * time). New strings, *n of them; freed by cio_spool_files_free(). */
zend_string **cio_spool_files(const cio_spool_names *names, uint32_t *n);
void cio_spool_files_free(zend_string **list, uint32_t n);
/* Whether name is an earlier version's segment ("….seg") */
bool cio_spool_is_segment(zend_string *name);
/* The checkpoint: a new array of file name => offset (long); empty when there is none. */
HashTable *cio_spool_read_checkpoint(const cio_spool_names *names);
/* Where the sender goes on in file: its checkpoint offset, 0 when it has none. */
zend_long cio_spool_checkpoint_of(HashTable *cp, zend_string *file);
/* pending_bytes, files (holding pending bytes) and oldest_age (seconds, or null) added to arr. */
void cio_spool_add_pending(const cio_spool_names *names, zval *arr);

#endif
