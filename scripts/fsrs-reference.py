#!/usr/bin/env python3
"""Reference values for the FSRS-6 scheduler in src/model/fsrs.rs.

Runs a fixed set of review histories through py-fsrs, the reference
implementation of FSRS-6 by open-spaced-repetition, and prints, after every
review, the stability, difficulty and next interval as Rust tuples ready to
paste into the tests of src/model/fsrs.rs.

Setup (py-fsrs is not a project dependency; it is only needed to regenerate
the expected values):

    python3 -m venv /tmp/fsrsenv
    /tmp/fsrsenv/bin/pip install 'fsrs>=6,<7'
    /tmp/fsrsenv/bin/python scripts/fsrs-reference.py

The scheduler is set up as pure FSRS: no learning or relearning steps, no
fuzzing, desired retention 0.9. py-fsrs counts elapsed time in whole days
(`timedelta.days`, which floors), and a review less than one whole day after
the previous one uses the short-term (same-day) stability formula.
"""

from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler, State

# (name, [(days since the previous review, rating), ...]); the first review's
# elapsed time is ignored, as in `fsrs::replay`.
HISTORIES = [
    ("first_again", [(0, "Again")]),
    ("first_hard", [(0, "Hard")]),
    ("first_good", [(0, "Good")]),
    ("first_easy", [(0, "Easy")]),
    ("good_streak", [(0, "Good"), (2, "Good"), (8, "Good"), (25, "Good"), (70, "Good")]),
    (
        "lapse_after_long_intervals",
        [(0, "Good"), (3, "Good"), (12, "Good"), (40, "Good"), (120, "Again"), (1, "Good"), (5, "Good")],
    ),
    ("hard_streak", [(0, "Hard"), (1, "Hard"), (3, "Hard"), (5, "Good")]),
    (
        "same_day_repeats",
        [(0, "Again"), (0, "Again"), (0.25, "Hard"), (0.5, "Good"), (0.9, "Easy"), (1, "Good"), (0.1, "Again")],
    ),
    ("fractional_days_floor", [(0, "Good"), (2.75, "Good"), (7.5, "Good"), (1.99, "Hard")]),
    ("overdue", [(0, "Good"), (365, "Good"), (1000, "Again")]),
    ("easy_streak", [(0, "Easy"), (8, "Easy"), (60, "Easy"), (400, "Easy"), (3000, "Easy")]),
    ("again_streak", [(0, "Again"), (1, "Again"), (1, "Again"), (1, "Again"), (1, "Again"), (1, "Again")]),
    (
        "long_mixed",
        [
            (0, "Good"),
            (1, "Hard"),
            (3, "Good"),
            (9, "Again"),
            (0.01, "Good"),
            (2, "Good"),
            (6, "Easy"),
            (20, "Good"),
            (35, "Hard"),
            (60, "Again"),
            (1, "Good"),
            (4, "Good"),
        ],
    ),
]


def main() -> None:
    scheduler = Scheduler(
        desired_retention=0.9,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )
    print(f"// py-fsrs {version('fsrs')}")
    print(f"// parameters {list(scheduler.parameters)}")
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for name, history in HISTORIES:
        card = Card()
        now = start
        print(f"// {name}")
        for elapsed, rating in history:
            now = now + timedelta(days=elapsed)
            card, _ = scheduler.review_card(card, Rating[rating], now)
            interval = (card.due - now).days
            # repr() gives the shortest string that reads back as the same f64.
            print(f"({elapsed!r}, {rating}, {card.stability!r}, {card.difficulty!r}, {interval}),")

    print("// clamps: (stability before, difficulty before, elapsed, rating, stability, difficulty)")
    for stability, difficulty, elapsed, rating in [(0.001, 10.0, 0, "Again"), (0.001, 10.0, 1, "Again"), (0.002, 1.0, 3, "Easy")]:
        card = Card(state=State.Review, stability=stability, difficulty=difficulty, last_review=start)
        card, _ = scheduler.review_card(card, Rating[rating], start + timedelta(days=elapsed))
        print(f"({stability!r}, {difficulty!r}, {float(elapsed)!r}, {rating}, {card.stability!r}, {card.difficulty!r}),")

    print("// retrievability: (stability, elapsed_days, R)")
    for stability, elapsed in [(1.0, 1), (2.3065, 1), (10.0, 3), (10.0, 30), (100.0, 365), (0.5, 7)]:
        card = Card(stability=stability, difficulty=5.0, last_review=start)
        r = scheduler.get_card_retrievability(card, start + timedelta(days=elapsed))
        print(f"({stability!r}, {float(elapsed)!r}, {r!r}),")


if __name__ == "__main__":
    main()
