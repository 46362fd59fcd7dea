/* ULID ids that make retries safe: Customer.io drops an event whose id it has seen. */
#include "track.h"
#include "ext/random/php_random.h"
#include <sys/time.h>
#include <unistd.h>

/* splitmix64 on the extension's own state: the fallback when the CSPRNG fails. Never the user's mt_rand state,
 * whose seeded sequence (mt_srand(42)) must not change because the extension made an id. */
static uint64_t cio_fallback_next(void)
{
	uint64_t z = (CIO_G(random_fallback) += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void cio_fallback_fill(unsigned char *out, size_t n)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	/* mixed again at every refill: a forked child (other pid) and a later refill (other time) draw anew */
	CIO_G(random_fallback) ^= (uint64_t)cio_getpid() << 32 ^ (uint64_t)tv.tv_sec * 1000000 ^ (uint64_t)tv.tv_usec
		^ (uint64_t)(uintptr_t)out;
	for (size_t i = 0; i < n; i += 8) {
		uint64_t r = cio_fallback_next();
		memcpy(out + i, &r, MIN(8, n - i));
	}
}

/* 48 bits of milliseconds then 80 random bits, Crockford base32: sortable, unique, what Customer.io dedups on.
 * 10 characters carry the time (50 bits, the top 2 zero), 16 the randomness (two groups of 40 bits). */
void cio_ulid(char out[26])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	unsigned char *r;
	struct timeval tv;

	gettimeofday(&tv, NULL);
	uint64_t ms = (uint64_t)tv.tv_sec * 1000 + (uint64_t)tv.tv_usec / 1000;
	/* spelled once per millisecond: a batch makes thousands of ids in each */
	if (ms != CIO_G(ulid_ms)) {
		uint64_t time = ms;
		for (int i = 9; i >= 0; i--, time >>= 5) {
			CIO_G(ulid_time)[i] = alphabet[time & 31];
		}
		CIO_G(ulid_ms) = ms;
	}
	memcpy(out, CIO_G(ulid_time), 10);
	/* a pool per process: one getrandom() per 256 ids; never shared with a forked child, which would repeat ids */
	if (CIO_G(random_pid) != cio_getpid() || CIO_G(random_left) < 10) {
		if (php_random_bytes_silent(CIO_G(random_pool), sizeof(CIO_G(random_pool))) == FAILURE) {
			cio_fallback_fill(CIO_G(random_pool), sizeof(CIO_G(random_pool)));
		}
		CIO_G(random_left) = sizeof(CIO_G(random_pool));
		CIO_G(random_pid) = cio_getpid();
	}
	r = CIO_G(random_pool) + sizeof(CIO_G(random_pool)) - CIO_G(random_left);
	CIO_G(random_left) -= 10;
	/* 80 bits as 16 characters of 5 bits: two groups of 5 bytes = 8 characters each */
	for (int g = 0; g < 2; g++, r += 5) {
		uint64_t v = (uint64_t)r[0] << 32 | (uint64_t)r[1] << 24 | (uint64_t)r[2] << 16 | (uint64_t)r[3] << 8 | r[4];
		char *o = out + 10 + 8 * g;
		o[0] = alphabet[v >> 35 & 31];
		o[1] = alphabet[v >> 30 & 31];
		o[2] = alphabet[v >> 25 & 31];
		o[3] = alphabet[v >> 20 & 31];
		o[4] = alphabet[v >> 15 & 31];
		o[5] = alphabet[v >> 10 & 31];
		o[6] = alphabet[v >> 5 & 31];
		o[7] = alphabet[v & 31];
	}
}

/* The keys and values cio_needs_id() looks at, interned once: their hashes are known, so a batch's 100,000
 * lookups hash nothing (and literals in PHP code are usually these very strings: compared by pointer). */
static zend_string *cio_str_id, *cio_str_type, *cio_str_action, *cio_str_person, *cio_str_event, *cio_str_page,
	*cio_str_screen;

void cio_ulid_minit(void)
{
#define CIO_INTERN_STR(var, text) var = zend_string_init_interned(text, sizeof(text) - 1, 1)
	CIO_INTERN_STR(cio_str_id, "id");
	CIO_INTERN_STR(cio_str_type, "type");
	CIO_INTERN_STR(cio_str_action, "action");
	CIO_INTERN_STR(cio_str_person, "person");
	CIO_INTERN_STR(cio_str_event, "event");
	CIO_INTERN_STR(cio_str_page, "page");
	CIO_INTERN_STR(cio_str_screen, "screen");
#undef CIO_INTERN_STR
}

static zend_string *cio_string_at(HashTable *ht, zend_string *key)
{
	zval *value = zend_hash_find_known_hash(ht, key);

	if (value) {
		ZVAL_DEREF(value);
	}
	return value && Z_TYPE_P(value) == IS_STRING ? Z_STR_P(value) : NULL;
}

bool cio_needs_id(const cio_config *cfg, zval *op)
{
	zend_string *type, *action;

	if (!cfg->auto_event_id || Z_TYPE_P(op) != IS_ARRAY || zend_hash_find_known_hash(Z_ARRVAL_P(op), cio_str_id)) {
		return false;
	}
	type = cio_string_at(Z_ARRVAL_P(op), cio_str_type);
	action = type ? cio_string_at(Z_ARRVAL_P(op), cio_str_action) : NULL;
	return action && zend_string_equals(type, cio_str_person)
		&& (zend_string_equals(action, cio_str_event) || zend_string_equals(action, cio_str_page)
			|| zend_string_equals(action, cio_str_screen));
}

zend_result cio_encode_op(smart_str *buf, zval *op, bool with_id)
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
