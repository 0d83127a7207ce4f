#!/usr/bin/env bash
# Stops the Kafka started by start.sh [STATE_DIR] and waits for it to exit.
# Usage: stop.sh [STATE_DIR] [--kill]
# SIGTERM (a controlled shutdown; SIGKILL after 30 s), or with --kill SIGKILL at once, as a crash
# would. The data stays in STATE_DIR for `start.sh STATE_DIR --keep-data`.
set -euo pipefail
signal=TERM
positional=()
for arg in "$@"; do
  case "$arg" in
    --kill) signal=KILL ;;
    *) positional+=("$arg") ;;
  esac
done
STATE_DIR="${positional[0]:-${ACPNET_CACHE:-$HOME/.cache/acpnet}/kafka-run}"
[[ -f "$STATE_DIR/pid" ]] || exit 0
pid="$(cat "$STATE_DIR/pid")"
if kill -0 "$pid" 2>/dev/null; then
  kill "-$signal" "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
fi
rm -f "$STATE_DIR/pid" "$STATE_DIR/bootstrap"
