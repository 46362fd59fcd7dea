dnl config.m4 for the customerio extension

PHP_ARG_ENABLE([customerio],
  [whether to enable the Customer.io client],
  [AS_HELP_STRING([--enable-customerio], [Enable the native Customer.io client])],
  [no])

PHP_ARG_WITH([customerio-curl],
  [libcurl location for customerio],
  [AS_HELP_STRING([[--with-customerio-curl[=DIR]]],
    [customerio: prefix of a libcurl install (with lib/pkgconfig); default: pkg-config's search path])],
  [yes], [no])

if test "$PHP_CUSTOMERIO" != "no"; then
  dnl PHP 8.2 is the oldest the matrix builds and tests (8.1 is past its end of life)
  AC_MSG_CHECKING([for PHP >= 8.2])
  if test -n "$PHP_CONFIG"; then
    customerio_php_vernum=`$PHP_CONFIG --vernum 2>/dev/null`
  else
    customerio_php_vernum=$PHP_VERSION_ID
  fi
  if test -z "$customerio_php_vernum" || test "$customerio_php_vernum" -lt 80200; then
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([customerio needs PHP 8.2 or newer; this PHP is ${customerio_php_vernum:-of unknown version}])
  fi
  AC_MSG_RESULT([yes, $customerio_php_vernum])

  if test "$PHP_CUSTOMERIO_CURL" != "yes" && test "$PHP_CUSTOMERIO_CURL" != "no"; then
    export PKG_CONFIG_PATH="$PHP_CUSTOMERIO_CURL/lib/pkgconfig:$PHP_CUSTOMERIO_CURL/lib64/pkgconfig:$PKG_CONFIG_PATH"
  fi

  PKG_CHECK_MODULES([CURL], [libcurl >= 7.61.0], [],
    [AC_MSG_ERROR([customerio needs libcurl >= 7.61.0 and its headers: install libcurl4-openssl-dev (Debian/Ubuntu), libcurl-devel (RHEL/Fedora) or curl-dev (Alpine), or pass --with-customerio-curl=PREFIX])])

  PHP_EVAL_LIBLINE([$CURL_LIBS], [CUSTOMERIO_SHARED_LIBADD])
  PHP_EVAL_INCLINE([$CURL_CFLAGS])
  PHP_SUBST([CUSTOMERIO_SHARED_LIBADD])

  PHP_NEW_EXTENSION([customerio],
    [customerio.c src/client.c src/endpoint.c src/exception.c src/http.c src/json.c src/region.c src/ulid.c src/batch.c src/queue.c src/spool.c src/spool_mode.c src/sender.c],
    [$ext_shared], [], [-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -Wall])
  PHP_ADD_BUILD_DIR([$ext_builddir/src])
  PHP_ADD_EXTENSION_DEP([customerio], [json])
  PHP_ADD_EXTENSION_DEP([customerio], [spl])
  PHP_ADD_EXTENSION_DEP([customerio], [pcre])
fi
