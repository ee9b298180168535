"""Drafting patterns behind analyzer 0.8.0, found on the AI-assistant documents retired from held-out into dev
(tests/golden/analyzer/dev_m.yaml): one synthetic clause set per rule, each asserting the answer a reader sees.
None names a vendor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.vocabulary import Condition, Verdict
from termlens.pipeline.extract import read_document
from termlens.pipeline.segment import segment

_ASSISTANT = ("Acme Chat is an AI assistant that answers your prompts. Your prompts and the responses are stored. You "
              "can delete your prompts. ")
_TRAINS_UNLESS_OPTED_OUT = ("We use your Input and Output to train our artificial intelligence models, unless you opt "
                            "out. ")

CASES = [
    # a promise about data from a connected service says nothing of the user's own prompts and content
    (_ASSISTANT + _TRAINS_UNLESS_OPTED_OUT + "If you connect a third-party service to Acme Chat, we do not use this "
     "third-party service to train our artificial intelligence models.", "train.ai_io", Verdict.YES, Condition.OPT_OUT),
    (_ASSISTANT + _TRAINS_UNLESS_OPTED_OUT + "For users who opt to connect their mailbox via OAuth, Acme shall not use "
     "any mailbox content for any of its AI training purposes.", "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # one feature's carve-out, given as an example, does not cover the rest
    (_ASSISTANT + "We may use Your Content to operate Acme Chat and improve it. For example, the information you "
     "provide to Acme Health is not used for advertising purposes, and it is not used to develop or train AI models.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # ... but the same promise about everything the user provides is an exclusion
    (_ASSISTANT + "We may use Your Content to operate Acme Chat and improve it. The information you provide to us is "
     "not used to develop or train AI models.", "train.content.own", Verdict.NO, Condition.NONE),
    # a pointer to an explanation of training methods is not a statement that the user's data is used
    (_ASSISTANT + "If you would like to learn more about our model mechanism or training methods, please refer to "
     "the [Model Training Explanation](https://example.com/training).", "train.usage.own", Verdict.UNCLEAR,
     Condition.NONE),
    ("1.1 We have published the \u201c[Model Principles and Training Methods Explanation](https://example.com/m)"
     "\u201d to clarify the model's training process.", "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # the user's own right to use outputs for training other models is not the vendor's use
    (_ASSISTANT + "You may apply the Inputs and Outputs of the Services to a wide range of use cases, including "
     "personal use, research and training other models.", "train.ai_io", Verdict.UNCLEAR, Condition.NONE),
    # "we can give those same rights to others" is sublicensing in plain words
    ("By using Acme, you grant us permission to use Your Content, which means we can copy, distribute, publicly "
     "display, edit and reformat it, and we can give those same rights to others who work on our behalf.",
     "license.content.broad", Verdict.YES, Condition.NONE),
    # a limit on the recipients of an onward grant does not close the vendor's own purposes ("improve")
    ("By uploading Your Content, you grant us a license to use, store, reproduce and modify Your Content to operate, "
     "improve, promote and provide the Services. You agree that these rights and licenses are royalty free, "
     "transferable and sub-licensable, and include a right for us to make Your Content available to, and pass these "
     "rights along to, others with whom we have contractual relationships, solely for the purpose of providing such "
     "Services.", "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # the vendor training its models on datasets that third parties provide is not third parties training on the
    # user's data
    ("We collect your messages. In some cases, we access datasets provided by third parties for our model training "
     "purposes.", "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
    # an exclusion of one AI feature's inputs and outputs beside a clause to improve the service with the content:
    # the rest of the content stays open (and "AI  Feature" with a doubled space is still an AI feature)
    ("Acme stores the notes and files you upload (your Content). To help refine or improve the technology, we may "
     "review portions of your Content. We will not use your Input or Output from an AI  Feature to train our "
     "artificial intelligence models unless you direct us to do so.", "train.content.own", Verdict.UNCLEAR,
     Condition.NONE),
    ("Acme stores the notes and files you upload (your Content). To help refine or improve the technology, we may "
     "review portions of your Content. We will not use your Input or Output from an AI  Feature to train our "
     "artificial intelligence models unless you direct us to do so.", "train.ai_io", Verdict.NO, Condition.OPT_IN),
    # how a privacy request about training is handled is not a statement that usage data is trained on
    ("We collect usage data to operate the service. However, when your request concerns the training of our models, "
     "your rights have technical limitations and fulfilling your requests might involve a complex technical process.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # the vendor promoting the user's content on social media is marketing with it; the user promoting their own
    # business is not the vendor's marketing
    ("You grant us a licence to display Your Content. Your Content may be shared with third parties, for example, on "
     "social media sites to promote Your Content on the Site.", "marketing.content", Verdict.YES, Condition.NONE),
    ("You grant us a licence to host Your Content. You may use the Services to promote your business.",
     "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # marketing described only with account data leaves the content out of it
    ("We store the documents you upload to provide the service. We use your account information and device "
     "identifiers to personalise the ads we show you.", "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # a cross-border transfer clause that recalls the purposes is not a grant, nor regional
    ("We collect usage data to operate the service. When you access our Services, your personal data is transferred "
     "to our servers in the US, or to other countries outside the European Economic Area, for the purposes outlined "
     "in Section 2, for example to provide you with the Service, or to train our models.", "train.usage.own",
     Verdict.UNCLEAR, Condition.NONE),
    # "public web data, which may contain personal data": not the user's usage data
    ("Our artificial intelligence models are trained on data that is publicly available on the Internet, which may "
     "contain personal data. We collect usage data to operate the service.", "train.usage.own", Verdict.UNCLEAR,
     Condition.NONE),
]


@pytest.mark.parametrize(("text", "question", "verdict", "condition"), CASES)
def test_drafting_pattern_of_analyzer_0_8(text: str, question: str, verdict: Verdict, condition: Condition) -> None:
    got = answer(text, question)
    assert (got.verdict, got.condition) == (verdict, condition), got.explanation


def test_the_clause_is_quoted_before_its_plain_language_summary() -> None:
    text = ("> Basically... Acme won't use your content to train generative AI.\n\n"
            "Acme agrees not to use any of Your Content to train generative artificial intelligence models.")
    got = answer(text, "train.content.own")
    assert got.verdict is Verdict.NO
    assert got.evidence[0].quote.startswith("Acme agrees not to use")


def test_the_licence_is_quoted_before_the_lead_in_that_announces_it() -> None:
    text = ("You retain any ownership rights you have in Your Content, but you grant Acme the following license to use "
            "that Content:\n\n"
            "When Your Content is submitted to the Services, you grant us a worldwide, perpetual, irrevocable and "
            "sublicensable license to use, copy, modify and display Your Content in all media.")
    got = answer(text, "train.content.own")
    assert got.verdict is Verdict.UNCLEAR
    assert "perpetual" in got.evidence[0].quote


def test_chats_with_the_ai_listed_among_what_you_provide_carry_the_content_answer(ota_dir: Path) -> None:
    """A real policy (dev_n) that lists "conversations with My AI" among the information the user sends and uses
    the information it collects for machine-learning models: the AI chats inherit that, as probable."""
    path = ota_dir / "Snapchat" / "Privacy Policy" / "2023-07-14T00-41-36Z.md"
    got = analyze(segment(read_document(path).text)).answer("train.ai_io")
    assert got.verdict is Verdict.LIKELY
    assert any("conversations with My AI" in e.quote for e in got.evidence)


@pytest.mark.parametrize(("text", "item", "verdict"), [
    # ads chosen from "your information" draw on what the user does
    ("We collect your posts, your device details and how you use the service. We use your information to personalise "
     "the ads you see.", "interactions", Verdict.YES),
    # a promise about the category itself excludes it
    ("We collect usage information about how you interact with the service. We do not use usage information to "
     "personalise ads.", "interactions", Verdict.NO),
    # "we do not sell personal data for targeted advertising" denies a disclosure, not every use in ads
    ("We collect your posts and how you use the service. We do not sell personal information for targeted "
     "advertising.", "interactions", Verdict.UNLIKELY),
    # nothing about ads at all
    ("We collect your posts and how you use the service to operate it.", "interactions", Verdict.UNCLEAR),
])
def test_marketing_of_account_and_usage_items(text: str, item: str, verdict: Verdict) -> None:
    assert analyze(segment(text)).item(item, "marketing").verdict is verdict


@pytest.mark.parametrize(("text", "verdict"), [
    # a clause about "the information we collect" does not clearly reach private messages
    ("We collect the content you post, your profile and the messages you send to other users. We may use the "
     "information we collect to train our machine learning and artificial intelligence models.", Verdict.LIKELY),
    # one that names messages does
    ("We collect the content you post and the messages you send to other users. We may use your posts and messages "
     "to train our machine learning and artificial intelligence models.", Verdict.YES),
])
def test_private_messages_under_a_general_training_clause(text: str, verdict: Verdict) -> None:
    assert analyze(segment(text)).item("chat", "ai_training").verdict is verdict


def test_a_product_named_like_an_item_is_not_the_item() -> None:
    """"Le Chat" is a product: sentences about it do not speak of the user's chat messages."""
    text = ("Le Chat is an AI assistant that answers your prompts. We use your Input and Output to train our "
            "artificial intelligence models, unless you opt out. Le Chat Enterprise trains artificial intelligence "
            "models for each enterprise customer separately.")
    got = analyze(segment(text)).item("chat", "ai_training")
    assert got.verdict in (Verdict.YES, Verdict.LIKELY) and got.condition is Condition.OPT_OUT
    assert "is named directly" not in got.explanation


def test_how_long_fine_tuning_data_is_kept_is_not_a_training_statement() -> None:
    text = ("We collect usage data to operate the service. If you use our Fine-Tuning API, we keep your fine-tuning "
            "data until you delete it from the AI Studio or until you terminate your account.")
    assert answer(text, "train.usage.own").verdict is Verdict.UNCLEAR


def test_an_item_never_falls_under_third_party_content() -> None:
    text = ("We may display content from third parties, such as links or snippets (the \u201cThird Party "
            "Content\u201d). You may upload materials to the service (\u201cYour Content\u201d). We use Your "
            "Content to train our artificial intelligence models, unless you opt out.")
    got = analyze(segment(text)).item("video", "ai_training")
    assert "Third Party Content" not in got.explanation


_PURPOSE_TABLE = (
    "## How we use personal data\n\n"
    "We may use your personal data to improve the Services, including training our models.\n\n"
    "| Purpose | Type of Data | Legal Basis |\n"
    "| --- | --- | --- |\n"
    "| To provide the Services | Identity and Contact Data<br>Technical Information | Contract |\n"
    "| To improve the Services and conduct research (excluding model training) | Technical Information<br>Inputs and "
    "Outputs | Legitimate interests |\n"
    "| To improve the Services and conduct research (including model training) | Feedback<br>Inputs and Outputs | "
    "Legitimate interests |\n")


def test_a_purpose_table_whose_training_row_leaves_usage_data_out() -> None:
    got = answer(_PURPOSE_TABLE, "train.usage.own")
    assert got.verdict is Verdict.UNLIKELY
    assert [e.quote for e in got.evidence] == [
        "To improve the Services and conduct research (including model training)", "Feedback<br>Inputs and Outputs"]
    # the quotes are verbatim slices of the document
    assert all(_PURPOSE_TABLE[e.start:e.end] == e.quote for e in got.evidence)


def test_a_purpose_table_whose_training_row_lists_usage_data() -> None:
    table = _PURPOSE_TABLE.replace("| Feedback<br>Inputs and Outputs |", "| Feedback<br>Technical Information |")
    assert answer(table, "train.usage.own").verdict in (Verdict.YES, Verdict.LIKELY)


def test_a_purpose_table_whose_marketing_row_leaves_content_out() -> None:
    table = (
        "We may use your personal data to show you ads for our Services.\n\n"
        "| Purpose | Type of Data | Legal Basis |\n| --- | --- | --- |\n"
        "| To provide the Services | Identity and Contact Data<br>User Content | Contract |\n"
        "| To communicate with you and to promote our Services | Identity and Contact Data<br>Technical Information | "
        "Legitimate interests |\n")
    got = answer(table, "marketing.content")
    assert got.verdict is Verdict.UNLIKELY
    assert got.evidence[0].quote == "To communicate with you and to promote our Services"


def test_a_choice_to_keep_content_away_from_ai_is_a_training_control() -> None:
    text = ("You grant us a licence to display Your Content. You are able to tag your projects containing Your Content "
            "with \u201cNoAI\u201d if you would like Your Content to be prohibited from use with AI.")
    got = answer(text, "control.ai_training")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.OPT_OUT)
    # the user's own restriction is not a control
    assert answer("You may not scrape content for use with AI.", "control.ai_training").verdict is Verdict.NO
