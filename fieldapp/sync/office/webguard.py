"""Review pages' guard: sign-in pages, session cookie, CSRF + Origin checks, security headers."""

# No `from __future__ import annotations`: FastAPI reads the annotations at runtime.
import hmac
import secrets
from collections.abc import Awaitable, Callable
from html import escape
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from fieldapp.sync.office import staffauth
from fieldapp.sync.office.db import Database

COOKIE = "fieldapp_session"
LOGIN_COOKIE = "fieldapp_login"  # double-submit CSRF token of the login form (no session yet)
PREFIX = "/review"
LOGIN_PATH = f"{PREFIX}/login"
STYLE_PATH = f"{PREFIX}/style.css"
MAX_FORM_BYTES = 64 << 10

CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; form-action 'self';"
    " frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    # Every review response is staff-only or the login form: nothing may sit in a cache.
    "Cache-Control": "no-store",
}

STYLE = (
    "body{font-family:sans-serif;margin:1.5em;max-width:70em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
    ".state{font-weight:bold}img.photo{max-width:14em;margin:.3em}textarea{width:30em}"
    "svg.map{border:1px solid #999;background:#f8f8f0}.error{color:#a00;font-weight:bold}"
    "form.inline{display:inline}"
    ".problems{border:2px solid #c60;background:#fff4e0;padding:.3em 1em}img.page{max-width:40em}"
    "tr.overdue td.late{background:#fdd;color:#900;font-weight:bold}"
    "tr.damaged td.cond{background:#fec;color:#940;font-weight:bold}"
    "tr.withdrawn{color:#888;text-decoration:line-through}.counts{font-size:1.1em}"
    "td.date{white-space:nowrap}td.new{color:#060;font-weight:bold}"
)


def install_security_headers(app: FastAPI) -> None:
    """Every /review response gets them; a route's own stricter value (e.g. a sandbox) stays."""

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if request.url.path == PREFIX or request.url.path.startswith(PREFIX + "/"):
            for key, value in SECURITY_HEADERS.items():
                response.headers.setdefault(key, value)
        return response


def page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang='id'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><link rel='stylesheet' href='{STYLE_PATH}'></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>",
        status_code=status,
    )


def cookie_header(name: str, value: str, max_age: int | None = None) -> str:
    age = f"; Max-Age={max_age}" if max_age is not None else ""
    return f"{name}={value}; HttpOnly; Secure; SameSite=Strict; Path={PREFIX}{age}"


def _own_origin(request: Request) -> str:
    host = request.headers.get("host", "")
    return f"{request.url.scheme}://{host}".lower()


def check_origin(request: Request) -> None:
    """A state change must come from a page of this office: Origin, else Referer, else 403."""
    origin = request.headers.get("origin")
    if origin is None:
        referer = request.headers.get("referer")
        if referer is None:
            raise HTTPException(403, "refused: no Origin or Referer header on a state change")
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    if origin.lower() != _own_origin(request):
        raise HTTPException(403, "refused: the request comes from another origin")


async def read_form(request: Request) -> dict[str, str]:
    """The url-encoded form (Starlette caches the body, so the route may read it again)."""
    # Read before the password is checked: bounded, so no one fills the office's memory.
    # The server stops a body at its declared length; browsers always declare it for forms.
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > MAX_FORM_BYTES:
        raise HTTPException(413, f"a form has a Content-Length of at most {MAX_FORM_BYTES} bytes")
    try:
        text = (await request.body()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, "the form is not UTF-8") from exc
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def build_guard(db: Database) -> tuple[APIRouter, Callable[..., Awaitable[staffauth.Staff]]]:
    """The login/logout routes and the dependency that admits a signed-in staff member.

    The dependency redirects a page request without a session to the login page and
    refuses (403) a POST without a session, from another origin or without the CSRF token
    (form field ``csrf`` or, for scripts, the ``X-CSRF-Token`` header).
    """
    router = APIRouter()  # included into the /review router

    async def staff_session(request: Request) -> staffauth.Staff:
        state_change = request.method not in ("GET", "HEAD", "OPTIONS")
        if state_change:
            check_origin(request)
        token = request.cookies.get(COOKIE, "")
        staff = await run_in_threadpool(staffauth.staff_for_session, db, token)
        if staff is None:
            if state_change:
                raise HTTPException(403, "refused: sign in first")
            raise HTTPException(303, "sign in first", {"Location": LOGIN_PATH})
        if state_change:
            sent = request.headers.get("x-csrf-token") or (await read_form(request)).get("csrf")
            if not sent or not hmac.compare_digest(sent, staff.csrf):
                raise HTTPException(403, "refused: the form's CSRF token is missing or wrong")
        return staff

    def login_page(message: str = "", status: int = 200) -> HTMLResponse:
        nonce = secrets.token_urlsafe(24)
        error = f"<p class='error'>{escape(message)}</p>" if message else ""
        body = (
            f"{error}<form method='post' action='{LOGIN_PATH}'>"
            f"<input type='hidden' name='csrf' value='{nonce}'>"
            "<p><label>Nama <input name='name' autocomplete='username' required></label></p>"
            "<p><label>Kata sandi <input name='password' type='password'"
            " autocomplete='current-password' required></label></p>"
            "<p><button>Masuk</button></p></form>"
            "<p>Halaman ini memerlukan HTTPS (atau alamat localhost) agar cookie masuk"
            " diterima.</p>"
        )
        response = page("Masuk", body, status)
        response.headers["set-cookie"] = cookie_header(LOGIN_COOKIE, nonce, 3600)
        return response

    @router.get("/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(STYLE, media_type="text/css")

    @router.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form() -> HTMLResponse:
        return login_page()

    @router.post("/login", include_in_schema=False)
    async def login_submit(request: Request) -> Response:
        check_origin(request)
        form = await read_form(request)
        nonce = request.cookies.get(LOGIN_COOKIE, "")
        if not nonce or not hmac.compare_digest(form.get("csrf", ""), nonce):
            raise HTTPException(403, "refused: the login form's CSRF token is missing or wrong")
        result = await run_in_threadpool(
            staffauth.login,
            db,
            form.get("name", ""),
            form.get("password", ""),
            client_of(request),
        )
        if result.locked_minutes:
            return login_page(
                f"Terlalu banyak percobaan gagal; coba lagi dalam {result.locked_minutes} menit.",
                429,
            )
        if result.session_token is None:
            return login_page("Nama atau kata sandi salah.", 401)
        response = RedirectResponse(PREFIX, status_code=303)
        response.headers.append("set-cookie", cookie_header(COOKIE, result.session_token))
        response.headers.append("set-cookie", cookie_header(LOGIN_COOKIE, "", 0))
        return response

    @router.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        staff = await staff_session(request)
        await run_in_threadpool(staffauth.logout, db, staff.session_token)
        response = RedirectResponse(LOGIN_PATH, status_code=303)
        response.headers.append("set-cookie", cookie_header(COOKIE, "", 0))
        return response

    return router, staff_session


def logout_form(staff: staffauth.Staff) -> str:
    return (
        f"<form class='inline' method='post' action='{PREFIX}/logout'>"
        f"<input type='hidden' name='csrf' value='{staff.csrf}'><button>Keluar</button></form>"
    )


def csrf_field(staff: staffauth.Staff) -> str:
    return f"<input type='hidden' name='csrf' value='{staff.csrf}'>"
