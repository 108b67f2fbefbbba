#!/usr/bin/env bash
# Scores `lede entities --json` on the seed and the gum-dev set with
# eval/score.py (all in the repository; scripts/check-entities scores the
# sets that live only in ../shared). Usage: scripts/score.sh [--errors] [--no-build]
# Predictions go to ${OUT:-/tmp/lede-score}.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="$root/eval"
seed="$root/seeds/000_a8106be745b31416.txt"
out="${OUT:-/tmp/lede-score}"
errors=""
build=1
for arg in "$@"; do
  case "$arg" in
    --errors) errors="--errors" ;;
    --no-build) build=0 ;;
    *) echo "usage: $0 [--errors] [--no-build]" >&2; exit 2 ;;
  esac
done
[ -f "$eval_dir/score.py" ] || { echo "missing $eval_dir/score.py" >&2; exit 1; }
if [ "$build" = 1 ]; then
  (cd "$root" && cargo build --release --quiet)
fi
bin="$root/target/release/lede"
mkdir -p "$out/dev"
"$bin" entities --json "$seed" > "$out/seed.json"
for f in "$eval_dir"/gum-dev/articles/*.txt; do
  name="$(basename "$f" .txt)"
  "$bin" entities --json "$f" > "$out/dev/$name.json"
done
echo "== seed"
python3 "$eval_dir/score.py" $errors "$eval_dir/gold/000_a8106be745b31416.json" "$out/seed.json"
echo "== gum-dev"
python3 "$eval_dir/score.py" $errors "$eval_dir/gum-dev/gold" "$out/dev"
