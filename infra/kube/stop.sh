#!/usr/bin/env bash
# Usage: stop.sh STATE_DIR [--apiserver-only]
# Stops the kube-apiserver and etcd started by start.sh STATE_DIR (SIGTERM, then SIGKILL after 20s).
# --apiserver-only leaves etcd and its data running so start.sh STATE_DIR restarts the API server.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: stop.sh STATE_DIR [--apiserver-only]" >&2; exit 2; }
state="$1"
only_apiserver=false
[ "${2:-}" = "--apiserver-only" ] && only_apiserver=true

stop_one() {
  local pidfile="$state/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop_one kube-apiserver
$only_apiserver || stop_one etcd
