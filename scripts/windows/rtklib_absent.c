/* Stand-in for RTKLIB's rnx2rtkp.exe and convbin.exe in the Wine smoke build only.
 *
 * build.spec bundles RTKLIB's programs, and no Windows build of RTKLIB comes from the package
 * registries. The smoke check builds the .exe with this in their place; it says so and fails,
 * as a missing engine would. A real Windows build takes RTKLIB's own programs through
 * FIELDAPP_RTKLIB_DIR (README, Windows). Built by scripts/windows-smoke.sh; never committed.
 */
#include <stdio.h>

int main(void)
{
    fputs("RTKLIB is not part of the Wine smoke build (scripts/windows-smoke.sh)\n", stderr);
    return 2;
}
