"""Quality checks for translation catalogs, shared by `packaging/translations.py check` and the tests.

A catalog passes when every message of the template is in it and translated (every plural form), nothing
is fuzzy, the placeholders ({name}, %1, %n, ...) are exactly the msgid's, the digits of the msgid (day
numbers such as "day 4") are kept, the Plural-Forms header is the CLDR rule of the Babel in uv.lock, and Babel's
own checkers (plural form count, %-formats) are happy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

# {name}, {count}, {0}; Qt's %1 .. %99, %L1, %n; C/Python %s, %d, %(name)s.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|\{\d+\}|%L?\d{1,2}|%n|%\([A-Za-z_]+\)[sd]|%[sd]")
_DIGITS = re.compile(r"\d+")


def load_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def placeholders(text: str) -> Counter[str]:
    return Counter(_PLACEHOLDER.findall(text))


def digits_outside_placeholders(text: str) -> Counter[str]:
    return Counter(_DIGITS.findall(_PLACEHOLDER.sub("", text)))


def message_key(message: Message) -> tuple[str, str | None]:
    """(msgid, msgctxt): a message's identity in a catalog."""
    ident = message.id if isinstance(message.id, str) else message.id[0]
    return ident, message.context


def _forms(message: Message) -> list[tuple[str, str]]:
    """Each translation form paired with the source text it must match (singular or plural msgid)."""
    if isinstance(message.id, str):
        string = message.string if isinstance(message.string, str) else ""
        return [(message.id, string)]
    singular, plural = message.id[0], message.id[1]
    strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string or ""]
    return [(singular if index == 0 else plural, text or "") for index, text in enumerate(strings)]


def _describe(message: Message) -> str:
    ident, context = message_key(message)
    where = f" (context {context!r})" if context else ""
    return f"{ident!r}{where}"


def message_problems(message: Message, num_plurals: int) -> list[str]:
    problems: list[str] = []
    name = _describe(message)
    if message.fuzzy:
        problems.append(f"{name}: is marked fuzzy")
    forms = _forms(message)
    if message.pluralizable and len(forms) != num_plurals:
        problems.append(f"{name}: has {len(forms)} plural forms, the language needs {num_plurals}")
    for index, (source, translation) in enumerate(forms):
        label = f"{name} form {index}" if message.pluralizable else name
        if not translation.strip():
            problems.append(f"{label}: is not translated")
            continue
        if placeholders(translation) != placeholders(source):
            want, got = sorted(placeholders(source).elements()), sorted(placeholders(translation).elements())
            problems.append(f"{label}: placeholders {got} differ from the msgid's {want}")
        missing = digits_outside_placeholders(source) - digits_outside_placeholders(translation)
        if missing:
            problems.append(f"{label}: drops the number(s) {sorted(missing)} of the msgid")
    return problems


def plural_messages(template: Catalog) -> Catalog:
    """The plural messages of a template: all an English catalog needs (the source text is English)."""
    subset = Catalog(locale=template.locale, fuzzy=False, creation_date=template.creation_date)
    for message in template:
        if message.id and message.pluralizable:
            subset[message.id] = message
    return subset


def catalog_problems(catalog: Catalog, template: Catalog | None = None) -> list[str]:
    """Everything wrong with one language's catalog, as lines a translator can act on."""
    problems = plural_rule_problems(catalog)
    if template is not None:
        have = {message_key(message) for message in catalog if message.id}
        for message in template:
            if message.id and message_key(message) not in have:
                problems.append(f"{_describe(message)}: is missing (run packaging/translations.py update)")
    for message in catalog:
        if not message.id:
            continue
        problems.extend(message_problems(message, catalog.num_plurals))
    for message, errors in catalog.check():
        problems.extend(f"{_describe(message)}: {error}" for error in errors)
    return problems


def plural_rule_problems(catalog: Catalog) -> list[str]:
    """A header whose plural rule is not the CLDR rule Babel gives the language (say, after a Babel upgrade)."""
    if catalog.locale is None:
        return []
    rule = get_plural(catalog.locale)
    if (catalog.num_plurals, catalog.plural_expr) == (rule.num_plurals, rule.plural_expr):
        return []
    return [
        f"Plural-Forms: has nplurals={catalog.num_plurals}; plural={catalog.plural_expr}, Babel's rule for "
        f"{catalog.locale} is nplurals={rule.num_plurals}; plural={rule.plural_expr} (write every plural "
        "message's forms for it)"
    ]


def stale_compiled(pairs: Iterable[tuple[Path, Path]]) -> list[str]:
    """(po, mo) pairs whose .mo is missing or older than the .po."""
    problems = []
    for po, mo in pairs:
        if not mo.is_file():
            problems.append(f"{mo} is missing: run python3 packaging/translations.py compile")
        elif mo.stat().st_mtime < po.stat().st_mtime:
            problems.append(f"{mo} is older than {po.name}: run python3 packaging/translations.py compile")
    return problems
