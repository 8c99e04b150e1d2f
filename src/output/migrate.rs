//! `label migrate`: the summary of each structure, and `--dry-run`'s
//! unified diff.

use std::fmt::Write as _;

use crate::migrate::{FileChange, Migration, Tally};

/// What happened to one structure, in a few lines.
pub fn summary(shown: &str, migration: &Migration, written: bool) -> String {
    let t = &migration.tally;
    let answers = migration
        .files
        .iter()
        .any(|f| f.shown.ends_with("autoevaluation.yaml"));
    // `--audits` on a folder already moved: only its audit catches up.
    let what = if answers { "" } else { "audit.yaml " };
    let mut out = format!("{shown} : {what}{} → {}\n", migration.from, migration.to);
    if answers {
        let mut carried = vec![match t.unchanged {
            0 => "aucune réponse inchangée".to_string(),
            1 => "1 réponse inchangée".to_string(),
            n => format!("{n} réponses inchangées"),
        }];
        carried.extend(t.carried.iter().cloned());
        let _ = writeln!(out, "  reprises : {}", carried.join(" ; "));
    }
    line(&mut out, "à revoir (a_revoir: true)", &t.review);
    line(&mut out, "retirées (sous reponses_retirees)", &t.retired);
    line(&mut out, "critères nouveaux, prêts à renseigner", &t.added);
    plan_line(&mut out, t);
    if migration.audit_kept {
        let _ = writeln!(
            out,
            "  audit.yaml : reste en version {}, l'historique de l'audit mené (--audits pour le migrer)",
            migration.from
        );
    }
    line(
        &mut out,
        "audit.yaml : constats mis de côté (sous constats_retires)",
        &t.audit_retired,
    );
    let changed: Vec<&str> = migration
        .files
        .iter()
        .filter(|f| f.before != f.after)
        .map(|f| f.shown.rsplit('/').next().unwrap_or(&f.shown))
        .collect();
    let verb = if written {
        "écrits"
    } else {
        "à écrire (--dry-run : rien n'a été écrit)"
    };
    let _ = writeln!(out, "  fichiers {verb} : {}", changed.join(", "));
    out
}

fn line(out: &mut String, title: &str, ids: &[String]) {
    if !ids.is_empty() {
        let _ = writeln!(out, "  {title} : {}", ids.join(", "));
    }
}

fn plan_line(out: &mut String, t: &Tally) {
    if t.actions.is_empty() {
        return;
    }
    let mut text = format!(
        "  plan.yaml : critères réécrits dans {} ({})",
        crate::french::plural(t.actions.len(), "action", "actions"),
        t.actions.join(", ")
    );
    if !t.dropped.is_empty() {
        let _ = write!(
            text,
            " ; critères supprimés retirés des actions : {}",
            t.dropped.join(", ")
        );
    }
    out.push_str(&text);
    out.push('\n');
}

/// The message of a folder already on the target version.
pub fn already(shown: &str, version: &str) -> String {
    format!("{shown} : déjà en version {version}, rien à faire\n")
}

/// A unified diff of each changed file, three lines of context.
pub fn diff(files: &[FileChange]) -> String {
    let mut out = String::new();
    for file in files.iter().filter(|f| f.before != f.after) {
        let _ = writeln!(out, "--- {}", file.shown);
        let _ = writeln!(out, "+++ {} (après label migrate)", file.shown);
        out.push_str(&hunks(&file.before, &file.after));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Removed,
    Added,
}

/// The lines of `before` and `after` as a sequence of operations
/// (longest common subsequence).
fn ops<'a>(before: &[&'a str], after: &[&'a str]) -> Vec<(Op, &'a str)> {
    // Same lines at both ends first: the table only covers the middle.
    let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
    let suffix = before[prefix..]
        .iter()
        .rev()
        .zip(after[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (middle_before, middle_after) = (
        &before[prefix..before.len() - suffix],
        &after[prefix..after.len() - suffix],
    );
    let mut out: Vec<(Op, &str)> = before[..prefix].iter().map(|l| (Op::Same, *l)).collect();
    if middle_before.len().saturating_mul(middle_after.len()) > MAX_TABLE {
        // Too big to compare line by line: one block removed, one added.
        out.extend(middle_before.iter().map(|l| (Op::Removed, *l)));
        out.extend(middle_after.iter().map(|l| (Op::Added, *l)));
    } else {
        out.extend(common(middle_before, middle_after));
    }
    out.extend(
        before[before.len() - suffix..]
            .iter()
            .map(|l| (Op::Same, *l)),
    );
    out
}

/// The most cells the comparison table may hold (16 MB).
const MAX_TABLE: usize = 4_000_000;

fn common<'a>(before: &[&'a str], after: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (before.len(), after.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if before[i] == after[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    while i < n || j < m {
        if i < n && j < m && before[i] == after[j] {
            out.push((Op::Same, before[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[at(i + 1, j)] >= table[at(i, j + 1)]) {
            out.push((Op::Removed, before[i]));
            i += 1;
        } else {
            out.push((Op::Added, after[j]));
            j += 1;
        }
    }
    out
}

fn hunks(before: &str, after: &str) -> String {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let ops = ops(&old, &new);
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != Op::Same).collect();
    let mut out = String::new();
    let mut k = 0;
    while k < changed.len() {
        let start = changed[k].saturating_sub(3);
        let mut end = changed[k];
        while k < changed.len() && changed[k] <= end + 7 {
            end = changed[k];
            k += 1;
        }
        let end = (end + 4).min(ops.len());
        let line_of =
            |upto: usize, skip: Op| ops[..upto].iter().filter(|(o, _)| *o != skip).count();
        let (old_start, new_start) = (line_of(start, Op::Added), line_of(start, Op::Removed));
        let old_len = ops[start..end]
            .iter()
            .filter(|(o, _)| *o != Op::Added)
            .count();
        let new_len = ops[start..end]
            .iter()
            .filter(|(o, _)| *o != Op::Removed)
            .count();
        let _ = writeln!(
            out,
            "@@ -{},{old_len} +{},{new_len} @@",
            old_start + 1,
            new_start + 1
        );
        for (op, text) in &ops[start..end] {
            let mark = match op {
                Op::Same => ' ',
                Op::Removed => '-',
                Op::Added => '+',
            };
            let _ = writeln!(out, "{mark}{}", text.trim_end_matches(['\n', '\r']));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hunks;

    #[test]
    fn two_distant_changes_make_two_hunks() {
        let before: String = (1..=20).map(|i| format!("l{i}\n")).collect();
        let after = before
            .replace("l2\n", "L2\n")
            .replace("l18\n", "l18\nnew\n");
        let text = hunks(&before, &after);
        assert_eq!(text.matches("@@ -").count(), 2, "{text}");
        assert!(text.contains("-l2\n+L2\n"), "{text}");
        assert!(text.contains("+new\n"), "{text}");
    }

    #[test]
    fn a_huge_change_is_one_block_without_a_huge_table() {
        let before: String = (0..3000).map(|i| format!("a{i}\n")).collect();
        let after: String = (0..3000).map(|i| format!("b{i}\n")).collect();
        let text = hunks(&format!("x\n{before}y\n"), &format!("x\n{after}y\n"));
        assert_eq!(text.lines().filter(|l| l.starts_with('-')).count(), 3000);
        assert_eq!(text.lines().filter(|l| l.starts_with('+')).count(), 3000);
        assert!(
            text.starts_with("@@ -1,3002 +1,3002 @@\n x\n-a0\n"),
            "{}",
            &text[..40]
        );
    }
}
