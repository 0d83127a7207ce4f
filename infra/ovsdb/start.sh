#!/usr/bin/env bash
# Serves OVN databases with one ovsdb-server on a free loopback TCP port.
# Usage: start.sh STATE_DIR [DATABASE...]   DATABASE: ovn-ic-sb, ovn-ic-nb, ovn-nb (default: all three)
# Each database is STATE_DIR/DATABASE.db, created with ovsdb-tool from Debian's schema
# (/usr/share/ovn/DATABASE.ovsschema, or $OVN_SCHEMA_DIR) unless it exists already, so a test may
# put a copy of a filled database there first. Writes STATE_DIR/address (tcp:127.0.0.1:PORT) and
# STATE_DIR/pid, and prints the address. stop.sh STATE_DIR stops the server.
# With OVSDB_SSL_KEY, OVSDB_SSL_CERT and OVSDB_SSL_CA (PEM files) set, it also serves SSL on another
# free port and writes STATE_DIR/ssl-address (ssl:127.0.0.1:PORT).
set -euo pipefail

STATE_DIR="${1:?usage: start.sh STATE_DIR [DATABASE...]}"
shift
databases=("$@")
[[ ${#databases[@]} -gt 0 ]] || databases=(ovn-ic-sb ovn-ic-nb ovn-nb)
schema_dir="${OVN_SCHEMA_DIR:-/usr/share/ovn}"

find_tool() {
  command -v "$1" 2>/dev/null || { [[ -x "/usr/sbin/$1" ]] && echo "/usr/sbin/$1"; } || {
    echo "start.sh: $1 not found; install Debian's openvswitch-common (and ovn-central, ovn-ic-db for the schemas)" >&2
    exit 1
  }
}
ovsdb_server="$(find_tool ovsdb-server)"
ovsdb_tool="$(find_tool ovsdb-tool)"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

if [[ -f "$STATE_DIR/pid" ]] && kill -0 "$(cat "$STATE_DIR/pid")" 2>/dev/null; then
  cat "$STATE_DIR/address"
  exit 0
fi

mkdir -p "$STATE_DIR"
STATE_DIR="$(cd "$STATE_DIR" && pwd)"
files=()
for db in "${databases[@]}"; do
  schema="$schema_dir/$db.ovsschema"
  file="$STATE_DIR/$db.db"
  if [[ ! -f "$file" ]]; then
    [[ -f "$schema" ]] || { echo "start.sh: no schema $schema (Debian: ovn-ic-db, ovn-central)" >&2; exit 1; }
    "$ovsdb_tool" create "$file" "$schema"
  fi
  files+=("$file")
done

# A port found free may be taken before the server binds it: try a few.
for _ in 1 2 3 4 5; do
  port="$(free_port)"
  ssl=()
  if [[ -n "${OVSDB_SSL_KEY:-}" ]]; then
    ssl_port="$(free_port)"
    ssl=(--private-key="$OVSDB_SSL_KEY" --certificate="$OVSDB_SSL_CERT" --ca-cert="$OVSDB_SSL_CA"
      --remote="pssl:$ssl_port:127.0.0.1")
  fi
  if "$ovsdb_server" --detach --no-chdir \
    --pidfile="$STATE_DIR/pid" \
    --log-file="$STATE_DIR/ovsdb-server.log" \
    --unixctl="$STATE_DIR/ovsdb-server.ctl" \
    --remote="ptcp:$port:127.0.0.1" "${ssl[@]}" \
    "${files[@]}" 2>>"$STATE_DIR/start.log"; then
    for _ in $(seq 1 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
        { [[ -z "${ssl_port:-}" ]] || (exec 3<>"/dev/tcp/127.0.0.1/$ssl_port") 2>/dev/null; }; then
        [[ -z "${ssl_port:-}" ]] || echo "ssl:127.0.0.1:$ssl_port" >"$STATE_DIR/ssl-address"
        echo "tcp:127.0.0.1:$port" >"$STATE_DIR/address"
        echo "tcp:127.0.0.1:$port"
        exit 0
      fi
      sleep 0.1
    done
    [[ -f "$STATE_DIR/pid" ]] && kill "$(cat "$STATE_DIR/pid")" 2>/dev/null || true
  fi
done
echo "start.sh: ovsdb-server did not start; see $STATE_DIR/start.log and $STATE_DIR/ovsdb-server.log" >&2
tail -5 "$STATE_DIR/start.log" "$STATE_DIR/ovsdb-server.log" >&2 2>/dev/null || true
exit 1
