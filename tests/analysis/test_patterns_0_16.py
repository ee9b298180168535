"""Drafting patterns behind analyzer 0.16.0, found in the per-item misses of the PolicyQA study split (privacy policies
of US websites): "personally identifiable information" is personal data, a postal address is contact data, data the
vendor will not hand to anyone is not sold, and lists are rented. Each clause is written for Acme; none names a
vendor. Every test asserts what a reader sees: the verdict, its condition, or the sentence quoted.
"""

from __future__ import annotations

import pytest

from termlens.analysis import analyze
from termlens.domain.model import ItemAnswer
from termlens.domain.vocabulary import Condition, Verdict
from termlens.pipeline.segment import segment


def _item(text: str, item: str, use: str) -> ItemAnswer:
    return next(i for i in analyze(segment("# Acme Privacy Policy\n\n" + text)).items
                if i.item == item and i.use == use)


def _sale_of_contact_details(text: str) -> ItemAnswer:
    return _item(text, "contact_details", "sale_or_licensing")


@pytest.mark.parametrize("clause", [
    pytest.param("Acme will not share, rent or sell personally identifiable information to any third parties.",
                 id="personally-identifiable-information"),
    pytest.param("We never sell PII.", id="pii"),
])
def test_personally_identifiable_information_is_personal_data(clause: str) -> None:
    found = _sale_of_contact_details(clause)
    assert found.verdict is Verdict.NO
    assert found.evidence and "sell" in found.evidence[0].quote


def test_non_personally_identifiable_information_is_not_personal_data() -> None:
    clause = "We may sell non-personally identifiable information to our partners."
    assert _sale_of_contact_details(clause).verdict is Verdict.UNCLEAR


@pytest.mark.parametrize("clause", [
    pytest.param("Some Acme units, on occasion, rent or exchange select member name and address information with "
                 "other charitable or cultural non-profit organizations.", id="rent-names-and-addresses"),
    pytest.param("If you subscribe to the magazine, we may rent lists containing your postal address to third "
                 "parties for advertising purposes.", id="rent-postal-address-lists"),
])
def test_renting_out_names_and_addresses_is_a_sale_of_contact_details(clause: str) -> None:
    # "rent" alone used to be too weak a word for a clause to be read at all
    found = _sale_of_contact_details(clause)
    assert found.verdict is Verdict.YES
    assert "rent" in found.evidence[0].quote


@pytest.mark.parametrize("clause", [
    pytest.param("Your personal and contact information will not be passed to any other organization.",
                 id="not-passed-to-any-other-organization"),
    pytest.param("However, your contact information and your address book is private and will not be disclosed.",
                 id="private-and-not-disclosed"),
])
def test_data_the_vendor_hands_to_no_one_is_not_sold(clause: str) -> None:
    found = _sale_of_contact_details(clause)
    assert (found.verdict, found.condition) == (Verdict.NO, Condition.NONE)
    assert found.evidence[0].quote.startswith(clause.split()[0].rstrip(","))


def test_a_refusal_to_hand_data_over_save_with_consent_is_an_opt_in() -> None:
    found = _sale_of_contact_details(
        "We do not release any of your contact information to third parties unless we have your permission.")
    assert (found.verdict, found.condition) == (Verdict.NO, Condition.OPT_IN)


@pytest.mark.parametrize("clause", [
    pytest.param("We do not share personal information with companies, organizations and individuals outside of "
                 "Acme unless one of the following circumstances applies:", id="open-exception"),
    pytest.param("We do not share personal information with third parties for their direct marketing purposes "
                 "unless you affirmatively agree to such disclosure.", id="one-purpose-only"),
])
def test_a_refusal_with_an_open_exception_or_for_one_purpose_only_points_away_from_a_sale(clause: str) -> None:
    assert _sale_of_contact_details(clause).verdict is Verdict.UNLIKELY


@pytest.mark.parametrize("clause", [
    pytest.param("The shipping carrier does not disclose your information to third parties without your consent "
                 "except to facilitate the transaction.", id="another-company-refuses"),
    pytest.param("We require that our service providers do not share your personal information with third parties.",
                 id="the-vendor-binds-its-providers"),
])
def test_a_refusal_that_is_not_the_vendors_own_says_nothing_of_a_sale(clause: str) -> None:
    assert _sale_of_contact_details(clause).verdict is Verdict.UNCLEAR


def test_a_general_refusal_does_not_hide_a_clause_that_sells() -> None:
    text = ("We do not share your personal information with third parties.\n\n"
            "If you subscribe to the magazine, we may sell lists containing your postal address to other companies.")
    assert _sale_of_contact_details(text).verdict is Verdict.YES


def test_a_refusal_to_share_personal_information_says_nothing_of_public_posts_licensed_out() -> None:
    text = ("We do not share your personal information with third parties.\n\n"
            "Public posts may be licensed to our partners, who may syndicate them on their sites.")
    assert _item(text, "posts", "sale_or_licensing").verdict is not Verdict.NO


def test_a_consent_gate_named_by_the_vendor_is_an_opt_in() -> None:
    found = _item("Only if we have your permission, we might also transmit certain personal information to deliver "
                  "personalized advertising.", "contact_details", "marketing")
    assert found.condition is Condition.OPT_IN


def test_a_prohibition_on_children_is_no_use_of_their_data() -> None:
    clause = ("No one under age 13 is allowed to register for the Service or provide any personally identifiable "
              "information or use our bulletin boards, forums and classified ads.")
    assert _item(clause, "contact_details", "marketing").verdict is Verdict.UNCLEAR


def test_films_the_user_rents_are_no_sale_of_the_users_files() -> None:
    clause = "Acme Movies & TV allows you to play your video collection and rent or buy movies and TV episodes."
    assert _item(clause, "files", "sale_or_licensing").verdict is Verdict.UNCLEAR


_PARTNERS_BOUND = ("These advertising partners do not have access to or use your name, address, e-mail address or "
                   "other personally identifiable information from us, without your consent.")


def test_a_limit_on_the_partners_is_not_the_vendors_consent_gate() -> None:
    text = (_PARTNERS_BOUND + " From time to time we allow companies whose products may interest our subscribers "
            "to advertise to those subscribers, using the names and addresses provided to us.\n\n"
            "You may opt out of having your personally identifiable information shared with business partners for "
            "marketing and advertising purposes by e-mailing us.")
    found = _item(text, "contact_details", "marketing")
    assert (found.verdict, found.condition) == (Verdict.YES, Condition.OPT_OUT)
    assert not any(e.quote.startswith("These advertising partners") for e in found.evidence)


def test_a_limit_on_the_partners_is_not_the_vendors_exclusion_of_an_item_it_names() -> None:
    text = (_PARTNERS_BOUND + "\n\nWe use your e-mail address to send you advertising about our products.")
    assert _item(text, "contact_details", "marketing").verdict is Verdict.YES


@pytest.mark.parametrize("clause", [
    pytest.param("Acme Media and third-party vendors use first-party cookies and third-party cookies together to "
                 "inform, optimize, and serve ads based on someone's past visits to our website.", id="past-visits"),
    pytest.param("We and our advertisers may use information (not including your name, address, email address or "
                 "telephone number) about your interaction with advertising on our Sites and your visits to this and "
                 "other Web sites in order to provide advertisements about goods and services of interest to you.",
                 id="interaction-with-advertising"),
])
def test_ads_chosen_from_site_visits_use_the_users_interactions(clause: str) -> None:
    assert _item(clause, "interactions", "marketing").verdict is Verdict.YES


def test_belonging_to_ad_networks_is_no_claim_of_ownership() -> None:
    text = "We belong to ad networks that may use your past visits to our website to show you interest-based ads."
    found = analyze(segment("# Acme Privacy Policy\n\n" + text)).answer("ownership.usage")
    assert found.verdict is Verdict.NO


def test_data_moving_with_a_sold_business_is_not_data_sold() -> None:
    clause = ("We reserve the right to transfer your usage information and personal information in the event we sell "
              "or transfer all or a part of our business or assets so that the buyer can continue to provide the "
              "services.")
    assert _item(clause, "device_info", "sale_or_licensing").verdict is Verdict.UNCLEAR


def test_a_promise_not_to_sell_except_as_stated_elsewhere_only_points_away_from_a_sale() -> None:
    found = _sale_of_contact_details("We will not sell or rent the personally identifiable information you provide "
                                     "to us to any third party, except as stated herein.")
    assert found.verdict is Verdict.UNLIKELY


def test_a_limit_on_other_uses_does_not_weaken_a_promise_not_to_sell() -> None:
    found = _sale_of_contact_details("We won't sell or rent your personal information without your prior explicit "
                                     "permission or use it for any purpose other than as described in this Policy.")
    assert (found.verdict, found.condition) == (Verdict.NO, Condition.OPT_IN)


@pytest.mark.parametrize("clause", [
    pytest.param("The posts and information you submit are kept in our database. We may also allow access to our "
                 "database by third parties that provide us with services, such as technical maintenance and forums "
                 "management, but only for the purpose of and to the extent necessary to provide those services.",
                 id="access-by-third-parties-only-for"),
    pytest.param("We may also allow access to our database of user posts and information by third parties that "
                 "provide us with services, but only for the purpose of providing those services.",
                 id="access-to-the-data-by-third-parties-only-for"),
    pytest.param("We share your information and content with service providers, and we will not authorize them to "
                 "use this information except for the express purpose for which it is provided.",
                 id="not-authorize-them-except"),
])
def test_a_purpose_limit_on_the_recipients_does_not_close_the_vendors_own_use(clause: str) -> None:
    text = "# Acme Privacy Policy\n\n" + clause
    assert analyze(segment(text)).answer("train.content.own").verdict is Verdict.UNCLEAR
