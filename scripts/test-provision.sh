#!/usr/bin/env bash
# A test of scripts/provision-odoo.sh that CI does not run (it copies about 1 GB and installs a
# database): provisions Odoo from a local copy into a scratch prefix, twice, then installs the addon
# with that Odoo.
#
#   ODOO_SOURCE=<git directory, archive or directory of Odoo 18.0> scripts/test-provision.sh
#
# ODOO_HOME defaults to /tmp/odoo-prov-test (removed first); PORT to a free port; the database is
# oob_provision_test (dropped at the end).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ODOO_HOME=${ODOO_HOME:-/tmp/odoo-prov-test}
: "${ODOO_SOURCE:?set ODOO_SOURCE to a local copy of Odoo 18.0 (git directory, archive or directory)}"
export ODOO_SOURCE
source "$ROOT/scripts/lib/postgres.sh"
PORT=${PORT:-$(free_port)}
DB=oob_provision_test
[[ "$ODOO_HOME" != /opt/odoo ]] || { echo "refusing to test on /opt/odoo" >&2; exit 2; }
fail() { echo "test-provision: FAILED: $*" >&2; exit 1; }
pass=0
ok() { echo "test-provision: ok - $*"; pass=$((pass + 1)); }

rm -rf "$ODOO_HOME"
# An interrupted earlier run leaves a partial copy: it must not be taken for Odoo.
mkdir -p "$ODOO_HOME/src.partial/odoo" && touch "$ODOO_HOME/src.partial/odoo-bin"

bash "$ROOT/scripts/provision-odoo.sh" | tee /tmp/test-provision.1.log
[[ -x "$ODOO_HOME/src/odoo-bin" ]] || fail "no executable odoo-bin in $ODOO_HOME/src"
grep -q "version_info = (18, 0" "$ODOO_HOME/src/odoo/release.py" || fail "not Odoo 18.0"
[[ -d "$ODOO_HOME/src/addons/mail" && -d "$ODOO_HOME/src/odoo/addons/base" ]] || fail "addons missing"
[[ ! -e "$ODOO_HOME/src.partial" ]] || fail "the partial copy was left behind"
grep -q "^data_dir = $ODOO_HOME/data$" "$ODOO_HOME/odoo.conf" || fail "odoo.conf does not point at $ODOO_HOME"
grep -q "ready in $ODOO_HOME/src" /tmp/test-provision.1.log || fail "Odoo does not import"
ok "first run installs Odoo 18.0 from $ODOO_SOURCE"

stamp=$(stat -c %Y "$ODOO_HOME/src/odoo-bin" "$ODOO_HOME/odoo.conf")
echo "# edited by hand" >>"$ODOO_HOME/odoo.conf"
bash "$ROOT/scripts/provision-odoo.sh" | tee /tmp/test-provision.2.log
grep -q "already in $ODOO_HOME/src" /tmp/test-provision.2.log || fail "second run did not see the installed Odoo"
grep -q "Debian packages: all present" /tmp/test-provision.2.log || fail "second run wanted packages"
grep -q "^# edited by hand$" "$ODOO_HOME/odoo.conf" || fail "second run overwrote odoo.conf"
[[ "$(stat -c %Y "$ODOO_HOME/src/odoo-bin")" == "${stamp%%$'\n'*}" ]] || fail "second run copied Odoo again"
ok "second run changes nothing"

# The provisioned Odoo installs the addon (no tests: the Odoo tier does that).
PGPASSWORD=odoo dropdb -h localhost -U odoo --if-exists "$DB"
trap 'PGPASSWORD=odoo dropdb -h localhost -U odoo --if-exists "$DB" >/dev/null 2>&1 || true' EXIT
(cd "$ODOO_HOME/src" && CUSOFT_WHATSAPP_KEY=test-key-0123456789abcdef /usr/bin/python3.11 odoo-bin \
  -c "$ODOO_HOME/odoo.conf" --addons-path="$ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons,$ROOT/addon" \
  -d "$DB" -i cusoft_whatsapp --without-demo=all --stop-after-init --http-port="$PORT" \
  --max-cron-threads=0 --log-level=warn) >/tmp/test-provision.odoo.log 2>&1 || fail "Odoo failed (/tmp/test-provision.odoo.log)"
state=$(PGPASSWORD=odoo psql -h localhost -U odoo -d "$DB" -tAc "select state from ir_module_module where name='cusoft_whatsapp'")
[[ "$state" == installed ]] || fail "cusoft_whatsapp is '$state' in $DB (/tmp/test-provision.odoo.log)"
ok "the provisioned Odoo installs cusoft_whatsapp"
echo "test-provision: $pass passed"
