"""Reading local inputs: text encodings, HTML, PDF, and clear one-line errors on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlens.pipeline.extract import UnreadableInput, extract, read_document


def test_latin1_file_is_decoded_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    text = "Les données personnelles sont traitées conformément à la loi. Vous acceptez les conditions générales."
    path.write_bytes(text.encode("latin-1"))
    result = read_document(path)
    assert "données" in result.text and result.encoding not in (None, "utf-8")
    short = tmp_path / "short.txt"
    short.write_bytes("Nous utilisons vos données pour nos modèles.".encode("latin-1"))
    assert read_document(short).text == "Nous utilisons vos données pour nos modèles."


def test_html_is_reduced_to_main_text(tmp_path: Path) -> None:
    html = ("<html><head><script>alert(1)</script></head><body><nav>Menu Home</nav>"
            "<main><h1>Terms</h1><p>We do not sell your data.</p></main><footer>© 2024</footer></body></html>")
    result = extract(html.encode(), "page.html")
    assert result.kind == "html"
    assert "# Terms" in result.text and "We do not sell your data." in result.text
    assert "alert" not in result.text and "Menu Home" not in result.text and "©" not in result.text


def test_selectors_pick_and_remove(tmp_path: Path) -> None:
    html = "<body><div id='t'><p>Keep me.</p><p class='ad'>Drop me.</p></div><p>Outside.</p></body>"
    text = extract(html.encode(), "p.html", "text/html", selectors=["#t"], remove=[".ad"]).text
    assert "Keep me." in text and "Drop me." not in text and "Outside." not in text


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<html><body>" + "<div>" * 20000 + "deep words here" + "</div>" * 20000 + "</body></html>"
    result = extract(html.encode(), "deep.html")
    assert "deep words here" in result.text


def test_real_pdf_text(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    path = tmp_path / "blank.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert read_document(path).kind == "pdf"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.md", b"", "file is empty"),
        ("binary.md", b"\x00\x01\x02PK\x03\x04" * 100, "looks binary"),
        ("broken.pdf", b"%PDF-1.7\n garbage without objects", "broken PDF"),
        ("page.pdf", b"<html><body>not a pdf</body></html>", None),
    ],
)
def test_bad_inputs_name_the_file(tmp_path: Path, name: str, data: bytes, reason: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    if reason is None:  # an HTML file named .pdf is read as what it is
        assert "not a pdf" in read_document(path).text
        return
    with pytest.raises(UnreadableInput) as caught:
        read_document(path)
    message = str(caught.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        read_document(tmp_path / "nope.md")
    with pytest.raises(UnreadableInput, match="is a directory"):
        read_document(tmp_path)
