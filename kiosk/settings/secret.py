"""The SMTP password, encrypted wherever it is stored (the shared database, each kiosk's settings copy).

Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) with a key that exists only on the kiosks: secret.key
in the data folder, owner-only, made by the first kiosk that stores a password. Every kiosk that shares the
database needs the same key: copy the file when installing another kiosk (docs/install-linux.md). A database dump
alone therefore reveals no password. The password itself is never logged.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kiosk.settings.files import secret_key_file
from kiosk.store.files import make_private_dir

SEALED = "fernet:"  # the stored form: "fernet:" + the Fernet token
log = logging.getLogger(__name__)


class SecretUnavailableError(Exception):
    """A sealed password, and this kiosk has no key (or another key) to open it."""


class SecretBox:
    def __init__(self, folder: Path) -> None:
        self.path = secret_key_file(folder)

    def _key(self, *, create: bool) -> bytes | None:
        try:
            return self.path.read_bytes().strip()
        except FileNotFoundError:
            if not create:
                return None
        from cryptography.fernet import Fernet  # noqa: PLC0415 - only when a password is stored

        make_private_dir(self.path.parent)
        key = Fernet.generate_key()
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never overwrite another key
        except FileExistsError:  # another process of this kiosk made it just now: use that one
            return self.path.read_bytes().strip()
        with os.fdopen(fd, "wb") as handle:
            handle.write(key + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        log.info("a new key for stored passwords was made: %s (copy it to every kiosk of the clinic)", self.path)
        return key

    def has_key(self) -> bool:
        return self.path.is_file()

    def seal(self, password: str) -> str:
        """The password as stored: empty stays empty, anything else is encrypted."""
        if not password or password.startswith(SEALED):
            return password
        from cryptography.fernet import Fernet  # noqa: PLC0415

        key = self._key(create=True)
        assert key is not None
        return SEALED + Fernet(key).encrypt(password.encode()).decode("ascii")

    def open(self, stored: str) -> str:
        """The password from its stored form. A plain one (stored by an older version) is returned as it is."""
        if not stored.startswith(SEALED):
            return stored
        from cryptography.fernet import Fernet, InvalidToken  # noqa: PLC0415

        key = self._key(create=False)
        if key is None:
            raise SecretUnavailableError(f"no key file {self.path}: copy secret.key from another kiosk of this clinic")
        try:
            return Fernet(key).decrypt(stored[len(SEALED) :].encode("ascii")).decode()
        except (InvalidToken, ValueError):
            raise SecretUnavailableError(f"{self.path} is not the key this password was stored with") from None
