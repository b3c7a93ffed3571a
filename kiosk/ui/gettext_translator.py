"""A QTranslator that answers from the gettext catalogs, so the QML screens and the PDF share one `.po` per language.

Install one on the application and call `engine.retranslate()` after a language switch:

    translator = GettextTranslator("de")
    app.installTranslator(translator)
    ...
    translator.set_language("ar"); engine.retranslate()

How Qt's calls map onto gettext:
- `qsTr("Text")` -> gettext("Text"); the QML context (file name) is ignored: one catalog for everything.
- `qsTr("Text", "disambiguation")` -> pgettext("disambiguation", "Text").
- `qsTr("%n days", "", n)` -> ngettext("%n days", "%n days", n); Qt then puts the number in place of %n.
A text the catalog does not have gives None (a null QString): Qt then shows the source text. Returning ""
would not do that: Qt takes an empty, non-null string as the translation and the label goes blank.
"""

from __future__ import annotations

import gettext

from PySide6.QtCore import QObject, QTranslator

from kiosk.i18n import SOURCE_LANGUAGE, translations


class GettextTranslator(QTranslator):
    def __init__(self, language: str = SOURCE_LANGUAGE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._catalog: gettext.NullTranslations = translations(language)

    @classmethod
    def from_catalog(cls, catalog: gettext.NullTranslations, language: str) -> GettextTranslator:
        """A translator over a catalog loaded elsewhere (tests, a clinic's own .mo file)."""
        translator = cls(SOURCE_LANGUAGE)
        translator._language, translator._catalog = language, catalog
        return translator

    def language(self) -> str:
        """The shipped catalog tag this translator answers in ('en', 'de', 'pt_BR', ...)."""
        return self._language

    def set_language(self, language: str) -> None:
        """Switch catalogs; the caller then runs `engine.retranslate()` so every qsTr binding re-evaluates."""
        self._language = language
        self._catalog = translations(language)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False  # Qt skips empty translators; ours has no .qm file but always answers

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not source_text:
            return None
        catalog = self._catalog
        if n >= 0:
            if disambiguation:
                text = catalog.npgettext(disambiguation, source_text, source_text, n)
            else:
                text = catalog.ngettext(source_text, source_text, n)
        elif disambiguation:
            text = catalog.pgettext(disambiguation, source_text)
        else:
            text = catalog.gettext(source_text)
        return None if text == source_text else text
