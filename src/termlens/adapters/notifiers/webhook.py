"""Generic webhook: the alert as JSON, POSTed through the guarded HTTP client."""

from __future__ import annotations

import json

from termlens.adapters.http import FetchFailure, HttpFetcher
from termlens.adapters.notifiers.base import NotifyError


class WebhookNotifier:
    """POSTs {service, document, recorded, summary, topics, answers_changed, link, …} to a URL.

    The `Idempotency-Key` header (also in the body) lets a receiver drop the repeats that
    at-least-once delivery can produce after a crash.
    """

    def __init__(self, url: str, http: HttpFetcher) -> None:
        self.url = url
        self.http = http

    def send(self, alert: dict[str, object], key: str) -> None:
        """POST the alert; any non-2xx answer is a failure to retry."""
        body = json.dumps(alert, sort_keys=True).encode("utf-8")
        try:
            status = self.http.post_json(self.url, body, {"Idempotency-Key": key})
        except FetchFailure as failure:
            raise NotifyError(f"webhook {failure.message}") from None
        if not 200 <= status < 300:
            raise NotifyError(f"webhook {self.url}: HTTP {status}")
