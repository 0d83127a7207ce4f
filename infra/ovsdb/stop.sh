#!/usr/bin/env bash
# Stops the ovsdb-server started by start.sh STATE_DIR and waits for it to exit.
set -euo pipefail
STATE_DIR="${1:?usage: stop.sh STATE_DIR}"
[[ -f "$STATE_DIR/pid" ]] || exit 0
pid="$(cat "$STATE_DIR/pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$STATE_DIR/pid" "$STATE_DIR/address" "$STATE_DIR/ssl-address"
