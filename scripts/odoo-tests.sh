#!/usr/bin/env bash
# Odoo tier: installs cusoft_whatsapp and cusoft_whatsapp_crm in a fresh database of the real
# Odoo 18 provisioned by scripts/provision-odoo.sh, runs their tests, drops the database.
set -uo pipefail
ODOO_HOME=${ODOO_HOME:-/opt/odoo}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=/usr/bin/python3.11

if [[ ! -f "$ODOO_HOME/src/odoo-bin" ]]; then
  echo "############################################################"
  echo "ODOO TIER SKIPPED: no Odoo at $ODOO_HOME"
  echo "Provision it with: scripts/provision-odoo.sh (or: npm run odoo), ODOO_SOURCE=<local copy> without internet"
  echo "(README.md, \"The local Odoo used by the tests\"), or set ODOO_HOME to where Odoo is installed."
  echo "############################################################"
  # In CI a tier that did not run must not look green.
  if [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]]; then
    echo "Odoo tier FAILED: CI=$CI and a CI run must not pass without the Odoo tier." >&2
    exit 1
  fi
  exit 0
fi

source "$ROOT/scripts/lib/postgres.sh"
ensure_postgres || exit 1

# Two databases: the sandbox addon (cusoft_whatsapp_sandbox) answers Meta's calls itself and configures
# a Meta app on install, which the main addons' tests must not meet; it is tested in its own database.
STAMP="$(date +%s)_$$"
DBS=("cusoft_test_$STAMP" "cusoft_sbx_test_$STAMP")
PORT=$(free_port)
# A data directory of its own: the filestore, sessions and any generated key file of the run go
# there and nowhere else (the key tests point Odoo at temporary directories of their own too).
DATA_DIR=$(mktemp -d -t cusoft-odoo-data.XXXXXX)
cleanup() { for db in "${DBS[@]}"; do dropdb_quiet "$db"; done; rm -rf "$DATA_DIR"; }
trap cleanup EXIT

# No CUSOFT_WHATSAPP_KEY here on purpose: the tests set the key they need themselves, so that
# `odoo-bin -i cusoft_whatsapp --test-enable` passes on any server.
unset CUSOFT_WHATSAPP_KEY

# run_tier DB MODULES TEST_TAGS: installs MODULES in DB, runs their tests, prints the outcome;
# fails when a test failed, was skipped, ran nothing, or the log has an ERROR line.
run_tier() {
  local DB=$1 MODULES=$2 TAGS=$3
  local LOG
  LOG=$(mktemp -t cusoft-odoo-tests.XXXXXX.log)
  echo "Odoo tier: $MODULES in database $DB, http port $PORT, log $LOG"
  (cd "$ODOO_HOME/src" && "$PY" odoo-bin -c "$ODOO_HOME/odoo.conf" \
    --addons-path="$ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons,$ROOT/addon" --data-dir="$DATA_DIR" \
    -d "$DB" -i "$MODULES" --without-demo=all \
    --test-enable --test-tags "$TAGS" \
    --stop-after-init --http-port="$PORT" --log-level=test --max-cron-threads=0) >"$LOG" 2>&1
  local rc=$?

  grep -E "(ERROR|FAIL|CRITICAL)|odoo\.tests\.(result|stats)|Starting (Test|Tour)|tests\.runner|: (ok|FAIL|ERROR)" "$LOG" \
    | grep -v "^\s*$" | tail -n 200
  local summary total failed errors skips skipped
  summary=$(grep -E "odoo.tests.result: .* of [0-9]+ tests" "$LOG" | tail -1)
  echo "$summary"
  total=$(sed -nE 's/.* of ([0-9]+) tests.*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/.*: ([0-9]+) failed, ([0-9]+) error.*/\1+\2/p' <<<"$summary")
  failed=$((${failed:-0}))
  # Not counted: Odoo's test server drops the connections headless Chrome opens ahead of time after 5 s
  # idle (odoo/service/server.py, RequestHandler.setup) and logs each as a werkzeug ERROR; on a loaded
  # machine a slow page leaves one idle that long. A request that really timed out fails its tour.
  errors=$(grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG" \
    | grep -cvE " ERROR \? werkzeug: 127\.0\.0\.1 - - \[[^]]+\] Request timed out: TimeoutError\('timed out'\) - - -$")
  if [[ -z "$total" || "$total" -eq 0 ]]; then
    echo "Odoo tier ran no test (see $LOG)"; return 1
  fi
  # Odoo reports a skipped test (a browser tour without Chromium or without the websocket client,
  # for instance) only at INFO level and counts it as a success: here it is a failure.
  # A skip raised in setUpClass is logged by unittest.suite, hence any logger.
  skips=$(grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ INFO [^ ]+ [A-Za-z0-9_.]+: skipped " "$LOG")
  skipped=$(grep -c . <<<"$skips")
  if ((skipped)); then
    echo "Skipped tests (a skip is a failure here: install what they need, e.g. chromium and python3-websocket):"
    sed -E 's/^[0-9-]+ [0-9:,]+ [0-9]+ INFO [^ ]+ //' <<<"$skips"
  fi
  echo "odoo ($MODULES): $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
  if [[ $rc -ne 0 || $failed -ne 0 || $errors -ne 0 || $skipped -ne 0 ]]; then
    echo "Odoo tier FAILED (exit $rc, $failed failed, $skipped skipped, $errors ERROR lines in $LOG)"
    return 1
  fi
}

status=0
run_tier "${DBS[0]}" cusoft_whatsapp,cusoft_whatsapp_crm /cusoft_whatsapp,/cusoft_whatsapp_crm || status=1
run_tier "${DBS[1]}" cusoft_whatsapp_sandbox /cusoft_whatsapp_sandbox || status=1
exit $status
