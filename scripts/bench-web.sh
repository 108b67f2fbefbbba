#!/usr/bin/env bash
# Times lede against trafilatura (Python, from PyPI, in a venv this script
# makes under target/) reading the article out of the same web pages in the
# same run, by CPU time, and prints the ratio.
#
#   scripts/bench-web.sh [PAGES_DIR]
#
# PAGES_DIR holds .html or .html.gz pages (default ../shared/eval/web-dev/html).
# Other work on the machine slows both alike; CPU time, not wall time, is
# compared. Prints the load average with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
pages_dir=${1:-../shared/eval/web-dev/html}
if [ ! -d "$pages_dir" ]; then
    echo "bench-web: no pages at $pages_dir (the team's evaluation sets live beside the repository)" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in "$pages_dir"/*; do
    case "$f" in
        *.html.gz) gzip -dc "$f" > "$work/$(basename "$f" .gz)" ;;
        *.html) cp "$f" "$work/" ;;
    esac
done
venv=target/bench-web-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet trafilatura lxml_html_clean
fi
cargo build --release --quiet --example web_speed
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
lede_line=$(LEDE_REPEAT=${LEDE_REPEAT:-5} target/release/examples/web_speed "$work"/*.html)
traf_line=$("$venv/bin/python" - "$work" <<'PY'
import os, sys, time
import trafilatura
d = sys.argv[1]
pages = [open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
         for f in sorted(os.listdir(d)) if f.endswith(".html")]
trafilatura.extract(pages[0])  # imports and caches warm before timing
size = sum(len(p.encode()) for p in pages)
start = time.process_time()
for p in pages:
    trafilatura.extract(p)
cpu = time.process_time() - start
print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {size/1e6:.1f} MB, "
      f"cpu {cpu:.2f} s, {size/1e6/cpu:.1f} MB/s, {cpu*1000/len(pages):.2f} ms a page")
PY
)
echo "$lede_line"
echo "$traf_line"
lede_rate=$(echo "$lede_line" | sed -E 's/.* ([0-9.]+) MB\/s.*/\1/')
traf_rate=$(echo "$traf_line" | sed -E 's/.* ([0-9.]+) MB\/s.*/\1/')
python3 -c "print(f'lede / trafilatura: {float($lede_rate)/float($traf_rate):.1f}x the throughput (CPU time)')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
