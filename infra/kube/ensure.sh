#!/usr/bin/env bash
# Builds kube-apiserver, kubectl and etcd once per version into the cache outside the repository,
# or reuses them. Prints the bin directory on stdout; build output goes to a log file next to it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bin_dir="$(kube_bin_dir)"
binaries=(kube-apiserver kubectl etcd)

all_present() {
  local b
  for b in "${binaries[@]}"; do [ -x "$bin_dir/$b" ] || return 1; done
}

if all_present; then
  echo "$bin_dir"
  exit 0
fi

command -v go >/dev/null || { echo "ensure.sh: go is required to build the harness binaries" >&2; exit 1; }

mkdir -p "$bin_dir"
log="$(dirname "$bin_dir")/build.log"
lock="$(dirname "$bin_dir")/build.lock"
exec 9>"$lock"
# A second caller waits for the first build instead of racing it.
flock 9
if all_present; then
  echo "$bin_dir"
  exit 0
fi

version="$(kube_version)"
major="${version#v}"; major="${major%%.*}"
minor="${version#v*.}"; minor="${minor%%.*}"
version_flags=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  version_flags+=" -X $pkg.gitVersion=$version -X $pkg.gitMajor=$major -X $pkg.gitMinor=$minor"
  version_flags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
done

export GOFLAGS="${GOFLAGS:-} -mod=mod"
export CGO_ENABLED=0
parallel="${KUBE_HARNESS_BUILD_PARALLELISM:-2}"
tmp="$(mktemp -d "$(dirname "$bin_dir")/build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

start=$(date +%s)
{
  echo "building kubernetes $version and etcd $(etcd_version) with -p $parallel"
  cd "$KUBE_HARNESS_DIR"
  go build -p "$parallel" -trimpath -ldflags "-s -w$version_flags" -o "$tmp/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
  go build -p "$parallel" -trimpath -ldflags "-s -w$version_flags" -o "$tmp/kubectl" k8s.io/kubernetes/cmd/kubectl
  go build -p "$parallel" -trimpath -ldflags "-s -w" -o "$tmp/etcd" go.etcd.io/etcd/server/v3
  echo "built in $(( $(date +%s) - start ))s"
} >>"$log" 2>&1 || { echo "ensure.sh: build failed, see $log" >&2; tail -n 30 "$log" >&2; exit 1; }

for b in "${binaries[@]}"; do mv "$tmp/$b" "$bin_dir/$b"; done
echo "$bin_dir"
