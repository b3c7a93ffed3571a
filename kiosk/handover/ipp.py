"""Ask CUPS how a job ended, over IPP (Get-Job-Attributes), because `lpstat` cannot tell.

`lpstat -W completed` lists completed, aborted and canceled jobs alike, and for a job canceled before it
printed it shows no reason at all. The job's `job-state` attribute is exact. The request is a few bytes
of IPP over HTTP to the same server the CUPS tools use (`lpstat -H`: a Unix socket or host:port).
"""

from __future__ import annotations

import getpass
import http.client
import socket
import struct
from dataclasses import dataclass

# RFC 8011 job-state values.
PENDING_STATES = {3, 4, 5, 6}  # pending, pending-held, processing, processing-stopped
CANCELED, ABORTED, COMPLETED = 7, 8, 9
_GET_JOB_ATTRIBUTES = 0x0009
_NOT_FOUND = 0x0406
_TAG_OPERATION, _TAG_END = 0x01, 0x03
_CHARSET, _LANGUAGE, _URI, _NAME, _KEYWORD = 0x47, 0x48, 0x45, 0x42, 0x44


class IppError(Exception):
    """The server could not be asked, or answered something that is not IPP."""


@dataclass(frozen=True)
class IppJob:
    state: int
    reasons: tuple[str, ...]


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def _connection(server: str, timeout: float) -> http.client.HTTPConnection:
    """`server` as `lpstat -H` prints it: a socket path, host:port, [v6]:port or a bare host."""
    if server.startswith("/"):
        return _UnixConnection(server, timeout)
    host, separator, port = server.rpartition(":")
    if not separator or not port.isdigit() or (":" in host and not host.startswith("[")):
        host, port = server, "631"
    return http.client.HTTPConnection(host.strip("[]"), int(port), timeout=timeout)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a uid without a passwd entry (containers)
        return "smp-kiosk"


def _attribute(tag: int, name: str, value: str) -> bytes:
    encoded_name, encoded_value = name.encode(), value.encode()
    return (
        struct.pack(">BH", tag, len(encoded_name))
        + encoded_name
        + struct.pack(">H", len(encoded_value))
        + encoded_value
    )


def get_job(server: str, job_number: int, timeout: float = 10.0) -> IppJob | None:
    """The job's state and reasons; None when the server no longer knows the job."""
    request = (
        struct.pack(">BBHI", 2, 0, _GET_JOB_ATTRIBUTES, 1)
        + bytes([_TAG_OPERATION])
        + _attribute(_CHARSET, "attributes-charset", "utf-8")
        + _attribute(_LANGUAGE, "attributes-natural-language", "en")
        + _attribute(_URI, "job-uri", f"ipp://localhost/jobs/{job_number}")
        + _attribute(_NAME, "requesting-user-name", _user())
        + _attribute(_KEYWORD, "requested-attributes", "job-state")
        + _attribute(_KEYWORD, "", "job-state-reasons")
        + bytes([_TAG_END])
    )
    connection = _connection(server, timeout)
    try:
        connection.request("POST", "/jobs/", body=request, headers={"Content-Type": "application/ipp"})
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as exc:
        raise IppError(f"cannot ask CUPS at {server} about job {job_number} ({exc})") from None
    finally:
        connection.close()
    if response.status != 200 or len(data) < 9:
        raise IppError(f"CUPS at {server} answered HTTP {response.status} for job {job_number}")
    status = struct.unpack(">H", data[2:4])[0]
    if status == _NOT_FOUND:
        return None
    if status >= 0x0400:
        raise IppError(f"CUPS at {server} answered IPP status {status:#06x} for job {job_number}")
    attributes = _parse(data[8:])
    states = attributes.get("job-state", [])
    if not states or len(states[0]) != 4:
        raise IppError(f"CUPS at {server} did not say the state of job {job_number}")
    state = struct.unpack(">i", states[0])[0]
    reasons = tuple(value.decode("utf-8", "replace") for value in attributes.get("job-state-reasons", []))
    return IppJob(state, reasons)


def _parse(data: bytes) -> dict[str, list[bytes]]:
    """Attribute name -> raw values, across all groups (enough for the two attributes asked for)."""
    attributes: dict[str, list[bytes]] = {}
    name = ""
    position = 0
    try:
        while position < len(data):
            tag = data[position]
            position += 1
            if tag == _TAG_END:
                break
            if tag < 0x10:  # the start of an attribute group
                continue
            (name_length,) = struct.unpack(">H", data[position : position + 2])
            position += 2
            if name_length:
                name = data[position : position + name_length].decode("utf-8", "replace")
            position += name_length
            (value_length,) = struct.unpack(">H", data[position : position + 2])
            position += 2
            attributes.setdefault(name, []).append(data[position : position + value_length])
            position += value_length
    except struct.error:
        raise IppError("CUPS sent a cut-short IPP answer") from None
    return attributes
