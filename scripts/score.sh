#!/usr/bin/env bash
# Scores `lede entities --json` with eval/score.py on the seed and gum-dev
# (Wikinews), both in the repository, and on the gum-genres sets bio
# (Wikipedia biographies) and voyage (Wikivoyage guides), which live only in
# ../shared/eval (scripts/check-entities checks their floors).
# Usage: scripts/score.sh [--errors] [--no-build] [--table] [--holdout] [SET...]
#   SET: seed, dev, bio, voyage (default: all four)
#   --table: one line per set and type, overlap F1 (strict F1), for the README
#   --holdout: bio and voyage are also scored in two parts, every 4th file
#     (sorted by name, the 4th, 8th, ...) as a holdout and the rest; --errors
#     then lists the rest's errors only, so the holdout stays unseen and
#     tells whether a rule generalises.
# Predictions go to ${OUT:-/tmp/lede-score}/SET.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="$root/eval"
shared="$root/../shared/eval"
out="${OUT:-/tmp/lede-score}"
errors=""
holdout=0
build=1
table=0
sets=()
for arg in "$@"; do
  case "$arg" in
    --errors) errors="--errors" ;;
    --no-build) build=0 ;;
    --table) table=1 ;;
    --holdout) holdout=1 ;;
    seed | dev | bio | voyage) sets+=("$arg") ;;
    *) echo "usage: $0 [--errors] [--no-build] [--table] [--holdout] [seed|dev|bio|voyage...]" >&2; exit 2 ;;
  esac
done
[ ${#sets[@]} -gt 0 ] || sets=(seed dev bio voyage)
[ -f "$eval_dir/score.py" ] || { echo "missing $eval_dir/score.py" >&2; exit 1; }
if [ "$build" = 1 ]; then
  (cd "$root" && cargo build --release --quiet)
fi
bin="$root/target/release/lede"

# articles directory and gold (file or directory) of a set
paths() {
  case "$1" in
    seed) echo "$root/seeds $eval_dir/gold/000_a8106be745b31416.json" ;;
    dev) echo "$eval_dir/gum-dev/articles $eval_dir/gum-dev/gold" ;;
    bio) echo "$shared/gum-genres/bio/articles $shared/gum-genres/bio/gold" ;;
    voyage) echo "$shared/gum-genres/voyage/articles $shared/gum-genres/voyage/gold" ;;
  esac
}

for set in "${sets[@]}"; do
  read -r articles gold <<<"$(paths "$set")"
  rm -rf "${out:?}/$set"
  mkdir -p "$out/$set"
  if [ "$set" = seed ]; then
    "$bin" entities --json "$articles/000_a8106be745b31416.txt" > "$out/$set/000_a8106be745b31416.json"
    pred="$out/$set/000_a8106be745b31416.json"
  else
    for f in "$articles"/*.txt; do
      "$bin" entities --json "$f" > "$out/$set/$(basename "$f" .txt).json"
    done
    pred="$out/$set"
  fi
  if [ "$holdout" = 1 ] && [ "$set" != seed ] && [ "$set" != dev ]; then
    # gold split by position: every 4th file is the holdout
    for part in rest holdout; do
      rm -rf "${out:?}/$set-$part"
      mkdir -p "$out/$set-$part"
    done
    i=0
    for g in "$gold"/*.json; do
      i=$((i + 1))
      if [ $((i % 4)) = 0 ]; then part=holdout; else part=rest; fi
      ln -s "$g" "$out/$set-$part/"
    done
    echo "== $set (rest)"
    python3 "$eval_dir/score.py" $errors "$out/$set-rest" "$pred"
    echo "== $set (holdout: every 4th file)"
    python3 "$eval_dir/score.py" "$out/$set-holdout" "$pred" | grep -E '^(overlap|strict)'
    continue
  fi
  report="$(python3 "$eval_dir/score.py" $errors "$gold" "$pred")"
  if [ "$table" = 1 ]; then
    # set | actor | place | number | overall, each "overlap (strict)"
    python3 - "$set" <<PY
import re, sys
rep = """$report"""
f = {}
for line in rep.splitlines():
    key = line.split()[0] if line.strip() else ""
    if key not in ("overlap", "strict"):
        continue
    for t, v in re.findall(r"(actor|place|number|overall) P=\S+ R=\S+ F1=(\S+)", line):
        f[(key, t)] = v
cells = [f"{f[('overlap', t)]} ({f[('strict', t)]})" for t in ("actor", "place", "number", "overall")]
print(f"| {sys.argv[1]} | " + " | ".join(cells) + " |")
PY
  else
    echo "== $set"
    echo "$report"
  fi
done
