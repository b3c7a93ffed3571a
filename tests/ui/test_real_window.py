"""The kiosk as its own process on a real X server (Xvfb, no window manager), full screen in portrait and in
landscape: its window is exactly the screen's size, real pointer clicks and key presses from outside the
process (xdotool) walk it from the welcome screen into the check-in, a screenshot of the whole screen is taken
at each step, and a window the window system takes away ends the process (so a supervisor restarts it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "import")),
    reason="needs Xvfb, xdotool and ImageMagick (packaging/bootstrap.py test installs them)",
)
ACCENT = (0x2E, 0x6B, 0x62)  # Theme.accent: the filled primary buttons
LOST_WINDOW_EXIT = 3


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen[bytes], str]:
    """A private X server; -displayfd picks a free display number and writes it to us."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    assert number.strip(), "Xvfb gave no display number"
    return server, f":{int(number)}"


class Screen:
    def __init__(self, display: str, out: Path) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.out = out
        self.shots = 0

    def run(self, *args: str) -> str:
        return subprocess.run(list(args), env=self.env, check=True, capture_output=True, text=True).stdout

    def window(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "Scalp"],
                env=self.env,
                capture_output=True,
                text=True,
                check=False,  # exit 1 while no window is found yet
            ).stdout.split()
            if found:
                return found[0]
            time.sleep(0.2)
        raise AssertionError("the kiosk window never showed")

    def geometry(self, window: str) -> dict[str, int]:
        lines = self.run("xdotool", "getwindowgeometry", "--shell", window).split()
        return {key: int(value) for key, value in (line.split("=") for line in lines) if key != "SCREEN"}

    def shot(self, name: str) -> Image.Image:
        time.sleep(0.8)  # let the screen settle
        self.shots += 1
        path = self.out / f"{self.shots:02d}-{name}.png"
        self.run("import", "-window", "root", str(path))
        return Image.open(path).convert("RGB")

    def click(self, x: int, y: int) -> None:
        self.run("xdotool", "mousemove", str(x), str(y), "click", "1")


def primary_button(image: Image.Image) -> tuple[int, int]:
    """The centre of the tallest filled block of the accent colour (a primary button), found in the pixels:
    rows whose longest accent run is button-wide, stacked while they overlap."""
    width, height = image.size
    data = image.tobytes()  # RGB, row by row

    def accent(x: int, y: int) -> bool:
        at = 3 * (y * width + x)
        return all(abs(data[at + i] - ACCENT[i]) <= 12 for i in range(3))

    def widest_run(y: int) -> tuple[int, int]:
        """The widest stretch of accent pixels in row y, across gaps of up to 40 px (the label's letters)."""
        best, start, end = (0, -1), -1, -1
        for x in range(width):
            if accent(x, y):
                if start < 0 or x - end > 40:
                    start = x
                end = x
                best = max(best, (end - start + 1, start))
        return best[1], best[1] + best[0]

    blocks: list[list[tuple[int, int, int]]] = []  # rows (y, left, right) of each block
    for y in range(height):
        left, right = widest_run(y)
        if right - left < 80:
            continue
        last = blocks[-1][-1] if blocks else None
        if last is not None and last[0] == y - 1 and left < last[2] and right > last[1]:
            blocks[-1].append((y, left, right))
        else:
            blocks.append([(y, left, right)])
    assert blocks, "no primary button on screen"
    block = max(blocks, key=len)
    assert len(block) >= 40, "no primary button on screen"
    lefts, rights = [row[1] for row in block], [row[2] for row in block]
    return (min(lefts) + max(rights)) // 2, (block[0][0] + block[-1][0]) // 2


def keyboard_shown(image: Image.Image) -> bool:
    """The on-screen keyboard's dark band along the bottom of the screen (the screens themselves are light)."""
    width, height = image.size
    band = image.crop((0, height - height // 20, width, height)).convert("L").resize((64, 8))
    return sum(band.tobytes()) / len(band.tobytes()) < 90


def differs(a: Image.Image, b: Image.Image) -> bool:
    small = (64, 64)
    return a.resize(small).tobytes() != b.resize(small).tobytes()


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SMP_SCREENSHOT_DIR") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in reversed(started):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.parametrize(("width", "height"), [(800, 1280), (1280, 800)], ids=["portrait", "landscape"])
@pytest.mark.slow
def test_the_kiosk_fills_a_real_screen_and_answers_real_clicks(
    width: int, height: int, tmp_path: Path, out_dir: Path, processes: list[subprocess.Popen[bytes]]
) -> None:
    server, display = start_xvfb(width, height)
    processes.append(server)
    screen = Screen(display, out_dir / f"{width}x{height}")
    screen.out.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_") or key == "QT_QUICK_BACKEND"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_IM_MODULE="qtvirtualkeyboard",
        SMP_KIOSK_DATA_DIR=str(tmp_path / "data"),
    )
    with (tmp_path / "kiosk.log").open("wb") as log:
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk"], env=env, stdout=log, stderr=log)
    processes.append(kiosk)

    window = screen.window()
    geometry = screen.geometry(window)
    assert (geometry["X"], geometry["Y"], geometry["WIDTH"], geometry["HEIGHT"]) == (0, 0, width, height)
    welcome = screen.shot("welcome")
    assert welcome.size == (width, height)

    screen.click(*primary_button(welcome))  # Check in
    name = screen.shot("name")
    assert differs(welcome, name)
    assert keyboard_shown(name) and not keyboard_shown(welcome)  # the first name has the focus, with its keyboard
    screen.run("xdotool", "type", "--delay", "60", "Sam")
    typed = screen.shot("name-typed")
    assert differs(name, typed)
    screen.click(*primary_button(typed))  # Next
    session = screen.shot("session")
    assert differs(typed, session)
    screen.click(*primary_button(session))  # Next: the first session, today
    care = screen.shot("before-care")
    assert differs(session, care)
    assert screen.geometry(window)["WIDTH"] == width and kiosk.poll() is None

    screen.run("xdotool", "windowunmap", window)  # the window system takes the window away
    assert kiosk.wait(20) == LOST_WINDOW_EXIT
