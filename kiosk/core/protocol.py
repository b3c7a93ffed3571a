"""The aftercare protocol as data: load a TOML file, validate it, and hand out typed, frozen objects.

A clinic edits the file, never the code. Every problem is reported as one line naming the file and the
field, so a clinic can fix it without reading a traceback.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from msgspec import Struct, field

from kiosk.core.course import Course, KeyDateText, read_course
from kiosk.core.limits import MAX_PROTOCOL_DAY
from kiosk.errors import ProtocolError, shown
from kiosk.paths import is_regular_file, resources_dir

DayOne = Literal["session-day", "day-after"]
HairChoice = Literal["buzz", "long"]
DEFAULT_PROTOCOL_ID = "smp"
MAX_PROTOCOL_TEXT = 1000  # characters in one text: a few plain sentences
MAX_PROTOCOL_ITEMS = 30  # texts in one list (do, avoid), entries in one section


class CareItem(Struct, frozen=True):
    """One instruction with a title, a plain-words text and a pictogram name."""

    id: str
    title: str
    text: str
    pictogram: str


class BeforeCareItem(CareItem, frozen=True):
    hair: Literal["any", "buzz", "long"]

    def applies_to(self, hair: HairChoice | None) -> bool:
        return self.hair == "any" or hair is None or self.hair == hair


class Phase(Struct, frozen=True):
    id: str
    first_day: int
    last_day: int | None  # None: open-ended (the last phase)
    title: str
    summary: str
    pictogram: str
    do: tuple[str, ...]
    avoid: tuple[str, ...]
    milestone: str | None  # id of the milestone marking this phase's first day, if any
    milestone_title: str | None

    def covers(self, day: int) -> bool:
        return day >= self.first_day and (self.last_day is None or day <= self.last_day)


class Milestone(CareItem, frozen=True):
    day: int
    counted_from: Literal["final"]


class Protocol(Struct, frozen=True):
    id: str
    name: str
    source: Path
    day_one: DayOne
    max_sessions: int
    aim: str
    before_care: tuple[BeforeCareItem, ...]
    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    ongoing: tuple[CareItem, ...]
    contact_title: str
    contact_text: str
    course: Course = field(
        default_factory=Course
    )  # main sessions and touch-ups, the gap, the touch-up window, maintenance

    def key_date_text(self, milestone_id: str) -> KeyDateText | None:
        """The words of a day-counted milestone or of a course key date (touch-up window, maintenance)."""
        for milestone in self.milestones:
            if milestone.id == milestone_id:
                return KeyDateText(milestone.title, milestone.text, milestone.pictogram)
        return self.course.key_date_text(milestone_id)

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def phase_for_day(self, day: int) -> Phase:
        """The phase in force on `day` (counted from a session); days before Day 1 get the strictest."""
        for phase in self.phases:
            if phase.covers(day):
                return phase
        return self.phases[0]

    def before_care_for(self, hair: HairChoice | None) -> tuple[BeforeCareItem, ...]:
        return tuple(item for item in self.before_care if item.applies_to(hair))

    @property
    def day_offset(self) -> int:
        """Added to the days elapsed since a session to get its day number."""
        return 1 if self.day_one == "session-day" else 0


def protocols_dir() -> Path:
    return resources_dir() / "protocols"


def available_protocols() -> list[str]:
    return sorted(path.stem for path in protocols_dir().glob("*.toml"))


def resolve_protocol_path(id_or_file: str) -> Path:
    """A shipped protocol id (`smp`) or a path to a TOML file."""
    value = id_or_file.strip()
    if not value:
        raise ProtocolError("--protocol is empty: give a protocol id such as 'smp' or a path to a .toml file")
    looks_like_path = value.endswith(".toml") or "/" in value or "\\" in value
    if looks_like_path:
        path = Path(value)
        if not is_regular_file(path):
            raise ProtocolError(f"protocol file {shown(value)} does not exist: check the path")
        return path
    path = protocols_dir() / f"{value}.toml"
    if not is_regular_file(path):
        known = ", ".join(available_protocols())
        raise ProtocolError(f"unknown protocol '{shown(value)}': use one of {known} or a path to a .toml file")
    return path


def load_protocol(id_or_file: str = DEFAULT_PROTOCOL_ID) -> Protocol:
    path = resolve_protocol_path(id_or_file)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ProtocolError(f"protocol file {path}: is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProtocolError(f"protocol file {path}: is not valid TOML ({exc})") from None
    except OSError as exc:
        raise ProtocolError(f"protocol file {path}: cannot be read ({exc.strerror})") from None
    return _Reader(path).protocol(raw)


class _Reader:
    """Turns the parsed TOML into a Protocol, failing on the first bad field with its dotted name."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, field: str, problem: str) -> ProtocolError:
        return ProtocolError(f"protocol file {self.path}: field '{field}' {problem}")

    def table(self, raw: dict[str, Any], key: str, where: str) -> dict[str, Any]:
        value = raw.get(key)
        if not isinstance(value, dict):
            raise self.fail(f"{where}{key}", "is missing or is not a table")
        return value

    def tables(self, raw: dict[str, Any], key: str, *, allow_empty: bool = False) -> list[dict[str, Any]]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.fail(key, "must be a list of tables ([[" + key + "]])")
        if not value and not allow_empty:
            raise self.fail(key, "must have at least one entry")
        if len(value) > MAX_PROTOCOL_ITEMS:
            raise self.fail(key, f"must have at most {MAX_PROTOCOL_ITEMS} entries")
        return value

    def text(self, raw: dict[str, Any], key: str, where: str, *, optional: bool = False) -> str:
        value = raw.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}{key}", "must be a non-empty text")
        if len(value.strip()) > MAX_PROTOCOL_TEXT:
            raise self.fail(f"{where}{key}", f"must be at most {MAX_PROTOCOL_TEXT} characters: split it up")
        return value.strip()

    def texts(self, raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{where}{key}", "must be a list of non-empty texts")
        if any(len(v.strip()) > MAX_PROTOCOL_TEXT for v in value) or len(value) > MAX_PROTOCOL_ITEMS:
            raise self.fail(
                f"{where}{key}", f"must be at most {MAX_PROTOCOL_ITEMS} texts of {MAX_PROTOCOL_TEXT} characters"
            )
        return tuple(v.strip() for v in value)

    def day(self, raw: dict[str, Any], key: str, where: str, *, optional: bool = False) -> int | None:
        value = raw.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{where}{key}", "must be a whole number of days")
        if not 1 <= value <= MAX_PROTOCOL_DAY:
            raise self.fail(f"{where}{key}", f"must be from 1 to {MAX_PROTOCOL_DAY} (ten years), not {shown(value)}")
        return value

    def choice(self, raw: dict[str, Any], key: str, where: str, allowed: tuple[str, ...], default: str) -> str:
        value = raw.get(key, default)
        if value not in allowed:
            raise self.fail(f"{where}{key}", f"must be one of {', '.join(allowed)}, not '{shown(value)}'")
        return str(value)

    def unique_ids(self, items: list[dict[str, Any]], section: str) -> list[str]:
        ids: list[str] = []
        for index, item in enumerate(items):
            item_id = self.text(item, "id", f"{section}[{index}].")
            if item_id in ids:
                raise self.fail(f"{section}[{index}].id", f"repeats the id '{item_id}'")
            ids.append(item_id)
        return ids

    def protocol(self, raw: dict[str, Any]) -> Protocol:
        protocol_id = self.text(raw, "id", "")
        max_sessions = self.day(raw, "max_sessions", "", optional=True) or 6
        contact = self.table(raw, "contact", "")
        phases, milestones = self.phases(raw), self.milestones(raw)
        phase_milestones = [phase.milestone for phase in phases if phase.milestone]
        for index, milestone in enumerate(milestones):
            if milestone.id in phase_milestones:
                raise self.fail(f"milestones[{index}].id", f"repeats the phase milestone id '{milestone.id}'")
        return Protocol(
            id=protocol_id,
            name=self.text(raw, "name", ""),
            source=self.path,
            day_one=self.choice(raw, "day_one", "", ("session-day", "day-after"), "session-day"),  # type: ignore[arg-type]
            max_sessions=max_sessions,
            aim=self.text(raw, "aim", "", optional=True),
            before_care=self.before_care(raw),
            phases=phases,
            milestones=milestones,
            ongoing=self.ongoing(raw),
            contact_title=self.text(contact, "title", "contact."),
            contact_text=self.text(contact, "text", "contact."),
            course=read_course(raw, self.fail),
        )

    def care_fields(self, item: dict[str, Any], where: str) -> dict[str, str]:
        return {
            "id": self.text(item, "id", where),
            "title": self.text(item, "title", where),
            "text": self.text(item, "text", where),
            "pictogram": self.text(item, "pictogram", where),
        }

    def before_care(self, raw: dict[str, Any]) -> tuple[BeforeCareItem, ...]:
        items = self.tables(raw, "before_care")
        self.unique_ids(items, "before_care")
        result = []
        for index, item in enumerate(items):
            where = f"before_care[{index}]."
            hair = self.choice(item, "hair", where, ("any", "buzz", "long"), "any")
            result.append(BeforeCareItem(**self.care_fields(item, where), hair=hair))  # type: ignore[arg-type]
        return tuple(result)

    def phases(self, raw: dict[str, Any]) -> tuple[Phase, ...]:
        items = self.tables(raw, "phases")
        self.unique_ids(items, "phases")
        phases: list[Phase] = []
        expected_first = 1
        for index, item in enumerate(items):
            where = f"phases[{index}]."
            first = self.day(item, "first_day", where)
            last = self.day(item, "last_day", where, optional=True)
            assert first is not None
            is_last = index == len(items) - 1
            if first != expected_first:
                problem = "overlaps the phase before it" if first < expected_first else "leaves a gap"
                raise self.fail(f"{where}first_day", f"is {first} and {problem}: it must be {expected_first}")
            if last is None and not is_last:
                raise self.fail(f"{where}last_day", "is missing: only the last phase may be open-ended")
            if last is not None and is_last:
                raise self.fail(f"{where}last_day", "must be left out: the last phase lasts until the end")
            if last is not None and last < first:
                raise self.fail(f"{where}last_day", f"is {last}, before first_day {first}")
            milestone = self.text(item, "milestone", where, optional=True) or None
            milestone_title = self.text(item, "milestone_title", where, optional=milestone is None) or None
            phases.append(
                Phase(
                    id=self.text(item, "id", where),
                    first_day=first,
                    last_day=last,
                    title=self.text(item, "title", where),
                    summary=self.text(item, "summary", where),
                    pictogram=self.text(item, "pictogram", where),
                    do=self.texts(item, "do", where),
                    avoid=self.texts(item, "avoid", where),
                    milestone=milestone,
                    milestone_title=milestone_title,
                )
            )
            expected_first = (last or first) + 1
        return tuple(phases)

    def milestones(self, raw: dict[str, Any]) -> tuple[Milestone, ...]:
        items = self.tables(raw, "milestones")
        self.unique_ids(items, "milestones")
        result = []
        for index, item in enumerate(items):
            where = f"milestones[{index}]."
            day = self.day(item, "day", where)
            assert day is not None
            counted_from = self.choice(item, "counted_from", where, ("final",), "final")
            result.append(Milestone(**self.care_fields(item, where), day=day, counted_from=counted_from))  # type: ignore[arg-type]
        return tuple(result)

    def ongoing(self, raw: dict[str, Any]) -> tuple[CareItem, ...]:
        items = self.tables(raw, "ongoing", allow_empty=True)
        self.unique_ids(items, "ongoing")
        return tuple(CareItem(**self.care_fields(item, f"ongoing[{i}].")) for i, item in enumerate(items))
