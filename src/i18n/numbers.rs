//! Whole numbers inside messages as the language writes them (ICU4X's grouping and digits),
//! where Fluent alone would write plain ASCII digits: `12 345 notes`, not `12345 notes`.

use super::Locale;
use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;
use std::sync::Arc;

/// The bundle language's [`Locale`], kept by the bundle's memoizer.
struct Numbers(Arc<Locale>);

impl intl_memoizer::Memoizable for Numbers {
    type Args = ();
    type Error = ();

    fn construct(lang: unic_langid::LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(Numbers(Locale::of(&lang.to_string())))
    }
}

/// The bundle's formatter for numbers: whole numbers in the language's way; others (with
/// decimals, or an option set in the message) as Fluent writes them.
pub(super) fn format(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let o = &n.options;
    let plain = o.minimum_fraction_digits.is_none()
        && o.maximum_fraction_digits.is_none()
        && o.minimum_integer_digits.is_none()
        && o.minimum_significant_digits.is_none()
        && o.maximum_significant_digits.is_none()
        && o.use_grouping;
    // Beyond 2^53 an f64 no longer holds every whole number.
    if !plain || n.value.fract() != 0.0 || n.value.abs() > 9.0e15 {
        return None;
    }
    intls
        .with_try_get::<Numbers, _, _>((), |f| f.0.number(n.value as i64))
        .ok()
}
