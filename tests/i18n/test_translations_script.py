"""packaging/translations.py: merging keeps exact translations and never guesses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from babel.messages.catalog import Catalog

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "translations.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def string_of(catalog: Catalog, msgid: str) -> object:
    message = catalog.get(msgid)
    assert message is not None, msgid
    return message.string


def test_a_text_that_comes_back_gets_its_translation_back_and_a_changed_one_does_not() -> None:
    script = load_script()
    catalog = Catalog(locale="de")
    catalog.add("Do not use shampoo yet.", "Benutzen Sie noch kein Shampoo.")
    catalog.add("Wait until day 4.", "Warten Sie bis Tag 4.")
    template = Catalog(locale="de")
    template.add("Page {number}")  # new
    template.add("Wait until day 5.")  # changed: day 4 -> day 5
    catalog.update(template, no_fuzzy_matching=True)
    assert not string_of(catalog, "Wait until day 5.")  # never a guess from "day 4"
    template.add("Do not use shampoo yet.")  # back again after a refactor
    catalog.update(template, no_fuzzy_matching=True)
    script._revive_exact_matches(catalog)
    assert string_of(catalog, "Do not use shampoo yet.") == "Benutzen Sie noch kein Shampoo."
    assert not string_of(catalog, "Wait until day 5.")
    assert [m.id for m in catalog.obsolete.values()] == ["Wait until day 4."]


def test_english_needs_only_the_plural_messages() -> None:
    script = load_script()
    template = Catalog(locale="en")
    template.add("Back")
    template.add(("%n day", "%n days"))
    english = script.template_for("en", template)
    assert [m.id for m in english if m.id] == [("%n day", "%n days")]
    assert len([m for m in script.template_for("de", template) if m.id]) == 2
