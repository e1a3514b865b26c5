/* Stand-in for Windows' icuuc.dll (the system ICU of Windows 10 1903+), which Wine 8 lacks.
 *
 * Qt6Core links ICU's converter API (ucnv_*) only for QStringConverter's extra encodings;
 * UTF-8/16/32 and Latin-1, all fieldapp uses, are Qt's own code. Every converter open here
 * fails with U_FILE_ACCESS_ERROR and no converter is listed, so Qt falls back to its own codecs
 * as on a system without ICU. The other functions are never reached without a converter.
 * Built by scripts/windows-smoke.sh with x86_64-w64-mingw32-gcc; never committed as a binary.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

typedef int UErrorCode;

EXPORT void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard;
    if (err && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
    return NULL;
}

/* Unreachable without an open converter: present so the import table resolves. */
static void no_converter(UErrorCode *err)
{
    if (err && *err <= 0)
        *err = U_FILE_ACCESS_ERROR;
}

EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; no_converter(err); return NULL; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err)
{ (void)cnv; (void)a; (void)c; (void)oa; (void)oc; no_converter(err); }
EXPORT void ucnv_setFromUCallBack(void *cnv, void *a, const void *c, void **oa, const void **oc, UErrorCode *err)
{ (void)cnv; (void)a; (void)c; (void)oa; (void)oc; no_converter(err); }
EXPORT void ucnv_cbToUWriteUChars(void *args, const uint16_t *s, int32_t n, int32_t off, UErrorCode *err)
{ (void)args; (void)s; (void)n; (void)off; no_converter(err); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const uint16_t **s, const uint16_t *lim, int32_t off, UErrorCode *err)
{ (void)args; (void)s; (void)lim; (void)off; no_converter(err); }
EXPORT void ucnv_toUnicode(void *cnv, uint16_t **t, const uint16_t *tl, const char **s, const char *sl, int32_t *o, int8_t flush, UErrorCode *err)
{ (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush; no_converter(err); }
EXPORT void ucnv_fromUnicode(void *cnv, char **t, const char *tl, const uint16_t **s, const uint16_t *sl, int32_t *o, int8_t flush, UErrorCode *err)
{ (void)cnv; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)flush; no_converter(err); }
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; no_converter(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; no_converter(err); return 0; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const uint16_t *u, int32_t l, int32_t cp, int r, UErrorCode *err)
{ (void)c; (void)a; (void)u; (void)l; (void)cp; (void)r; (void)err; }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *c, void *a, const char *b, int32_t l, int r, UErrorCode *err)
{ (void)c; (void)a; (void)b; (void)l; (void)r; (void)err; }
