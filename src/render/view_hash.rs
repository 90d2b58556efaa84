//! The hash of a page's view, as its template would read it: a serde serializer that feeds
//! every value straight into the fingerprint hasher. A live preview hashes the view of
//! each page a fingerprint flags, to skip those whose view did not change; writing the
//! view out as JSON first spent most of that time escaping strings nobody reads.
//!
//! Every value is written with a tag of its type, strings and byte strings with their
//! length, and every sequence, map and struct ends with a tag of its own, so two views
//! that differ anywhere (a string cut at another place, an item moved from one list into
//! the next, `None` against an empty string) feed the hasher different bytes.

use serde::ser::{self, Serialize};
use std::fmt;
use std::hash::Hasher;

/// The hash of everything `view` holds; `None` when it cannot be serialized (its page is
/// then rendered).
pub fn of<T: Serialize + ?Sized>(view: &T) -> Option<u64> {
    let mut h = Hashing(crate::hash::hasher());
    view.serialize(&mut h).ok()?;
    Some(h.0.finish())
}

/// One tag per kind of value (and one for the end of a compound value).
#[derive(Clone, Copy)]
#[repr(u8)]
enum Tag {
    Bool = 1,
    Int,
    Uint,
    Float,
    Char,
    Str,
    Bytes,
    None,
    Some,
    Unit,
    UnitStruct,
    Variant,
    Newtype,
    Seq,
    Map,
    Struct,
    End,
}

struct Hashing(ahash::AHasher);

impl Hashing {
    fn tag(&mut self, t: Tag) {
        self.0.write_u8(t as u8);
    }

    fn bytes(&mut self, t: Tag, b: &[u8]) {
        self.tag(t);
        self.0.write_usize(b.len());
        self.0.write(b);
    }
}

/// Never made by this serializer itself: a view's own `Serialize` may fail with it.
#[derive(Debug)]
struct Failed;

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a view could not be serialized")
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Failed
    }
}

type Done = Result<(), Failed>;

impl ser::Serializer for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Done {
        self.tag(Tag::Bool);
        self.0.write_u8(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.tag(Tag::Int);
        self.0.write_i64(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.tag(Tag::Int);
        self.0.write_i128(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.tag(Tag::Uint);
        self.0.write_u64(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.tag(Tag::Uint);
        self.0.write_u128(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.tag(Tag::Float);
        self.0.write_u64(v.to_bits());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.tag(Tag::Char);
        self.0.write_u32(u32::from(v));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.bytes(Tag::Str, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.bytes(Tag::Bytes, v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(Tag::None);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Done {
        self.tag(Tag::Some);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(Tag::Unit);
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Done {
        self.bytes(Tag::UnitStruct, name.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.bytes(Tag::Variant, variant.as_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Done {
        self.tag(Tag::Newtype);
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Done {
        self.bytes(Tag::Variant, variant.as_bytes());
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Failed> {
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        self.bytes(Tag::Variant, variant.as_bytes());
        self.tag(Tag::Seq);
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Failed> {
        self.tag(Tag::Map);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        self.tag(Tag::Struct);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        self.bytes(Tag::Variant, variant.as_bytes());
        self.tag(Tag::Struct);
        Ok(self)
    }
}

impl ser::SerializeSeq for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeMap for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Done {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Done {
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, v: &T) -> Done {
        self.bytes(Tag::Str, name.as_bytes());
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut Hashing {
    type Ok = ();
    type Error = Failed;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, v: &T) -> Done {
        self.bytes(Tag::Str, name.as_bytes());
        v.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(Tag::End);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::of;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Row {
        name: String,
        note: Option<String>,
        items: Vec<Vec<u32>>,
    }

    fn row(name: &str, note: Option<&str>, items: &[&[u32]]) -> Option<u64> {
        of(&Row {
            name: name.into(),
            note: note.map(Into::into),
            items: items.iter().map(|i| i.to_vec()).collect(),
        })
    }

    /// Views that a template would read differently hash differently, and the same view
    /// hashes the same each time.
    #[test]
    fn views_that_read_differently_hash_differently() {
        let base = row("ab", None, &[&[1, 2], &[3]]);
        assert_eq!(base, row("ab", None, &[&[1, 2], &[3]]));
        let others = [
            row("a", Some("b"), &[&[1, 2], &[3]]),
            row("ab", Some(""), &[&[1, 2], &[3]]),
            row("ab", None, &[&[1], &[2, 3]]),
            row("ab", None, &[&[1, 2, 3]]),
            row("ab", None, &[&[1, 2], &[3], &[]]),
            row("ba", None, &[&[1, 2], &[3]]),
        ];
        for (i, other) in others.iter().enumerate() {
            assert_ne!(base, *other, "view {i} hashed like the first");
        }
        // A template value inside a view is read by what it holds.
        let v = |s: &str| of(&(tera::Value::from(s), 1u8));
        assert_eq!(v("x"), v("x"));
        assert_ne!(v("x"), v("y"));
    }
}
