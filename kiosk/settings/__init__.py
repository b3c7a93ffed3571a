"""The kiosk's settings in one place (plain Python, no Qt).

- `files`: the names of the files a kiosk keeps: the one file people edit (kiosk.toml) and the machine-written state.
- `schema`: one typed schema (msgspec) with bounds for everything read from those files.
- `state`: the machine-written state (the staff PIN's hash, its lockout, the export folder).
- `secret`: the key that encrypts the SMTP password wherever it is stored.
- `resolver`: the effective settings and where each came from, for the kiosk and every command.

Which wins over which: docs/settings.md.
"""
