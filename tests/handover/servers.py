"""Real servers for the hand-over tests: a private CUPS with a cups-pdf queue, and aiosmtpd on loopback.

The CUPS server is a private cupsd (own config, spool and log folders, a Unix socket; CUPS_SERVER points
the lp/lpstat tools at it). Its cups-pdf queues write into per-test folders, configured through
/etc/cups/cups-pdf-<instance>.conf, the only place the cups-pdf backend reads. The backend runs only
as root, like in CI. When cupsd cannot start, the tests fail with the reason; they never skip.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

CUPS_TOOLS = ("cupsd", "lpadmin", "lp", "lpstat", "cancel", "cupsenable", "cupsdisable", "pdftotext", "pdfinfo")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
SMTP_USER = "kiosk@clinic.example"
SMTP_PASSWORD = "correct horse"


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin")
    if found is None:
        pytest.fail(
            f"{name} is missing: install cups, cups-client, printer-driver-cups-pdf and poppler-utils "
            "(python3 packaging/bootstrap.py test does)"
        )
    return found


@dataclass
class CupsServer:
    root: Path
    socket: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, CUPS_SERVER=str(self.socket), LC_ALL="C")
        return subprocess.run(
            [tool(args[0]), *args[1:]], capture_output=True, text=True, env=env, check=False, timeout=60
        )

    def log_tail(self) -> str:
        log = self.root / "log" / "error_log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-15:]) if log.exists() else "(no error_log)"


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsServer]:
    for name in CUPS_TOOLS:
        tool(name)
    if not CUPS_PDF_PPD.is_file() or not CUPS_PDF_BACKEND.exists():
        pytest.fail("the cups-pdf printer driver is missing: apt-get install printer-driver-cups-pdf")
    if os.geteuid() != 0:
        pytest.fail("the CUPS tests need root: the cups-pdf backend runs only as root (CI runs as root)")
    root = Path(tempfile.mkdtemp(prefix="smp-cups-"))  # not under pytest's 0700 folders: filters run as lp
    root.chmod(0o755)
    for folder in ("spool", "cache", "state", "log", "tmp"):
        (root / folder).mkdir()
    (root / "tmp").chmod(0o1777)
    sock = root / "cups.sock"
    (root / "cupsd.conf").write_text(
        f"LogLevel info\nListen {sock}\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "ErrorPolicy stop-printer\nJobRetryLimit 0\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\nRequestRoot {root}/spool\nCacheDir {root}/cache\nStateDir {root}/state\n"
        f"TempDir {root}/tmp\nErrorLog {root}/log/error_log\nAccessLog {root}/log/access_log\n"
        f"PageLog {root}/log/page_log\nUser lp\nGroup lp\nSystemGroup root\nSandboxing Relaxed\n"
    )
    log = (root / "log" / "cupsd.out").open("wb")
    process = subprocess.Popen(
        [tool("cupsd"), "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = CupsServer(root, sock)
    try:
        deadline = time.monotonic() + 20
        while "scheduler is running" not in server.run("lpstat", "-r").stdout:
            if process.poll() is not None or time.monotonic() > deadline:
                output = (root / "log" / "cupsd.out").read_text(errors="replace").strip()
                pytest.fail(f"private cupsd did not start: {output}\n{server.log_tail()}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(root, ignore_errors=True)


@dataclass
class PdfPrinter:
    name: str
    out: Path  # where cups-pdf writes what was printed

    def printed(self, timeout: float = 30.0) -> list[Path]:
        """The PDFs cups-pdf wrote, once their size stops changing."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            files = sorted(self.out.glob("*.pdf"))
            if files and all(_stable(path) for path in files):
                return files
            time.sleep(0.2)
        return sorted(self.out.glob("*.pdf"))


def _stable(path: Path) -> bool:
    size = path.stat().st_size
    time.sleep(0.1)
    return size > 0 and path.stat().st_size == size


@pytest.fixture
def cups_env(cups_server: CupsServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CupsServer:
    """The code under test talks to the private cupsd; no default printer leaks in from the environment."""
    monkeypatch.setenv("CUPS_SERVER", str(cups_server.socket))
    monkeypatch.delenv("PRINTER", raising=False)
    monkeypatch.delenv("LPDEST", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no ~/.cups/lpoptions default either
    monkeypatch.setenv("SMP_KIOSK_DATA_DIR", str(tmp_path / "data"))
    return cups_server


@pytest.fixture
def pdf_printer(cups_env: CupsServer) -> Iterator[PdfPrinter]:
    """A fresh cups-pdf queue with its own output folder."""
    instance = f"smpkiosk{uuid.uuid4().hex[:10]}"
    out = Path(tempfile.mkdtemp(prefix="smp-cups-pdf-"))
    out.chmod(0o755)
    config = Path("/etc/cups") / f"cups-pdf-{instance}.conf"
    config.write_text(f"Out {out}\nAnonDirName {out}\nSpool {out}/.spool\nLog {out}/.log\nLabel 0\n")
    added = cups_env.run("lpadmin", "-p", instance, "-E", "-v", f"cups-pdf:/{instance}", "-P", str(CUPS_PDF_PPD))
    if added.returncode != 0:
        pytest.fail(f"lpadmin could not add the cups-pdf queue: {added.stderr.strip()}\n{cups_env.log_tail()}")
    try:
        yield PdfPrinter(instance, out)
    finally:
        cups_env.run("lpadmin", "-x", instance)
        config.unlink(missing_ok=True)
        shutil.rmtree(out, ignore_errors=True)


def pdf_text(path: Path) -> str:
    return subprocess.run([tool("pdftotext"), str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split(":", 1)[1] for line in info.splitlines() if line.startswith("Pages")))


def pdf_page_size(path: Path) -> str:
    info = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    return next(line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Page size"))


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """A real calendar-like PDF holding the client's name, A4 or Letter."""

    def make(name: str = "Zoë Müller", paper: str = "a4") -> Path:
        # Standard Helvetica: its accented letters stay extractable after CUPS turns the page into PostScript
        # and cups-pdf back into PDF (an embedded TrueType subset loses its text mapping on that trip).
        face = "Helvetica"
        path = tmp_path / f"calendar-{uuid.uuid4().hex[:6]}.pdf"
        page = A4 if paper == "a4" else letter
        drawing = canvas.Canvas(str(path), pagesize=page, invariant=True)
        drawing.setFont(face, 18)
        drawing.drawString(72, page[1] - 100, f"Aftercare calendar for {name}")
        drawing.setFont(face, 12)
        drawing.drawString(72, page[1] - 130, "Days 1-3: keep your scalp dry. Day 4: a light shower is fine.")
        drawing.showPage()
        drawing.save()
        return path

    return make


# --- SMTP -------------------------------------------------------------------------------------------------


class Mailbox:
    """An aiosmtpd handler that keeps every accepted message."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Certificate:
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for localhost and 127.0.0.1, made with `cryptography`."""
    folder = tmp_path_factory.mktemp("tls")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Certificate(cert_path, key_path)


def accept_kiosk_login(server: Any, session: Session, envelope: Envelope, mechanism: str, auth_data: Any) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == SMTP_USER.encode()
        and (auth_data.password == SMTP_PASSWORD.encode())
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class SmtpServer:
    mailbox: Mailbox
    port: int
    controller: Controller | None = None

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server(certificate: Certificate) -> Iterator[Callable[..., SmtpServer]]:
    """Start an aiosmtpd server on loopback: security plain/starttls/ssl, optionally requiring a login."""
    started: list[SmtpServer] = []

    def start(security: str = "plain", *, login: bool = False, port: int | None = None) -> SmtpServer:
        mailbox = Mailbox()
        port = port or free_port()
        options: dict[str, Any] = {}
        if security == "starttls":
            options.update(tls_context=certificate.server_context(), require_starttls=True)
        if security == "ssl":
            options.update(ssl_context=certificate.server_context())
        if login:
            options.update(authenticator=accept_kiosk_login, auth_required=True, auth_require_tls=security != "plain")
        controller = Controller(mailbox, hostname="127.0.0.1", port=port, server_hostname="localhost", **options)
        controller.start()
        server = SmtpServer(mailbox, port, controller)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
