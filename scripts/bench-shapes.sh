#!/usr/bin/env bash
# The README's table of input shapes (issue 17, RELIABILITY.md G4): for each
# shape of article, at 10 and 100 MB, as .txt, as .md and piped into standard
# input, the reader's first-screen time and peak memory, and print mode's
# peak memory. The shapes are the ones that cost most per byte:
#   para   news paragraphs, about 200 bytes each
#   xnn    `x\n\n` over and over (a block every three bytes)
#   list   a flat `- item` list
#   loose  a flat loose list (`- item` and a blank line, over and over)
#   emph   Markdown paragraphs heavy with *emphasis*, **strong** and links
#   line   one long line of words
# Every file starts with a title line and ends with an end marker.
#
#   scripts/bench-shapes.sh                    # everything (half an hour)
#   SIZES=10 SHAPES="xnn list" scripts/bench-shapes.sh
#   FORMS="txt pipe" scripts/bench-shapes.sh   # some of: txt md pipe
#   LEDE=/tmp/lede-old scripts/bench-shapes.sh # another binary, not built
#
# First screen: scripts/peer_drive.py starts the reader on a pty at 200x60
# and feeds its output to a terminal emulator (pyte, installed into
# target/peers/driver): the time from fork to the first screen showing the
# title, wall time, so quote the load average printed with the table.
# Reader memory: /usr/bin/time's max RSS of the reader in a tmux pane at
# 200x60, after `G` has brought the end on screen and the status line says
# neither "reading" nor "finding" (the whole article parsed, its entities
# found). Print memory: /usr/bin/time's max RSS of `lede -p FILE > /dev/null`.
#
# Prints one Markdown table on standard output, progress on standard error.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
work=${WORK_DIR:-$top/target/bench-shapes}
sizes=${SIZES:-"10 100"}
shapes=${SHAPES:-"para xnn list loose emph line"}
forms=${FORMS:-"txt md pipe"}
timeout_s=${TIMEOUT_S:-300}
peers_dir=$top/target/peers
py=$peers_dir/driver/bin/python
bin=${LEDE:-$top/target/release/lede}
mkdir -p "$work"

log() { printf '%s\n' "$*" >&2; }

if ! { [ -x "$py" ] && "$py" -c 'import pyte' 2>/dev/null; }; then
    python3 -m venv "$peers_dir/driver"
    "$peers_dir/driver/bin/pip" install --quiet 'pyte==0.8.2'
fi
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -n "${LEDE:-}" ] || cargo build --release --quiet

TITLE="Shapes of articles under a budget"
END="THE END marker"

# gen SHAPE MB FILE
gen() {
    python3 - "$1" "$2" "$3" "$TITLE" "$END" <<'PY'
import sys
shape, mb, path, title, end = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
size = mb * 1024 * 1024
unit = {
    'para': ''.join(
        f'The council met on Monday in Oslo, and paragraph {i} says the budget vote '
        f'was close. Anna Berg said the talks would go on, and {i + 40} members agreed.\n\n'
        for i in range(100)),
    'xnn': 'x\n\n',
    'list': '- item\n',
    'loose': '- item\n\n',
    'emph': ''.join(
        f'A *short* phrase with **strong** words and a [link](http://example.org/{i}) '
        f'in it, said *Anna* to `the council` in **Oslo**.\n\n'
        for i in range(100)),
    'line': 'word ',
}[shape]
head = title + '\n\n'
body = unit * ((size - len(head)) // len(unit))
tail = (' ' if shape == 'line' else '\n\n') + end + '\n'
with open(path, 'w') as f:
    f.write(head + body + tail)
PY
}

# first_screen CMD...: milliseconds to the title on screen.
first_screen() {
    "$py" scripts/peer_drive.py --first "$TITLE" --timeout "$timeout_s" -- "$@" |
        python3 -c 'import json,sys; r=json.load(sys.stdin); print(r.get("first_ms") if r.get("first_ms") is not None else "-")'
}

# reader_mb SHELL-COMMAND: the reader's peak RSS in MB once all is in.
reader_mb() {
    local sock="lede-shapes-$$" mem="$work/mem.txt"
    rm -f "$mem"
    tmux -L "$sock" new-session -d -x 200 -y 60 \
        "/usr/bin/time -f %M -o $mem sh -c '$1'; sleep 600"
    local deadline=$((SECONDS + timeout_s)) screen=""
    local done_g=""
    while [ $SECONDS -lt $deadline ]; do
        screen=$(tmux -L "$sock" capture-pane -p 2>/dev/null || true)
        if [ -z "$done_g" ] && grep -q "$TITLE" <<<"$screen"; then
            tmux -L "$sock" send-keys G
            done_g=1
        elif [ -n "$done_g" ] && grep -q "$END" <<<"$screen" &&
            ! grep -qE "reading|finding" <<<"$screen"; then
            break
        fi
        sleep 0.2
    done
    tmux -L "$sock" send-keys q
    local waited=0
    while [ ! -s "$mem" ] && [ $waited -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
    tmux -L "$sock" kill-server 2>/dev/null || true
    if [ -s "$mem" ]; then echo $(( $(tail -1 "$mem") / 1024 )); else echo "-"; fi
}

# print_mb FILE-OR-PIPE: print mode's peak RSS in MB.
print_mb() {
    local mem="$work/pmem.txt"
    /usr/bin/time -f %M -o "$mem" sh -c "$1" >/dev/null 2>&1 || true
    echo $(( $(tail -1 "$mem") / 1024 ))
}

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| shape | MB | form | first screen ms | reader peak MB | print peak MB | bar (4x + 30 / 2x + 30) |"
echo "|---|---:|---|---:|---:|---:|---|"
for mb in $sizes; do
    for shape in $shapes; do
        txt="$work/$shape-$mb.txt"
        md="$work/$shape-$mb.md"
        [ -s "$txt" ] || gen "$shape" "$mb" "$txt"
        [ -s "$md" ] || cp "$txt" "$md"
        for form in $forms; do
            case $form in
                txt) cmd="$bin --no-remember $txt"; pcmd="$bin -p $txt" ;;
                md) cmd="$bin --no-remember $md"; pcmd="$bin -p $md" ;;
                pipe) cmd="cat $txt | $bin --no-remember"; pcmd="cat $txt | $bin -p" ;;
            esac
            log "$shape $mb MB $form"
            first=$(first_screen sh -c "$cmd")
            rmem=$(reader_mb "$cmd")
            pmem=$(print_mb "$pcmd")
            echo "| $shape | $mb | $form | $first | $rmem | $pmem | $((4 * mb + 30)) / $((2 * mb + 30)) |"
        done
    done
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
