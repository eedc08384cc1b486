#!/usr/bin/env bash
# End-to-end benchmark through the demo host: starts a demo host on a fresh home, measures with wrk a cached
# credentials request, the REST floor (a connector id that does not exist: 404), an unauthenticated static resource
# and the same resource with alice's Basic authentication (the host's own cost of a user), at concurrency 1, 4 and
# 16, in the same run, and prints the plugin's share; then (unless --no-scale)
# prints the scale table of the lists (ListScaleBench) as connectors are added. Builds nothing: run
# `mvn -o -B package -DskipTests` first (the jar, its signature and the test classes), and have wrk, curl and jq.
#
#   src/bench/end-to-end.sh [--duration SECONDS] [--warmup SECONDS] [--port PORT] [--postgres PG_PORT]
#                           [--connectors 10,100,1000] [--repeats 50] [--menu-path PATH] [--no-scale] [--no-wrk]
#
# --menu-path is the address (under /jira) whose answer builds the AWS menu: Jira's menu resource, which the header
# asks when the lazy menu is opened (the dashboard itself no longer builds it).
# --postgres starts a throw-away PostgreSQL server on PG_PORT (as root, through the postgres user, as .ci/run does)
# for the demo's database, and turns on log_statement=all for the scale table only, whose SQL statement column is
# counted from that log; without it the demo runs on H2 and the column stays empty.
set -euo pipefail

duration=10
warmup=5
port=2999
pg_port=
connectors=10,100,1000
repeats=50
menu_path=/rest/api/1.0/menus/aws-connectors-top-link
scale=true
load=true
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --postgres) pg_port=$2; shift 2 ;;
        --connectors) connectors=$2; shift 2 ;;
        --repeats) repeats=$2; shift 2 ;;
        --menu-path) menu_path=$2; shift 2 ;;
        --no-scale) scale=false; shift ;;
        --no-wrk) load=false; shift ;;
        *) echo "Unknown option $1 (see the head of $0)" >&2; exit 2 ;;
    esac
done

project=$(cd "$(dirname "$0")/../.." && pwd)
cd "$project"
for tool in curl jq mvn; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if $load && ! command -v wrk >/dev/null; then
    echo "wrk is needed (Debian: apt-get install -y wrk), or pass --no-wrk" >&2
    exit 1
fi
if ! ls target/aws-connectors-jira-*.jar >/dev/null 2>&1 || [ ! -d target/test-classes ]; then
    echo "No built plugin: run mvn -o -B package -DskipTests first" >&2
    exit 1
fi

work=$(mktemp -d)
demo_pid=
pg_data=
pg_bin=
stop() {
    if [ -n "$demo_pid" ]; then
        kill -- "-$demo_pid" 2>/dev/null || true
        wait "$demo_pid" 2>/dev/null || true
    fi
    if [ -n "$pg_data" ]; then
        su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_data -m fast stop" >/dev/null 2>&1 || true
    fi
}
trap stop EXIT

db=
if [ -n "$pg_port" ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pg_data=$(mktemp -d)
    chown postgres "$pg_data"
    su postgres -s /bin/sh -c "$pg_bin/initdb -D $pg_data -A trust -U postgres -E UTF8 --no-locale >/dev/null && $pg_bin/pg_ctl -D $pg_data -l $pg_data/log -w -o '-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1' start" >/dev/null
    db="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres"
fi

echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB;" \
    "$(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
base="http://localhost:$port/jira"
echo "Starting the demo host on $base (home $work/home${db:+, PostgreSQL on port $pg_port}); its output: $work/demo.log"
setsid mvn -o -B -Pdemo exec:exec@demo -Ddemo.port="$port" -Ddemo.home="$work/home" -Ddemo.db="$db" \
    >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/login.jsp" || true)" = 200 ]; then
        break
    fi
    if ! kill -0 "$demo_pid" 2>/dev/null; then
        echo "The demo host stopped:" >&2
        tail -20 "$work/demo.log" >&2
        exit 1
    fi
    sleep 1
done

rest="$base/rest/aws-connectors/1.0"
alice="Authorization: Basic $(printf 'alice:alice' | base64)"
connector=$(curl -sf -H "$alice" "$rest/connectors" \
    | jq -r '(if type == "array" then . else .values end)[] | select(.name == "Developers (federated)") | .id')
credentials="$rest/connectors/$connector/credentials"
floor="$rest/connectors/00000000-0000-4000-8000-000000000000/credentials"
static="$base/download/resources/dev.awsconnectors.aws-connectors-jira:user-resources/my-connectors.css"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$alice" "$credentials")" = 200 ] || { echo "No credentials" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$alice" "$floor")" = 404 ] || { echo "The floor is not 404" >&2; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$static")" = 200 ] || { echo "No static resource" >&2; exit 1; }

# wrk's latency in ms from its "50%  1.23ms" lines; requests per second from "Requests/sec:".
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                 else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }
run_wrk() { # name concurrency seconds url [header]
    local threads=$(( $2 < 2 ? 1 : 2 ))
    local out
    if [ -n "${5:-}" ]; then
        out=$(wrk -t "$threads" -c "$2" -d "${3}s" --latency -H "$5" "$4")
    else
        out=$(wrk -t "$threads" -c "$2" -d "${3}s" --latency "$4")
    fi
    local rps p50 p99 errors
    rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
    p50=$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
    errors=$(printf '%s\n' "$out" | awk '/Non-2xx or 3xx/ { print $5 }')
    printf '%s %s %s %s %s\n' "$1" "$2" "$rps" "$p50" "${errors:-0}"
    printf '%s\n' "$p99" >"$work/p99-$1-$2"
}

if $load; then
    echo "Warm-up: ${warmup} s on each request at concurrency 4"
    run_wrk warmup 4 "$warmup" "$static" >/dev/null
    run_wrk warmup 4 "$warmup" "$static" "$alice" >/dev/null
    run_wrk warmup 4 "$warmup" "$floor" "$alice" >/dev/null
    run_wrk warmup 4 "$warmup" "$credentials" "$alice" >/dev/null
    : >"$work/results"
    for c in 1 4 16; do
        echo "Concurrency $c: ${duration} s each"
        run_wrk static "$c" "$duration" "$static" >>"$work/results"
        run_wrk static-user "$c" "$duration" "$static" "$alice" >>"$work/results"
        run_wrk floor "$c" "$duration" "$floor" "$alice" >>"$work/results"
        run_wrk credentials "$c" "$duration" "$credentials" "$alice" >>"$work/results"
    done
    echo
    echo "| request | concurrency | requests/s | p50 | p99 | non-2xx answers |"
    echo "| --- | --- | --- | --- | --- | --- |"
    while read -r name c rps p50 errors; do
        case $name in
            static) label="static resource, no user" ;;
            static-user) label="static resource, alice (Basic)" ;;
            floor) label="REST floor: unknown connector (404), alice" ;;
            credentials) label="cached credentials, alice" ;;
        esac
        printf '| %s | %s | %s | %s ms | %s ms | %s |\n' "$label" "$c" "$rps" "$p50" "$(cat "$work/p99-$name-$c")" "$errors"
    done <"$work/results"
    echo
    echo "| concurrency | cached credentials ÷ REST floor (time per request; target ≤ 2) | share of a cached credentials request beyond the REST floor | beyond the static resource with a user (the plugin's share, REST included) | beyond the static resource |"
    echo "| --- | --- | --- | --- | --- |"
    for c in 1 4 16; do
        s=$(awk -v c="$c" '$1 == "static" && $2 == c { print $3 }' "$work/results")
        f=$(awk -v c="$c" '$1 == "floor" && $2 == c { print $3 }' "$work/results")
        u=$(awk -v c="$c" '$1 == "static-user" && $2 == c { print $3 }' "$work/results")
        r=$(awk -v c="$c" '$1 == "credentials" && $2 == c { print $3 }' "$work/results")
        # Time per request is 1 / (requests/s) at a given concurrency; a share is (t - t_baseline) / t.
        awk -v c="$c" -v s="$s" -v u="$u" -v f="$f" -v r="$r" 'BEGIN {
            printf "| %d | %.2f | %.0f %% | %.0f %% | %.0f %% |\n", c, f / r, 100 * (1 - r / f), 100 * (1 - r / u),
                100 * (1 - r / s) }'
    done
fi

if $scale; then
    log=
    if [ -n "$pg_port" ]; then
        su postgres -s /bin/sh -c "$pg_bin/psql -q -h $pg_data -p $pg_port -U postgres -c \"ALTER SYSTEM SET log_statement = 'all'\" -c 'SELECT pg_reload_conf()'" >/dev/null
        log="$pg_data/log"
    fi
    echo
    mvn -o -q -B -Dstyle.color=never -Pbench exec:exec@scale -Dbench.baseUrl="$base" -Dbench.connectors="$connectors" \
        -Dbench.statementLog="$log" -Dbench.repeats="$repeats" \
        -Dbench.menuPath="$menu_path" | sed 's/\x1b\[[0-9;]*m//g'
fi
