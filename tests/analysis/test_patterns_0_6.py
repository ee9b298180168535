"""Drafting patterns behind analyzer 0.6.0, found on dev documents labelled blind (tests/golden/analyzer/dev_c.yaml):
one synthetic clause set per rule, each asserting the answer a reader sees. None names a vendor.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.domain.vocabulary import Condition, Verdict

CASES = [
    # an exclusion that names only others' models leaves the vendor's own training standing
    ("We use your conversations to train our models. We do not use your conversations to train third-party "
     "models.", "train.content.own", Verdict.YES, Condition.NONE),
    ("We use your conversations to train our models. We do not use your conversations to train third-party "
     "models.", "train.content.third_party", Verdict.NO, Condition.NONE),
    # what recipients do not do ("not used by them") is not the vendor's own exclusion
    ("Our assistant answers your prompts. Inputs and Outputs are shared with our model providers solely to provide "
     "the Services and are not used by them for training.", "train.ai_io", Verdict.UNCLEAR, Condition.NONE),
    # licensing content out for others' training is their training, not the vendor's
    ("We license public posts to third parties, including for the training of machine learning models.",
     "train.content.own", Verdict.UNCLEAR, Condition.NONE),
    ("We license public posts to third parties, including for the training of machine learning models.",
     "train.content.third_party", Verdict.YES, Condition.NONE),
    # "will not use Customer Content to develop or improve the Services unless Customer agrees": training excluded,
    # unless the customer opts in; that consent is probably a control over training
    ("Acme will not use Customer Content to develop or improve the Services, unless Customer explicitly agrees to "
     "such use.", "train.content.own", Verdict.NO, Condition.OPT_IN),
    ("Acme will not use Customer Content to develop or improve the Services, unless Customer explicitly agrees to "
     "such use.", "control.ai_training", Verdict.LIKELY, Condition.OPT_IN),
    # "will only use Customer Content as necessary to provide the Services" is a closed list
    ("Acme will only use Customer Content as necessary to provide Customer with the Services, comply with "
     "applicable law, and prevent abuse.", "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # a section headed by a switched-off setting: the use happens while the setting is on
    ("# Privacy Notice\n\n## If the Keep Activity setting is off\n\nYour future chats won’t be used to train our AI "
     "models, unless you send us feedback.\n", "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # an exclusion naming one kind of content ("chats") does not cover the content analysed for ads
    ("Your assistant chats are not being used to show you ads. We use automated systems that analyse your content "
     "to provide you with personalised ads.", "marketing.content", Verdict.YES, Condition.NONE),
    # ...but a grant of the same kind, on opt-in only, does not defeat the exclusion
    ("We do not train our models on your chats. You can choose to share your chats to help improve our models.",
     "train.content.own", Verdict.NO, Condition.OPT_IN),
    # list items numbered "(i)." inherit their lead-in; "train our suggestion engine" is model training
    ("We use your User Content for the following purposes:\n\n(i). Operating and improving our Services (for example, "
     "your edits may help train our suggestion engine);\n\n(ii). Providing support.\n",
     "train.content.own", Verdict.YES, Condition.NONE),
    # content handed to other organisations through an API or a data dump: others may train on it
    ("From time to time, we make public content available via our API and through a Creative Commons data dump.",
     "train.content.third_party", Verdict.LIKELY, Condition.NONE),
    # ...but the user making content available elsewhere is not the vendor handing it over
    ("If you make your content available through other companies' services, search engines may display it.",
     "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
    # the vendor's software "licensed, not sold" to the user says nothing of selling the user's content
    ("The apps and the Content we provide are licensed, not sold, to you.",
     "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
    # not selling or sharing personal data for targeted ads points away from ads with content, without excluding
    ("We do not sell or share Personal Data for the purpose of displaying advertisements selected based on your "
     "activity.", "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # a licence "for the purpose of promoting … the Service" names marketing
    ("You grant us a transferable, sublicensable license to use, display and distribute your User Content, including "
     "for the purpose of promoting and redistributing part or all of the Service.",
     "marketing.content", Verdict.YES, Condition.NONE),
    # "publicity or privacy rights" are rights, not publicity; a warranty by the customer is not a use
    ("Customer represents and warrants that it has all rights necessary to use its Customer Content with the "
     "Service without violating third-party rights (including intellectual property, publicity or privacy rights).",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # content shown to the user ("personalize content and advertisements") is not content taken from them
    ("We use this information to personalize content and advertisements.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    ("Our vendors include hosting providers, content delivery networks, marketing services and content providers.",
     "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    ("We may use your Information to send you promotional content and messages by e-mail, marketing calls and "
     "similar forms of communication.", "marketing.content", Verdict.UNCLEAR, Condition.NONE),
    # on-screen prompts are instructions, not AI inputs; a refund policy is not a closed list of data uses
    ("You may cancel at any time by following the prompts on the Account page. We do not provide refunds for "
     "partial periods, except as expressly stated in these Terms.", "train.ai_io", Verdict.UNCLEAR, Condition.NONE),
    # "grants only the limited rights reasonably necessary" is a narrow licence
    ("Customer grants Acme only the limited rights that are reasonably necessary for Acme to deliver the Services.",
     "license.content.broad", Verdict.NO, Condition.NONE),
]



# Found on the second blind extension (tests/golden/analyzer/dev_d.yaml).
CASES_D = [
    # a quoted button label ("do not train on my content") names a control; it does not exclude training
    ("You can opt out of training through our privacy portal by clicking on “do not train on my content.”",
     "control.ai_training", Verdict.YES, Condition.OPT_OUT),
    # "improves by further training on the conversations people have with it" is model training
    ("Our assistant, for instance, improves by further training on the conversations people have with it, unless "
     "you opt out.", "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # a pointer to another notice states nothing itself
    ("For more information about how we use personal data to develop our language models, please see our separate "
     "Non-User Privacy Policy.", "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # AI as the means that processes content "to develop and improve" features: training, probably
    ("Our intelligent features may use artificial intelligence, machine learning, or other technology to analyze "
     "and process your content and personal data to develop, provide and improve intelligent features.",
     "train.content.own", Verdict.LIKELY, Condition.NONE),
    # content licensed out for fees: others may train on it
    ("Public posts are visible to everyone. We generally make this content available in limited quantities for free "
     "and charge licensing fees for large-scale access.", "train.content.third_party", Verdict.LIKELY, Condition.NONE),
    # a licence whose terms are list items under "you grant to the vendor a:"
    ("By posting content, you grant to Acme a:\n\n* non-exclusive,\n\n* transferable (which means we can give the "
     "rights you give us to someone else),\n\n* sub-licensable licence to use your content.\n",
     "license.content.broad", Verdict.YES, Condition.NONE),
    # content excluded from the ad purpose in so many words
    ("# Privacy Policy\n\n## Information we collect\n\nWe collect the posts and other content you post.\n\n## Ads\n\n"
     "We use your information to serve you personalized ads.\n\nPersonalised ads: any of the data described under "
     "Information you provide (but not User Content).\n", "marketing.content", Verdict.UNLIKELY, Condition.NONE),
]

COLLECTS_POSTS = "# Privacy Policy\n\n## Information we collect\n\nWe collect the posts and other content you post.\n\n"



def test_ads_from_your_information_probably_use_the_posts_the_policy_collects() -> None:
    a = answer(COLLECTS_POSTS + "## How we use it\n\nWe use your information to tailor advertising to your "
                                "interests.\n", "marketing.content")
    assert a.verdict is Verdict.LIKELY
    # both clauses the inference rests on are quoted: the ad purpose and the list that includes posts
    quotes = " ".join(e.quote for e in a.evidence)
    assert "tailor advertising" in quotes and "posts and other content you post" in quotes


def test_ads_for_the_vendors_own_products_are_not_ads_made_from_content() -> None:
    a = answer(COLLECTS_POSTS + "## Your choices\n\nYou can opt out of sharing your personal data for targeted "
                                "advertising to promote our products and services.\n", "marketing.content")
    assert a.verdict is Verdict.UNCLEAR


def test_without_posts_among_what_is_collected_ads_from_your_information_stay_unclear() -> None:
    a = answer("# Privacy Policy\n\n## Information we collect\n\nWe collect your email address and device "
               "identifiers.\n\n## How we use it\n\nWe use your information to tailor advertising to your "
               "interests.\n", "marketing.content")
    assert a.verdict is Verdict.UNCLEAR


# Found on the third blind extension (tests/golden/analyzer/dev_e.yaml).
CASES_E = [
    # "improve … our services (including our AI models)": improving the models is training them
    ("| Purpose | Data |\n|---|---|\n| To improve the accuracy and quality of our services (including our AI models) "
     "| De-identified User Content |\n", "train.content.own", Verdict.YES, Condition.DEIDENTIFIED),
    # a right to object stated in the section that describes the AI development is probably a control over it
    ("# Privacy Policy\n\n## Legitimate interests\n\nWe use the information we have to develop and improve our "
     "technology, such as our machine learning models.\n\nWhenever we use your information on the basis of "
     "legitimate interests, you can object to such usage.\n", "control.ai_training", Verdict.LIKELY,
     Condition.OPT_OUT),
    # ...but not one stated in a section that says nothing of AI
    ("# Privacy Policy\n\n## How we use information\n\nWe use the information we have to develop and improve our "
     "technology, such as our machine learning models.\n\n## Your rights\n\nWhenever we use your information on "
     "the basis of legitimate interests, you can object to such usage.\n", "control.ai_training", Verdict.NO,
     Condition.NONE),
]



# Found on the fourth blind extension (tests/golden/analyzer/dev_f.yaml).
CASES_F = [
    # "you are in control of whether … is used for training" describes a control; "text data" is content
    ("You are in control of whether your text data is used for training and improvement of our models.",
     "control.ai_training", Verdict.YES, Condition.OPT_OUT),
    ("You are in control of whether your text data is used for training and improvement of our models.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # what partners' cookies collect, or what happens when you disable them, is not the vendor using your
    # information for ads, even where the policy collects your posts
    (COLLECTS_POSTS + "## Cookies\n\nIf you disable the non-essential cookies, the ads you see may be less "
                      "relevant.\n", "marketing.content", Verdict.UNCLEAR, Condition.NONE),
]



# Found when the first held-out split was retired into dev (tests/golden/analyzer/dev_h.yaml).
CASES_H = [
    # a case study about the customer is the vendor's content, not the user's: the closed list governs
    ("Acme will only access, process or use Customer Content to provide the Services.\n\nYou grant Acme the right "
     "to identify you as a customer and to use your logo across Acme marketing materials, and to develop content "
     "around your experience as a customer (e.g., a written case study).",
     "marketing.content", Verdict.UNLIKELY, Condition.NONE),
    # an exclusion for a list of communication kinds reaches an AI feature's outputs only through a defined term
    ("Content that you provide, together with any resulting transcripts, recordings and outputs, is referred to as "
     "“Customer Content”. We do not use any of your audio, video, chat or other communications-like Customer "
     "Content to train artificial intelligence models.", "train.ai_io", Verdict.UNLIKELY, Condition.NONE),
    # "We do not train … except when you are on a free plan and have not opted out": trained by default for them
    ("We do not use Your Data to train our artificial intelligence models except (a) when you use the products under "
     "a free subscription and you have not opted-out of training, or (b) when you provide Feedback to us.",
     "train.content.own", Verdict.YES, Condition.OPT_OUT),
    # others' material ("Third-Party Content") excluded from training says nothing of the user's own
    ("We may use your Input to train our models. We do not use the Third-Party Content you provide in your Input to "
     "train our artificial intelligence models.", "train.content.own", Verdict.YES, Condition.NONE),
    # an exclusion of email content beside a purpose "including our AI models" for all data
    ("# Privacy Policy\n\n## How we use data\n\nWe also use data to:\n\n*   Improve or create services and products, "
     "including our AI models.\n\nWe do not use the content of emails to create, train, improve, or fine-tune AI "
     "models.\n", "train.content.own", Verdict.LIKELY, Condition.NONE),
    # on an AI assistant, prompts used for relevant advertising are content in ads; other kinds excluded are partial,
    # and an exclusion scoped to students' data is a plan scope
    ("Our assistant answers your prompts. We use your prompts and related data to provide and improve services, "
     "including relevant advertising. We do not use what you say in emails, chats or your personal files to "
     "target ads to you. We do not use student personal data for advertising. We also use prompts to train our "
     "models.", "marketing.content", Verdict.YES, Condition.NONE),
    # "you can select whether or not you want us to … train our models" is a control
    ("You can select whether or not you want us to use your User Content to improve our products and train our "
     "models.", "control.ai_training", Verdict.YES, Condition.OPT_OUT),
    # "unless you direct us to do so" is an opt-in
    ("We will not use your Input or Output from an AI Feature to train our artificial intelligence models unless "
     "you direct us to do so.", "train.ai_io", Verdict.NO, Condition.OPT_IN),
    # ...and, outside an AI assistant, it speaks of the AI feature, not of everything the user stores
    ("We will not use your Input or Output from an AI Feature to train our artificial intelligence models unless "
     "you direct us to do so.", "train.content.own", Verdict.UNLIKELY, Condition.NONE),
    # a licence "for any purpose, including but not limited to" is not a closed list
    ("You grant Acme an irrevocable, perpetual, transferable, sublicensable right to use, publish and distribute your "
     "User Content for any purpose, including but not limited to: (i) providing the Service.",
     "marketing.content", Verdict.LIKELY, Condition.NONE),
    # the user warned before "making it available to third parties" is not the vendor handing content out
    ("Always verify the Output before relying on it or otherwise making it available to third parties.",
     "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
]



def test_content_handled_for_customers_does_not_feed_an_ads_inference() -> None:
    a = answer(COLLECTS_POSTS + "We process this content in the role of a processor on behalf of our customers.\n\n"
                                "## Marketing\n\nWe use your information to tailor advertising to your interests.\n",
               "marketing.content")
    assert a.verdict is Verdict.UNCLEAR


# Found on the last blind extension (tests/golden/analyzer/dev_g.yaml).
CASES_G = [
    # an opt-out described with what it would stop is a control, not an exclusion of the default use
    ("We may use any of the above information to improve the Services (including our AI models). You may opt out of "
     "information collection for AI (which would prohibit us from using your search information to improve our AI "
     "models) in your settings.", "train.content.own", Verdict.LIKELY, Condition.OPT_OUT),
    # an indemnity carve-out ("claims arising from … fine-tuning by any party other than us") states no data use
    ("This excludes claims to the extent arising from fine-tuning or modification of the products by any party other "
     "than us.", "train.content.third_party", Verdict.UNCLEAR, Condition.NONE),
    # a platform that lets the user fine-tune models is not the vendor training on the user's data
    ("La Plateforme allows you to use and fine-tune our models through our APIs.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
    # a closed list for one product version does not limit what the policy says for the others
    ("If you use a server version of the Services, we do not collect information about you except in limited cases. "
     "We use information about how people use our Services to develop new products, features and technologies.",
     "train.usage.own", Verdict.UNCLEAR, Condition.NONE),
]


ALL_CASES = CASES + CASES_D + CASES_E + CASES_F + CASES_G + CASES_H


def test_data_bought_from_others_does_not_feed_an_ads_inference() -> None:
    a = answer(COLLECTS_POSTS + "## Ads\n\nInformation we receive from consumer marketing databases, which we use to "
                                "better customize advertising to you.\n", "marketing.content")
    assert a.verdict is Verdict.UNCLEAR


@pytest.mark.parametrize(("text", "question", "verdict", "condition"), ALL_CASES)
def test_drafting_pattern_of_analyzer_0_6(text: str, question: str, verdict: Verdict, condition: Condition) -> None:
    a = answer(text, question)
    assert (a.verdict, a.condition) == (verdict, condition), a.explanation
