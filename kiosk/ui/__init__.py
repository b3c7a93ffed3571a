"""The touch kiosk: Qt Quick screens (resources/qml/Kiosk) over thin Python models. The only package that imports Qt.

The plain-Python modules the models use are imported here, before any module of this package imports PySide6:
PySide6 installs an import hook that reads the source of every module imported after it (looking for its
`__feature__` switches), some 25 ms of the kiosk's cold start for modules that never touch Qt.
tests/test_architecture.py keeps the list complete.
"""

import importlib

QT_FREE_DEPENDENCIES = (
    "kiosk.core",
    "kiosk.core.clinic",
    "kiosk.core.dates",
    "kiosk.core.flow",
    "kiosk.core.kiosk_config",
    "kiosk.core.protocol",
    "kiosk.core.readaloud",
    "kiosk.core.visit",
    "kiosk.core.visit_record",
    "kiosk.documents.ics",
    "kiosk.documents.pdf",
    "kiosk.documents.qr",
    "kiosk.errors",
    "kiosk.handover",
    "kiosk.handover.config",
    "kiosk.handover.document",
    "kiosk.handover.outbox",
    "kiosk.i18n",
    "kiosk.i18n.dates",
    "kiosk.i18n.regional",
    "kiosk.offscreen",
    "kiosk.paths",
    "kiosk.settings.files",
    "kiosk.settings.schema",
    "kiosk.settings.secret",
    "kiosk.store",
    "kiosk.store.chain",
    "kiosk.store.checkin",
    "kiosk.store.effective",
    "kiosk.store.health",
    "kiosk.store.help",
    "kiosk.store.receipt",
    "kiosk.store.settings",
    "kiosk.store.settings_form",
)

for _name in QT_FREE_DEPENDENCIES:
    importlib.import_module(_name)
