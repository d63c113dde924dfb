#!/usr/bin/env bash
# Installs Odoo 18.0 Community for local development and the test tiers: Odoo's source in
# $ODOO_HOME/src (default /opt/odoo), PostgreSQL with the role odoo/odoo, Debian's Python packages
# for /usr/bin/python3.11, and $ODOO_HOME/odoo.conf. Run by `npm run odoo` when Odoo is missing;
# safe to run again: each step only does what is not done yet.
#
#   scripts/provision-odoo.sh                    # shallow clone of github.com/odoo/odoo, branch 18.0
#   ODOO_SOURCE=<path> scripts/provision-odoo.sh # without internet: a local copy of Odoo 18.0, either
#       - a git directory (bare, or a work tree) of odoo/odoo or of any repository with Odoo's
#         odoo-bin, odoo/ and addons/ at its root (ODOO_REF picks the commit: default its branch
#         18.0, else HEAD);
#       - an archive (.tar, .tar.gz/.tgz, .tar.xz, .zip), e.g. GitHub's "Download ZIP" of 18.0;
#       - a directory holding odoo-bin (an unpacked copy).
#
# Odoo's code goes to $ODOO_HOME, never into this repository. Odoo is not on PyPI here: its Python
# dependencies are Debian's python3-* packages, and Odoo runs on /usr/bin/python3.11 (bookworm).
# Needs root for apt-get and PostgreSQL (uses sudo when run as another user).
set -euo pipefail

ODOO_HOME=${ODOO_HOME:-/opt/odoo}
ODOO_SOURCE=${ODOO_SOURCE:-}
ODOO_REPO=${ODOO_REPO:-https://github.com/odoo/odoo.git}
ODOO_BRANCH=${ODOO_BRANCH:-18.0}
ODOO_REF=${ODOO_REF:-}
PY=/usr/bin/python3.11
# Only the parts of Odoo's repository the server needs (the rest is packaging and docs).
PARTS=(odoo-bin odoo addons requirements.txt)

say() { echo "provision: $*"; }
die() { echo "provision: $*" >&2; exit 1; }
as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }

# Debian (bookworm) packages standing in for Odoo 18's requirements.txt, plus the server's and the
# tests' own needs: PostgreSQL, Chromium for the browser tours, fonts for reports.
PACKAGES=(git ca-certificates postgresql postgresql-client chromium python3-websocket
  python3-asn1crypto python3-babel python3-cbor2 python3-chardet python3-cryptography
  python3-dateutil python3-decorator python3-docutils python3-freezegun python3-geoip2
  python3-gevent python3-greenlet python3-idna python3-pil python3-jinja2 python3-libsass
  python3-lxml python3-markupsafe python3-num2words python3-ofxparse python3-openpyxl
  python3-passlib python3-phonenumbers python3-polib python3-psutil python3-psycopg2
  python3-openssl python3-pypdf2 python3-rjsmin python3-qrcode python3-renderpm
  python3-reportlab python3-requests python3-stdnum python3-tz python3-urllib3 python3-vobject
  python3-werkzeug python3-xlsxwriter python3-xlrd python3-xlwt python3-zeep python3-serial
  python3-usb python3-ldap python3-pydot python3-pyparsing python3-magic python3-setuptools
  fonts-dejavu-core fonts-inconsolata fonts-font-awesome fonts-roboto-unhinted gsfonts
  libjs-underscore)

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then say "Debian packages: all present"; return; fi
  command -v apt-get >/dev/null || die "apt-get not found: this script provisions Debian 12 (bookworm); install ${missing[*]} yourself"
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

is_odoo_18() { [[ -f "$1/odoo-bin" ]] && grep -q "version_info = (18, 0" "$1/odoo/release.py" 2>/dev/null; }

# The directory inside an unpacked archive that holds odoo-bin (GitHub wraps it in odoo-18.0/).
find_odoo_root() {
  local bin
  bin=$(find "$1" -maxdepth 3 -name odoo-bin -type f -print -quit)
  [[ -n "$bin" ]] || die "no odoo-bin in $ODOO_SOURCE"
  dirname "$bin"
}

# The git directory of $1 (a bare repository, a work tree, or its .git), or nothing.
git_dir_of() {
  git --git-dir="$1" rev-parse --git-dir >/dev/null 2>&1 && { echo "$1"; return; }
  [[ -d "$1/.git" ]] && git --git-dir="$1/.git" rev-parse --git-dir >/dev/null 2>&1 && echo "$1/.git"
  return 0
}

# Copies Odoo into $1 (an empty directory) from wherever it comes from.
fetch_source() {
  local into=$1 gd ref unpack root
  if [[ -z "$ODOO_SOURCE" ]]; then
    say "cloning $ODOO_REPO (branch $ODOO_BRANCH, shallow); without internet, set ODOO_SOURCE"
    git clone --quiet --depth 1 --single-branch --branch "$ODOO_BRANCH" "$ODOO_REPO" "$into/clone" \
      || die "could not clone $ODOO_REPO: give a local copy of Odoo 18.0 with ODOO_SOURCE=<git directory or archive>"
    (cd "$into/clone" && mv "${PARTS[@]}" "$into/") && rm -rf "$into/clone"
    return
  fi
  [[ -e "$ODOO_SOURCE" ]] || die "ODOO_SOURCE=$ODOO_SOURCE does not exist"
  if [[ -d "$ODOO_SOURCE" ]]; then
    gd=$(git_dir_of "$ODOO_SOURCE")
    if [[ -n "$gd" ]]; then
      ref=$ODOO_REF
      if [[ -z "$ref" ]]; then
        for ref in "refs/heads/$ODOO_BRANCH" "refs/remotes/origin/$ODOO_BRANCH" HEAD; do
          git --git-dir="$gd" rev-parse --verify -q "$ref^{commit}" >/dev/null && break
        done
      fi
      say "exporting $ref ($(git --git-dir="$gd" rev-parse --short "$ref^{commit}")) of $gd"
      git --git-dir="$gd" archive "$ref" "${PARTS[@]}" | tar -x -C "$into"
    else
      root=$(find_odoo_root "$ODOO_SOURCE")
      say "copying $root"
      (cd "$root" && cp -a "${PARTS[@]}" "$into/") 2>/dev/null \
        || (cd "$root" && cp -a odoo-bin odoo addons "$into/")
    fi
    return
  fi
  unpack="$into/.unpack"
  mkdir -p "$unpack"
  say "unpacking $ODOO_SOURCE"
  case "$ODOO_SOURCE" in
    *.zip) "$PY" -m zipfile -e "$ODOO_SOURCE" "$unpack" ;;
    *.tar|*.tar.gz|*.tgz|*.tar.xz|*.txz|*.tar.bz2) tar -xf "$ODOO_SOURCE" -C "$unpack" ;;
    *) die "ODOO_SOURCE=$ODOO_SOURCE: expected a git directory, a directory with odoo-bin, or a .tar(.gz|.xz|.bz2)/.tgz/.zip archive" ;;
  esac
  root=$(find_odoo_root "$unpack")
  (cd "$root" && for p in "${PARTS[@]}"; do [[ -e "$p" ]] && mv "$p" "$into/"; done; true)
  rm -rf "$unpack"
}

install_source() {
  if is_odoo_18 "$ODOO_HOME/src"; then say "Odoo 18.0 already in $ODOO_HOME/src"; return; fi
  [[ -e "$ODOO_HOME/src/odoo-bin" ]] && die "$ODOO_HOME/src holds an Odoo that is not 18.0: move it away or set ODOO_HOME"
  # /opt belongs to root: a developer running this with sudo rights gets the directory as their own.
  mkdir -p "$ODOO_HOME" 2>/dev/null || { as_root mkdir -p "$ODOO_HOME" && as_root chown "$(id -u):$(id -g)" "$ODOO_HOME"; }
  # Into a sibling directory first, renamed at the end: an interrupted run leaves no half copy
  # that a later run would take for a complete one.
  local partial="$ODOO_HOME/src.partial"
  rm -rf "$partial" && mkdir -p "$partial"
  fetch_source "$partial"
  # Some copies store odoo-bin without its executable bit; Odoo's docs run it directly.
  [[ -f "$partial/odoo-bin" ]] && chmod +x "$partial/odoo-bin"
  is_odoo_18 "$partial" || { rm -rf "$partial"; die "the source given is not Odoo 18.0 (odoo/release.py)"; }
  rm -rf "$ODOO_HOME/src" && mv "$partial" "$ODOO_HOME/src"
  say "Odoo 18.0 installed in $ODOO_HOME/src"
}

ensure_postgres_role() {
  local version
  version=$(pg_lsclusters -h 2>/dev/null | awk '{print $1; exit}')
  if [[ -z "$version" ]]; then
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
    [[ -n "$version" ]] || die "PostgreSQL is not installed"
    say "creating the PostgreSQL $version cluster main"
    as_root pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"{print $4}' | grep -q online; then
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster "$version" main start
  fi
  if ! as_root su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='odoo'\"" | grep -q 1; then
    say "creating the PostgreSQL role odoo"
    as_root su postgres -c "psql -qc \"CREATE ROLE odoo LOGIN SUPERUSER PASSWORD 'odoo'\""
  fi
}

write_config() {
  mkdir -p "$ODOO_HOME/data"
  if [[ -f "$ODOO_HOME/odoo.conf" ]]; then say "keeping $ODOO_HOME/odoo.conf"; return; fi
  # Loopback only and no database manager: a development server, not a production one.
  cat >"$ODOO_HOME/odoo.conf" <<EOF
[options]
addons_path = $ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons
data_dir = $ODOO_HOME/data
db_host = localhost
db_port = 5432
db_user = odoo
db_password = odoo
admin_passwd = admin
http_interface = 127.0.0.1
http_port = 8069
list_db = False
workers = 0
max_cron_threads = 1
EOF
  say "wrote $ODOO_HOME/odoo.conf"
}

[[ -x "$PY" ]] || PACKAGES+=(python3.11)
install_packages
[[ -x "$PY" ]] || die "$PY is missing: Odoo 18 runs on Debian 12's Python 3.11"
install_source
ensure_postgres_role
write_config
"$PY" - "$ODOO_HOME/src" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import odoo  # noqa: E402  (after the path is set)
import lxml, psycopg2, werkzeug, babel, PIL, reportlab, passlib, cryptography  # noqa: F401,E401
print(f"provision: Odoo {odoo.release.version} ready in {sys.argv[1]}")
EOF
