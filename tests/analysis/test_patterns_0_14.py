"""Drafting patterns behind analyzer 0.14.0, found in the dev split's evidence misses (and its new blind round,
dev_s): the clause that closes sharing, or binds the recipients, is what a reader checks for others' use; research
is quoted before "improve"; improving the algorithms reaches usage data. Each clause is rewritten for Acme; none
names a vendor. Every test asserts what a reader sees: the verdict and the sentence quoted for it.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Verdict
from termlens.pipeline.segment import segment


def _quoted(a: Answer) -> str:
    return " || ".join(e.quote for e in a.evidence)


_NOT_SOLD = "## Your privacy rights\n\nWe do not sell your personal data in the conventional sense.\n\n"


# Each clause closes the sharing or binds the recipients; it is what a reader checks for others' use, and is quoted.
_CLOSING_CLAUSES = [
    pytest.param("## How do we share personal data?\n\nAcme provides personal data to third parties only with consent "
                 "or in one of the following circumstances (subject to your prior consent where required under "
                 "applicable law):\n\n* **Vendors:** to help us run our products.\n* **Legal:** when the law "
                 "requires it.\n\n", "only with consent or in one of the following circumstances", id="closed-list"),
    pytest.param("## How do we share personal data?\n\nThese vendors can access personal data subject to contractual "
                 "and technical requirements for protecting personal data and prohibiting them from using personal "
                 "data for any purpose other than to provide services to Acme or as required by law.\n\n",
                 "prohibiting them from using personal data for any purpose other than", id="barred-from-other-use"),
    pytest.param("## Sharing\n\nWe share personal data with service providers and business partners. These parties "
                 "will only access, process or store personal data that we share with them in accordance with our "
                 "instructions.\n\n", "in accordance with our instructions", id="on-our-instructions"),
    pytest.param("## Sharing\n\nThese trusted third parties are bound by agreements that require them to follow our "
                 "data privacy and security requirements and only use your data in the way we tell them to.\n\n",
                 "in the way we tell them to", id="as-we-tell-them"),
]


@pytest.mark.parametrize(("clause", "quoted"), _CLOSING_CLAUSES)
def test_a_clause_closing_sharing_or_binding_recipients_is_read_and_quoted(clause: str, quoted: str) -> None:
    others = answer("# Acme Privacy Policy\n\n" + clause + _NOT_SOLD, "train.content.third_party")
    assert others.verdict is Verdict.UNLIKELY
    assert quoted in _quoted(others)


def test_information_you_share_with_us_is_the_users_data_and_research_is_quoted_first() -> None:
    text = ("# Acme Privacy Policy\n\n## 2. How we use information\n\nWe also use the information we collect to "
            "improve and personalize our products and services so that you have a better experience on Acme.\n\n"
            "We use information you share with us, or that we collect to conduct research, surveys, product testing, "
            "and troubleshooting to help us operate and improve our products and services.\n")
    own = answer(text, "train.content.own")
    assert own.verdict is Verdict.UNCLEAR
    assert own.evidence and "to conduct research, surveys" in own.evidence[0].quote


def test_improving_the_algorithms_makes_training_on_usage_data_likely() -> None:
    text = ("# Acme Privacy Policy\n\n## How we use your information\n\nWe use your information to operate, "
            "provide, develop, and improve our Services, including for the following purposes.\n\n"
            "* Review, improve, and develop our Services, including by monitoring interactions and usage across your "
            "devices, analysing how people are using our Services, and informing our algorithms.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.LIKELY
    assert "informing our algorithms" in _quoted(usage)
    # whether the posts themselves tune the algorithms is left open
    assert answer(text, "train.content.own").verdict is Verdict.UNCLEAR


def test_improving_the_services_including_the_algorithms_in_a_list_naming_no_data() -> None:
    text = ("# Acme Privacy Policy\n\n## How we use your information\n\nWe use the information we have to "
            "understand how people are using our Services to improve and develop our Services (including our "
            "algorithms).\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.LIKELY
    assert "(including our algorithms)" in _quoted(usage)


def test_using_algorithms_is_not_improving_them() -> None:
    text = ("# Acme Privacy Policy\n\n## How we use your information\n\nWe use algorithms to sort the posts in your "
            "feed based on your usage data.\n\nWe use usage data to improve our services.\n")
    assert answer(text, "train.usage.own").verdict is Verdict.UNCLEAR


def test_a_recipient_list_without_a_limit_is_not_a_closed_list() -> None:
    text = ("# Acme Privacy Policy\n\n## Sharing\n\nWe share your personal data with our partners, who may use it "
            "for their own purposes, only with your consent or in one of the following circumstances: when you ask us "
            "to.\n\nOur partners may use your content to train their machine learning models.\n")
    assert answer(text, "train.content.third_party").verdict in (Verdict.YES, Verdict.LIKELY)


def test_a_licence_for_operating_promoting_and_improving_the_service_is_quoted_for_marketing() -> None:
    text = ("# Acme Terms\n\n## 3. Rights you license\n\nBy providing Content to the Service, you grant to Acme a "
            "worldwide, non-exclusive, royalty-free, transferable, sublicensable licence to use that Content "
            "(including to reproduce, distribute, modify, display and perform it) for the purpose of operating, "
            "promoting, and improving the Service.\n\n## 4. Advertising\n\nYou agree that we and our partners may "
            "place advertising on the Service or in connection with the display of Content.\n")
    marketing = answer(text, "marketing.content")
    assert marketing.verdict is Verdict.YES
    assert "operating, promoting, and improving the Service" in marketing.evidence[0].quote


def test_what_the_vendor_is_is_not_a_use_of_data() -> None:
    text = ("# Acme Terms of Service\n\n## Who We Are\n\nAcme is a company working on building artificial intelligence "
            "to accelerate scientific discovery.\n\n## Your data\n\nWe use Usage Data to operate the Services.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is not Verdict.LIKELY
    assert all("is a company" not in e.quote for e in usage.evidence)


def test_a_content_licence_to_promote_the_services_does_not_market_the_users_other_data() -> None:
    text = ("# Acme Terms\n\n## 3. Your Content\n\nBy submitting Content, you grant us a worldwide, non-exclusive, "
            "royalty-free license to use, copy, reproduce, process, adapt, modify, publish, transmit, display and "
            "distribute your Content. You agree that this license includes the right for us to analyze your Content "
            "and other information you provide and to otherwise provide, promote, and improve the Services.\n")
    report = analyze(segment(text))
    assert report.answer("marketing.content").verdict is Verdict.YES
    location = next(i for i in report.items if i.item == "location" and i.use == "marketing")
    assert location.verdict is Verdict.UNCLEAR


def test_a_negation_with_an_aside_still_negates_and_that_means_is_not_a_definition() -> None:
    text = ("# Acme Terms\n\n## Your content\n\nYou grant us a licence to use your User Content to provide and improve "
            "our products, to develop new features and to encourage others in your team to join.\n\nThe license you "
            "give us is only for the above purposes. That means we will not, for example, sell or license your User "
            "Content to third-party data brokers.\n")
    others = answer(text, "train.content.third_party")
    assert others.verdict is Verdict.UNLIKELY
    assert "we will not, for example, sell or license your User Content" in _quoted(others)


def test_a_defined_term_is_still_a_definition() -> None:
    text = ("# Acme Terms\n\n## Definitions\n\n\"Usage Data\" means data about how you use the Services.\n\n"
            "## Data\n\nWe use Usage Data to train our machine learning models.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.YES
    assert "to train our machine learning models" in _quoted(usage)


_USE_RIGHT = ("We may use Materials to provide, maintain, and improve the Services and to develop other products and "
              "services, including training our models, unless you opt out of training through your account settings.")


def test_a_use_right_beyond_the_service_in_terms_the_user_agrees_to_is_a_licence() -> None:
    text = ("# Acme Terms of Service\n\n## 1. Agreement\n\nBy using the Services you agree to these Terms. If you do "
            "not agree to these Terms, do not use the Services.\n\n## 4. Your Materials\n\nInputs and Outputs "
            "collectively are “Materials.” As between you and Acme, you retain any right, title and interest that "
            "you have in your Inputs. " + _USE_RIGHT + "\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.LIKELY
    assert "develop other products and services, including training our models" in _quoted(licence)


def test_the_same_words_in_a_privacy_policy_are_a_notice_not_a_licence() -> None:
    text = ("# Acme Privacy Policy\n\nThis Privacy Policy explains how we use your information. Read this Privacy "
            "Policy carefully.\n\n## How we use Materials\n\nInputs and Outputs collectively are “Materials.” "
            + _USE_RIGHT + "\n")
    assert answer(text, "license.content.broad").verdict is Verdict.NO


def test_what_the_user_may_do_with_inputs_and_outputs_is_not_the_vendors_right() -> None:
    text = ("# Acme Terms of Use\n\n## 1. Agreement\n\nYou agree to these Terms by using the Services. These Terms "
            "apply to all users.\n\n## 4. Inputs and Outputs\n\n(1) You retain any rights in the Inputs you submit. "
            "(3) You may apply the Inputs and Outputs of the Services to a wide range of use cases, including "
            "derivative product development and training other models.\n")
    assert answer(text, "license.content.broad").verdict is not Verdict.LIKELY


def test_a_licence_that_does_not_grant_the_right_to_sell_excludes_sale() -> None:
    text = ("# Acme Terms\n\n## 4. License Grant to Us\n\nYou grant us and our legal successors the right to store, "
            "archive, parse, and display Your Content, and make incidental copies, as necessary to provide the "
            "Service. This license does not grant Acme the right to sell Your Content.\n")
    report = analyze(segment(text))
    posts = next(i for i in report.items if i.item == "posts" and i.use == "sale_or_licensing")
    assert posts.verdict is Verdict.NO
    assert "does not grant Acme the right to sell Your Content" in " ".join(e.quote for e in posts.evidence)
