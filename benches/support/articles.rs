//! The real articles lede's extraction benchmarks are made of: the sample
//! article and the annotated dev articles beside the repository, in a fixed
//! order so every run measures the same text.

use std::path::Path;

/// The articles' texts; directories that are missing are passed over.
pub fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    for dir in ["seeds", "../shared/eval/gum-dev/articles"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if let Ok(text) = std::fs::read_to_string(path) {
                articles.push(text);
            }
        }
    }
    articles
}
