# Helpers shared by the scripts that run Odoo: PostgreSQL up, a free port, a quiet dropdb.
ensure_postgres() {
  if ! pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $4}' | grep -q online; then
    local version
    version=$(pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $1; exit}')
    if [[ -z "$version" ]]; then
      echo "PostgreSQL is not installed: run scripts/provision-odoo.sh first" >&2
      return 1
    fi
    pg_ctlcluster "$version" main start || return 1
  fi
}

free_port() {
  /usr/bin/python3.11 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

dropdb_quiet() {
  PGPASSWORD=odoo dropdb -h localhost -U odoo --if-exists "$1" >/dev/null 2>&1 || true
}
