//! Item 8: the real YAML language server (the one behind VS Code's YAML
//! extension), driven over stdio as an editor drives it, on a fresh
//! `label init` template whose schema comes from its modeline.
//!
//! The server is the npm package `yaml-language-server`, looked for in
//! `$LABEL_YAML_LS` (its install prefix or its script), else `target/lsp`
//! (where `.ci/run` installs it). Missing, the test is skipped, except
//! under CI where it fails.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};
use std::{env, fs, thread};

use serde_json::{Value, json};

use common::{label, root};

const SCRIPT: &str = "node_modules/yaml-language-server/bin/yaml-language-server";
const WAIT: Duration = Duration::from_secs(60);

/// The server's script, if installed and node runs.
fn server_script() -> Option<PathBuf> {
    let base = env::var_os("LABEL_YAML_LS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/lsp"));
    let script = [base.join(SCRIPT), base]
        .into_iter()
        .find(|p| p.is_file())?;
    let node = Command::new("node").arg("--version").output().ok()?;
    node.status.success().then_some(script)
}

/// A language server session over stdio.
struct Server {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    diagnostics: Vec<(String, Vec<Value>)>,
}

impl Server {
    fn start(script: &Path, root_dir: &Path) -> Server {
        let mut child = Command::new("node")
            .arg(script)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("node starts the YAML language server");
        let input = child.stdin.take().unwrap();
        let output = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(output);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            input,
            messages,
            next_id: 0,
            diagnostics: Vec::new(),
        };
        let capabilities = json!({ "textDocument": {
            "completion": { "completionItem": {
                "snippetSupport": true,
                "documentationFormat": ["markdown", "plaintext"],
            } },
            "hover": { "contentFormat": ["markdown", "plaintext"] },
            "publishDiagnostics": {},
        } });
        server.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri(root_dir), "capabilities": capabilities }),
        );
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its answer, serving the server's own
    /// requests and keeping its diagnostics meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|message| message["id"] == id && message.get("method").is_none())
            .get("result")
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Opens a document and returns the diagnostics the server publishes.
    fn open(&mut self, file: &Path, text: &str) -> Vec<Value> {
        let document = uri(file);
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": document, "languageId": "yaml", "version": 1, "text": text,
            } }),
        );
        self.wait(|message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == document
        });
        let (_, found) = self.diagnostics.pop().unwrap();
        found
    }

    fn at(&mut self, method: &str, file: &Path, line: usize, character: usize) -> Value {
        let params = json!({
            "textDocument": { "uri": uri(file) },
            "position": { "line": line, "character": character },
        });
        self.request(method, params)
    }

    fn wait(&mut self, done: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .expect("the language server answers in time");
            if message.get("id").is_some() && message.get("method").is_some() {
                self.answer(&message);
            } else if message["method"] == "textDocument/publishDiagnostics" {
                let params = &message["params"];
                let found = params["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let document = params["uri"].as_str().unwrap_or_default().to_string();
                self.diagnostics.push((document, found));
            }
            if done(&message) {
                return message;
            }
        }
    }

    /// The server asks for settings or registrations: defaults, accepted.
    fn answer(&mut self, request: &Value) {
        let result = match request["method"].as_str() {
            Some("workspace/configuration") => {
                let count = request["params"]["items"].as_array().map_or(0, Vec::len);
                Value::Array(vec![Value::Null; count])
            }
            _ => Value::Null,
        };
        let id = request["id"].clone();
        self.send(json!({ "jsonrpc": "2.0", "id": id, "result": result }));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A `file://` URI, as editors send it.
fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Index of the first line equal to `wanted` at or after `from`.
fn line_of(lines: &[String], wanted: &str, from: usize) -> usize {
    from + lines[from..]
        .iter()
        .position(|l| l == wanted)
        .unwrap_or_else(|| panic!("no line « {wanted} »"))
}

fn lines_with_diagnostics(found: &[Value]) -> Vec<u64> {
    found
        .iter()
        .filter_map(|d| d["range"]["start"]["line"].as_u64())
        .collect()
}

#[test]
fn item_8_yaml_language_server_helps_on_a_fresh_template() {
    let Some(script) = server_script() else {
        assert!(
            env::var_os("CI").is_none(),
            "yaml-language-server is not installed: .ci/run installs it in target/lsp"
        );
        eprintln!(
            "skipped: yaml-language-server not installed (npm install --prefix target/lsp yaml-language-server)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let run = label(
        dir.path(),
        &["init", "ml", "--structure", "essai", "--nom", "Essai"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = dir.path().join("ml/autoevaluation.yaml");
    let template = fs::read_to_string(&file).unwrap();
    let lines: Vec<String> = template.lines().map(String::from).collect();
    let first = line_of(&lines, "  GOUV-01:", 0);
    let first_level = line_of(&lines, "    niveau:", first);
    let second = line_of(&lines, "  GOUV-02:", first);
    let second_level = line_of(&lines, "    niveau:", second);
    let mut server = Server::start(&script, dir.path());

    // A planted level outside the scale and a look-alike id are flagged.
    let mut planted = lines.clone();
    planted[first] = "  GOUV-O1:".into();
    planted[second_level] = "    niveau: 9".into();
    let found = server.open(&dir.path().join("ml/planted.yaml"), &planted.join("\n"));
    let flagged = lines_with_diagnostics(&found);
    assert!(flagged.contains(&(first as u64)), "GOUV-O1: {found:?}");
    assert!(
        flagged.contains(&(second_level as u64)),
        "niveau: 9: {found:?}"
    );

    // The fresh template: not a single problem.
    let found = server.open(&file, &template);
    assert!(found.is_empty(), "fresh template: {found:#?}");

    // Hover on a criterion id shows its title.
    let hover = server.at("textDocument/hover", &file, first, 3);
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    let title = first_criterion_title();
    assert!(shown.contains(&title), "hover: {hover}");

    // Completion after « niveau: » offers the levels, with their labels;
    // completing the key itself inserts no value.
    let mut editing = lines.clone();
    editing[first_level] = "    niveau: ".into();
    editing[second_level] = "    ".into();
    let edited = dir.path().join("ml/editing.yaml");
    server.open(&edited, &editing.join("\n"));
    let completion = server.at("textDocument/completion", &edited, first_level, 12);
    let offered = items(&completion);
    for level in ["1", "2", "3", "4"] {
        let item = offered.iter().find(|i| i["label"] == level);
        let documentation = item.map(|i| i["documentation"].to_string());
        assert!(
            documentation.is_some_and(|d| d.contains("atisfait")),
            "level {level}: {completion}"
        );
    }
    let completion = server.at("textDocument/completion", &edited, second_level, 4);
    let key = items(&completion)
        .into_iter()
        .find(|i| i["label"] == "niveau")
        .unwrap_or_else(|| panic!("no « niveau » key offered: {completion}"));
    let inserted = key["insertText"].as_str().unwrap_or_default();
    assert!(
        inserted.starts_with("niveau:") && !inserted.contains('0'),
        "{key}"
    );
}

fn items(completion: &Value) -> Vec<Value> {
    completion
        .get("items")
        .unwrap_or(completion)
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// GOUV-01's title, read from the shipped referential.
/// The title `label init` writes by default: the latest shipped version's.
fn first_criterion_title() -> String {
    let text = fs::read_to_string(root().join("referentiels/missions-locales/1.1.0.yaml")).unwrap();
    let referential: Value = serde_saphyr::from_str(&text).unwrap();
    let criterion = &referential["principes"][0]["criteres"][0];
    assert_eq!(criterion["id"], "GOUV-01");
    criterion["titre"].as_str().unwrap().to_string()
}
