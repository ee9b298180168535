"""Schedules, jitter and per-host politeness of the watch scheduler."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from termlens.pipeline.schedule import BadSchedule, Politeness, next_due, parse_schedule

NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "seconds"), [("12h", 43200), ("30m", 1800), ("1d", 86400), ("90s", 90), ("2w", 1209600), (" 1.5H ", 5400)]
)
def test_intervals(text: str, seconds: float) -> None:
    assert parse_schedule(text).interval == seconds


def test_cron_expression_gives_the_next_matching_time() -> None:
    schedule = parse_schedule("0 6 * * *")
    assert schedule.cron == "0 6 * * *"
    assert schedule.next_after(NOON) == datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "sometimes", "12", "0s", "61 * * * *", "* * *", "-5m"])
def test_bad_schedules_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(BadSchedule, match=r"schedule .*(12h|at least)"):
        parse_schedule(text)


def test_jitter_spreads_due_times_within_ten_percent_and_at_most_fifteen_minutes() -> None:
    rng = random.Random(7)
    hourly = [next_due(parse_schedule("1h"), NOON, rng) for _ in range(200)]
    assert all(NOON + timedelta(hours=1) <= due <= NOON + timedelta(minutes=66) for due in hourly)
    assert len({due.second + 60 * due.minute for due in hourly}) > 50  # really spread, not one instant
    daily = [next_due(parse_schedule("1d"), NOON, rng) for _ in range(200)]
    assert max(daily) <= NOON + timedelta(days=1, minutes=15)


def test_politeness_spaces_requests_to_one_host_but_not_across_hosts() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    polite = Politeness(min_gap=5, clock=lambda: now[0], sleep=sleep)
    polite.wait("a.example")
    polite.wait("b.example")
    now[0] += 1
    polite.wait("a.example")
    assert slept == [4.0]
    polite.crawl_delay("b.example", 30)
    assert polite.wait_seconds("b.example") == pytest.approx(25.0)
    polite.crawl_delay("b.example", 3600)  # an unreasonable crawl-delay is capped at a minute
    assert polite.wait_seconds("b.example") <= 60
