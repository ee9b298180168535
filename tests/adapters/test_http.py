"""The guarded HTTP fetcher against real servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator, Sequence

import pytest

from localweb import LocalWeb, Reply, gzip_bomb
from termlens.adapters.http import FailureKind, FetchFailure, FetchLimits, HttpFetcher, retry_after_seconds
from termlens.adapters.robots import RobotsPolicy


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


def loopback_only_connector(address: tuple[str, int], timeout: float | None) -> socket.socket:
    """A tripwire: the test fails instead of ever connecting anywhere but loopback."""
    assert address[0] in ("127.0.0.1", "::1"), f"attempted connection to {address}"
    return socket.create_connection(address, timeout)


def fetcher(allow_loopback: bool = True, limits: FetchLimits | None = None, **kwargs: object) -> HttpFetcher:
    return HttpFetcher(allow_loopback=allow_loopback, limits=limits, connector=loopback_only_connector, **kwargs)  # type: ignore[arg-type]


def test_loopback_is_refused_without_the_setting_and_no_request_arrives(web: LocalWeb) -> None:
    web.add("/terms", Reply(body=b"<p>terms</p>"))
    with fetcher(allow_loopback=False) as http, pytest.raises(FetchFailure) as caught:
        http.get(web.url("/terms"))
    assert caught.value.kind is FailureKind.GUARDED
    assert web.requests == []


def test_plain_page_is_fetched_with_metadata(web: LocalWeb) -> None:
    web.add("/terms", Reply(body=b"<p>hello terms</p>"))
    with fetcher() as http:
        raw = http.get(web.url("/terms"))
    assert raw.status == 200 and raw.content == b"<p>hello terms</p>"
    assert raw.content_type == "text/html"
    assert raw.final_url == web.url("/terms")


def test_redirects_are_followed_and_each_hop_is_guarded(web: LocalWeb) -> None:
    web.add("/old", Reply(301, headers={"Location": "/new"}))
    web.add("/new", Reply(body=b"moved here"))
    web.add("/to-metadata", Reply(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))
    web.add("/to-private-name", Reply(302, headers={"Location": "http://intranet.test/"}))
    resolver = {"intranet.test": ["10.0.0.7"]}

    def resolve(host: str, port: int) -> Sequence[str]:
        return resolver.get(host) or ["127.0.0.1"]

    with fetcher(resolver=resolve) as http:
        raw = http.get(web.url("/old"))
        assert raw.content == b"moved here" and raw.final_url == web.url("/new")
        for path, word in (("/to-metadata", "metadata"), ("/to-private-name", "private")):
            with pytest.raises(FetchFailure) as caught:
                http.get(web.url(path))
            assert caught.value.kind is FailureKind.GUARDED and word in caught.value.message


def test_redirect_to_another_scheme_is_refused(web: LocalWeb) -> None:
    web.add("/to-file", Reply(302, headers={"Location": "file:///etc/passwd"}))
    with fetcher() as http, pytest.raises(FetchFailure) as caught:
        http.get(web.url("/to-file"))
    assert caught.value.kind is FailureKind.GUARDED and "only http and https" in caught.value.message


def test_dns_answer_changing_after_the_check_is_caught_at_connect(web: LocalWeb) -> None:
    """Rebinding: the pre-check sees a public address, the connection-time lookup sees loopback."""
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> Sequence[str]:
        return next(answers)

    with fetcher(allow_loopback=False, resolver=rebinding) as http, pytest.raises(FetchFailure) as caught:
        http.get(f"http://rebind.test:{web.port}/")
    assert caught.value.kind is FailureKind.GUARDED and "loopback" in caught.value.message
    assert web.requests == []


def test_redirect_loop_and_too_many_redirects_fail_as_http_errors(web: LocalWeb) -> None:
    web.add("/a", Reply(302, headers={"Location": "/b"}))
    web.add("/b", Reply(302, headers={"Location": "/a"}))
    for i in range(20):
        web.add(f"/chain{i}", Reply(302, headers={"Location": f"/chain{i + 1}"}))
    with fetcher() as http:
        with pytest.raises(FetchFailure, match="redirect loop") as loop:
            http.get(web.url("/a"))
        assert loop.value.kind is FailureKind.HTTP_ERROR
        with pytest.raises(FetchFailure, match="more than 8 redirects"):
            http.get(web.url("/chain0"))


def test_gzip_bomb_is_stopped_at_the_decompressed_cap(web: LocalWeb) -> None:
    bomb = gzip_bomb(64)
    assert len(bomb) < 100_000
    web.add("/bomb", Reply(body=bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}))
    limits = FetchLimits(max_decompressed_bytes=5 * 1024 * 1024)
    with fetcher(limits=limits) as http, pytest.raises(FetchFailure) as caught:
        http.get(web.url("/bomb"))
    assert caught.value.kind is FailureKind.TOO_LARGE and "decompressed" in caught.value.message


def test_gzip_page_is_decompressed(web: LocalWeb) -> None:
    web.add(
        "/gz",
        Reply(
            body=gzip.compress(b"<p>compressed terms</p>"),
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
        ),
    )
    with fetcher() as http:
        assert http.get(web.url("/gz")).content == b"<p>compressed terms</p>"


def test_oversized_bodies_are_refused_declared_or_not(web: LocalWeb) -> None:
    web.add("/big", Reply(body=b"x" * 300_000))
    web.add(
        "/big-chunked",
        Reply(body=[b"x" * 100_000] * 3, headers={"Content-Type": "text/html", "Content-Length": "999999999"}),
    )
    limits = FetchLimits(max_compressed_bytes=200_000)
    with fetcher(limits=limits) as http:
        for path in ("/big", "/big-chunked"):
            with pytest.raises(FetchFailure) as caught:
                http.get(web.url(path))
            assert caught.value.kind is FailureKind.TOO_LARGE


def test_slow_server_times_out(web: LocalWeb) -> None:
    web.add("/slow", Reply(body=[b"a", b"b", b"c"], delay=1.0))
    limits = FetchLimits(read_timeout=0.3, total_timeout=5)
    with fetcher(limits=limits) as http, pytest.raises(FetchFailure) as caught:
        http.get(web.url("/slow"))
    assert caught.value.kind is FailureKind.TIMEOUT


def test_dribbling_server_hits_the_total_time_limit(web: LocalWeb) -> None:
    web.add("/drip", Reply(body=[b"x"] * 20, delay=0.2))
    limits = FetchLimits(read_timeout=2, total_timeout=1)
    with fetcher(limits=limits) as http, pytest.raises(FetchFailure, match="total time limit"):
        http.get(web.url("/drip"))


def test_429_with_retry_after_is_retried_then_succeeds(web: LocalWeb) -> None:
    calls = {"n": 0}

    def limited(_handler: object) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return Reply(429, b"slow down", {"Retry-After": "2", "Content-Type": "text/plain"})
        return Reply(body=b"ok now")

    web.add("/limited", limited)
    waits: list[float] = []
    with fetcher(sleep=waits.append) as http:
        assert http.get(web.url("/limited")).content == b"ok now"
    assert waits == [2.0]


def test_retry_after_beyond_the_bound_is_not_waited_for(web: LocalWeb) -> None:
    web.add("/busy", Reply(503, b"maintenance", {"Retry-After": "3600", "Content-Type": "text/plain"}))
    waits: list[float] = []
    with fetcher(sleep=waits.append) as http:
        assert http.get(web.url("/busy")).status == 503
    assert waits == [] and web.hits("/busy") == 1


def test_retry_after_parses_seconds_and_dates() -> None:
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None


def test_robots_txt_forbidding_the_page_gives_a_clear_message(web: LocalWeb) -> None:
    web.add(
        "/robots.txt",
        Reply(body=b"User-agent: *\nDisallow: /legal/private\n", headers={"Content-Type": "text/plain"}),
    )
    with fetcher() as http:
        robots = RobotsPolicy(http)
        assert robots.decide(web.url("/legal/terms")).allowed
        with pytest.raises(FetchFailure) as caught:
            robots.require(web.url("/legal/private/terms"))
    assert caught.value.kind is FailureKind.ROBOTS_FORBIDDEN
    assert "robots.txt does not allow termlens" in caught.value.message
    assert web.hits("/robots.txt") == 1


def test_missing_robots_txt_allows_fetching(web: LocalWeb) -> None:
    with fetcher() as http:
        assert RobotsPolicy(http).decide(web.url("/terms")).allowed
