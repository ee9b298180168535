"""Drafting patterns behind analyzer 0.10.0: nested purpose lists and the drafting-variants set
(tests/golden/variants/). One synthetic clause set per rule, each asserting the answer a reader sees. None names a
vendor.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.domain.vocabulary import Condition, Verdict

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


@pytest.mark.parametrize("clause", [
    "We don't show ads in the app, and we have no plans to change that.",
    "Acme Journal is paid for by subscriptions, not by advertising.",
])
def test_a_service_without_ads_in_plain_words(clause: str) -> None:
    text = _DEFINED + clause + " You grant us a limited licence to store and display your files solely to provide the "
    assert answer(text + "Service to you.", "marketing.content").verdict is Verdict.UNLIKELY


def test_a_list_item_continues_a_lead_in_that_states_the_use() -> None:
    text = ("## Ads\n\nAcme is free because it is supported by advertising.\n\n"
            "To decide which ads to show you, we use:\n\n"
            "- information from your profile, such as your age range;\n"
            "- the topics of the posts you write and the words in your captions;\n"
            "- the creators you follow.\n")
    got = answer(text, "marketing.content")
    assert got.verdict in (Verdict.YES, Verdict.LIKELY)
    assert any("topics of the posts" in e.quote for e in got.evidence)


def test_public_posts_featured_in_promotions_are_marketing_with_content() -> None:
    text = (_DEFINED + "We don't use the contents of your private messages to choose ads. We may also feature public "
            "posts that use our hashtags in Acme's own promotional campaigns, with credit to the creator.")
    assert answer(text, "marketing.content").verdict is Verdict.YES


@pytest.mark.parametrize(("clause", "verdict", "condition"), [
    # a proviso conditions the grant, it does not deny it
    ("Acme may use Customer Data for any lawful purpose, including to train and evaluate its machine-learning "
     "models, provided that Acme does not disclose it to third parties.", Verdict.YES, Condition.NONE),
    ("Customer Data is used to train and improve Acme's AI models only if you switch on \u201cAcme Labs\u201d in "
     "Settings.", Verdict.UNLIKELY, Condition.OPT_IN),
    ("The setting that lets Acme use Customer Data to train its models is turned off by default.", Verdict.UNLIKELY,
     Condition.OPT_IN),
])
def test_provisos_and_switches_off_by_default(clause: str, verdict: Verdict, condition: Condition) -> None:
    got = answer(_DEFINED + clause, "train.content.own")
    assert (got.verdict, got.condition) == (verdict, condition)


def test_a_follow_up_in_single_quotes_is_a_control_not_an_exclusion() -> None:
    text = (_DEFINED + "Acme may use Customer Data to train and improve the models that power Acme features. If you "
            "would rather we didn\u2019t, turn off \u2018Use my activity to improve models\u2019 in Settings; this "
            "will not affect Customer Data already used.")
    got = answer(text, "train.content.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.OPT_OUT)


def test_no_way_out_is_not_a_control() -> None:
    text = ("We use Device Data, meaning information about how you use Acme, to build, train and test machine-learning "
            "models that help us detect fraud. Because this processing is necessary to protect you, it is not possible "
            "to opt out of it.")
    assert answer(text, "control.ai_training").verdict is Verdict.NO


def test_withdrawing_a_consent_is_an_opt_in_control() -> None:
    got = answer(_DEFINED + "You may withdraw your consent to the use of Customer Data for training our speech-"
                 "recognition models at any time under Account > Privacy.", "control.ai_training")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.OPT_IN)


@pytest.mark.parametrize("clause", [
    "All Service Data is and shall remain the sole and exclusive property of Acme.",
    "Acme may use Usage Data for any purpose permitted by law, including to train and evaluate the ranking and "
    "recommendation models behind your feed.",
])
def test_usage_data_claims_in_contract_drafting(clause: str) -> None:
    text = ('"Service Data" means logs, diagnostic data and information about how you use the Services. "Usage Data" '
            "means telemetry and usage information. " + clause)
    question = "ownership.usage" if "property" in clause else "train.usage.own"
    assert answer(text, question).verdict is Verdict.YES


def test_refraining_from_using_chats_for_advertising_excludes_marketing() -> None:
    got = answer("Acme refrains from using the contents of your chats, or any files you upload, to select the ads you "
                 "see or for any other advertising or marketing purpose.", "marketing.content")
    assert got.verdict is Verdict.NO


@pytest.mark.parametrize("clause", [
    "In no event shall Acme use Customer Data, whether or not retention is enabled, to train any machine-learning "
    "model.",
    "Notwithstanding anything to the contrary, no Customer Data will be used to develop, train or improve any "
    "artificial intelligence model.",
])
def test_contract_negations_exclude_training(clause: str) -> None:
    assert answer(_DEFINED + clause, "train.content.own").verdict is Verdict.NO


@pytest.mark.parametrize("clause", [
    "Customer Data is not used to train any machine learning model, whether developed by Acme or by anyone else.",
    "We don't use Customer Data to train any AI model, ours or anybody else's.",
    "Customer Data shall not be made available to any third party for the purpose of training that party's own "
    "artificial-intelligence models.",
])
def test_exclusions_that_name_others_models_answer_others_training(clause: str) -> None:
    assert answer(_DEFINED + clause, "train.content.third_party").verdict in (Verdict.NO, Verdict.UNLIKELY)


def test_an_administrator_switching_it_on_is_an_opt_in() -> None:
    got = answer(_DEFINED + "Workspace training is off by default. It is enabled only if an Administrator switches "
                 "it on, and then Acme may use Customer Data to train its models.", "train.content.own")
    assert got.verdict in (Verdict.NO, Verdict.UNLIKELY)


def test_train_evaluate_and_improve_the_models_is_training() -> None:
    got = answer(_DEFINED + "Customer Data is used by Acme to train, evaluate and improve the language and speech "
                 "models underlying the Service.", "train.content.own")
    assert got.verdict is Verdict.YES


@pytest.mark.parametrize(("text", "question", "verdict", "condition"), [
    ("Corvid Labs ne procède à aucun entraînement de ses modèles à partir de vos Contenus, sauf si vous y avez "
     "préalablement et expressément consenti. Vos Contenus sont les fichiers que vous déposez.", "train.content.own",
     Verdict.NO, Condition.OPT_IN),
    ("Sauf opposition de votre part, vos Contenus peuvent être utilisés pour entraîner les modèles qui alimentent "
     "l'Assistant. Vos Contenus sont les fichiers et messages que vous déposez.", "train.content.own", Verdict.YES,
     Condition.OPT_OUT),
    ("14.2 Les Données d'Usage sont et demeurent la propriété exclusive d'Acme SAS, qui peut les exploiter "
     "librement.", "ownership.usage", Verdict.YES, Condition.NONE),
    ("Le contenu de vos e-mails et de vos pièces jointes n'est en aucun cas analysé ni exploité à des fins "
     "publicitaires.", "marketing.content", Verdict.NO, Condition.NONE),
])
def test_french_drafting(text: str, question: str, verdict: Verdict, condition: Condition) -> None:
    got = answer(text, question)
    assert (got.verdict, got.condition) == (verdict, condition)


def test_service_metrics_are_usage_data() -> None:
    got = answer("As between the parties, Acme exclusively owns all right, title and interest in and to Service "
                 "Metrics.", "ownership.usage")
    assert got.verdict is Verdict.YES


@pytest.mark.parametrize("clause", [
    "By submitting Prompts, you grant Acme a worldwide, perpetual, irrevocable, royalty-free, sublicensable licence to "
    "use, reproduce and modify your Prompts for any purpose.",
    "Customer hereby grants Corvid Labs and its affiliates a perpetual, irrevocable, worldwide and sublicensable "
    "licence to reproduce and distribute Customer Data, including in advertising.",
    "You grant Acme a non-exclusive, worldwide, royalty-free licence to reproduce, display and adapt any Project you "
    "make public, for the purposes of operating the platform and of marketing and promoting it.",
])
def test_licences_drafted_with_other_names(clause: str) -> None:
    assert answer(_DEFINED + clause, "license.content.broad").verdict is Verdict.YES


def test_items_under_a_will_never_lead_in_are_promises() -> None:
    text = (_DEFINED + "\n\n**Our commitments.** Acme will never:\n\n- sell or rent Customer Data to anyone;\n"
            "- use Customer Data to train artificial intelligence models, whether ours or anyone else's;\n"
            "- use Customer Data for targeted advertising.\n")
    assert answer(text, "train.content.own").verdict is Verdict.NO


def test_a_suppliers_own_models_are_others_models() -> None:
    text = (_DEFINED + "Acme may use Customer Data to train and improve its machine learning models. We have agreed "
            "with each vendor that it will process Customer Data only to provide the feature and will not use it to "
            "train or improve its own models.")
    assert answer(text, "train.content.own").verdict is Verdict.YES
    assert answer(text, "train.content.third_party").verdict in (Verdict.NO, Verdict.UNLIKELY)


def test_an_exclusion_of_identifiable_content_leaves_de_identified_training() -> None:
    text = (_DEFINED + "We may use de-identified and aggregated information derived from Customer Data to train the "
            "machine-learning models behind our recommendations. We do not use identifiable Customer Data to train "
            "any model.")
    got = answer(text, "train.content.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.DEIDENTIFIED)


def test_an_exclusion_of_the_content_you_create_covers_all_of_it() -> None:
    text = ("We use the information we collect to provide Acme and to research, develop and improve our machine "
            "learning systems. Notwithstanding anything else in this Policy, we do not use the content you create on "
            "Acme (your conversations, your photos and your bio) to train any machine learning model.")
    assert answer(text, "train.content.own").verdict is Verdict.NO


@pytest.mark.parametrize(("text", "question"), [
    ("We train our fraud-detection models on your listening history and streaming statistics.", "train.usage.own"),
    ("Messages you upload that have been flagged are used to retrain and evaluate our safety classifiers.",
     "train.content.own"),
])
def test_training_named_in_other_words(text: str, question: str) -> None:
    assert answer(text, question).verdict is Verdict.YES


@pytest.mark.parametrize("follow_up", [
    "The workspace Administrator may enable or disable the Program at any time from the Admin Console.",
    "You may opt out at any time as described in our Help Center.",
])
def test_controls_that_name_the_program_or_stand_alone(follow_up: str) -> None:
    text = (_DEFINED + "Where the Program is enabled, Acme may use Customer Data to train and improve its speech "
            "recognition models. " + follow_up)
    assert answer(text, "control.ai_training").verdict is Verdict.YES


def test_switching_off_then_once_you_do_is_an_opt_out() -> None:
    text = ("We use Interaction Data, meaning information about how you use Acme, to train the models that rank "
            'suggestions. You can switch it off at any time under Settings > "Help improve Acme"; once you do, '
            "Interaction Data will no longer be used for training.")
    got = answer(text, "train.usage.own")
    assert (got.verdict, got.condition) == (Verdict.YES, Condition.OPT_OUT)


@pytest.mark.parametrize(("answer_text", "verdict"), [
    ("No. We never look at them for that.", Verdict.NO),
    ("Yes, by default.", Verdict.YES),
])
def test_a_short_faq_answer_says_what_its_question_asks(answer_text: str, verdict: Verdict) -> None:
    text = f"## FAQ\n\n**Do you use the photos I upload to train your AI models?**\n\n{answer_text}\n"
    got = answer(text, "train.content.own")
    assert got.verdict is verdict
    assert any(answer_text[:3] in e.quote for e in got.evidence)


def test_recipients_barred_from_training_their_own_models() -> None:
    # regression: "train their own models" never matched the others'-models pattern (it wanted two spaces)
    got = answer(_DEFINED + "Our service providers are not permitted to use Customer Data to train their own models.",
                 "train.content.third_party")
    assert got.verdict in (Verdict.NO, Verdict.UNLIKELY)
    assert any("train their own models" in e.quote for e in got.evidence)
