"""Paper size: a tag that names its country decides, else the clinic's country, else the language's."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.clinic import load_clinic
from kiosk.documents.pdf import default_paper
from kiosk.errors import UserError


@pytest.mark.parametrize(
    ("tag", "clinic_region", "paper"),
    [
        ("en", "GB", "a4"),  # the demo clinic in Leeds: A4 although CLDR's likely region for `en` is the US
        ("en", "", "letter"),
        ("en", "US", "letter"),
        ("es", "MX", "letter"),
        ("es-MX", "GB", "letter"),  # typed with a country: that country decides
        ("en-GB", "US", "a4"),
        ("de", "CA", "letter"),
        ("ar", "", "a4"),
        ("pt_BR", "", "a4"),
    ],
)
def test_paper_follows_the_region(tag: str, clinic_region: str, paper: str) -> None:
    assert default_paper(tag, clinic_region) == paper


def test_the_demo_clinic_says_where_it_is(tmp_path: Path) -> None:
    clinic = load_clinic("demo")
    assert clinic.region == "GB"
    source = clinic.source.read_text(encoding="utf-8").replace('region = "GB"', 'region = "Britain"')
    broken = tmp_path / "clinic.toml"
    broken.write_text(source, encoding="utf-8")
    with pytest.raises(UserError, match="'region' must be a two-letter country code"):
        load_clinic(str(broken))
