"""Watch schedules ("12h", "30m", "1d" or a five-field cron expression), jitter and politeness."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from croniter import croniter

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
MIN_INTERVAL_SECONDS = 1.0
MAX_JITTER_SECONDS = 900.0  # spread checks by up to 10 % of the period, never more than 15 minutes


class BadSchedule(ValueError):
    """A schedule that is neither an interval nor a valid cron expression (message is one line)."""


@dataclass(frozen=True)
class Schedule:
    """When a watch is due again: every `interval` seconds, or at the times of a cron expression."""

    text: str
    interval: float | None = None
    cron: str | None = None

    def next_after(self, moment: datetime) -> datetime:
        """The next due time strictly after `moment` (without jitter)."""
        if self.interval is not None:
            return moment + timedelta(seconds=self.interval)
        assert self.cron is not None
        result: datetime = croniter(self.cron, moment).get_next(datetime)
        return result

    def period_seconds(self, moment: datetime) -> float:
        """The length of the period that starts at `moment` (for sizing jitter)."""
        return (self.next_after(moment) - moment).total_seconds()


def parse_schedule(text: str) -> Schedule:
    """Parse "12h" / "30m" / "1d" / "90s" / "2w" or a five-field cron expression ("0 6 * * *")."""
    match = _INTERVAL.match(text)
    if match:
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]
        if seconds < MIN_INTERVAL_SECONDS:
            raise BadSchedule(f"schedule {text!r}: the interval must be at least {MIN_INTERVAL_SECONDS:g}s")
        return Schedule(text=text.strip(), interval=seconds)
    if len(text.split()) == 5 and croniter.is_valid(text):
        return Schedule(text=" ".join(text.split()), cron=" ".join(text.split()))
    raise BadSchedule(
        f"schedule {text!r}: use an interval such as 12h, 30m, 1d or a cron expression such as '0 6 * * *'"
    )


def next_due(schedule: Schedule, after: datetime, rng: random.Random | None = None) -> datetime:
    """The next due time after `after`, pushed later by a random jitter of up to 10 % of the period,
    so that many watches created together do not all hit their sites in the same second."""
    base = schedule.next_after(after)
    spread = min(0.1 * schedule.period_seconds(after), MAX_JITTER_SECONDS)
    return base + timedelta(seconds=(rng or random).uniform(0, spread))


def utc(moment: datetime | None = None) -> datetime:
    """`moment` (or now) as an aware UTC datetime."""
    return (moment or datetime.now(UTC)).astimezone(UTC)


@dataclass
class Politeness:
    """Per-host spacing of requests: at most one check per host every `min_gap` seconds
    (or the site's robots.txt crawl-delay, when that is longer)."""

    min_gap: float = 5.0
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)
    _gap: dict[str, float] = field(default_factory=dict)

    def wait_seconds(self, host: str) -> float:
        """How long to wait before the next request to `host` is polite."""
        last = self._last.get(host)
        if last is None:
            return 0.0
        return max(0.0, last + self._gap.get(host, self.min_gap) - self.clock())

    def wait(self, host: str) -> None:
        """Sleep until `host` may be contacted again, then note the request."""
        delay = self.wait_seconds(host)
        if delay > 0:
            self.sleep(delay)
        self._last[host] = self.clock()

    def crawl_delay(self, host: str, seconds: float | None) -> None:
        """Respect a robots.txt crawl-delay for `host` (capped at one minute)."""
        if seconds is not None:
            self._gap[host] = max(self.min_gap, min(float(seconds), 60.0))
