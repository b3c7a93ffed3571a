"""What a kiosk runs with: the clinic profile, the clinic settings from the database and this kiosk's own files,
put together in the order docs/settings.md describes (the kiosk's own files win, then the clinic settings,
then the clinic profile and the protocol file).
"""

from __future__ import annotations

import logging

from msgspec import Struct, field

from kiosk.core.clinic import Clinic
from kiosk.core.protocol import Protocol
from kiosk.core.readaloud import ReadAloudSettings
from kiosk.errors import UserError
from kiosk.handover.config import HandoverConfig, with_clinic_settings
from kiosk.store.settings import ClinicSettings, apply_day_counts, clinic_with_settings

log = logging.getLogger(__name__)


class EffectiveSettings(Struct, frozen=True):
    clinic: Clinic  # name, logo, contact and languages offered: the welcome screen, the PDF, the .ics
    protocol: Protocol  # with the clinic's day counts: the schedule
    inactivity_seconds: int
    receipt_required: bool
    handover: HandoverConfig | None  # printer and SMTP; None: hand-over is off on this kiosk (bad kiosk.toml)
    read_aloud: ReadAloudSettings = field(default_factory=ReadAloudSettings)


def effective_settings(
    profile: Clinic,
    protocol: Protocol,
    settings: ClinicSettings,
    *,
    kiosk_handover: HandoverConfig | None,
    kiosk_inactivity: int | None,
) -> EffectiveSettings:
    """`kiosk_handover` is kiosk.toml's config and `kiosk_inactivity` its timeout (None: not set there)."""
    try:
        counted = apply_day_counts(protocol, settings.day_counts)
    except UserError as exc:  # saved for another protocol than this kiosk's: keep the protocol's own counts
        log.warning("clinic day counts not used on this kiosk: %s", exc)
        counted = protocol
    return EffectiveSettings(
        clinic=clinic_with_settings(profile, settings),
        protocol=counted,
        inactivity_seconds=kiosk_inactivity or settings.inactivity_timeout_s,
        receipt_required=settings.receipt_required,
        handover=with_clinic_settings(kiosk_handover, settings) if kiosk_handover is not None else None,
        read_aloud=ReadAloudSettings(settings.speak_on_welcome, settings.read_aloud_volume),
    )
