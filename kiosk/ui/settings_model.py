"""The staff screen's settings page: every clinic setting (saved through the store for every kiosk on the
database) and this kiosk's export folder. The fields are filled when the saved settings arrive, not on every
re-read, so nothing staff type is reset; a bad value is named in the staff member's language and the typed
values stay. Store calls go through StoreBridge, folder checks through a worker thread: both can be slow.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QThreadPool, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.core.kiosk_config import KioskConfig, default_export_dir, folder_problem, removable_folders
from kiosk.core.protocol import Protocol
from kiosk.i18n import is_rtl, language_name, supported_languages, translations
from kiosk.store.settings import ClinicSettings, SettingError, picture_problem
from kiosk.store.settings_form import (
    LOGO_MISSING,
    LOGO_NOT_PICTURE,
    day_count_fields,
    form_values,
    problem_text,
    settings_from_form,
)
from kiosk.ui.store_bridge import StoreBridge

QML_IMPORT_NAME = "Kiosk.Models"
QML_IMPORT_MAJOR_VERSION = 1


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark for translation, translate later"
    return text


FOLDER_PROBLEMS = {
    "not-absolute": N_("Export folder: type the full path of a folder, such as /media/staff/USB."),
    "missing": N_("Export folder: there is no folder at this path. Is the drive plugged in?"),
    "not-folder": N_("Export folder: this path is a file, not a folder."),
    "not-writable": N_("Export folder: the kiosk cannot write to this folder. The drive may be read-only or full."),
}


LOGO_PROBLEMS = {"missing": LOGO_MISSING, "not-picture": LOGO_NOT_PICTURE}


class FolderSignals(QObject):
    done = Signal(object)  # a callable to run on the GUI thread with the worker's result already bound


@QmlElement
@QmlUncreatable("SettingsModel belongs to the StaffModel")
class SettingsModel(QObject):  # type: ignore[operator]  # (PySide's stub types QmlUncreatable as a class)
    loaded = Signal()  # the saved settings arrived: the fields fill
    changed = Signal()  # the problem field, labels, export folders
    said = Signal(str)  # a message for the staff screen's message line

    def __init__(
        self,
        bridge: StoreBridge,
        config: KioskConfig,
        protocol: Protocol,
        default_language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.config = config
        self.protocol = protocol  # the protocol file's own day counts: the clinic's go over these
        self.default_language = default_language
        self.language = "en"
        self._settings: ClinicSettings | None = None
        self._waiting = False  # a load this page asked for (other reads must not reset what staff type)
        self._saving = False
        self._problem = ""
        self._export_dir = ""
        self._drives: list[Path] = []
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = FolderSignals(self)
        self._signals.done.connect(self._finish)
        bridge.settings_loaded.connect(self._settings_loaded)
        bridge.settings_saved.connect(self._settings_saved)
        bridge.failed.connect(self._failed)

    def _t(self, text: str) -> str:
        return translations(self.language).gettext(text)

    def _say(self, message: str) -> None:
        self.said.emit(message)

    # ------------------------------------------------------------ the store's answers

    def _settings_loaded(self, settings: ClinicSettings) -> None:
        if self._waiting:
            self._waiting = False
            self._settings = settings
            self.loaded.emit()

    def _settings_saved(self, saved: bool) -> None:
        if not self._saving:
            return
        self._saving = False
        self.changed.emit()
        if saved:
            self._waiting = True  # the store reads them back: the fields show what was saved
            self._say(self._t("The clinic settings are saved."))
        else:
            self._say(self._t("The database cannot be reached: the settings were not saved. Please try again."))

    def _failed(self, _message: str) -> None:  # the staff model shows the message
        if self._saving:
            self._saving = False
            self.changed.emit()

    # ------------------------------------------------------------ opening and closing

    def open(self, language: str) -> None:
        self.language = language
        self._problem = ""
        self._waiting = True
        self.bridge.load_settings()
        self._export_dir = str(self.config.export_dir())
        self.rescanDrives()
        self.changed.emit()

    def close(self) -> None:
        self._settings = None
        self._waiting = self._saving = False
        self._problem = ""
        self.loaded.emit()
        self.changed.emit()

    # ------------------------------------------------------------ slots

    @Slot("QVariantMap")
    def save(self, values: dict[str, Any]) -> None:
        """Save what the fields hold; a bad value is named (and highlighted) and nothing is sent."""
        if self._settings is None or self._saving:
            return
        try:
            settings = settings_from_form(
                self._settings, values, self.protocol, supported_languages(), self.default_language
            )
        except SettingError as problem:
            self._problem = problem.setting
            self.changed.emit()
            self._say(problem_text(problem, self._t, self.protocol))
            return
        self._problem = ""
        self._saving = True
        self.changed.emit()
        self.bridge.save_settings(settings)

    @Slot()
    def clearProblem(self) -> None:  # noqa: N802
        if self._problem:
            self._problem = ""
            self.changed.emit()

    @Slot(str, result=str)
    def logoProblem(self, path: str) -> str:  # noqa: N802
        """What is wrong with the logo path as typed ("" when it is a PNG or JPEG file, or empty)."""
        problem = picture_problem(path.strip()) if path.strip() else ""
        return self._t(LOGO_PROBLEMS[problem]) if problem else ""

    @Slot(str, result=str)
    def logoUrl(self, path: str) -> str:  # noqa: N802
        """The picture to preview, only for a file that is one (a missing file would make Qt complain)."""
        path = path.strip()
        return QUrl.fromLocalFile(path).toString() if path and not picture_problem(path) else ""

    @Slot()
    def rescanDrives(self) -> None:  # noqa: N802
        """Look for plugged-in drives again (off the GUI thread: a slow stick must not freeze the screen)."""

        def found(drives: list[Path]) -> None:
            self._drives = drives
            self.changed.emit()

        self._off_thread(removable_folders, found, [])

    @Slot(str)
    def chooseExportFolder(self, text: str) -> None:  # noqa: N802
        folder = Path(text.strip()) if text.strip() else default_export_dir()

        def check() -> str:
            if folder == default_export_dir():
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            return folder_problem(folder)

        def checked(problem: str) -> None:
            if problem:
                self._say(self._t(FOLDER_PROBLEMS[problem]))
                return
            self.config.set_export_dir(folder)
            self._export_dir = str(folder)
            self.changed.emit()
            self._say(self._t("CSV files now go to {folder}").format(folder=f"\u200e{folder}\u200e"))  # LRM: a path

        self._off_thread(check, checked, "not-writable")

    def _off_thread(self, work: Callable[[], Any], then: Callable[[Any], None], failed: object) -> None:
        """Run `work` on the worker thread, then `then(result)` on the GUI thread (`failed` on an OSError)."""

        def run() -> None:
            try:
                result = work()
            except OSError:
                result = failed
            self._signals.done.emit(lambda: then(result))

        self._pool.start(run)

    def _finish(self, then: Callable[[], None]) -> None:
        then()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)

    # ------------------------------------------------------------ properties

    def _values(self) -> dict[str, Any]:
        if self._settings is None:
            return {}
        return form_values(self._settings, self.protocol, supported_languages())

    def _languages(self) -> list[dict[str, Any]]:
        return [
            {"tag": tag, "name": language_name(tag), "rtl": is_rtl(tag), "fixed": tag == self.default_language}
            for tag in supported_languages()
        ]

    def _export_choices(self) -> list[dict[str, str]]:
        own = default_export_dir()
        choices = [{"path": str(own), "label": self._t("This kiosk's own folder")}]
        choices += [
            {"path": str(drive), "label": self._t("Drive: {name}").format(name=drive.name)} for drive in self._drives
        ]
        return choices

    values = Property("QVariantMap", _values, notify=loaded)  # type: ignore[arg-type]
    ready = Property(bool, lambda self: self._settings is not None, notify=loaded)
    languages = Property(list, _languages, notify=changed)
    dayCountFields = Property(list, lambda self: day_count_fields(self.protocol, self._t), notify=changed)  # noqa: N815
    problem = Property(str, lambda self: self._problem, notify=changed)
    saving = Property(bool, lambda self: self._saving, notify=changed)
    exportFolder = Property(str, lambda self: self._export_dir, notify=changed)  # noqa: N815
    exportChoices = Property(list, _export_choices, notify=changed)  # noqa: N815
