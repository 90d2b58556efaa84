//! The front-matter guards agree with the YAML parser on what is a string, an anchor, an
//! alias and a nesting level: no spelling before a bomb puts them to sleep, and no text
//! that merely looks like an anchor or alias trips them. Sizes are reduced so that a guard
//! that missed a bomb still finishes quickly in a debug build.

mod common;
use common::*;
use dossier::diagnostic::Code;
use dossier::front_matter::{self, ALIAS_BUDGET, FrontMatterError};
use proptest::prelude::*;

/// Lines that once made the guard believe a quoted string had opened (or stayed open)
/// where the parser sees plain text, or that hold quotes, `#`, `&` and `*` in strings.
const PREFIXES: &[&str] = &[
    "title: x, \"y\n",
    "title: x, 'y\n",
    "a: it's\n",
    "a: x ? 'y\n",
    "a: x - \"y\n",
    "a: x -- 'y\n",
    "k: \"a\" \n",
    "title: \"a # b\"\n",
    "title: a # it's \"quoted\n",
    "title: \"it's\"\n",
    "title: 'say \"hi'\n",
    "title: 'it''s'\n",
    "title: \"a\\\"b\"\n",
    "title: \"a\\\\\"\n",
    "summary: first\n  \"second line\n",
    "summary: first\n  'second line\n",
    "summary: |\n  it's \"quoted\n  &a *a [ {\n",
    "summary: >-\n  \"x\n  'y\n",
    "summary: |2\n   \"x\n",
    "list:\n- |\n  \"x\n",
    "m: {a: \"b\", c: d'e}\n",
    "m: {a: 'b\"', c: \"d'\"}\n",
    "s: [\"a\", 'b', c\"d]\n",
    "s: [a'b, c]\n",
    "q: \"multi\n  line \\\" 'still\"\n",
];

/// Nodes grow tenfold per line: the fourth line crosses the budget (10,209 expanded).
fn bomb() -> String {
    let mut b = String::from("b0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..4 {
        b.push_str(&format!(
            "b{i}: &b{i} [{}]\n",
            vec![format!("*b{}", i - 1); 10].join(", ")
        ));
    }
    b
}

fn deep() -> String {
    format!("deep: {}x{}\n", "[".repeat(70), "]".repeat(70))
}

fn lines(s: &str) -> u32 {
    s.matches('\n').count() as u32
}

fn refused(yaml: &str) -> FrontMatterError {
    match front_matter::parse(yaml, 2) {
        Err(e) => e,
        Ok(node) => panic!("accepted:\n{yaml}\nas {:?}", node.value.describe()),
    }
}

#[test]
fn quotes_before_an_alias_bomb_do_not_hide_it() {
    for prefix in PREFIXES {
        // Each prefix is valid YAML on its own: the error below is the bomb's.
        assert!(
            front_matter::parse(prefix, 2).is_ok(),
            "{prefix:?}: {:?}",
            front_matter::parse(prefix, 2)
        );
        let yaml = format!("{prefix}{}", bomb());
        let e = refused(&yaml);
        assert_eq!(
            (e.code, e.span.line, e.span.col),
            (Code::FrontMatterLimit, 2 + lines(prefix) + 3, 1),
            "{prefix:?}: {e:?}"
        );
        assert_eq!(
            e.message,
            "YAML aliases would expand past 10000 nodes; write the values out instead"
        );
    }
}

#[test]
fn quotes_before_deep_nesting_do_not_hide_it() {
    for prefix in PREFIXES {
        let e = refused(&format!("{prefix}{}", deep()));
        assert_eq!(
            (e.code, e.span.line, e.message.as_str()),
            (
                Code::FrontMatterLimit,
                2 + lines(prefix),
                "front matter nests deeper than 64 levels"
            ),
            "{prefix:?}"
        );
    }
}

#[test]
fn anchors_and_aliases_inside_strings_are_text() {
    let many = vec!["*a"; 12_000].join(" ");
    let texts = [
        "title: R&D *draft*\n".to_string(),
        "title: \"see *a and &b\"\nnote: 'x &y *z'\nlist: [R&D, a*b, \"*c\"]\n".to_string(),
        format!("summary: |\n  {many}\n"),
        format!("summary: \"{many}\"\n"),
        format!("summary: plain {many}\n"),
        format!("summary: \"{}\"\n", "[".repeat(200)),
    ];
    for yaml in &texts {
        let r = front_matter::parse(yaml, 2);
        assert!(r.is_ok(), "{yaml:.80}: {r:?}");
    }
    // Aliases within the budget build; the document expands to exactly the budget.
    let mut ok = String::from("who: &w [x, x, x, x, x, x, x, x, x]\n");
    for i in 0..(ALIAS_BUDGET / 10) {
        ok.push_str(&format!("k{i}: *w\n"));
    }
    assert!(front_matter::parse(&ok, 2).is_ok());
    ok.push_str("one_more: *w\n");
    let e = refused(&ok);
    assert_eq!(e.span.line, 2 + lines(&ok) - 1);
}

#[test]
fn tabs_inside_strings_are_text_and_tabs_in_indentation_are_refused() {
    for yaml in [
        "summary: |\n  code:\n  \tindented\ntitle: x\n",
        "summary: \"one\n\ttwo\"\ntitle: x\n",
        "summary: 'one\n\ttwo'\n",
    ] {
        assert!(front_matter::parse(yaml, 2).is_ok(), "{yaml:?}");
    }
    for (yaml, line) in [
        ("title: x\n\tbad: y\n", 3),
        ("summary: |\n  text\n\tbad: y\n", 4),
        ("title: x, \"y\n\tbad: y\n", 3),
    ] {
        let e = refused(yaml);
        assert_eq!(
            (e.span.line, e.message.as_str()),
            (
                line,
                "tab character in indentation: YAML indents with spaces"
            ),
            "{yaml:?}"
        );
    }
}

#[test]
fn an_alias_inside_its_own_node_is_refused() {
    let e = refused("a: &a [x, *a, *a, *a]\n");
    assert_eq!((e.code, e.span.line), (Code::FrontMatterLimit, 2));
}

#[test]
fn a_bomb_after_quotes_fails_the_build_with_the_line() {
    let site = TestSite::new(&[(
        "content/briefings/2025-11-20-bomb.md",
        &format!("---\ntitle: x, \"y\n{}---\nBody\n", bomb()),
    )]);
    let r = site.build();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.diagnostics().iter().any(|d| d.starts_with(
            "content/briefings/2025-11-20-bomb.md:6:1: error: YAML aliases would expand past"
        )),
        "{}",
        r.stderr
    );
    let config = TestSite::new(&[]);
    config.write("site.yaml", &format!("title: x, \"y\n{}", bomb()));
    let r = config.build();
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert!(
        r.diagnostics()
            .iter()
            .any(|d| d.starts_with("site.yaml:5:1: error: YAML aliases would expand past")),
        "{}",
        r.stderr
    );
}

/// A small tree of anchored flow sequences, each item a scalar or an alias to an earlier
/// anchor, and a top-level list of aliases.
fn anchor_tree() -> impl Strategy<Value = String> {
    let anchors = proptest::collection::vec(proptest::collection::vec(0usize..8, 1..12), 1..6);
    (anchors, proptest::collection::vec(0usize..8, 0..12)).prop_map(|(anchors, top)| {
        let mut yaml = String::new();
        for (i, items) in anchors.iter().enumerate() {
            let items: Vec<String> = items
                .iter()
                .map(|&k| {
                    // 0..i: an alias to an earlier anchor; otherwise a scalar.
                    if k < i {
                        format!("*a{k}")
                    } else {
                        "x".to_string()
                    }
                })
                .collect();
            yaml.push_str(&format!("a{i}: &a{i} [{}]\n", items.join(", ")));
        }
        let n = anchors.len();
        let top: Vec<String> = top.iter().map(|&k| format!("*a{}", k % n)).collect();
        yaml.push_str(&format!("top: [{}]\n", top.join(", ")));
        yaml
    })
}

fn nodes(v: &serde_yaml::Value) -> u64 {
    match v {
        serde_yaml::Value::Sequence(s) => 1 + s.iter().map(nodes).sum::<u64>(),
        serde_yaml::Value::Mapping(m) => {
            1 + m.iter().map(|(k, v)| nodes(k) + nodes(v)).sum::<u64>()
        }
        serde_yaml::Value::Tagged(t) => nodes(&t.value),
        _ => 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The guard refuses exactly the documents whose expansion by serde_yaml passes the
    /// budget: nodes built minus nodes written (an alias written is no node of its own).
    #[test]
    fn the_alias_budget_is_serde_yamls_expansion(yaml in anchor_tree()) {
        let r = front_matter::parse(&yaml, 2);
        // serde_yaml gives up after 100 alias jumps per event: an error to the user too.
        let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&yaml) else {
            prop_assert!(r.is_err());
            return Ok(());
        };
        let written = yaml.matches('x').count() as u64      // scalars
            + yaml.matches(": ").count() as u64             // keys
            + yaml.matches('[').count() as u64              // sequences
            + 1;                                            // the top-level mapping
        let expanded = nodes(&value) - written;
        prop_assert_eq!(r.is_err(), expanded > ALIAS_BUDGET, "expanded {}: {:?}", expanded, r);
    }

    /// Text without anchors, aliases or tabs is never refused by a guard, valid YAML or
    /// not; and a bomb after it is always refused, at the bomb's line when the text parses.
    #[test]
    fn alias_free_text_is_never_refused(values in proptest::collection::vec("[a-z][a-z&*\"'#,?:{}\\[\\] -]{0,16}", 1..6)) {
        let yaml: String = values.iter().enumerate().map(|(i, v)| format!("k{i}: {v}\n")).collect();
        let alone = front_matter::parse(&yaml, 2);
        if let Err(e) = &alone {
            prop_assert_eq!(e.code, Code::InvalidYaml, "{:?}", e);
        }
        let e = refused(&format!("{yaml}{}", bomb()));
        if alone.is_ok() {
            prop_assert_eq!((e.code, e.span.line), (Code::FrontMatterLimit, 2 + lines(&yaml) + 3));
        }
    }
}
