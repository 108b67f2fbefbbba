//! Tables keyed by a word's [`fold_hash`](super::lexicon::fold_hash), the
//! hash the tokenizer computes once per word: a set of hashes and a map
//! from exact words to a few flags.
//!
//! The keys are hashes already, so a table only masks their top bits and
//! probes linearly; at most half full, a lookup nearly always ends at its
//! first or second slot. A general hash map costs several times more per
//! insertion, and every word of an article passes through here.
//!
//! Depends on nothing but std. Invariants: a table never fills (it grows
//! at half full); the set answers exactly for every 64-bit value (0
//! included); the map compares the words themselves, so two words with
//! one hash stay apart.

/// Slots of a table of `want` entries at most half full.
fn bits_for(want: usize) -> u32 {
    (want.max(8) * 2).next_power_of_two().trailing_zeros()
}

/// A map from 64-bit hashes to indexes: the entity of each name key.
pub struct HashIndex {
    /// `(hash, index)`; 0 marks an empty slot, the hash 0 itself is
    /// [`Self::zero`].
    slots: Vec<(u64, u32)>,
    shift: u32,
    len: usize,
    zero: Option<u32>,
}

impl HashIndex {
    pub fn with_capacity(want: usize) -> Self {
        let bits = bits_for(want);
        Self {
            slots: vec![(0, 0); 1 << bits],
            shift: 64 - bits,
            len: 0,
            zero: None,
        }
    }

    /// The index of `hash`, set to `new` if it had none.
    #[inline]
    pub fn get_or_insert(&mut self, hash: u64, new: u32) -> u32 {
        if hash == 0 {
            return *self.zero.get_or_insert(new);
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let (h, v) = self.slots[i];
            if h == hash {
                return v;
            }
            if h == 0 {
                self.slots[i] = (hash, new);
                self.len += 1;
                return new;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let bits = bits_for(self.slots.len());
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); 1 << bits]);
        self.shift = 64 - bits;
        self.len = 0;
        for (h, v) in old.into_iter().filter(|s| s.0 != 0) {
            self.get_or_insert(h, v);
        }
    }
}

/// `a == b` in whole words of eight or four bytes (the last one read
/// overlapping the one before): a word is a few bytes, and `memcmp` is a
/// call.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&s[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let half = |s: &[u8], i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&s[i..i + 4]);
        u32::from_le_bytes(w)
    };
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word(a, i) != word(b, i) {
                return false;
            }
            i += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else if n >= 4 {
        half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4)
    } else {
        a == b
    }
}

/// A set of 64-bit hashes.
pub struct HashSet64 {
    /// 0 marks an empty slot; the value 0 itself is [`Self::zero`].
    slots: Vec<u64>,
    shift: u32,
    len: usize,
    zero: bool,
}

impl HashSet64 {
    pub fn with_capacity(want: usize) -> Self {
        let bits = bits_for(want);
        Self {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            len: 0,
            zero: false,
        }
    }

    #[inline]
    pub fn insert(&mut self, hash: u64) {
        if hash == 0 {
            self.zero = true;
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s == hash {
                return;
            }
            if s == 0 {
                self.slots[i] = hash;
                self.len += 1;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    pub fn contains(&self, hash: u64) -> bool {
        if hash == 0 {
            return self.zero;
        }
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s == hash {
                return true;
            }
            if s == 0 {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let bits = bits_for(old.len());
        *self = Self {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            len: 0,
            zero: self.zero,
        };
        for h in old.into_iter().filter(|&h| h != 0) {
            self.insert(h);
        }
    }
}

/// Exact words (or names) of one text, each with a value, found by their
/// fold hash and told apart by their bytes (`Nato` is not `NATO`).
pub struct WordTable<'t, V> {
    text: &'t str,
    /// `(hash, start, end)` of a word's first occurrence; `end == 0` marks
    /// an empty slot (no word ends at 0).
    slots: Vec<(u64, u32, u32)>,
    values: Vec<V>,
    shift: u32,
    len: usize,
}

/// Capitalised words with a byte of flags each.
pub type WordFlags<'t> = WordTable<'t, u8>;

impl<'t, V: Copy + Default> WordTable<'t, V> {
    pub fn with_capacity(text: &'t str, want: usize) -> Self {
        let bits = bits_for(want);
        Self {
            text,
            slots: vec![(0, 0, 0); 1 << bits],
            values: vec![V::default(); 1 << bits],
            shift: 64 - bits,
            len: 0,
        }
    }

    /// The slot holding `word` (hashed `hash`), or the empty slot where it
    /// would go.
    #[inline]
    fn find(&self, hash: u64, word: &[u8]) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (hash >> self.shift) as usize;
        loop {
            let (h, start, end) = self.slots[i];
            if end == 0
                || (h == hash && same(&self.text.as_bytes()[start as usize..end as usize], word))
            {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of the word `text[start..end]` (hashed `hash`), and
    /// whether it was just added (with the default value).
    #[inline]
    pub fn entry(&mut self, hash: u64, start: u32, end: u32) -> (&mut V, bool) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let i = self.find(hash, &self.text.as_bytes()[start as usize..end as usize]);
        let fresh = self.slots[i].2 == 0;
        if fresh {
            self.slots[i] = (hash, start, end);
            self.len += 1;
        }
        (&mut self.values[i], fresh)
    }

    /// The value of `word` (hashed `hash`); `None` when it was never added.
    #[inline]
    pub fn get(&self, hash: u64, word: &str) -> Option<V> {
        let i = self.find(hash, word.as_bytes());
        (self.slots[i].2 != 0).then(|| self.values[i])
    }

    fn grow(&mut self) {
        let bits = bits_for(self.slots.len());
        let slots = std::mem::replace(&mut self.slots, vec![(0, 0, 0); 1 << bits]);
        let values = std::mem::replace(&mut self.values, vec![V::default(); 1 << bits]);
        self.shift = 64 - bits;
        self.len = 0;
        for ((hash, start, end), v) in slots.into_iter().zip(values) {
            if end != 0 {
                *self.entry(hash, start, end).0 = v;
            }
        }
    }
}

impl WordFlags<'_> {
    /// Adds `flags` to the word `text[start..end]` (hashed `hash`).
    #[inline]
    pub fn add(&mut self, hash: u64, start: u32, end: u32, flags: u8) {
        *self.entry(hash, start, end).0 |= flags;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_holds_exactly_what_was_inserted() {
        let mut set = HashSet64::with_capacity(4);
        let values: Vec<u64> = (0..5000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect();
        for (n, &v) in values.iter().enumerate() {
            set.insert(v);
            set.insert(v);
            assert!(set.contains(v));
            assert!(values[n + 1..].iter().take(50).all(|&w| !set.contains(w)));
        }
        assert!(values.iter().all(|&v| set.contains(v)));
        assert!(set.contains(0), "the first value is 0");
        assert_eq!(set.len, values.len() - 1);
        assert!(!HashSet64::with_capacity(1).contains(0));
    }

    #[test]
    fn the_index_keeps_the_first_value_of_each_hash() {
        let mut index = HashIndex::with_capacity(2);
        for k in 0..3000u64 {
            let h = k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            assert_eq!(index.get_or_insert(h, k as u32), k as u32);
            assert_eq!(index.get_or_insert(h, 99_999), k as u32);
        }
        for k in 0..3000u64 {
            let h = k.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            assert_eq!(index.get_or_insert(h, 99_999), k as u32, "{k}");
        }
    }

    #[test]
    fn same_compares_every_byte() {
        let a = b"Observatory for Human Rights";
        for end in 0..=a.len() {
            let mut b = a[..end].to_vec();
            assert!(same(&a[..end], &b));
            for k in 0..end {
                b[k] ^= 0x20;
                assert!(!same(&a[..end], &b), "{end} {k}");
                b[k] ^= 0x20;
            }
            assert!(end == 0 || !same(&a[..end], &a[..end - 1]));
        }
    }

    #[test]
    fn the_map_tells_words_with_one_hash_apart() {
        let text = "Nato NATO Nato Kurds";
        let mut map = WordFlags::with_capacity(text, 1);
        // One hash for all of them: only the bytes tell them apart.
        map.add(7, 0, 4, 1);
        map.add(7, 5, 9, 2);
        map.add(7, 10, 14, 4);
        assert_eq!(map.get(7, "Nato"), Some(5));
        assert_eq!(map.get(7, "NATO"), Some(2));
        assert_eq!(map.get(7, "Kurds"), None);
        assert_eq!(map.get(8, "Nato"), None);
        for k in 0..200u64 {
            map.add(k << 40, 15, 20, 1);
        }
        assert_eq!(map.get(7, "Nato"), Some(5), "kept across growth");
        assert_eq!(map.get(3 << 40, "Kurds"), Some(1));
    }
}
