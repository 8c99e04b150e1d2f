//! A small builder of YAML texts for the editor's tests.

/// A small builder of YAML texts: lines, line ending, byte order mark,
/// final line break.
#[derive(Clone)]
pub(super) struct Doc {
    lines: Vec<String>,
    crlf: bool,
    bom: bool,
    final_newline: bool,
}

pub(super) fn doc(lines: &[&str]) -> Doc {
    Doc {
        lines: lines.iter().map(|l| l.to_string()).collect(),
        crlf: false,
        bom: false,
        final_newline: true,
    }
}

impl Doc {
    pub(super) fn crlf(mut self) -> Doc {
        self.crlf = true;
        self
    }

    pub(super) fn bom(mut self) -> Doc {
        self.bom = true;
        self
    }

    pub(super) fn without_final_newline(mut self) -> Doc {
        self.final_newline = false;
        self
    }

    pub(super) fn text(&self) -> String {
        let nl = if self.crlf { "\r\n" } else { "\n" };
        let mut text = if self.bom {
            "\u{feff}".to_string()
        } else {
            String::new()
        };
        text.push_str(&self.lines.join(nl));
        if self.final_newline {
            text.push_str(nl);
        }
        text
    }
}
