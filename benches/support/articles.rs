//! The real articles lede's extraction benchmarks are made of: the sample
//! article and the annotated dev articles (`eval/gum-dev`), in a fixed order
//! so every run measures the same text.

use std::path::Path;

/// The articles' texts.
pub fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = Vec::new();
    for dir in ["seeds", "eval/gum-dev/articles"] {
        let entries =
            std::fs::read_dir(root.join(dir)).expect("the articles are in the repository");
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
