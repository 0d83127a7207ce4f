#!/usr/bin/env bash
# Stops the Kafka started by start.sh [STATE_DIR] and waits for it to exit.
set -euo pipefail
STATE_DIR="${1:-${ACPNET_CACHE:-$HOME/.cache/acpnet}/kafka-run}"
[[ -f "$STATE_DIR/pid" ]] || exit 0
pid="$(cat "$STATE_DIR/pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$STATE_DIR/pid" "$STATE_DIR/bootstrap"
