#!/usr/bin/env bash
# Usage: install-crds.sh KUBECONFIG [--gateway-channel standard|experimental]
# Applies (server-side) the upstream CRDs listed in crd-sources.txt, read from the Go module cache,
# plus the ALB CRDs under crds-local/ and acpnet's own (infra/deploy/base/crds/), then waits until
# every one is Established.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { echo "usage: install-crds.sh KUBECONFIG [--gateway-channel standard|experimental]" >&2; exit 2; }
[ $# -ge 1 ] || usage
kubeconfig="$1"; shift
channel=experimental
while [ $# -gt 0 ]; do
  case "$1" in
    --gateway-channel) channel="${2:-}"; shift 2 ;;
    *) usage ;;
  esac
done
case "$channel" in standard|experimental) ;; *) usage ;; esac
[ -r "$kubeconfig" ] || { echo "install-crds.sh: cannot read kubeconfig $kubeconfig" >&2; exit 2; }

kubectl="${KUBECTL:-$(kube_bin_dir)/kubectl}"
[ -x "$kubectl" ] || kubectl="$("$KUBE_HARNESS_DIR/ensure.sh")/kubectl"

bundle_dir="$(mktemp -d)"
trap 'rm -rf "$bundle_dir"' EXIT

# Keeps only the CustomResourceDefinition documents of a multi-document YAML file.
crd_documents() {
  awk '
    function flush() { if (doc ~ /(^|\n)kind: CustomResourceDefinition\n/) printf "---\n%s", doc; doc = "" }
    /^---/ { flush(); next }
    { doc = doc $0 "\n" }
    END { flush() }
  ' "$1"
}

module_dir() {
  local dir
  dir="$(GOFLAGS=-mod=mod go mod download -json "$1@$2" | awk -F'"' '$2 == "Dir" { print $4 }')"
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "install-crds.sh: could not download $1@$2" >&2; return 1; }
  printf '%s' "$dir"
}

n=0
while read -r module version path; do
  case "$module" in ''|'#'*) continue ;; esac
  dir="$(module_dir "$module" "$version")"
  source_path="$dir/${path//\{channel\}/$channel}"
  if [ -d "$source_path" ]; then files=("$source_path"/*.yaml); else files=("$source_path"); fi
  for f in "${files[@]}"; do
    [ -f "$f" ] || { echo "install-crds.sh: $module@$version has no $path" >&2; exit 1; }
    n=$((n + 1))
    crd_documents "$f" >"$bundle_dir/$(printf '%03d' "$n")-$(basename "$f")"
  done
done <"$KUBE_HARNESS_DIR/crd-sources.txt"
for f in "$KUBE_HARNESS_DIR"/crds-local/*.yaml "$KUBE_HARNESS_DIR"/../deploy/base/crds/*.yaml; do
  n=$((n + 1))
  crd_documents "$f" >"$bundle_dir/$(printf '%03d' "$n")-$(basename "$f")"
done
find "$bundle_dir" -type f -empty -delete

names="$("$kubectl" --kubeconfig "$kubeconfig" apply --server-side --force-conflicts \
  --field-manager acpnet-harness -f "$bundle_dir" -o name)"
# kubectl wait fails at once, instead of waiting, while a new CRD has no status.conditions yet
# ("accessor error: <nil>"); that case is retried for up to two minutes.
deadline=$(($(date +%s) + 120))
# shellcheck disable=SC2086
until wait_error="$("$kubectl" --kubeconfig "$kubeconfig" wait --for condition=Established --timeout 120s $names 2>&1 >/dev/null)"; do
  case "$wait_error" in
  *"accessor error"*) [ "$(date +%s)" -lt "$deadline" ] && sleep 0.2 && continue ;;
  esac
  echo "$wait_error" >&2
  exit 1
done
echo "$names" | wc -l | awk '{ print $1 " CRDs established" }'
