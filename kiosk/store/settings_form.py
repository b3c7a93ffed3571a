"""The staff screen's clinic-settings form, without Qt: settings -> the texts in its fields, the fields' texts
-> settings (SettingError naming the field when one is wrong), and each problem in plain words.

The problems are English source texts marked for translation; the staff screen translates them into the
staff member's language (the store's own UserError texts stay English, for the command line and the log).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec

from kiosk.core.course import course_bounds, course_counts
from kiosk.core.protocol import Protocol
from kiosk.store.settings import ClinicSettings, SettingError, SmtpSettings, apply_day_counts, picture_problem

SMTP_SECURITIES = ("starttls", "ssl", "none")
SMTP_DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


PROBLEMS = {  # a setting -> what the staff screen says when it is wrong
    "name": N_("Clinic name: please type the name clients know the clinic by."),
    "email": N_("Clinic email: this is not an email address. Type one such as hello@clinic.example."),
    "printer": N_("Printer: a printer name has no spaces, no / and no #."),
    "inactivity_timeout_s": N_("Inactivity timeout: type a number of seconds from 15 to 900."),
    "retention_days": N_("Keep check-ins for: type a number of days from 1 to 3650."),
    "languages": N_("Languages: choose from the languages shown."),
    "smtp.security": N_("Email security: choose STARTTLS, SSL or none."),
    "smtp.port": N_("Email server port: type a number from 1 to 65535, such as 587."),
    "smtp.host": N_("Email server: a server name has no spaces."),
    "read_aloud_volume": N_("Read-aloud volume: type a number from 10 to 100."),
    "smtp.sender": N_("Sender address: type the address emails come from, such as calendar@clinic.example."),
}
LOGO_MISSING = N_("Logo: there is no file at this path.")
LOGO_NOT_PICTURE = N_("Logo: this file is not a PNG or JPEG picture.")
DAY_COUNT_PROBLEM = N_("{field}: type a whole number of days from 1 to 365.")
COURSE_PROBLEM = N_("{field}: type a whole number from {low} to {high}.")
COURSE_WINDOW_PROBLEM = N_("Touch-up window: the last day must not be before the first day.")
COURSE_LABELS = {  # the course settings (kiosk/core/course.py), in the order the staff screen shows them
    "course.min-gap": N_("Usual least number of days between sessions"),
    "course.touch-up-from": N_("Touch-up window: first day after the final main session"),
    "course.touch-up-until": N_("Touch-up window: last day after the final main session"),
    "course.maintenance-years": N_("Refresh session reminder: after how many years (0 for none)"),
}
PHASE_LABEL = N_("{title}: how many days")
MILESTONE_LABEL = N_("{title}: how many days after the final session")


def problem_text(problem: SettingError, gettext: Callable[[str], str], protocol: Protocol) -> str:
    """The problem in the staff member's language, naming the field as the screen labels it."""
    if problem.setting == "logo_path":
        not_picture = picture_problem(problem.value) == "not-picture"
        return gettext(LOGO_NOT_PICTURE if not_picture else LOGO_MISSING)
    if problem.setting.startswith("day_counts."):
        key = problem.setting.removeprefix("day_counts.")
        labels = {field["id"]: field["label"] for field in day_count_fields(protocol, gettext)}
        if key in COURSE_LABELS:
            if key == "course.touch-up-until" and problem.value == "window":
                return gettext(COURSE_WINDOW_PROBLEM)
            low, high = course_bounds(key)
            return gettext(COURSE_PROBLEM).format(field=labels[key], low=low, high=high)
        return gettext(DAY_COUNT_PROBLEM).format(field=labels.get(key, key))
    return gettext(PROBLEMS.get(problem.setting, str(problem)))


def day_count_fields(protocol: Protocol, gettext: Callable[[str], str]) -> list[dict[str, str]]:
    """One field per phase with an end (how many days it lasts) and per milestone (its day), in protocol order,
    labelled with the protocol's own titles."""
    fields = [
        {"id": phase.id, "label": gettext(PHASE_LABEL).format(title=gettext(phase.title))}
        for phase in protocol.phases[:-1]
    ]
    fields += [
        {"id": milestone.id, "label": gettext(MILESTONE_LABEL).format(title=gettext(milestone.title))}
        for milestone in protocol.milestones
    ]
    fields += [{"id": key, "label": gettext(label)} for key, label in COURSE_LABELS.items()]
    return fields


def protocol_day_counts(protocol: Protocol) -> dict[str, int]:
    """The protocol's own counts, in the shape of ClinicSettings.day_counts."""
    counts = {phase.id: phase.last_day - phase.first_day + 1 for phase in protocol.phases if phase.last_day}
    counts.update({milestone.id: milestone.day for milestone in protocol.milestones})
    counts.update(course_counts(protocol.course))
    return counts


def form_values(settings: ClinicSettings, protocol: Protocol, shipped: Sequence[str]) -> dict[str, Any]:
    """What each field shows (texts, a switch, the languages switched on)."""
    counts = protocol_day_counts(apply_day_counts(protocol, settings.day_counts))
    smtp = settings.smtp
    return {
        "name": settings.name,
        "logo": settings.logo_path,
        "phone": settings.phone,
        "text": settings.text,
        "email": settings.email,
        "website": settings.website,
        "address": settings.address,
        "printer": settings.printer,
        "languages": [tag for tag in shipped if not settings.languages or tag in settings.languages],
        "timeout": str(settings.inactivity_timeout_s),
        "dayCounts": {key: str(value) for key, value in counts.items()},
        "smtpHost": smtp.host,
        "smtpPort": str(smtp.port),
        "smtpSecurity": smtp.security,
        "smtpUsername": smtp.username,
        "smtpPassword": smtp.password,
        "smtpSender": smtp.sender,
        "receipt": settings.receipt_required,
        "retention": str(settings.retention_days),
        "speakOnWelcome": settings.speak_on_welcome,
        "readAloudVolume": str(settings.read_aloud_volume),
    }


def _whole(text: object, setting: str) -> int:
    value = str(text or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise SettingError(setting, f"{setting} must be a whole number")
    return int(value)


def _text(values: Mapping[str, Any], key: str) -> str:
    """A field's text on one line, without the direction marks the screen adds (the password as typed)."""
    value = str(values.get(key, ""))
    return " ".join(value.translate(_MARKS).split()) if key != "smtpPassword" else value


def settings_from_form(
    base: ClinicSettings,
    values: Mapping[str, Any],
    protocol: Protocol,
    shipped: Sequence[str],
    default_language: str,
) -> ClinicSettings:
    """The settings the staff typed over `base`; SettingError (with `.setting`) for the first bad field.
    Day counts the protocol already has are not stored, so a later protocol change still reaches the kiosk."""
    chosen = {str(tag) for tag in values.get("languages") or ()} | {default_language}
    unknown = sorted(chosen - set(shipped) - {default_language})
    if unknown:
        raise SettingError("languages", f"'{unknown[0]}' is not a shipped language")
    languages = () if set(shipped) <= chosen else tuple(tag for tag in shipped if tag in chosen)
    own = protocol_day_counts(protocol)
    typed = values.get("dayCounts") or {}
    counts = {}
    for key in own:
        count = _whole(typed.get(key, own[key]), f"day_counts.{key}")
        if count != own[key]:
            counts[key] = count
    security = str(values.get("smtpSecurity") or "starttls")
    if security not in SMTP_SECURITIES:
        raise SettingError("smtp.security", "SMTP security must be starttls, ssl or none")
    port_text = str(values.get("smtpPort") or "").strip()
    settings = msgspec.structs.replace(
        base,
        name=_text(values, "name"),
        logo_path=str(values.get("logo") or "").strip(),
        phone=_text(values, "phone"),
        text=_text(values, "text"),
        email=_text(values, "email"),
        website=_text(values, "website"),
        address=_text(values, "address"),
        printer=_text(values, "printer"),
        languages=languages,
        inactivity_timeout_s=_whole(values.get("timeout"), "inactivity_timeout_s"),
        day_counts=counts,
        smtp=SmtpSettings(
            host=_text(values, "smtpHost"),
            port=_whole(port_text, "smtp.port") if port_text else SMTP_DEFAULT_PORTS[security],
            security=security,  # type: ignore[arg-type]
            username=_text(values, "smtpUsername"),
            password=_text(values, "smtpPassword"),
            sender=_text(values, "smtpSender"),
        ),
        receipt_required=bool(values.get("receipt")),
        retention_days=_whole(values.get("retention"), "retention_days"),
        speak_on_welcome=bool(values.get("speakOnWelcome", base.speak_on_welcome)),
        read_aloud_volume=_whole(values.get("readAloudVolume", base.read_aloud_volume), "read_aloud_volume"),
    )
    settings.validate()
    apply_day_counts(protocol, settings.day_counts)
    return settings
