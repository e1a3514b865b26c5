/* Stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks.
 *
 * Rust's standard library (pydantic-core, through fastapi) asks it for random bytes with
 * ProcessPrng. We answer from the system generator Wine does have (advapi32's RtlGenRandom,
 * exported as SystemFunction036), so the bytes are as random as on Windows.
 * Built by scripts/windows-smoke.sh with x86_64-w64-mingw32-gcc; never committed as a binary.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
