#!/usr/bin/env python3
"""Manage the gettext catalogs with Babel: one `.po` per language serves the PDF and the QML screens.

    python3 packaging/translations.py extract   # Python, QML and protocol texts -> resources/translations/kiosk.pot
    python3 packaging/translations.py update    # merge the template into every language's kiosk.po
    python3 packaging/translations.py compile   # kiosk.po -> kiosk.mo where the .mo is missing or older
    python3 packaging/translations.py check     # complete, not fuzzy, same placeholders, valid plurals, fresh
    python3 packaging/translations.py all       # extract, update, compile, check

Run it inside the project's virtual environment (it needs Babel): `.venv/bin/python packaging/translations.py`.
New texts show up in `update` as empty translations; `check` lists them until a translator fills them in.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.mofile import write_mo  # noqa: E402
from babel.messages.pofile import write_po  # noqa: E402

from kiosk import __version__  # noqa: E402
from kiosk.i18n.catalog import SOURCE_LANGUAGE  # noqa: E402
from kiosk.i18n.checks import (  # noqa: E402
    catalog_problems,
    load_catalog,
    message_key,
    plural_messages,
    stale_compiled,
)
from kiosk.i18n.extract import build_template  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
TEMPLATE = TRANSLATIONS / "kiosk.pot"
# The catalogs we ship. Add a tag here and run `update` to start a new one. English is the source text, so its
# catalog holds only the plural messages: qsTr("%n seconds", "", n) needs "1 second" from somewhere.
LANGUAGES = ("en", "es", "fr", "de", "it", "pt_BR", "nl", "pl", "tr", "ru", "ar", "he")
PO_WIDTH = 116


def say(message: str) -> None:
    print(f"[translations] {message}", file=sys.stderr, flush=True)


def po_file(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / "kiosk.po"


def languages() -> list[str]:
    """The listed languages plus any other catalog folder someone added."""
    found = {path.parent.parent.name for path in TRANSLATIONS.glob("*/LC_MESSAGES/kiosk.po")}
    return sorted(found | set(LANGUAGES))


def _serialise(catalog: Catalog, *, sort: bool = False) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=PO_WIDTH, sort_output=sort, include_previous=False)
    return buffer.getvalue()


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def extract() -> Catalog:
    template = build_template(ROOT)
    changed = _write_if_changed(TEMPLATE, _serialise(template))
    say(f"{len(template)} messages; {TEMPLATE.relative_to(ROOT)} {'updated' if changed else 'unchanged'}")
    return template


def read_template() -> Catalog:
    if not TEMPLATE.is_file():
        return extract()
    return load_catalog(TEMPLATE)


def update() -> None:
    full_template = read_template()
    for language in languages():
        template = template_for(language, full_template)
        path = po_file(language)
        if path.is_file():
            catalog = load_catalog(path, language)
        else:
            say(f"{language}: starting a new catalog")
            catalog = Catalog(
                locale=language,
                project="smp-kiosk",
                copyright_holder="SMP Kiosk contributors",
                language_team="SMP Kiosk translators",
                msgid_bugs_address="",
                fuzzy=False,
            )
        catalog.version = __version__
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.fuzzy = False
        _revive_exact_matches(catalog)
        untranslated = sum(1 for message in catalog if message.id and not _translated(message.string))
        changed = _write_if_changed(path, _serialise(catalog))
        note = f", {untranslated} to translate" if untranslated else ""
        say(f"{language}: {len(catalog)} messages{note}{'' if changed else ' (unchanged)'}")


def template_for(language: str, template: Catalog) -> Catalog:
    """What a language's catalog must hold: everything, or for English only the plural messages."""
    return plural_messages(template) if language == SOURCE_LANGUAGE else template


def _revive_exact_matches(catalog: Catalog) -> None:
    """A text that left the source and came back (a refactor, a moved line) gets its old translation back.

    Only exact matches: fuzzy matching would guess, and a guessed translation can change the advice.
    """
    old = {message_key(message): message for message in catalog.obsolete.values()}
    for message in catalog:
        key = message_key(message)
        if message.id and key in old:
            if not _translated(message.string) and _translated(old[key].string):
                message.string = old[key].string
            for obsolete_key, obsolete in list(catalog.obsolete.items()):
                if message_key(obsolete) == key:
                    del catalog.obsolete[obsolete_key]


def _translated(string: str | Sequence[str] | None) -> bool:
    if isinstance(string, str):
        return bool(string.strip())
    return bool(string) and all(form.strip() for form in string or ())


def compile_catalogs(*, force: bool = False) -> int:
    """Write kiosk.mo beside each kiosk.po that is newer than its .mo; returns how many were written."""
    written = 0
    for language in languages():
        po = po_file(language)
        if not po.is_file():
            continue
        mo = po.with_suffix(".mo")
        if not force and mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalog = load_catalog(po, language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        mo.write_bytes(buffer.getvalue())
        written += 1
    say(f"compiled {written} catalog(s)" if written else "compiled catalogs are up to date")
    return written


def check() -> int:
    """0 when every catalog is complete and sound and the template matches the source; else 1."""
    problems: list[str] = []
    fresh = build_template(ROOT)
    template = read_template()
    stale = {message_key(m) for m in fresh if m.id} ^ {message_key(m) for m in template if m.id}
    if stale:
        problems.append(f"kiosk.pot: {len(stale)} message(s) differ from the source: run extract and update")
    for language in languages():
        path = po_file(language)
        if not path.is_file():
            problems.append(f"{language}: {path.relative_to(ROOT)} is missing: run update")
            continue
        catalog = load_catalog(path, language)
        problems += [f"{language}: {line}" for line in catalog_problems(catalog, template_for(language, fresh))]
    problems += stale_compiled((po_file(lang), po_file(lang).with_suffix(".mo")) for lang in languages())
    for line in problems:
        print(line)
    say(f"{len(problems)} problem(s)" if problems else f"{len(languages())} catalogs are complete")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="translations.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "update", "compile", "check", "all"))
    parser.add_argument("--force", action="store_true", help="compile: rewrite every .mo, stale or not")
    args = parser.parse_args(argv)
    if args.command in {"extract", "all"}:
        extract()
    if args.command in {"update", "all"}:
        update()
    if args.command in {"compile", "all"}:
        compile_catalogs(force=args.force)
    if args.command in {"check", "all"}:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
