"""Rules of analyzer 0.5.0: which sentence is quoted as evidence, and the precision rules for AI-feature data and
marketing. One synthetic clause set per rule; assertions are what a reader of the answer notices (the verdict,
the condition, the sentence quoted).
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Condition, Verdict


def quoted(a: Answer) -> str:
    """Every evidence quote of an answer, joined."""
    return " || ".join(e.quote for e in a.evidence)


# (document, question, verdict, a phrase the first quote must contain, a phrase no quote may contain)
EVIDENCE_CASES = [
    # the sentence that says "train" in so many words beats "improve our technology, such as our models"
    ("We use the information we have to develop and improve our technology, such as our machine learning models. "
     "We review and develop the Platform by training, testing and improving our technology, such as our machine "
     "learning models.",
     "train.content.own", Verdict.LIKELY, "by training, testing", None),
    # for the vendor's own training, a sentence about sharing with affiliates comes after its own purposes
    ("Personal Data may be shared with our affiliates to facilitate billing, support and product development "
     "(including training and improving artificial intelligence models). We use Personal Data to train and improve "
     "our artificial intelligence and machine learning models.",
     "train.content.own", Verdict.YES, "We use Personal Data to train", "shared with our affiliates"),
    # a licence naming a likeness after the content is still the content licence (feedback licences come last)
    ("If you give us feedback, you grant us a perpetual and irrevocable license to use your feedback for any purpose. "
     "You grant us a perpetual, irrevocable, transferable and sublicensable license to use Your Content and any "
     "name or likeness provided with Your Content.",
     "license.content.broad", Verdict.YES, "license to use Your Content", "feedback"),
    # the clause that says how far a licence reaches is quoted beside the grant
    ("You grant us a perpetual, irrevocable and sublicensable license to use, copy and display Your Content. "
     "For example, this license includes the right to use Your Content to train machine learning models.",
     "license.content.broad", Verdict.YES, "You grant us a perpetual", None),
    # a licence attribute listed on its own ("royalty-free, this means we don't pay you") is not the purpose clause,
    # and "don't pay you for this licence" denies no use
    ("By posting content, you grant us a licence to use your content which is:\n\n"
     "* royalty-free (this means we don't pay you for this licence),\n"
     "* worldwide (this means the licence applies anywhere).\n\n"
     "This licence to use your content allows us to copy and display your content for the purposes of operating, "
     "developing and providing the Platform.",
     "train.content.own", Verdict.UNCLEAR, "for the purposes of operating", "royalty-free"),
    # for others' use, "we do not sell" and "cannot be used for their own purposes" say more than provider lists
    ("We engage service providers that help us provide and support the Platform. Any information we share with "
     "our partner companies cannot be used for the partner companies' own purposes.",
     "train.content.third_party", Verdict.UNLIKELY, "own purposes", None),
    # "we will never sell your Content" is the sentence for others' use, ahead of a licence limit, even with no
    # buyer named
    ("We do not claim rights to your Content, except for the limited rights you grant us under this license. "
     "We will never sell your Content without getting your permission first.",
     "train.content.third_party", Verdict.UNLIKELY, "never sell", "do not claim"),
    # the control itself ("You can choose whether …") is quoted, not a training sentence that mentions a setting
    ("If training is enabled in your settings, or if you give us feedback, we use the content you share with us to "
     "train our models. You can easily choose whether your content can be used to train our models.",
     "control.ai_training", Verdict.YES, "You can easily choose", None),
    # a switch stated just after the training it governs is quoted with it
    ("We use Interactions to develop and improve our machine learning technologies. Our staff may review "
     "Interactions. If you don't want your Interactions used in this way, change your preference in settings.",
     "control.ai_training", Verdict.YES, "used in this way", None),
    # prompts reached only through a defined term ('… ("Content"), including your prompts'): the definition that
    # makes the link is quoted with the grant
    ('We collect information that you provide in the input to our Services ("Content"), including your prompts '
     "and files. We may use Content you provide us to improve our Services, for example to train our models.",
     "train.ai_io", Verdict.LIKELY, "including your prompts", None),
    # "the data we use to personalize ads": information about the user, which may or may not include content
    ("You can use the advertising controls in your account settings to control what data we use to personalize "
     "the ads we show you.",
     "marketing.content", Verdict.UNCLEAR, "advertising controls", None),
    # an improvement purpose that names usage in its own words ("how people use our Services") is quoted ahead of
    # one that speaks of information in general
    ("We use information we have to operate and provide our Services and to improve and customise our Services. "
     "We also use information we have to understand how people use our Services and to evaluate and improve our "
     "Services.",
     "train.usage.own", Verdict.UNCLEAR, "how people use", None),
    # a narrow licence to other users is not the vendor's licence: the vendor's own licence is quoted
    ("You hereby grant other users a license to access and view your Content. You hereby grant us a royalty-free "
     "license to use your Content only for the purposes of operating and improving the Service.",
     "marketing.content", Verdict.UNLIKELY, "grant us a royalty-free", "other users"),
]


@pytest.mark.parametrize(("text", "question", "verdict", "first", "absent"), EVIDENCE_CASES)
def test_the_sentence_that_carries_the_verdict_is_quoted(text: str, question: str, verdict: Verdict, first: str,
                                                         absent: str | None) -> None:
    a = answer(text, question)
    assert a.verdict is verdict, (a.verdict, a.explanation)
    assert a.evidence and first in quoted(a)
    if absent:
        assert absent not in quoted(a)


# (document, question, verdict, condition)
VERDICT_CASES = [
    # a section heading ("… to train our models") states nothing: silence on the user's data remains silence
    ("## Personal data we receive to train our models\n\nWe keep your account details while your account is open.\n",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # "We've prepared this notice to explain how our models are trained" announces, it does not grant
    ("We’ve prepared this notice to explain how our large language models are trained and how personal data may "
     "be used.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # an improvement purpose a few words away from "the Services" is still an improvement purpose
    ("We may collect usage metrics and diagnostic data, and we may use such data to improve the quality and other "
     "aspects of the Services.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # publicity clauses concern the customer's brand, not user content
    ("We may identify you as a customer and use your company name and logo in our marketing materials.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    ("With your approval, we may publish case studies and use your name and logo to promote our services.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # ...but content named beside the logo is content
    ("We may use your name, logo and User Content in our marketing materials.",
     "marketing.content", Verdict.YES, Condition.NONE),
    # ads and "other content" shown to you are not your content
    ("This information may be used by us and others to deliver advertising and content targeted to your interests.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # "content moderation" and "a video ad" use the word for something else than the user's content
    ("We use inferences to keep the Platform safe, for content moderation and to serve you personalised ads based "
     "on your interests.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    ("When you interact with ads we serve, we may use information about those interactions, such as watching a "
     "video ad, to personalise ads.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # ads chosen from activity that includes what you write, named apart from the ads: probable
    ("When you use our Services, we use your activity, such as which items you click on, terms you search for and "
     "any text that you add in a comment or description, along with other information you provided when you "
     "signed up and information from our partners, to make inferences about your preferences and to choose the "
     "ads we show you.",
     "marketing.content", Verdict.LIKELY, Condition.NONE),
    # advertisers named as a source of information are not an advertising use of the content
    ("We use the text you add in a comment, along with information from our partners and advertisers, to make "
     "inferences about you.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # what is collected, and from whom, says nothing of what others may do with it
    ("We collect other information that you provide to us or to a vendor operating on our behalf to establish "
     "your identity.",
     "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
    # data shared so that recipients serve the vendor's purposes is not shared for their own training
    ("We aggregate or de-identify Personal Data and share it with third parties for the purposes described above, "
     "such as to help improve our Services.",
     "train.content.third_party", Verdict.UNLIKELY, Condition.NONE),
    # "to develop our products and AI features" names a purpose, not AI inputs or outputs
    ("We use data about how you use the Services to develop and improve our products and AI features.",
     "train.ai_io", Verdict.UNCLEAR, Condition.NONE),
    # an AI feature described, nothing said about training on what is typed into it: unclear, not a guess
    ("Our AI Assistant answers questions you type as prompts. We use your information to improve our services.",
     "train.ai_io", Verdict.UNCLEAR, Condition.NONE),
    # others' use of content ("downloaded and used by third parties for AI") is not the vendor's own training
    ("Users can signal that they do not want their Content downloaded and used by third parties for developing "
     "artificial intelligence systems.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # content owned by third-party rights holders under separate agreements is not the user's content
    ("Neither we nor any third party may use any Content delivered to the Platform under separate agreements, "
     "which is owned or controlled by third party rights holders, for training artificial intelligence.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    # items under "You represent and warrant that:" are the user's promises, not the vendor's uses
    ("You represent and warrant that:\n\n* our use of your Content in advertising and marketing will not violate "
     "the rights of any third party.\n",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # "Customer retains sole responsibility for all content" keeps a duty, not rights: no licence is limited
    ("Customer retains sole responsibility for all content uploaded by Customer through our Services.",
     "license.content.broad", Verdict.NO, Condition.NONE),
    # training on data from third-party sources is not training on the user's data
    ("We may obtain personal data from the following third party sources in order to train our models.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
]


@pytest.mark.parametrize(("text", "question", "verdict", "condition"), VERDICT_CASES)
def test_general_rules_of_analyzer_0_5(text: str, question: str, verdict: Verdict, condition: Condition) -> None:
    a = answer(text, question)
    assert (a.verdict, a.condition) == (verdict, condition), a.explanation


def test_a_publicity_clause_is_not_quoted_as_marketing_of_content() -> None:
    a = answer("We may identify you as a customer and use your company name and logo in our marketing materials.",
               "marketing.content")
    assert not a.evidence


def test_customer_keeping_responsibility_is_not_quoted_as_keeping_rights() -> None:
    a = answer("Customer retains sole responsibility for all content uploaded by Customer through our Services.",
               "license.content.broad")
    assert not a.evidence
