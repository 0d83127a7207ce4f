#!/usr/bin/env bash
# Starts a single-node Kafka (KRaft, combined broker+controller) on free loopback ports.
# Usage: start.sh [STATE_DIR] [--keep-data]   (default STATE_DIR: $HOME/.cache/acpnet/kafka-run)
# Writes STATE_DIR/bootstrap (host:port) and STATE_DIR/pid, and prints the bootstrap address.
# Without --keep-data a stopped broker's STATE_DIR is wiped and a new one formatted; with it, a
# broker stopped (or killed) earlier starts again on the same ports, cluster id and data, as a
# restarted broker would.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
keep_data=false
positional=()
for arg in "$@"; do
  case "$arg" in
    --keep-data) keep_data=true ;;
    *) positional+=("$arg") ;;
  esac
done
STATE_DIR="${positional[0]:-${ACPNET_CACHE:-$HOME/.cache/acpnet}/kafka-run}"
libs="$("$here/ensure.sh")"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null ||
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

if [[ -f "$STATE_DIR/pid" ]] && kill -0 "$(cat "$STATE_DIR/pid")" 2>/dev/null; then
  cat "$STATE_DIR/bootstrap"
  exit 0
fi

restart=false
if [[ "$keep_data" == true && -f "$STATE_DIR/server.properties" && -f "$STATE_DIR/data/meta.properties" ]]; then
  restart=true
  broker_port="$(sed -n 's|^advertised.listeners=PLAINTEXT://127.0.0.1:||p' "$STATE_DIR/server.properties")"
  # The previous run's log says it started; only this run's lines may say so now.
  cat "$STATE_DIR/server.log" "$STATE_DIR/stdout.log" >>"$STATE_DIR/previous.log" 2>/dev/null || true
  : >"$STATE_DIR/server.log"
  : >"$STATE_DIR/stdout.log"
else
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR/data"
  broker_port="$(free_port)"
  controller_port="$(free_port)"
  while [[ "$controller_port" == "$broker_port" ]]; do controller_port="$(free_port)"; done
fi

[[ "$restart" == true ]] || cat >"$STATE_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$broker_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$broker_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$STATE_DIR/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS

cat >"$STATE_DIR/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$STATE_DIR/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.KafkaRaftServer=INFO
PROPS

java_opts=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  "-Dlog4j.configuration=file:$STATE_DIR/log4j.properties" -cp "$libs/*")

if [[ "$restart" == false ]]; then
  cluster_id="$(java "${java_opts[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  java "${java_opts[@]}" kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$STATE_DIR/server.properties" >"$STATE_DIR/format.log" 2>&1
fi

nohup java "${java_opts[@]}" kafka.Kafka "$STATE_DIR/server.properties" \
  >"$STATE_DIR/stdout.log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$STATE_DIR/pid"

# Serving once the broker accepts TCP and has logged its transition to RUNNING.
for _ in $(seq 1 120); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start.sh: Kafka exited; see $STATE_DIR/stdout.log and $STATE_DIR/server.log" >&2
    tail -20 "$STATE_DIR/stdout.log" "$STATE_DIR/server.log" >&2 || true
    exit 1
  fi
  if grep -q "Kafka Server started\|transitioned from STARTING to STARTED\|KafkaRaftServer.*started" \
    "$STATE_DIR/server.log" "$STATE_DIR/stdout.log" 2>/dev/null &&
    (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null; then
    echo "127.0.0.1:$broker_port" >"$STATE_DIR/bootstrap"
    echo "127.0.0.1:$broker_port"
    exit 0
  fi
  sleep 1
done
echo "start.sh: Kafka did not start within 120s; see $STATE_DIR/server.log" >&2
kill "$pid" 2>/dev/null || true
exit 1
