"""The protocol file: the shipped default, and one clear line for every way a clinic can break it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.protocol import load_protocol
from kiosk.errors import ProtocolError

DEFAULT = load_protocol("smp")


def test_the_default_protocol_holds_the_seed_timeline() -> None:
    assert DEFAULT.id == "smp"
    assert DEFAULT.day_one == "session-day"
    assert [(p.id, p.first_day, p.last_day) for p in DEFAULT.phases] == [
        ("dry", 1, 3),
        ("gentle", 4, 6),
        ("normal", 7, None),
    ]
    assert [(m.id, m.day, m.counted_from) for m in DEFAULT.milestones] == [("all-clear", 30, "final")]
    assert [item.id for item in DEFAULT.before_care] == ["moisturise", "buzz-cut", "keep-length", "relax"]
    assert [item.id for item in DEFAULT.ongoing] == ["sunscreen", "moisturiser"]
    assert "photos" in DEFAULT.contact_text


def test_before_care_follows_the_hair_choice() -> None:
    assert [i.id for i in DEFAULT.before_care_for("buzz")] == ["moisturise", "buzz-cut", "relax"]
    assert [i.id for i in DEFAULT.before_care_for("long")] == ["moisturise", "keep-length", "relax"]
    assert len(DEFAULT.before_care_for(None)) == 4


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT.source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "clinic.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_clinic_can_change_the_day_counts(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "last_day = 3\n", "last_day = 4\n")
    path.write_text(path.read_text().replace("first_day = 4\n", "first_day = 5\n", 1))
    protocol = load_protocol(str(path))
    assert protocol.phase_for_day(4).id == "dry"
    assert protocol.phase_for_day(5).id == "gentle"


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        ("first_day = 4\n", "first_day = -4\n", "phases[1].first_day", "from 1 to 3650"),
        ("first_day = 4\n", "first_day = 3\n", "phases[1].first_day", "overlaps"),
        ("first_day = 4\n", "first_day = 5\n", "phases[1].first_day", "gap"),
        ("last_day = 6\n", "last_day = 2\n", "phases[1].last_day", "before first_day"),
        ("last_day = 6\n", "", "phases[1].last_day", "missing"),
        ("day = 30\n", 'day = "thirty"\n', "milestones[0].day", "whole number"),
        ('title = "Gentle care"\n', "", "phases[1].title", "non-empty text"),
        ('id = "gentle"\n', 'id = "dry"\n', "phases[1].id", "repeats"),
        ('counted_from = "final"\n', 'counted_from = "first"\n', "milestones[0].counted_from", "one of"),
        ('hair = "buzz"\n', 'hair = "short"\n', "before_care[1].hair", "one of"),
    ],
)
def test_a_broken_protocol_names_the_file_and_the_field(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    path = write_variant(tmp_path, old, new)
    with pytest.raises(ProtocolError) as caught:
        load_protocol(str(path))
    message = str(caught.value)
    assert str(path) in message
    assert f"'{field}'" in message
    assert problem in message
    assert "\n" not in message


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("id = 'smp'\n[[phases]\n", encoding="utf-8")
    with pytest.raises(ProtocolError, match="is not valid TOML"):
        load_protocol(str(path))


def test_missing_file_and_unknown_id() -> None:
    with pytest.raises(ProtocolError, match="does not exist"):
        load_protocol("/nowhere/protocol.toml")
    with pytest.raises(ProtocolError, match="unknown protocol 'tattoo': use one of smp"):
        load_protocol("tattoo")
    with pytest.raises(ProtocolError, match="empty"):
        load_protocol("  ")
