#!/usr/bin/env bash
# Body-page benchmark: klynge vs nginx serving the identical bytes.
#
#   wrk -t2 -c64 -d${BENCH_SECONDS:-10}s, two interleaved rounds
#   (klynge, klynge without page cache, nginx, then reversed) to even out
#   drift; prints req/s of each, the ratios against nginx, and klynge's
#   peak RSS (VmHWM). "Without page cache" (KLYNGE_PAGE_CACHE=0) renders
#   every request: structure cache and check cache still apply.
# Loopback only; every process started here is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${KLYNGE_BIN:-./build/klynge}
SECS=${BENCH_SECONDS:-10}
OUT=$(mktemp -d /tmp/klynge-bench.XXXXXX)
chmod 755 "$OUT"	# nginx workers run as nobody
KPORT=${BENCH_KLYNGE_PORT:-18090}
NPORT=${BENCH_NGINX_PORT:-18091}
UPORT=${BENCH_UNCACHED_PORT:-18092}
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$BIN" --db "$OUT/bench.db" import data/demo.json >/dev/null
# The demo's meetings too: the body page shows the body's meetings and
# the year's cadence.
"$BIN" --db "$OUT/bench.db" import-meetings data/demo-meetings.json >/dev/null
"$BIN" --db "$OUT/bench.db" serve --port "$KPORT" >"$OUT/klynge.log" 2>&1 &
kpid=$!; pids+=("$kpid")
KLYNGE_PAGE_CACHE=0 "$BIN" --db "$OUT/bench.db" serve --port "$UPORT" >"$OUT/klynge-uncached.log" 2>&1 &
upid=$!; pids+=("$upid")
for p in "$KPORT" "$UPORT"; do
	for _ in $(seq 50); do curl -sf "http://127.0.0.1:$p/" >/dev/null && break; sleep 0.1; done
done

# The body page of the first strategic level with a rule violation: the
# most work per request (members by seat, charter, check results).
body_id=$(curl -sf "http://127.0.0.1:$KPORT/api/v1/bodies" |
	node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);const l=j.data||j.bodies||j;const b=l.find(b=>b.key==="fsn-sonderjylland")||l.find(b=>b.kind==="strategic_level");console.log(b.id)})')
path="/bodies/$body_id?date=2026-11-23"
mkdir -p "$OUT/www" "$OUT/tmp"
curl -sf "http://127.0.0.1:$KPORT$path" -o "$OUT/www/body.html"
bytes=$(stat -c %s "$OUT/www/body.html")

sed -e "s|@OUT@|$OUT|g" -e "s|@PORT@|$NPORT|g" bench/nginx.conf.in >"$OUT/nginx.conf"
nginx -c "$OUT/nginx.conf" -p "$OUT" &
npid=$!; pids+=("$npid")
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NPORT/body.html" >/dev/null && break; sleep 0.1; done
cmp -s "$OUT/www/body.html" <(curl -sf "http://127.0.0.1:$NPORT/body.html") || { echo "nginx serves other bytes"; exit 1; }

run_wrk() {	# $1 url -> req/s
	wrk -t2 -c64 -d"${SECS}s" --latency "$1" 2>&1 | tee -a "$OUT/wrk.log" |
		awk '/Requests\/sec/ {print $2}'
}
cmp -s "$OUT/www/body.html" <(curl -sf "http://127.0.0.1:$UPORT$path") || { echo "uncached klynge serves other bytes"; exit 1; }
k1=$(run_wrk "http://127.0.0.1:$KPORT$path")
u1=$(run_wrk "http://127.0.0.1:$UPORT$path")
n1=$(run_wrk "http://127.0.0.1:$NPORT/body.html")
n2=$(run_wrk "http://127.0.0.1:$NPORT/body.html")
u2=$(run_wrk "http://127.0.0.1:$UPORT$path")
k2=$(run_wrk "http://127.0.0.1:$KPORT$path")
rss=$(awk '/VmHWM/ {print $2, $3}' "/proc/$kpid/status")
urss=$(awk '/VmHWM/ {print $2, $3}' "/proc/$upid/status")
non2xx=$(grep -c 'Non-2xx' "$OUT/wrk.log" || true)

echo "body page: $path ($bytes bytes), wrk -t2 -c64 -d${SECS}s, 2 rounds"
echo "klynge:                  $k1 / $k2 req/s"
echo "klynge, no page cache:   $u1 / $u2 req/s"
echo "nginx:                   $n1 / $n2 req/s (same bytes, static file)"
awk -v a="$k1" -v b="$k2" -v u="$u1" -v v="$u2" -v c="$n1" -v d="$n2" \
	'BEGIN { printf "ratio klynge/nginx: %.3f; without page cache: %.3f\n", (a + b) / (c + d), (u + v) / (c + d) }'
echo "klynge peak RSS: $rss (without page cache: $urss)"
echo "responses not 2xx in any run: $non2xx"
