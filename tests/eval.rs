//! Regression floor for extraction quality: runs the built `lede entities
//! --json` on the seed article and the gum-dev set, scores the output with
//! `eval/score.py`, and fails when an F1 drops below the floors reached so
//! far. Raise the floors as the extractor improves; never lower them.
//!
//! Everything it reads is in the repository (`eval/`, `seeds/`), so a fresh
//! clone tests itself; the sets that live only in `../shared` are scored by
//! `scripts/check-entities`, which `.ci/run` runs after the tests.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;

/// Overlap F1 floors: (overall, actor, place, number).
const SEED_FLOORS: [f64; 4] = [0.99, 0.99, 0.99, 0.99];
const DEV_FLOORS: [f64; 4] = [0.970, 0.955, 0.985, 0.995];

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval")
}

fn predict(article: &Path, out: &Path) {
    let output = Command::cargo_bin("lede")
        .expect("the lede binary is built")
        .args(["entities", "--json"])
        .arg(article)
        .output()
        .expect("lede runs");
    assert!(
        output.status.success(),
        "lede entities failed on {}",
        article.display()
    );
    std::fs::write(out, output.stdout).expect("write prediction");
}

/// Runs score.py; returns the overlap F1 of (overall, actor, place, number).
fn score(gold: &Path, pred: &Path) -> [f64; 4] {
    let output = Std::new("python3")
        .arg(eval_dir().join("score.py"))
        .arg(gold)
        .arg(pred)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 could not run eval/score.py ({e}): install python3 (.ci/run does)")
        });
    assert!(
        output.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = String::from_utf8_lossy(&output.stdout).to_string();
    let mut f1 = [f64::NAN; 4];
    for line in report.lines().filter(|l| l.starts_with("overlap")) {
        for (i, kind) in ["overall", "actor", "place", "number"].iter().enumerate() {
            if let Some(rest) = line.split(&format!("{kind} P=")).nth(1) {
                let value = rest
                    .split("F1=")
                    .nth(1)
                    .and_then(|v| v.split_whitespace().next());
                if let Some(v) = value.and_then(|v| v.parse().ok()) {
                    f1[i] = v;
                }
            }
        }
    }
    assert!(
        f1.iter().all(|v| v.is_finite()),
        "could not read score.py output:\n{report}"
    );
    f1
}

fn check(name: &str, got: [f64; 4], floors: [f64; 4]) {
    let labels = ["overall", "actor", "place", "number"];
    let failures: Vec<String> = (0..4)
        .filter(|&i| got[i] < floors[i])
        .map(|i| format!("{} F1 {:.3} < floor {:.3}", labels[i], got[i], floors[i]))
        .collect();
    assert!(failures.is_empty(), "{name}: {}", failures.join("; "));
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-eval-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn seed_scores_stay_above_floor() {
    let eval = eval_dir();
    let tmp = scratch("seed");
    let pred = tmp.join("seed.json");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_a8106be745b31416.txt");
    predict(&seed, &pred);
    let got = score(&eval.join("gold/000_a8106be745b31416.json"), &pred);
    check("seed", got, SEED_FLOORS);
}

#[test]
fn gum_dev_scores_stay_above_floor() {
    let eval = eval_dir();
    let tmp = scratch("dev");
    for entry in std::fs::read_dir(eval.join("gum-dev/articles")).expect("gum-dev articles") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("utf-8 name");
            predict(&path, &tmp.join(format!("{stem}.json")));
        }
    }
    let got = score(&eval.join("gum-dev/gold"), &tmp);
    check("gum-dev", got, DEV_FLOORS);
}
