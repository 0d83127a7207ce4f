#!/usr/bin/env bash
# Builds the yaml-reference command once per version of its sources into the cache outside the
# repository, or reuses it. Prints the binary's path on stdout; build output goes to a log beside it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# The key follows the pinned modules (go.sum) and the program itself.
key="$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-16)"
root="${XDG_CACHE_HOME:-$HOME/.cache}/acpnet/yaml-reference"
binary="$root/$key/yaml-reference"

if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

command -v go >/dev/null || { echo "ensure.sh: go is required to build yaml-reference" >&2; exit 1; }
mkdir -p "$root/$key"
exec 9>"$root/$key/build.lock"
# A second caller waits for the first build instead of racing it.
flock 9
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

log="$root/$key/build.log"
tmp="$(mktemp "$root/$key/yaml-reference.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
(
  cd "$here"
  GOFLAGS="${GOFLAGS:-} -mod=mod" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$tmp" .
) >>"$log" 2>&1 || { echo "ensure.sh: build failed, see $log" >&2; tail -n 30 "$log" >&2; exit 1; }
mv "$tmp" "$binary"
trap - EXIT
echo "$binary"
