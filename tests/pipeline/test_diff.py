"""Clause-aligned diff: what a reader would call a change, and what is only cosmetic."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from termlens.domain.change import ClauseChangeKind
from termlens.pipeline.diff import diff_texts
from termlens.pipeline.normalize import comparison_key, split_blocks
from termlens.pipeline.segment import segment

ZOOM_TOS = "Zoom/Terms of Service"


def read(ota_dir: Path, document: str, stamp: str) -> str:
    return (ota_dir / document / f"{stamp}.md").read_text(encoding="utf-8")


def test_renumbering_links_formatting_and_whitespace_are_not_changes() -> None:
    old = (
        "## 4. Your Content\n\n"
        "4.1 We collect **your** [usage data](https://example.com/data?utm_source=a&id=1) to run the service.\n\n"
        "See Section 4.1 for   details.\n"
    )
    new = (
        "## 5. Your Content\n\n"
        "5.1 We collect your [usage data](https://example.com/data?utm_source=b&id=2) to run the service.\n\n"
        "See Section 5.1 for details.\n"
    )
    diff = diff_texts(old, new)
    assert diff.same_normalized_text
    assert diff.changes == ()
    assert diff.cosmetic_only == 3


def test_a_negation_removed_is_a_modified_clause_with_the_word_highlighted() -> None:
    old = "Intro.\n\nWe will not sell your personal data to advertisers.\n\nEnd of terms here.\n"
    new = "Intro.\n\nWe will sell your personal data to advertisers.\n\nEnd of terms here.\n"
    diff = diff_texts(old, new)
    [change] = diff.changes
    assert change.kind is ClauseChangeKind.MODIFIED and change.substantive
    assert [op.text for op in change.words if op.tag == "delete"] == ["not"]
    assert not [op for op in change.words if op.tag == "insert"]


def test_moved_and_split_clauses_are_aligned_not_added_and_removed() -> None:
    first = "We keep your files for as long as your account is open and for thirty days after."
    second = "You may export your files at any time from the settings page of your account."
    third = "We may update these terms and will tell you by email before the update applies."
    old = f"{first} {second}\n\n{third}\n"
    new = f"{third}\n\n{first}\n\n{second}\n"
    diff = diff_texts(old, new)
    assert diff.substantive == ()
    assert diff.moved >= 1


def test_dates_spelling_and_grammar_words_are_cosmetic_but_units_and_modals_are_not() -> None:
    cases = {
        ("Last updated: May 1, 2023", "Last updated: June 2, 2024"): False,
        ("You grant us a licence to host the content you upload.",
         "You grant us a license to host the content you upload."): False,
        ("Please take a look at the settings to change your preferences here.",
         "Please have a look at the settings to change your preferences here."): True,
        ("We retain chat logs for 30 days after you delete them from the app.",
         "We retain chat logs for 90 days after you delete them from the app."): True,
        ("We may share aggregated statistics with our partners for research.",
         "We will share aggregated statistics with our partners for research."): True,
        ("The licensor keeps every right in the software described in this section.",
         "The licensee keeps every right in the software described in this section."): True,
    }
    for (old, new), substantive in cases.items():
        diff = diff_texts(f"Header line of terms.\n\n{old}\n", f"Header line of terms.\n\n{new}\n")
        assert bool(diff.substantive) is substantive, (old, new, diff.changes)


def test_a_name_replaced_throughout_is_a_rename_not_an_edit() -> None:
    clauses = [
        "Twitter offers a place to publish short posts and read what others publish.",
        "You can delete your Twitter account from the settings page at any time.",
        "Twitter keeps a copy of deleted posts for a short period for safety reasons.",
        "When you contact Twitter support, we keep the messages you send to help you.",
    ]
    old = "\n\n".join(clauses) + "\n"
    new = old.replace("Twitter", "X")
    diff = diff_texts(old, new)
    assert len(diff.changes) == 4
    assert diff.substantive == ()


def test_navigation_menus_and_labels_are_not_substantive() -> None:
    terms = "The actual terms start here.\n"
    old = "[Video SDK](https://a.example/v)[AI Services](https://a.example/ai)\n\n" + terms
    new = "Build\n\n[Video SDK](https://a.example/v)[API Services](https://a.example/ai)\n\n" + terms
    diff = diff_texts(old, new)
    assert diff.changes and diff.substantive == ()


def test_blocks_keep_offsets_into_the_original_text() -> None:
    text = "Title\n=====\n\nFirst paragraph\nstill first.\n\n- item one\n- item two\n\n| a | b |\n"
    for block in split_blocks(text):
        assert text[block.start:block.end] == block.text
    assert [b.heading for b in split_blocks(text)] == [True, False, False, False, False]
    assert comparison_key("### 10.2 **Permitted** Uses") == "permitted uses"


def test_zoom_ai_consent_sentence_is_the_only_substantive_change(ota_dir: Path) -> None:
    old = read(ota_dir, ZOOM_TOS, "2023-07-28T13-43-15Z")
    new = read(ota_dir, ZOOM_TOS, "2023-08-07T18-49-21Z")
    diff = diff_texts(old, new, segment(old), segment(new))
    [change] = diff.substantive
    assert change.kind is ClauseChangeKind.ADDED
    assert change.after is not None and "to train our artificial intelligence models" in change.after.text
    assert new[change.after.start:change.after.end] == change.after.text
    assert change.section is not None and change.section.startswith("10")


def test_zoom_tracking_parameter_version_has_no_substantive_change(ota_dir: Path) -> None:
    old = read(ota_dir, ZOOM_TOS, "2024-08-08T12-31-41Z")
    new = read(ota_dir, ZOOM_TOS, "2024-11-09T06-17-17Z")
    assert old != new
    diff = diff_texts(old, new)
    assert diff.same_normalized_text and diff.substantive == ()


def test_zoom_new_tax_clause_is_found_despite_renumbering(ota_dir: Path) -> None:
    old = read(ota_dir, ZOOM_TOS, "2023-04-01T06-45-10Z")
    new = read(ota_dir, ZOOM_TOS, "2023-07-28T13-43-15Z")
    diff = diff_texts(old, new)
    added = [c for c in diff.substantive if c.kind is ClauseChangeKind.ADDED]
    assert any(c.after is not None and "Disclosures to Taxing Authorities" in c.after.text for c in added)
    texts = " ".join((c.after or c.before).text for c in diff.substantive)  # type: ignore[union-attr]
    assert "TERMINATION AND SUSPENSION" not in texts  # renumbered heading 55 -> 56 is not a change
    assert len(diff.substantive) <= 6


_SENTENCES = st.lists(
    st.text(alphabet="abcdefghij klmnop", min_size=20, max_size=60).map(lambda s: s.strip().capitalize() + "."),
    min_size=2, max_size=8,
)


@settings(max_examples=40, deadline=None)
@given(_SENTENCES, st.integers(min_value=0, max_value=10_000))
def test_query_strings_and_numbering_never_make_a_change(sentences: list[str], seed: int) -> None:
    old = "\n\n".join(f"{k + 1}. [{s}](https://x.example/p?id={k})" for k, s in enumerate(sentences))
    new = "\n\n".join(f"{k + 2}) [{s}](https://x.example/p?id={seed + k}&ref=z)" for k, s in enumerate(sentences))
    assert diff_texts(old, new).substantive == ()
    assert diff_texts(old, old).changes == ()


def test_a_clause_split_and_edited_shows_only_the_edit() -> None:
    old = ("Intro line here.\n\nWe collect your name and email address. "
           "We share your data with service providers only.\n\nEnd here.\n")
    new = ("Intro line here.\n\nWe collect your name, email address and phone number.\n\n"
           "We share your data with service providers only.\n\nEnd here.\n")
    [change] = diff_texts(old, new).substantive
    assert change.kind is ClauseChangeKind.MODIFIED
    assert change.changed_text("insert").endswith("phone number")
    assert "share" not in change.changed_text("delete")
