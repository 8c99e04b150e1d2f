//! The geometry of the inline SVG charts: numbers only (drawn by the
//! templates, which escape every text). Coordinates are rounded to a tenth
//! of a unit and written as text, so the same model gives the same bytes.

use serde::Serialize;

use crate::evaluation::Status;
use crate::report::{CriterionLine, StatusCounts};

/// Label column and bar area, in SVG user units (the drawing is 700 wide).
const LABEL: f64 = 190.0;
const BAR: f64 = 440.0;
const ROW: f64 = 24.0;

/// Horizontal stacked bars: the share of criteria at each status.
#[derive(Serialize)]
pub struct StackChart {
    pub height: String,
    pub rows: Vec<StackRow>,
    pub legend: Vec<Legend>,
}

#[derive(Serialize)]
pub struct StackRow {
    pub y: String,
    pub text_y: String,
    pub label: String,
    pub total: usize,
    /// Per status, in `Status::ALL` order (tables).
    pub counts: Vec<usize>,
    pub segments: Vec<Segment>,
}

#[derive(Serialize)]
pub struct Segment {
    pub x: String,
    pub width: String,
    pub mid: String,
    pub class: &'static str,
    pub count: usize,
    pub label: &'static str,
    /// Wide enough to print its count inside.
    pub labelled: bool,
}

#[derive(Serialize)]
pub struct Legend {
    pub x: String,
    pub text_x: String,
    pub y: String,
    pub text_y: String,
    pub class: &'static str,
    pub label: &'static str,
}

/// CSS class of a status (colours in rapport.css).
pub fn class(status: Status) -> &'static str {
    match status {
        Status::Conform => "s-conforme",
        Status::MinorGap => "s-mineur",
        Status::MajorGap => "s-majeur",
        Status::NotApplicable => "s-nc",
        Status::NotAssessed => "s-ne",
    }
}

fn n(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// One row per `(label, counts)`.
pub fn stack(rows: &[(String, StatusCounts)]) -> StackChart {
    let rows: Vec<StackRow> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, counts))| {
            let y = 4.0 + i as f64 * ROW;
            let total = counts.total();
            let mut x = LABEL;
            let segments = Status::ALL
                .iter()
                .filter(|s| counts.get(**s) > 0)
                .map(|s| {
                    let count = counts.get(*s);
                    let width = BAR * count as f64 / total.max(1) as f64;
                    let segment = Segment {
                        x: n(x),
                        width: n(width),
                        mid: n(x + width / 2.0),
                        class: class(*s),
                        count,
                        label: s.label(),
                        labelled: width >= 16.0,
                    };
                    x += width;
                    segment
                })
                .collect();
            StackRow {
                y: n(y),
                text_y: n(y + 13.0),
                label: label.clone(),
                total,
                counts: Status::ALL.iter().map(|s| counts.get(*s)).collect(),
                segments,
            }
        })
        .collect();
    let bottom = 4.0 + rows.len() as f64 * ROW;
    let legend = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| Legend {
            x: n(LABEL + i as f64 * 100.0),
            text_x: n(LABEL + i as f64 * 100.0 + 14.0),
            y: n(bottom + 6.0),
            text_y: n(bottom + 15.0),
            class: class(*s),
            label: s.label(),
        })
        .collect();
    StackChart {
        height: n(bottom + 26.0),
        legend,
        rows,
    }
}

/// Levels reached against expected, one bar per criterion.
#[derive(Serialize)]
pub struct LevelChart {
    pub height: String,
    pub rows: Vec<LevelRow>,
    /// Gridlines, one per level of the scale.
    pub ticks: Vec<Tick>,
    pub grid_bottom: String,
    pub bottom: String,
}

#[derive(Serialize)]
pub struct LevelRow {
    pub y: String,
    pub text_y: String,
    pub label: String,
    pub width: String,
    pub expected_x: String,
    pub marker_top: String,
    pub marker_bottom: String,
    pub class: &'static str,
    pub value: String,
    /// No expected level is drawn for a criterion that does not apply.
    pub marker: bool,
}

#[derive(Serialize)]
pub struct Tick {
    pub x: String,
    pub label: i64,
}

pub fn levels(criteria: &[CriterionLine], scale: &[i64]) -> LevelChart {
    let max = scale.iter().copied().max().unwrap_or(1).max(1) as f64;
    let at = |level: i64| LABEL + BAR * level as f64 / max;
    let rows: Vec<LevelRow> = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let y = 4.0 + i as f64 * ROW;
            let value = match (c.status, c.level) {
                (Status::NotApplicable, _) => "non concerné".to_string(),
                (_, Some(level)) => format!("{level} / {}", c.expected),
                (_, None) => format!("— / {}", c.expected),
            };
            LevelRow {
                y: n(y + 3.0),
                text_y: n(y + 13.0),
                label: c.id.clone(),
                width: n(c.level.map_or(0.0, |l| (at(l) - LABEL).max(0.0))),
                expected_x: n(at(c.expected)),
                marker_top: n(y),
                marker_bottom: n(y + 20.0),
                class: class(c.status),
                value,
                marker: c.status != Status::NotApplicable,
            }
        })
        .collect();
    let bottom = 4.0 + rows.len() as f64 * ROW;
    LevelChart {
        height: n(bottom + 18.0),
        ticks: scale
            .iter()
            .map(|l| Tick {
                x: n(at(*l)),
                label: *l,
            })
            .collect(),
        grid_bottom: n(bottom),
        bottom: n(bottom + 14.0),
        rows,
    }
}
