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

/// Integers, widened: the tag says signed or not, the value is written at full width.
macro_rules! widened {
    ($($method:ident($t:ty) as $tag:ident by $write:ident($wide:ty);)*) => {$(
        fn $method(self, v: $t) -> Done {
            self.tag(Tag::$tag);
            self.0.$write(<$wide>::from(v));
            Ok(())
        }
    )*};
}

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
    widened! {
        serialize_i8(i8) as Int by write_i64(i64);
        serialize_i16(i16) as Int by write_i64(i64);
        serialize_i32(i32) as Int by write_i64(i64);
        serialize_i64(i64) as Int by write_i64(i64);
        serialize_i128(i128) as Int by write_i128(i128);
        serialize_u8(u8) as Uint by write_u64(u64);
        serialize_u16(u16) as Uint by write_u64(u64);
        serialize_u32(u32) as Uint by write_u64(u64);
        serialize_u64(u64) as Uint by write_u64(u64);
        serialize_u128(u128) as Uint by write_u128(u128);
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
        opened(self, None, Tag::Seq)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Failed> {
        opened(self, None, Tag::Seq)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        opened(self, None, Tag::Seq)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        opened(self, Some(variant), Tag::Seq)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Failed> {
        opened(self, None, Tag::Map)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        opened(self, None, Tag::Struct)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self, Failed> {
        opened(self, Some(variant), Tag::Struct)
    }
}

/// The start of a compound value of kind `t` (a variant's, after its name).
fn opened<'a>(
    h: &'a mut Hashing,
    variant: Option<&str>,
    t: Tag,
) -> Result<&'a mut Hashing, Failed> {
    if let Some(name) = variant {
        h.bytes(Tag::Variant, name.as_bytes());
    }
    h.tag(t);
    Ok(h)
}

/// A compound value's parts, each hashed as it comes, and its end.
macro_rules! compound {
    ($($kind:ident::$part:ident($($name:ident: $t:ty,)?);)*) => {$(
        impl ser::$kind for &mut Hashing {
            type Ok = ();
            type Error = Failed;
            fn $part<T: Serialize + ?Sized>(&mut self, $($name: $t,)? v: &T) -> Done {
                $(self.bytes(Tag::Str, $name.as_bytes());)?
                v.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.tag(Tag::End);
                Ok(())
            }
        }
    )*};
}

compound! {
    SerializeSeq::serialize_element();
    SerializeTuple::serialize_element();
    SerializeTupleStruct::serialize_field();
    SerializeTupleVariant::serialize_field();
    SerializeStruct::serialize_field(name: &'static str,);
    SerializeStructVariant::serialize_field(name: &'static str,);
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
