//! The report templates, compiled into the binary. HTML: every value is
//! HTML-escaped (element, attribute and inline SVG text alike; the only
//! attributes filled from a file are quoted); Markdown: every value goes
//! through `escape::markdown`, so a name or a comment can open no table
//! cell, link, heading or inline HTML.

use minijinja::{AutoEscape, Environment, Output, State, Value};
use serde::Serialize;

const REPORT_CSS: &str = include_str!("rapport.css");

const TEMPLATES: [(&str, &str); 4] = [
    ("rapport.html", include_str!("rapport.html")),
    ("reseau.html", include_str!("reseau.html")),
    ("rapport.md", include_str!("rapport.md")),
    ("reseau.md", include_str!("reseau.md")),
];

fn template(name: &str) -> &'static str {
    TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, t)| t)
}

/// One self-contained HTML file: the page rules, the report's styles, no
/// script, no external resource.
pub fn html(name: &'static str, context: impl Serialize) -> String {
    super::typography::html(&crate::output::html::render_with(
        name,
        template(name),
        &[
            ("rapport.css", REPORT_CSS),
            // The document head both HTML reports share.
            ("head.html", include_str!("head.html")),
        ],
        context,
    ))
}

/// Markdown: every printed value is escaped by `escape::markdown`; the
/// templates' own text is written as is.
pub fn markdown(name: &'static str, context: impl Serialize) -> String {
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.set_trim_blocks(true);
    env.set_auto_escape_callback(|_| AutoEscape::Custom("markdown"));
    env.set_formatter(markdown_formatter);
    let rendered = env
        .template_from_named_str(name, template(name))
        .and_then(|t| t.render(context));
    let rendered = rendered.unwrap_or_else(|e| format!("<!-- erreur de gabarit : {e} -->\n"));
    super::typography::text(&rendered)
}

fn markdown_formatter(
    out: &mut Output,
    _state: &State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    let written = match value.as_str() {
        Some(text) if !value.is_safe() => out.write_str(&crate::escape::markdown(text)),
        _ => write!(out, "{value}"),
    };
    written.map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
}
