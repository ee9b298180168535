"""Drafting patterns behind analyzer 0.9.0, found on the blind dev round dev_p (older, pre-AI privacy policies and
terms) and on dev's misses: one synthetic clause set per rule, each asserting the answer a reader sees. None names a
vendor.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.vocabulary import Verdict
from termlens.pipeline.segment import segment

_CLOSED_SHARING = ("Acme only shares nonpublic information about you in the following ways: with service providers "
                   "who act on our instructions, and when the law requires it. We do not sell this information. ")


@pytest.mark.parametrize("opening", [
    "Acme also allows third parties to access public Acme content via the Acme API and other similar technologies.",
    "Depending on where you live, we also make this public information available through what are called APIs.",
    "However, we do allow third parties, such as research organizations or archives, to compile public-facing Acme "
    "information.",
    "We may share the following information with all users as well as with our business partners and the general "
    "public: your public posts and your profile.",
])
def test_public_content_left_open_to_others_leaves_their_training_open(opening: str) -> None:
    got = answer(_CLOSED_SHARING + opening, "train.content.third_party")
    assert got.verdict is Verdict.UNCLEAR
    # both sides are quoted: the open channel and the limit that covers only private data
    assert any("public" in e.quote for e in got.evidence)
    assert any("do not sell" in e.quote or "only shares" in e.quote for e in got.evidence)
    assert "open" in got.explanation


def test_without_an_open_channel_the_closed_list_still_points_away() -> None:
    assert answer(_CLOSED_SHARING, "train.content.third_party").verdict is Verdict.UNLIKELY


def test_private_messages_are_not_public_content() -> None:
    text = (_CLOSED_SHARING + "Acme also allows third parties to access public Acme content via the Acme API. "
            "We do not share your private messages with anyone.")
    result = analyze(segment(text))
    assert result.answer("train.content.third_party").verdict is Verdict.UNCLEAR
    assert result.item("chat", "ai_training_third_party").verdict is not Verdict.UNCLEAR


@pytest.mark.parametrize("sentence", [
    "Usage information, including your IP address and browser data, may be used for diagnosis, security, and Product "
    "and Service optimization.",
    "For example, we refer to usage data to help us decide what new features to build.",
    "We analyze how people use our Services so we can make our Services better.",
])
def test_improving_the_service_in_plain_words_is_quoted_for_usage_data(sentence: str) -> None:
    got = answer("We collect usage data when you use Acme. " + sentence, "train.usage.own")
    assert got.verdict is Verdict.UNCLEAR
    assert [e.quote for e in got.evidence] == [sentence]


@pytest.mark.parametrize("sentence", [
    "We do not sell your personal information and we do not host advertising on Acme.",
    "We still do not allow third-party banner ads on our Services.",
])
def test_a_service_without_ads_does_not_target_ads_with_content(sentence: str) -> None:
    text = "We collect the posts you publish and your email address. We send you product news by email. " + sentence
    got = answer(text, "marketing.content")
    assert got.verdict is Verdict.UNLIKELY
    assert [e.quote for e in got.evidence] == [sentence]


def test_for_these_purposes_takes_the_purpose_of_the_sentence_before() -> None:
    text = ("We collect the notes you store (your Content). We contract with third-party advertising networks in order "
            "to deliver relevant Acme advertisements to you across the Internet. We do not use your Content for these "
            "purposes.")
    got = answer(text, "marketing.content")
    assert got.verdict is Verdict.NO
    assert got.evidence[0].quote == "We do not use your Content for these purposes."
    # the same words after a sentence about something else exclude nothing
    unrelated = text.replace("We contract with third-party advertising networks in order to deliver relevant Acme "
                             "advertisements to you across the Internet.", "We keep backups for thirty days.")
    assert answer(unrelated, "marketing.content").verdict is not Verdict.NO


def test_marketing_messages_the_user_receives_are_not_chats_used_in_ads() -> None:
    text = ("You can message businesses on Acme. Messages you may receive containing marketing could include an offer "
            "for something that might interest you.")
    assert analyze(segment(text)).item("chat", "marketing").verdict is not Verdict.YES


def test_a_purpose_table_with_the_legal_basis_before_the_data() -> None:
    """"purpose | legal basis | data" tables put the data third: the training row's data is read there."""
    table = ("We may use your personal data to improve the Services, including training our models.\n\n"
             "| Purpose | Legal Basis | Type of Data |\n| --- | --- | --- |\n"
             "| To provide the Services | Contract | Identity and Contact Data<br>Technical Information |\n"
             "| To improve the Services and conduct research (including model training) | Legitimate interests | "
             "Feedback<br>Inputs and Outputs |\n")
    got = answer(table, "train.usage.own")
    assert got.verdict is Verdict.UNLIKELY
    assert [e.quote for e in got.evidence][-1] == "Feedback<br>Inputs and Outputs"


def test_the_right_for_the_vendor_to_make_public_content_available_to_third_parties() -> None:
    text = ("By posting Content, you grant Acme a worldwide, sublicensable licence to use, host and display your "
            "Content. You also agree that this license includes the right for Acme to make all publicly-posted "
            "Content available to third parties selected by Acme, so that those third parties can syndicate and/or "
            "analyze such Content on other media and services. You can also send private messages to other users.")
    result = analyze(segment(text))
    assert result.answer("train.content.third_party").verdict is Verdict.LIKELY
    # what is said of public content does not reach private messages
    assert result.item("chat", "ai_training_third_party").verdict not in (Verdict.YES, Verdict.LIKELY)


@pytest.mark.parametrize(("text", "verdict"), [
    # a licence limited to running the service leaves no right to sell or license the content out
    ("You upload files (your Content). We don't claim ownership of Your Content. You grant us a licence to store "
     "and display Your Content solely to provide the Services to you.", Verdict.UNLIKELY),
    # silence with a broad, sublicensable licence stays open
    ("You upload files (your Content). You grant us a perpetual, irrevocable, sublicensable licence to use Your "
     "Content.", Verdict.UNCLEAR),
])
def test_selling_content_when_the_document_never_mentions_it(text: str, verdict: Verdict) -> None:
    got = analyze(segment(text)).item("files", "sale_or_licensing")
    assert got.verdict is verdict
    if verdict is Verdict.UNLIKELY:
        assert got.evidence and "solely to provide" in got.evidence[0].quote


_NO_SALE = "We don't sell your personal data. "


@pytest.mark.parametrize(("licence", "verdict"), [
    # a sublicensable licence that names neither its sublicensees nor their purposes leaves others' use open
    ("When you share, post or upload content, you grant us a non-exclusive, transferable, sub-licensable, royalty-free "
     "and worldwide licence to host, use, distribute, modify, copy and display your content.", Verdict.UNCLEAR),
    # one that passes rights only to contractors serving the vendor's purposes does not
    ("When you upload content, you grant us a worldwide licence to host, use and display your content, and to "
     "sublicense these rights to our contractors, only for the limited purposes of providing the Services.",
     Verdict.UNLIKELY),
])
def test_a_sublicensable_licence_beside_a_promise_not_to_sell(licence: str, verdict: Verdict) -> None:
    got = answer(_NO_SALE + licence, "train.content.third_party")
    assert got.verdict is verdict
    if verdict is Verdict.UNCLEAR:
        assert any("sub-licensable" in e.quote for e in got.evidence)


def test_a_quoted_term_of_art_is_still_denied() -> None:
    """'does not "sell" or "share" personal information': the quotes mark a legal term, not a button label."""
    text = ("We collect the posts you submit. Acme does not \"sell\u201d or \"share\u201d personal information as "
            "those terms are defined under the CCPA.")
    assert analyze(segment(text)).item("contact_details", "sale_or_licensing").verdict is Verdict.NO


def test_data_that_never_leaves_the_device_is_not_used() -> None:
    text = ("We use your usage data to improve our products and to train our models.\n\n"
            "* **Names of user contacts in the Acme Keyboard (on-device storage only)** to make spelling suggestions. "
            "These names will be stored solely on your device within the Acme Keyboard app and are never sent to Acme "
            "servers.\n")
    got = analyze(segment(text)).item("contacts", "ai_training")
    assert got.verdict is Verdict.NO
    assert "never sent to Acme servers" in got.evidence[0].quote


def test_an_ads_purpose_in_a_list_under_your_information_reaches_usage_items() -> None:
    text = ("We may collect your name, e-mail address and your interaction with our website and mobile "
            "applications.\n\n"
            "We use your personal information for the following purposes:\n\n"
            "* to provide the services you request,\n"
            "* to customize the advertising and content that is presented to you on our website,\n")
    assert analyze(segment(text)).item("interactions", "marketing").verdict is Verdict.YES


def test_photos_among_personal_files_are_not_public_posts() -> None:
    text = ("You grant us a licence to Your Content. If you publish Your Content in areas of the Service where it is "
            "available publicly, Your Content may appear in materials that promote the Service. We do not use what "
            "you say in email or chat, or your documents, photos or other personal files to target advertising to "
            "you.")
    result = analyze(segment(text))
    assert result.item("posts", "marketing").verdict is not Verdict.NO
    assert result.item("files", "marketing").verdict is Verdict.NO


@pytest.mark.parametrize("text", [
    # private communications named in the exclusion are the user's chats
    "We use your content and activity to show you ads. We do not use the private content and communications you "
    "send to your friends to personalize your experience, make recommendations, or show you ads.",
    # "our communications are for marketing" speaks of messages sent to the user, not of the user's chats
    "Messages you send in meetings are Customer Content. Acme does not use Customer Content for any marketing or "
    "promotions. Not all of our communications are for marketing, and you will continue to receive messages related "
    "to your products.",
])
def test_private_communications_kept_out_of_ads(text: str) -> None:
    assert analyze(segment(text)).item("chat", "marketing").verdict is Verdict.NO


@pytest.mark.parametrize(("extra", "verdict"), [
    # no AI feature anywhere: a clause over "the information we collect" would reach prompts only if there were any
    ("", Verdict.UNCLEAR),
    # the document describes an AI assistant the user types into: the clause reaches what is typed into it
    ("You can ask questions of our AI assistant. ", Verdict.LIKELY),
])
def test_ai_inputs_when_no_ai_feature_is_described(extra: str, verdict: Verdict) -> None:
    text = (extra + "We may use the information we collect and publicly available information to help train our "
            "machine learning or artificial intelligence models for the purposes outlined in this policy.")
    assert answer(text, "train.ai_io").verdict is verdict


def test_a_long_promise_not_to_use_meeting_content_for_marketing() -> None:
    text = ("We use your product usage to market our products. Acme does not use meeting, webinar, or messaging "
            "content (specifically, audio, video, files shared, in-meeting whiteboards, and messages), or any content "
            "generated or shared as part of other collaborative features (such as out-of-meeting whiteboards or "
            "emails) for any marketing or promotions.")
    assert answer(text, "marketing.content").verdict is Verdict.NO
    # a promise about private messages only leaves the rest of the content open
    partial = ("We use your posts and activity to show you ads. We do not use the private content and communications "
               "you send to your friends to show you ads.")
    assert answer(partial, "marketing.content").verdict is not Verdict.NO


def test_a_later_clause_saying_the_same_is_quoted_after_the_first() -> None:
    text = ("1. We may use your content to train our artificial intelligence models.\n\n"
            "2. Other terms. You agree to these terms.\n\n"
            "3. For example, your posts and photos are used to train our artificial intelligence models.")
    got = answer(text, "train.content.own")
    assert got.verdict is Verdict.YES
    quotes = [e.quote for e in got.evidence]
    assert len(quotes) == 2 and quotes[0].startswith("We may use") and quotes[1].startswith("For example")


def test_improving_speech_recognition_with_user_audio_is_training_in_substance() -> None:
    text = ("We collect the videos and voice recordings you save. We also use service providers to analyze and listen "
            "to samples of saved user audio to help improve our audio recognition technologies.")
    assert analyze(segment(text)).item("audio", "ai_training").verdict is Verdict.LIKELY


def test_a_document_holding_two_copies_of_its_text_is_quoted_once() -> None:
    copy = ("You grant us a licence to your Content. We may place advertising on the Services or in connection with "
            "the display of Content. This license includes the right for us to promote the Services with your Content.")
    got = answer(copy + "\n\n## Terms for other countries\n\n" + copy, "marketing.content")
    quotes = [e.quote for e in got.evidence]
    assert quotes and len(quotes) == len(set(quotes))


@pytest.mark.parametrize(("text", "verdict"), [
    # ads personalised from "your content": private messages are probably, not certainly, among it
    ("Your content includes the posts you share and the messages you send. We use automated systems that analyze "
     "your content to provide you with personalized ads.", Verdict.LIKELY),
    # a clause that names e-mails itself covers them
    ("Your content includes the posts you share and the messages you send. Our automated systems analyze your content "
     "(including emails) to provide tailored advertising.", Verdict.YES),
])
def test_private_messages_under_an_ads_clause_about_your_content(text: str, verdict: Verdict) -> None:
    assert analyze(segment(text)).item("chat", "marketing").verdict is verdict
