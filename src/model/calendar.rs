//! Calendar dates from times in milliseconds, for the learner's eyes: no clock, no time zone
//! database and no float formatting; the caller gives the local offset.
//!
//! Days are counted from 1970-01-01 (day 0) in the learner's local time. The offset is what
//! JavaScript's `Date.getTimezoneOffset` gives: minutes to add to local time to get UTC
//! (`-60` in Paris in winter, `300` in New York).

use super::progress::Time;
use super::review::DAY;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// 0 for Monday to 6 for Sunday.
    pub weekday: u32,
}

/// The local day a time falls on.
pub fn day_number(at: Time, offset_minutes: i64) -> i64 {
    (at as i64 - offset_minutes * 60_000).div_euclid(DAY as i64)
}

/// When a local day starts, as a time.
pub fn day_start(day: i64, offset_minutes: i64) -> Time {
    (day * DAY as i64 + offset_minutes * 60_000).max(0) as Time
}

/// The date of a day number (Howard Hinnant's `civil_from_days`, proleptic Gregorian).
pub fn date(day: i64) -> Date {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Date {
        year: (yoe + era * 400 + i64::from(month <= 2)) as i32,
        month,
        day: (doy - (153 * mp + 2) / 5 + 1) as u32,
        // Day 0 was a Thursday.
        weekday: (day + 3).rem_euclid(7) as u32,
    }
}

impl Date {
    /// "December 2, 2025" (US English).
    pub fn long(&self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }

    /// "Tue Dec 2".
    pub fn short(&self) -> String {
        format!(
            "{} {} {}",
            self.weekday_name(),
            &MONTHS[self.month as usize - 1][..3],
            self.day
        )
    }

    /// "Tue".
    pub fn weekday_name(&self) -> &'static str {
        WEEKDAYS[self.weekday as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2025-11-25 14:13:20 UTC, a Tuesday.
    const T: Time = 1_764_080_000_000;

    fn check(day: i64, expected: (i32, u32, u32, &str)) {
        let d = date(day);
        assert_eq!(
            (d.year, d.month, d.day, d.weekday_name()),
            expected,
            "day {day}"
        );
    }

    #[test]
    fn day_numbers_become_dates() {
        check(0, (1970, 1, 1, "Thu"));
        check(-1, (1969, 12, 31, "Wed"));
        check(20_417, (2025, 11, 25, "Tue"));
        check(20_513, (2026, 3, 1, "Sun"));
        check(11_016, (2000, 2, 29, "Tue"));
        check(11_017, (2000, 3, 1, "Wed"));
        check(-719_468, (0, 3, 1, "Wed"));
    }

    #[test]
    fn the_local_day_depends_on_the_offset() {
        assert_eq!(day_number(T, 0), 20_417);
        // In New York (UTC-5) it is 09:13 on the 25th.
        assert_eq!(day_number(T, 300), 20_417);
        // In Tokyo (UTC+9) it is 23:13 on the 25th; in Kiritimati (UTC+14), the 26th.
        assert_eq!(day_number(T, -540), 20_417);
        assert_eq!(day_number(T, -840), 20_418);
        assert_eq!(day_number(0, 60), -1);
    }

    #[test]
    fn a_day_starts_at_local_midnight() {
        assert_eq!(day_start(20_417, 0), 1_764_028_800_000);
        assert_eq!(day_start(20_417, -60), 1_764_028_800_000 - 3_600_000);
        assert_eq!(day_start(20_417, 300), 1_764_028_800_000 + 18_000_000);
        assert_eq!(day_number(day_start(20_417, 300), 300), 20_417);
        assert_eq!(day_start(-1, 0), 0);
    }

    #[test]
    fn dates_read_in_words() {
        assert_eq!(date(20_417).long(), "November 25, 2025");
        assert_eq!(date(20_417).short(), "Tue Nov 25");
        assert_eq!(date(20_423).long(), "December 1, 2025");
        assert_eq!(date(20_423).short(), "Mon Dec 1");
        assert_eq!(date(20_453).short(), "Wed Dec 31");
    }
}
