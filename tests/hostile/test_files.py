"""Hostile protocol files and clinic profiles: every bad number or type is one line naming the file and field."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.clinic import load_clinic
from kiosk.core.limits import MAX_PROTOCOL_DAY
from kiosk.core.protocol import load_protocol, protocols_dir
from kiosk.core.schedule import build_schedule
from kiosk.errors import ProtocolError, UserError
from kiosk.paths import resources_dir

from .conftest import SESSION, TODAY, assert_refused, run_cli

SMP = protocols_dir() / "smp.toml"
DEMO = resources_dir() / "clinics" / "demo.toml"

# TOML spellings of hostile numbers and wrong types
HOSTILE_NUMBERS = [
    pytest.param("nan", id="nan"),
    pytest.param("inf", id="inf"),
    pytest.param("-inf", id="minus-inf"),
    pytest.param("1e309", id="float-overflow"),
    pytest.param("9223372036854775807", id="int64-max"),
    pytest.param("999999999", id="billion-days"),
    pytest.param(str(MAX_PROTOCOL_DAY + 1), id="just-over-the-bound"),
    pytest.param("0", id="zero"),
    pytest.param("-3", id="negative"),
    pytest.param("3.5", id="fraction"),
    pytest.param('"3"', id="text"),
    pytest.param("true", id="boolean"),
    pytest.param("[3]", id="list"),
    pytest.param("{ days = 3 }", id="table"),
    pytest.param("1979-05-27", id="toml-date"),
]

FIELDS = [
    pytest.param("last_day = 3\n", "last_day = {}\n", "phases[0].last_day", id="phase-last-day"),
    pytest.param("first_day = 4\n", "first_day = {}\n", "phases[1].first_day", id="phase-first-day"),
    pytest.param("day = 30\n", "day = {}\n", "milestones[0].day", id="milestone-day"),
    pytest.param("max_sessions = 6\n", "max_sessions = {}\n", "max_sessions", id="max-sessions"),
]


def _variant(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
@pytest.mark.parametrize(("old", "template", "field"), FIELDS)
def test_a_hostile_day_count_is_refused_with_its_field(
    tmp_path: Path, old: str, template: str, field: str, value: str
) -> None:
    path = _variant(tmp_path, SMP, old, template.format(value))
    with pytest.raises(ProtocolError) as caught:
        load_protocol(str(path))
    message = str(caught.value)
    assert f"'{field}'" in message or "overlaps" in message or "leaves a gap" in message, message
    assert str(path) in message


@pytest.mark.parametrize("value", ["nan", "1e309", "999999999", '"3"'])
def test_a_hostile_milestone_day_through_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    path = _variant(tmp_path, SMP, "day = 30\n", f"day = {value}\n")
    outcome = run_cli(capsys, "--today", TODAY, "schedule", "--session", SESSION, "--protocol", str(path))
    assert_refused(outcome, "milestones[0].day")


def test_the_longest_allowed_protocol_still_makes_every_output(tmp_path: Path) -> None:
    path = _variant(tmp_path, SMP, "day = 30\n", f"day = {MAX_PROTOCOL_DAY}\n")
    protocol = load_protocol(str(path))
    schedule = build_schedule([dt.date(9000, 12, 31)], protocol, dt.date(9000, 12, 31))
    assert schedule.end == dt.date(9000, 12, 31) + dt.timedelta(days=MAX_PROTOCOL_DAY - 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.one_of(
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=True, allow_infinity=True),
    )
)
def test_any_number_as_a_milestone_day_gives_a_plan_or_a_protocol_error(tmp_path: Path, value: float) -> None:
    literal = repr(value) if not isinstance(value, float) or math.isfinite(value) else str(value).lower()
    literal = {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(literal, literal)
    path = _variant(tmp_path, SMP, "day = 30\n", f"day = {literal}\n")
    try:
        protocol = load_protocol(str(path))
    except ProtocolError as exc:
        assert "milestones[0].day" in str(exc)
        return
    schedule = build_schedule([dt.date(2026, 11, 24)], protocol, dt.date(2026, 11, 20))
    assert schedule.milestones


CLINIC_FIELDS = [
    pytest.param('name = "Northside Scalp Studio"\n', "name = 3\n", "'name'", id="name-number"),
    pytest.param('name = "Northside Scalp Studio"\n', 'name = ""\n', "'name'", id="name-empty"),
    pytest.param('region = "GB"\n', 'region = "GBR"\n', "'region'", id="region-three-letters"),
    pytest.param('region = "GB"\n', "region = nan\n", "'region'", id="region-nan"),
    pytest.param('region = "GB"\n', 'region = "Ğ1"\n', "'region'", id="region-not-ascii"),
    pytest.param("languages = []\n", "languages = inf\n", "'languages'", id="languages-inf"),
    pytest.param("languages = []\n", "languages = [1e309]\n", "'languages'", id="languages-float"),
    pytest.param('logo = "demo-logo.png"\n', 'logo = "../../../../etc/missing.png"\n', "'logo'", id="logo-missing"),
    pytest.param('logo = "demo-logo.png"\n', "logo = 9223372036854775807\n", "'logo'", id="logo-number"),
    pytest.param('id = "demo"\n', 'id = ["demo"]\n', "'id'", id="id-list"),
    pytest.param('protocol = "smp"\n', "protocol = -1\n", "'protocol'", id="protocol-number"),
    pytest.param('phone = "+44 20 7946 0958"\n', "phone = 442079460958\n", "'phone'", id="phone-number"),
]


@pytest.mark.parametrize(("old", "new", "field"), CLINIC_FIELDS)
def test_a_hostile_clinic_profile_is_one_line_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, field: str
) -> None:
    path = _variant(tmp_path, DEMO, old, new)
    (tmp_path / "demo-logo.png").write_bytes((DEMO.parent / "demo-logo.png").read_bytes())
    with pytest.raises(UserError) as caught:
        load_clinic(str(path))
    assert field in str(caught.value)
    out = tmp_path / "c.pdf"
    outcome = run_cli(
        capsys, "--today", TODAY, "calendar", "--name", "Sam", "--session", SESSION, "--clinic", str(path),
        "--out", str(out),
    )  # fmt: skip
    assert_refused(outcome, field)
    assert not out.exists()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b'id = "demo"\n' * 3, id="repeated-key"),
        pytest.param(b"[[[", id="broken-toml"),
        pytest.param(b"", id="empty-file"),
        pytest.param(b"a = 1\n" * 200_000, id="big-file"),
    ],
)
@pytest.mark.parametrize("kind", ["protocol", "clinic"])
def test_a_broken_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, kind: str
) -> None:
    path = tmp_path / f"{kind}.toml"
    path.write_bytes(content)
    option = "--protocol" if kind == "protocol" else "--clinic"
    out = tmp_path / "c.pdf"
    outcome = run_cli(
        capsys,
        "--today",
        TODAY,
        "calendar",
        "--name",
        "Sam",
        "--session",
        SESSION,
        option,
        str(path),
        "--out",
        str(out),
    )
    assert_refused(outcome, str(path)[:40])
    assert not out.exists()


@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, -math.inf, 10**20, 0, -1, 366, True, "3", 3.0, None],
    ids=["nan", "inf", "minus-inf", "huge", "zero", "negative", "over-a-year", "boolean", "text", "float", "none"],
)
@pytest.mark.parametrize("key", ["dry", "all-clear"])
def test_a_hostile_day_count_in_the_clinic_settings_is_refused(value: object, key: str) -> None:
    from kiosk.store.settings import ClinicSettings, SettingError  # noqa: PLC0415

    with pytest.raises(SettingError) as caught:
        ClinicSettings(name="Clinic", day_counts={key: value}).validate()  # type: ignore[dict-item]
    assert caught.value.setting == f"day_counts.{key}"


LONG = "Ab" * 50_000  # one 100,000-character word: wrapping it would take minutes


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        pytest.param('title = "Keep your scalp dry"\n', f'title = "{LONG}"\n', "phases[0].title", id="phase-title"),
        pytest.param("day = 30\n", f'day = 30\ntitle_extra = "{LONG}"\n', None, id="unknown-keys-are-ignored"),
    ],
)
def test_a_long_protocol_text_is_refused_at_once(tmp_path: Path, old: str, new: str, field: str | None) -> None:
    path = _variant(tmp_path, SMP, old, new)
    if field is None:
        load_protocol(str(path))
        return
    with pytest.raises(ProtocolError, match=re.escape(f"'{field}' must be at most 1000 characters")):
        load_protocol(str(path))


def test_too_many_protocol_entries_are_refused(tmp_path: Path) -> None:
    text = SMP.read_text(encoding="utf-8")
    extra = "".join(f'\n[[ongoing]]\nid = "extra-{n}"\ntitle = "T"\ntext = "T"\npictogram = "sun"\n' for n in range(40))
    path = tmp_path / "many.toml"
    path.write_text(text + extra, encoding="utf-8")
    with pytest.raises(ProtocolError, match="'ongoing' must have at most 30 entries"):
        load_protocol(str(path))


@pytest.mark.parametrize("field", ["name", "address", "phone"])
def test_a_long_clinic_text_is_refused_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path, field: str) -> None:
    text = DEMO.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{field} = "))
    path = _variant(tmp_path, DEMO, line + "\n", f'{field} = "{LONG}"\n')
    (tmp_path / "demo-logo.png").write_bytes((DEMO.parent / "demo-logo.png").read_bytes())
    args = ["--today", TODAY, "calendar", "--name", "Sam", "--session", SESSION, "--clinic", str(path)]
    assert_refused(run_cli(capsys, *args, "--out", str(tmp_path / "c.pdf")), f"'{field}'", "at most 300")


@pytest.mark.parametrize("command", ["calendar", "email"])
def test_a_very_long_name_is_refused_at_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path, command: str
) -> None:
    pdf = tmp_path / "c.pdf"
    if command == "calendar":
        outcome = run_cli(capsys, "--today", TODAY, "calendar", "--name", LONG, "--session", SESSION, "--out", str(pdf))
    else:
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
        outcome = run_cli(capsys, "email", str(pdf), "--to", "client@example.com", "--name", LONG)
    line = assert_refused(outcome, "--name", "121")
    assert LONG[:200] not in line
