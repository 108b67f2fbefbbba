"""What the checks in `scripts/check-*` share: where the repository, the
built lede and the team's evaluation sets are, and how a check says it has
nothing to check.

A check scores lede on a set that lives only in `../shared` beside the
repository (the team's evaluation kit, not in a clone). `.ci/run` runs every
`scripts/check-*` after the README's test command, which builds the binary.
When `../shared` is not there a check says so plainly and passes: a fresh clone
has nothing to score it against.

Environment: `LEDE_BIN` (default `$CARGO_TARGET_DIR/release/lede`, else
`target/release/lede`), `LEDE_SHARED` (default `../shared`).
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def lede_bin():
    """The release binary the test command built; exits 2 when there is none."""
    path = os.environ.get("LEDE_BIN")
    if not path:
        target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
        path = os.path.join(target, "release", "lede")
    if not os.access(path, os.X_OK):
        sys.exit(f"{check_name()}: no lede binary at {path}: run `cargo test --release "
                 "--all-targets` first (it builds it), or set LEDE_BIN")
    return path


def shared(*parts):
    """The path under `../shared`, or None after saying the check is skipped
    because it is not there."""
    base = os.environ.get("LEDE_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
    path = os.path.join(base, *parts)
    if not os.path.exists(path):
        print(f"{check_name()}: SKIPPED, nothing checked: {path} is not there "
              "(the team's evaluation sets live beside the repository, not in it)")
        return None
    return path


def check_name():
    return os.path.basename(sys.argv[0])


def run(args, out_path=None):
    """Runs a command; its standard output goes to `out_path` (else is
    returned). A failure ends the check with the command's message."""
    result = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode != 0:
        sys.exit(f"{check_name()}: {' '.join(args)} failed ({result.returncode}): "
                 f"{result.stderr.decode(errors='replace').strip()}")
    if out_path is None:
        return result.stdout.decode()
    with open(out_path, "wb") as f:
        f.write(result.stdout)
    return None
