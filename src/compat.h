/* Version differences in one place: the PHP floor, and the libcurl features newer than the declared minimum
 * (7.61, RHEL 8). Engine functions whose C signatures changed between PHP versions are not called at all (see
 * cio_call_function), so there are no PHP_VERSION_ID branches elsewhere. */
#ifndef CUSTOMERIO_COMPAT_H
#define CUSTOMERIO_COMPAT_H

#include "php_version.h"
#include <curl/curl.h>

#if PHP_VERSION_ID < 80200
# error "customerio needs PHP 8.2 or newer"
#endif
#if LIBCURL_VERSION_NUM < 0x073d00
# error "customerio needs libcurl 7.61.0 or newer"
#endif

/* Each can be forced to 0 (-DCIO_HAVE_...=0) to build and test the older libcurl's path with a newer one:
 * tools/matrix does that in its host-oldcurl target. */
#define CIO_CURL_AT_LEAST(major, minor) (LIBCURL_VERSION_NUM >= ((major) << 16 | (minor) << 8))
#ifndef CIO_HAVE_MAXAGE_CONN /* CURLOPT_MAXAGE_CONN: without it libcurl keeps its own idle limit (118 s) */
# define CIO_HAVE_MAXAGE_CONN CIO_CURL_AT_LEAST(7, 65)
#endif
#ifndef CIO_HAVE_MULTI_POLL /* curl_multi_poll; before it, curl_multi_wait returns at once with nothing attached */
# define CIO_HAVE_MULTI_POLL CIO_CURL_AT_LEAST(7, 66)
#endif
#ifndef CIO_HAVE_PROTOCOLS_STR /* CURLOPT_PROTOCOLS_STR; CURLOPT_PROTOCOLS is deprecated from then on */
# define CIO_HAVE_PROTOCOLS_STR CIO_CURL_AT_LEAST(7, 85)
#endif

#endif
