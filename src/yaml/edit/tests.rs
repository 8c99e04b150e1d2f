//! The editor on small documents built line by line.

use super::*;

mod builder;

use builder::doc;

fn edit(
    text: &str,
    change: impl FnOnce(&mut Editor) -> Result<(), EditError>,
) -> Result<String, EditError> {
    let mut editor = Editor::new(text)?;
    change(&mut editor)?;
    Ok(editor.finish()?.text)
}

const ACTIONS: &[Step] = &[Step::Key("actions")];

fn action(id: &str) -> Value {
    Value::Map(vec![
        ("id".into(), Value::text(id)),
        ("criteres".into(), Value::Flow(vec![Value::text("VAL-03")])),
        ("responsable".into(), Value::Null),
    ])
}

#[test]
fn push_appends_after_the_last_item_and_trailing_comments() -> Result<(), EditError> {
    let before = doc(&[
        "a: 1 # note",
        "actions:",
        "    # une note",
        "    -   id: 'A07'",
        "",
        "# fin",
    ])
    .text();
    let after = edit(&before, |e| e.push(ACTIONS, &action("A08")))?;
    assert_eq!(
        after,
        format!("{before}    - id: A08\n      criteres: [VAL-03]\n      responsable:\n")
    );
    Ok(())
}

#[test]
fn push_goes_before_the_next_key_in_crlf_with_bom() -> Result<(), EditError> {
    let before = doc(&["actions:", "  - id: A01", "  -", "    id: A02", "z: 1"])
        .crlf()
        .bom()
        .text();
    let after = edit(&before, |e| {
        e.push(ACTIONS, &action("A03"))?;
        e.push(ACTIONS, &Value::text("2024"))
    })?;
    let expected = doc(&[
        "actions:",
        "  - id: A01",
        "  -",
        "    id: A02",
        "  - id: A03",
        "    criteres: [VAL-03]",
        "    responsable:",
        "  - \"2024\"",
        "z: 1",
    ])
    .crlf()
    .bom()
    .text();
    assert_eq!(after, expected);
    Ok(())
}

#[test]
fn push_without_final_newline_starts_a_line() -> Result<(), EditError> {
    let before = doc(&["l:", "- a", "- b  # dernier"])
        .without_final_newline()
        .text();
    let after = edit(&before, |e| e.push(&[Step::Key("l")], &Value::text("c")))?;
    assert_eq!(after, "l:\n- a\n- b  # dernier\n- c\n");
    Ok(())
}

/// The first item of the list `l`, as read.
fn first_item(text: &str) -> Option<Node> {
    let Node::Map(entries) = crate::yaml::parse(text).ok()?.value else {
        return None;
    };
    let Node::Seq(items) = &entries.first()?.1.value else {
        return None;
    };
    Some(items.first()?.value.clone())
}

#[test]
fn a_block_scalar_ending_the_file_keeps_its_text() -> Result<(), EditError> {
    for (before, expected) in [
        ("l:\n  - |\n    a", "l:\n  - |\n    a\n  - b\n"),
        ("l:\n  - |-\n    a", "l:\n  - |-\n    a\n  - b\n"),
        ("l:\n  - |+\n    a\n\n", "l:\n  - |+\n    a\n\n  - b\n"),
    ] {
        let after = edit(before, |e| e.push(&[Step::Key("l")], &Value::text("b")))?;
        assert_eq!(after, expected);
        assert_eq!(first_item(before), first_item(&after), "{before:?}");
        assert!(first_item(before).is_some());
    }
    Ok(())
}

#[test]
fn empty_values_become_blocks() -> Result<(), EditError> {
    let cases = [
        (
            "actions: []  # rien encore\nz: 1\n",
            "actions:  # rien encore\n  - a\n  - b\nz: 1\n",
        ),
        ("actions:\nz: 1\n", "actions:\n  - a\n  - b\nz: 1\n"),
        ("actions :\nz: 1\n", "actions :\n  - a\n  - b\nz: 1\n"),
        ("actions: ~", "actions:\n  - a\n  - b\n"),
        ("actions:   []\n", "actions:\n  - a\n  - b\n"),
        ("x:\n    y: [ ]\n", "x:\n    y:\n        - a\n        - b\n"),
    ];
    for (before, expected) in cases {
        let after = edit(before, |e| {
            let path = if before.starts_with('x') {
                vec![Step::Key("x"), Step::Key("y")]
            } else {
                ACTIONS.to_vec()
            };
            e.push(&path, &Value::text("a"))?;
            e.push(&path, &Value::text("b"))
        })?;
        assert_eq!(after, expected, "{before:?}");
    }
    Ok(())
}

#[test]
fn flow_collections_and_aliases_are_refused() -> Result<(), EditError> {
    let text = doc(&[
        "actions: [{id: A01}]",
        "m: {a: 1}",
        "s: &s",
        "  - x",
        "t: *s",
    ])
    .text();
    let push = |path: &[Step]| edit(&text, |e| e.push(path, &Value::text("y")));
    let flow = push(ACTIONS)
        .err()
        .map(|e| (e.reason, e.span.line, e.span.column));
    assert_eq!(flow, Some((Reason::Flow, 1, 10)));
    let entry = edit(&text, |e| {
        e.insert_entry(&[Step::Key("m")], "b", &Value::Null)
    });
    assert_eq!(entry.err().map(|e| e.reason), Some(Reason::Flow));
    assert_eq!(
        push(&[Step::Key("t")]).err().map(|e| e.reason),
        Some(Reason::Alias)
    );
    assert_eq!(
        push(&[Step::Key("m"), Step::Key("a")])
            .err()
            .map(|e| e.reason),
        Some(Reason::Kind("une liste"))
    );
    assert_eq!(
        push(&[Step::Key("absent")]).err().map(|e| e.reason),
        Some(Reason::Missing)
    );
    assert!(push(&[Step::Key("s")]).is_ok());
    Ok(())
}

#[test]
fn insert_entry_ends_the_right_mapping() -> Result<(), EditError> {
    let before = doc(&[
        "actions:",
        "  - id: A01",
        "    titre: |",
        "      bloc",
        "",
        "  - id: A02",
        "z: {}",
    ])
    .text();
    let after = edit(&before, |e| {
        e.insert_entry(
            &[Step::Key("actions"), Step::Index(0)],
            "statut",
            &Value::text("a_faire"),
        )?;
        e.insert_entry(&[Step::Key("z")], "k", &Value::Seq(vec![Value::text("no")]))
    })?;
    let expected = doc(&[
        "actions:",
        "  - id: A01",
        "    titre: |",
        "      bloc",
        "",
        "    statut: a_faire",
        "  - id: A02",
        "z:",
        "  k:",
        "    - \"no\"",
    ])
    .text();
    assert_eq!(after, expected);
    let twice = edit(&before, |e| {
        e.insert_entry(&[Step::Key("actions"), Step::Index(1)], "id", &Value::Null)
    });
    assert_eq!(twice.err().map(|e| e.reason), Some(Reason::Exists));
    Ok(())
}

#[test]
fn set_scalar_replaces_only_the_value() -> Result<(), EditError> {
    let before = doc(&[
        "a: 1   # un",
        "b: 'x'",
        "c:",
        "d: |",
        "  bloc",
        "e:",
        "  - f",
    ])
    .text();
    let after = edit(&before, |e| {
        e.set_scalar(&[Step::Key("a")], &Value::text("null"))?;
        e.set_scalar(&[Step::Key("b")], &Value::text("Directrice"))?;
        e.set_scalar(&[Step::Key("c")], &Value::text("2026-09-30"))?;
        e.set_scalar(&[Step::Key("e"), Step::Index(0)], &Value::Null)
    })?;
    assert_eq!(
        after,
        "a: \"null\"   # un\nb: Directrice\nc: 2026-09-30\nd: |\n  bloc\ne:\n  -\n"
    );
    for header in ["|", "|-", ">+", ">2", "|1-"] {
        let text = format!("d: {header}\n   bloc\n");
        let block = edit(&text, |e| {
            e.set_scalar(&[Step::Key("d")], &Value::text("x"))
        });
        assert_eq!(
            block.err().map(|e| e.reason),
            Some(Reason::BlockScalar),
            "{header}"
        );
    }
    let not_inline = edit(&before, |e| e.set_scalar(&[Step::Key("a")], &action("A01")));
    assert_eq!(not_inline.err().map(|e| e.reason), Some(Reason::NotInline));
    let spaced = edit("c :\n", |e| {
        e.set_scalar(&[Step::Key("c")], &Value::text("v"))
    })?;
    assert_eq!(spaced, "c : v\n");
    Ok(())
}

#[test]
fn conflicting_edits_are_refused_where_they_meet() {
    let twice = |key: &'static str| {
        edit("a: 1\nc:\n", |e| {
            e.set_scalar(&[Step::Key(key)], &Value::text("2"))?;
            e.set_scalar(&[Step::Key(key)], &Value::text("3"))
        })
        .err()
        .map(|e| (e.reason, e.span.offset))
    };
    assert_eq!(twice("a"), Some((Reason::Overlap, 3)));
    assert_eq!(twice("c"), Some((Reason::Overlap, 7)));
}

#[test]
fn errors_say_where_and_why_in_french() -> Result<(), EditError> {
    let flow = edit("l: [a]\n", |e| e.push(&[Step::Key("l")], &Value::text("b")));
    let message = flow.err().map(|e| e.to_string());
    assert_eq!(
        message.as_deref(),
        Some("1:4 : valeur écrite sur une ligne ([…] ou {…})")
    );
    let missing = edit("l: [a]\n", |e| e.push(&[Step::Key("m")], &Value::text("b")));
    assert_eq!(
        missing.err().map(|e| e.to_string()).as_deref(),
        Some("1:1 : valeur introuvable")
    );
    Ok(())
}

#[test]
fn indentless_sequences_keep_their_dash_column() -> Result<(), EditError> {
    let before = "k:\n  l:\n  - a\n  -   # note\n    b\nz: 1\n";
    assert_eq!(Editor::new(before)?.style().indent, 2);
    let after = edit(before, |e| {
        e.push(&[Step::Key("k"), Step::Key("l")], &Value::text("c"))
    })?;
    assert_eq!(after, "k:\n  l:\n  - a\n  -   # note\n    b\n  - c\nz: 1\n");
    Ok(())
}

#[test]
fn indentless_sequences_of_flow_values_are_blocks() -> Result<(), EditError> {
    let before = "l:\n- {id: A01}\n- [x]\n";
    let after = edit(before, |e| e.push(&[Step::Key("l")], &Value::text("c")))?;
    assert_eq!(after, "l:\n- {id: A01}\n- [x]\n- c\n");
    let after = edit("l:\n- [x]\n", |e| {
        e.push(&[Step::Key("l")], &Value::text("c"))
    })?;
    assert_eq!(after, "l:\n- [x]\n- c\n");
    let nested = edit("l:\n- [x]\n", |e| {
        e.push(&[Step::Key("l"), Step::Index(0)], &Value::text("c"))
    });
    assert_eq!(nested.err().map(|e| e.reason), Some(Reason::Flow));
    Ok(())
}

#[test]
fn the_indentation_step_is_the_first_block_under_a_key() -> Result<(), EditError> {
    let cases = [
        ("l:\n    - a\nm: []\n", 4),
        ("- k:\n      v: 1\n", 4),
        ("k: {a: 1}\nl:\n   - x\n", 3),
        ("l:\n- a\nm:\n   n: 1\n", 3),
        ("k: v\n", 2),
    ];
    for (text, indent) in cases {
        assert_eq!(Editor::new(text)?.style().indent, indent, "{text:?}");
    }
    Ok(())
}

#[test]
fn style_follows_the_file() -> Result<(), EditError> {
    let before = doc(&["x:", "    y: 1", "l: []"]).text();
    let editor = Editor::new(&before)?;
    assert_eq!(
        editor.style(),
        Style {
            newline: "\n",
            indent: 4
        }
    );
    let after = edit(&before, |e| e.push(&[Step::Key("l")], &action("A01")))?;
    assert_eq!(
        after,
        "x:\n    y: 1\nl:\n    - id: A01\n      criteres: [VAL-03]\n      responsable:\n"
    );
    Ok(())
}

#[test]
fn a_document_end_marker_stays_last() -> Result<(), EditError> {
    let before = doc(&["---", "l:", "  - a", "...", "# après"]).text();
    let after = edit(&before, |e| e.push(&[Step::Key("l")], &Value::text("b")))?;
    assert_eq!(after, "---\nl:\n  - a\n  - b\n...\n# après\n");
    Ok(())
}

#[test]
fn nested_sequences_and_new_documents() -> Result<(), EditError> {
    let after = edit("- - a\n  - b\n- c\n", |e| {
        e.push(&[Step::Index(0)], &Value::text("b2"))
    })?;
    assert_eq!(after, "- - a\n  - b\n  - b2\n- c\n");
    let text = document(
        &[
            ("version".into(), Value::text("1.0.0")),
            (
                "l".into(),
                Value::Seq(vec![Value::Seq(vec![Value::text("x")]), Value::Map(vec![])]),
            ),
        ],
        &Style::default(),
    );
    assert_eq!(text, "version: 1.0.0\nl:\n  -\n    - x\n  - {}\n");
    let empty = document(
        &[
            (
                "l".into(),
                Value::Seq(vec![Value::Null, Value::Seq(vec![])]),
            ),
            ("m".into(), Value::Seq(vec![])),
        ],
        &Style::default(),
    );
    assert_eq!(empty, "l:\n  -\n  - []\nm: []\n");
    Ok(())
}

#[test]
fn finish_reports_the_edits_in_order() -> Result<(), EditError> {
    let mut editor = Editor::new("l: []\nm:\n  k: v\n")?;
    editor.insert_entry(&[Step::Key("m")], "j", &Value::text("w"))?;
    editor.push(&[Step::Key("l")], &Value::text("a"))?;
    let edited = editor.finish()?;
    assert_eq!(edited.text, "l:\n  - a\nm:\n  k: v\n  j: w\n");
    let ranges: Vec<(Range<usize>, &str)> = edited
        .edits
        .iter()
        .map(|e| (e.range.clone(), e.text.as_str()))
        .collect();
    assert_eq!(
        ranges,
        vec![(2..5, ""), (6..6, "  - a\n"), (16..16, "  j: w\n")]
    );
    Ok(())
}

#[test]
fn unreadable_text_is_an_error() {
    let error = Editor::new("a: [\n").err();
    assert!(matches!(error.map(|e| e.reason), Some(Reason::Syntax(_))));
}
