"""Outbox delivery: at-least-once, with an idempotency key per alert and backoff per failure.

An alert is marked delivered only after its channel accepted it; a process killed in between
sends it again on the next run with the same key, which receivers use to drop the repeat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from termlens.adapters.http import HttpFetcher
from termlens.adapters.notifiers import Notifier, NotifyError, make_notifier
from termlens.pipeline.track import crash_point, default_owner
from termlens.storage.outbox import ChannelRow, OutboxRow
from termlens.storage.watches import WatchStore

BACKOFF_BASE_SECONDS = 60.0
BACKOFF_MAX_SECONDS = 6 * 3600.0


def backoff_seconds(attempts: int, base: float = BACKOFF_BASE_SECONDS, cap: float = BACKOFF_MAX_SECONDS) -> float:
    """Wait before the next try after `attempts` failed ones: base, 2×base, 4×base … up to `cap`."""
    return float(min(cap, base * (2 ** max(0, attempts))))


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery pass did."""

    delivered: int
    failed: int
    errors: tuple[str, ...]


NotifierFactory = Callable[[ChannelRow], Notifier]


class Deliverer:
    """Delivers pending outbox rows through their channels."""

    def __init__(
        self,
        store: WatchStore,
        http: HttpFetcher,
        *,
        allow_loopback: bool = False,
        backoff_base: float = BACKOFF_BASE_SECONDS,
        factory: NotifierFactory | None = None,
    ) -> None:
        self.store = store
        self.owner = default_owner()
        self.backoff_base = backoff_base
        self.factory = factory or (
            lambda channel: make_notifier(channel.kind, channel.target, http=http, allow_loopback=allow_loopback)
        )

    def deliver_pending(self) -> DeliveryReport:
        """Try every alert that is due for delivery once; failures are rescheduled with backoff."""
        delivered = failed = 0
        errors: list[str] = []
        for row in self.store.claim_pending(self.owner):
            crash_point("before_notify")
            try:
                self._send(row)
            except NotifyError as error:
                failed += 1
                errors.append(str(error))
                self.store.mark_failed(row.id, str(error), backoff_seconds(row.attempts, self.backoff_base))
                continue
            crash_point("after_notify")
            self.store.mark_delivered(row.id)
            delivered += 1
        return DeliveryReport(delivered, failed, tuple(errors))

    def _send(self, row: OutboxRow) -> None:
        notifier = self.factory(row.channel)
        notifier.send(row.payload, row.idempotency_key)
