#!/usr/bin/env bash
# Times lede on a feed of 500 items with full content, and newsboat (Debian's
# package) on the same file, in one run:
#   - lede's own steps (examples/feed_speed.rs, in process): the list on
#     screen after the file is read, the names across every item, an item
#     opened, a page opened from the cache;
#   - both readers started on a pty (scripts/peer_drive.py, through a
#     terminal emulator): fork to the feed's items listed on screen.
# newsboat is given the file as a `file://` feed with `-r` (reload at start),
# so it parses the same bytes lede does; its first screen is the list of
# feeds, and the reload is done when that list counts the items
# ("(500/500)"); then Enter is typed to list the items, and its figure is
# the two steps added (the pause between them, while the screen settles, is
# not counted). Its second figure is a start with the items already in its
# database (no reload): the list from its cache.
#
#   scripts/bench-feeds.sh            # RUNS=5 by default
#   RUNS=9 scripts/bench-feeds.sh
#
# Prints what it measured and the load average; raw runs in
# target/bench-feeds/runs.jsonl.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
runs=${RUNS:-5}
work=$top/target/bench-feeds
peers_dir=$top/target/peers
py=$peers_dir/driver/bin/python
driver=$top/scripts/peer_drive.py
mkdir -p "$work" "$peers_dir"

apt_install() {
    [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
    apt-get install -y -qq "$@" >/dev/null
}
command -v newsboat >/dev/null || apt_install newsboat
if ! { [ -x "$py" ] && "$py" -c 'import pyte' 2>/dev/null; }; then
    python3 -m venv "$peers_dir/driver" 2>/dev/null || {
        rm -rf "$peers_dir/driver"
        apt_install python3-venv
        python3 -m venv "$peers_dir/driver"
    }
    "$peers_dir/driver/bin/pip" install --quiet 'pyte==0.8.2'
fi

cargo build --release --quiet --bin lede --example feed_speed
feed=$work/feed500.xml
target/release/examples/feed_speed --write "$feed"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
LEDE_REPEAT=${LEDE_REPEAT:-15} target/release/examples/feed_speed "$feed"

# The newest item's title: what both list first.
first=$(target/release/lede --json "$feed" | "$py" -c '
import json, sys
items = json.loads(sys.stdin.readline())["items"]
items.sort(key=lambda i: i["date"] or "", reverse=True)
print(items[0]["title"][:40])')

nb=$work/newsboat
rm -rf "$nb" && mkdir -p "$nb"
echo "file://$feed" >"$nb/urls"
: >"$nb/config"
: >"$work/runs.jsonl"
for i in $(seq "$runs"); do
    rm -rf "$work/state" "$nb/cache.db" "$nb/cache.db.lock"
    XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config \
        "$py" "$driver" --first "$first" --size 160x48 --note "lede run $i" -- \
        target/release/lede "$feed" >>"$work/runs.jsonl"
    echo >>"$work/runs.jsonl"
    "$py" "$driver" --first "(500/500)" --keys '\r' --found "$first" --size 160x48 \
        --quit 'qq' --note "newsboat -r run $i" -- \
        newsboat -r -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" >>"$work/runs.jsonl"
    echo >>"$work/runs.jsonl"
    "$py" "$driver" --first "(500/500)" --keys '\r' --found "$first" --size 160x48 \
        --quit 'qq' --note "newsboat cached run $i" -- \
        newsboat -u "$nb/urls" -c "$nb/cache.db" -C "$nb/config" >>"$work/runs.jsonl"
    echo >>"$work/runs.jsonl"
done
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$py" - "$work/runs.jsonl" <<'EOF'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if not line:
        continue
    r = json.loads(line)
    who = r["notes"][0].rsplit(" run ", 1)[0]
    # lede lists the items on its first screen; newsboat after Enter.
    if who == "lede":
        ms = r.get("first_ms")
    else:
        first, search = r.get("first_ms"), r.get("search_ms")
        ms = None if first is None or search is None else first + search
    rows.setdefault(who, []).append(ms)
base = None
for who, ms in rows.items():
    ok = sorted(m for m in ms if m is not None)
    if not ok:
        print(f"{who}: no run showed the list ({len(ms)} runs)")
        continue
    med = statistics.median(ok)
    base = base or med
    print(f"{who}: items on screen median {med:.0f} ms, min {ok[0]:.0f} ms "
          f"({len(ok)}/{len(ms)} runs), {med / base:.1f}x lede")
EOF
