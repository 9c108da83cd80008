#!/usr/bin/env bash
# Local Neo4j Community 5.26 for development and CI, without Docker.
#
#   bash scripts/neo4j.sh start    resolve Neo4j through Maven (cached in ~/.m2), boot it on
#                                  127.0.0.1:$NEO4J_PORT (7687) with data under .neo4j/,
#                                  and wait until Bolt answers
#   bash scripts/neo4j.sh stop     stop it
#   bash scripts/neo4j.sh status   say whether it runs
#
# Maven Central does not serve the Neo4j server assembly, so this boots the real engine
# (org.neo4j:neo4j) with its Bolt connector from a minimal launcher (tools/neo4j/).
# Authentication is on; user and password come from NEO4J_USER / NEO4J_PASSWORD
# (defaults neo4j / policy-kg-dev).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.neo4j"
port="${NEO4J_PORT:-7687}"
pidfile="$dir/neo4j.pid"
log="$dir/neo4j.log"
export NEO4J_USER="${NEO4J_USER:-neo4j}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-policy-kg-dev}"

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

build() {
  mkdir -p "$dir/classes"
  local pom="$root/tools/neo4j/pom.xml" src="$root/tools/neo4j/Launcher.java"
  if [[ ! -s "$dir/classpath.txt" || "$pom" -nt "$dir/classpath.txt" ]]; then
    echo "neo4j: resolving Neo4j Community from Maven Central (first run downloads ~200 MB into ~/.m2)…"
    mvn -q -B -Dstyle.color=never -f "$pom" dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt"
  fi
  if [[ ! -f "$dir/classes/Launcher.class" || "$src" -nt "$dir/classes/Launcher.class" ]]; then
    javac -d "$dir/classes" -cp "$(cat "$dir/classpath.txt")" "$src"
  fi
}

start() {
  if running; then
    echo "neo4j: already running (pid $(cat "$pidfile")) on bolt://127.0.0.1:$port"
    return 0
  fi
  command -v java >/dev/null || { echo "neo4j: java not found (Java 17 or newer is needed)" >&2; exit 1; }
  command -v mvn >/dev/null || { echo "neo4j: mvn not found (Apache Maven is needed)" >&2; exit 1; }
  build
  mkdir -p "$dir/home"
  : >"$log"
  # The JVM options Neo4j's own server starts with (the server.jvm.additional lines of the
  # neo4j.conf it ships), with the heap fixed: without --add-opens the page cache logs that
  # it runs in a slower fallback mode, and without -Xms the engine warns that the heap is
  # unconfigured. The docker-compose image sets these itself.
  local jvm=(-Xms"${NEO4J_HEAP:-1g}" -Xmx"${NEO4J_HEAP:-1g}"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+AlwaysPreTouch
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields -XX:+DisableExplicitGC
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
  nohup java "${jvm[@]}" -cp "$dir/classes:$(cat "$dir/classpath.txt")" \
    Launcher "$dir/home" 127.0.0.1 "$port" >>"$log" 2>&1 &
  echo $! >"$pidfile"
  echo -n "neo4j: starting (pid $(cat "$pidfile")), waiting for Bolt on 127.0.0.1:$port "
  for _ in $(seq 1 180); do
    if grep -q "neo4j ready" "$log" 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo
      echo "neo4j: ready. NEO4J_URI=bolt://127.0.0.1:$port NEO4J_USER=$NEO4J_USER NEO4J_PASSWORD=$NEO4J_PASSWORD"
      return 0
    fi
    if ! running; then
      echo
      echo "neo4j: the process exited; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    echo -n "."
    sleep 1
  done
  echo
  echo "neo4j: Bolt did not answer within 180 s; see $log" >&2
  exit 1
}

stop() {
  if ! running; then
    echo "neo4j: not running"
    rm -f "$pidfile"
    return 0
  fi
  local pid
  pid="$(cat "$pidfile")"
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pidfile"
  echo "neo4j: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "neo4j: running (pid $(cat "$pidfile"))"; else echo "neo4j: not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
