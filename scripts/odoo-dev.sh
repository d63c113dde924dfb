#!/usr/bin/env bash
# npm run odoo [-- DBNAME [odoo-bin options]]: the local Odoo 18 with the addons installed (or
# updated) in a named database (default cusoft_dev), on http://127.0.0.1:8069 (PORT=… to change).
# Login admin / admin on a new database.
#
# Provisions Odoo first when it is missing (scripts/provision-odoo.sh; ODOO_SOURCE=… without
# internet), and rebuilds the bundle when npm is available. When the sandbox addon
# (addon/cusoft_whatsapp_sandbox) is in the repository it is installed too, with demo data in a new
# database: nothing reaches WhatsApp. CUSOFT_SANDBOX=0 leaves it out (a database for a real Meta
# app); the sandbox is for development only and never part of a production install.
set -euo pipefail
export ODOO_HOME=${ODOO_HOME:-/opt/odoo}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-cusoft_dev}
PORT=${PORT:-8069}
SANDBOX_ADDON=cusoft_whatsapp_sandbox

if [[ ! -f "$ODOO_HOME/src/odoo-bin" ]]; then
  echo "No Odoo at $ODOO_HOME: provisioning it (scripts/provision-odoo.sh)."
  bash "$ROOT/scripts/provision-odoo.sh"
fi

if command -v npm >/dev/null; then
  (cd "$ROOT" && { [[ -d node_modules ]] || npm ci --no-audit --no-fund; } && npm run --silent build)
else
  echo "npm not found: starting with the committed bundle (addon/cusoft_whatsapp/static/src)."
fi

source "$ROOT/scripts/lib/postgres.sh"
ensure_postgres
# Development only: a stable local key so saved tokens survive restarts. Production sets its own.
export CUSOFT_WHATSAPP_KEY=${CUSOFT_WHATSAPP_KEY:-local-development-key-not-for-production}

modules=(cusoft_whatsapp cusoft_whatsapp_crm)
if [[ "${CUSOFT_SANDBOX:-1}" != 0 && -f "$ROOT/addon/$SANDBOX_ADDON/__manifest__.py" ]]; then
  modules+=("$SANDBOX_ADDON")
  echo "Sandbox: $SANDBOX_ADDON is installed, nothing reaches WhatsApp (CUSOFT_SANDBOX=0 to leave it out)."
fi
installed=$(PGPASSWORD=odoo psql -h localhost -U odoo -d "$DB" -tAc \
  "select name from ir_module_module where state='installed'" 2>/dev/null || true)
update=() install=()
for m in "${modules[@]}"; do
  if grep -qx "$m" <<<"$installed"; then update+=("$m"); else install+=("$m"); fi
done
join() { local IFS=,; echo "$*"; }
args=()
((${#update[@]})) && args+=(-u "$(join "${update[@]}")")
((${#install[@]})) && args+=(-i "$(join "${install[@]}")")
# A new database of the sandbox gets demo data (its numbers and conversations); otherwise none.
if ! grep -qx base <<<"$installed" && [[ " ${modules[*]} " != *" $SANDBOX_ADDON "* ]]; then
  args+=(--without-demo=all)
fi

cd "$ODOO_HOME/src"
exec /usr/bin/python3.11 odoo-bin -c "$ODOO_HOME/odoo.conf" \
  --addons-path="$ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons,$ROOT/addon" \
  -d "$DB" --db-filter="^$DB\$" "${args[@]}" --http-interface=127.0.0.1 --http-port="$PORT" "${@:2}"
