"""The one model the QML screens bind to: a thin Qt face over kiosk.core.flow.Flow.

Slots turn taps into flow events; after every event `changed` fires and the screens re-read what they show.
Texts from Python (protocol items, dates, language names, problems) come through gettext in the visit's
language; texts written in QML use qsTr.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QThreadPool, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core import flow as f
from kiosk.core.clinic import Clinic
from kiosk.core.flow import CarePageKind, Flow, PdfStatus, Step
from kiosk.core.kiosk_config import KioskConfig
from kiosk.core.protocol import Protocol
from kiosk.core.readaloud import ReadAloudSettings
from kiosk.core.visit_record import VisitProgress, VisitRecorder
from kiosk.documents.pdf import CalendarRequest
from kiosk.i18n import is_rtl, language_name, supported_languages, translations
from kiosk.i18n.dates import clinic_date, date_field_order, month_name
from kiosk.i18n.regional import local_tag
from kiosk.paths import resources_dir
from kiosk.store.effective import EffectiveSettings
from kiosk.ui.calendar_job import CalendarImages, CalendarJob, CalendarResult
from kiosk.ui.dates import shift_date
from kiosk.ui.handover_bridge import HandoverBridge
from kiosk.ui.signature_pad import pad_signature, signature_json
from kiosk.ui.speech import Speech
from kiosk.ui.staff_lock import StaffLock

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1


def offered_languages(clinic: Clinic) -> tuple[str, ...]:
    """The shipped languages (English first) that the clinic offers; every one when it lists none."""
    shipped = supported_languages()
    chosen = tuple(tag for tag in shipped if not clinic.languages or tag in clinic.languages)
    default = clinic.default_language if clinic.default_language in shipped else "en"
    return chosen if default in chosen else (default, *chosen)


def pictogram_url(name: str) -> str:
    path = resources_dir() / "pictograms" / f"{name}.svg"
    return QUrl.fromLocalFile(str(path)).toString() if path.is_file() else ""


@QmlElement
@QmlUncreatable("KioskModel is made by the kiosk application")
class KioskModel(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    changed = Signal()  # anything shown on a screen may have changed
    activity = Signal()  # the client touched the screen or typed
    wiped = Signal()  # the client's data is gone; the welcome screen shows
    # A state of the visit's record to write (kiosk.core.visit_record.VisitProgress) and whether the clinic asks
    # for a signed receipt: from the session screen on, at each step, and when the visit ends.
    visitProgressed = Signal(object, bool)  # noqa: N815
    languageSwitched = Signal(str)  # noqa: N815 - install the catalog and retranslate
    settingsChanged = Signal()  # noqa: N815
    clinicChanged = Signal()  # noqa: N815 - clinic settings were applied (between clients)
    helpAsked = Signal(str)  # noqa: N815 - "Ask a member of staff" on this screen: tell the staff screens

    def __init__(
        self,
        clinic: Clinic,
        protocol: Protocol,
        config: KioskConfig,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        inactivity_seconds: int | None = None,
        warning_seconds: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.config = config
        default = clinic.default_language if clinic.default_language in supported_languages() else "en"
        self.flow = Flow(protocol, default, offered_languages(clinic), today)
        self.images = CalendarImages()
        self.pdf: bytes | None = None  # the current client's calendar, in memory only
        self._inactivity = inactivity_seconds or config.inactivity_seconds()
        self._warning = warning_seconds or config.warning_seconds()
        self._large_text = False
        self._high_contrast = False
        self.lock = StaffLock(config, lambda: self.flow.visit.language, self)  # the PIN pad, the way out
        self._language = self.flow.visit.language
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._jobs: set[CalendarJob] = set()
        self.recorder = VisitRecorder()  # the visit's record, written as the client goes
        self.handover_bridge = HandoverBridge(self)  # print, email, QR codes: the hand-over screen
        self.read_aloud = ReadAloudSettings()  # the clinic's: see apply_settings
        self.speech = Speech(self)  # the Read aloud switch (kiosk/ui/speech.py)

    # ------------------------------------------------------------ sending events

    def send(self, event: f.Event) -> bool:
        before = (self.flow.pdf, self.flow.generation, self.flow.wipes)
        step, pad = self.flow.step, self.flow.signature
        visit = copy.deepcopy(self.flow.visit) if self.recorder.open else None  # the answers, should this end it
        changed = self.flow.handle(event)
        if not changed:
            return False
        if self.flow.wipes != before[2]:
            if visit is not None:  # Finish, or walking away: the record ends where the client was
                signature = signature_json(pad) if step is Step.FINISH else None
                # Walking away on the finish screen still counts as finished: the client saw everything.
                self._write(self.recorder.end(step, visit, signature, finished=step is Step.FINISH))
            self._forget()
        else:
            self._follow()
        if self.flow.pdf is PdfStatus.MAKING and (self.flow.pdf, self.flow.generation) != before[:2]:
            self._start_calendar()
        elif self.flow.pdf is PdfStatus.NONE and self.pdf is not None:
            self._drop_calendar()
        if self.flow.visit.language != self._language:
            self._language = self.flow.visit.language
            self.languageSwitched.emit(self._language)
        self.changed.emit()
        return True

    def _follow(self) -> None:
        """Write the visit's record when something it holds changed (the signature once the receipt is done)."""
        flow = self.flow
        signature = signature_json(flow.signature) if flow.step is Step.FINISH else None
        self._write(self.recorder.follow(flow.step, flow.visit, signature, calendar_ready=flow.pdf is PdfStatus.READY))

    def _write(self, progress: VisitProgress | None) -> None:
        if progress is not None:
            self.visitProgressed.emit(progress, self.flow.receipt_required or progress.signature is not None)

    def handed_over(self, kind: str) -> None:
        """The hand-over took a print or an email for this client ("print" or "email"): the record says so."""
        self.recorder.handed_over(kind)
        self._follow()

    def _forget(self) -> None:
        self._drop_calendar()
        self._large_text = self._high_contrast = False
        self.lock.forget()
        self.settingsChanged.emit()
        self.wiped.emit()

    def _drop_calendar(self) -> None:
        self.pdf = None
        self.images.clear()

    def _t(self, text: str) -> str:
        return translations(self.flow.visit.language).gettext(text) if text else ""

    # ------------------------------------------------------------ clinic settings (see kiosk/ui/live_settings.py)

    def is_idle(self) -> bool:
        """No client is mid-flow: the welcome screen shows and nothing has been chosen on it."""
        return self.flow.step is Step.WELCOME and self.flow.visit.is_blank(self.flow.default_language)

    def apply_settings(self, settings: EffectiveSettings) -> None:
        """Use the clinic settings from now on; LiveSettings calls this only while `is_idle()`."""
        self.clinic = settings.clinic
        self.flow.protocol = settings.protocol
        self.flow.pages = f.care_pages(settings.protocol)
        self.flow.languages = offered_languages(settings.clinic)
        self.flow.receipt_required = settings.receipt_required
        self._inactivity = settings.inactivity_seconds
        self.read_aloud = settings.read_aloud
        service = self.handover_bridge.service
        if service is not None and settings.handover is not None:
            service.config = settings.handover
        self.clinicChanged.emit()
        self.handover_bridge.changed.emit()
        self.changed.emit()

    # ------------------------------------------------------------ the calendar, off the GUI thread

    def calendar_request(self) -> CalendarRequest:
        visit = self.flow.visit
        return CalendarRequest(
            name=visit.display_name,
            schedule=self.flow.schedule(),
            clinic=self.clinic,
            hair=visit.hair,
            language=visit.language,
            large_print=self._large_text,
        )

    def _start_calendar(self) -> None:
        self._drop_calendar()
        job = CalendarJob(self.flow.generation, self.calendar_request())
        job.signals.finished.connect(self._calendar_made)
        job.signals.failed.connect(self._calendar_failed)
        self._jobs.add(job)
        self._pool.start(job.run)

    def _calendar_made(self, result: CalendarResult) -> None:
        self._jobs = {job for job in self._jobs if job.generation > result.generation}
        if result.generation == self.flow.generation and self.flow.pdf is PdfStatus.MAKING:
            self.pdf = result.pdf
            self.images.show(result.generation, result.pages)
            self.send(f.PdfReady(result.generation))

    def _calendar_failed(self, generation: int, message: str) -> None:
        self._jobs = {job for job in self._jobs if job.generation > generation}
        self.send(f.PdfFailed(generation, message))

    def wait_for_jobs(self, msecs: int = 30_000) -> bool:
        self.handover_bridge.stop()
        return self._pool.waitForDone(msecs) and self.handover_bridge.wait_for_jobs(msecs)

    # ------------------------------------------------------------ slots: what the screens send

    @Slot()
    def checkIn(self) -> None:  # noqa: N802
        self.send(f.CheckIn())

    @Slot()
    def next(self) -> None:
        self.send(f.Next())

    @Slot()
    def back(self) -> None:
        self.send(f.Back())

    @Slot()
    def retry(self) -> None:
        self.send(f.Retry())

    @Slot()
    def finish(self) -> None:
        self.send(f.Finish())

    @Slot(str)
    def chooseLanguage(self, tag: str) -> None:  # noqa: N802
        self.send(f.ChooseLanguage(tag))

    @Slot(str, str)
    def setName(self, first: str, last: str) -> None:  # noqa: N802
        self.send(f.SetName(first, last))

    @Slot(str)
    def setSessionNumber(self, number: str) -> None:  # noqa: N802
        for choice, _label in self.flow.protocol.course.session_choices():
            if str(choice) == number:
                self.send(f.SetSession(choice))

    def _session_choices(self) -> list[dict[str, str]]:
        """The buttons of "Which session is this?" in the clinic's numbering: main sessions, then a touch-up."""
        return [
            {"value": str(answer), "label": self._t(label)}
            for answer, label in self.flow.protocol.course.session_choices()
        ]

    @Slot(str)
    def setSessionDate(self, iso: str) -> None:  # noqa: N802
        self.send(f.SetSessionDate(dt.date.fromisoformat(iso)))

    @Slot(str)
    def addPlannedDate(self, iso: str) -> None:  # noqa: N802
        self.send(f.AddPlannedDate(dt.date.fromisoformat(iso)))

    @Slot(str)
    def removePlannedDate(self, iso: str) -> None:  # noqa: N802
        self.send(f.RemovePlannedDate(dt.date.fromisoformat(iso)))

    @Slot(bool)
    def answerMoisturised(self, answer: bool) -> None:  # noqa: N802
        self.send(f.AnswerMoisturised(answer))

    @Slot(str)
    def chooseHair(self, hair: str) -> None:  # noqa: N802
        if hair in ("buzz", "long", "not-yet"):
            self.send(f.ChooseHair(hair))  # type: ignore[arg-type]

    @Slot(float, float, list)
    def sign(self, width: float, height: float, strokes: list[Any]) -> None:
        """The signature pad after each stroke: every stroke so far, in the pad's pixels, and its size."""
        self.send(f.Sign(pad_signature(width, height, strokes)))

    @Slot()
    def clearSignature(self) -> None:  # noqa: N802
        self.send(f.ClearSignature())

    def set_receipt_required(self, required: bool) -> None:
        """The clinic's "signed receipt" setting: a receipt step before Finish for the next clients."""
        if required != self.flow.receipt_required:
            self.flow.receipt_required = required
            self.changed.emit()

    @Slot(str)
    def askForHelp(self, screen: str) -> None:  # noqa: N802
        if self.send(f.AskForHelp(screen)):
            self.helpAsked.emit(screen)

    @Slot()
    def closeHelp(self) -> None:  # noqa: N802
        self.send(f.CloseHelp())

    @Slot(str)
    def changeAnswer(self, answer: str) -> None:  # noqa: N802
        if answer in ("name", "session", "moisturised", "hair"):
            self.send(f.ChangeAnswer(answer))  # type: ignore[arg-type]

    @Slot()
    def inactivityWarning(self) -> None:  # noqa: N802
        self.send(f.InactivityWarning())

    @Slot()
    def stillHere(self) -> None:  # noqa: N802
        self.send(f.StillHere())

    @Slot()
    def inactivityTimeout(self) -> None:  # noqa: N802
        self.send(f.InactivityTimeout())

    @Slot()
    def touched(self) -> None:
        self.activity.emit()

    @Slot(str, str, int, result=str)
    def shiftDate(self, iso: str, unit: str, amount: int) -> str:  # noqa: N802
        """The date `amount` days, months or years away, kept inside the range the kiosk accepts."""
        first, last = self.flow.date_range()
        return shift_date(dt.date.fromisoformat(iso), unit, amount, first, last).isoformat()

    def _date_tag(self) -> str:
        """The client's language with the clinic's country: English in a British clinic writes 24 November."""
        return local_tag(self.flow.visit.language, self.clinic.region)

    @Slot(str, result=str)
    def dateText(self, iso: str) -> str:  # noqa: N802
        return self.date_text(dt.date.fromisoformat(iso)) if iso else ""

    def date_text(self, date: dt.date) -> str:
        """A whole date as every screen writes it (kiosk.i18n.dates.clinic_date)."""
        return clinic_date(date, self.flow.visit.language, self.clinic.region)

    @Slot(str, str, result=str)
    def datePart(self, iso: str, part: str) -> str:  # noqa: N802
        """One stepper of the date picker: the day or year number, or the month's short name."""
        if not iso:
            return ""
        date = dt.date.fromisoformat(iso)
        if part == "month":
            return month_name(date.month, self._date_tag(), "abbreviated")
        return str(date.day if part == "day" else date.year)

    @Slot(str, result=str)
    def pictogram(self, name: str) -> str:
        return pictogram_url(name)

    # ------------------------------------------------------------ properties the screens read

    def _step(self) -> str:
        return self.flow.step.value

    def _progress(self) -> int:
        step = {Step.ERROR: Step.CALENDAR, Step.REVIEW: Step.BEFORE_CARE}.get(self.flow.step, self.flow.step)
        steps = self.flow.progress_steps
        return steps.index(step) + 1 if step in steps else 0

    def _signature(self) -> dict[str, Any]:
        signature = self.flow.signature
        if signature is None:
            return {}
        strokes = [[[x, y] for x, y in stroke] for stroke in signature.strokes]
        return {"width": signature.width, "height": signature.height, "strokes": strokes}

    def _languages(self) -> list[dict[str, Any]]:
        return [{"tag": tag, "name": language_name(tag), "rtl": is_rtl(tag)} for tag in self.flow.languages]

    def _care(self) -> dict[str, Any]:
        page = self.flow.care_page
        if page is None:
            return {}
        items = [
            {
                "id": item.id,
                "hair": item.hair,
                "title": self._t(item.title),
                "text": self._t(item.text),
                "pictogram": pictogram_url(item.pictogram),
            }
            for item in page.items
        ]
        return {"kind": page.kind.value, "items": items, "last": self.flow.care_index == len(self.flow.pages) - 1}

    def _notes(self) -> list[dict[str, str]]:
        return [
            {"title": self._t(item.title), "text": self._t(item.text), "pictogram": pictogram_url(item.pictogram)}
            for item in f.care_notes(self.flow.protocol)
        ]

    def _planned(self) -> list[dict[str, str]]:
        return [{"iso": d.isoformat(), "text": self.date_text(d)} for d in self.flow.visit.planned_dates]

    def _gap_note(self) -> str:
        days = self.flow.gap_note_days
        if not days:
            return ""
        text = translations(self.flow.visit.language).ngettext(
            "Clinics usually leave at least {days} day between sessions. Please check this date with staff.",
            "Clinics usually leave at least {days} days between sessions. Please check this date with staff.",
            days,
        )
        return text.format(days=days)

    def _moisturised(self) -> str:
        answer = self.flow.visit.moisturised
        return "" if answer is None else ("yes" if answer else "no")

    def _contact_details(self) -> str:
        clinic = self.clinic
        lines = [self._t("Call: {number}").format(number=f"\u200e{clinic.phone}\u200e") if clinic.phone else ""]
        if clinic.text and clinic.text != clinic.phone:  # LRM: "+44 20 7946 0958" stays whole in Arabic/Hebrew
            lines.append(self._t("Text: {number}").format(number=f"\u200e{clinic.text}\u200e"))
        lines += [clinic.email, clinic.website]
        return "\n".join(line for line in lines if line)

    def _logo(self) -> str:
        logo: Path | None = self.clinic.logo
        return QUrl.fromLocalFile(str(logo)).toString() if logo else ""

    clinicName = Property(str, lambda self: self.clinic.name, notify=clinicChanged)  # noqa: N815
    clinicLogo = Property(str, _logo, notify=clinicChanged)  # noqa: N815
    inactivitySeconds = Property(int, lambda self: self._inactivity, notify=clinicChanged)  # noqa: N815
    warningSeconds = Property(int, lambda self: self._warning, constant=True)  # noqa: N815
    progressCount = Property(int, lambda self: len(self.flow.progress_steps), notify=changed)  # noqa: N815
    handover = Property(QObject, lambda self: self.handover_bridge, constant=True)
    staffLock = Property(QObject, lambda self: self.lock, constant=True)  # noqa: N815
    readAloud = Property(QObject, lambda self: self.speech, constant=True)  # noqa: N815

    contactTitle = Property(str, lambda self: self._t(self.flow.protocol.contact_title), notify=changed)  # noqa: N815
    contactText = Property(str, lambda self: self._t(self.flow.protocol.contact_text), notify=changed)  # noqa: N815
    contactDetails = Property(str, _contact_details, notify=changed)  # noqa: N815
    step = Property(str, _step, notify=changed)
    progress = Property(int, _progress, notify=changed)
    language = Property(str, lambda self: self.flow.visit.language, chooseLanguage, notify=changed)
    languages = Property(list, _languages, notify=changed)
    rtl = Property(bool, lambda self: is_rtl(self.flow.visit.language), notify=changed)
    firstName = Property(str, lambda self: self.flow.visit.first_name, notify=changed)  # noqa: N815
    lastName = Property(str, lambda self: self.flow.visit.last_name, notify=changed)  # noqa: N815
    sessionChoices = Property(list, _session_choices, notify=changed)  # noqa: N815
    sessionNumber = Property(str, lambda self: str(self.flow.visit.session_number), notify=changed)  # noqa: N815
    sessionDate = Property(str, lambda self: self.flow.visit.session_date.isoformat(), notify=changed)  # noqa: N815
    today = Property(str, lambda self: self.flow.visit.today.isoformat(), notify=changed)
    plannedDates = Property(list, _planned, notify=changed)  # noqa: N815
    gapNote = Property(str, _gap_note, notify=changed)  # noqa: N815
    dateOrder = Property(list, lambda self: list(date_field_order(self._date_tag())), notify=changed)  # noqa: N815
    carePage = Property("QVariantMap", _care, notify=changed)  # type: ignore[arg-type]  # noqa: N815
    careIndex = Property(int, lambda self: self.flow.care_index, notify=changed)  # noqa: N815
    careCount = Property(int, lambda self: len(self.flow.pages), notify=changed)  # noqa: N815
    moisturised = Property(str, _moisturised, notify=changed)
    hair = Property(str, lambda self: self.flow.visit.hair_answer or "", notify=changed)
    pdfStatus = Property(str, lambda self: self.flow.pdf.value, notify=changed)  # noqa: N815
    pdfGeneration = Property(int, lambda self: self.flow.generation, notify=changed)  # noqa: N815
    pageCount = Property(int, lambda self: len(self.images.pages), notify=changed)  # noqa: N815
    problem = Property(str, lambda self: self._t(self.flow.problem), notify=changed)
    error = Property(str, lambda self: self.flow.error, notify=changed)
    warning = Property(bool, lambda self: self.flow.warning, notify=changed)
    helpRequested = Property(bool, lambda self: self.flow.help, notify=changed)  # noqa: N815
    careNotes = Property(list, _notes, notify=changed)  # noqa: N815
    hasCarePage = Property(  # noqa: N815
        "QVariantMap",  # type: ignore[arg-type]
        lambda self: {page.kind.value: True for page in self.flow.pages},
        notify=changed,
    )
    receiptRequired = Property(bool, lambda self: self.flow.receipt_required, notify=changed)  # noqa: N815
    signature = Property("QVariantMap", _signature, notify=changed)  # type: ignore[arg-type]
    signed = Property(bool, lambda self: self.flow.signed, notify=changed)
    clientName = Property(str, lambda self: self.flow.visit.display_name, notify=changed)  # noqa: N815

    def _set_large_text(self, value: bool) -> None:
        if value != self._large_text:
            self._large_text = value
            self.settingsChanged.emit()

    def _set_high_contrast(self, value: bool) -> None:
        if value != self._high_contrast:
            self._high_contrast = value
            self.settingsChanged.emit()

    largeText = Property(bool, lambda self: self._large_text, _set_large_text, notify=settingsChanged)  # noqa: N815
    highContrast = Property(  # noqa: N815
        bool, lambda self: self._high_contrast, _set_high_contrast, notify=settingsChanged
    )


__all__ = ["CarePageKind", "KioskModel", "offered_languages"]
