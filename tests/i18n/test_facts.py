"""The fact checklist: each fact of the clinic's document is in the protocol where it belongs, in every language."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from kiosk.core.protocol import Protocol, load_protocol
from kiosk.i18n import supported_languages
from kiosk.i18n.catalog import po_path, template_path
from kiosk.i18n.checks import load_catalog

FACTS_FILE = Path(__file__).with_name("facts.toml")
FACTS: list[dict[str, Any]] = tomllib.loads(FACTS_FILE.read_text(encoding="utf-8"))["fact"]
TRANSLATED = [lang for lang in supported_languages() if lang != "en"]


def texts_at(protocol: Protocol, where: str) -> tuple[tuple[str, ...], tuple[int, int | None] | None]:
    """The protocol texts at a dotted field path, and the days they apply to (None: not tied to days)."""
    section, _, rest = where.partition(".")
    if section == "aim":
        return (protocol.aim,), None
    if section == "contact":
        return (protocol.contact_text if rest == "text" else protocol.contact_title,), None
    item_id, _, field = rest.rpartition(".")
    if section == "phases":
        phase = protocol.phase(item_id)
        value = getattr(phase, field)
        return (tuple(value) if isinstance(value, tuple) else (value,)), (phase.first_day, phase.last_day)
    items = {"before_care": protocol.before_care, "milestones": protocol.milestones, "ongoing": protocol.ongoing}
    item = next(entry for entry in items[section] if entry.id == item_id)
    days = (item.day, None) if section == "milestones" else None  # type: ignore[attr-defined]
    return (getattr(item, field),), days


def fact_id(fact: dict[str, Any]) -> str:
    return str(fact["fact"])[:48]


@pytest.fixture(scope="module")
def protocol() -> Protocol:
    return load_protocol("smp")


def test_the_checklist_covers_the_seed_document() -> None:
    assert len(FACTS) >= 20
    for fact in FACTS:
        assert {"fact", "seed", "where", "msgid"} <= fact.keys(), fact


@pytest.mark.parametrize("fact", FACTS, ids=fact_id)
def test_fact_is_in_the_protocol_where_it_belongs(fact: dict[str, Any], protocol: Protocol) -> None:
    texts, days = texts_at(protocol, fact["where"])
    assert fact["msgid"] in texts, f"{fact['where']} does not say: {fact['msgid']}"
    if "days" in fact:
        wanted = fact["days"]
        assert days is not None, fact["where"]
        assert days[0] == wanted[0]
        assert days[1] == (wanted[1] if len(wanted) > 1 else None)


def test_every_fact_message_is_in_the_shipped_template() -> None:
    template = {message.id for message in load_catalog(template_path()) if message.id}
    missing = [fact["msgid"] for fact in FACTS if fact["msgid"] not in template]
    assert missing == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_fact_is_translated(language: str) -> None:
    catalog = load_catalog(po_path(language), language)
    problems = []
    for fact in FACTS:
        message = catalog.get(fact["msgid"])
        translation = message.string if message is not None and isinstance(message.string, str) else ""
        if message is None or message.fuzzy or not translation.strip() or translation == fact["msgid"]:
            problems.append(f"not translated: {fact['fact']}")
            continue
        term = fact.get("terms", {}).get(language)
        if term and term.casefold() not in translation.casefold():
            problems.append(f"{fact['fact']}: the translation lacks {term!r}: {translation}")
    assert problems == []


def test_checklist_terms_cover_every_language() -> None:
    for fact in FACTS:
        if "terms" in fact:
            assert set(fact["terms"]) == set(TRANSLATED), fact["fact"]
