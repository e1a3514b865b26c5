"""Files only this user may read (signing key, secrets): mode 0600 on POSIX, an ACL on Windows.

On Windows ``os.chmod`` only toggles the read-only bit, so a file made with mode 0600 is open
to whoever its folder's inherited ACL admits. There the file gets a protected DACL (nothing
inherited from the folder) with two entries, full control for the user running fieldapp and
for SYSTEM, the operating system itself (backup and the file indexer run as SYSTEM, which can
read any file anyway; OpenSSH for Windows demands the same of a private key). Not
Administrators, not Users. The ACL is set through the Win32 security API (advapi32 via ctypes):
no extra dependency, no console window from icacls. SetFileSecurityW rather than
SetNamedSecurityInfoW: the latter is a silent no-op on files under Wine (where the smoke
check runs) and there is no folder below a file to propagate inheritance to.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

OWNER_ONLY_MODE = 0o600

# Win32 constants (winnt.h, accctrl.h, sddl.h).
_TOKEN_QUERY = 0x0008
_TOKEN_USER = 1
_SDDL_REVISION_1 = 1
_SE_FILE_OBJECT = 1
_OWNER_SECURITY_INFORMATION = 0x1
_DACL_SECURITY_INFORMATION = 0x4


def restrict_to_owner(path: Path) -> None:
    """Make ``path`` readable and writable by this user only (OSError if that fails)."""
    if sys.platform == "win32":
        _set_owner_only_acl(path)
    else:
        path.chmod(OWNER_ONLY_MODE)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole (temp file, fsync, rename), owner-only before any byte.

    A stale temp file from a crash is removed first: opening it again would keep its mode.
    The rename keeps the temp file's permissions on both systems.
    """
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 OWNER_ONLY_MODE)  # fmt: skip
    try:
        if sys.platform == "win32":
            _set_owner_only_acl(tmp)  # still empty: nothing was readable before this
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    tmp.replace(path)


def current_user_sid() -> str:
    """The string SID of the user this process runs as, e.g. 'S-1-5-21-...-1001' (Windows)."""
    if sys.platform != "win32":
        raise OSError("security identifiers exist on Windows only")
    import ctypes
    from ctypes import wintypes

    api = _Win32()
    token = wintypes.HANDLE()
    if not api.advapi32.OpenProcessToken(
        api.kernel32.GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token)
    ):
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        size = wintypes.DWORD()
        api.advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        if not api.advapi32.GetTokenInformation(
            token, _TOKEN_USER, buffer, size, ctypes.byref(size)
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
        text = wintypes.LPWSTR()
        if not api.advapi32.ConvertSidToStringSidW(sid, ctypes.byref(text)):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            return str(text.value)
        finally:
            api.kernel32.LocalFree(text)
    finally:
        api.kernel32.CloseHandle(token)


def file_sddl(path: Path) -> str:
    """The owner and DACL of ``path`` in SDDL, e.g. 'O:S-1-5-21-…D:P(A;;FA;;;S-1-5-21-…)'."""
    if sys.platform != "win32":
        raise OSError("security descriptors exist on Windows only")
    import ctypes
    from ctypes import wintypes

    api = _Win32()
    info = _OWNER_SECURITY_INFORMATION | _DACL_SECURITY_INFORMATION
    sd = ctypes.c_void_p()
    unused = ctypes.c_void_p()
    error = api.advapi32.GetNamedSecurityInfoW(
        str(path), _SE_FILE_OBJECT, info, ctypes.byref(unused), None, ctypes.byref(unused),
        None, ctypes.byref(sd),
    )  # fmt: skip
    if error:
        raise ctypes.WinError(error)
    try:
        text = wintypes.LPWSTR()
        if not api.advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(
            sd, _SDDL_REVISION_1, info, ctypes.byref(text), None
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            return str(text.value)
        finally:
            api.kernel32.LocalFree(text)
    finally:
        api.kernel32.LocalFree(sd)


def _set_owner_only_acl(path: Path) -> None:
    if sys.platform != "win32":
        raise OSError("ACLs are set on Windows only")
    import ctypes

    api = _Win32()
    sd = ctypes.c_void_p()
    if not api.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
        owner_only_sddl(current_user_sid()), _SDDL_REVISION_1, ctypes.byref(sd), None
    ):
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        if not api.advapi32.SetFileSecurityW(str(path), _DACL_SECURITY_INFORMATION, sd):
            error = ctypes.get_last_error()
            raise ctypes.WinError(error, f"{path}: cannot make it private to this user")
    finally:
        api.kernel32.LocalFree(sd)


def owner_only_sddl(user_sid: str) -> str:
    """The DACL set: protected (D:P), full access (FA) for SYSTEM (SY) and this user only."""
    return f"D:P(A;;FA;;;SY)(A;;FA;;;{user_sid})"


class _Win32:
    """advapi32 and kernel32 with the argument types the calls above need (64-bit safe)."""

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise OSError("Win32 API on Windows only")
        import ctypes
        from ctypes import wintypes

        ptr = ctypes.c_void_p
        pptr = ctypes.POINTER(ctypes.c_void_p)
        self.advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        k, a = self.kernel32, self.advapi32
        k.GetCurrentProcess.restype = wintypes.HANDLE
        k.GetCurrentProcess.argtypes = []
        k.CloseHandle.argtypes = [wintypes.HANDLE]
        k.LocalFree.argtypes = [ptr]
        k.LocalFree.restype = ptr
        a.OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD,
                                       ctypes.POINTER(wintypes.HANDLE)]  # fmt: skip
        a.OpenProcessToken.restype = wintypes.BOOL
        a.GetTokenInformation.argtypes = [wintypes.HANDLE, ctypes.c_int, ptr, wintypes.DWORD,
                                          ctypes.POINTER(wintypes.DWORD)]  # fmt: skip
        a.GetTokenInformation.restype = wintypes.BOOL
        a.ConvertSidToStringSidW.argtypes = [ptr, ctypes.POINTER(wintypes.LPWSTR)]
        a.ConvertSidToStringSidW.restype = wintypes.BOOL
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW.argtypes = [
            wintypes.LPCWSTR, wintypes.DWORD, pptr, ctypes.POINTER(wintypes.ULONG)]  # fmt: skip
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW.restype = wintypes.BOOL
        a.SetFileSecurityW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD, ptr]
        a.SetFileSecurityW.restype = wintypes.BOOL
        a.GetNamedSecurityInfoW.argtypes = [wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD,
                                            pptr, pptr, pptr, pptr, pptr]  # fmt: skip
        a.GetNamedSecurityInfoW.restype = wintypes.DWORD
        a.ConvertSecurityDescriptorToStringSecurityDescriptorW.argtypes = [
            ptr, wintypes.DWORD, wintypes.DWORD, ctypes.POINTER(wintypes.LPWSTR),
            ctypes.POINTER(wintypes.ULONG)]  # fmt: skip
        a.ConvertSecurityDescriptorToStringSecurityDescriptorW.restype = wintypes.BOOL
