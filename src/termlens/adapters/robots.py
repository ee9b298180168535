"""robots.txt, read with protego and fetched through the guarded fetcher (one fetch per origin)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from protego import Protego

from termlens.adapters.http import USER_AGENT, FailureKind, FetchFailure, HttpFetcher

ROBOTS_AGENT = "termlens"


@dataclass(frozen=True)
class RobotsDecision:
    """Whether a URL may be fetched, and the robots.txt that decided it."""

    allowed: bool
    robots_url: str
    crawl_delay: float | None = None


class RobotsPolicy:
    """Caches one parsed robots.txt per origin for the life of the object (a run of the scheduler)."""

    def __init__(self, fetcher: HttpFetcher, agent: str = ROBOTS_AGENT) -> None:
        self.fetcher = fetcher
        self.agent = agent
        self._parsed: dict[str, Protego | None] = {}

    def decide(self, url: str) -> RobotsDecision:
        """Whether `url` may be fetched by us. A missing or unreachable robots.txt allows it;
        401/403 on robots.txt itself disallows the whole site (as the robots standard says)."""
        origin = _origin(url)
        robots_url = f"{origin}/robots.txt"
        if origin not in self._parsed:
            self._parsed[origin] = self._load(robots_url)
        parser = self._parsed[origin]
        if parser is None:
            return RobotsDecision(True, robots_url)
        allowed = bool(parser.can_fetch(url, self.agent)) and bool(parser.can_fetch(url, USER_AGENT))
        delay = parser.crawl_delay(self.agent)
        return RobotsDecision(allowed, robots_url, float(delay) if delay is not None else None)

    def require(self, url: str) -> RobotsDecision:
        """Like `decide`, but raise FetchFailure(robots_forbidden) with a clear message when disallowed."""
        decision = self.decide(url)
        if not decision.allowed:
            raise FetchFailure(
                FailureKind.ROBOTS_FORBIDDEN,
                f"{url}: {decision.robots_url} does not allow {self.agent} to fetch this page",
            )
        return decision

    def known_crawl_delay(self, url: str) -> float | None:
        """The crawl-delay of an origin whose robots.txt was already read (never fetches)."""
        parser = self._parsed.get(_origin(url))
        delay = parser.crawl_delay(self.agent) if parser is not None else None
        return float(delay) if delay is not None else None

    def _load(self, robots_url: str) -> Protego | None:
        try:
            response = self.fetcher.get(robots_url, accept="text/plain,*/*;q=0.5")
        except FetchFailure as failure:
            if failure.kind is FailureKind.GUARDED:
                raise
            return None
        if response.status in (401, 403):
            return Protego.parse("User-agent: *\nDisallow: /\n")
        if response.status >= 400 or not response.content:
            return None
        text = response.content[: 512 * 1024].decode("utf-8", errors="replace")
        return Protego.parse(text)


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.raw_host.decode('ascii')}{port}"
