"""Who besides this user may open a file: POSIX mode bits, or the Windows ACL read back.

On Windows two independent readings: the security descriptor through the Win32 API (SDDL)
and ``icacls`` as an administrator would run it. Wine's icacls is a stub that prints nothing,
so ``icacls_entries`` returns None there and the icacls test skips; the SDDL reading is real.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path


def others_with_access(path: Path) -> list[str]:
    """Entries granting anyone but this user (and SYSTEM) access, or inherited from the folder."""
    if sys.platform != "win32":
        mode = stat.S_IMODE(path.stat().st_mode)
        return [f"group/others: mode {mode:04o}"] if mode & 0o077 else []
    from fieldapp.sync.owner_only import current_user_sid, file_sddl

    sddl = file_sddl(path)
    me = current_user_sid()
    dacl = sddl.split("D:", 1)[1] if "D:" in sddl else ""
    if not dacl or dacl.startswith("NO_ACCESS_CONTROL"):
        return [f"no DACL, everyone has access: {sddl}"]
    found = []
    for ace in re.findall(r"\(([^()]*)\)", dacl):
        kind, flags, _rights, _obj, _inherit_obj, sid = ace.split(";")[:6]
        if "ID" in flags:
            found.append(f"inherited from the folder: ({ace})")
        elif kind == "A" and sid not in (me, "SY"):  # SYSTEM: the OS, by design (owner_only.py)
            found.append(f"allowed to {sid}: ({ace})")
    return found


def icacls_entries(path: Path) -> list[str] | None:
    """The principals ``icacls`` lists for ``path`` ('DOMAIN\\user:(F)'), None if it lists none."""
    done = subprocess.run(["icacls", str(path)], capture_output=True, text=True, check=False)
    out = done.stdout.replace(str(path), "", 1)
    entries = [line.strip() for line in out.splitlines() if ":(" in line]
    return entries or None


def user_name() -> str:
    return os.environ.get("USERNAME", "")
