#!/usr/bin/env bash
# npm run odoo [-- DBNAME]: the local Odoo 18 with both addons installed (or updated) in a named
# database, on http://127.0.0.1:8069 (PORT=… to change). Login admin / admin on a new database.
set -euo pipefail
ODOO_HOME=${ODOO_HOME:-/opt/odoo}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:-cusoft_dev}
PORT=${PORT:-8069}
[[ -f "$ODOO_HOME/src/odoo-bin" ]] || { echo "no Odoo at $ODOO_HOME: run ../shared/odoo/setup.sh first" >&2; exit 1; }
source "$ROOT/scripts/lib/postgres.sh"
ensure_postgres
# Development only: a stable local key so saved tokens survive restarts. Production sets its own.
export CUSOFT_WHATSAPP_KEY=${CUSOFT_WHATSAPP_KEY:-local-development-key-not-for-production}
if PGPASSWORD=odoo psql -h localhost -U odoo -d "$DB" -tAc "select 1 from ir_module_module where name='cusoft_whatsapp' and state='installed'" 2>/dev/null | grep -q 1; then
  INSTALL=(-u cusoft_whatsapp,cusoft_whatsapp_crm)
else
  INSTALL=(-i cusoft_whatsapp,cusoft_whatsapp_crm --without-demo=all)
fi
cd "$ODOO_HOME/src"
exec /usr/bin/python3.11 odoo-bin -c "$ODOO_HOME/odoo.conf" \
  --addons-path="$ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons,$ROOT/addon" \
  -d "$DB" --db-filter="^$DB\$" "${INSTALL[@]}" --http-interface=127.0.0.1 --http-port="$PORT" "${@:2}"
