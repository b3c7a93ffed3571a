"""The shipped catalogs: complete, not fuzzy, same placeholders, valid plurals, compiled and fresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural

from kiosk.i18n import supported_languages
from kiosk.i18n.catalog import mo_path, po_path, template_path
from kiosk.i18n.checks import (
    catalog_problems,
    load_catalog,
    message_key,
    message_problems,
    plural_messages,
    stale_compiled,
)
from kiosk.i18n.extract import build_template

ROOT = Path(__file__).resolve().parents[2]
WANTED = {"en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he"}
TRANSLATED = [lang for lang in supported_languages() if lang != "en"]


@pytest.fixture(scope="module")
def source_template() -> Catalog:
    """The messages in the source right now (Python, QML, protocol), not what was last extracted."""
    return build_template(ROOT)


def test_the_twelve_languages_are_shipped() -> None:
    assert set(supported_languages()) >= WANTED
    assert supported_languages()[0] == "en"


def test_the_template_is_up_to_date_with_the_source(source_template: Catalog) -> None:
    shipped = {message_key(m) for m in load_catalog(template_path()) if m.id}
    current = {message_key(m) for m in source_template if m.id}
    assert sorted(current - shipped, key=str) == [], "run: python3 packaging/translations.py extract"
    assert sorted(shipped - current, key=str) == [], "run: python3 packaging/translations.py extract"


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalog_is_complete_and_sound(language: str, source_template: Catalog) -> None:
    catalog = load_catalog(po_path(language), language)
    assert catalog_problems(catalog, source_template) == []


def test_english_catalog_gives_the_english_plural_forms(source_template: Catalog) -> None:
    """qsTr("%n seconds", "", n) is written once; the English catalog says "1 second" and "5 seconds".
    Python's ngettext messages name the number as a {field} instead of %n."""
    plurals = plural_messages(source_template)
    catalog = load_catalog(po_path("en"), "en")
    assert catalog_problems(catalog, plurals) == []
    assert len([message for message in plurals if message.id]) >= 1
    for message in plurals:
        if not message.id:
            continue
        singular = message.id[0]
        forms = catalog[singular].string
        assert isinstance(forms, tuple)
        number = "%n" if "%n" in singular else singular[singular.index("{") : singular.index("}") + 1]
        assert number in forms[0] and number in forms[1] and forms[0] != forms[1]


@pytest.mark.parametrize("language", supported_languages())
def test_plural_forms_header_is_babels_rule(language: str) -> None:
    catalog = load_catalog(po_path(language), language)
    rule = get_plural(language)
    assert catalog.num_plurals == rule.num_plurals
    assert catalog.plural_expr == rule.plural_expr


def test_arabic_has_six_plural_forms_polish_and_russian_three() -> None:
    assert load_catalog(po_path("ar"), "ar").num_plurals == 6
    assert load_catalog(po_path("pl"), "pl").num_plurals == 3
    assert load_catalog(po_path("ru"), "ru").num_plurals == 3


@pytest.mark.parametrize("language", supported_languages())
def test_compiled_catalog_exists_and_is_not_older_than_its_po(language: str) -> None:
    assert stale_compiled([(po_path(language), mo_path(language))]) == []


def test_the_checks_catch_what_they_should(tmp_path: Path) -> None:
    catalog = Catalog(locale="pl")
    catalog.add("Day {day}", "Dzień {dzien}")
    catalog.add("Wait until day 4.", "Poczekaj kilka dni.")
    catalog.add("Fine", "", flags=["fuzzy"])
    catalog.add(("{count} day", "{count} days"), ("{count} dzień", "{count} dni"))
    problems = "\n".join(p for message in catalog if message.id for p in message_problems(message, 3))
    assert "placeholders" in problems
    assert "drops the number(s) ['4']" in problems
    assert "is marked fuzzy" in problems
    assert "is not translated" in problems
    assert "has 2 plural forms, the language needs 3" in problems
    po, mo = tmp_path / "kiosk.po", tmp_path / "kiosk.mo"
    po.write_text("")
    assert "is missing" in stale_compiled([(po, mo)])[0]
