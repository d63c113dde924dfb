#!/usr/bin/env bash
# Re-encrypts every WhatsApp secret of one database from the current key to a new one, in one
# transaction, and says how many it changed (README: "Rotating the encryption key").
#
#   Stop Odoo, then:
#   CUSOFT_WHATSAPP_NEW_KEY="$(openssl rand -base64 32)" scripts/rotate-key.sh DBNAME [odoo-bin options]
#
# The old key is the one Odoo uses now (odoo.conf, CUSOFT_WHATSAPP_KEY or the generated key file);
# CUSOFT_WHATSAPP_OLD_KEY overrides it. Keys travel in environment variables, never on the command
# line (where `ps` would show them). When the old key was the generated file, the file then holds
# the new key; otherwise put the new key in odoo.conf or CUSOFT_WHATSAPP_KEY before starting Odoo.
# Several databases share one key: rotate each of them before restarting.
set -euo pipefail
ODOO_HOME=${ODOO_HOME:-/opt/odoo}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${1:?usage: CUSOFT_WHATSAPP_NEW_KEY=... $0 DBNAME [odoo-bin options]}
shift
: "${CUSOFT_WHATSAPP_NEW_KEY:?set CUSOFT_WHATSAPP_NEW_KEY to the new key (e.g. openssl rand -base64 32)}"
export CUSOFT_WHATSAPP_NEW_KEY

cd "$ODOO_HOME/src"
/usr/bin/python3.11 odoo-bin shell -c "$ODOO_HOME/odoo.conf" \
  --addons-path="$ODOO_HOME/src/addons,$ODOO_HOME/src/odoo/addons,$ROOT/addon" \
  -d "$DB" --no-http --log-level=warn "$@" <<'PY'
import os
Secret = env["cusoft.whatsapp.secret"]
from_file = Secret._key_source().kind == "file"
new_key = os.environ["CUSOFT_WHATSAPP_NEW_KEY"]
changed = Secret._rotate_key(os.environ.get("CUSOFT_WHATSAPP_OLD_KEY") or None, new_key)
env.cr.commit()
if from_file:
    Secret._replace_key_file(new_key)
    print(f"{changed} WhatsApp secrets re-encrypted; the key file {Secret._key_file_path()} now holds the new key.")
else:
    print(f"{changed} WhatsApp secrets re-encrypted. Now put the new key in odoo.conf (cusoft_whatsapp_key) "
          "or CUSOFT_WHATSAPP_KEY, then start Odoo.")
PY
