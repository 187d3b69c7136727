"""What only a terminal shows: the app's frames, timed from a real pseudo-terminal.

npm run bench (bench/run.mjs) drives this; it prints one JSON object.
  pairs   ROUNDS NODE CLI DB   bare node and the app, alternated ROUNDS times: for each,
                               fork to the first frame on screen (painted before Ink),
                               to Ink's first frame, to the answer to a key, and the
                               peak RSS (wait4) of the whole run: start-up, the key,
                               and a second of idling (the app's warm-up) before q
  sizes   NODE CLI DB          bytes a whole frame takes (Ctrl-L) and a cursor move (j, k)
  keys    NODE CLI DB          one app session: key press to the end of the frame it draws,
                               for j, G/g, typing into the filter, a tab switch, the editor
Clocks start just before fork; Python's own start-up is outside every figure.
"""
import fcntl
import json
import os
import pty
import select
import struct
import sys
import termios
import time

COLUMNS, ROWS = 80, 24
FIRST_FRAME_MARK = b"press ? for help"
ENV = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "FORCE_COLOR")}
ENV["TERM"] = "xterm-256color"


def spawn(argv):
    """The program on a new terminal of 80x24; (pid, master fd, time just before fork)."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        os.execve(argv[0], argv, ENV)
    return pid, fd, started


def read_until(fd, seen, found, timeout=10.0):
    """Read into `seen` (a bytearray) until found(seen); the time it was. None at end of output."""
    deadline = time.perf_counter() + timeout
    while not found(seen):
        left = deadline - time.perf_counter()
        if left <= 0:
            raise TimeoutError("no frame: " + seen[-400:].decode("utf8", "replace"))
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        seen += chunk
    return time.perf_counter()


def drain(fd):
    """Read until the program exits; the end of its output."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def finish(pid, fd):
    """Wait for the exit; peak RSS in MiB from the kernel's accounting (wait4)."""
    drain(fd)
    _, status, usage = os.wait4(pid, 0)
    os.close(fd)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"exited with {os.waitstatus_to_exitcode(status)}")
    return usage.ru_maxrss / 1024


def bare_node(node):
    pid, fd, started = spawn([node, "-e", ""])
    drain(fd)
    ended = time.perf_counter()
    return {"ms": (ended - started) * 1000, "rss": finish(pid, fd)}


def app_start(node, cli, db):
    """The first frame on screen (painted before Ink); Ink's own first frame, the same cells
    written again (the marker a second time); the answer to a key (2: the next tab) sent
    at first sight; then q."""
    pid, fd, started = spawn([node, cli, "--db", db])
    seen = bytearray()
    shown = read_until(fd, seen, lambda s: FIRST_FRAME_MARK in s)
    os.write(fd, b"2")
    # Ink draws its first frame whole (its incremental frames only what changed): the marker once more,
    # unless there was no frame before it (the plain path paints none).
    marks = 1 if os.environ.get("SANCTUM_CONFIG_PLAIN") == "1" else 2
    ink = read_until(fd, seen, lambda s: s.count(FIRST_FRAME_MARK) >= marks)
    answered = read_until(fd, seen, lambda s: b"[2 Paths]" in s)
    settle(fd, 1.0)
    os.write(fd, b"q")
    ms = lambda t: (t - started) * 1000
    return {"frame": ms(shown), "ink": ms(ink), "answered": ms(answered), "rss": finish(pid, fd)}


def pairs(rounds, node, cli, db):
    out = []
    for _ in range(rounds):
        out.append({"node": bare_node(node), "app": app_start(node, cli, db)})
    return out


def frame_after(fd, key, quiet=0.004, timeout=5.0):
    """Send a key; ms until the last byte of the frame it draws (its output, then `quiet` s of silence)."""
    sent = time.perf_counter()
    os.write(fd, key)
    last = None
    deadline = sent + timeout
    while True:
        wait = quiet if last else deadline - time.perf_counter()
        if wait <= 0:
            raise TimeoutError(f"no frame after {key!r}")
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            if last:
                return (last - sent) * 1000
            continue
        if not os.read(fd, 65536):
            raise RuntimeError("the app ended")
        last = time.perf_counter()


def frame_bytes(fd, key, quiet=0.05, timeout=5.0):
    """Send a key; the bytes of the frame it draws (its output, then `quiet` s of silence)."""
    os.write(fd, key)
    got = 0
    deadline = time.perf_counter() + timeout
    while True:
        ready, _, _ = select.select([fd], [], [], quiet if got else max(0, deadline - time.perf_counter()))
        if not ready:
            if got:
                return got
            raise TimeoutError(f"no frame after {key!r}")
        chunk = os.read(fd, 65536)
        if not chunk:
            raise RuntimeError("the app ended")
        got += len(chunk)


def sizes(node, cli, db):
    """Bytes on the wire: a whole frame (Ctrl-L draws it all again) against a cursor move (j, then k)."""
    pid, fd, _ = spawn([node, cli, "--db", db])
    seen = bytearray()
    read_until(fd, seen, lambda s: FIRST_FRAME_MARK in s)
    settle(fd, 1.0)
    full = [frame_bytes(fd, b"\x0c") for _ in range(3)]
    moves = []
    for _ in range(10):
        moves.append(frame_bytes(fd, b"j"))
        moves.append(frame_bytes(fd, b"k"))
    os.write(fd, b"q")
    finish(pid, fd)
    return {"full": full, "move": moves}


def settle(fd, pause=0.06):
    """Let the app go idle, reading whatever it still draws."""
    end = time.perf_counter() + pause
    while (left := end - time.perf_counter()) > 0:
        if select.select([fd], [], [], left)[0]:
            os.read(fd, 65536)


def keys(node, cli, db):
    pid, fd, _ = spawn([node, cli, "--db", db])
    seen = bytearray()
    read_until(fd, seen, lambda s: FIRST_FRAME_MARK in s)
    settle(fd, float(os.environ.get("SETTLE", "1.0")))
    timings = {"j": [], "G / g": [], "filter typing": [], "tab switch": [], "open editor": []}

    def press(name, key):
        timings[name].append(frame_after(fd, key))
        settle(fd)

    for _ in range(40):
        press("j", b"j")
    for _ in range(20):
        press("G / g", b"G")
        press("G / g", b"g")
    for _ in range(4):
        frame_after(fd, b"/")
        settle(fd)
        for char in b"bulk_1":
            press("filter typing", bytes([char]))
        frame_after(fd, b"\x1b")  # Esc clears the filter
        settle(fd, 0.2)
    for _ in range(15):
        press("tab switch", b"2")
        press("tab switch", b"1")
    for _ in range(20):
        press("open editor", b"\r")
        frame_after(fd, b"\x1b")  # Esc leaves it
        settle(fd)
    os.write(fd, b"q")
    finish(pid, fd)
    return timings


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "pairs":
        result = pairs(int(args[0]), *args[1:])
    elif mode == "keys":
        result = keys(*args)
    elif mode == "sizes":
        result = sizes(*args)
    else:
        raise SystemExit(f"unknown mode {mode}")
    print(json.dumps(result))
