"""Whether Qt can open a window here: a headless start says so instead of Qt's plugin abort."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# Platform plugins that draw without a display server (or to a framebuffer they own).
_NO_SERVER_NEEDED = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")

NO_DISPLAY = (
    "no display found (DISPLAY/WAYLAND_DISPLAY not set): to get the views anyway run "
    "`fieldapp demo --screenshot DIR`, or set QT_QPA_PLATFORM=offscreen"
)


def missing_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on Linux/BSD when no X/Wayland display is reachable and no headless plugin is set.

    Windows and macOS always have their one platform plugin; there is nothing to check.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not (platform.startswith("linux") or "bsd" in platform):
        return False
    plugin = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if plugin in _NO_SERVER_NEEDED:
        return False
    if plugin == "xcb":
        return not env.get("DISPLAY")
    if plugin == "wayland":
        return not env.get("WAYLAND_DISPLAY")
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def use_offscreen_when_headless() -> None:
    """For screenshots: with no display, draw offscreen (before the QApplication exists)."""
    if missing_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
