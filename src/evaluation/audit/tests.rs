//! Every row of §6.3, the month arithmetic and the cycle.

use std::collections::BTreeMap;

use super::*;
use crate::audit::{AuditFinding, AuditKind, Decision, Lifting};
use crate::referential::testing::{referential, with};

type Result = std::result::Result<(), String>;

/// Two criteria (LAB-01, LAB-02); `k` = 2 minors make a major.
fn base() -> std::result::Result<Referential, String> {
    referential(&with(
        "  niveau_ecart_majeur: 1\n",
        "  niveau_ecart_majeur: 1\n  mineurs_pour_un_majeur: 2\n",
    )?)
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text}"))
}

fn finding(result: AuditResult) -> AuditFinding {
    AuditFinding {
        result,
        observations: Some("Faits.".into()),
        evidence_seen: vec![],
        strength: false,
        improvement: None,
        justification: None,
        lifting: None,
    }
}

fn audit(end: &str, results: &[(&str, AuditResult)]) -> Audit {
    Audit {
        referential: "essai".into(),
        version: "1.0.0".into(),
        structure: "s".into(),
        kind: AuditKind::Initial,
        start: day(end),
        end: day(end),
        end_place: crate::yaml::Span::START,
        auditors: vec![],
        findings: results
            .iter()
            .map(|(id, r)| (id.to_string(), finding(*r)))
            .collect::<BTreeMap<_, _>>(),
        decision: None,
        missing: vec![],
    }
}

use AuditResult::{Conform, MajorNonconformity as Major, MinorNonconformity as Minor};

fn propose_on(a: &Audit) -> std::result::Result<Proposal, String> {
    Ok(propose(&base()?, a, None, &[]))
}

#[test]
fn item_3_a_major_is_unfavourable_with_its_deadline() -> Result {
    let p = propose_on(&audit(
        "2026-10-08",
        &[("LAB-01", Major), ("LAB-02", Conform)],
    ))?;
    assert_eq!(p.verdict, Some(Verdict::Unfavorable));
    assert_eq!(p.majors, ["LAB-01"]);
    assert_eq!(p.major_deadline, Some(day("2027-01-08")));
    assert_eq!(p.minor_deadline, None);
    assert_eq!(p.motives, [Motive::Majors(vec!["LAB-01".into()])]);
    assert_eq!(p.cycle, None, "no label after an unfavourable proposal");
    Ok(())
}

#[test]
fn item_3_exactly_k_minors_is_unfavourable() -> Result {
    let p = propose_on(&audit(
        "2026-10-08",
        &[("LAB-01", Minor), ("LAB-02", Minor)],
    ))?;
    assert_eq!(p.verdict, Some(Verdict::Unfavorable));
    assert_eq!(p.minors, ["LAB-01", "LAB-02"]);
    assert_eq!(p.minor_deadline, Some(day("2027-04-08")));
    let ids = vec!["LAB-01".to_string(), "LAB-02".to_string()];
    assert_eq!(p.motives, [Motive::TooManyMinors { limit: 2, ids }]);
    Ok(())
}

#[test]
fn item_3_k_minus_one_minors_is_favourable_with_reservations() -> Result {
    let p = propose_on(&audit(
        "2026-10-08",
        &[("LAB-01", Minor), ("LAB-02", Conform)],
    ))?;
    assert_eq!(p.verdict, Some(Verdict::FavorableWithReservations));
    assert_eq!(p.minor_deadline, Some(day("2027-04-08")));
    assert_eq!(p.major_deadline, None);
    let cycle = p.cycle.ok_or("cycle")?;
    assert!(cycle.provisional);
    assert_eq!(cycle.since, day("2026-10-08"));
    assert_eq!(cycle.surveillance, day("2028-04-08"));
    assert_eq!(cycle.end, day("2029-10-08"));
    Ok(())
}

#[test]
fn item_3_no_nonconformity_is_favourable() -> Result {
    let p = propose_on(&audit(
        "2026-10-08",
        &[("LAB-01", Conform), ("LAB-02", Conform)],
    ))?;
    assert_eq!(p.verdict, Some(Verdict::Favorable));
    assert_eq!(p.motives, [Motive::NoNonconformity]);
    assert_eq!((p.major_deadline, p.minor_deadline), (None, None));
    Ok(())
}

#[test]
fn item_3_a_lifted_nonconformity_is_not_open() -> Result {
    let mut a = audit("2026-10-08", &[("LAB-01", Major), ("LAB-02", Conform)]);
    let lifting = Lifting {
        date: day("2026-12-01"),
        evidence: vec!["PV".into()],
        by: "Claire Dubois".into(),
    };
    a.findings.get_mut("LAB-01").ok_or("LAB-01")?.lifting = Some(lifting);
    let p = propose_on(&a)?;
    assert_eq!(p.verdict, Some(Verdict::Favorable));
    assert!(p.majors.is_empty());
    Ok(())
}

#[test]
fn item_3_an_incomplete_audit_gives_no_proposal() -> Result {
    let mut a = audit("2026-10-08", &[("LAB-01", Conform)]);
    a.missing = vec!["LAB-02".into()];
    let p = propose_on(&a)?;
    assert_eq!(p.verdict, None);
    assert_eq!(p.cycle, None);
    assert_eq!(p.motives, [Motive::Incomplete(vec!["LAB-02".into()])]);
    Ok(())
}

#[test]
fn item_3_deadlines_clamp_to_the_month_end() -> Result {
    let p = propose_on(&audit(
        "2026-08-31",
        &[("LAB-01", Minor), ("LAB-02", Conform)],
    ))?;
    assert_eq!(p.minor_deadline, Some(day("2027-02-28")));
    let leap = propose_on(&audit(
        "2027-08-29",
        &[("LAB-01", Minor), ("LAB-02", Conform)],
    ))?;
    assert_eq!(leap.minor_deadline, Some(day("2028-02-29")));
    let major = propose_on(&audit(
        "2027-11-30",
        &[("LAB-01", Major), ("LAB-02", Conform)],
    ))?;
    assert_eq!(major.major_deadline, Some(day("2028-02-29")));
    Ok(())
}

#[test]
fn item_3_the_cycle_runs_from_the_decision() -> Result {
    let mut a = audit("2026-10-08", &[("LAB-01", Conform), ("LAB-02", Conform)]);
    a.decision = Some(Decision {
        date: day("2026-12-17"),
        opinion: Opinion::Labelled,
    });
    let cycle = propose_on(&a)?.cycle.ok_or("cycle")?;
    assert!(!cycle.provisional);
    assert_eq!(cycle.surveillance, day("2028-06-17"));
    assert_eq!(cycle.end, day("2029-12-17"));
    a.decision = Some(Decision {
        date: day("2026-12-17"),
        opinion: Opinion::Postponed,
    });
    assert_eq!(propose_on(&a)?.cycle, None);
    Ok(())
}

/// A surveillance audit checks the label granted before it: the cycle
/// keeps running from that decision, it does not start again.
#[test]
fn item_3_a_surveillance_audit_keeps_the_granted_cycle() -> Result {
    let mut initial = audit("2025-03-12", &[("LAB-01", Conform), ("LAB-02", Conform)]);
    initial.decision = Some(Decision {
        date: day("2025-05-20"),
        opinion: Opinion::Labelled,
    });
    let mut surveillance = audit("2026-11-18", &[("LAB-01", Conform), ("LAB-02", Conform)]);
    surveillance.kind = AuditKind::Surveillance;
    let p = propose(&base()?, &surveillance, Some(&initial), &[]);
    let cycle = p.cycle.ok_or("cycle")?;
    assert!(!cycle.provisional);
    assert_eq!(cycle.since, day("2025-05-20"));
    assert_eq!(cycle.end, day("2028-05-20"));
    Ok(())
}

#[test]
fn item_5_a_minor_not_lifted_from_the_previous_audit_counts_as_major() -> Result {
    let previous = audit("2025-04-10", &[("LAB-01", Minor), ("LAB-02", Minor)]);
    let mut lifted = previous.clone();
    lifted.findings.get_mut("LAB-02").ok_or("LAB-02")?.lifting = Some(Lifting {
        date: day("2025-09-01"),
        evidence: vec![],
        by: "Claire Dubois".into(),
    });
    let now = audit("2026-10-08", &[("LAB-01", Conform), ("LAB-02", Conform)]);
    let p = propose(&base()?, &now, Some(&lifted), &[]);
    assert_eq!(p.verdict, Some(Verdict::Unfavorable));
    assert_eq!(p.majors, ["LAB-01"]);
    assert_eq!(p.motives, [Motive::CarriedOver(vec!["LAB-01".into()])]);
    assert_eq!(p.major_deadline, Some(day("2027-01-08")));
    Ok(())
}

#[test]
fn item_3_declaration_gaps_differ_in_kind() -> Result {
    let declared = |id: &str, status| CriterionResult {
        id: id.into(),
        title: "t".into(),
        status,
        level: None,
        expected: 3,
        imperative: false,
        actions: vec![],
    };
    let a = audit("2026-10-08", &[("LAB-01", Minor), ("LAB-02", Major)]);
    let statuses = [
        declared("LAB-01", Status::Conform),
        declared("LAB-02", Status::MinorGap),
    ];
    let p = propose(&base()?, &a, None, &statuses);
    let gap = DeclarationGap {
        criterion: "LAB-01".into(),
        declared: Status::Conform,
        found: Minor,
    };
    assert_eq!(
        p.declaration_gaps,
        [gap],
        "a minor gap found major: same kind"
    );
    Ok(())
}
