"""Drafting patterns behind analyzer 0.12.0, found on real terms of service of vendors the archive does not hold
(the CLAUDETTE study split, tests/golden/analyzer/claudette_*.yaml). Each clause below is rewritten for Acme; none
names a vendor. Every test asserts the answer a reader sees.
"""

from __future__ import annotations

from analysing import answer
from termlens.domain.vocabulary import Condition, Verdict


def test_an_adverb_between_you_and_grant_still_grants_the_vendor_a_licence() -> None:
    text = ("# Acme Terms\n\n## Your Content\n\nYou own Your Content. As such, you hereby irrevocably grant us "
            "world-wide, perpetual, non-exclusive, royalty-free, assignable, sublicensable, transferable rights to use "
            "Your Content for any purpose.\n")
    assert answer(text, "license.content.broad").verdict is Verdict.YES
    assert answer(text, "train.content.own").verdict is Verdict.LIKELY


def test_submitted_material_is_the_users_content() -> None:
    text = ("# Acme Terms\n\n## Submissions\n\nBy submitting material to any Acme Site, you automatically grant, or "
            "warrant that the owner of such material has expressly granted, Acme the royalty-free, perpetual, "
            "irrevocable, non-exclusive right and license to use, reproduce, modify, adapt, publish, translate and "
            "distribute such material worldwide.\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.YES
    assert "By submitting material" in licence.evidence[0].quote


def test_ugc_is_user_generated_content_not_ai_output() -> None:
    text = ("# Acme Terms\n\n## User Generated Content\n\nIn certain Services, you may create, upload and submit "
            "names, images, designs, maps and other materials (\"User Generated Content\" or \"UGC\").\n\n"
            "When you contribute UGC, you grant to Acme a non-exclusive, perpetual, transferable, worldwide, "
            "sublicensable license to use, host, reproduce, modify and publicly display the UGC in any manner or form "
            "and in any medium or forum.\n")
    assert answer(text, "license.content.broad").verdict is Verdict.YES
    assert answer(text, "train.content.own").verdict is Verdict.LIKELY
    # the game has no AI feature: what its players make is not the input or output of one
    assert answer(text, "train.ai_io").verdict is Verdict.UNCLEAR


def test_an_unrestricted_right_to_use_content_reaches_training() -> None:
    text = ("# Acme Terms\n\n## 8. User Content\n\nIf you post or store User Content using the Acme Services, you "
            "grant Acme and its sub-licensees an unrestricted, worldwide, irrevocable, fully sub-licenseable, "
            "nonexclusive, and royalty-free right to use, reproduce, modify, adapt, publish, translate and create "
            "derivative works from such User Content.\n")
    assert answer(text, "train.content.own").verdict is Verdict.LIKELY


def test_researching_and_developing_new_services_reaches_training_but_developing_the_service_does_not() -> None:
    grant = ("# Acme Terms\n\n## Content\n\nBy creating an account, you grant to Acme a worldwide, transferable, "
             "sub-licensable, royalty-free right and license to host, store, use, copy, display, reproduce, adapt, "
             "edit, publish, modify and distribute any information you post on the Service (\"Content\").\n\n")
    research = grant + ("Our license to your Content is for the limited purpose of operating, developing, providing, "
                        "and improving the Service and researching and developing new ones.\n")
    assert answer(research, "train.content.own").verdict is Verdict.LIKELY
    service_only = grant + ("Our license to your Content is for the limited purpose of operating, developing, "
                            "providing, and improving the Service.\n")
    assert answer(service_only, "train.content.own").verdict is Verdict.UNCLEAR


def test_a_grant_made_first_is_not_a_warranty_clause() -> None:
    grant = ("# Acme Terms\n\n## Licence\n\nYou hereby grant, and You represent and warrant that You have the right to "
             "grant, to Acme an irrevocable, nonexclusive, royalty-free and fully paid worldwide license to reproduce, "
             "distribute, publicly display and perform, prepare derivative works of, and otherwise use and exploit "
             "Your User Content, through unlimited tiers of sublicenses.\n")
    assert answer(grant, "license.content.broad").verdict is Verdict.YES
    warranty_only = ("# Acme Terms\n\n## Warranties\n\nYou represent and warrant that you have all rights necessary "
                     "to grant us the perpetual license to Your User Content described in our Privacy Policy.\n")
    assert answer(warranty_only, "license.content.broad").verdict is Verdict.NO
    assert not answer(warranty_only, "license.content.broad").evidence


def test_promotion_of_the_vendors_products_is_marketing() -> None:
    text = ("# Acme Terms\n\n## Submissions\n\nYou hereby grant us a nonexclusive, royalty-free, worldwide, "
            "sublicensable license to use your Submission in connection with the Communications and online and "
            "offline promotion of Acme’s mission, products and services.\n")
    assert answer(text, "marketing.content").verdict is Verdict.YES


def test_ads_shown_beside_content_are_not_made_from_it() -> None:
    text = ("# Acme Terms\n\n## Advertising\n\nAcme and its licensees may publicly display advertisements and other "
            "information adjacent to Your Content.\n\nYou will not be compensated for any such advertisements.\n")
    assert answer(text, "marketing.content").verdict is not Verdict.YES


def test_content_that_moves_with_a_sale_of_the_company_is_not_sold_to_others() -> None:
    text = ("# Acme Terms\n\n## User Content\n\nYou also hereby grant to Acme, in connection with a sale of Acme or "
            "the assets of Acme, the right to sell or transfer the User Content to a third party.\n")
    assert answer(text, "train.content.third_party").verdict not in (Verdict.YES, Verdict.LIKELY)


_PLATFORM_DATA = """# Acme Terms

## 8. Content

Acme does not claim ownership of your Content. Your Content does not include non-personally identifiable buyer/seller
transaction or behavioral data derived from the use of Acme’s eCommerce platform (collectively, “Platform Data”).

Acme owns all Platform Data and uses it for Service operations, improvements, and analytics.
"""


def test_a_term_carved_out_of_content_names_what_is_carved_out() -> None:
    # "Platform Data" sums up the de-identified usage data carved out of "Your Content", not the content itself
    ownership = answer(_PLATFORM_DATA, "ownership.usage")
    assert (ownership.verdict, ownership.condition) == (Verdict.YES, Condition.DEIDENTIFIED)
    usage = answer(_PLATFORM_DATA, "train.usage.own")
    assert (usage.verdict, usage.condition) == (Verdict.LIKELY, Condition.DEIDENTIFIED)


def test_a_right_of_publicity_is_not_publicity() -> None:
    text = ("# Acme Terms\n\n## Prohibited uses\n\nE. Transmit any message, text or image, or other Content that is "
            "not owned by you, or that may violate another’s right of privacy or publicity;\n")
    assert answer(text, "marketing.content").verdict is Verdict.UNCLEAR


def test_a_limitation_of_liability_is_not_a_closed_list_of_uses() -> None:
    text = ("# Acme Terms\n\n## Definitions\n\n\"Content\" means the games, virtual items, videos, images and other "
            "materials made available through the Services.\n\n"
            "## Your UGC\n\nYou grant us a perpetual, irrevocable, transferable licence to use, "
            "copy, modify and display your User Content for any purpose.\n\n## Refunds\n\nWhen we acknowledge that a "
            "Content you purchased is unusable due to our fault, our liability will be limited to providing you with "
            "a Content of an equivalent value, chosen by us.\n")
    assert answer(text, "marketing.content").verdict is Verdict.LIKELY


# --- the CLAUDETTE study split, round 2 -----------------------------------------------------------------------------


def test_the_paragraph_after_a_licence_lead_in_is_the_licence() -> None:
    # plain text, or a list whose markers were lost: the licence's terms follow its lead-in as a paragraph
    text = ("# Acme Terms\n\n## 2.5 License\n\nAs between you and Acme, you own the content that you submit or post "
            "to the Services, and you are only granting Acme and our affiliates the following non-exclusive license:"
            "\n\nA worldwide, transferable and sublicensable right to use, copy, modify, distribute, publish and "
            "process, information and content that you provide through our Services, without any further consent, "
            "notice and/or compensation to you or others.\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.YES
    assert licence.evidence[0].quote.startswith("A worldwide, transferable and sublicensable right")


def test_an_imperative_to_the_reader_is_not_a_closed_list() -> None:
    text = ("# Acme Terms\n\n## Licence\n\nYou grant Acme a worldwide, transferable and sublicensable right to use, "
            "copy, modify and process the content that you provide through our Services.\n\n## Rules\n\nFor example, "
            "do not copy or distribute (except through the available sharing functionality) the posts or other content "
            "of others without their permission, which they may "
            "give by posting under a Creative Commons license;\n")
    assert answer(text, "train.content.own").verdict is not Verdict.UNLIKELY


def test_items_under_a_liability_lead_in_are_not_uses_of_data() -> None:
    text = ("# Acme Terms\n\n## 3.3 Liability\n\nWe do not assume any liability for:\n\na. viruses originating from "
            "third parties;\n\nb. the unauthorised use of or unauthorised access to data in conjunction with your "
            "Transactions which We process unless such use or such access is the result of negligence on Our behalf."
            "\n")
    third = answer(text, "train.content.third_party")
    assert third.verdict is Verdict.UNCLEAR and not third.evidence


def test_a_right_to_use_content_for_delivering_the_service_is_a_closed_purpose() -> None:
    text = ("# Acme Terms\n\n## Content\n\nIf you upload, import or share content to Acme, like images, texts, "
            "receipts or other content, you grant Acme a royalty-free right to use and display the content for "
            "purposes of delivering the Service.\n")
    assert answer(text, "license.content.broad").verdict is Verdict.NO
    assert answer(text, "train.content.own").verdict is Verdict.UNLIKELY
    assert answer(text, "marketing.content").verdict is Verdict.UNLIKELY


def test_no_rights_to_your_stuff_except_those_that_run_the_service() -> None:
    text = ("# Acme Terms\n\n## Your Stuff & Your Permissions\n\nWhen you use our Services, you provide us with "
            "things like your files, content, messages, contacts, and so on (“Your Stuff”).\n\nYour Stuff is yours.\n\n"
            "These Terms don’t give us any rights to Your Stuff except for the limited rights that enable us to offer "
            "the Services.\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.NO
    assert "don’t give us any rights" in licence.evidence[0].quote
    assert answer(text, "marketing.content").verdict is Verdict.UNLIKELY


def test_a_right_to_sue_is_not_a_licence() -> None:
    text = ("# Acme Terms\n\n## Reviews\n\nYou may submit hotel reviews, comments and photos (collectively, "
            "\"Submissions\").\n\nYou further grant Acme the right to pursue at law any person or entity that "
            "violates your or Acme's rights in the Submissions by a breach of this Agreement.\n")
    licence = answer(text, "license.content.broad")
    assert licence.verdict is Verdict.NO and not licence.evidence  # silent: no licence is taken here
    assert answer(text, "marketing.content").verdict is Verdict.UNCLEAR


def test_an_unconditional_licence_to_partners_reaches_their_training_too() -> None:
    text = ("# Acme Terms\n\n## User-Generated Content\n\nBy submitting User Content via the Services, you hereby "
            "grant (i) to us and our affiliates, agents, services providers, partners and other connected third "
            "parties an unconditional irrevocable, non-exclusive, royalty-free, fully transferable, perpetual "
            "worldwide licence to use, modify, adapt, reproduce, make derivative works of, publish and/or transmit "
            "your User Content.\n")
    assert answer(text, "train.content.own").verdict is Verdict.LIKELY
    assert answer(text, "train.content.third_party").verdict is Verdict.LIKELY
