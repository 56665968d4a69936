//! FSRS-6 spaced-repetition scheduling: how well a learner remembers, and when to review next.
//!
//! This is the FSRS-6 algorithm (Free Spaced Repetition Scheduler) by Jarrett Ye and the
//! open-spaced-repetition project, written out as plain arithmetic so that it costs the wasm
//! build a few kilobytes instead of the `fsrs` crate and its tensor library. The reference it is
//! tested against is py-fsrs 6.3.2 (the `fsrs` package on PyPI) set up as pure FSRS: no learning
//! or relearning steps, no fuzzing, desired retention 0.9. `scripts/fsrs-reference.py` prints
//! the values that the tests below check.
//!
//! A memory has a *stability* S (the days until the chance of recall falls to 90%) and a
//! *difficulty* D in [1, 10]. Each review with a [`Rating`] moves both.
//!
//! Elapsed time: [`review`] takes the time since the previous review in days as an `f64`
//! (milliseconds / 86 400 000). Like the reference, it counts whole days: it floors
//! `elapsed_days`, so a review less than 24 hours after the previous one is a same-day review
//! (the short-term formula, which ignores how long it was), and 47 hours count as 1 day. These
//! are spans of 24 hours since the previous review, not calendar days. [`retrievability`] and
//! [`interval_days`] do not floor: they are the continuous curve.

/// FSRS-6 default parameters (the 21 published weights w0..w20).
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// The chance of recall at which a review falls due: 90%.
pub const DESIRED_RETENTION: f64 = 0.9;

/// The longest interval [`next_interval`] gives, in days (the reference's default maximum).
pub const MAX_INTERVAL_DAYS: u32 = 36500;

/// How the learner answered a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    /// Forgot.
    Again = 1,
    /// Remembered with serious difficulty.
    Hard = 2,
    /// Remembered after some thought.
    Good = 3,
    /// Remembered at once.
    Easy = 4,
}

/// The state of one memory after a review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until the chance of recall falls to 90%; at least 0.001.
    pub stability: f64,
    /// How hard the item is for this learner, from 1 (easiest) to 10.
    pub difficulty: f64,
}

/// Probability of recall after `elapsed_days` with this stability, on the FSRS-6 forgetting curve
/// of the default weights: `(1 + factor * t / S) ^ decay` with `decay = -w20` and
/// `factor = 0.9 ^ (1 / decay) - 1`, so that R(S, S) = 0.9.
pub fn retrievability(stability: f64, elapsed_days: f64) -> f64 {
    forgetting_curve(DEFAULT_WEIGHTS[20], stability, elapsed_days)
}

/// The exact number of days after which recall falls to `retention` on the default weights'
/// forgetting curve; `interval_days(S, 0.9)` is S.
pub fn interval_days(stability: f64, retention: f64) -> f64 {
    let decay = -DEFAULT_WEIGHTS[20];
    stability * ((retention.powf(1.0 / decay) - 1.0) / factor(decay))
}

/// The reference's scheduled interval: [`interval_days`] rounded to whole days (half to even, as
/// Python's `round` does), at least 1 and at most [`MAX_INTERVAL_DAYS`].
pub fn next_interval(stability: f64, retention: f64) -> u32 {
    // `max` and `min` also turn a NaN into 1 day.
    let days = interval_days(stability, retention).round_ties_even();
    days.max(1.0).min(f64::from(MAX_INTERVAL_DAYS)) as u32
}

/// One review: the memory after answering with `rating`, `elapsed_days` after the previous review
/// (`None` memory: the first review ever, where `elapsed_days` is ignored).
///
/// `elapsed_days` is floored to whole days, as the reference does (see the module notes). Under
/// one day, stability follows the FSRS-6 short-term formula (w17, w18, w19); otherwise the
/// recall or lapse formula at the retrievability of those whole days, with the previous
/// difficulty. Difficulty moves by the rating with linear damping, reverts slightly to the first
/// review's difficulty for Easy, and is clamped to [1, 10]; stability is at least 0.001.
pub fn review(memory: Option<Memory>, elapsed_days: f64, rating: Rating, w: &[f64; 21]) -> Memory {
    let g = grade(rating);
    let Some(memory) = memory else {
        return Memory {
            stability: w[rating as usize - 1].max(MIN_STABILITY),
            difficulty: clamp_difficulty(initial_difficulty(g, w)),
        };
    };
    let (s, d) = (memory.stability, memory.difficulty);
    let days = elapsed_days.floor();
    // A NaN elapsed time counts as the same day rather than poisoning S.
    let same_day = days.is_nan() || days < 1.0;
    let stability = if same_day {
        let mut increase = (w[17] * (g - 3.0 + w[18])).exp() * s.powf(-w[19]);
        if rating != Rating::Again {
            increase = increase.max(1.0);
        }
        s * increase
    } else if rating == Rating::Again {
        let r = forgetting_curve(w[20], s, days);
        let long_term =
            w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        long_term.min(s / (w[17] * w[18]).exp())
    } else {
        let r = forgetting_curve(w[20], s, days);
        let hard_penalty = if rating == Rating::Hard { w[15] } else { 1.0 };
        let easy_bonus = if rating == Rating::Easy { w[16] } else { 1.0 };
        s * (1.0
            + w[8].exp()
                * (11.0 - d)
                * s.powf(-w[9])
                * (((1.0 - r) * w[10]).exp() - 1.0)
                * hard_penalty
                * easy_bonus)
    };
    let damped = d + (10.0 - d) * (-w[6] * (g - 3.0)) / 9.0;
    let reverted = w[7] * initial_difficulty(4.0, w) + (1.0 - w[7]) * damped;
    Memory {
        stability: stability.max(MIN_STABILITY),
        difficulty: clamp_difficulty(reverted),
    }
}

/// Replays a history of `(elapsed_days_since_previous, rating)` with [`review`] and returns the
/// final memory (`None` for an empty history; the first entry's elapsed days are ignored).
pub fn replay(history: &[(f64, Rating)], w: &[f64; 21]) -> Option<Memory> {
    history
        .iter()
        .fold(None, |memory, &(elapsed_days, rating)| {
            Some(review(memory, elapsed_days, rating, w))
        })
}

/// The reference's floor on stability, in days.
const MIN_STABILITY: f64 = 0.001;

/// The rating as the number the formulas use, 1 to 4.
fn grade(rating: Rating) -> f64 {
    f64::from(rating as u8)
}

/// `0.9 ^ (1 / decay) - 1`: scales the curve so that R(S, S) = 0.9.
fn factor(decay: f64) -> f64 {
    0.9f64.powf(1.0 / decay) - 1.0
}

/// The forgetting curve for the decay weight `w20`.
fn forgetting_curve(w20: f64, stability: f64, elapsed_days: f64) -> f64 {
    let decay = -w20;
    (1.0 + factor(decay) * elapsed_days / stability).powf(decay)
}

/// D0(G) = w4 - e^(w5 (G - 1)) + 1, unclamped: mean reversion uses D0(Easy) as it is.
fn initial_difficulty(g: f64, w: &[f64; 21]) -> f64 {
    w[4] - (w[5] * (g - 1.0)).exp() + 1.0
}

fn clamp_difficulty(difficulty: f64) -> f64 {
    difficulty.clamp(1.0, 10.0)
}

#[cfg(test)]
mod tests {
    use super::Rating::{Again, Easy, Good, Hard};
    use super::*;

    /// One review and what py-fsrs 6.3.2 gives after it:
    /// (days since the previous review, rating, stability, difficulty, next interval in days).
    type Step = (f64, Rating, f64, f64, u32);

    /// Fails unless `actual` agrees with `expected` to 3 significant figures, that is within half
    /// a unit of the third figure (a relative difference of at most 5e-4).
    fn assert_3sf(actual: f64, expected: f64, what: &str) {
        let relative = ((actual - expected) / expected).abs();
        assert!(
            relative <= 5e-4,
            "{what}: got {actual}, expected {expected} to 3 significant figures \
             (relative difference {relative:e})"
        );
    }

    /// Reviews step by step from no memory and checks every step against the reference.
    fn check(name: &str, steps: &[Step]) {
        let mut memory = None;
        for (i, &(elapsed, rating, stability, difficulty, interval)) in steps.iter().enumerate() {
            let next = review(memory, elapsed, rating, &DEFAULT_WEIGHTS);
            let at = format!("{name}, review {} ({rating:?} after {elapsed} days)", i + 1);
            assert_3sf(next.stability, stability, &format!("{at}: stability"));
            assert_3sf(next.difficulty, difficulty, &format!("{at}: difficulty"));
            assert_eq!(
                next_interval(next.stability, DESIRED_RETENTION),
                interval,
                "{at}: next interval"
            );
            memory = Some(next);
        }
        let history: Vec<(f64, Rating)> = steps.iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(replay(&history, &DEFAULT_WEIGHTS), memory, "{name}: replay");
    }

    #[test]
    fn first_reviews_match_the_reference() {
        check("first_again", FIRST_AGAIN);
        check("first_hard", FIRST_HARD);
        check("first_good", FIRST_GOOD);
        check("first_easy", FIRST_EASY);
    }

    #[test]
    fn histories_match_the_reference() {
        check("good_streak", GOOD_STREAK);
        check("lapse_after_long_intervals", LAPSE_AFTER_LONG_INTERVALS);
        check("hard_streak", HARD_STREAK);
        check("overdue", OVERDUE);
        check("easy_streak", EASY_STREAK);
        check("again_streak", AGAIN_STREAK);
        check("long_mixed", LONG_MIXED);
    }

    #[test]
    fn same_day_reviews_use_the_short_term_formula() {
        check("same_day_repeats", SAME_DAY_REPEATS);
    }

    #[test]
    fn elapsed_days_are_floored_to_whole_days() {
        check("fractional_days_floor", FRACTIONAL_DAYS_FLOOR);
        // 2.75 days counts as 2, so the second review matches the good streak's.
        assert_eq!(FRACTIONAL_DAYS_FLOOR[1].2, GOOD_STREAK[1].2);
        let first = review(None, 0.0, Good, &DEFAULT_WEIGHTS);
        assert_eq!(
            review(Some(first), 23.9 / 24.0, Good, &DEFAULT_WEIGHTS),
            review(Some(first), 0.0, Good, &DEFAULT_WEIGHTS)
        );
        assert_eq!(
            review(Some(first), f64::NAN, Good, &DEFAULT_WEIGHTS),
            review(Some(first), 0.0, Good, &DEFAULT_WEIGHTS)
        );
    }

    #[test]
    fn stability_and_difficulty_are_clamped_like_the_reference() {
        for &(s, d, elapsed, rating, stability, difficulty) in CLAMPS {
            let next = review(
                Some(Memory {
                    stability: s,
                    difficulty: d,
                }),
                elapsed,
                rating,
                &DEFAULT_WEIGHTS,
            );
            let at = format!("S {s}, D {d}, {rating:?} after {elapsed} days");
            assert_3sf(next.stability, stability, &format!("{at}: stability"));
            assert_3sf(next.difficulty, difficulty, &format!("{at}: difficulty"));
        }
    }

    #[test]
    fn retrievability_matches_the_reference() {
        for &(stability, elapsed, r) in RETRIEVABILITY {
            assert_3sf(
                retrievability(stability, elapsed),
                r,
                &format!("R(S {stability}, t {elapsed})"),
            );
        }
    }

    #[test]
    fn retrievability_is_90_percent_after_stability_days() {
        for s in [0.001, 0.212, 1.0, 2.3065, 10.0, 365.0, 36500.0] {
            assert!((retrievability(s, s) - 0.9).abs() < 1e-15, "R({s}, {s})");
        }
        assert_eq!(retrievability(5.0, 0.0), 1.0);
    }

    #[test]
    fn interval_at_90_percent_is_the_stability() {
        for s in [0.001, 0.212, 1.0, 2.3065, 10.0, 365.0, 36500.0] {
            assert_eq!(interval_days(s, DESIRED_RETENTION), s);
        }
        // Other retentions, against the reference's `_next_interval` for S = 10 and S = 100.
        for (retention, at_10, at_100) in [(0.8, 33, 332), (0.95, 4, 40), (0.7, 93, 929)] {
            assert_eq!(
                next_interval(10.0, retention),
                at_10,
                "retention {retention}, S 10"
            );
            assert_eq!(
                next_interval(100.0, retention),
                at_100,
                "retention {retention}, S 100"
            );
        }
    }

    #[test]
    fn next_interval_rounds_half_to_even_and_clamps() {
        // Python's round(): 2.5 -> 2, 3.5 -> 4, 4.5 -> 4, 10.5 -> 10.
        for (s, days) in [(0.5, 1), (1.5, 2), (2.5, 2), (3.5, 4), (4.5, 4), (10.5, 10)] {
            assert_eq!(next_interval(s, DESIRED_RETENTION), days, "S {s}");
        }
        assert_eq!(next_interval(0.001, DESIRED_RETENTION), 1);
        assert_eq!(next_interval(1e6, DESIRED_RETENTION), MAX_INTERVAL_DAYS);
        assert_eq!(next_interval(f64::NAN, DESIRED_RETENTION), 1);
    }

    #[test]
    fn replay_of_nothing_is_no_memory() {
        assert_eq!(replay(&[], &DEFAULT_WEIGHTS), None);
    }

    // Everything below is printed by `scripts/fsrs-reference.py` (py-fsrs 6.3.2).

    const FIRST_AGAIN: &[Step] = &[(0.0, Again, 0.212, 6.4133, 1)];

    const FIRST_HARD: &[Step] = &[(0.0, Hard, 1.2931, 5.112170705601056, 1)];

    const FIRST_GOOD: &[Step] = &[(0.0, Good, 2.3065, 2.118103970459016, 2)];

    const FIRST_EASY: &[Step] = &[(0.0, Easy, 8.2956, 1.0, 8)];

    const GOOD_STREAK: &[Step] = &[
        (0.0, Good, 2.3065, 2.118103970459016, 2),
        (2.0, Good, 10.964332335820698, 2.111214235785395, 11),
        (8.0, Good, 38.86658721242465, 2.1043313908464483, 39),
        (25.0, Good, 111.57986151189724, 2.0974554287524403, 112),
        (70.0, Good, 283.4221730664155, 2.0905863426205262, 283),
    ];

    const LAPSE_AFTER_LONG_INTERVALS: &[Step] = &[
        (0.0, Good, 2.3065, 2.118103970459016, 2),
        (3.0, Good, 13.826903694354568, 2.111214235785395, 14),
        (12.0, Good, 52.39435121112784, 2.1043313908464483, 52),
        (40.0, Good, 158.82879139992679, 2.0974554287524403, 159),
        (120.0, Again, 4.536638216100573, 7.387715706030851, 5),
        (1.0, Good, 6.519394155916088, 7.375556359621658, 7),
        (5.0, Good, 14.18169424544648, 7.363409172558875, 14),
    ];

    const HARD_STREAK: &[Step] = &[
        (0.0, Hard, 1.2931, 5.112170705601056, 1),
        (1.0, Hard, 3.2494117658571677, 6.7404595108297, 3),
        (3.0, Hard, 6.728346299675288, 7.821393497998797, 7),
        (5.0, Good, 13.46376024544803, 7.808800473797637, 13),
    ];

    const SAME_DAY_REPEATS: &[Step] = &[
        (0.0, Again, 0.212, 6.4133, 1),
        (0.0, Again, 0.08335671711031604, 8.806304468856837, 1),
        (0.25, Hard, 0.08335671711031604, 9.192797649512254, 1),
        (0.5, Good, 0.10314065007785231, 9.17883322115958, 1),
        (0.9, Easy, 0.21649012415927413, 8.889665919339844, 1),
        (1.0, Good, 0.9931620095661716, 8.876004622717343, 1),
        (0.1, Again, 0.35277176421527195, 9.615778731952593, 1),
    ];

    const FRACTIONAL_DAYS_FLOOR: &[Step] = &[
        (0.0, Good, 2.3065, 2.118103970459016, 2),
        (2.75, Good, 10.964332335820698, 2.111214235785395, 11),
        (7.5, Good, 36.123635746675305, 2.1043313908464483, 36),
        (1.99, Hard, 38.39488998090106, 4.743715608383524, 38),
    ];

    const OVERDUE: &[Step] = &[
        (0.0, Good, 2.3065, 2.118103970459016, 2),
        (365.0, Good, 64.69488071661665, 2.111214235785395, 65),
        (1000.0, Again, 5.0485990581907325, 7.392238132342694, 5),
    ];

    const EASY_STREAK: &[Step] = &[
        (0.0, Easy, 8.2956, 1.0, 8),
        (8.0, Easy, 65.62422616189994, 1.0, 66),
        (60.0, Easy, 374.76499257181683, 1.0, 375),
        (400.0, Easy, 1850.3295865858147, 1.0, 1850),
        (3000.0, Easy, 9233.48230095682, 1.0, 9233),
    ];

    const AGAIN_STREAK: &[Step] = &[
        (0.0, Again, 0.212, 6.4133, 1),
        (1.0, Again, 0.10088578982099844, 8.806304468856837, 1),
        (1.0, Again, 0.05503453011833104, 9.592868765339693, 1),
        (1.0, Again, 0.033369187408475304, 9.85140710095639, 1),
        (1.0, Again, 0.021934476251248988, 9.936386893812918, 1),
        (1.0, Again, 0.015355708866801014, 9.964319173862265, 1),
    ];

    const LONG_MIXED: &[Step] = &[
        (0.0, Good, 2.3065, 2.118103970459016, 2),
        (1.0, Hard, 5.318792767488077, 4.752858488532557, 5),
        (3.0, Good, 14.088859439595272, 4.743333999340863, 14),
        (9.0, Again, 1.5812155118095912, 8.257398000208983, 2),
        (0.01, Good, 1.6120726420688087, 8.244368971505612, 2),
        (2.0, Good, 4.1806515779259215, 8.231352971830944, 4),
        (6.0, Easy, 15.964532915973194, 7.625581923265196, 16),
        (20.0, Good, 37.36443432797853, 7.61318471063877, 37),
        (35.0, Hard, 58.76358852270618, 8.400749154626368, 59),
        (60.0, Again, 2.971284829788733, 9.459565491328274, 3),
        (1.0, Good, 3.8359968306755885, 9.445334295133783, 4),
        (4.0, Good, 6.4818859714123676, 9.431117330135487, 6),
    ];

    /// (stability, difficulty, elapsed days, rating) -> (stability, difficulty), from a card in review.
    const CLAMPS: &[(f64, f64, f64, Rating, f64, f64)] = &[
        (0.001, 10.0, 0.0, Again, 0.001, 9.985228369296838),
        (0.001, 10.0, 1.0, Again, 0.001, 9.985228369296838),
        (0.002, 1.0, 3.0, Easy, 0.4902027339123336, 1.0),
    ];

    /// (stability, elapsed days, R) from `Scheduler.get_card_retrievability`.
    const RETRIEVABILITY: &[(f64, f64, f64)] = &[
        (1.0, 1.0, 0.9),
        (2.3065, 1.0, 0.9468474993825461),
        (10.0, 3.0, 0.9610242690473834),
        (10.0, 30.0, 0.8093881035731708),
        (100.0, 365.0, 0.7908969875893878),
        (0.5, 7.0, 0.6605208790506878),
    ];
}
