use lede::app::entities::EntityIndex;
use lede::document::{Document, Format, load};
fn main() {
    let path = std::env::args().nth(1).expect("path");
    let bytes = load::read_path(std::path::Path::new(&path)).expect("r");
    let source = load::decode_owned(&path, bytes).expect("t");
    let format = Format::from_name(&path).unwrap_or_else(|| Format::sniff(&source.text));
    let doc = Document::parse(source, format);
    let found = lede::extract::extract(&doc);
    eprintln!("extracted");
    let t = std::time::Instant::now();
    for _ in 0..std::env::args().nth(2).map_or(1, |n| n.parse().expect("n")) {
        let idx = EntityIndex::build(&doc, &found);
        eprintln!("build {:?} {}", t.elapsed(), idx.len());
    }
}
