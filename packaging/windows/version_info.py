"""The Windows version resource of fieldapp.exe, from fieldapp.__version__ (PyInstaller's format).

Explorer's Properties › Details and the installer read it; Inno Setup takes the installer's
version from the built exe (fieldapp.iss), so the version is written in one place only.
"""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "fieldapp"
PRODUCT = "fieldapp"
COPYRIGHT = "Proprietary"


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a pre-release tail ('0.2.0rc1') is dropped from the numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0].split("rc")[0])][:4]
    if not numbers:
        raise ValueError(f"version {version!r} has no numbers")
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_info_text(version: str, exe_name: str, description: str) -> str:
    """The text PyInstaller's ``version=`` file holds (a VSVersionInfo expression)."""
    nums = version_numbers(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": Path(exe_name).stem,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums!r}, prodvers={nums!r}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {table}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def write_version_file(path: Path, version: str, exe_name: str, description: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_info_text(version, exe_name, description), encoding="utf-8")
    return path
