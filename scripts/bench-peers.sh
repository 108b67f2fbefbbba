#!/usr/bin/env bash
# Times lede against the terminal readers a user would pick instead, side by
# side, on the same generated files, in one run:
#   time to first screen (a line of the article's body on screen),
#   time to show a number written once near the end after searching for it,
#   peak memory.
# Peers are installed by this script into PEERS_DIR from the registries:
# treemd and md-tui (crates.io), frogmouth (PyPI), less and bat (Debian).
# lede is built here (cargo build --release), as is the generator of the files.
#
#   scripts/bench-peers.sh                     # all peers; seed, 5 MB md, 100 MB txt
#   PEERS="less treemd" RUNS=3 scripts/bench-peers.sh
#   FILES="5mb.md" scripts/bench-peers.sh      # some of: seed 5mb.md 100mb.txt
#   METHOD=tmux scripts/bench-peers.sh         # poll a tmux pane instead
#   DUMP=1 scripts/bench-peers.sh              # keep each matched screen
#   TIMEOUT_S=240 scripts/bench-peers.sh       # seconds per step (default 120)
#
# METHOD=pty (the default): scripts/peer_drive.py starts each reader on a pty
# at 200x60 and feeds its output to a terminal emulator (pyte, installed into
# PEERS_DIR/driver); a needle counts when a row of the emulated screen shows
# it, timed to the read that brought it (well under a millisecond of
# overhead); memory is the child's ru_maxrss. METHOD=tmux polls `tmux
# capture-pane` every 2 ms and reads memory from /usr/bin/time: about 30 ms of
# every figure is tmux and polling.
#
# Both methods look for the same texts on screen: a phrase of the first body
# paragraph (not the title, which an outline pane shows before the body), and
# the number with a word beside it (a search prompt echoes the number alone).
#
# Prints one Markdown table (median and min of RUNS; ratio peer / lede) on
# standard output; progress on standard error. Raw runs: WORK_DIR/runs.jsonl.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
peers_dir=${PEERS_DIR:-$top/target/peers}
work=${WORK_DIR:-$top/target/bench-peers}
runs=${RUNS:-5}
timeout_s=${TIMEOUT_S:-120}
# A reader slower than this on its first run (frogmouth: a minute on 5 MB) is
# run once: its ratio does not need a median, and RUNS of it take too long.
slow_ms=${SLOW_MS:-20000}
method=${METHOD:-pty}
peers=${PEERS:-"less bat treemd md-tui frogmouth"}
files=${FILES:-"seed 5mb.md 100mb.txt"}
socket="lede-bench-$$"
driver="$top/scripts/peer_drive.py"
py="$peers_dir/driver/bin/python"
mkdir -p "$peers_dir" "$work"

log() { printf '%s\n' "$*" >&2; }

apt_install() {
    [ -n "${apt_updated:-}" ] || { apt-get update -qq; apt_updated=1; }
    apt-get install -y -qq "$@" >/dev/null
}

# A peer from crates.io, with its own lock file when that still resolves (a
# yanked pin in it makes --locked fail; then the newest compatible versions).
crate_install() {
    cargo install --quiet --locked --root "$peers_dir" "$1" ||
        cargo install --quiet --root "$peers_dir" "$1"
}

install_tools() {
    case $method in
        pty)
            command -v python3 >/dev/null || apt_install python3 python3-venv
            if ! { [ -x "$py" ] && "$py" -c 'import pyte' 2>/dev/null; }; then
                # Debian's python3 makes venvs only with python3-venv.
                python3 -m venv "$peers_dir/driver" 2>/dev/null || {
                    rm -rf "$peers_dir/driver"
                    apt_install python3-venv
                    python3 -m venv "$peers_dir/driver"
                }
                "$peers_dir/driver/bin/pip" install --quiet 'pyte==0.8.2'
            fi ;;
        tmux)
            command -v tmux >/dev/null || apt_install tmux
            [ -x /usr/bin/time ] || apt_install time
            py=python3 ;;
        *) log "METHOD must be pty or tmux, not '$method'"; exit 2 ;;
    esac
    for p in $peers; do
        case $p in
            less) command -v less >/dev/null || apt_install less ;;
            bat) command -v batcat >/dev/null || command -v bat >/dev/null || apt_install bat ;;
            treemd) [ -x "$peers_dir/bin/treemd" ] || crate_install treemd ;;
            md-tui) [ -x "$peers_dir/bin/mdt" ] || crate_install md-tui ;;
            frogmouth) [ -x "$peers_dir/py/bin/frogmouth" ] || {
                python3 -m venv "$peers_dir/py" && "$peers_dir/py/bin/pip" install --quiet frogmouth; } ;;
            *) log "unknown peer '$p' (known: less bat treemd md-tui frogmouth)"; exit 2 ;;
        esac
    done
}

bat_bin() { command -v batcat || command -v bat; }

# The command line (one word per line) that opens FILE in reader NAME.
reader_argv() {
    local name=$1 file=$2
    case $name in
        # --no-remember: every run opens at the top, not where the last one quit.
        lede) printf '%s\n' "$top/target/release/lede" --no-remember "$file" ;;
        less) printf '%s\n' less "$file" ;;
        # bat pages through less (-R): the search is less's, on bat's output.
        bat) printf '%s\n' "$(bat_bin)" --paging=always --style=plain --color=always "$file" ;;
        treemd) printf '%s\n' "$peers_dir/bin/treemd" "$file" ;;
        md-tui) printf '%s\n' "$peers_dir/bin/mdt" "$file" ;;
        frogmouth) printf '%s\n' "$peers_dir/py/bin/frogmouth" "$file" ;;
    esac
}

# The keys that search the whole document for WORD, or nothing when the
# reader has no such search (then reader_no_search says why).
search_keys() {
    case $1 in
        lede | less | bat | md-tui) printf '/%s\\r' "$2" ;;
    esac
}
reader_no_search() {
    case $1 in
        treemd) echo "no whole-document search: / searches the selected section" ;;
        frogmouth) echo "no search in the document: / opens the omnibox (files, URLs)" ;;
    esac
}
quit_keys() { case $1 in frogmouth) echo '^Q' ;; *) echo q ;; esac; }

reader_label() {
    local v=""
    case $1 in
        lede) v=$("$top/target/release/lede" --version 2>/dev/null | awk '{print $2}') ;;
        less) v=$(less --version 2>/dev/null | awk 'NR==1{print $2}') ;;
        bat) v=$("$(bat_bin)" --version 2>/dev/null | awk '{print $2}') ;;
        treemd) v=$("$peers_dir/bin/treemd" --version 2>/dev/null | awk '{print $2}') ;;
        md-tui) v=$(grep -m1 -o 'md-tui [0-9.]*' "$peers_dir/.crates.toml" 2>/dev/null | awk '{print $2}') ;;
        frogmouth) v=$("$peers_dir/py/bin/pip" show frogmouth 2>/dev/null | awk '/^Version/{print $2}') ;;
    esac
    echo "$1${v:+ $v}"
}

# ---- METHOD=tmux: poll a pane ----------------------------------------------

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Polls the pane until one of the texts (grep -e args) shows; prints the
# elapsed ms, or "null" on timeout.
wait_for() {
    local start=$1 deadline=$(( $(now_ms) + timeout_s * 1000 ))
    shift
    while [ "$(now_ms)" -lt "$deadline" ]; do
        if tmux -L "$socket" capture-pane -p -t bench 2>/dev/null | grep -qF "$@"; then
            echo $(( $(now_ms) - start ))
            return
        fi
        sleep 0.002
    done
    echo null
}

# One run in tmux; prints a JSON object like peer_drive.py's.
tmux_once() {
    local name=$1 file=$2 first=$3 keys=$4 note=$5 memfile="$work/mem.$$"
    shift 5
    local found=()
    for f in "$@"; do found+=(-e "$f"); done
    rm -f "$memfile"
    local cmd="" w
    while IFS= read -r w; do cmd+=" $(printf '%q' "$w")"; done < <(reader_argv "$name" "$file")
    local start t_first t_search=null
    start=$(now_ms)
    tmux -L "$socket" new-session -d -s bench -x 200 -y 60 \
        "env -u LESS -u PAGER -u BAT_PAGER LESSHISTFILE=- /usr/bin/time -f %M -o '$memfile' $cmd"
    t_first=$(wait_for "$start" -e "$first")
    if [ "$t_first" != null ] && [ -n "$keys" ]; then
        sleep 0.3
        local s
        s=$(now_ms)
        # send-keys -l types the text literally; Enter separately.
        tmux -L "$socket" send-keys -t bench -l "${keys%\\r}"
        tmux -L "$socket" send-keys -t bench Enter
        t_search=$(wait_for "$s" "${found[@]}")
    fi
    case $name in
        frogmouth) tmux -L "$socket" send-keys -t bench C-q ;;
        *) tmux -L "$socket" send-keys -t bench q ;;
    esac
    for _ in $(seq 1 500); do
        tmux -L "$socket" has-session -t bench 2>/dev/null || break
        sleep 0.01
    done
    tmux -L "$socket" kill-server 2>/dev/null || true
    local mem=null
    [ -s "$memfile" ] && mem=$(tail -n 1 "$memfile")
    rm -f "$memfile"
    local notes=()
    [ -n "$note" ] && notes+=("\"$note\"")
    [ "$t_first" = null ] && notes+=('"timeout"')
    local notes_json
    notes_json=$(IFS=,; echo "[${notes[*]}]")
    printf '{"first_ms": %s, "search_ms": %s, "peak_kib": %s, "notes": %s}\n' \
        "$t_first" "$t_search" "$mem" "$notes_json"
}

# ---- one reader on one file, RUNS times -------------------------------------

# Appends one JSON line per run to the results, labelled with file and reader.
bench_reader() {
    local label=$1 file=$2 name=$3 first=$4 word=$5
    shift 5
    local keys="" note
    [ -n "$word" ] && keys=$(search_keys "$name" "$word")
    note=$(reader_no_search "$name")
    [ -n "$word" ] || note=""
    local rlabel i json
    rlabel=$(reader_label "$name")
    for i in $(seq 1 "$runs"); do
        log "  $label  $rlabel  run $i/$runs"
        if [ "$method" = pty ]; then
            local args=(--first "$first" --quit "$(quit_keys "$name")" --timeout "$timeout_s")
            if [ -n "$keys" ]; then
                args+=(--keys "$keys")
                for f in "$@"; do args+=(--found "$f"); done
            fi
            [ -n "$note" ] && args+=(--note "$note")
            [ -n "${DUMP:-}" ] && args+=(--dump "$work/screen.$label.$name.$i")
            local argv=()
            mapfile -t argv < <(reader_argv "$name" "$file")
            json=$("$py" "$driver" "${args[@]}" -- "${argv[@]}")
        else
            json=$(tmux_once "$name" "$file" "$first" "$keys" "$note" "$@")
        fi
        printf '{"file": "%s", "reader": "%s", "label": "%s", "method": "%s", %s\n' \
            "$label" "$name" "$rlabel" "$method" "${json#\{}" >>"$results"
        # A reader that did not draw in time will not draw in the next run either.
        if [[ $json == *'"first_ms": null'* ]]; then
            log "  $label  $rlabel  no first screen within ${timeout_s}s: no more runs"
            break
        fi
        local ms
        ms=$(printf '%s' "$json" | "$py" -c 'import json,sys; print(int(json.load(sys.stdin)["first_ms"]))')
        if [ "$ms" -gt "$slow_ms" ]; then
            log "  $label  $rlabel  first screen after ${ms} ms (over SLOW_MS=$slow_ms): no more runs"
            break
        fi
    done
}

bench_file() {
    local label=$1 file=$2
    shift 2
    local nd first word
    nd=$("$py" "$driver" needles "$file")
    first=$(printf '%s' "$nd" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["first"] or "")')
    word=$(printf '%s' "$nd" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["search"] or "")')
    local found=()
    mapfile -t found < <(printf '%s' "$nd" | "$py" -c 'import json,sys; print("\n".join(json.load(sys.stdin)["found"]))')
    if [ -z "$first" ]; then
        log "$label: no body line to look for; skipped"
        return
    fi
    log "$label: first screen shows \"$first\"; search ${word:-(none)} shows ${found[*]:-}"
    for name in lede "$@"; do
        bench_reader "$label" "$file" "$name" "$first" "$word" "${found[@]}"
    done
}

main() {
    install_tools
    cargo build --release --quiet
    cargo build --release --quiet --example gen_news
    local gen="$top/target/release/examples/gen_news"
    [ -f "$work/5mb.md" ] || "$gen" --bytes 5000000 --format md >"$work/5mb.md"
    [ -f "$work/100mb.txt" ] || "$gen" --bytes 100000000 --format txt >"$work/100mb.txt"
    local seed="$top/seeds/000_a8106be745b31416.txt"
    results="$work/runs.jsonl"
    local load_before
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    : >"$results"

    # The pagers read any text; the Markdown readers only the Markdown file.
    local pagers="" p
    for p in $peers; do case $p in less | bat) pagers+=" $p" ;; esac; done
    # shellcheck disable=SC2086
    {
        case " $files " in *" seed "*) bench_file seed "$seed" $pagers ;; esac
        case " $files " in *" 5mb.md "*) bench_file 5mb.md "$work/5mb.md" $peers ;; esac
        case " $files " in *" 100mb.txt "*) bench_file 100mb.txt "$work/100mb.txt" $pagers ;; esac
    }

    echo "Method $method, ${runs} runs, median (min) in ms from starting the reader; 200x60; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after, $(nproc) cores."
    echo
    "$py" "$driver" table "$results"
}

main "$@"
