//! The shared frame of the printable HTML outputs (the checklist, the
//! fiches d'écart): one self-contained file, inline CSS, no script. The
//! templates are compiled into the binary; minijinja escapes every value for
//! HTML, so nothing read from a file can become markup.

use minijinja::{AutoEscape, Environment};
use serde::Serialize;

/// The page rules every printable file shares (A4, type, headings, header
/// list); a template pulls them with `{% include "page.css" -%}`.
const PAGE_CSS: &str = include_str!("page.css");

/// Renders `template` (named `name`, ending in `.html`) with `context`.
pub fn render(name: &'static str, template: &'static str, context: impl Serialize) -> String {
    render_with(name, template, &[], context)
}

/// Like [`render`], with more templates a page may include (`partials`).
pub fn render_with(
    name: &'static str,
    template: &'static str,
    partials: &[(&'static str, &'static str)],
    context: impl Serialize,
) -> String {
    let mut env = Environment::new();
    // Every value is HTML-escaped, whatever the template's name.
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_keep_trailing_newline(true);
    let mut added = env.add_template("page.css", PAGE_CSS);
    for (partial, text) in partials {
        added = added.and_then(|()| env.add_template(partial, text));
    }
    let rendered = added
        .and_then(|()| env.template_from_named_str(name, template))
        .and_then(|t| t.render(context));
    // The templates are ours and the values plain data: rendering cannot
    // fail; should it, the error shows in the output.
    rendered.unwrap_or_else(|e| format!("<!-- erreur de gabarit : {e} -->\n"))
}
