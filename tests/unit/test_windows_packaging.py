"""The Windows product's parts made at build time: icon, version resource, installer script."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from fieldapp import __version__

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
sys.path.insert(0, str(WINDOWS))

from icon import ICO_SIZES, draw_icon, write_ico  # noqa: E402
from version_info import version_info_text, version_numbers, write_version_file  # noqa: E402


def test_icon_has_every_windows_size(tmp_path: Path) -> None:
    ico = write_ico(tmp_path / "fieldapp.ico")
    with Image.open(ico) as im:
        assert sorted(im.info["sizes"]) == [(n, n) for n in ICO_SIZES]
    big = draw_icon(256)
    assert big.getpixel((0, 0))[3] == 0  # rounded corners are transparent
    assert big.getpixel((128, 200))[:3] == (245, 245, 240)  # the white pillar in the middle
    small = draw_icon(16)
    assert small.size == (16, 16) and small.getpixel((8, 12))[3] == 255


def _recorder(name: str):  # type: ignore[no-untyped-def]
    return lambda *a, **k: (name, a, k)


def _tree(text: str) -> tuple:  # type: ignore[type-arg]
    """Evaluate PyInstaller's version-file expression into plain tuples (pefile is Windows-only)."""
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")  # fmt: skip
    space = {n: _recorder(n) for n in names}
    return eval(compile(text, "version.txt", "eval"), {"__builtins__": {}}, space)  # type: ignore[no-any-return]


def test_version_resource_from_the_package_version() -> None:
    assert version_numbers("0.1.0") == (0, 1, 0, 0)
    assert version_numbers("2.10") == (2, 10, 0, 0)
    assert version_numbers("0.2.0rc1") == (0, 2, 0, 0)
    with pytest.raises(ValueError):
        version_numbers("dev")
    text = version_info_text(__version__, "fieldapp-gui.exe", "fieldapp")
    name, _, kw = _tree(text.split("\n", 1)[1])
    assert name == "VSVersionInfo"
    assert kw["ffi"][2]["filevers"] == version_numbers(__version__)
    strings = {s[1][0]: s[1][1] for s in kw["kids"][0][1][0][0][1][1]}
    assert strings["ProductVersion"] == __version__ == strings["FileVersion"]
    assert (
        strings["OriginalFilename"] == "fieldapp-gui.exe" and strings["ProductName"] == "fieldapp"
    )


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller's reader needs pefile (Windows)")
def test_pyinstaller_reads_the_version_file(tmp_path: Path) -> None:
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    path = write_version_file(tmp_path / "v.txt", __version__, "fieldapp.exe", "fieldapp CLI")
    info = load_version_info_from_text_file(str(path))
    assert "ProductVersion" in str(info) and __version__ in str(info)


def test_build_spec_makes_both_programs_with_the_resources() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'name="fieldapp",\n    console=True' in spec
    assert 'name="fieldapp-gui",\n    console=False' in spec
    assert "packaging/windows/fieldapp_gui.py" in spec and "write_ico" in spec
    assert 'name="fieldapp")' in spec  # the one folder the installer packs: dist/fieldapp


def test_installer_script_is_per_user_bilingual_and_takes_the_built_version() -> None:
    iss = (WINDOWS / "fieldapp.iss").read_text(encoding="utf-8")
    setup = dict(re.findall(r"^(\w+)=(.*)$", iss, re.M))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"  # %LOCALAPPDATA%\Programs per user
    assert setup["AppVersion"] == "{#AppVersion}" and __version__ not in iss
    assert 'GetStringFileInfo(DistDir + "\\fieldapp.exe", "ProductVersion")' in iss
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile: "([^"]+)"', iss, re.M)
    assert languages == [
        ("indonesian", "compiler:Default.isl,Indonesian.isl"),
        ("english", "compiler:Default.isl"),
    ]
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\fieldapp-gui.exe"', iss, re.M
    )
    assert re.search(r'^Name: "\{autodesktop\}.*Tasks: desktopicon$', iss, re.M)
    isl = (WINDOWS / "Indonesian.isl").read_bytes()
    assert isl.isascii() and b"LanguageName=Bahasa Indonesia" in isl
    assert b"LanguageID=$0421" in isl and b"CreateDesktopIcon=" in isl
