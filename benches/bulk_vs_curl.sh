#!/usr/bin/env bash
# Bulk submission figures, in one run against one local desk (`cartsaver-desk serve` on
# 127.0.0.1, port 0, a temp database, release binaries):
#   - rows/s for `cartsaver-support bulk` at its default concurrency (8);
#   - rows/s for the same kind of tickets posted by `xargs -P 8 curl`, one curl per row, which is
#     what a script author would otherwise write (distinct orders, so the duplicate guard passes);
#   - their ratio (goal: >= 3x);
#   - peak RSS of `bulk` sending 20,000 rows to the desk (memory stays flat: the file is read a row
#     at a time and at most 4 x concurrency rows are between dispatch and writing);
#   - rows/s and peak RSS of `check --file` validating 1,000,000 rows (goal: <= 50 MiB).
# Traffic goes to 127.0.0.1 only; everything stops by itself and the temp folder is removed.
#
# Usage: benches/bulk_vs_curl.sh   (ROWS=2000, RSS_ROWS=20000 and BIG=1000000 by default)
set -euo pipefail

ROWS=${ROWS:-2000}
RSS_ROWS=${RSS_ROWS:-20000}
BIG=${BIG:-1000000}
STORE=cool-shop.myshopify.com

cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "curl is not installed; apt-get install curl" >&2; exit 1; }
cargo build --release --bins --quiet
target=${CARGO_TARGET_DIR:-target}

work=$(mktemp -d)
desk_pid=
cleanup() {
    if [ -n "$desk_pid" ]; then kill "$desk_pid" 2>/dev/null || true; wait "$desk_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Private copies: a shared target folder may be rebuilt by someone else mid-run.
cp "$target/release/cartsaver-support" "$target/release/cartsaver-desk" "$work/"
cli=$work/cartsaver-support
desk=$work/cartsaver-desk

# A scrubbed environment: no caller settings, a fixed clock.
for var in $(env | grep -o '^CARTSAVER_[A-Z_]*' || true); do unset "$var"; done
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data TZ=UTC
export CARTSAVER_NOW=2026-11-20T14:30:00Z

token=$("$desk" --db "$work/desk.sqlite3" token create --store "$STORE" 2>"$work/token.err")
"$desk" --db "$work/desk.sqlite3" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
desk_pid=$!
for _ in $(seq 100); do
    grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/serve.out" | head -n1)
[ -n "$url" ] || { echo "the desk did not start:" >&2; cat "$work/serve.err" >&2; exit 1; }

# The same ticket shape for both, each with its own order number.
awk -v n="$ROWS" -v store="$STORE" 'BEGIN {
    print "store,order,phone,channel,at,tried,email,plan"
    for (i = 1; i <= n; i++)
        printf "%s,B%d,+201001234567,whatsapp,2026-11-20T14:03:00Z,resent the OTP|checked the number,owner@cool-shop.com,advanced\n", store, i
}' >"$work/bulk.csv"
awk -v n="$ROWS" -v store="$STORE" 'BEGIN {
    for (i = 1; i <= n; i++)
        printf "{\"store\":\"%s\",\"order\":\"C%d\",\"phone\":\"+201001234567\",\"channel\":\"whatsapp\",\"at\":\"2026-11-20T14:03:00Z\",\"tried\":[\"resent the OTP\",\"checked the number\"],\"email\":\"owner@cool-shop.com\",\"plan\":\"advanced\"}\n", store, i
}' >"$work/bodies.jsonl"

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }

# Run a command; its peak RSS in KiB goes to $work/rss. GNU time when installed, else the
# process's VmHWM, polled.
peak_rss() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$work/time.txt" "$@"
        sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt" >"$work/rss"
    else
        "$@" &
        local pid=$! hwm rss=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && [ "$hwm" -gt "$rss" ] && rss=$hwm
            sleep 0.05
        done
        wait "$pid"
        echo "$rss" >"$work/rss"
    fi
}

start=$(now)
CARTSAVER_DESK=$url CARTSAVER_TOKEN=$token "$cli" bulk "$work/bulk.csv" --quiet --results "$work/results.csv"
end=$(now)
created=$(grep -c ',created,' "$work/results.csv" || true)
[ "$created" -eq "$ROWS" ] || { echo "bulk created $created of $ROWS rows" >&2; exit 1; }
bulk_rate=$(rate "$ROWS" "$start" "$end")

start=$(now)
xargs -P 8 -d '\n' -I{} curl -sS -o /dev/null -w '%{http_code}\n' \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary {} "$url/v1/tickets" <"$work/bodies.jsonl" >"$work/codes.txt"
end=$(now)
curl_created=$(grep -c '^201$' "$work/codes.txt" || true)
[ "$curl_created" -eq "$ROWS" ] || { echo "curl created $curl_created of $ROWS rows:" >&2; sort "$work/codes.txt" | uniq -c >&2; exit 1; }
curl_rate=$(rate "$ROWS" "$start" "$end")

awk -v n="$RSS_ROWS" -v store="$STORE" 'BEGIN {
    print "store,order,phone,channel,at,tried,email,plan"
    for (i = 1; i <= n; i++)
        printf "%s,M%d,+201001234567,whatsapp,2026-11-20T14:03:00Z,resent the OTP|checked the number,owner@cool-shop.com,advanced\n", store, i
}' >"$work/many.csv"
start=$(now)
peak_rss env CARTSAVER_DESK="$url" CARTSAVER_TOKEN="$token" \
    "$cli" bulk "$work/many.csv" --quiet --results "$work/many.results.csv"
end=$(now)
bulk_rss_kib=$(cat "$work/rss")
created=$(grep -c ',created,' "$work/many.results.csv" || true)
[ "$created" -eq "$RSS_ROWS" ] || { echo "bulk created $created of $RSS_ROWS rows" >&2; exit 1; }
many_rate=$(rate "$RSS_ROWS" "$start" "$end")

kill "$desk_pid"; wait "$desk_pid" 2>/dev/null || true; desk_pid=

awk -v n="$BIG" -v store="$STORE" 'BEGIN {
    print "store,order,phone,channel,at,tried,email,plan,details"
    for (i = 1; i <= n; i++)
        printf "%s,V%d,+2010%08d,whatsapp,2026-11-20T14:03:00Z,resent the OTP|checked the number,owner@cool-shop.com,advanced,\"expected an OTP,\nnone came\"\n", store, i, i % 100000000
}' >"$work/big.csv"
big_size=$(du -m "$work/big.csv" | cut -f1)

start=$(now)
peak_rss "$cli" check --quiet --file "$work/big.csv" >/dev/null
rss_kib=$(cat "$work/rss")
end=$(now)
check_rate=$(rate "$BIG" "$start" "$end")
check_seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

echo "bulk, concurrency 8:       $bulk_rate rows/s ($ROWS rows, 127.0.0.1)"
awk -v k="$bulk_rss_kib" -v n="$RSS_ROWS" -v r="$many_rate" 'BEGIN { printf "bulk peak RSS:             %.1f MiB (%d rows, %d rows/s, concurrency 8)\n", k / 1024, n, r }'
echo "xargs -P 8 curl:           $curl_rate rows/s ($ROWS rows, 127.0.0.1)"
awk -v a="$bulk_rate" -v b="$curl_rate" 'BEGIN { printf "ratio:                     %.1fx (goal >= 3x)\n", a / b }'
echo "check --file, $BIG rows: $check_rate rows/s (${check_seconds} s, ${big_size} MiB file)"
awk -v k="$rss_kib" 'BEGIN { printf "check --file peak RSS:     %.1f MiB (goal <= 50 MiB)\n", k / 1024 }'
