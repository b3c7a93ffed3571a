"""A PDF that failed to build is never queued, printed or sent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.handover.document import paper_of, read_pdf
from kiosk.handover.errors import InvalidDocumentError


def test_a_whole_pdf_is_accepted_with_its_paper_size(make_pdf: Callable[..., Path]) -> None:
    assert read_pdf(make_pdf(paper="a4")).paper == "a4"
    letter = make_pdf(paper="letter")
    checked = read_pdf(letter.read_bytes())
    assert (checked.paper, checked.data) == ("letter", letter.read_bytes())


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b"<html>error</html>", "is not a PDF"),
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "cut short"),
    ],
)
def test_broken_pdfs_are_refused(data: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "calendar.pdf"
    path.write_bytes(data)
    with pytest.raises(InvalidDocumentError, match=problem):
        read_pdf(path)
    with pytest.raises(InvalidDocumentError, match=problem):
        read_pdf(data)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidDocumentError, match="does not exist"):
        read_pdf(tmp_path / "nothing.pdf")
    with pytest.raises(InvalidDocumentError, match="is a folder"):
        read_pdf(tmp_path)


def test_paper_from_the_media_box() -> None:
    assert paper_of(b"/MediaBox [0 0 595.2756 841.8898]") == "a4"
    assert paper_of(b"/MediaBox [ 0 0 842 595 ]") == "a4"  # landscape
    assert paper_of(b"/MediaBox [0 0 612 792]") == "letter"
    assert paper_of(b"/MediaBox [0 0 612 1008]") is None  # legal: the printer's default
    assert paper_of(b"no box") is None
