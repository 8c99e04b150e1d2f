//! Calendar dates as written in our files (`AAAA-MM-JJ`), with the month
//! arithmetic that deadlines need.

use std::fmt;

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `AAAA-MM-JJ`; anything else, or a day that does not exist, is `None`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        let digits = [0, 1, 2, 3, 5, 6, 8, 9];
        if bytes.len() != 10
            || bytes[4] != b'-'
            || bytes[7] != b'-'
            || !digits.iter().all(|&i| bytes[i].is_ascii_digit())
        {
            return None;
        }
        let year = text.get(0..4)?.parse().ok()?;
        let month = text.get(5..7)?.parse().ok()?;
        let day = text.get(8..10)?.parse().ok()?;
        let date = Date { year, month, day };
        // The Gregorian calendar has no year 0.
        let exists = year >= 1 && (1..=12).contains(&month);
        (exists && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// The same day `months` later, clamped to the month's last day
    /// (31 January + 1 month = 28 or 29 February).
    /// Stops at 9999-12-31, the last day a file can hold (`AAAA-MM-JJ`):
    /// a deadline is never written as a date that does not read back.
    pub fn add_months(self, months: u32) -> Date {
        let total = u64::from(self.month.saturating_sub(1)) + u64::from(months);
        let year = self
            .year
            .saturating_add(i32::try_from(total / 12).unwrap_or(i32::MAX));
        let month = u32::try_from(total % 12).unwrap_or(0) + 1;
        if year > 9999 {
            return Date {
                year: 9999,
                month: 12,
                day: 31,
            };
        }
        Date {
            year,
            month,
            day: self.day.min(days_in_month(year, month)),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// The date as French readers write it (§4.6): « 8 octobre 2026 »,
    /// « 1er mars 2027 ». Files and machine outputs keep ISO 8601.
    pub fn french(self) -> String {
        const MONTHS: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let month = MONTHS[(self.month as usize).clamp(1, 12) - 1];
        let day = if self.day == 1 {
            "1er".to_string()
        } else {
            self.day.to_string()
        };
        format!("{day} {month} {}", self.year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_end_and_the_last_day_a_file_can_hold() {
        let add = |t: &str, m: u32| Date::parse(t).map(|d| d.add_months(m).to_string());
        assert_eq!(add("2026-08-31", 6).as_deref(), Some("2027-02-28"));
        assert_eq!(add("2027-08-31", 6).as_deref(), Some("2028-02-29"));
        assert_eq!(add("9999-12-31", 3).as_deref(), Some("9999-12-31"));
    }

    #[test]
    fn french_dates_for_people() {
        let date = |t: &str| Date::parse(t).map(Date::french);
        assert_eq!(date("2026-10-08").as_deref(), Some("8 octobre 2026"));
        assert_eq!(date("2027-03-01").as_deref(), Some("1er mars 2027"));
        assert_eq!(date("2026-08-31").as_deref(), Some("31 août 2026"));
    }

    #[test]
    fn parses_only_real_days() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("23-01-01"), None);
    }

    #[test]
    fn adds_months_clamping_the_day() -> Result<(), &'static str> {
        let d = Date::parse("2026-10-31").ok_or("valid date")?;
        assert_eq!(d.add_months(4).to_string(), "2027-02-28");
        assert_eq!(d.add_months(3).to_string(), "2027-01-31");
        let end_of_august = Date::parse("2026-08-31").ok_or("valid date")?;
        assert_eq!(end_of_august.add_months(6).to_string(), "2027-02-28");
        let leap = Date::parse("2027-08-31").ok_or("valid date")?;
        assert_eq!(leap.add_months(6).to_string(), "2028-02-29");
        let _ = d.add_months(u32::MAX); // no overflow
        Ok(())
    }
}

impl Date {
    /// Today's date (UTC) from the system clock.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(1970),
            month: u32::try_from(month).unwrap_or(1),
            day: u32::try_from(day).unwrap_or(1),
        }
    }
}

#[cfg(test)]
mod today_tests {
    use super::*;

    #[test]
    fn civil_dates_from_days() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_819).to_string(), "2027-01-01");
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
    }
}
