"""The settings examples in the README and the docs are read by the kiosk's own schema, so they stay true: every
kiosk.toml example loads, every key of the schema is in docs/settings.md, the files named there are the ones the
code names, and every `smp-kiosk COMMAND` in the docs is a command."""

from __future__ import annotations

import re
from pathlib import Path

import msgspec
import pytest

from kiosk.cli import build_parser
from kiosk.settings import files
from kiosk.settings.schema import KioskFile, SmtpFile, load_kiosk_file

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "docs" / "settings.md", ROOT / "docs" / "install-linux.md"]
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def blocks(kind: str) -> list[tuple[Path, str]]:
    return [
        (doc, body) for doc in DOCS for lang, body in FENCE.findall(doc.read_text(encoding="utf-8")) if lang == kind
    ]


@pytest.mark.parametrize(("doc", "body"), blocks("toml"), ids=lambda value: getattr(value, "name", ""))
def test_every_kiosk_toml_example_loads(doc: Path, body: str, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(body, encoding="utf-8")
    load_kiosk_file(path)  # UserError naming the key if the docs drifted from the schema


def test_every_setting_is_in_the_settings_example() -> None:
    [(_, example)] = [(doc, body) for doc, body in blocks("toml") if doc.name == "settings.md"]
    keys = set(re.findall(r"^(\w+) =", example, re.MULTILINE))
    schema = {field.name for field in msgspec.structs.fields(KioskFile) if field.name != "smtp"}
    schema |= {field.name for field in msgspec.structs.fields(SmtpFile)}
    assert keys == schema and "[smtp]" in example


def test_the_files_named_in_the_docs_are_the_codes() -> None:
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([\w.-]+)` \|", text, re.MULTILINE))
    named = {files.KIOSK_FILE, files.STATE_FILE, files.SETTINGS_COPY, files.SECRET_KEY_FILE, files.DATABASE_FILE}
    assert table == named


def test_every_command_in_the_docs_exists() -> None:
    parser = build_parser()
    commands = {action.dest: action for action in parser._actions}["command"].choices
    assert commands is not None
    used = {
        word
        for _, body in blocks("sh")
        for word in re.findall(r"(?:^|[\s(`])smp-kiosk (\w[\w-]*)", body, re.MULTILINE)
        if not word.startswith("-")
    }
    assert used and used <= set(commands), used - set(commands)
