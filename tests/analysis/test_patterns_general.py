"""Drafting patterns added to generalise beyond the dev documents (analyzer 0.4.0), one synthetic clause set per
rule; split from ``test_patterns.py`` to keep modules short. Assertions are what a reader of the answer notices.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.vocabulary import Condition, Verdict
from termlens.pipeline.segment import segment

# Rules added to generalise beyond the dev documents (analyzer 0.4.0): one synthetic clause set each.
GENERAL_CASES = [
    # a sole-purpose licence stays narrow even when it lists "derivative works"
    ("For the sole purpose of enabling us to make your Content available through the Service, you grant us a "
     "non-exclusive, royalty-free license to reproduce, distribute and prepare derivative works of your Content.",
     "license.content.broad", Verdict.NO, Condition.NONE),
    ("For the sole purpose of enabling us to make your Content available through the Service, you grant us a "
     "non-exclusive, royalty-free license to reproduce, distribute and prepare derivative works of your Content.",
     "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # ...but perpetual / sublicensable terms make it broad whatever its purpose
    ("In order to operate and provide our Services, you grant us a worldwide, sublicensable and transferable "
     "license to use your content.",
     "license.content.broad", Verdict.YES, Condition.NONE),
    # a catch-all after named kinds ("or other … content") makes the exclusion general
    ("You grant us a perpetual license to use Customer Content for machine learning and artificial intelligence. "
     "We do not use any of your audio, video, chat, files or other communications-like Customer Content to "
     "train our artificial intelligence models.",
     "train.content.own", Verdict.NO, Condition.NONE),
    # a dormant use: "we are postponing / pausing"
    ("We use your posts to develop and improve our artificial intelligence technology. At present we are "
     "postponing the use of your information to develop artificial intelligence.",
     "train.content.own", Verdict.UNLIKELY, Condition.NONE),
    # a training purpose in a list that names no data is probably about the user's information
    ("We use information for these purposes:\n\n* to improve the Platform by training our machine learning "
     "models.\n",
     "train.content.own", Verdict.LIKELY, Condition.NONE),
    # an infinitive negation is the aim of the training, not an exclusion
    ("We may use your content to train our AI models, unless you opt out through your account settings. This "
     "trains our models to not disclose personal data.",
     "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # not selling personal data is not a training exclusion
    ("We do not sell your personal information to third parties.",
     "train.content.third_party", Verdict.UNLIKELY, Condition.NONE),
    # sharing with providers who act on the vendor's behalf only
    ("We share your information with service providers who process it on our behalf to help us provide the "
     "Services.",
     "train.content.third_party", Verdict.UNLIKELY, Condition.NONE),
    # training rights taken for the group: the affiliates train too
    ("You grant us and our affiliates the right to use your content to train artificial intelligence and "
     "machine learning models.",
     "train.content.third_party", Verdict.YES, Condition.NONE),
    ("We may disclose your information to our affiliates in connection with the improvement and development "
     "of products and services across our corporate group. We use your content to train our AI models.",
     "train.content.third_party", Verdict.LIKELY, Condition.NONE),
    # an AI assistant: the prompts are the user's content and the other way round
    ("You may enter prompts into the assistant. Your prompts generate outputs. We may use your prompts to "
     "train our models.",
     "train.content.own", Verdict.YES, Condition.NONE),
    ("You may enter prompts into the assistant. Your prompts generate outputs. We keep prompts for 30 days. We "
     "may use the content you provide to train our models, unless you opt out in your settings.",
     "train.ai_io", Verdict.YES, Condition.OPT_OUT),
    # a purpose cell of a table keeps the de-identification its row puts on the data
    ("| Purpose | Data | Basis |\n|---|---|---|\n| To train and improve our services (including our AI models) "
     "| De-identified User Content and Feedback that you provide to us | Legitimate interests |\n",
     "train.content.own", Verdict.YES, Condition.DEIDENTIFIED),
    # a control sentence that refers back to the training just described
    ("We use Interactions data and your content to develop and improve our machine learning technologies. If "
     "you don't want your content used in this way, go to settings to change your preference.",
     "control.ai_training", Verdict.YES, Condition.OPT_OUT),
    ("We use Interactions data and your content to develop and improve our machine learning technologies. If "
     "you don't want your content used in this way, go to settings to change your preference.",
     "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # consent phrased as "unless you actively give your consent"
    ("Unless you actively give your consent, we will not use your content for artificial intelligence purposes.",
     "control.ai_training", Verdict.YES, Condition.OPT_IN),
    # a waiver of approval over promotional materials made from content
    ("You waive any rights to prior inspection or approval of any marketing or promotional materials related "
     "to your User Content.",
     "marketing.content", Verdict.LIKELY, Condition.NONE),
    # a licence "to operate, develop and improve" names no AI: training stays open
    ("You grant us a license to use your content only to operate, develop and improve the Services.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # a use that happens only if the user opts in does not happen by default
    ("If you opt in to the research programme, we use your content to train our machine learning models.",
     "train.content.own", Verdict.UNLIKELY, Condition.OPT_IN),
    # a licence drafted in the passive voice, and one whose duration is stated apart
    ("You shall ensure that we and our affiliates are granted an irrevocable, sub-licensable, perpetual licence "
     "to use, host and publish your User Content.",
     "license.content.broad", Verdict.YES, Condition.NONE),
    ("Licenses with respect to comments or other contributions that you make will be perpetual and irrevocable.",
     "license.content.broad", Verdict.YES, Condition.NONE),
    # a private mode the user picks: by default chats are trained on
    ("Temporary chats are not used to train our AI models.",
     "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # what recipients do not do is not the vendor's exclusion; the vendor named by name still excludes
    ("Data sent to third-party AI providers for transcription is not used for training. We use your recordings "
     "to improve our services.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    ("Acme does not use any of your audio, video, chat or other Customer Content to train Acme or third-party "
     "artificial intelligence models.",
     "train.content.own", Verdict.NO, Condition.NONE),
    # ads distributed on the platform next to the content the licence covers: probable, not stated
    ("You grant us a license to your Content to undertake the tasks in these Terms, including the distribution "
     "of advertising or other promotional material on our Platform.",
     "marketing.content", Verdict.LIKELY, Condition.NONE),
    # content licensed out to other companies: nothing stops them training on it
    ("We license your public posts to third parties through data licensing agreements.",
     "train.content.third_party", Verdict.LIKELY, Condition.NONE),
    # "AIs" in the plural, on an AI assistant: developing AI with the chats is probable training
    ("You can chat with our AIs using prompts. Prompts are stored. We use the prompts and messages you share "
     "with AIs to improve AIs at our company.",
     "train.ai_io", Verdict.LIKELY, Condition.NONE),
    # promotional materials are the vendor's marketing, not marketing sent to the user
    ("For example, we may resize content for different devices or feature user posts in promotional materials.",
     "marketing.content", Verdict.YES, Condition.NONE),
    # a defined term that sweeps in "your user data" reaches content as well as usage data
    ("We record your user data, interaction data about your usage of the Service and related metadata "
     "(“Interactions”). We use Interactions to develop and improve our machine learning technologies.",
     "train.content.own", Verdict.YES, Condition.NONE),
    ("We record your user data, interaction data about your usage of the Service and related metadata "
     "(“Interactions”). We use Interactions to develop and improve our machine learning technologies.",
     "train.usage.own", Verdict.YES, Condition.NONE),
    # a setting that, when off, stops the use: by default the use happens
    ("If Keep Activity is off, we do not use your future chats to improve our AI models.",
     "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # data carved out of a list ("but not User Content") is kept out of that purpose (0.6.0: this points away from
    # ads made from content, where 0.4.0 read it as silence)
    ("Personalised ads use any of the data described under Information you provide (but not User Content).",
     "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # a choice to share is an opt-in, not an opt-out
    ("We do not train our models on your chats. You can choose to share your chats to help improve our models.",
     "train.content.own", Verdict.NO, Condition.OPT_IN),
    # AI features described, nothing said of their inputs: the content exclusion carries over
    ("Our AI features turn your prompts into summaries. We do not use your content to train our AI models.",
     "train.ai_io", Verdict.NO, Condition.NONE),
    # confidential content is shared only with those who need to know it
    ("Customer Content is Customer’s Confidential Information. Recipient may only share Confidential "
     "Information with employees who have a need to know it.",
     "train.content.third_party", Verdict.UNLIKELY, Condition.NONE),
    ("Customer Content is Customer’s Confidential Information.",
     "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # licensing content out presupposes a licence granted elsewhere
    ("We make public posts available in limited quantities for free and charge licensing fees for large-scale "
     "access.",
     "license.content.broad", Verdict.UNCLEAR, Condition.NONE),
    # a right to object tied to AI processing is probably a control over it
    ("You can object where we rely on legitimate interests to process your information, such as where features "
     "supported by generative artificial intelligence are based on legitimate interests.",
     "control.ai_training", Verdict.LIKELY, Condition.OPT_OUT),
    # a plain licence with no purpose list says nothing either way about training
    ("You grant us a non-exclusive, royalty-free license to host, display and distribute your content.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # "your inputs" to an AI service are its prompts
    ("We may use your inputs to train our models.",
     "train.ai_io", Verdict.YES, Condition.NONE),
    # ads personalised with "your information" only: it may or may not include content
    ("We use your information to personalise the ads you see.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
]


@pytest.mark.parametrize(("text", "question", "verdict", "condition"), GENERAL_CASES)
def test_general_drafting_pattern(text: str, question: str, verdict: Verdict, condition: Condition) -> None:
    got = answer(text, question)
    assert (got.verdict, got.condition) == (verdict, condition), got.explanation
    assert got.evidence, "a non-silent answer quotes its sentence"
    for e in got.evidence:
        assert text[e.start:e.end] == e.quote


NOT_A_STATEMENT = [
    # a warning about outputs mentions training data without any use of the user's data
    ("Output may contain material that resembles code or content in the model's training data.",
     "train.ai_io"),
    # a transfer in a merger moves the business, it does not hand content to others for training
    ("We may transfer your information and content to potential buyers in connection with a merger or "
     "acquisition, who may use it to develop their own products and AI models.", "train.content.third_party"),
    # the vendor granting the user a licence is not a licence the vendor takes
    ("We grant you a limited, non-transferable, non-sublicensable, revocable license to use the Services.",
     "license.content.broad"),
    # "no guarantees that third parties will not…" excludes nothing
    ("We provide no guarantees that third parties will not use your content to train artificial intelligence "
     "models.", "train.content.own"),
    # liability, indemnity and user warranties list words but grant nothing
    ("We exclude, to the fullest extent permitted by law, any and all liability arising from content uploaded "
     "by users, including the distribution of advertising.", "marketing.content"),
    ("You agree to indemnify and hold us harmless from claims arising out of your Content, except as limited "
     "by law.", "train.content.own"),
    ("Artificial intelligence and large language models are emerging technologies that are still improving in "
     "accuracy.", "train.ai_io"),
    ("For example, we use artificial intelligence and machine learning to detect and block spam.",
     "train.usage.own"),
    ("These rights, privacy, safety or property of our users and usage data are protected by law.",
     "ownership.usage"),
    ("You must use appropriate disclosures to ensure that posts that are sponsored are clear.", "marketing.content"),
    ("“Permitted Exception” means Customer using Output to develop artificial intelligence models that classify "
     "data.", "train.content.own"),
    ("You hereby confirm, represent and warrant that you have all rights to your User Content and that it is "
     "used only as permitted by law.", "train.content.own"),
    ("More information is available [here](https://example.com/personalized-ads-and-data/download).",
     "marketing.content"),
]


@pytest.mark.parametrize(("text", "question"), NOT_A_STATEMENT)
def test_clauses_that_state_no_data_use_are_silence(text: str, question: str) -> None:
    got = answer(text, question)
    assert not got.evidence, got.explanation


def test_items_named_the_way_terms_name_them() -> None:
    text = ("We may use voice recordings to train our speech recognition models. We may include your name and "
            "photo in sponsored content. We charge licensing fees to third parties for access to public posts.")
    analysis = analyze(segment(text))
    audio = analysis.item("audio", "ai_training")
    assert audio.verdict is Verdict.YES and "named directly" in audio.explanation
    photo = analysis.item("profile_photo", "marketing")
    assert photo.verdict is Verdict.YES and "name and photo" in photo.evidence[0].quote
    sale = analysis.item("posts", "sale_or_licensing")
    assert sale.verdict is Verdict.YES and "licensing fees" in sale.evidence[0].quote


def test_monetising_content_with_ads_is_not_selling_it() -> None:
    text = "You grant us the right to monetize your Content on the Service, such as by displaying ads on it."
    assert analyze(segment(text)).item("posts", "sale_or_licensing").verdict is not Verdict.YES
