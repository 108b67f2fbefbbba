//! One mention: where in the text, what kind, which entity, in 12 bytes.
//!
//! A book-length file has millions of mentions (2.8 million in 100 MB of
//! generated news), kept while it is read, so their size is most of what
//! extraction keeps. Offsets and the entity index are `u32`: lede reads
//! no text over [`crate::document::load::MAX_BYTES`] (far below 4 GiB),
//! and there are never more entities than bytes, so the kind fits in the
//! top two bits of the entity index. Depends on nothing but the kind.

use std::ops::Range;

use super::EntityKind;

/// One mention in the text (see the module docs for its layout).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mention {
    start: u32,
    end: u32,
    /// The entity index, with the kind in the top [`KIND_BITS`] bits.
    tagged: u32,
}

/// Bits of [`Mention::tagged`] that hold the kind.
const KIND_BITS: u32 = 2;
/// The entity index's bits of [`Mention::tagged`].
const ENTITY_MASK: u32 = u32::MAX >> KIND_BITS;

/// Narrows an offset or index that fits by the 4 GiB contract above; one
/// past it saturates (a wrong highlight, never a panic) rather than wrapping.
fn narrow(n: usize, max: u32) -> u32 {
    debug_assert!(n <= max as usize, "{n} over the text size contract");
    u32::try_from(n).map_or(max, |n| n.min(max))
}

impl Mention {
    /// A mention of `entity` (an index into [`super::Entities::entities`]) at the
    /// byte range `range` of `Document::text`.
    pub fn new(range: Range<usize>, kind: EntityKind, entity: usize) -> Mention {
        let mut m = Mention {
            start: narrow(range.start, u32::MAX),
            end: narrow(range.end, u32::MAX),
            tagged: 0,
        };
        m.set_kind(kind);
        m.set_entity(entity);
        m
    }

    /// Byte range into `Document::text`.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where the mention starts in `Document::text`.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Where the mention ends (exclusive) in `Document::text`.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn kind(&self) -> EntityKind {
        match self.tagged >> (32 - KIND_BITS) {
            0 => EntityKind::Actor,
            1 => EntityKind::Place,
            _ => EntityKind::Number,
        }
    }

    /// Index into [`super::Entities::entities`].
    pub fn entity(&self) -> usize {
        (self.tagged & ENTITY_MASK) as usize
    }

    pub fn set_kind(&mut self, kind: EntityKind) {
        let bits: u32 = match kind {
            EntityKind::Actor => 0,
            EntityKind::Place => 1,
            EntityKind::Number => 2,
        };
        self.tagged = (self.tagged & ENTITY_MASK) | (bits << (32 - KIND_BITS));
    }

    pub fn set_entity(&mut self, entity: usize) {
        self.tagged = (self.tagged & !ENTITY_MASK) | narrow(entity, ENTITY_MASK);
    }
}

/// As the mention's fields were: `{range: {start, end}, kind, entity}`.
impl serde::Serialize for Mention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Mention", 3)?;
        m.serialize_field("range", &self.range())?;
        m.serialize_field("kind", &self.kind())?;
        m.serialize_field("entity", &self.entity())?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_back_as_written() {
        let cases = [
            (0..0, EntityKind::Actor, 0),
            (3..9, EntityKind::Place, 1),
            (7..12, EntityKind::Number, ENTITY_MASK as usize),
            (
                u32::MAX as usize - 1..u32::MAX as usize,
                EntityKind::Place,
                12345,
            ),
        ];
        for (range, kind, entity) in cases {
            let m = Mention::new(range.clone(), kind, entity);
            assert_eq!(
                (m.range(), m.start(), m.end(), m.kind(), m.entity()),
                (range.clone(), range.start, range.end, kind, entity)
            );
        }
    }

    #[test]
    fn kind_and_entity_change_without_touching_each_other() {
        let mut m = Mention::new(4..8, EntityKind::Number, 77);
        m.set_entity(ENTITY_MASK as usize);
        assert_eq!(
            (m.kind(), m.entity()),
            (EntityKind::Number, ENTITY_MASK as usize)
        );
        m.set_kind(EntityKind::Actor);
        assert_eq!(
            (m.kind(), m.entity()),
            (EntityKind::Actor, ENTITY_MASK as usize)
        );
        m.set_entity(5);
        assert_eq!(
            (m.kind(), m.entity(), m.range()),
            (EntityKind::Actor, 5, 4..8)
        );
    }

    #[test]
    fn a_mention_is_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Mention>(), 12);
    }

    #[test]
    fn serialises_as_range_kind_and_entity() {
        let m = Mention::new(2..5, EntityKind::Place, 3);
        let json = serde_json::to_string(&m).expect("serialises");
        assert_eq!(
            json,
            r#"{"range":{"start":2,"end":5},"kind":"place","entity":3}"#
        );
    }
}
