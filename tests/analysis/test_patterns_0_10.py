"""Drafting patterns behind analyzer 0.10.0: nested purpose lists and the drafting-variants set
(tests/golden/variants/). One synthetic clause set per rule, each asserting the answer a reader sees. None names a
vendor.
"""

from __future__ import annotations

from termlens.analysis import analyze
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Verdict
from termlens.pipeline.segment import segment


def answer(text: str, question: str) -> Answer:
    """Analyse a small document and return one answer."""
    return analyze(segment(text)).answer(question)


_NESTED_PURPOSES = """# Acme Privacy Policy

## How we use personal information

1.  **To provide our services.** We use personal information to fulfil our contract with you, such as:
    1.  Managing your account;
    2.  Answering support requests.
2.  **For administrative purposes.** We use personal information for various administrative purposes, such as:
    1.  Detecting security incidents;
    2.  Developing new products and services;
    3.  Carrying out analytics.
"""


def test_a_purpose_in_a_nested_list_reads_under_the_item_that_leads_it() -> None:
    # "Developing new products and services" under "We use personal information for …, such as:" is a purpose of
    # using the user's information: training stays open, and the purpose is what the answer quotes.
    got = answer(_NESTED_PURPOSES, "train.content.own")
    assert got.verdict is Verdict.UNCLEAR
    assert any("Developing new products and services" in e.quote for e in got.evidence)


def test_a_user_promise_nested_under_a_warranty_is_not_a_closed_list_of_uses() -> None:
    text = """# Terms

## 2. Your blog

If you operate a blog, you represent and warrant that:
1.  your content does not infringe anyone's rights; and
2.  your blog is not misleading, including that:
    1.  your blog's name is not the name of a person other than yourself or a company other than your own.

We may use your content to provide, develop and improve our services.
"""
    got = answer(text, "train.content.own")
    assert got.verdict is Verdict.UNCLEAR
    assert not any("other than yourself" in e.quote for e in got.evidence)
