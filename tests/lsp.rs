//! `dossier lsp` as an editor sees it: the server runs as a child process and the test
//! speaks the Language Server Protocol to it over stdio, on the sample site (which the
//! server only reads).

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Message>,
    next: i32,
    root: PathBuf,
    /// Every `publishDiagnostics` received, oldest first.
    published: Vec<Value>,
}

impl Client {
    fn start(root: &Path) -> Client {
        Client::start_with(root, &[], None)
    }

    /// [`Client::start`] with extra arguments and a fixed `DOSSIER_NOW`.
    fn start_with(root: &Path, args: &[&str], now: Option<&str>) -> Client {
        let mut c = Client::spawn_with(root, args, now);
        let uri = c.uri("");
        let init = c.request(
            "initialize",
            json!({"processId": null, "rootUri": uri, "capabilities": {}}),
        );
        assert_eq!(init["serverInfo"]["name"], "dossier", "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn spawn(root: &Path) -> Client {
        Client::spawn_with(root, &[], None)
    }

    /// `dossier lsp --root ROOT ARGS`, with `DOSSIER_NOW` set to `now` when given.
    fn spawn_with(root: &Path, args: &[&str], now: Option<&str>) -> Client {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(["lsp", "--root"]).arg(root).args(args);
        match now {
            Some(t) => cmd.env("DOSSIER_NOW", t),
            None => cmd.env_remove("DOSSIER_NOW"),
        };
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dossier lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Ok(Some(m)) = Message::read(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next: 0,
            root: root.canonicalize().unwrap(),
            published: Vec::new(),
        }
    }

    fn uri(&self, rel: &str) -> String {
        url::Url::from_file_path(self.root.join(rel))
            .unwrap()
            .to_string()
    }

    fn send(&mut self, m: Message) {
        m.write(&mut self.stdin).expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Message::Notification(Notification::new(
            method.into(),
            params,
        )));
    }

    fn next_message(&mut self, deadline: Instant) -> Message {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(m) = self.rx.recv_timeout(left) else {
            panic!(
                "the server did not answer in time; diagnostics so far: {:?}",
                self.published
            )
        };
        if let Message::Notification(n) = &m
            && n.method == "textDocument/publishDiagnostics"
        {
            self.published.push(n.params.clone());
        }
        m
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        let deadline = Instant::now() + WAIT;
        loop {
            if let Message::Response(r) = self.next_message(deadline)
                && r.id == id
            {
                return match r.response_result {
                    Ok(v) => v,
                    Err(e) => json!({"error": e.message}),
                };
            }
        }
    }

    /// Waits for diagnostics of `rel` that satisfy `ok`, and returns them.
    fn diagnostics(&mut self, rel: &str, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let uri = self.uri(rel);
        let deadline = Instant::now() + WAIT;
        let mut seen = 0;
        loop {
            while seen < self.published.len() {
                let p = &self.published[seen];
                seen += 1;
                if p["uri"] == uri.as_str() {
                    let list = p["diagnostics"].as_array().cloned().unwrap_or_default();
                    if ok(&list) {
                        return list;
                    }
                }
            }
            self.next_message(deadline);
        }
    }

    fn open(&mut self, rel: &str, text: &str) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, rel: &str, version: i32, text: &str) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&mut self, method: &str, rel: &str, line: u32, character: u32) -> Value {
        let uri = self.uri(rel);
        let mut params = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}});
        if method == "textDocument/references" {
            params["context"] = json!({"includeDeclaration": false});
        }
        self.request(method, params)
    }

    fn stop(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status:?}");
    }
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn labels(completion: &Value) -> Vec<String> {
    completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

fn item<'a>(completion: &'a Value, label: &str) -> &'a Value {
    completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == label)
        .unwrap_or_else(|| panic!("no `{label}` in {:?}", labels(completion)))
}

const NEW: &str = "content/briefings/2025-12-01-editor-test.md";

#[test]
fn completion_offers_names_of_the_right_kind_positions_and_keys() {
    let mut c = Client::start(&sample());
    let text = "---\ntitle: Editor test\ndate: 2025-12-01\nactors: [Zel\nstances:\n  - actor: Ukraine\n    on: US pl\n    position: su\nconfid\n---\nSee [[actor:Zel and [[briefing:us-fr\n";
    c.open(NEW, text);
    let got = c.at("textDocument/completion", NEW, 3, 12);
    let z = item(&got, "Volodymyr Zelenskiy");
    assert!(
        z["detail"]
            .as_str()
            .unwrap()
            .contains("actor · person — President of Ukraine"),
        "{z}"
    );
    assert_eq!(z["textEdit"]["range"]["start"]["character"], 9);
    assert_eq!(z["textEdit"]["range"]["end"]["character"], 12);
    // Aliases too, and names of the right kind only.
    item(&got, "Zelenskyy");
    assert!(
        !labels(&got).iter().any(|l| l == "Kyiv"),
        "a place among actors"
    );
    let got = c.at("textDocument/completion", NEW, 6, 9);
    item(&got, "US peace framework");
    item(&got, "US peace plan");
    assert!(
        !labels(&got).iter().any(|l| l == "Ukraine"),
        "an actor among topics"
    );
    let got = c.at("textDocument/completion", NEW, 7, 16);
    assert_eq!(
        labels(&got),
        ["supports", "opposes", "mixed", "neutral", "unclear"]
    );
    let got = c.at("textDocument/completion", NEW, 8, 6);
    assert_eq!(
        item(&got, "confidence")["textEdit"]["newText"],
        "confidence: "
    );
    let got = c.at("textDocument/completion", NEW, 10, 15);
    item(&got, "Volodymyr Zelenskiy");
    assert!(!labels(&got).iter().any(|l| l == "Pokrovsk"));
    let got = c.at("textDocument/completion", NEW, 10, 37);
    let plan = item(&got, "us-framework");
    assert!(
        plan["detail"].as_str().unwrap().contains("2025-11-20"),
        "{plan}"
    );
    c.stop();
}

#[test]
fn a_typo_is_reported_at_its_range_with_fixes_and_cleared_when_fixed() {
    let mut c = Client::start(&sample());
    let good =
        "---\ntitle: Editor test\ndate: 2025-12-01\nactors: [Volodymyr Zelenskiy]\n---\nBody.\n";
    c.open(NEW, good);
    let typo = "---\ntitle: Editor test\ndate: 2025-12-01\nactors: [Volodymyr Zelenskiyy, Nobody Known]\n---\nBody.\n";
    let started = Instant::now();
    c.change(NEW, 2, typo);
    let diags = c.diagnostics(NEW, |d| !d.is_empty());
    let took = started.elapsed();
    let near = diags.iter().find(|d| d["code"] == "D050").expect("D050");
    assert_eq!(near["severity"], 1);
    assert_eq!(
        near["range"],
        json!({"start": {"line": 3, "character": 9}, "end": {"line": 3, "character": 29}})
    );
    assert!(
        near["relatedInformation"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("help: did you mean"),
        "{near}"
    );
    let stub = diags.iter().find(|d| d["code"] == "D015").expect("D015");
    assert_eq!(stub["range"]["start"]["character"], 31);
    assert_eq!(stub["range"]["end"]["character"], 43);
    assert!(took < WAIT, "{took:?}");
    // The quick fixes the help describes.
    let uri = c.uri(NEW);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": near["range"], "context": {"diagnostics": []}}),
    );
    let actions = actions.as_array().unwrap();
    let replace = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Replace with"))
        .expect("a replace fix");
    let edit = &replace["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"], near["range"]);
    let fixed_name = edit["newText"].as_str().unwrap().to_string();
    assert!(fixed_name.starts_with("Volodymyr Zelensk"), "{fixed_name}");
    let create = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Create content/actors/")
        })
        .expect("a create-profile fix");
    let ops = create["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    assert!(
        ops[1]["edits"][0]["newText"]
            .as_str()
            .unwrap()
            .contains("name: Volodymyr Zelenskiyy"),
        "{create}"
    );
    // Applying the fix clears the diagnostic.
    let fixed = typo.replace("Volodymyr Zelenskiyy", &fixed_name);
    c.change(NEW, 3, &fixed);
    let after = c.diagnostics(NEW, |d| !d.iter().any(|x| x["code"] == "D050"));
    assert!(after.iter().any(|x| x["code"] == "D015"), "{after:?}");
    c.stop();
}

#[test]
fn other_fixes_quote_a_cut_value_and_add_https() {
    let mut c = Client::start(&sample());
    let text = "---\ntitle: Kyiv's #1 worry\ndate: 2025-12-01\nsources:\n  - title: A report\n    url: example.org/report\n---\nBody.\n";
    c.open(NEW, text);
    let diags = c.diagnostics(NEW, |d| d.len() >= 2);
    let uri = c.uri(NEW);
    for (code, want) in [("D040", "\"Kyiv's #1 worry\""), ("D042", "https://")] {
        let d = diags
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{code} in {diags:?}"));
        let actions = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": []}}),
        );
        let fix = &actions[0]["edit"]["changes"][&uri][0];
        assert_eq!(fix["newText"], want, "{code}: {actions}");
    }
    c.stop();
}

#[test]
fn hover_definition_references_and_links_follow_the_site() {
    let mut c = Client::start(&sample());
    let talks = "content/briefings/2025-11-21-zelenskiy-trump-talks.md";
    let text = std::fs::read_to_string(sample().join(talks)).unwrap();
    c.open(talks, &text);
    // `actors: [Volodymyr Zelensky, Trump, …]`, line 4.
    let hover = c.at("textDocument/hover", talks, 4, 12);
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(
        card.starts_with("**Volodymyr Zelenskiy** — actor · person — President of Ukraine"),
        "{card}"
    );
    assert!(card.contains("Also: Zelenskiy, Zelensky"), "{card}");
    assert!(card.contains("Named in "), "{card}");
    let def = c.at("textDocument/definition", talks, 4, 31);
    assert!(
        def["uri"]
            .as_str()
            .unwrap()
            .ends_with("content/actors/donald-trump.md"),
        "{def}"
    );
    // A `[[wiki]]` link of the body, and the topic card's latest positions.
    let line = text
        .lines()
        .position(|l| l.contains("[[Zelenskyy]]"))
        .unwrap() as u32;
    let col = text
        .lines()
        .nth(line as usize)
        .unwrap()
        .find("[[Zelenskyy]]")
        .unwrap() as u32
        + 4;
    let def = c.at("textDocument/definition", talks, line, col);
    assert!(
        def["uri"]
            .as_str()
            .unwrap()
            .ends_with("volodymyr-zelenskiy.md"),
        "{def}"
    );
    let hover = c.at("textDocument/hover", talks, 6, 12);
    let card = hover["contents"]["value"].as_str().unwrap();
    assert!(card.contains("Latest positions:\n- "), "{card}");
    // References from a profile: every briefing naming Trump, at the name as written.
    let trump = "content/actors/donald-trump.md";
    c.open(
        trump,
        &std::fs::read_to_string(sample().join(trump)).unwrap(),
    );
    let refs = c.at("textDocument/references", trump, 0, 0);
    let refs = refs.as_array().unwrap();
    let here = refs
        .iter()
        .find(|r| {
            r["uri"]
                .as_str()
                .unwrap()
                .ends_with("zelenskiy-trump-talks.md")
                && r["range"]["start"]["line"] == 4
        })
        .unwrap_or_else(|| panic!("{refs:?}"));
    assert_eq!(here["range"]["start"]["character"], 29);
    assert_eq!(here["range"]["end"]["character"], 34);
    assert!(
        refs.iter()
            .any(|r| r["uri"].as_str().unwrap().ends_with("us-framework.md")),
        "{refs:?}"
    );
    // Relative .md links of a body are document links to their files.
    let week = "content/briefings/2025-11-27-week-in-review.md";
    c.open(week, &std::fs::read_to_string(sample().join(week)).unwrap());
    let links = c.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": c.uri(week)}}),
    );
    assert!(
        links.as_array().unwrap().iter().any(|l| l["target"]
            .as_str()
            .unwrap()
            .ends_with("content/briefings/2025-11-19-ministers-ousted.md")),
        "{links}"
    );
    c.stop();
}

#[test]
fn rename_rewrites_every_reference_written_as_the_id_and_the_file() {
    let mut c = Client::start(&sample());
    let topic = "content/topics/us-peace-plan.md";
    c.open(
        topic,
        &std::fs::read_to_string(sample().join(topic)).unwrap(),
    );
    let prep = c.at("textDocument/prepareRename", topic, 1, 8);
    assert_eq!(prep["placeholder"], "us-peace-plan");
    let uri = c.uri(topic);
    let bad = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}, "newName": "US Plan"}),
    );
    assert!(
        bad["error"].as_str().unwrap().contains("not an id"),
        "{bad}"
    );
    let taken = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}, "newName": "territorial-concessions"}),
    );
    assert!(
        taken["error"].as_str().unwrap().contains("already exists"),
        "{taken}"
    );
    let edit = c.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 8}, "newName": "us-plan"}),
    );
    let ops = edit["documentChanges"].as_array().unwrap();
    let rename = ops.last().unwrap();
    assert_eq!(rename["kind"], "rename");
    assert!(
        rename["newUri"]
            .as_str()
            .unwrap()
            .ends_with("content/topics/us-plan.md")
    );
    let kremlin = ops
        .iter()
        .find(|o| {
            o["textDocument"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("kremlin-response.md"))
        })
        .unwrap_or_else(|| panic!("{edit}"));
    let lines: Vec<u64> = kremlin["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            assert_eq!(e["newText"], "us-plan");
            e["range"]["start"]["line"].as_u64().unwrap()
        })
        .collect();
    // `topics: [us-peace-plan, …]` and the stance's `on: us-peace-plan`.
    assert!(lines.contains(&6) && lines.contains(&9), "{lines:?}");
    // The profile keeps its old id as an old address (redirected, still resolving).
    let own = ops
        .iter()
        .find(|o| {
            o["textDocument"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("topics/us-peace-plan.md"))
        })
        .unwrap_or_else(|| panic!("{edit}"));
    assert_eq!(
        own["edits"][0]["newText"], "moved_from: [us-peace-plan]\n",
        "{own}"
    );
    // Names and aliases still resolve after the rename: they are left as written.
    let all = edit.to_string();
    assert!(!all.contains("US peace plan\""), "an alias was rewritten");
    c.stop();
}

#[test]
fn without_a_site_initialize_fails_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::spawn(dir.path());
    let uri = c.uri("");
    let answer = c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri, "capabilities": {}}),
    );
    assert!(
        answer["error"].as_str().unwrap().contains("no site.yaml"),
        "{answer}"
    );
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(!status.success());
}

#[test]
fn hostile_buffers_are_refused_as_check_refuses_them_and_the_server_goes_on() {
    let mut c = Client::start(&sample());
    // An alias bomb: a billion nodes if expanded; the front-matter guard refuses it first.
    let mut bomb = String::from("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        bomb.push_str(&format!(
            "{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n",
            (b'a' + i) as char,
            (b'a' + i) as char,
            p = (b'a' + i - 1) as char
        ));
    }
    bomb.push_str("title: x\ndate: 2025-12-01\n---\n");
    let started = Instant::now();
    c.open(NEW, &bomb);
    let diags = c.diagnostics(NEW, |d| !d.is_empty());
    assert!(diags.iter().any(|d| d["code"] == "D006"), "{diags:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // Past the size limit of a file: reported, not parsed.
    let huge = format!(
        "---\ntitle: x\ndate: 2025-12-01\n---\n{}",
        "word ".repeat(3_500_000)
    );
    c.change(NEW, 2, &huge);
    let diags = c.diagnostics(NEW, |d| d.iter().any(|x| x["code"] == "D001"));
    assert!(diags[0]["message"].as_str().unwrap().contains("16 MiB"));
    // A file outside the site is not the server's: nothing is answered for it.
    let outside = url::Url::from_file_path("/tmp/elsewhere.md")
        .unwrap()
        .to_string();
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": outside, "languageId": "markdown", "version": 1, "text": "---\nactors: [Zel\n"}}),
    );
    let got = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": outside}, "position": {"line": 1, "character": 12}}),
    );
    assert_eq!(got, Value::Null);
    // And the server still answers for the site.
    let talks = "content/briefings/2025-11-21-zelenskiy-trump-talks.md";
    c.open(
        talks,
        &std::fs::read_to_string(sample().join(talks)).unwrap(),
    );
    let hover = c.at("textDocument/hover", talks, 4, 31);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Donald Trump")
    );
    c.stop();
}

#[test]
fn an_unsaved_site_yaml_is_checked_too() {
    let mut c = Client::start(&sample());
    let text = std::fs::read_to_string(sample().join("site.yaml")).unwrap();
    c.open("site.yaml", &text);
    c.change("site.yaml", 2, &format!("{text}\npage_sise: 20\n"));
    let diags = c.diagnostics("site.yaml", |d| !d.is_empty());
    let slip = diags
        .iter()
        .find(|d| d["code"] == "D041")
        .unwrap_or_else(|| panic!("{diags:?}"));
    assert!(
        slip["message"].as_str().unwrap().contains("page_size"),
        "{slip}"
    );
    c.change("site.yaml", 3, &text);
    c.diagnostics("site.yaml", |d| d.is_empty());
    c.stop();
}

#[test]
fn broken_links_are_fixed_where_they_point_keeping_label_and_fragment() {
    let mut c = Client::start(&sample());
    let text = "---\ntitle: Links\ndate: 2025-12-01\n---\nSee [[actor:Marco Rubbio|him]] and [the plan](2025-11-20-us-framwork.md#a \"Plan\").\n";
    c.open(NEW, text);
    let diags = c.diagnostics(NEW, |d| {
        d.iter().filter(|x| x["code"] == "D018").count() == 2
    });
    let uri = c.uri(NEW);
    let mut got = Vec::new();
    for d in diags.iter().filter(|x| x["code"] == "D018") {
        let actions = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": []}}),
        );
        let actions = actions.as_array().unwrap();
        let fix = actions
            .iter()
            .find(|a| a["diagnostics"][0]["range"] == d["range"])
            .unwrap_or_else(|| panic!("{actions:?}"));
        let edit = &fix["edit"]["changes"][&uri][0];
        let line = text.lines().nth(4).unwrap();
        let (s, e) = (
            edit["range"]["start"]["character"].as_u64().unwrap() as usize,
            edit["range"]["end"]["character"].as_u64().unwrap() as usize,
        );
        got.push(format!(
            "{}{}{}",
            &line[..s],
            edit["newText"].as_str().unwrap(),
            &line[e..]
        ));
    }
    assert!(
        got.contains(
            &"See [[actor:Marco Rubio|him]] and [the plan](2025-11-20-us-framwork.md#a \"Plan\")."
                .to_string()
        ),
        "{got:?}"
    );
    assert!(
        got.contains(&"See [[actor:Marco Rubbio|him]] and [the plan](2025-11-20-us-framework.md#a \"Plan\").".to_string()),
        "{got:?}"
    );
    c.stop();
}

#[test]
fn schema_writes_one_json_schema_per_file_kind_and_prints_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["schema", "--root"])
        .arg(sample())
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "actor.schema.json",
            "author.schema.json",
            "briefing.schema.json",
            "place.schema.json",
            "site.schema.json",
            "source.schema.json",
            "topic.schema.json"
        ]
    );
    let actor: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("actor.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        actor["properties"]["kind"]["enum"],
        json!(["person", "organization", "state", "group"])
    );
    let printed = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["schema", "--print", "briefing"])
        .output()
        .unwrap();
    let briefing: Value = serde_json::from_slice(&printed.stdout).unwrap();
    assert_eq!(
        briefing["properties"]["confidence"]["enum"],
        json!(["low", "moderate", "high"])
    );
    let wrong = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["schema", "--print", "event"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr)
            .contains("briefing, actor, place, topic, author, source, site")
    );
}

#[test]
fn authors_complete_and_are_found_as_writers_and_reviewers() {
    let mut c = Client::start(&sample());
    let text =
        "---\ntitle: Editor test\ndate: 2025-12-01\nauthors: [Mir\nreviewed_by: [Tom\n---\nBody.\n";
    c.open(NEW, text);
    let got = c.at("textDocument/completion", NEW, 3, 13);
    item(&got, "Mira Okafor");
    assert!(
        !labels(&got).iter().any(|l| l == "Donald Trump"),
        "an actor among authors"
    );
    let got = c.at("textDocument/completion", NEW, 4, 17);
    item(&got, "Tomasz Wren");
    let mira = "content/authors/mira-okafor.md";
    c.open(mira, &std::fs::read_to_string(sample().join(mira)).unwrap());
    let refs = c.at("textDocument/references", mira, 0, 0);
    let refs = refs.as_array().unwrap();
    // `reviewed_by: [mira-okafor]`, line 5 of the US framework briefing.
    assert!(
        refs.iter()
            .any(|r| r["uri"].as_str().unwrap().ends_with("us-framework.md")
                && r["range"]["start"]["line"] == 4
                && r["range"]["start"]["character"] == 14),
        "{refs:?}"
    );
    c.stop();
}

/// The server checks at `DOSSIER_NOW` as `check` does, and `--future` includes embargoed
/// briefings: a link to one is an error before its embargo lifts and not after.
#[test]
fn embargoes_are_judged_at_dossier_now_and_future_includes_them() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/briefings")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: Desk\n").unwrap();
    std::fs::write(
        root.join("content/briefings/later.md"),
        "---\ntitle: Later\ndate: 2030-01-01\npublish_at: 2030-01-01T09:00:00Z\n---\nNot yet.\n",
    )
    .unwrap();
    let text = "---\ntitle: Now\ndate: 2026-01-01\n---\nSee [[briefing:later]].\n";
    std::fs::write(root.join("content/briefings/now.md"), text).unwrap();
    let rel = "content/briefings/now.md";
    let d070 = |d: &[Value]| d.iter().any(|x| x["code"] == "D070");

    let mut c = Client::start_with(root, &[], Some("2026-06-01T00:00:00Z"));
    c.open(rel, text);
    let diags = c.diagnostics(rel, d070);
    let link = diags.iter().find(|x| x["code"] == "D070").unwrap();
    assert_eq!(link["range"]["start"], json!({"line": 4, "character": 4}));
    c.stop();

    for (args, now) in [
        (&[][..], "2030-01-02T00:00:00Z"),
        (&["--future"][..], "2026-06-01T00:00:00Z"),
    ] {
        let mut c = Client::start_with(root, args, Some(now));
        c.open(rel, text);
        // A name with no profile makes the server publish this file's diagnostics.
        let edited = text.replace("date:", "actors: [Nobody Known]\ndate:");
        c.change(rel, 2, &edited);
        let diags = c.diagnostics(rel, |d| d.iter().any(|x| x["code"] == "D015"));
        assert!(!d070(&diags), "{args:?} at {now}: {diags:?}");
        c.stop();
    }
}

#[test]
fn a_picture_is_checked_as_it_is_typed_and_its_keys_complete() {
    let mut c = Client::start(&sample());
    let text = |image: &str| {
        format!(
            "---\ntitle: Editor test\ndate: 2025-12-01\nimage: {image}\nalt: The week\n---\nBody.\n"
        )
    };
    c.open(NEW, &text("us-framework-wek.png"));
    let diags = c.diagnostics(NEW, |d| d.iter().any(|x| x["code"] == "D081"));
    let missing = diags.iter().find(|d| d["code"] == "D081").expect("D081");
    assert_eq!(
        missing["range"]["start"],
        json!({"line": 3, "character": 7})
    );
    assert!(
        missing["relatedInformation"][0]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `us-framework-week.png`?"),
        "{missing}"
    );
    c.change(NEW, 2, &text("us-framework-week.png"));
    c.diagnostics(NEW, |d| !d.iter().any(|x| x["code"] == "D081"));
    // The keys are offered like any other.
    c.change(NEW, 3, "---\ntitle: Editor test\nim\n---\nBody.\n");
    let got = c.at("textDocument/completion", NEW, 2, 2);
    item(&got, "image");
    c.stop();
}

#[test]
fn a_contradiction_points_at_the_other_briefing_and_hints_are_hints() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/briefings")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        "title: Desk\nstubs: {actors: [Kyiv], topics: [Truce]}\n",
    )
    .unwrap();
    let stance = |p: &str| {
        format!(
            "---\ntitle: T {p}\ndate: 2026-01-01\nstances:\n  - actor: Kyiv\n    on: Truce\n    position: {p}\n---\nBody.\n"
        )
    };
    std::fs::write(root.join("content/briefings/a.md"), stance("supports")).unwrap();
    let text = stance("opposes");
    std::fs::write(root.join("content/briefings/b.md"), &text).unwrap();
    let rel = "content/briefings/b.md";
    let mut c = Client::start_with(root, &[], Some("2026-12-01T00:00:00Z"));
    c.open(rel, &text);
    let diags = c.diagnostics(rel, |d| d.iter().any(|x| x["code"] == "D100"));
    let d = diags.iter().find(|x| x["code"] == "D100").unwrap();
    assert_eq!(d["severity"], 2, "a warning");
    assert_eq!(d["range"]["start"], json!({"line": 6, "character": 14}));
    let other = &d["relatedInformation"][0];
    assert_eq!(other["location"]["uri"], c.uri("content/briefings/a.md"));
    assert_eq!(
        other["location"]["range"]["start"],
        json!({"line": 6, "character": 14})
    );
    assert!(other["message"].as_str().unwrap().contains("supports"));
    // The topic, last briefed eleven months before the server's day, is stale: a hint.
    let stale = diags.iter().find(|x| x["code"] == "D105").unwrap();
    assert_eq!(stale["severity"], 4, "a hint");
    c.stop();
}
