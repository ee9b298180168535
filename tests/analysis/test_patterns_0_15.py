"""Drafting patterns behind analyzer 0.15.0, found in the drafting-variants set's misses: whose training a refusal
withholds (the vendor's, or the recipients'), exclusions that hold for some users or some data only, recipients barred
from training, switches stated in a table row, public content featured in the vendor's channels, and licences over
content the document calls by another name. Each clause is written for Acme; none names a vendor. Every test
asserts what a reader sees: the verdict, its condition, or the sentence quoted.
"""

from __future__ import annotations

import pytest

from analysing import answer
from termlens.analysis import analyze
from termlens.domain.model import Answer
from termlens.domain.vocabulary import Condition, Verdict
from termlens.pipeline.segment import segment


def _quoted(a: Answer) -> str:
    return " || ".join(e.quote for e in a.evidence)


_GRANT = ("## 6. Your Content\n\n6.1 You grant Acme a perpetual, irrevocable licence to use, copy and analyse Your "
          "Content, including to train and evaluate the machine learning models that power Acme's products.\n\n")


# A refusal to hand the content to others for training says nothing of the vendor's own training.
_OTHERS_ONLY = [
    pytest.param("6.2 Notwithstanding clause 6.1, Acme shall not sell, license or otherwise make available Your "
                 "Content to any third party for the purpose of training artificial intelligence models.\n",
                 id="not-made-available-to-third-parties"),
    pytest.param("6.2 Acme does not sell Your Content and does not permit its model providers to train their own "
                 "models on Your Content.\n", id="its-model-providers"),
]


@pytest.mark.parametrize("refusal", _OTHERS_ONLY)
def test_a_refusal_to_let_others_train_does_not_exclude_the_vendors_own_training(refusal: str) -> None:
    text = "# Acme Terms\n\n" + _GRANT + refusal
    assert answer(text, "train.content.own").verdict is Verdict.YES
    assert answer(text, "train.content.third_party").verdict is Verdict.NO


# Recipients barred from training their own models: others' training is excluded.
_RECIPIENTS_BARRED = [
    pytest.param("4.2 In no event shall Acme permit a Subprocessor to use Customer Data for the training of that "
                 "Subprocessor's own models.", id="that-subprocessors-own-models"),
    pytest.param("We don't use your files to train Acme AI, and we don't let anyone else train on them either.",
                 id="let-anyone-else"),
    pytest.param("Our AI supplier is not permitted, under its contract with us, to use your text to train or "
                 "improve its models.", id="ai-supplier-not-permitted"),
    pytest.param("Our agreements with these providers prohibit them from using your files to train or improve "
                 "their own models.", id="providers-prohibited"),
]


@pytest.mark.parametrize("clause", _RECIPIENTS_BARRED)
def test_recipients_barred_from_training_exclude_others_training(clause: str) -> None:
    others = answer("# Acme Data Terms\n\n## 4. Processors\n\n" + clause + "\n", "train.content.third_party")
    assert others.verdict is Verdict.NO
    assert clause[:40] in _quoted(others)


def test_sharing_refused_for_the_recipients_own_purposes_makes_others_training_unlikely() -> None:
    text = ("# Acme Privacy\n\n## Sharing\n\nWe do not share Recordings with third parties for their own purposes, "
            "whether or not you enrol.\n")
    assert answer(text, "train.content.third_party").verdict is Verdict.UNLIKELY


def test_a_statement_denied_as_a_whole_is_an_exclusion() -> None:
    text = ("# Acme Terms\n\n## 2. Your Content\n\nIt is not the case that Acme may use Your Content to train or "
            "fine-tune any artificial intelligence model.\n")
    assert answer(text, "train.content.own").verdict is Verdict.NO


# Exclusions and switches that hold for some users or some of the time: the own-training answer and its condition.
_SCOPED_USE = [
    pytest.param("# Acme Privacy\n\n## 5. AI\n\nFor personal accounts, we may use the documents you create to train "
                 "the machine learning models that power Acme Assist, unless you turn off \"Improve Acme\" in your "
                 "settings.\n\nWe don't use Customer Data from work or school accounts to train the models that "
                 "power Acme Assist.\n",
                 Verdict.YES, Condition.OPT_OUT, id="work-or-school-accounts"),
    pytest.param("# Acme Privacy\n\n## 7. AI\n\nWe use the documents you create in Acme to train and improve our AI "
                 "models. If you would prefer that we didn't, you can switch off \"Contribute to Acme AI\" in your "
                 "privacy settings; this won't affect training that has already taken place.\n",
                 Verdict.YES, Condition.OPT_OUT, id="what-switching-off-does-not-undo"),
    pytest.param("# Acme Intelligence\n\n## Data use\n\nBy default, Acme may use Customer Content processed by Acme "
                 "Intelligence to evaluate and improve Acme's AI models.\n\nOnce turned off, new Customer Content "
                 "from that organisation will not be used for model improvement.\n",
                 Verdict.YES, Condition.OPT_OUT, id="once-turned-off"),
    pytest.param("# Acme Terms\n\n## 8. AI\n\n8.1 Acme may use the videos you upload (\"Your Content\") to train "
                 "our speech models.\n\n8.2 You can object to this use at any time by switching off \"Improve Acme "
                 "AI\" in Account settings.\n\n8.3 If you live in the European Union, your account is set up "
                 "differently. Acme does not use Your Content to train its models unless you have given your "
                 "explicit consent, which is off by default for these accounts.\n",
                 Verdict.YES, Condition.OPT_OUT, id="for-these-accounts"),
    pytest.param("# Acme Terms\n\n## 12. AI\n\n12.1 Where an Administrator enables it, Acme may use Customer "
                 "Content, including prompts entered into AI Features, to improve the machine learning models that "
                 "power those features.\n",
                 Verdict.UNLIKELY, Condition.OPT_IN, id="where-an-administrator-enables-it"),
]


@pytest.mark.parametrize(("text", "verdict", "condition"), _SCOPED_USE)
def test_scoped_exclusions_and_switches_make_own_training_conditional(text: str, verdict: Verdict,
                                                                       condition: Condition) -> None:
    own = answer(text, "train.content.own")
    assert own.verdict is verdict
    assert own.condition is condition


def test_tiers_named_in_pairs_are_a_plan_condition() -> None:
    text = ("# Acme Help\n\n## AI partners\n\n- **Free and Personal plans:** the files you upload may be used by our "
            "model provider to train its models.\n")
    assert answer(text, "train.content.own").condition is Condition.PLAN


def test_kinds_listed_as_the_definition_of_the_content_are_all_of_it() -> None:
    text = ("# Acme Terms\n\n## 5. Your Content\n\nThe text, images and voice memos you save in Acme (\"Your "
            "Content\") will never be used to develop, train or fine-tune the machine learning models that power "
            "Acme's search features. Those models are trained only on licensed and publicly available datasets.\n")
    own = answer(text, "train.content.own")
    assert own.verdict is Verdict.NO
    assert "licensed and publicly available datasets" not in _quoted(own)


def test_a_table_row_sharing_posts_for_partners_training_keeps_the_rows_switch() -> None:
    text = ("# Acme Privacy\n\n## 5. Who we share with\n\n| Recipient | Data | Purpose | Your choice |\n"
            "|---|---|---|---|\n"
            "| AI collaboration partners | Your public posts and comments | To develop and train their generative "
            "artificial intelligence models | You can switch off \"Share with AI partners\" under Settings at any "
            "time |\n")
    others = answer(text, "train.content.third_party")
    assert others.verdict is Verdict.YES
    assert others.condition is Condition.OPT_OUT
    control = answer(text, "control.ai_training")
    assert control.verdict is Verdict.YES


# Public content featured in the vendor's own channels is marketing with the user's content.
_FEATURED = [
    pytest.param("## Community\n\nWe may showcase public datasets on our homepage, in our newsletter and in posts on "
                 "our social media channels to help people discover great work.\n", id="showcase-on-homepage"),
    pytest.param("## 7. Showcase\n\n7.1 Boards you make public are Showcase Content. We may feature it in our "
                 "newsletters, on our social media channels and in advertising for Acme Boards.\n", id="feature-it"),
]


@pytest.mark.parametrize("clause", _FEATURED)
def test_public_content_featured_in_the_vendors_channels_is_marketing(clause: str) -> None:
    marketing = answer("# Acme Terms\n\n" + clause, "marketing.content")
    assert marketing.verdict is Verdict.YES
    assert ("showcase" in _quoted(marketing)) or ("feature it" in _quoted(marketing))


_KEPT_OUT_OF_ADS = [
    pytest.param("## Your photos\n\nYour photos are yours. To show them back to you, back them up and share them with "
                 "the people you choose, we need permission to store and copy them, and that's all our licence covers: "
                 "we won't sell them, we won't put them in ads, and when you delete a photo the licence for it ends.\n",
                 id="put-them-in-ads"),
    pytest.param("## Ads\n\nWe do not use the content of your designs to target advertising to you, and we never "
                 "include your designs in our own marketing materials.\n", id="your-designs"),
]


@pytest.mark.parametrize("clause", _KEPT_OUT_OF_ADS)
def test_content_kept_out_of_ads_in_plain_words_is_excluded(clause: str) -> None:
    assert answer("# Acme Terms\n\n" + clause, "marketing.content").verdict is Verdict.NO


# A licence the user grants over what they publish, whatever the document calls it.
_UNNAMED_OBJECT = [
    pytest.param("4.1 When you publish a Package to the Acme registry, you grant Acme a perpetual, irrevocable, "
                 "worldwide, royalty-free licence to store, copy, distribute, mirror and display the Package.",
                 id="package"),
    pytest.param("7.2 To enable this, each Member grants Acme a non-exclusive, worldwide, royalty-free licence, which "
                 "is sublicensable to Acme's advertising agencies, to reproduce, adapt and publicly display Showcased "
                 "Works.", id="each-member-grants"),
    pytest.param("6.2 Each Subscriber grants Acme Press plc and its group companies a perpetual, irrevocable, "
                 "worldwide, royalty-free licence to use, copy and adapt Subscriber Content.", id="vendor-plc"),
]


@pytest.mark.parametrize("grant", _UNNAMED_OBJECT)
def test_a_broad_licence_the_user_grants_is_over_their_content(grant: str) -> None:
    assert answer("# Acme Terms\n\n## Licence\n\n" + grant + "\n", "license.content.broad").verdict is Verdict.YES


def test_a_licence_the_vendor_grants_the_user_is_not_over_the_users_content() -> None:
    text = ("# Acme Terms\n\n## 3. Extension\n\n3.2 Acme grants the Extension User a non-exclusive, non-transferable, "
            "non-sublicensable right to use the Acme Extension.\n")
    assert answer(text, "license.content.broad").verdict is not Verdict.YES


def test_a_term_defined_in_bold_is_resolved() -> None:
    text = ("# Acme Terms\n\n## 5. Data\n\nAcme distinguishes two kinds of data. **Customer Data** means the messages "
            "and files submitted by a Customer. **Service Data** means information about how the Services are "
            "accessed and used, such as feature usage, crash reports and performance metrics.\n\n5.2 Service Data may "
            "be used to operate, secure and improve the Services, including to train the machine learning models that "
            "power search ranking.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.YES
    assert "5.2 Service Data may be used" in _quoted(usage)


_TRAINING_BY_OTHER_WORDS = [
    pytest.param("We continue to use Usage Data to train the forecasting and anomaly-detection models that power "
                 "Acme Insights.", id="four-words-before-models"),
    pytest.param("We analyse diagnostic data from your speaker to tune and retrain our wake-word detection model.",
                 id="retrain"),
    pytest.param("Telemetry is used to tune the machine-learning models behind search ranking.", id="tune-the-models"),
]


@pytest.mark.parametrize("clause", _TRAINING_BY_OTHER_WORDS)
def test_training_said_with_more_words_between_is_still_training(clause: str) -> None:
    assert answer("# Acme Privacy\n\n## Usage data\n\n" + clause + "\n", "train.usage.own").verdict is Verdict.YES


# Privacy policies of the PolicyQA study split (opp.yaml): channels that leave others' use open, and limits that bind
# only the recipients.
_OPEN_CHANNELS = [
    pytest.param("Unless otherwise specified, we may sell or share information about you, including your "
                 "Registration Information, with our parent, subsidiaries, and affiliates and with carefully selected "
                 "companies who we think may offer products that may be of interest to you.", id="sold-to-companies"),
    pytest.param("If you subscribe to Acme magazine, we may sell or rent lists containing your name and email address "
                 "to third parties for advertising purposes.", id="lists-rented"),
    pytest.param("We may share the information we collect with business partners, such as companies we work with to "
                 "offer co-branded features, who may use it for their own purposes in accordance with their own "
                 "privacy policies.", id="partners-own-purposes"),
    pytest.param("Acme cannot control the actions of third parties who may view the website and use "
                 "publicly-available information for their own purposes.", id="public-information-used"),
]


@pytest.mark.parametrize("clause", _OPEN_CHANNELS)
def test_data_passed_to_others_for_their_own_ends_leaves_their_training_open(clause: str) -> None:
    text = ("# Acme Privacy Policy\n\n## Sharing\n\nOur service providers are restricted from using this data in any "
            "way other than to provide the requested services to Acme.\n\n" + clause + "\n")
    others = answer(text, "train.content.third_party")
    assert others.verdict is Verdict.UNCLEAR
    assert clause[:30] in _quoted(others)


def test_selling_tickets_or_the_business_is_not_selling_the_users_data() -> None:
    text = ("# Acme Privacy Policy\n\n## Sharing\n\nWe share personal information with service providers, who may use "
            "it only to provide the requested services to Acme.\n\nFor every event for which we sell tickets, "
            "we will need to disclose your name to our event partners so that you can check in.\n\nIf we were to sell "
            "our business to a buyer, we may transfer your information to a successor as part of that transaction.\n")
    assert answer(text, "train.content.third_party").verdict is Verdict.UNLIKELY


def test_a_choice_about_personalised_ads_or_the_recipients_own_marketing_is_no_exclusion() -> None:
    choice = ("# Acme Privacy Notice\n\n## Advertising\n\nAs a result of those actions, you might supply us with your "
              "reviews and your profile photo.\n\nIf you do not want us to use personal information that we gather to "
              "allow third parties to personalize advertisements we display to you, please adjust your Advertising "
              "Preferences.\n")
    recipients = ("# Acme Privacy Policy\n\n## Vendors\n\nThese vendors may not use your personal information for "
                  "their own marketing purposes.\n")
    assert answer(choice, "marketing.content").verdict is not Verdict.NO
    assert answer(recipients, "marketing.content").verdict is not Verdict.NO


def test_a_licence_reported_from_the_terms_of_service_is_left_to_them() -> None:
    text = ("# Acme Privacy Policy\n\n## Community\n\nPlease note that, as provided in our Terms of Service, you grant "
            "us a license to all publicly-posted content and it can be syndicated to third-party sites and content "
            "partners.\n")
    assert answer(text, "license.content.broad").verdict is Verdict.UNCLEAR


def test_improving_the_sites_is_improving_the_service() -> None:
    text = ("# Acme Privacy Policy\n\n## Usage\n\nWe collect IP addresses for site security and to help us understand "
            "how people use our sites so that we can improve our sites and our users' experiences.\n")
    usage = answer(text, "train.usage.own")
    assert usage.verdict is Verdict.UNCLEAR
    assert "so that we can improve our sites" in _quoted(usage)


def test_information_about_our_customers_is_the_users_personal_data() -> None:
    text = ("# Acme Privacy Notice\n\n## Sharing\n\nInformation about our customers is an important part of our "
            "business, and we are not in the business of selling it to others.\n")
    items = {(i.item, i.use): i for i in analyze(segment(text)).items}
    assert items[("contact_details", "sale_or_licensing")].verdict is Verdict.NO


def test_data_that_remains_the_users_is_no_ownership_claim() -> None:
    text = ("# Acme Terms\n\n## Diagnostic Data\n\nAcme collects crash reports and performance metrics from your "
            "device (\"Diagnostic Data\"). Diagnostic Data remains your data: nothing in these terms transfers to Acme "
            "any ownership of it, and you may ask us to delete it at any time.\n")
    assert answer(text, "ownership.usage").verdict is Verdict.NO
