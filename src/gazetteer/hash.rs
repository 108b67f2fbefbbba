//! The hash of the token table, shared by `build.rs` (which lays the table
//! out) and `tables.rs` (which probes it): both compile this file, so they
//! cannot disagree. Pure, dependency-free, stable across platforms.

/// FxHash-style multiplicative hash of a folded token, eight bytes at a
/// time: keys are short, so a lookup costs a few multiplications.
pub fn token_hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // Mix the high bits down: slots use the low bits, tags the high ones.
    h ^ (h >> 29)
}

/// Bits of a slot holding the entry index (plus one; 0 is an empty slot).
pub const SLOT_INDEX_BITS: u32 = 20;
