/* Spool mode's files, shared by the writer (spool_mode.c: queue()) and the sender (sender.c: drain()).
 *
 * In customerio.spool_dir, per workspace and Track host (H = a hash of site id + Track v2 URL, never a key):
 *   customerio-H.spool.<pid>  the live files, one per writing process: queue() appends one JSON line per
 *                             operation (O_APPEND, under flock)
 *   customerio-H.<20 digits>.seg   segments: live files renamed by the sender, oldest first by name
 *   customerio-H.checkpoint   "<segment> <offset>": everything before it was accepted (written by rename)
 *   customerio-H.rejected     operations Customer.io refused, one JSON line each with its reason
 *   customerio-H.lock         held by the one sender of this spool */
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
/* base + suffix, e.g. ".spool" */
zend_string *cio_spool_path(const cio_spool_names *names, const char *suffix);
/* 0600, or 0660 when customerio.spool_group is on (open() then applies the umask) */
mode_t cio_spool_file_mode(void);
/* Appends buf (whole lines) to fd under an exclusive lock in one write(2), first cutting a partial last line a
 * killed writer left; the file is restored on a short write. false with errno on failure. */
bool cio_spool_write_locked(int fd, const char *buf, size_t len);
/* Milliseconds since the epoch of the ULID in the line's "id", or -1 */
double cio_spool_line_time(const char *line, size_t len);

/* The segments (live: false), oldest first, or the live files of the spool (new strings, *n of them); freed by
 * cio_spool_segments_free(). */
zend_string **cio_spool_files(const cio_spool_names *names, bool live, uint32_t *n);
void cio_spool_segments_free(zend_string **list, uint32_t n);
/* The checkpoint into *segment (NULL: none) and *offset. */
void cio_spool_read_checkpoint(const cio_spool_names *names, zend_string **segment, zend_long *offset);
/* pending_bytes, segments and oldest_age (seconds, or null) added to arr. */
void cio_spool_add_pending(const cio_spool_names *names, zval *arr);

#endif
