#!/usr/bin/env bash
# Usage: start.sh [STATE_DIR]
# Starts etcd and kube-apiserver on free 127.0.0.1 ports with TLS, RBAC and service-account keys.
# STATE_DIR (default: a new temporary directory) receives certificates, the kubeconfig, pid files,
# ports and logs. Running start.sh again on the same STATE_DIR starts whatever of the two is not
# running, on the same ports and with the same certificates and data (that is how tests restart
# the API server). Prints the kubeconfig path as the last line of stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

state="${1:-$(mktemp -d "${TMPDIR:-/tmp}/acpnet-kube.XXXXXX")}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
bin="$("$KUBE_HARNESS_DIR/ensure.sh")"
command -v openssl >/dev/null || { echo "start.sh: openssl is required" >&2; exit 1; }

exec 8>"$state/start.lock"
flock 8

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

port_in_use() { ss -Htan "sport = :$1" | grep -q .; }

free_port() {
  local p
  for _ in $(seq 1 200); do
    # Below the kernel's ephemeral range (32768+ here), where outgoing connections could take a
    # port between choosing it and the daemon binding it.
    p=$(( 20000 + RANDOM % 12000 ))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  echo "start.sh: no free port found" >&2
  return 1
}

# --- certificates (made once per state directory) ---------------------------------------------
pki="$state/pki"
issue() { # name subject extensions
  local name="$1" subject="$2" ext="$3"
  openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$name.key" -subj "$subject" \
    -out "$pki/$name.csr" 2>/dev/null
  printf '%b\n' "$ext" >"$pki/$name.ext"
  openssl x509 -req -in "$pki/$name.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$pki/$name.ext" -out "$pki/$name.crt" 2>/dev/null
  rm -f "$pki/$name.csr" "$pki/$name.ext"
}
if [ ! -f "$pki/admin.crt" ]; then
  mkdir -p "$pki"
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -days 3650 -sha256 \
    -subj "/CN=acpnet-test-ca" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$pki/ca.crt" 2>/dev/null
  server_ext="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth"
  client_ext="basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth"
  issue etcd-server "/CN=etcd" "$server_ext\nsubjectAltName=IP:127.0.0.1,DNS:localhost"
  issue apiserver "/CN=kube-apiserver" "$server_ext\nsubjectAltName=IP:127.0.0.1,IP:10.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  issue apiserver-etcd-client "/CN=kube-apiserver-etcd-client" "$client_ext"
  issue admin "/O=system:masters/CN=acpnet-admin" "$client_ext"
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  chmod 600 "$pki"/*.key
fi

# --- ports (chosen once per state directory) ---------------------------------------------------
if [ ! -f "$state/ports.env" ]; then
  etcd_port="$(free_port)"; etcd_peer_port="$(free_port)"; apiserver_port="$(free_port)"
  printf 'ETCD_PORT=%s\nETCD_PEER_PORT=%s\nAPISERVER_PORT=%s\n' \
    "$etcd_port" "$etcd_peer_port" "$apiserver_port" >"$state/ports.env"
fi
# shellcheck disable=SC1091
source "$state/ports.env"

# --- kubeconfig ----------------------------------------------------------------------------------
b64() { base64 -w0 <"$1"; }
cat >"$state/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
  - name: acpnet-test
    cluster:
      server: https://127.0.0.1:$APISERVER_PORT
      certificate-authority-data: $(b64 "$pki/ca.crt")
users:
  - name: acpnet-admin
    user:
      client-certificate-data: $(b64 "$pki/admin.crt")
      client-key-data: $(b64 "$pki/admin.key")
contexts:
  - name: acpnet-test
    context: { cluster: acpnet-test, user: acpnet-admin }
current-context: acpnet-test
KUBECONFIG
chmod 600 "$state/kubeconfig"

# The API server calls admission webhooks on loopback; a proxy in the environment would intercept
# those calls, so both daemons run without proxy settings. They must not inherit the lock (fd 8),
# or the next start.sh on this state directory would wait for them forever.
launch() { # name command...
  local name="$1"; shift
  env -u HTTP_PROXY -u HTTPS_PROXY -u http_proxy -u https_proxy -u ALL_PROXY -u all_proxy \
    NO_PROXY=127.0.0.1,localhost setsid "$@" >>"$state/$name.log" 2>&1 </dev/null 8>&- &
  echo $! >"$state/$name.pid"
}

wait_until() { # description timeout-seconds pid-name command...
  local what="$1" timeout="$2" name="$3"; shift 3
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    if ! running "$name"; then
      echo "start.sh: $name exited before $what; last log lines:" >&2
      tail -n 20 "$state/$name.log" >&2
      return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "start.sh: $name not $what after ${timeout}s; see $state/$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

if ! running etcd; then
  launch etcd "$bin/etcd" --name acpnet --data-dir "$state/etcd-data" \
    --listen-client-urls "https://127.0.0.1:$ETCD_PORT" --advertise-client-urls "https://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "acpnet=http://127.0.0.1:$ETCD_PEER_PORT" \
    --cert-file "$pki/etcd-server.crt" --key-file "$pki/etcd-server.key" \
    --client-cert-auth --trusted-ca-file "$pki/ca.crt" \
    --unsafe-no-fsync --log-level warn
  wait_until healthy 60 etcd curl -fsS --cacert "$pki/ca.crt" --cert "$pki/apiserver-etcd-client.crt" \
    --key "$pki/apiserver-etcd-client.key" "https://127.0.0.1:$ETCD_PORT/health"
fi

if ! running kube-apiserver; then
  launch kube-apiserver "$bin/kube-apiserver" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --etcd-servers "https://127.0.0.1:$ETCD_PORT" --etcd-cafile "$pki/ca.crt" \
    --etcd-certfile "$pki/apiserver-etcd-client.crt" --etcd-keyfile "$pki/apiserver-etcd-client.key" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" --authorization-mode RBAC --anonymous-auth=false \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.0.0.0/24 --cert-dir "$state/apiserver-certs" \
    --profiling=false --v 1
  wait_until ready 180 kube-apiserver curl -fsS --cacert "$pki/ca.crt" --cert "$pki/admin.crt" \
    --key "$pki/admin.key" "https://127.0.0.1:$APISERVER_PORT/readyz"
fi

echo "$state/kubeconfig"
