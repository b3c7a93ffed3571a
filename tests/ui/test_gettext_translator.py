"""The gettext-backed QTranslator: Qt's own translate() and a QML qsTr() binding answer from the .po catalogs."""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterator

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine

from kiosk.i18n import translations
from kiosk.i18n.catalog import po_path
from kiosk.i18n.checks import load_catalog
from kiosk.ui.gettext_translator import GettextTranslator

DRY = "Keep your scalp dry"


def polish_catalog() -> gettext.GNUTranslations:
    """A small Polish catalog with three plural forms and a disambiguated message."""
    catalog = Catalog(locale="pl")
    catalog.add(("%n day left", "%n days left"), ("Został %n dzień", "Zostały %n dni", "Zostało %n dni"))
    catalog.add("Open", "Otwórz", context="verb")
    catalog.add("Open", "Otwarte", context="state")
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@pytest.fixture
def installed(qapp: QCoreApplication) -> Iterator[GettextTranslator]:
    translator = GettextTranslator("de")
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_qt_translate_answers_from_the_german_catalog(installed: GettextTranslator) -> None:
    expected = translations("de").gettext(DRY)
    assert expected != DRY
    assert QCoreApplication.translate("WelcomeScreen", DRY) == expected


def test_an_unknown_text_falls_back_to_the_source_not_to_blank(installed: GettextTranslator) -> None:
    assert installed.translate("Any", "A text nobody translated") is None
    assert QCoreApplication.translate("Any", "A text nobody translated") == "A text nobody translated"


def test_switching_language_changes_the_answer(installed: GettextTranslator) -> None:
    installed.set_language("ar")
    assert installed.language() == "ar"
    assert QCoreApplication.translate("Any", DRY) == translations("ar").gettext(DRY)
    installed.set_language("en")
    assert QCoreApplication.translate("Any", DRY) == DRY


def test_plural_forms_follow_the_language_and_qt_fills_in_n(qapp: QCoreApplication) -> None:
    translator = GettextTranslator.from_catalog(polish_catalog(), "pl")
    QCoreApplication.installTranslator(translator)
    try:
        said = {n: QCoreApplication.translate("Calendar", "%n day left", None, n) for n in (1, 3, 5, 22, 25)}
    finally:
        QCoreApplication.removeTranslator(translator)
    assert said == {
        1: "Został 1 dzień",
        3: "Zostały 3 dni",
        5: "Zostało 5 dni",
        22: "Zostały 22 dni",
        25: "Zostało 25 dni",
    }


def test_disambiguation_selects_the_gettext_context(qapp: QCoreApplication) -> None:
    translator = GettextTranslator.from_catalog(polish_catalog(), "pl")
    assert translator.translate("Screen", "Open", "verb") == "Otwórz"
    assert translator.translate("Screen", "Open", "state") == "Otwarte"
    assert translator.translate("Screen", "Open") is None


def test_qml_bindings_follow_a_live_language_switch(installed: GettextTranslator) -> None:
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(f'import QtQml\nQtObject {{ property string label: qsTr("{DRY}") }}'.encode(), QUrl())
    item = component.create()
    assert item is not None, component.errors()
    assert item.property("label") == translations("de").gettext(DRY)
    installed.set_language("ru")
    engine.retranslate()
    assert item.property("label") == translations("ru").gettext(DRY)
    installed.set_language("en")
    engine.retranslate()
    assert item.property("label") == DRY


def test_english_plurals_come_from_the_small_english_catalog(qapp: QCoreApplication) -> None:
    """qsTr("%n seconds", "", n) is written once in the source; English "1 second" needs a catalog too."""
    catalog = load_catalog(po_path("en"), "en")
    message = next(m for m in catalog if m.id and m.pluralizable)
    source, forms = message.id[0], message.string
    assert isinstance(forms, tuple)
    translator = GettextTranslator("en")
    QCoreApplication.installTranslator(translator)
    try:
        one = QCoreApplication.translate("Screen", source, None, 1)
        five = QCoreApplication.translate("Screen", source, None, 5)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert one == forms[0].replace("%n", "1")
    assert five == forms[1].replace("%n", "5")
    assert one != five
