"""Errors a person can act on: shown as one line, never as a traceback."""


class UserError(Exception):
    """Bad input or configuration; the message says what is wrong and how to fix it."""


class ProtocolError(UserError):
    """A protocol file is missing, unreadable or inconsistent."""
