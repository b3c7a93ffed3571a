"""What a visit's record holds, and how the front desk sees it.

`CheckIn` is one state of a visit's record (see kiosk.core.visit_record): made by the kiosk as soon as the
client has given a first name and their session, then again at each step with a higher `revision`, under the
same `uid`. It holds only the first name and the last initial (never the full last name or an email address).
`CheckInSummary` is what the staff screen, `records` and the CSV export show, with the before-care flags
worked out.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from typing import Literal

from kiosk.core.visit_record import VisitOutcome, VisitStep
from kiosk.errors import UserError

Hair = Literal["buzz", "long"]
Session = int | Literal["touch-up"]
TOUCH_UP: Literal["touch-up"] = "touch-up"
MAX_FIRST_NAME = 80
MAX_INITIAL = 8
_EMAIL = re.compile(r"@\S*")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8}){0,3}$")


class Flag(enum.Enum):
    """Something the front desk should look at before the session starts.

    NOT_MOISTURISED: the client did not confirm they moisturised the scalp (they said no, or skipped it).
    NOT_BUZZ_CUT: the client said neither "I buzz cut with a zero guard" nor "I am keeping my length
    for density correction", so the head is probably not ready yet.
    RECEIPT_MISSING: the clinic asks for a signed receipt and this check-in has none.
    """

    NOT_MOISTURISED = "not-moisturised"
    NOT_BUZZ_CUT = "not-buzz-cut"
    RECEIPT_MISSING = "receipt-missing"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_zone(tz: dt.tzinfo | None = None) -> dt.tzinfo:
    return tz or dt.datetime.now().astimezone().tzinfo or dt.UTC


def clean_name(text: str, max_length: int = MAX_FIRST_NAME) -> str:
    """A typed name without control characters or runaway spaces, cut to max_length."""
    kept = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char.isspace():
            kept.append(" ")
        elif category == "Cc" or (category == "Cf" and char not in "\u200c\u200d"):
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())[:max_length].strip()


def initial_of(last_name: str) -> str:
    """The first letter of a last name with any accents on it, upper-cased where the script has case."""
    name = clean_name(last_name)
    if not name:
        return ""
    end = 1
    while end < len(name) and unicodedata.combining(name[end]):
        end += 1
    return name[:end].upper()[:MAX_INITIAL]


def session_text(session: Session) -> str:
    return TOUCH_UP if session == TOUCH_UP else str(session)


def session_from_text(text: str) -> Session:
    if text == TOUCH_UP:
        return TOUCH_UP
    return int(text)


@dataclass(frozen=True)
class CheckIn:
    """One state of a visit's record, ready to store. Build it with `CheckIn.create(...)`."""

    uid: str
    first_name: str
    last_initial: str
    session: Session
    session_date: dt.date
    language: str
    moisturised: bool | None
    hair: Hair | None
    receipt_required: bool
    signature_strokes: str | None  # JSON from kiosk.store.receipt.Signature.to_json()
    signature_png: bytes | None
    checked_in_at: dt.datetime  # aware, UTC: when the record started
    kiosk_id: str
    step: VisitStep = VisitStep.FINISH  # where the visit is, or where it ended
    outcome: VisitOutcome = VisitOutcome.FINISHED
    calendar_made: bool = True
    printed: bool | None = False  # None: not known (records from before visits had a life)
    emailed: bool | None = False
    revision: int = 1  # the kiosk's count of this visit's states: a higher one replaces a lower one
    updated_at: dt.datetime | None = None  # aware, UTC; None: checked_in_at

    @classmethod
    def create(
        cls,
        *,
        first_name: str,
        last_name: str,
        session: Session,
        session_date: dt.date,
        language: str,
        moisturised: bool | None,
        hair: Hair | None,
        kiosk_id: str,
        receipt_required: bool = False,
        signature_strokes: str | None = None,
        signature_png: bytes | None = None,
        checked_in_at: dt.datetime | None = None,
        uid: str | None = None,
        step: VisitStep = VisitStep.FINISH,
        outcome: VisitOutcome = VisitOutcome.FINISHED,
        calendar_made: bool = True,
        printed: bool = False,
        emailed: bool = False,
        revision: int = 1,
        updated_at: dt.datetime | None = None,
    ) -> CheckIn:
        """Keep only the first name and the last initial; raise UserError for a check-in that makes no sense."""
        first = clean_name(_EMAIL.sub("", first_name))  # an address typed as a name is not kept
        if not first:
            raise UserError("the first name is empty: a check-in needs at least a first name")
        if session != TOUCH_UP and not (isinstance(session, int) and 1 <= session <= 9):
            raise UserError(f"session {session!r} is not a session number: use 1 to 9 or 'touch-up'")
        if hair not in (None, "buzz", "long"):
            raise UserError(f"hair choice {hair!r} is not known: use 'buzz' or 'long'")
        if len(language) > 16 or not _LANGUAGE_TAG.match(language):
            raise UserError(f"language {language!r} is not a language tag such as en or pt_BR")
        if not kiosk_id.strip():
            raise UserError("the kiosk id is empty: set one in the kiosk configuration")
        when = checked_in_at or dt.datetime.now(dt.UTC)
        if when.tzinfo is None or (updated_at is not None and updated_at.tzinfo is None):
            raise UserError("the check-in time has no time zone")
        if revision < 1:
            raise UserError(f"revision {revision} is not a count of the visit's states: use 1 or more")
        return cls(
            uid=uid or str(uuid.uuid4()),
            first_name=first,
            last_initial=initial_of(last_name),
            session=session,
            session_date=session_date,
            language=language,
            moisturised=moisturised,
            hair=hair,
            receipt_required=receipt_required,
            signature_strokes=signature_strokes,
            signature_png=signature_png,
            checked_in_at=when.astimezone(dt.UTC),
            kiosk_id=kiosk_id.strip()[:64],
            step=step,
            outcome=outcome,
            calendar_made=calendar_made,
            printed=printed,
            emailed=emailed,
            revision=revision,
            updated_at=updated_at.astimezone(dt.UTC) if updated_at else None,
        )

    @property
    def signed(self) -> bool:
        return self.signature_strokes is not None or self.signature_png is not None

    @property
    def last_change(self) -> dt.datetime:
        return self.updated_at or self.checked_in_at


def flags_for(moisturised: bool | None, hair: Hair | None, receipt_required: bool, signed: bool) -> tuple[Flag, ...]:
    flags = []
    if moisturised is not True:
        flags.append(Flag.NOT_MOISTURISED)
    if hair is None:
        flags.append(Flag.NOT_BUZZ_CUT)
    if receipt_required and not signed:
        flags.append(Flag.RECEIPT_MISSING)
    return tuple(flags)


@dataclass(frozen=True)
class CheckInSummary:
    """One line of the staff screen. `pending`: not in the database yet (held in the spool); `cached`: as this
    kiosk last read it from the database, which is away now."""

    uid: str
    first_name: str
    last_initial: str
    session: Session
    session_date: dt.date
    language: str
    moisturised: bool | None
    hair: Hair | None
    receipt_required: bool
    signed: bool
    checked_in_at: dt.datetime
    kiosk_id: str
    pending: bool = False
    flags: tuple[Flag, ...] = field(default=())
    step: VisitStep = VisitStep.FINISH
    outcome: VisitOutcome = VisitOutcome.FINISHED
    calendar_made: bool = True
    printed: bool | None = False
    emailed: bool | None = False
    updated_at: dt.datetime | None = None
    cached: bool = False

    @property
    def display_name(self) -> str:
        """'Anna K.' ('Anna' when no last name was given)."""
        return f"{self.first_name} {self.last_initial}." if self.last_initial else self.first_name

    @classmethod
    def of(cls, check_in: CheckIn, *, pending: bool, cached: bool = False) -> CheckInSummary:
        return cls(
            uid=check_in.uid,
            first_name=check_in.first_name,
            last_initial=check_in.last_initial,
            session=check_in.session,
            session_date=check_in.session_date,
            language=check_in.language,
            moisturised=check_in.moisturised,
            hair=check_in.hair,
            receipt_required=check_in.receipt_required,
            signed=check_in.signed,
            checked_in_at=check_in.checked_in_at,
            kiosk_id=check_in.kiosk_id,
            pending=pending,
            flags=flags_for(check_in.moisturised, check_in.hair, check_in.receipt_required, check_in.signed),
            step=check_in.step,
            outcome=check_in.outcome,
            calendar_made=check_in.calendar_made,
            printed=check_in.printed,
            emailed=check_in.emailed,
            updated_at=check_in.last_change,
            cached=cached,
        )
