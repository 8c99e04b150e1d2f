//! The one place that writes to the terminal: standard output through one
//! buffered writer (or, with `-o FILE`, into a file written atomically at
//! the end), standard error for messages. A closed pipe
//! (`label … | head`) ends output quietly with the computed status; any
//! other write failure is a fatal diagnostic (FS006, exit 2). The colour
//! and `--quiet` policies, read from the command line and the environment
//! once, live here too.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::path::PathBuf;
use std::sync::OnceLock;

use super::options::ColorChoice;
use crate::diagnostics::{Diagnostic, Finding, Location};

/// Where the results of one run go.
enum Sink {
    Stdout(BufWriter<Stdout>),
    /// `-o FILE`: kept in memory, written atomically by [`Out::finish`].
    File(PathBuf, Vec<u8>),
}

/// Standard output of one run.
pub struct Out {
    sink: Sink,
    failure: Option<io::Error>,
    /// Said on standard error once the file of `-o` is written, never
    /// before: a refused write must not say it was done.
    written: Option<String>,
}

impl Default for Out {
    fn default() -> Self {
        Out::new()
    }
}

impl Out {
    pub fn new() -> Out {
        Out::to(None)
    }

    /// Standard output, or the file of `-o FILE` (`-o -` is standard
    /// output).
    pub fn to(file: Option<PathBuf>) -> Out {
        let sink = match file {
            Some(path) if path.as_os_str() != "-" => Sink::File(path, Vec::new()),
            _ => Sink::Stdout(BufWriter::new(io::stdout())),
        };
        Out {
            sink,
            failure: None,
            written: None,
        }
    }

    /// The file of `-o FILE`, when results go to one.
    pub fn file(&self) -> Option<&std::path::Path> {
        match &self.sink {
            Sink::File(path, _) => Some(path),
            Sink::Stdout(_) => None,
        }
    }

    /// A message for standard error once the file of `-o` is written.
    pub fn when_written(&mut self, message: String) {
        self.written = Some(message);
    }

    /// Whether results go to a terminal (colour, widths).
    pub fn is_terminal(&self) -> bool {
        matches!(self.sink, Sink::Stdout(_)) && io::stdout().is_terminal()
    }

    /// Writes text; after a first failure, nothing more is attempted.
    pub fn print(&mut self, text: &str) {
        self.stream(|w| w.write_all(text.as_bytes()));
    }

    /// Lets a renderer stream into standard output.
    pub fn stream(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        let writer: &mut dyn Write = match &mut self.sink {
            Sink::Stdout(writer) => writer,
            Sink::File(_, buffer) => buffer,
        };
        if self.failure.is_none()
            && let Err(error) = write(writer)
        {
            self.failure = Some(error);
        }
    }

    /// Flushes and gives the exit code: `code` itself, unless writing
    /// failed for another reason than a closed pipe.
    pub fn finish(mut self, code: u8) -> u8 {
        let sink = std::mem::replace(&mut self.sink, Sink::File(PathBuf::new(), Vec::new()));
        match sink {
            Sink::Stdout(mut writer) => {
                if self.failure.is_none()
                    && let Err(error) = writer.flush()
                {
                    self.failure = Some(error);
                }
            }
            // A command that could not run and said nothing leaves no file.
            Sink::File(_, buffer) if code == 2 && buffer.is_empty() => {}
            Sink::File(path, buffer) => {
                return match write_file(&path, &buffer) {
                    Ok(()) => {
                        if let Some(message) = self.written.take() {
                            eprint(&message);
                        }
                        code
                    }
                    Err(failed) => failed,
                };
            }
        }
        match self.failure.take() {
            None => code,
            Some(error) if error.kind() == io::ErrorKind::BrokenPipe => code,
            Some(error) => {
                let detail = format!("sortie standard : {}", io_reason(&error));
                let diagnostic =
                    Diagnostic::new(Finding::WriteFailed { detail }, Location::file("-"));
                let label = diagnostic.severity.label();
                eprint(&format!(
                    "{label}[{}] : {}\n",
                    diagnostic.code, diagnostic.message
                ));
                2
            }
        }
    }
}

/// `-o FILE`: replaced atomically, never through a link (FS010); a failure
/// is told on standard error (exit 2), with nothing changed.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), u8> {
    crate::write::refuse_link(path)
        .and_then(|()| crate::write::refuse_special(path))
        .and_then(|()| crate::write::write_atomically(path, bytes))
        .map_err(|error| {
            let shown = path.display().to_string();
            super::fail(Diagnostic::not_written(error, Location::file(shown)))
        })
}

/// Writes a message on standard error; if even that fails, there is no one
/// left to tell.
pub fn eprint(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|_| stderr.flush());
}

/// How standard input is named in messages (`label lint -`).
pub const STDIN_NAME: &str = "-";

/// Standard input read whole, for a command given `-` for a file: at most
/// the size of any file (`source::MAX_FILE_BYTES`), UTF-8.
pub fn read_stdin() -> Result<crate::source::SourceFile, Diagnostic> {
    use std::io::Read;
    let limit = crate::source::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    let location = Location::file(STDIN_NAME);
    if let Err(error) = io::stdin().lock().take(limit + 1).read_to_end(&mut bytes) {
        let detail = io_reason(&error);
        return Err(Diagnostic::new(Finding::Unreadable { detail }, location));
    }
    if bytes.len() as u64 > limit {
        let detail = format!("plus que la limite de {limit} octets");
        return Err(Diagnostic::new(Finding::Limit { detail }, location));
    }
    crate::source::SourceFile::from_bytes(STDIN_NAME, bytes)
}

/// Whether standard error is a terminal.
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// An I/O failure told in French.
pub fn io_reason(error: &io::Error) -> String {
    crate::source::io_reason(error)
}

/// The run's `--color` and `--quiet`, set once by `cli::run`.
static POLICY: OnceLock<(ColorChoice, bool)> = OnceLock::new();

/// Records the global options of this run.
pub fn set_policy(color: ColorChoice, quiet: bool) {
    let _ = POLICY.set((color, quiet));
}

/// `--quiet`: no remarks, no progress; results and errors only.
pub fn quiet() -> bool {
    POLICY.get().is_some_and(|(_, quiet)| *quiet)
}

/// The colour policy: `--color always|never` wins; else `NO_COLOR` (set
/// and not empty) turns colour off, then `CLICOLOR_FORCE` or
/// `FORCE_COLOR` (set, not empty, not `0`) turn it on even off a terminal;
/// else colour only on a terminal.
pub fn color(is_terminal: bool) -> crate::output::Color {
    let choice = POLICY.get().map_or(ColorChoice::Auto, |(color, _)| *color);
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    let forced = |name: &str| set(name).is_some_and(|v| v != "0" && v != "false");
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") => true,
        ColorChoice::Auto => is_terminal,
    };
    if on {
        crate::output::Color::Always
    } else {
        crate::output::Color::Never
    }
}
