"""Write qtbase_id.qm: Qt's own texts (OK/Cancel, the file dialog, message boxes) in Indonesian.

Qt ships no qtbase translation for Indonesian, so the texts of its dialogs that a surveyor
meets are translated here, by Qt's context and source text, and compiled with lrelease.
Usage: .venv/bin/python resources/translations/qt_id.py   (writes qtbase_id.qm here)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

QT_ID: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "OK",
        "Save": "Simpan",
        "Save All": "Simpan semua",
        "Open": "Buka",
        "&Yes": "&Ya",
        "Yes to &All": "Ya untuk &semua",
        "&No": "&Tidak",
        "N&o to All": "T&idak untuk semua",
        "Abort": "Hentikan",
        "Retry": "Coba lagi",
        "Ignore": "Abaikan",
        "Close": "Tutup",
        "Cancel": "Batal",
        "Discard": "Buang",
        "Help": "Bantuan",
        "Apply": "Terapkan",
        "Reset": "Atur ulang",
        "Restore Defaults": "Kembalikan bawaan",
    },
    "QDialogButtonBox": {"OK": "OK"},
    "QMessageBox": {
        "Show Details...": "Tampilkan rincian...",
        "Hide Details...": "Sembunyikan rincian...",
    },
    "QInputDialog": {"Enter a value:": "Masukkan nilai:"},
    "QFileDialog": {
        "Open": "Buka",
        "Save As": "Simpan sebagai",
        "&Open": "&Buka",
        "&Save": "&Simpan",
        "&Choose": "&Pilih",
        "&Delete": "&Hapus",
        "&Rename": "&Ganti nama",
        "&New Folder": "Folder &baru",
        "New Folder": "Folder baru",
        "Create New Folder": "Buat folder baru",
        "Create a New Folder": "Buat folder baru",
        "Delete": "Hapus",
        "Remove": "Hapus",
        "&Look in:": "&Cari di:",
        "Look in:": "Cari di:",
        "File &name:": "&Nama berkas:",
        "Files of &type:": "&Jenis berkas:",
        "Directory:": "Folder:",
        "Directories": "Folder",
        "Files": "Berkas",
        "All Files (*)": "Semua berkas (*)",
        "All files (*)": "Semua berkas (*)",
        "Find Directory": "Cari folder",
        "Back": "Kembali",
        "Forward": "Maju",
        "Go back": "Kembali",
        "Go forward": "Maju",
        "Parent Directory": "Folder induk",
        "Go to the parent directory": "Ke folder induk",
        "List View": "Tampilan daftar",
        "Detail View": "Tampilan rinci",
        "Change to list view mode": "Ganti ke tampilan daftar",
        "Change to detail view mode": "Ganti ke tampilan rinci",
        "Sidebar": "Bilah samping",
        "List of places and bookmarks": "Daftar tempat dan penanda",
        "Recent Places": "Tempat terakhir",
        "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "Could not delete directory.": "Folder tidak dapat dihapus.",
        "Are you sure you want to delete '%1'?": "Yakin akan menghapus '%1'?",
        "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti?",
        "%1\nFile not found.\nPlease verify the correct file name was given.": (
            "%1\nBerkas tidak ditemukan.\nPeriksa nama berkasnya."
        ),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
            "%1\nFolder tidak ditemukan.\nPeriksa nama foldernya."
        ),
        "'%1' is write protected.\nDo you want to delete it anyway?": (
            "'%1' dilindungi dari penulisan.\nTetap hapus?"
        ),
    },
    "QFileSystemModel": {
        "Name": "Nama",
        "Size": "Ukuran",
        "Kind": "Jenis",
        "Type": "Jenis",
        "Date Modified": "Tanggal diubah",
        "My Computer": "Komputer",
        "Computer": "Komputer",
    },
    "QLineEdit": {
        "&Undo": "&Urungkan",
        "&Redo": "&Ulangi",
        "Cu&t": "Po&tong",
        "&Copy": "&Salin",
        "&Paste": "T&empel",
        "Delete": "Hapus",
        "Select All": "Pilih semua",
    },
    "QWidgetTextControl": {
        "&Undo": "&Urungkan",
        "&Redo": "&Ulangi",
        "Cu&t": "Po&tong",
        "&Copy": "&Salin",
        "&Paste": "T&empel",
        "Delete": "Hapus",
        "Select All": "Pilih semua",
        "Copy &Link Location": "Salin &alamat tautan",
    },
    "QPrintDialog": {
        "Print": "Cetak",
        "Print To File ...": "Cetak ke berkas ...",
        "&Print": "&Cetak",
        "&Options >>": "&Pilihan >>",
        "&Options <<": "&Pilihan <<",
        "Print to File (PDF)": "Cetak ke berkas (PDF)",
        "Local file": "Berkas lokal",
        "Write PDF file": "Tulis berkas PDF",
    },
    "QPrintPreviewDialog": {
        "Print Preview": "Pratinjau cetak",
        "Print": "Cetak",
        "Close": "Tutup",
    },
}


def write_ts(path: Path) -> None:
    ts = ET.Element("TS", version="2.1", language="id_ID")
    for context, messages in QT_ID.items():
        ctx = ET.SubElement(ts, "context")
        ET.SubElement(ctx, "name").text = context
        for source, translation in messages.items():
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            ET.SubElement(msg, "translation").text = translation
    ET.ElementTree(ts).write(path, encoding="utf-8", xml_declaration=True)


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else (shutil.which("pyside6-lrelease") or "lrelease")


if __name__ == "__main__":
    folder = Path(__file__).parent
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "qtbase_id.ts"
        write_ts(ts)
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(folder / "qtbase_id.qm")],
                       check=True)  # fmt: skip
