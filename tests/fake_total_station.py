"""A fake total station on a real serial link: answers GeoCOM or GSI online requests.

The link is a pseudo-terminal (POSIX) or a ``socket://`` port (everywhere, and the only one on
Windows): the app opens ``port`` through its serial code either way (tests/serialkit.py).
The test supplies ``aim()``, returning the (Hz, V, slope distance) the instrument would read
right now (degrees, metres, or None for no prism), typically from a simulated prism position.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from serialkit import DEFAULT_LINK, open_port

Reading = tuple[float, float, float | None]


class FakeTotalStation:
    """Serves requests in a thread on the instrument side; the app opens ``port``."""

    def __init__(
        self, aim: Callable[[], Reading], protocol: str = "geocom", link: str = DEFAULT_LINK
    ) -> None:
        self.aim = aim
        self.protocol = protocol
        self._end = open_port(link)
        self.port = self._end.port
        self.requests: list[bytes] = []
        self.silent = False  # True: swallow requests (instrument switched off)
        self.after_reply: Callable[[bytes], None] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def cut(self) -> None:
        """Link loss: the cable is pulled, the port is gone."""
        self._stop.set()
        self._thread.join(5)
        self._end.close()

    close = cut

    def _serve(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            data = self._end.read(0.05)
            if data is None:
                return
            buffer += data
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                line = line.strip()
                if not line:
                    continue
                self.requests.append(line)
                if self.silent:
                    continue
                self._end.write(self._reply(line.decode("ascii")))
                if self.after_reply is not None:
                    self.after_reply(line)

    def _reply(self, request: str) -> bytes:
        if self.protocol == "geocom":
            return self._geocom(request)
        return self._gsi(request)

    def _geocom(self, request: str) -> bytes:
        rpc = int(request.split(":")[0].split(",")[1])
        if rpc not in (2108, 2107):
            return b"%R1P,0,0:0\r\n"
        hz, v, sd = self.aim()
        values = f"{math.radians(hz)!r},{math.radians(v)!r}"
        if rpc == 2107:
            return f"%R1P,0,0:0,{values}\r\n".encode()
        if sd is None:
            return f"%R1P,0,0:1292,{values},0\r\n".encode()  # no distance: no prism
        return f"%R1P,0,0:0,{values},{sd!r}\r\n".encode()

    def _gsi(self, request: str) -> bytes:
        if not request.startswith("GET/"):
            return b"@W127\r\n"
        hz, v, sd = self.aim()
        words = [f"*110001+{1:016d}", f"21.323+{round(hz * 1e5):016d}",
                 f"22.323+{round(v * 1e5):016d}"]  # fmt: skip
        if "WI31" in request:
            if sd is None:
                return b"@E158\r\n"
            words.append(f"31...8+{round(sd * 1e5):016d}")
        return (" ".join(words) + " \r\n").encode()
