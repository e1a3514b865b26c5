"""Wine 8 stand-ins for the Windows smoke check (scripts/windows-smoke.sh): never shipped."""

import sys

# platform.win32_ver()/uname() ask WMI through _wmi first; Wine 8's WMI answers that query
# with a crash of the interpreter. Without _wmi, platform reads the registry as before 3.12.
sys.modules["_wmi"] = None  # type: ignore[assignment]

# shutil.copy2 uses CopyFile2 when _winapi has it; Wine 8's kernel32 does not export it, and
# the call fails. Without the attribute shutil copies with its portable code.
import _winapi  # noqa: E402

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
