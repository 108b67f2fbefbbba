#!/usr/bin/env bash
# Times lede against the terminal readers a user would pick instead, side by
# side, on the same generated files, in one run:
#   time to first screen (tmux, polling the pane for a known line),
#   time to show a word near the end after a search (where the peer has `/`),
#   peak memory (/usr/bin/time).
# Peers are installed by this script into target/peers from the registries:
# treemd and md-tui (crates.io), frogmouth (PyPI), less and bat (Debian).
#
#   scripts/bench-peers.sh            # all peers, 5 MB Markdown, 100 MB text
#   PEERS="less treemd" RUNS=3 scripts/bench-peers.sh
#   FILES="100mb.txt" scripts/bench-peers.sh   # some of: seed 5mb.md 100mb.txt
#
# Prints one table: milliseconds per reader and the ratio peer / lede.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
peers_dir=${PEERS_DIR:-$top/target/peers}
work=${WORK_DIR:-$top/target/bench-peers}
runs=${RUNS:-5}
timeout_s=${TIMEOUT_S:-90}
peers=${PEERS:-"less bat treemd md-tui frogmouth"}
socket="lede-bench-$$"
mkdir -p "$peers_dir" "$work"

log() { printf '%s\n' "$*" >&2; }

# A peer from crates.io, with its own lock file when that still resolves (a
# yanked pin in it makes --locked fail; then the newest compatible versions).
crate_install() {
    cargo install --quiet --locked --root "$peers_dir" "$1" ||
        cargo install --quiet --root "$peers_dir" "$1"
}

install_peers() {
    command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux >/dev/null; }
    [ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    for p in $peers; do
        case $p in
            less) command -v less >/dev/null || apt-get install -y -qq less >/dev/null ;;
            bat) command -v batcat >/dev/null || command -v bat >/dev/null || apt-get install -y -qq bat >/dev/null ;;
            treemd) [ -x "$peers_dir/bin/treemd" ] || crate_install treemd ;;
            md-tui) [ -x "$peers_dir/bin/mdt" ] || crate_install md-tui ;;
            frogmouth) [ -x "$peers_dir/py/bin/frogmouth" ] || {
                python3 -m venv "$peers_dir/py" && "$peers_dir/py/bin/pip" install --quiet frogmouth; } ;;
        esac
    done
}

# The command line that opens FILE in reader NAME.
reader_cmd() {
    local name=$1 file=$2
    case $name in
        # --no-remember: every run opens at the top, not where the last one quit.
        lede) echo "$top/target/release/lede --no-remember '$file'" ;;
        less) echo "less '$file'" ;;
        bat) echo "$(command -v batcat || command -v bat) --paging=always --style=plain --color=always '$file'" ;;
        treemd) echo "$peers_dir/bin/treemd '$file'" ;;
        md-tui) echo "$peers_dir/bin/mdt '$file'" ;;
        frogmouth) echo "$peers_dir/py/bin/frogmouth '$file'" ;;
    esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Polls the pane until it shows TEXT on a line that is not the search prompt
# echoing it ("/TEXT"); prints the elapsed ms, or "-" on timeout.
wait_for() {
    local text=$1 start=$2 deadline=$(( $(now_ms) + timeout_s * 1000 ))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        if tmux -L "$socket" capture-pane -p -t bench 2>/dev/null |
            grep -vF -- "/$text" | grep -qF -- "$text"; then
            echo $(( $(now_ms) - start ))
            return
        fi
        sleep 0.002
    done
    echo "-"
}

# One run: first-screen ms, search ms, peak KiB.
run_once() {
    local name=$1 file=$2 first=$3 word=$4 memfile="$work/mem.$$"
    rm -f "$memfile"
    local cmd
    cmd=$(reader_cmd "$name" "$file")
    local start
    start=$(now_ms)
    tmux -L "$socket" new-session -d -s bench -x 200 -y 60 \
        "/usr/bin/time -f %M -o '$memfile' $cmd"
    local t_first t_search="-"
    t_first=$(wait_for "$first" "$start")
    if [ "$t_first" != "-" ] && [ -n "$word" ]; then
        case $name in
            lede|less|treemd)
                local s
                s=$(now_ms)
                tmux -L "$socket" send-keys -t bench "/$word" Enter
                t_search=$(wait_for "$word" "$s") ;;
        esac
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
    local mem="-"
    [ -s "$memfile" ] && mem=$(tail -n 1 "$memfile")
    echo "$t_first $t_search $mem"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }

bench_file() {
    local label=$1 file=$2 first=$3 word=$4
    shift 4
    for name in lede "$@"; do
        local firsts="" searches="" mems=""
        for _ in $(seq 1 "$runs"); do
            read -r f s m < <(run_once "$name" "$file" "$first" "$word")
            [ "$f" != "-" ] && firsts+="$f"$'\n'
            [ "$s" != "-" ] && searches+="$s"$'\n'
            [ "$m" != "-" ] && mems+="$m"$'\n'
        done
        printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$name" \
            "$(printf '%s' "$firsts" | grep . | median)" \
            "$(printf '%s' "$searches" | grep . | median)" \
            "$(printf '%s' "$mems" | grep . | median)"
    done
}

main() {
    install_peers
    cargo build --release --quiet
    cargo build --release --quiet --example gen_news
    local gen="$top/target/release/examples/gen_news"
    [ -f "$work/5mb.md" ] || "$gen" --bytes 5000000 --format md >"$work/5mb.md"
    [ -f "$work/100mb.txt" ] || "$gen" --bytes 100000000 --format txt >"$work/100mb.txt"
    local seed="$top/seeds/000_a8106be745b31416.txt"
    # A word that appears only near the end of each file, and the first line
    # each reader shows.
    local md_first md_word txt_first txt_word
    # (Trailing spaces trimmed: a reader that wraps there does not draw them.)
    md_first=$(grep -m1 -v '^\s*$' "$work/5mb.md" | sed 's/^#* *//' | cut -c1-30 | sed 's/ *$//')
    md_word=$(tail -c 2000 "$work/5mb.md" | grep -oE '\b[A-Z][a-z]{6,}\b' | tail -n 1)
    txt_first=$(head -n 1 "$work/100mb.txt" | cut -c1-30 | sed 's/ *$//')
    txt_word=$(tail -c 2000 "$work/100mb.txt" | grep -oE '\b[A-Z][a-z]{6,}\b' | tail -n 1)

    local results="$work/results.tsv"
    local files=${FILES:-"seed 5mb.md 100mb.txt"}
    {
        case " $files " in *" seed "*)
            bench_file seed "$seed" "After Tehran talks" "" less ;; esac
        # shellcheck disable=SC2086
        case " $files " in *" 5mb.md "*)
            bench_file 5mb.md "$work/5mb.md" "$md_first" "$md_word" $peers ;; esac
        case " $files " in *" 100mb.txt "*)
            bench_file 100mb.txt "$work/100mb.txt" "$txt_first" "$txt_word" less ;; esac
    } >"$results"

    printf '%-10s %-10s %10s %8s %10s %8s %10s\n' file reader first_ms ratio search_ms ratio peak_MiB
    awk -F'\t' '
        $2 == "lede" { lf[$1] = $3; ls[$1] = $4 }
        {
            r1 = ($3 != "-" && lf[$1] > 0) ? sprintf("%.1fx", $3 / lf[$1]) : "-"
            r2 = ($4 != "-" && $4 != "" && ls[$1] > 0) ? sprintf("%.1fx", $4 / ls[$1]) : "-"
            mem = ($5 != "-" && $5 != "") ? sprintf("%.0f", $5 / 1024) : "-"
            printf "%-10s %-10s %10s %8s %10s %8s %10s\n", $1, $2, ($3 == "" ? "-" : $3), r1, ($4 == "" ? "-" : $4), r2, mem
        }' "$results"
    log "(ratio = peer time / lede time; '-' = did not draw within ${timeout_s}s or not supported)"
}

main "$@"
