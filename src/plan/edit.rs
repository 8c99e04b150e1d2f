//! Writing new actions into `plan.yaml` text without touching a byte a
//! person wrote: the new actions are inserted as a block at the end of the
//! `actions` list, in the file's own indentation and line endings.

use std::fmt::Write as _;

use crate::init::quoted;
use crate::yaml::{self, Node};

use super::scaffold::NewAction;

/// What the file looks like, so that new lines match it.
struct Style {
    newline: &'static str,
    /// Indentation of `- ` before each action.
    dash_indent: String,
}

/// A whole new `plan.yaml`.
pub fn new_file(
    referential: &str,
    version: &str,
    structure: &str,
    actions: &[NewAction],
) -> String {
    let mut out = String::from("# Plan d'amélioration de la qualité, créé par « label plan ».\n");
    out.push_str(
        "# Complétez les responsables ; « label plan » n'ajoute ensuite que des actions,\n",
    );
    out.push_str("# sans jamais modifier ce que vous avez écrit.\n");
    let _ = write!(
        out,
        "referentiel: {referential}\nversion: {version}\nstructure: {structure}\nactions:\n"
    );
    let style = Style {
        newline: "\n",
        dash_indent: "  ".into(),
    };
    out.push_str(&block(actions, &style));
    out
}

/// The original text with `actions` inserted; `None` when the file's shape
/// leaves no place to insert without rewriting what a person wrote (a
/// non-empty flow list such as `actions: [{…}]`).
pub fn insert(original: &str, actions: &[NewAction]) -> Option<String> {
    if actions.is_empty() {
        return Some(original.to_string());
    }
    let root = yaml::parse(original).ok()?;
    let Node::Map(entries) = &root.value else {
        return None;
    };
    let index = entries.iter().position(|(k, _)| k.value == "actions")?;
    let (key, value) = &entries[index];
    let newline = if original.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    match &value.value {
        Node::Seq(items) if !items.is_empty() => {
            let first = &items[0];
            let line_start = original[..first.span.offset]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let dash = original[line_start..first.span.offset].trim_end_matches(|c| c != '-');
            if !dash.ends_with('-') || original[line_start..].trim_start().starts_with('[') {
                return None; // flow list
            }
            let dash_indent = dash.trim_end_matches('-').to_string();
            if dash_indent.trim() != "" {
                return None;
            }
            let at = block_end(original, entries.get(index + 1).map(|(k, _)| k.span.offset));
            let style = Style {
                newline,
                dash_indent,
            };
            Some(splice(original, at, &block(actions, &style), newline))
        }
        Node::Seq(_) | Node::Null => {
            // `actions: []` or `actions:` with nothing: the value itself is
            // replaced by the block, the only bytes that change.
            let line_end = original[key.span.offset..]
                .find('\n')
                .map_or(original.len(), |i| key.span.offset + i);
            let line = &original[key.span.offset..line_end];
            let colon = line.find(':')?;
            let rest = line[colon + 1..].trim_end_matches('\r');
            let value_text = rest.split('#').next().unwrap_or("").trim();
            if !(value_text.is_empty() || value_text == "[]") {
                return None;
            }
            let key_indent = original[..key.span.offset]
                .rfind('\n')
                .map_or(key.span.offset, |i| key.span.offset - i - 1);
            let style = Style {
                newline,
                dash_indent: " ".repeat(key_indent + 2),
            };
            let head = format!("{}actions:{}", &original[..key.span.offset], newline);
            let after = original[line_end..]
                .strip_prefix('\n')
                .unwrap_or(&original[line_end..]);
            let comment = rest
                .find('#')
                .map(|i| format!("{}{}", &rest[i..], newline))
                .unwrap_or_default();
            Some(format!("{head}{}{comment}{after}", block(actions, &style)))
        }
        _ => None,
    }
}

/// Byte offset where the actions block ends: the start of the line of the
/// next top-level key, or the end of the file.
fn block_end(text: &str, next_key: Option<usize>) -> usize {
    match next_key {
        Some(offset) => text[..offset].rfind('\n').map_or(0, |i| i + 1),
        None => text.len(),
    }
}

/// Inserts `block` at `at`, making sure it starts on a fresh line.
fn splice(text: &str, at: usize, block: &str, newline: &str) -> String {
    let before = &text[..at];
    let needs_break = !before.is_empty() && !before.ends_with('\n');
    let mut out = String::with_capacity(text.len() + block.len() + 2);
    out.push_str(before);
    if needs_break {
        out.push_str(newline);
    }
    out.push_str(block);
    out.push_str(&text[at..]);
    out
}

fn block(actions: &[NewAction], style: &Style) -> String {
    let mut out = String::new();
    let nl = style.newline;
    let pad = format!("{}  ", style.dash_indent);
    for action in actions {
        let origin = match action.origin {
            super::Origin::Audit => "audit",
            super::Origin::SelfAssessment => "autoevaluation",
        };
        let _ = write!(out, "{}- id: {}{nl}", style.dash_indent, action.id);
        let _ = write!(out, "{pad}criteres: [{}]{nl}", action.criterion);
        let _ = write!(out, "{pad}titre: {}{nl}", quoted(&action.title));
        let _ = write!(out, "{pad}responsable:{nl}");
        let _ = write!(out, "{pad}echeance: {}{nl}", action.due);
        let _ = write!(out, "{pad}statut: a_faire{nl}");
        let _ = write!(out, "{pad}origine: {origin}{nl}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::plan::Origin;

    fn action(id: &str) -> NewAction {
        NewAction {
            id: id.into(),
            criterion: "VAL-03".into(),
            title: "Atteindre le niveau attendu : « RGPD »".into(),
            due: Date {
                year: 2027,
                month: 2,
                day: 27,
            },
            origin: Origin::SelfAssessment,
            reason: "écart majeur",
        }
    }

    #[test]
    fn appends_after_the_last_action_keeping_everything() -> Result<(), &'static str> {
        let original = "referentiel: missions-locales   # mon commentaire\nversion: 1.0.0\nstructure: ml-x\nactions:\n    # une note\n    -   id: 'A07'\n        criteres: [GOUV-05]\n        titre: Publier\n        statut: a_faire\n\n# fin\n";
        let updated = insert(original, &[action("A08")]).ok_or("insertion possible")?;
        assert!(updated.starts_with(original));
        assert!(updated.ends_with("    - id: A08\n      criteres: [VAL-03]\n      titre: \"Atteindre le niveau attendu : « RGPD »\"\n      responsable:\n      echeance: 2027-02-27\n      statut: a_faire\n      origine: autoevaluation\n"));
        Ok(())
    }

    #[test]
    fn inserts_before_a_following_key_and_keeps_crlf() -> Result<(), &'static str> {
        let original = "actions:\r\n  - id: A01\r\n    criteres: [ACC-02]\r\n    titre: x\r\n    statut: a_faire\r\nreferentiel: missions-locales\r\nversion: 1.0.0\r\nstructure: ml-x\r\n";
        let updated = insert(original, &[action("A02")]).ok_or("insertion possible")?;
        assert!(updated.contains("statut: a_faire\r\n  - id: A02\r\n"));
        assert!(updated.ends_with("origine: autoevaluation\r\nreferentiel: missions-locales\r\nversion: 1.0.0\r\nstructure: ml-x\r\n"));
        assert!(!updated.replace("\r\n", "").contains('\n'));
        Ok(())
    }

    #[test]
    fn replaces_only_an_empty_list() -> Result<(), &'static str> {
        let original = "referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\nactions: []  # rien encore\n";
        let updated = insert(original, &[action("A01")]).ok_or("insertion possible")?;
        assert!(updated.starts_with("referentiel: missions-locales\nversion: 1.0.0\nstructure: ml-x\nactions:\n  - id: A01\n"));
        assert!(updated.ends_with("# rien encore\n"));
        Ok(())
    }

    #[test]
    fn refuses_a_flow_list() {
        let original = "actions: [{id: A01, criteres: [X-1], titre: t, statut: a_faire}]\n";
        assert_eq!(insert(original, &[action("A02")]), None);
    }
}
