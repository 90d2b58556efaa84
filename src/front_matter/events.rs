//! libyaml's own event stream, through one small safe function.
//!
//! serde_yaml parses with libyaml (the `unsafe-libyaml` translation), so reading the same
//! events before it runs tells exactly what it will see: which text is a string, an anchor,
//! an alias or a nesting level. A second scanner of our own could disagree with it, and
//! each disagreement is a way past the guards.

use std::ops::ControlFlow;

/// A position in the YAML text: 0-based line, 0-based column in characters, byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Mark {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) index: usize,
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` or `>`.
    Block,
}

/// What one event is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind<'e> {
    /// A scalar, its decoded value and its style.
    Scalar(&'e [u8], Style),
    SequenceStart,
    MappingStart,
    SequenceEnd,
    MappingEnd,
    /// `*name`: the name.
    Alias(&'e [u8]),
    /// The start of a document (a stream holding a second one is refused).
    DocumentStart,
    /// Stream boundaries and document ends.
    Other,
}

/// One event, borrowed from the parser for the time of the callback.
#[derive(Debug)]
pub(super) struct Event<'e> {
    pub(super) kind: Kind<'e>,
    /// `&name` on a scalar or a collection.
    pub(super) anchor: Option<&'e [u8]>,
    /// Its tag, as libyaml resolved it (`!!int` is `tag:yaml.org,2002:int`).
    pub(super) tag: Option<&'e [u8]>,
    /// Where the node starts (its anchor or tag, when it has one).
    pub(super) start: Mark,
    /// Where it ends.
    pub(super) end: Mark,
}

/// How reading the events ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome<B> {
    /// Every event was read.
    Done,
    /// The callback stopped the reading.
    Stopped(B),
    /// libyaml found a syntax error (`syntax.rs` puts it in plain words).
    SyntaxError(Syntax),
}

/// A syntax error as libyaml saw it: its problem and, when it has one, the construct it was
/// reading and where that construct began (the `[` of an unclosed list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Syntax {
    pub(super) at: Mark,
    /// libyaml's wording of the problem (`"mapping values are not allowed in this context"`):
    /// matched on, never shown.
    pub(super) problem: String,
    /// What it was reading (`"while parsing a flow sequence"`) and where that began.
    pub(super) context: Option<(String, Mark)>,
}

/// Frees the parser however `for_each_event` returns.
struct Parser(Box<std::mem::MaybeUninit<unsafe_libyaml::yaml_parser_t>>);

impl Drop for Parser {
    fn drop(&mut self) {
        // SAFETY: the parser was initialized before this value was made (see below).
        unsafe { unsafe_libyaml::yaml_parser_delete(self.0.as_mut_ptr()) }
    }
}

/// Hands each libyaml event of `yaml` to `each`, in order, until the end of the stream, a
/// syntax error or a `Break`. Linear in the input: libyaml reads it once.
pub(super) fn for_each_event<B>(
    yaml: &str,
    mut each: impl FnMut(&Event<'_>) -> ControlFlow<B>,
) -> Outcome<B> {
    let mut parser = Box::new(std::mem::MaybeUninit::<unsafe_libyaml::yaml_parser_t>::uninit());
    // SAFETY: `yaml_parser_initialize` fills the whole struct (it zeroes it first). It fails
    // only when allocation fails, and then leaves nothing to free.
    if unsafe { unsafe_libyaml::yaml_parser_initialize(parser.as_mut_ptr()) }.fail {
        return Outcome::SyntaxError(Syntax {
            at: Mark {
                line: 0,
                column: 0,
                index: 0,
            },
            problem: String::new(),
            context: None,
        });
    }
    let mut parser = Parser(parser);
    let p = parser.0.as_mut_ptr();
    // SAFETY: the parser is initialized and boxed, so the pointer it keeps to itself stays
    // valid; `yaml` outlives it (the parser is dropped at the end of this function).
    unsafe {
        unsafe_libyaml::yaml_parser_set_encoding(p, unsafe_libyaml::YAML_UTF8_ENCODING);
        unsafe_libyaml::yaml_parser_set_input_string(p, yaml.as_ptr(), yaml.len() as u64);
    }
    loop {
        let mut raw = std::mem::MaybeUninit::<unsafe_libyaml::yaml_event_t>::uninit();
        // SAFETY: `p` is a live parser; on success `raw` holds an event we own until
        // `yaml_event_delete`. After a failure the parser must not be called again, and
        // it is not.
        if unsafe { unsafe_libyaml::yaml_parser_parse(p, raw.as_mut_ptr()) }.fail {
            // SAFETY: the parser set its problem, context and marks along with the failure;
            // the strings are static C strings or null.
            let syntax = unsafe {
                let parser = &*p;
                Syntax {
                    at: mark(parser.problem_mark),
                    problem: c_text(parser.problem.cast()),
                    context: c_bytes(parser.context.cast()).map(|c| {
                        (
                            String::from_utf8_lossy(c).into_owned(),
                            mark(parser.context_mark),
                        )
                    }),
                }
            };
            return Outcome::SyntaxError(syntax);
        }
        // SAFETY: initialized by the successful call above.
        let raw = unsafe { raw.assume_init_mut() };
        // SAFETY: every pointer read here belongs to the event and lives until it is
        // deleted just below; `view` borrows nothing past the callback.
        let flow = unsafe {
            let (kind, anchor, tag) = view(raw);
            let end = matches!(raw.type_, unsafe_libyaml::YAML_STREAM_END_EVENT);
            let event = Event {
                kind,
                anchor,
                tag,
                start: mark(raw.start_mark),
                end: mark(raw.end_mark),
            };
            match each(&event) {
                ControlFlow::Break(b) => Some(Outcome::Stopped(b)),
                ControlFlow::Continue(()) if end => Some(Outcome::Done),
                ControlFlow::Continue(()) => None,
            }
        };
        // SAFETY: the event was filled by the parser and is deleted once.
        unsafe { unsafe_libyaml::yaml_event_delete(raw) };
        if let Some(outcome) = flow {
            return outcome;
        }
    }
}

fn mark(m: unsafe_libyaml::yaml_mark_t) -> Mark {
    Mark {
        line: usize::try_from(m.line).unwrap_or(usize::MAX),
        column: usize::try_from(m.column).unwrap_or(usize::MAX),
        index: usize::try_from(m.index).unwrap_or(usize::MAX),
    }
}

/// What a node's event holds besides its kind: its anchor and its tag.
type Props<'e> = (Kind<'e>, Option<&'e [u8]>, Option<&'e [u8]>);

/// The kind, anchor and tag of an event, borrowed from it.
///
/// # Safety
/// `raw` must be an event filled by `yaml_parser_parse` and not yet deleted.
unsafe fn view<'e>(raw: &'e unsafe_libyaml::yaml_event_t) -> Props<'e> {
    // SAFETY (whole body): the union field read is the one `type_` says is set; libyaml's
    // anchors and tags are NUL-terminated and its scalar values `length` bytes long.
    unsafe {
        match raw.type_ {
            unsafe_libyaml::YAML_SCALAR_EVENT => {
                let s = &raw.data.scalar;
                let value = if s.value.is_null() {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(s.value, usize::try_from(s.length).unwrap_or(0))
                };
                let style = match s.style {
                    unsafe_libyaml::YAML_SINGLE_QUOTED_SCALAR_STYLE => Style::SingleQuoted,
                    unsafe_libyaml::YAML_DOUBLE_QUOTED_SCALAR_STYLE => Style::DoubleQuoted,
                    unsafe_libyaml::YAML_LITERAL_SCALAR_STYLE
                    | unsafe_libyaml::YAML_FOLDED_SCALAR_STYLE => Style::Block,
                    _ => Style::Plain,
                };
                (
                    Kind::Scalar(value, style),
                    c_bytes(s.anchor),
                    c_bytes(s.tag),
                )
            }
            unsafe_libyaml::YAML_SEQUENCE_START_EVENT => {
                let s = &raw.data.sequence_start;
                (Kind::SequenceStart, c_bytes(s.anchor), c_bytes(s.tag))
            }
            unsafe_libyaml::YAML_MAPPING_START_EVENT => {
                let m = &raw.data.mapping_start;
                (Kind::MappingStart, c_bytes(m.anchor), c_bytes(m.tag))
            }
            unsafe_libyaml::YAML_SEQUENCE_END_EVENT => (Kind::SequenceEnd, None, None),
            unsafe_libyaml::YAML_MAPPING_END_EVENT => (Kind::MappingEnd, None, None),
            unsafe_libyaml::YAML_ALIAS_EVENT => (
                Kind::Alias(c_bytes(raw.data.alias.anchor).unwrap_or(&[])),
                None,
                None,
            ),
            unsafe_libyaml::YAML_DOCUMENT_START_EVENT => (Kind::DocumentStart, None, None),
            _ => (Kind::Other, None, None),
        }
    }
}

/// The bytes of a NUL-terminated libyaml string, if any.
///
/// # Safety
/// `p` must be null or point to a NUL-terminated string that outlives `'e`.
unsafe fn c_bytes<'e>(p: *const u8) -> Option<&'e [u8]> {
    if p.is_null() {
        return None;
    }
    // SAFETY: as the function's contract says.
    Some(unsafe { std::ffi::CStr::from_ptr(p.cast()) }.to_bytes())
}

/// A NUL-terminated libyaml string as text, empty when null.
///
/// # Safety
/// As for [`c_bytes`].
unsafe fn c_text(p: *const u8) -> String {
    // SAFETY: as the function's contract says.
    unsafe { c_bytes(p) }.map_or_else(String::new, |b| String::from_utf8_lossy(b).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(yaml: &str) -> Vec<String> {
        let mut out = Vec::new();
        let outcome = for_each_event::<()>(yaml, |e| {
            out.push(format!("{:?}@{}:{}", e.kind, e.start.line, e.start.column));
            ControlFlow::Continue(())
        });
        assert_eq!(outcome, Outcome::Done);
        out
    }

    #[test]
    fn quotes_inside_plain_scalars_are_text() {
        let k = kinds("title: x, \"y\nnext: *a\n");
        assert!(k.iter().any(|e| e.starts_with("Alias([97])@1:6")), "{k:?}");
    }

    #[test]
    fn syntax_errors_stop_with_a_position() {
        let out = for_each_event::<()>("a: [b\n", |_| ControlFlow::Continue(()));
        assert!(matches!(out, Outcome::SyntaxError(_)), "{out:?}");
    }

    #[test]
    fn a_break_stops_at_once() {
        let mut seen = 0;
        let out = for_each_event("a: [1, 2, 3]\n", |_| {
            seen += 1;
            if seen == 3 {
                ControlFlow::Break("stop")
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!((out, seen), (Outcome::Stopped("stop"), 3));
    }
}
