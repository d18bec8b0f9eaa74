#!/usr/bin/env bash
# A single-node Apache Kafka 4.x (KRaft: broker + controller in one JVM) for development and tests.
#   tools/kafka.sh start|stop|status      (start prints the broker address, 127.0.0.1:9092, on stdout)
# The broker's jars come from Maven Central (tools/kafka/pom.xml) into .cache/kafka/<version>/libs once;
# data lives in .cache/kafka/data, formatted with a random cluster id on the first start.
# Environment (all optional): KAFKA_VERSION, KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093),
# KAFKA_CACHE_DIR (.cache/kafka), KAFKA_START_TIMEOUT_S (90), KAFKA_HEAP (512m).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
version="${KAFKA_VERSION:-4.1.1}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
cache="${KAFKA_CACHE_DIR:-$repo/.cache/kafka}"
start_timeout="${KAFKA_START_TIMEOUT_S:-90}"
heap="${KAFKA_HEAP:-512m}"
host=127.0.0.1

libs="$cache/$version/libs"
data="$cache/data"
logs="$cache/logs"
config="$cache/server.properties"
pidfile="$cache/kafka.pid"

# Progress goes to stderr; `start` prints only the broker address on stdout, for
# SPINEQC_TEST_KAFKA_BROKERS=$(tools/kafka.sh start).
say() { echo "kafka: $*" >&2; }
fail() {
  echo "kafka: error: $*" >&2
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/$host/$1") 2>/dev/null; }

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid
  pid="$(cat "$pidfile")"
  # A stale pid file may name an unrelated process after a reboot; only a Kafka JVM counts.
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && grep -q 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  return 1
}

fetch() {
  [[ -f "$libs/.complete" ]] && return 0
  command -v mvn >/dev/null || fail "mvn (Maven 3) is needed to fetch Kafka $version"
  say "fetching Apache Kafka $version from Maven Central into $libs"
  rm -rf "$libs"
  mkdir -p "$libs" "$logs"
  mvn -q -B -f "$repo/tools/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$version" -DincludeScope=runtime -DoutputDirectory="$libs" >"$logs/fetch.log" 2>&1 ||
    {
      tail -n 30 "$logs/fetch.log" >&2
      fail "could not fetch Kafka $version with Maven (log: $logs/fetch.log)"
    }
  [[ -f "$libs/kafka_2.13-$version.jar" ]] || fail "kafka_2.13-$version.jar missing after fetch"
  touch "$libs/.complete"
}

write_config() {
  mkdir -p "$data" "$logs"
  cat >"$config" <<EOF
# Written by tools/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$host:$controller_port
listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$controller_port
advertised.listeners=PLAINTEXT://$host:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# One node: no reason to wait for more group members before the first rebalance.
group.initial.rebalance.delay.ms=0
# Fewer internal partitions: a dev node creates them faster on the first consumer group.
offsets.topic.num.partitions=6
transaction.state.log.num.partitions=6
share.coordinator.state.topic.num.partitions=6
EOF
}

java_opts=(-Xms128m -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$repo/tools/kafka/log4j2.properties" -Dkafka.logs.dir="$logs" -cp "$libs/*")

format_storage() {
  [[ -f "$data/meta.properties" ]] && return 0
  local id
  # A cluster id is 16 random bytes in URL-safe base64; one starting with '-' would read as an option.
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [[ "$id" != -* ]] && break
  done
  say "formatting $data (cluster id $id)"
  java "${java_opts[@]}" -XX:TieredStopAtLevel=1 kafka.tools.StorageTool format --cluster-id "$id" --config "$config" >"$logs/format.log" 2>&1 ||
    {
      cat "$logs/format.log" >&2
      fail "formatting the storage failed"
    }
}

# Waits until the broker with this pid serves clients, or fails with the tail of its log.
wait_ready() {
  local pid="$1" waited=0
  # The listener binds before the broker is ready, so wait for its own "started" line as well.
  until port_open "$port" && grep -q 'Kafka Server started' "$logs/server.log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$logs/server.log" >&2
      rm -f "$pidfile"
      fail "the broker exited during start-up (log: $logs/server.log)"
    fi
    if ((waited >= start_timeout * 2)); then
      tail -n 30 "$logs/server.log" >&2
      fail "the broker did not accept connections on $host:$port within ${start_timeout}s (pid $pid, log: $logs/server.log)"
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
}

start() {
  local pid
  if pid="$(running_pid)"; then
    wait_ready "$pid"
    say "already running (pid $pid) on $host:$port"
    echo "$host:$port"
    return 0
  fi
  port_open "$port" && fail "$host:$port is already in use by another process"
  command -v java >/dev/null || fail "java (17+) is needed to run Kafka"
  fetch
  write_config
  format_storage
  [[ -f "$logs/server.log" ]] && mv -f "$logs/server.log" "$logs/server.log.1"
  # setsid: the broker outlives this shell and its terminal. 9>&-: it must not inherit (and hold) the lock.
  setsid nohup java "${java_opts[@]}" kafka.Kafka "$config" >"$logs/server.log" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$pidfile"
  wait_ready "$pid"
  say "started (pid $pid) on $host:$port"
  echo "$host:$port"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$pidfile"
    say "not running"
    return 0
  fi
  kill -TERM "$pid"
  # A controlled shutdown takes a few seconds; give it 30 before forcing.
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "still running after 30s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open "$port"; then
      echo "kafka: running (pid $pid) on $host:$port"
    else
      echo "kafka: starting (pid $pid), $host:$port not yet accepting"
    fi
    return 0
  fi
  echo "kafka: not running"
  return 3
}

# One start or stop at a time, so two callers racing never launch two brokers.
lock() {
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9
}

case "${1:-}" in
start) lock && start ;;
stop) lock && stop ;;
status) status ;;
*)
  echo "usage: $0 start|stop|status" >&2
  exit 2
  ;;
esac
