# Shared settings for the kube harness scripts; sourced, never run.
# Versions come from go.mod/go.sum so the cache key follows the pinned modules.
KUBE_HARNESS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

kube_version() {
  awk '$1 == "require" && $2 == "k8s.io/kubernetes" { print $3 } $1 == "k8s.io/kubernetes" && $2 ~ /^v/ { print $2 }' \
    "$KUBE_HARNESS_DIR/go.mod" | head -n1
}

etcd_version() {
  awk '$1 == "go.etcd.io/etcd/server/v3" && $2 ~ /^v/ { print $2 }' "$KUBE_HARNESS_DIR/go.mod" | head -n1
}

# ~/.cache/acpnet/kube/<kube version>-etcd<etcd version>/bin
kube_cache_root() {
  printf '%s/acpnet/kube' "${XDG_CACHE_HOME:-$HOME/.cache}"
}

kube_bin_dir() {
  printf '%s/%s-etcd%s/bin' "$(kube_cache_root)" "$(kube_version)" "$(etcd_version)"
}
