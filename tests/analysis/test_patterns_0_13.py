"""Drafting patterns behind analyzer 0.13.0, found where the golden set's annotators quote a clause and the analyzer
answered from silence (dev and the CLAUDETTE study split). Each clause is rewritten for Acme; none names a vendor.
Every test asserts what a reader sees: the verdict and the sentence quoted for it.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.vocabulary import Verdict
from termlens.pipeline.segment import segment


def test_improving_the_services_named_by_a_pronoun_is_a_purpose_of_improving_them() -> None:
    text = ("# Acme Privacy Policy\n\n## How we use information we collect\n\nWe use the information we collect from "
            "all of our services to provide, maintain, protect and improve them, to develop new ones, and to protect "
            "Acme and our users.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.UNCLEAR
    assert usage.evidence and "improve them, to develop new ones" in usage.evidence[0].quote


def test_how_you_make_use_of_the_service_is_usage_data() -> None:
    text = ("# Acme Terms\n\n## Our Services\n\nWe analyze how you make use of Acme, in order to improve all aspects "
            "of our Services described here.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.UNCLEAR
    assert usage.evidence and "how you make use of Acme" in usage.evidence[0].quote


def test_improving_the_product_by_its_name_is_improving_the_service() -> None:
    text = ("# Acme Privacy Policy\n\n## How do we use this information?\n\nWe use the information we collect:\n\n"
            "*   to provide, personalise (including ads if we show you ads), and improve Acme Social,\n"
            "*   to promote safety, integrity and security.\n")
    content = answer(text, "train.content.own")
    assert content.verdict is Verdict.UNCLEAR
    assert content.evidence and "improve Acme Social" in content.evidence[0].quote


def test_a_capitalised_data_term_after_develop_is_not_the_product() -> None:
    # "develop Your Content" names the user's data, not a service the vendor improves: no purpose of improving
    from termlens.analysis import lexicon as lx

    assert lx.IMPROVE_SERVICES.search("to operating, developing, providing, and using Acme") is not None
    assert lx.IMPROVE_SERVICES.search("a licence to copy, adapt and develop Your Content") is None


def test_the_licence_is_quoted_before_a_plain_words_restatement_of_it() -> None:
    # A licence "solely for the purposes of operating, developing, providing, and using Acme" and a plain restatement
    # of it both leave training open; the grant itself is what a reader checks.
    text = ("# Acme Terms\n\n## 3. Your content\n\nYou grant Acme and our users a non-exclusive, royalty-free, "
            "transferable, sublicensable, worldwide license to use, store, display, reproduce, save, modify, create "
            "derivative works, perform, and distribute your User Content on Acme solely for the purposes of "
            "operating, developing, providing, and using Acme.\n\n"
            "If you choose to post content, you give us permission to use it to provide and improve our Services.\n")
    content = answer(text, "train.content.own")
    assert content.verdict is Verdict.UNCLEAR
    assert content.evidence[0].quote.startswith("You grant Acme and our users")


def _posts_sold_or_licensed(text: str) -> Verdict:
    return analyze(segment(text)).item("posts", "sale_or_licensing").verdict


def test_a_licence_that_runs_to_the_vendors_sub_licensees_passes_posts_on() -> None:
    text = ("# Acme Terms\n\n## User Content\n\nIf you post User Content using the Acme Services, you grant Acme and "
            "its sub-licensees a worldwide, non-exclusive, royalty-free right to use, reproduce, modify and publicly "
            "display such User Content.\n")
    assert _posts_sold_or_licensed(text) is Verdict.LIKELY


def test_a_sublicensable_licence_for_any_use_leaves_licensing_posts_out_open_to_the_vendor() -> None:
    grant = ("# Acme Terms\n\n## User Content\n\nBy providing User Content to Acme, you grant Acme a worldwide, "
             "perpetual, irrevocable, transferable, royalty-free license, with the right to sublicense, to use, copy, "
             "modify, distribute and publicly display such User Content")
    assert _posts_sold_or_licensed(grant + ", and otherwise exploit it in any manner.\n") is Verdict.LIKELY
    # the same licence held to running the service says nothing of licensing posts out
    assert _posts_sold_or_licensed(grant + " for the purpose of operating the Services.\n") is Verdict.UNCLEAR


def test_posts_made_available_to_business_partners_for_their_sites_are_licensed_out() -> None:
    text = ("# Acme Terms\n\n## Reviews\n\nYou grant Acme a non-exclusive licence to use the reviews you post "
            "(\"User Content\"). For example, we may make User Content available to our business partners to "
            "display on their own sites.\n")
    assert _posts_sold_or_licensed(text) in (Verdict.YES, Verdict.LIKELY)
    assert answer(text, "train.content.third_party").verdict is Verdict.LIKELY


def test_the_purpose_limit_of_this_licence_speaks_of_the_content_licensed() -> None:
    # (in a paragraph of its own, as in terms kept one sentence per line, it names no data itself)
    text = ("# Acme Terms\n\n## Your Content\n\nWhen you upload or submit content to our Services, you give Acme (and "
            "those we work with) a worldwide licence to use, host, store, reproduce, modify, publish and distribute "
            "such content.\n\nThe rights that you grant in this licence are for the limited purpose of operating, "
            "promoting and improving our Services.\n")
    others = answer(text, "train.content.third_party")
    assert others.verdict is Verdict.UNLIKELY
    assert any("limited purpose" in e.quote for e in others.evidence)


@pytest.mark.parametrize("grant", [
    "You authorize Acme to use, reproduce, modify, publish and distribute the content you post, in any media, "
    "worldwide and without compensation to you.",
    "Acme shall have the perpetual right to use, reproduce, modify, publish and distribute any Content you submit.",
    "You consent to Acme's use, reproduction, modification and distribution of your User Content worldwide, in "
    "perpetuity.",
    "You hereby license to Acme, on a perpetual, irrevocable, worldwide and royalty-free basis, all Content that you "
    "post.",
    "You agree that Acme may use, copy, modify, publish and distribute any content you post on the Service, in any "
    "media.",
    "You hereby irrevocably assign to Acme all right, title and interest in and to the content you post.",
    "All Content you submit shall be deemed licensed to Acme on a perpetual, irrevocable, royalty-free, worldwide "
    "basis.",
    "By uploading any materials, you automatically grant Acme a perpetual, irrevocable, worldwide, royalty-free "
    "license to use, copy, modify, and distribute those materials.",
    "Anything you post may be used by Acme for any purpose, including commercial purposes, without compensation to "
    "you.",
])
def test_a_broad_licence_granted_without_the_word_licence_is_still_one(grant: str) -> None:
    licence = answer("# Acme Terms\n\n## Content\n\n" + grant + "\n", "license.content.broad")
    assert licence.verdict is Verdict.YES
    assert licence.evidence and licence.evidence[0].quote.startswith(grant[:30])


@pytest.mark.parametrize("clause", [
    # feedback about the service is not the user's content
    "If you provide us with any suggestions, comments, improvements, ideas or other feedback (\"Feedback\"), you grant "
    "us a perpetual, irrevocable licence to use and share such Feedback for any purpose.",
    "If you send us suggestions, comments or other feedback, you hereby irrevocably assign ownership of all "
    "intellectual property rights in that feedback to us.",
    # a right to use tools, and what others may do, are not licences the vendor takes to content
    "Acme has the right to use technical means to review the content you post, in order to filter illegal content.",
    "Third Parties may copy and distribute your content only if you share it with them.",
])
def test_clauses_that_grant_no_licence_to_content(clause: str) -> None:
    licence = answer("# Acme Terms\n\n## Content\n\n" + clause + "\n", "license.content.broad")
    assert licence.verdict is not Verdict.YES


@pytest.mark.parametrize("clause", [
    "We may use your User Content to promote Acme and the Services.",
    "You grant us the right to use your name, likeness and content in connection with promoting the Service.",
    "Your reviews may be displayed in advertisements for Acme on third-party websites.",
])
def test_the_users_content_used_to_promote_the_vendor_is_marketing(clause: str) -> None:
    assert answer("# Acme Terms\n\n## Content\n\n" + clause + "\n", "marketing.content").verdict is Verdict.YES


def test_a_partner_who_helps_promote_the_vendor_is_not_the_vendors_marketing_of_content() -> None:
    from termlens.analysis import lexicon as lx

    assert lx.MARKETING.search("a reseller or other partner who helps distribute or promote Acme accounts") is None
    assert lx.MARKETING.search("we use it to promote Acme") is not None


@pytest.mark.parametrize("opening", [
    "Information you make public may be downloaded and used by third parties.",
    "Your public posts may be indexed by search engines and shown in search results.",
    "Public information may be seen, collected and used by anyone.",
])
def test_public_content_others_may_take_leaves_their_training_open_despite_limits_on_sharing(opening: str) -> None:
    limits = ("We do not sell your personal information. We share personal information only with service providers "
              "who process it on our behalf.\n\n")
    text = "# Acme Privacy Policy\n\n## Sharing\n\n" + limits + opening + "\n"
    others = answer(text, "train.content.third_party")
    assert others.verdict is Verdict.UNCLEAR
    assert any(e.quote == opening for e in others.evidence)
    # being seen is not being taken: the limits stand
    seen = "# Acme Privacy Policy\n\n## Sharing\n\n" + limits + "Content you post publicly can be viewed by anyone.\n"
    assert answer(seen, "train.content.third_party").verdict is Verdict.UNLIKELY


def test_a_later_notwithstanding_clause_narrows_an_any_purpose_licence() -> None:
    text = ("# Acme Terms\n\n## Content\n\nYou grant us a perpetual, irrevocable license to use your Content for any "
            "purpose. Notwithstanding the foregoing, we will only use your Content to provide and maintain the "
            "Services.\n")
    own = answer(text, "train.content.own")
    assert own.verdict is Verdict.UNLIKELY
    assert any(e.quote.startswith("Notwithstanding the foregoing") for e in own.evidence)


def test_any_use_necessary_to_provide_the_service_is_a_limit_not_an_open_purpose() -> None:
    from termlens.analysis import lexicon as lx

    assert lx.ANY_PURPOSE.search("to use your Content in any way necessary to provide the Services") is None
    assert lx.ANY_PURPOSE.search("to use your Content in any way we see fit") is not None


@pytest.mark.parametrize("breadth", [
    "The license granted in this section is transferable and sublicensable.",
    "Acme may assign or transfer this license to its successors.",
    "This license includes the right for us to make your Content available to other companies for syndication.",
])
def test_breadth_stated_in_a_sentence_after_the_grant_makes_the_licence_broad(breadth: str) -> None:
    text = ("# Acme Terms\n\n## Content\n\nYou grant Acme a worldwide, royalty-free license to use, host, store and "
            "display your Content.\n\n" + breadth + "\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.YES
    assert any(e.quote == breadth for e in licence.evidence)
    if "Content" not in breadth:
        # a sentence that names no content is quoted with the grant it speaks of
        assert licence.evidence[0].quote.startswith("You grant Acme")


@pytest.mark.parametrize("clause", [
    "Your posts help us train and improve our recommendation systems.",
    "Our systems learn from the content you provide to get better over time.",
    "We may include your content in datasets used to build our AI features.",
    "Your messages may be used to teach our AI to respond better.",
    "We may use your Content to enhance our large language models.",
])
def test_training_said_in_other_words_is_training(clause: str) -> None:
    text = "# Acme Privacy Policy\n\n## How we use information\n\n" + clause + "\n"
    assert answer(text, "train.content.own").verdict is Verdict.YES


@pytest.mark.parametrize("claim", [
    "Acme owns all data generated by your use of the Services.",
    "You acknowledge that Acme owns all rights in data derived from the operation of the Services.",
    "Any statistics or metrics about how the Service is used are owned by Acme.",
    # a short sentence without "we" or "is" is still a statement, not a heading
    "Acme retains ownership of all analytics data.",
])
def test_the_vendors_claim_to_own_data_about_use_of_the_service(claim: str) -> None:
    text = "# Acme Terms\n\n## Data\n\n" + claim + "\n"
    owned = answer(text, "ownership.usage")
    assert owned.verdict is Verdict.YES
    assert owned.evidence[0].quote == claim


def test_a_vendors_use_of_content_for_any_purpose_is_a_broad_licence_but_not_of_aggregates_or_feedback() -> None:
    def broad(clause: str) -> Verdict:
        return answer("# Acme Terms\n\n## Content\n\n" + clause + "\n", "license.content.broad").verdict

    assert broad("Acme may use any content you submit for any purpose.") is Verdict.YES
    assert broad("We may use the photos you upload in any manner we see fit.") is Verdict.YES
    assert broad("We may use your content to create aggregated data, which we may use for any purpose.") \
        is not Verdict.YES
    assert broad("Acme may use the feedback or suggestions you send without restriction.") is not Verdict.YES


def test_a_guarded_answer_quotes_the_clause_about_developing_new_things_first() -> None:
    # Both clauses leave training open; research and building new services is what training serves, so it is the
    # clause a reader checks first.
    text = ("# Acme Privacy Policy\n\n## How we use your information\n\nWe use information about you to:\n\n"
            "*   provide, operate, and improve the Services;\n"
            "*   research and develop new services;\n"
            "*   send you notices.\n")
    usage = answer(text, "train.content.own")
    assert usage.verdict is Verdict.UNCLEAR
    assert usage.evidence[0].quote.startswith("research and develop new services")
