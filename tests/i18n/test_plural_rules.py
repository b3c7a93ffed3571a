"""The compiled catalogs pick the plural form CLDR (through the locked Babel) names for a count."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.plurals import get_plural

from kiosk.i18n import supported_languages
from kiosk.i18n.catalog import po_path, translations
from kiosk.i18n.checks import load_catalog

PAGES = "Your aftercare calendar, %n pages"
# Counts that land in every CLDR category of the twelve languages: 0, one, two, few (3-10), many (11-99,
# 12-14, a million), and 100-102 ("other" in Arabic).
COUNTS = [0, 1, 2, 3, 5, 11, 12, 15, 21, 22, 25, 100, 101, 102, 111, 1_000_000, 2_000_000]


@pytest.mark.parametrize("language", supported_languages())
def test_ngettext_gives_the_form_of_babels_rule(language: str) -> None:
    forms = load_catalog(po_path(language), language)[PAGES].string
    assert isinstance(forms, tuple)
    rule = get_plural(language)
    catalog = translations(language)
    pick = gettext.c2py(rule.plural_expr)  # Babel's rule, not the header the .mo carries
    for count in COUNTS:
        assert catalog.ngettext(PAGES, PAGES, count) == forms[pick(count)], (language, count)


def test_the_new_cldr_forms_say_the_number_rightly() -> None:
    """Spanish says "1000000 de páginas", Arabic "15 صفحةً" (accusative) but "100 صفحة"; Turkish keeps the
    singular after a number. (Qt puts the number in place of %n.)"""
    assert translations("es").ngettext(PAGES, PAGES, 1_000_000).endswith("%n de páginas")
    assert translations("es").ngettext(PAGES, PAGES, 7).endswith("%n páginas")
    assert translations("ar").ngettext(PAGES, PAGES, 15).endswith("%n صفحةً")
    assert translations("ar").ngettext(PAGES, PAGES, 100).endswith("%n صفحة")
    assert translations("tr").ngettext(PAGES, PAGES, 3).endswith("%n sayfa")
