# Shared by the tools/ scripts (sourced, not run).

# The Debian/Ubuntu packages of this machine's PHP, for the parts given (cli dev curl ...): phpX.Y-<part> for the PHP
# that php-config reports, or the distribution's default (the php-<part> metapackages) where no PHP is installed.
php_packages() {
  local version="" part
  if command -v php-config >/dev/null 2>&1; then
    version=$(php-config --version | cut -d. -f1,2)
  elif command -v php >/dev/null 2>&1; then
    version=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
  fi
  for part in "$@"; do
    if [ -n "$version" ] && [ "$part" != pear ]; then echo "php$version-$part"; else echo "php-$part"; fi
  done
}

# Installs the Debian packages given that are not installed yet (apt-get, as root or through sudo).
apt_install_missing() {
  local missing=() p sudo_cmd=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}
