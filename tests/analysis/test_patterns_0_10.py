"""Drafting patterns behind analyzer 0.10.0: nested purpose lists and the drafting-variants set
(tests/golden/variants/). One synthetic clause set per rule, each asserting the answer a reader sees. None names a
vendor.
"""

from __future__ import annotations

import pytest

from termlens.analysis import analyze
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Condition, Verdict
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


_DEFINED = 'Acme provides a document editor. The files and notes you store in Acme are "Customer Data". '


@pytest.mark.parametrize(("clause", "verdict"), [
    # a double negative permits; "nothing … as permitting" denies
    ("Nothing in this Agreement shall be construed as permitting Acme to use Customer Data for the purpose of "
     "training any machine learning model.", Verdict.NO),
    ("Nothing in these Terms shall be construed as prohibiting Acme from using Customer Data to develop, train or "
     "evaluate its machine learning systems.", Verdict.YES),
    ("Acme refrains from using Customer Data to train artificial intelligence models.", Verdict.NO),
    ("Acme shall not use Customer Data, in whole or in part, to train any machine learning model, and shall not "
     "permit any Subprocessor to do so.", Verdict.NO),
    ("Acme refrains from using Customer Data to train or improve its speech-recognition models.", Verdict.NO),
])
def test_drafting_variants_of_grants_and_exclusions(clause: str, verdict: Verdict) -> None:
    assert answer(_DEFINED + clause, "train.content.own").verdict is verdict


def test_a_question_heading_states_nothing() -> None:
    text = ("## FAQ\n\n**Does Acme train AI on the files I store?**\n\nAcme keeps your files encrypted at rest. "
            "We use your files only to provide the service to you.\n")
    got = answer(text, "train.content.own")
    assert got.verdict is not Verdict.LIKELY
    assert not any(e.quote.rstrip("*").endswith("?") for e in got.evidence)


@pytest.mark.parametrize(("clause", "condition"), [
    ("Acme shall not use Customer Data to train any machine learning model, save where Customer has given its "
     "prior written consent.", Condition.OPT_IN),
    ("Acme refrains from using Customer Data to train its models unless you have joined the Research Program.",
     Condition.OPT_IN),
    ('We do not use Customer Data to train our models unless you turn on "Help improve Acme" in Settings > Data '
     "Controls.", Condition.OPT_IN),
])
def test_consent_drafted_as_an_exception_is_an_opt_in(clause: str, condition: Condition) -> None:
    got = answer(_DEFINED + clause, "train.content.own")
    assert (got.verdict, got.condition) == (Verdict.NO, condition)


def test_unless_you_tell_us_otherwise_is_an_opt_out() -> None:
    got = answer(_DEFINED + "Unless you tell us otherwise by emailing privacy@acme.example, we may use Customer Data "
                 "to train our machine learning models.", "train.content.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.OPT_OUT)


def test_an_administrators_switch_is_an_admin_control() -> None:
    got = answer(_DEFINED + 'Unless a Workspace Administrator disables the "Model improvement" setting in the Admin '
                 "Console, Acme may use Customer Data to train its machine learning models.", "control.ai_training")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.ADMIN)


@pytest.mark.parametrize("follow_up", [
    'If you would prefer that we don\'t, switch off "Improve Acme" under your account page.',
    'You can stop this at any time by switching off "Improve Acme" on your account page.',
])
def test_a_control_that_points_back_to_the_training_before_it(follow_up: str) -> None:
    got = answer(_DEFINED + "Acme may use Customer Data to train and improve its machine learning models. "
                 + follow_up, "control.ai_training")
    assert got.verdict is Verdict.YES
    assert any(follow_up[:20] in e.quote for e in got.evidence)


@pytest.mark.parametrize("clause", [
    "This licence extends to third parties with whom we have data partnerships, who may use Customer Data (including "
    "to train machine learning models).",
    "We may share Customer Data with our affiliate Acme AI Labs Inc., which may use that information to develop and "
    "train its generative AI models.",
])
def test_recipients_that_may_use_content_to_train_are_others_training(clause: str) -> None:
    assert answer(_DEFINED + clause, "train.content.third_party").verdict in (Verdict.YES, Verdict.LIKELY)


def test_no_subprocessor_permitted_to_train_excludes_others_training() -> None:
    got = answer(_DEFINED + "In particular, no Subprocessor is permitted to use Customer Data to train or improve any "
                 "machine learning model, whether its own or a third party's.", "train.content.third_party")
    assert got.verdict in (Verdict.NO, Verdict.UNLIKELY)


def test_training_save_where_de_identified_trains_on_de_identified_data() -> None:
    got = answer(_DEFINED + "Acme shall not use Customer Data to train any artificial intelligence model, save where "
                 "it has first been de-identified and aggregated with data from other customers.", "train.content.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.DEIDENTIFIED)


def test_an_exclusion_of_identifying_data_leaves_the_de_identified_rest_trained_on() -> None:
    text = ("Usage Information means information about how you use Acme. We use de-identified and aggregated Usage "
            "Information to train and improve our machine learning models. We do not use Usage Information that "
            "identifies you to train these models.")
    got = answer(text, "train.usage.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.DEIDENTIFIED)


@pytest.mark.parametrize("claim", [
    "Statistics about how the app is used (which filters are popular, when the app crashes) are generated by our "
    "systems, and they belong to Acme.",
    "Once product analytics have been aggregated, Acme is their sole owner.",
])
def test_ownership_of_usage_data_in_plain_words(claim: str) -> None:
    assert answer(claim, "ownership.usage").verdict is Verdict.YES


def test_checking_that_an_id_belongs_to_you_is_not_ownership() -> None:
    got = answer("We may use a photo of your face to verify that your ID belongs to you. We use your photos to "
                 "provide the service.", "license.content.broad")
    assert not any("belongs to you" in e.quote for e in got.evidence)
